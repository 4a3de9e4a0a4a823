import type { SyntaxNode } from '../../runtime/syntaxTree';
import type { TextEdit } from '../model';
import { quotedList } from '../text';

export const javascriptHelperName = 'forwardTraceHeaders';

function helperSource(headers: readonly string[], typed: boolean): string {
  const signature = typed ? `function ${javascriptHelperName}(incoming: object): Record<string, string> {` : `function ${javascriptHelperName}(incoming) {`;
  const source = typed ? '  const source = incoming as { get?: (name: string) => unknown } & Record<string, unknown>;' : '  const source = incoming;';
  const result = typed ? '  const headers: Record<string, string> = {};' : '  const headers = {};';
  return [
    '/** Trace headers of the incoming request (a Node or a fetch headers object), to pass on outbound calls (added by Trace Stitch). */',
    signature,
    source,
    result,
    `  for (const name of [${quotedList(headers, "'")}]) {`,
    "    const value = typeof source.get === 'function' ? source.get(name) : source[name];",
    "    if (typeof value === 'string' && value !== '') headers[name] = value;",
    '  }',
    '  return headers;',
    '}',
  ].join('\n');
}

/** Is this top-level statement an import, a `require`, or a directive (`'use strict'`) that must stay above the helper? */
function staysAbove(statement: SyntaxNode): boolean {
  if (statement.type === 'import_statement') return true;
  if (/^(lexical|variable)_declaration$/.test(statement.type)) return /\brequire\s*\(/.test(statement.text);
  return statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
}

/** The helper, once per file: after the imports, or at the top. */
export function javascriptHelperEdit(root: SyntaxNode, text: string, headers: readonly string[], typed: boolean): TextEdit | undefined {
  if (text.includes(`function ${javascriptHelperName}(`)) return undefined;
  let after = 0;
  for (const statement of root.namedChildren) {
    if (statement.type === 'comment') continue;
    if (!staysAbove(statement)) break;
    after = statement.endIndex;
  }
  const helper = helperSource(headers, typed);
  return { startOffset: after, endOffset: after, newText: after === 0 ? `${helper}\n\n` : `\n\n${helper}\n` };
}
