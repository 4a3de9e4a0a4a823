import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Syntax } from '../analysis/syntax';
import type { InboundHandler, OutboundCall } from '../model';
import type { FixProposal, TextEdit } from './model';
import { quotedList } from './text';

export const pythonHelperName = 'forward_trace_headers';

/** What the incoming headers are called in the handler: `request.headers`, or a headers parameter. */
export function pythonIncomingHeaders(handler: InboundHandler | undefined, text: string): string | undefined {
  const parameter = handler?.requestParameter?.name;
  if (parameter !== undefined && /headers$/i.test(parameter)) return parameter;
  if (parameter !== undefined && /^(request|req|http_request|incoming_request|incoming)$/.test(parameter)) return `${parameter}.headers`;
  if (/^from\s+(flask|quart)\s+import\s+[^\n]*\brequest\b/m.test(text)) return 'request.headers';
  return undefined;
}

function helperSource(headers: readonly string[]): string {
  return [
    '',
    '',
    `def ${pythonHelperName}(incoming):`,
    '    """Trace headers of the incoming request, to pass on outbound calls (added by Trace Stitch)."""',
    `    names = (${quotedList(headers)})`,
    '    return {name: incoming[name] for name in names if name in incoming}',
    '',
  ].join('\n');
}

/** Inserts the helper once (after the imports) and passes it as `headers=`, merged with headers already given. */
export function forwardPython(root: SyntaxNode, syntax: Syntax, callNode: SyntaxNode, call: OutboundCall, incoming: string, headers: readonly string[], text: string): FixProposal | undefined {
  if (call.library === 'urllib') return undefined;
  const shape = syntax.call(callNode);
  const argumentList = callNode.childForFieldName('arguments');
  if (!shape || argumentList?.type !== 'argument_list') return undefined;
  const edits: TextEdit[] = [];
  const helperCall = `${pythonHelperName}(${incoming})`;
  const existing = shape.named.get('headers');
  if (existing) {
    edits.push({ startOffset: existing.startIndex, endOffset: existing.endIndex, newText: `{**(${existing.text}), **${helperCall}}` });
  } else {
    const close = argumentList.endIndex - 1;
    const hasArguments = argumentList.namedChildCount > 0;
    const trailingComma = /,\s*$/.test(text.slice(argumentList.startIndex + 1, close));
    edits.push({ startOffset: close, endOffset: close, newText: `${hasArguments && !trailingComma ? ', ' : ''}headers=${helperCall}` });
  }
  if (!new RegExp(`^def ${pythonHelperName}\\(`, 'm').test(text)) {
    const imports = root.namedChildren.filter((child) => /^(import_statement|import_from_statement|future_import_statement)$/.test(child.type));
    const after = imports.at(-1)?.endIndex ?? 0;
    edits.push({ startOffset: after, endOffset: after, newText: after === 0 ? `${helperSource(headers).trimStart()}\n\n` : helperSource(headers) });
  }
  return { title: `Forward the trace headers of the incoming request (${helperCall})`, kind: 'forward-headers', edits, preferred: true };
}
