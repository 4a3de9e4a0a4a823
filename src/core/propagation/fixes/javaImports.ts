import type { SyntaxNode } from '../runtime/syntaxTree';
import type { TextEdit } from './model';

/** The names Java code can use for some types, and the import declarations that let it. */
export interface JavaTypeNames {
  /** By qualified name: the simple name when imported (or importable), the qualified name otherwise. */
  readonly names: ReadonlyMap<string, string>;
  /** At most one edit per insertion point, each with the new imports in order. */
  readonly edits: readonly TextEdit[];
}

function importedName(declaration: SyntaxNode): string | undefined {
  if (declaration.text.startsWith('import static')) return undefined;
  return /^import\s+([\w.]+(?:\.\*)?)\s*;/.exec(declaration.text)?.[1];
}

/**
 * Makes each of `qualifiedNames` usable by its simple name: already imported (one by one or with `.*`), or imported
 * now, in alphabetical place among the file's imports. A type whose simple name another import takes stays qualified.
 */
export function javaTypeNames(root: SyntaxNode, text: string, qualifiedNames: readonly string[]): JavaTypeNames {
  const declarations = root.namedChildren.filter((child) => child.type === 'import_declaration');
  const imported = declarations.flatMap((declaration) => {
    const name = importedName(declaration);
    return name === undefined ? [] : [{ name, declaration }];
  });
  const names = new Map<string, string>();
  const inserts = new Map<number, { lines: string[]; readonly separated: boolean }>();
  const lineEnd = (offset: number): number => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : newline + 1;
  };
  for (const qualified of [...qualifiedNames].sort()) {
    const simple = qualified.slice(qualified.lastIndexOf('.') + 1);
    const wildcard = `${qualified.slice(0, qualified.lastIndexOf('.'))}.*`;
    if (imported.some((entry) => entry.name === qualified || entry.name === wildcard)) {
      names.set(qualified, simple);
      continue;
    }
    if (imported.some((entry) => entry.name.endsWith(`.${simple}`))) {
      names.set(qualified, qualified);
      continue;
    }
    names.set(qualified, simple);
    const before = imported.filter((entry) => entry.name < qualified).pop();
    const first = imported[0];
    const packageDeclaration = root.namedChildren.find((child) => child.type === 'package_declaration');
    // With no imports yet, the new ones get a blank line between them and the package declaration (or the code).
    const at = before ? lineEnd(before.declaration.endIndex) : first ? first.declaration.startIndex : packageDeclaration ? lineEnd(packageDeclaration.endIndex) : 0;
    const lines = inserts.get(at) ?? { lines: [], separated: !first };
    lines.lines.push(`import ${qualified};\n`);
    inserts.set(at, lines);
  }
  const edits = [...inserts].map(([at, insert]) => {
    const separator = insert.separated ? '\n' : '';
    const newText = at === 0 ? `${insert.lines.join('')}${separator}` : `${separator}${insert.lines.join('')}`;
    return { startOffset: at, endOffset: at, newText };
  });
  return { names, edits };
}
