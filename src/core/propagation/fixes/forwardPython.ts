import type { SyntaxNode } from '../runtime/syntaxTree';
import type { CallShape, Syntax } from '../analysis/syntax';
import type { OutboundCall } from '../model';
import type { FixProposal, TextEdit } from './model';
import { afterImports, importEdits, importedName, isFreeName, type PythonImport } from './pythonImports';
import type { PythonIncoming } from './pythonIncoming';
import { indentationAt, lineStartOf, quotedList } from './text';

const pythonHelperName = 'forward_trace_headers';

function helperSource(headers: readonly string[]): string {
  // Two blank lines before a top-level definition (PEP 8): the insertion follows the last import's line.
  return [
    '',
    '',
    '',
    `def ${pythonHelperName}(incoming):`,
    '    """Trace headers of the incoming request, to pass on outbound calls (added by Trace Stitch)."""',
    `    names = (${quotedList(headers)})`,
    '    return {name: incoming[name] for name in names if name in incoming}',
    '',
  ].join('\n');
}

/**
 * Passes `headers` on a call: merged into its headers argument (keyword, or `positional`) ahead of what it holds, so
 * that headers written there keep their values; else as `headers=`.
 */
function headersArgument(call: CallShape, headers: string, text: string, positional?: SyntaxNode): TextEdit | undefined {
  const existing = call.named.get('headers') ?? positional;
  if (existing?.type === 'dictionary') {
    const open = existing.startIndex + 1;
    return { startOffset: open, endOffset: open, newText: existing.namedChildCount > 0 ? `**${headers}, ` : `**${headers}` };
  }
  if (existing) {
    const unpacked = /^(identifier|attribute|call|subscript)$/.test(existing.type) ? existing.text : `(${existing.text})`;
    return { startOffset: existing.startIndex, endOffset: existing.endIndex, newText: `{**${headers}, **${unpacked}}` };
  }
  const argumentList = call.node.childForFieldName('arguments');
  if (argumentList?.type !== 'argument_list') return undefined;
  const close = argumentList.endIndex - 1;
  const hasArguments = argumentList.namedChildCount > 0;
  const trailingComma = /,\s*$/.test(text.slice(argumentList.startIndex + 1, close));
  return { startOffset: close, endOffset: close, newText: `${hasArguments && !trailingComma ? ', ' : ''}headers=${headers}` };
}

/** The statement a node is part of (the node whose parent is a block or the module). */
function statementOf(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent && current.parent.type !== 'block' && current.parent.type !== 'module') current = current.parent;
  return current;
}

/**
 * `urlopen(url)` takes headers only through a `Request`: add them to the `Request(…)` it is given, to the request
 * variable it is given (`req.headers.update(…)` before the statement), or wrap the URL in a `Request` that has them.
 */
function urllibEdits(root: SyntaxNode, syntax: Syntax, call: CallShape, headers: string, text: string): { edits: TextEdit[]; imports: PythonImport[] } | undefined {
  const target = call.args[0] ?? call.named.get('url');
  if (!target) return undefined;
  const request = syntax.call(target);
  if (request?.name === 'Request') {
    const edit = headersArgument(request, headers, text, request.args[2]);
    return edit ? { edits: [edit], imports: [] } : undefined;
  }
  const name = syntax.identifierName(target);
  if (name !== undefined && new RegExp(`(?<![\\w.])${name}\\s*=\\s*(?:[\\w.]+\\.)?Request\\(`).test(text.slice(0, call.node.startIndex))) {
    const statement = statementOf(call.node);
    const at = lineStartOf(text, statement.startIndex);
    return { edits: [{ startOffset: at, endOffset: at, newText: `${indentationAt(text, statement.startIndex)}${name}.headers.update(${headers})\n` }], imports: [] };
  }
  const imports: PythonImport[] = [];
  let requestClass = call.receiver ? `${call.receiver.text}.Request` : importedName(root, 'urllib.request', 'Request');
  if (requestClass === undefined) {
    requestClass = ['Request', 'UrllibRequest'].find((candidate) => isFreeName(text, candidate));
    if (requestClass === undefined) return undefined;
    imports.push({ module: 'urllib.request', name: 'Request', local: requestClass });
  }
  return { edits: [{ startOffset: target.startIndex, endOffset: target.endIndex, newText: `${requestClass}(${target.text}, headers=${headers})` }], imports };
}

/**
 * Inserts the helper once (after the imports, with any import the fix needs) and passes what it returns on the call,
 * merged with headers already given.
 */
export function forwardPython(
  root: SyntaxNode,
  syntax: Syntax,
  callNode: SyntaxNode,
  call: OutboundCall,
  incoming: PythonIncoming,
  headers: readonly string[],
  text: string,
): FixProposal | undefined {
  const shape = syntax.call(callNode);
  if (!shape) return undefined;
  const helperCall = `${pythonHelperName}(${incoming.headers})`;
  const callEdits = call.library === 'urllib' ? urllibEdits(root, syntax, shape, helperCall, text) : { edits: [headersArgument(shape, helperCall, text)].filter((edit) => edit !== undefined), imports: [] };
  if (!callEdits || callEdits.edits.length === 0) return undefined;
  const imports = importEdits(root, [...incoming.imports, ...callEdits.imports]);
  const needsHelper = !new RegExp(`^def ${pythonHelperName}\\(`, 'm').test(text);
  const after = afterImports(root);
  // What goes right after the imports is one insertion (a name added to the last import, new imports, the helper), so
  // that it lands in that order whatever the editor does with insertions at one place.
  const atEnd = imports.edits.filter((edit) => edit.startOffset === after);
  const top =
    after === 0
      ? `${imports.lines.map((line) => `${line}\n`).join('')}${needsHelper ? `${imports.lines.length > 0 ? '\n\n' : ''}${helperSource(headers).trimStart()}\n\n` : ''}`
      : `${atEnd.map((edit) => edit.newText).join('')}${imports.lines.map((line) => `\n${line}`).join('')}${needsHelper ? helperSource(headers) : ''}`;
  const edits: TextEdit[] = [...callEdits.edits, ...incoming.edits, ...imports.edits.filter((edit) => !atEnd.includes(edit))];
  if (top !== '') edits.push({ startOffset: after, endOffset: after, newText: top });
  return { title: `Forward the trace headers of the incoming request (${helperCall})`, kind: 'forward-headers', edits, preferred: true };
}
