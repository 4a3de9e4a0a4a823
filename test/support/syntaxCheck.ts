import path from 'node:path';
import { Language, Parser, type Node } from '@vscode/tree-sitter-wasm';

/** The compiled file lives in out/test/support, so the repository root is three levels up. */
const wasmDir = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');

let ready: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

async function language(name: string): Promise<Language> {
  ready ??= Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
  await ready;
  let loaded = languages.get(name);
  if (!loaded) {
    loaded = Language.load(path.join(wasmDir, `tree-sitter-${name}.wasm`));
    languages.set(name, loaded);
  }
  return loaded;
}

/** Syntax errors tree-sitter finds in `source` (ERROR and MISSING nodes), as "line:column kind" strings. */
export async function syntaxErrors(source: string, grammar: 'python' | 'javascript' | 'typescript' | 'go' | 'java'): Promise<string[]> {
  const loaded = await language(grammar);
  const parser = new Parser();
  parser.setLanguage(loaded);
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const problems: string[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) problems.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `missing ${node.type}` : 'error'}`);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  parser.delete();
  return problems;
}
