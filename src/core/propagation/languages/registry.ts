import type { LanguageModule } from '../analysis/language';
import type { GrammarId, PropagationLanguage } from '../model';
import { pythonModule } from './python/module';

/** File extensions the linter reads, with the grammar that parses them and the language setting that governs them. */
const extensions: Readonly<Record<string, { grammar: GrammarId; language: PropagationLanguage }>> = {
  '.py': { grammar: 'python', language: 'python' },
};

const modules: Readonly<Record<PropagationLanguage, LanguageModule | undefined>> = {
  python: pythonModule,
  javascript: undefined,
  typescript: undefined,
  go: undefined,
  java: undefined,
};

export interface FileLanguage {
  readonly grammar: GrammarId;
  readonly language: PropagationLanguage;
  readonly module: LanguageModule;
}

export function languageOfPath(path: string): FileLanguage | undefined {
  const dot = path.lastIndexOf('.');
  const entry = dot === -1 ? undefined : extensions[path.slice(dot).toLowerCase()];
  const module = entry ? modules[entry.language] : undefined;
  return entry && module ? { ...entry, module } : undefined;
}

export const lintedExtensions: readonly string[] = Object.keys(extensions);

export const allGrammars: readonly GrammarId[] = [...new Set(Object.values(extensions).map((entry) => entry.grammar))];
