import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Syntax } from '../analysis/syntax';
import type { InboundHandler, OutboundCall } from '../model';
import type { FixProposal, TextEdit } from './model';
import { quotedList } from './text';

export const javascriptHelperName = 'forwardTraceHeaders';

/** The incoming headers in a JavaScript handler: `req.headers`, `ctx.headers`, or a headers parameter. */
export function javascriptIncomingHeaders(handler: InboundHandler | undefined): string | undefined {
  const parameter = handler?.requestParameter?.name;
  if (parameter === undefined) return undefined;
  return /headers$/i.test(parameter) ? parameter : `${parameter}.headers`;
}

function helperSource(headers: readonly string[], typed: boolean): string {
  const signature = typed ? `function ${javascriptHelperName}(incoming: object): Record<string, string> {` : `function ${javascriptHelperName}(incoming) {`;
  const source = typed ? '  const source = incoming as { get?: (name: string) => unknown } & Record<string, unknown>;' : '  const source = incoming;';
  const result = typed ? '  const headers: Record<string, string> = {};' : '  const headers = {};';
  return [
    '',
    '',
    '/** Trace headers of the incoming request (Node headers object or fetch Headers), to pass on outbound calls (added by Trace Stitch). */',
    signature,
    source,
    result,
    `  for (const name of [${quotedList(headers, "'")}]) {`,
    "    const value = typeof source.get === 'function' ? source.get(name) : source[name];",
    "    if (typeof value === 'string' && value !== '') headers[name] = value;",
    '  }',
    '  return headers;',
    '}',
    '',
  ].join('\n');
}

/** The object-literal options argument at `index`, edited to carry the helper's headers. */
function optionsEdit(args: readonly SyntaxNode[], index: number, syntax: Syntax, helperCall: string, insertAt: number, needsUndefinedBefore: boolean): TextEdit | undefined {
  const options = args[index];
  if (!options) {
    const filler = needsUndefinedBefore && args.length === index - 1 ? ', undefined' : '';
    if (args.length < index - (needsUndefinedBefore ? 1 : 0)) return undefined;
    return { startOffset: insertAt, endOffset: insertAt, newText: `${filler}, { headers: ${helperCall} }` };
  }
  const entries = syntax.entries(options);
  if (!entries) {
    if (syntax.identifierName(options) === undefined) return undefined;
    return { startOffset: options.startIndex, endOffset: options.endIndex, newText: `{ ...${options.text}, headers: { ...${options.text}.headers, ...${helperCall} } }` };
  }
  const headers = entries.pairs.find((pair) => (syntax.stringValue(pair.key) ?? pair.key.text) === 'headers');
  if (headers) {
    const value = headers.value.type === 'shorthand_property_identifier' ? 'headers' : headers.value.text;
    const pair = headers.value.type === 'shorthand_property_identifier' ? headers.value : headers.value;
    const prefix = headers.value.type === 'shorthand_property_identifier' ? 'headers: ' : '';
    return { startOffset: pair.startIndex, endOffset: pair.endIndex, newText: `${prefix}{ ...${value}, ...${helperCall} }` };
  }
  const open = options.startIndex + 1;
  return { startOffset: open, endOffset: open, newText: ` headers: ${helperCall},${options.namedChildCount === 0 ? ' ' : ''}` };
}

/** Inserts the helper once (after the imports) and passes its headers on the call, merged with headers already given. */
export function forwardJavaScript(root: SyntaxNode, syntax: Syntax, callNode: SyntaxNode, call: OutboundCall, incoming: string, headers: readonly string[], text: string, typed: boolean): FixProposal | undefined {
  const shape = syntax.call(callNode);
  const argumentList = callNode.childForFieldName('arguments');
  if (!shape || !argumentList) return undefined;
  const helperCall = `${javascriptHelperName}(${incoming})`;
  const close = argumentList.endIndex - 1;
  const method = shape.name;
  let edit: TextEdit | undefined;
  switch (call.library) {
    case 'superagent':
      edit = { startOffset: callNode.endIndex, endOffset: callNode.endIndex, newText: `.set(${helperCall})` };
      break;
    case 'axios': {
      const verb = shape.receiver !== undefined && method !== 'request';
      const index = !verb ? (shape.args[0]?.type === 'object' ? 0 : 1) : /^(post|put|patch)$/.test(method) ? 2 : 1;
      edit = optionsEdit(shape.args, index, syntax, helperCall, close, verb && index === 2);
      break;
    }
    case 'node-http': {
      const first = shape.args[0];
      edit = first?.type === 'object' ? optionsEdit(shape.args, 0, syntax, helperCall, close, false) : undefined;
      break;
    }
    default:
      edit = optionsEdit(shape.args, 1, syntax, helperCall, close, false);
  }
  if (!edit) return undefined;
  const edits: TextEdit[] = [edit];
  if (!text.includes('function forwardTraceHeaders(')) {
    const imports = root.namedChildren.filter(
      (child) => child.type === 'import_statement' || (/^(lexical|variable)_declaration$/.test(child.type) && /\brequire\s*\(/.test(child.text)),
    );
    const after = imports.at(-1)?.endIndex ?? 0;
    const helper = helperSource(headers, typed);
    edits.push({ startOffset: after, endOffset: after, newText: after === 0 ? `${helper.trimStart()}\n` : helper });
  }
  return { title: `Forward the trace headers of the incoming request (${helperCall})`, kind: 'forward-headers', edits, preferred: true };
}
