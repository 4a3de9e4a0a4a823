import type { SyntaxNode } from '../runtime/syntaxTree';
import type { Syntax } from '../analysis/syntax';
import type { InboundHandler } from '../model';
import type { FixProposal, TextEdit } from './model';
import { indentationAt, lineStartOf, quotedList } from './text';

const otelhttpImport = 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp';

/** The incoming request and its context as Go expressions, per framework. */
export function goIncoming(handler: InboundHandler | undefined): { request?: string; context?: string } {
  const name = handler?.requestParameter?.name;
  if (name === undefined || !handler) return {};
  if (handler.framework === 'gin') return { request: `${name}.Request`, context: `${name}.Request.Context()` };
  if (handler.framework === 'echo') return { request: `${name}.Request()`, context: `${name}.Request().Context()` };
  if (/^(ctx|context|c)$/.test(name) && handler.framework === 'request-receiver') return { context: name };
  return { request: name, context: `${name}.Context()` };
}

const forwardHelper = (headers: readonly string[]): string =>
  [
    '',
    '// forwardTraceHeaders copies the trace headers of the incoming request onto an outbound one (added by Trace Stitch).',
    'func forwardTraceHeaders(in *http.Request, out *http.Request) {',
    `\tfor _, name := range []string{${quotedList(headers)}} {`,
    '\t\tif value := in.Header.Get(name); value != "" {',
    '\t\t\tout.Header.Set(name, value)',
    '\t\t}',
    '\t}',
    '}',
    '',
  ].join('\n');

const getHelper = [
  '',
  '// getWithTraceHeaders sends a GET with the incoming request\'s context and trace headers (added by Trace Stitch).',
  'func getWithTraceHeaders(in *http.Request, url string) (*http.Response, error) {',
  '\tout, err := http.NewRequestWithContext(in.Context(), http.MethodGet, url, nil)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tforwardTraceHeaders(in, out)',
  '\treturn http.DefaultClient.Do(out)',
  '}',
  '',
].join('\n');

/** Adds the otelhttp import to the import block (or after the package clause). */
function importEdit(root: SyntaxNode, text: string): TextEdit | undefined {
  if (text.includes(`"${otelhttpImport}"`)) return undefined;
  const declaration = root.namedChildren.find((child) => child.type === 'import_declaration');
  const list = declaration?.namedChildren.find((child) => child.type === 'import_spec_list');
  if (list) return { startOffset: list.endIndex - 1, endOffset: list.endIndex - 1, newText: `\t"${otelhttpImport}"\n` };
  if (declaration) return { startOffset: declaration.endIndex, endOffset: declaration.endIndex, newText: `\nimport "${otelhttpImport}"` };
  const packageClause = root.namedChildren.find((child) => child.type === 'package_clause');
  const at = packageClause?.endIndex ?? 0;
  return { startOffset: at, endOffset: at, newText: `\n\nimport "${otelhttpImport}"` };
}

/**
 * With otelhttp a dependency: send with the incoming context through an otelhttp transport. Without it: copy the
 * trace headers onto the request with a helper (and route `http.Get` through a helper that does).
 */
export function forwardGo(
  root: SyntaxNode,
  syntax: Syntax,
  callNode: SyntaxNode,
  incoming: { request?: string; context?: string },
  headers: readonly string[],
  text: string,
  otelhttpDependency: boolean,
): FixProposal | undefined {
  const shape = syntax.call(callNode);
  if (!shape?.receiver) return undefined;
  const receiver = shape.receiver.text;
  const [firstArgument] = shape.args;
  const isDo = shape.name === 'Do' && shape.args.length === 1 && firstArgument !== undefined;
  if (otelhttpDependency && incoming.context !== undefined) {
    const edits: TextEdit[] = [];
    if (isDo) {
      const request = firstArgument;
      edits.push({
        startOffset: callNode.startIndex,
        endOffset: callNode.endIndex,
        newText: `(&http.Client{Transport: otelhttp.NewTransport(${receiver}.Transport), Timeout: ${receiver}.Timeout}).Do(${request.text}.WithContext(${incoming.context}))`,
      });
    } else if (receiver === 'http' && /^(Get|Head|Post|PostForm)$/.test(shape.name)) {
      const argumentList = callNode.childForFieldName('arguments');
      if (!argumentList) return undefined;
      edits.push({ startOffset: shape.receiver.startIndex, endOffset: shape.receiver.endIndex, newText: 'otelhttp' });
      edits.push({ startOffset: argumentList.startIndex + 1, endOffset: argumentList.startIndex + 1, newText: `${incoming.context}, ` });
    } else return undefined;
    const imported = importEdit(root, text);
    if (imported) edits.push(imported);
    return { title: `Send with ${incoming.context} through an otelhttp transport`, kind: 'go-otelhttp', edits, preferred: true };
  }
  if (incoming.request === undefined) return undefined;
  const edits: TextEdit[] = [];
  if (isDo && syntax.identifierName(firstArgument) !== undefined) {
    const statementStart = lineStartOf(text, callNode.startIndex);
    edits.push({ startOffset: statementStart, endOffset: statementStart, newText: `${indentationAt(text, statementStart)}forwardTraceHeaders(${incoming.request}, ${firstArgument.text})\n` });
  } else if (receiver === 'http' && shape.name === 'Get' && firstArgument !== undefined && shape.args.length === 1) {
    edits.push({ startOffset: callNode.startIndex, endOffset: callNode.endIndex, newText: `getWithTraceHeaders(${incoming.request}, ${firstArgument.text})` });
    if (!/^func getWithTraceHeaders\(/m.test(text)) edits.push({ startOffset: text.length, endOffset: text.length, newText: getHelper });
  } else return undefined;
  if (!/^func forwardTraceHeaders\(/m.test(text)) edits.push({ startOffset: text.length, endOffset: text.length, newText: forwardHelper(headers) });
  return { title: `Forward the trace headers of ${incoming.request}`, kind: 'forward-headers', edits, preferred: true };
}

