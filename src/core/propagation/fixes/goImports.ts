import type { SyntaxNode } from '../runtime/syntaxTree';
import { defaultPackageName, goImports, goPackageName } from '../languages/go/imports';
import type { TextEdit } from './model';

const isStandardLibrary = (path: string): boolean => !(path.split('/')[0] ?? '').includes('.');

/** The end of the line `node` ends on, past its newline. */
function afterLine(text: string, node: SyntaxNode): number {
  const newline = text.indexOf('\n', node.endIndex);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Edits that import each of `paths` the file cannot already use under its own name: in the import block, standard
 * library paths in sorted order among the standard library imports (as gofmt keeps them), others at its end.
 */
export function goImportEdits(root: SyntaxNode, text: string, paths: readonly string[]): TextEdit[] {
  const specs = goImports(root);
  const missing = [...new Set(paths)].filter((path) => !specs.some((spec) => spec.path === path && goPackageName(spec) === defaultPackageName(path))).sort();
  if (missing.length === 0) return [];
  const firstList = root.namedChildren.find((child) => child.type === 'import_declaration')?.namedChildren.find((child) => child.type === 'import_spec_list');
  // A block written on one line (`import ("a"; "b")`) is left alone: new declarations follow it.
  const list = firstList?.text.includes('\n') ? firstList : undefined;
  const insertions = new Map<number, string>();
  const insert = (offset: number, line: string): void => {
    insertions.set(offset, (insertions.get(offset) ?? '') + line);
  };
  if (list) {
    const listed = specs.filter((spec) => spec.node.parent?.equals(list));
    const standard = listed.filter((spec) => isStandardLibrary(spec.path));
    const end = list.endIndex - 1;
    const atEnd = (path: string): void => {
      insert(end, `${text[end - 1] === '\n' ? '' : '\n'}\t"${path}"\n`);
    };
    const lastStandard = standard.at(-1);
    for (const path of missing) {
      const next = standard.find((spec) => spec.path > path);
      if (!isStandardLibrary(path) || !lastStandard) atEnd(path);
      else if (next) insert(next.node.startIndex, `"${path}"\n\t`);
      else if (afterLine(text, lastStandard.node) <= end) insert(afterLine(text, lastStandard.node), `\t"${path}"\n`);
      else atEnd(path);
    }
  } else {
    const lastDeclaration = root.namedChildren.filter((child) => child.type === 'import_declaration').at(-1);
    const anchor = lastDeclaration ?? root.namedChildren.find((child) => child.type === 'package_clause');
    insert(anchor?.endIndex ?? 0, (lastDeclaration ? '' : '\n') + missing.map((path) => `\nimport "${path}"`).join(''));
  }
  return [...insertions].map(([offset, newText]) => ({ startOffset: offset, endOffset: offset, newText }));
}
