import type { SyntaxNode } from '../runtime/syntaxTree';
import type { TextEdit } from './model';

/** What a fix needs imported: `from <module> import <name>`, bound in the file as `local`. */
export interface PythonImport {
  readonly module: string;
  readonly name: string;
  readonly local: string;
}

const importTypes = /^(import_statement|import_from_statement|future_import_statement)$/;

function fromStatements(root: SyntaxNode, module: string): SyntaxNode[] {
  return root.namedChildren.filter((child) => child.type === 'import_from_statement' && child.childForFieldName('module_name')?.text === module);
}

/** The local name `from <module> import <name>` binds in the file (the alias, if any; the name under a `*` import). */
export function importedName(root: SyntaxNode, module: string, name: string): string | undefined {
  for (const statement of fromStatements(root, module)) {
    if (statement.namedChildren.some((child) => child.type === 'wildcard_import')) return name;
    for (const imported of statement.childrenForFieldName('name')) {
      if (imported.type === 'dotted_name' && imported.text === name) return name;
      if (imported.type === 'aliased_import' && imported.childForFieldName('name')?.text === name) return imported.childForFieldName('alias')?.text;
    }
  }
  return undefined;
}

/**
 * Is `name` unused as a name in `text`? Attributes such as `urllib.request` do not count, nor words of a header name
 * such as `"x-request-id"`.
 */
export function isFreeName(text: string, name: string): boolean {
  return !new RegExp(`(?<![\\w.-])${name}(?![\\w-])`).test(text);
}

/** Where new top-of-file code goes: after the last top-level import (0 when there is none). */
export function afterImports(root: SyntaxNode): number {
  return root.namedChildren.filter((child) => importTypes.test(child.type)).at(-1)?.endIndex ?? 0;
}

/**
 * Makes the imports available: each is appended to an existing `from <module> import …` statement when there is one
 * (an edit), else returned as a line for the caller to place after the imports.
 */
export function importEdits(root: SyntaxNode, imports: readonly PythonImport[]): { edits: TextEdit[]; lines: string[] } {
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  for (const wanted of imports) {
    const spec = wanted.local === wanted.name ? wanted.name : `${wanted.name} as ${wanted.local}`;
    const last = fromStatements(root, wanted.module)
      .map((statement) => statement.childrenForFieldName('name').at(-1))
      .find((name) => name !== undefined);
    if (last) edits.push({ startOffset: last.endIndex, endOffset: last.endIndex, newText: `, ${spec}` });
    else lines.push(`from ${wanted.module} import ${spec}`);
  }
  return { edits, lines };
}
