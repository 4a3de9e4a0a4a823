import type { SyntaxNode } from '../../runtime/syntaxTree';

export interface GoImport {
  readonly path: string;
  /** The explicit package name (`oh`, `_`, `.`), when there is one. */
  readonly alias?: string;
  readonly node: SyntaxNode;
}

/** The import specs of a Go file, in document order. */
export function goImports(root: SyntaxNode): GoImport[] {
  const specs: GoImport[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'import_spec') {
      const path = node.childForFieldName('path')?.text.slice(1, -1);
      const alias = node.childForFieldName('name')?.text;
      if (path !== undefined) specs.push({ path, node, ...(alias === undefined ? {} : { alias }) });
      return;
    }
    for (const child of node.namedChildren) visit(child);
  };
  for (const declaration of root.namedChildren) if (declaration.type === 'import_declaration') visit(declaration);
  return specs;
}

/** The name an import without an alias is used by: the last path element, or the one before a major version (`echo/v4`). */
export function defaultPackageName(importPath: string): string {
  const elements = importPath.split('/');
  const last = elements.at(-1) ?? importPath;
  return /^v\d+$/.test(last) ? (elements.at(-2) ?? last) : last;
}

/** The name code uses for an imported package: its alias, or the last element of its path. */
export function goPackageName(spec: GoImport): string {
  return spec.alias ?? defaultPackageName(spec.path);
}
