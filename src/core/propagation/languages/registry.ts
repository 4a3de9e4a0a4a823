import type { LanguageModule } from '../analysis/language';
import type { GrammarId, PropagationLanguage } from '../model';
import { goModule } from './go/module';
import { javaModule } from './java/module';
import { javascriptLanguageModule, typescriptLanguageModule } from './javascript/module';
import { pythonModule } from './python/module';

/** File extensions the linter reads, with the grammar that parses them and the language setting that governs them. */
const extensions: Readonly<Record<string, { grammar: GrammarId; language: PropagationLanguage }>> = {
  '.py': { grammar: 'python', language: 'python' },
  '.js': { grammar: 'javascript', language: 'javascript' },
  '.jsx': { grammar: 'javascript', language: 'javascript' },
  '.mjs': { grammar: 'javascript', language: 'javascript' },
  '.cjs': { grammar: 'javascript', language: 'javascript' },
  '.ts': { grammar: 'typescript', language: 'typescript' },
  '.mts': { grammar: 'typescript', language: 'typescript' },
  '.cts': { grammar: 'typescript', language: 'typescript' },
  '.tsx': { grammar: 'tsx', language: 'typescript' },
  '.go': { grammar: 'go', language: 'go' },
  '.java': { grammar: 'java', language: 'java' },
};

const modules: Readonly<Record<PropagationLanguage, LanguageModule>> = {
  python: pythonModule,
  javascript: javascriptLanguageModule,
  typescript: typescriptLanguageModule,
  go: goModule,
  java: javaModule,
};

export interface FileLanguage {
  readonly grammar: GrammarId;
  readonly language: PropagationLanguage;
  readonly module: LanguageModule;
}

export function languageOfPath(path: string): FileLanguage | undefined {
  if (/\.d\.[cm]?ts$/.test(path)) return undefined;
  const dot = path.lastIndexOf('.');
  const entry = dot === -1 ? undefined : extensions[path.slice(dot).toLowerCase()];
  return entry ? { ...entry, module: modules[entry.language] } : undefined;
}

export const lintedExtensions: readonly string[] = Object.keys(extensions);

export const allGrammars: readonly GrammarId[] = [...new Set(Object.values(extensions).map((entry) => entry.grammar))];
