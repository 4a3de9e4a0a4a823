import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Language, Parser, Query } from '@vscode/tree-sitter-wasm';
import type { GrammarId } from '../model';

/** The WASM files the linter loads: the tree-sitter runtime and one grammar per parsed language. */
export const runtimeWasmFile = 'tree-sitter.wasm';
export const grammarWasmFiles: Readonly<Record<GrammarId, string>> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  go: 'tree-sitter-go.wasm',
  java: 'tree-sitter-java.wasm',
};

/**
 * The first folder among `candidates` that holds the runtime WASM: `dist/wasm` next to the bundles in the
 * extension and the CLI, `node_modules/@vscode/tree-sitter-wasm/wasm` when running from sources (tests).
 */
export function findWasmDirectory(candidates: readonly string[]): string {
  const found = candidates.find((folder) => existsSync(path.join(folder, runtimeWasmFile)));
  if (!found) throw new Error(`The tree-sitter WASM files were not found in: ${candidates.join(', ')}`);
  return found;
}

let runtimeReady: Promise<void> | undefined;

/** Parsers, grammars and compiled queries, created once and reused for every file. */
export class TreeSitterRuntime {
  private readonly parsers = new Map<GrammarId, Parser>();
  private readonly queries = new Map<string, Query>();

  private constructor(private readonly languages: ReadonlyMap<GrammarId, Language>) {}

  static async load(wasmDirectory: string, grammars: readonly GrammarId[]): Promise<TreeSitterRuntime> {
    runtimeReady ??= Parser.init({ locateFile: (file: string) => path.join(wasmDirectory, file) });
    await runtimeReady;
    const loaded = await Promise.all(
      grammars.map(async (grammar) => {
        const bytes = await readFile(path.join(wasmDirectory, grammarWasmFiles[grammar]));
        return [grammar, await Language.load(new Uint8Array(bytes))] as const;
      }),
    );
    return new TreeSitterRuntime(new Map(loaded));
  }

  language(grammar: GrammarId): Language {
    const language = this.languages.get(grammar);
    if (!language) throw new Error(`The ${grammar} grammar is not loaded`);
    return language;
  }

  parser(grammar: GrammarId): Parser {
    let parser = this.parsers.get(grammar);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(this.language(grammar));
      this.parsers.set(grammar, parser);
    }
    return parser;
  }

  /** Compiles a query once per grammar and name; query source errors surface here, at first use. */
  query(grammar: GrammarId, name: string, source: string): Query {
    const key = `${grammar}:${name}`;
    let query = this.queries.get(key);
    if (!query) {
      query = new Query(this.language(grammar), source);
      this.queries.set(key, query);
    }
    return query;
  }

  dispose(): void {
    for (const parser of this.parsers.values()) parser.delete();
    for (const query of this.queries.values()) query.delete();
    this.parsers.clear();
    this.queries.clear();
  }
}
