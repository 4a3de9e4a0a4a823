import type { SyntaxNode } from '../runtime/syntaxTree';
import type { CallShape, Syntax } from '../analysis/syntax';
import { otelhttpPath } from '../languages/go/analyze';
import type { InboundHandler } from '../model';
import { goHelperEdits } from './goHelpers';
import { goImports, goPackageName } from '../languages/go/imports';
import { goImportEdits } from './goImports';
import type { FixProposal, TextEdit } from './model';
import { indentationAt, lineStartOf } from './text';

/** The incoming request and its context as Go expressions, per framework. */
export function goIncoming(handler: InboundHandler | undefined): { request?: string; context?: string } {
  const name = handler?.requestParameter?.name;
  if (name === undefined || !handler) return {};
  if (handler.framework === 'gin') return { request: `${name}.Request`, context: `${name}.Request.Context()` };
  if (handler.framework === 'echo') return { request: `${name}.Request()`, context: `${name}.Request().Context()` };
  if (/^(ctx|context|c)$/.test(name) && handler.framework === 'request-receiver') return { context: name };
  return { request: name, context: `${name}.Context()` };
}

/** net/http's shortcut sends (on the package or on a client) and the method each one sends with. */
const shortcutMethods = new Map([
  ['Get', 'MethodGet'],
  ['Head', 'MethodHead'],
  ['Post', 'MethodPost'],
  ['PostForm', 'MethodPost'],
]);
/** Expressions a method can be called on without parentheses. */
const primaryExpressions = /^(identifier|selector_expression|call_expression|composite_literal|index_expression|parenthesized_expression)$/;

interface GoCall {
  readonly root: SyntaxNode;
  readonly syntax: Syntax;
  readonly node: SyntaxNode;
  readonly shape: CallShape & { readonly receiver: SyntaxNode };
  readonly text: string;
  /** What the file calls net/http. */
  readonly http: string;
}

/**
 * With otelhttp a dependency: send with the incoming context through an otelhttp transport where otelhttp has the
 * call's counterpart. Otherwise: copy the trace headers onto the request `Do` sends, or route a shortcut send
 * (`http.Get`, `client.PostForm`…) through a helper that builds the request with them, on the same client.
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
  const receiver = shape?.receiver;
  if (!shape || !receiver) return undefined;
  const imports = goImports(root);
  const http = imports.find((spec) => spec.path === 'net/http');
  const call: GoCall = { root, syntax, node: callNode, shape: { ...shape, receiver }, text, http: http ? goPackageName(http) : 'http' };
  // A call on another package (`otelhttp.Get` with the wrong context) is not a client: the helper cannot take it.
  const otherPackage = imports.some((spec) => spec !== http && goPackageName(spec) === receiver.text);
  if (otelhttpDependency && incoming.context !== undefined) {
    const edits = otelhttpEdits(call, incoming.context);
    if (edits) return { title: `Send with ${incoming.context} through an otelhttp transport`, kind: 'go-otelhttp', edits, preferred: true };
  }
  if (incoming.request === undefined || otherPackage) return undefined;
  const edits = shape.name === 'Do' ? forwardOntoRequest(call, incoming.request) : sendThroughHelper(call, incoming.request);
  if (!edits) return undefined;
  edits.push(...goHelperEdits(root, text, headers, { send: shape.name !== 'Do', imports: shape.name === 'PostForm' ? ['strings'] : [] }));
  return { title: `Forward the trace headers of ${incoming.request}`, kind: 'forward-headers', edits, preferred: true };
}

/** `client.Do(req)` through an otelhttp transport; `http.Get(url)` (or on `http.DefaultClient`) as `otelhttp.Get(ctx, url)`. */
function otelhttpEdits({ root, node, shape, text, http }: GoCall, context: string): TextEdit[] | undefined {
  const receiver = shape.receiver.text;
  const [request] = shape.args;
  const edits: TextEdit[] = [];
  if (shape.name === 'Do' && shape.args.length === 1 && request) {
    edits.push({
      startOffset: node.startIndex,
      endOffset: node.endIndex,
      newText: `(&http.Client{Transport: otelhttp.NewTransport(${receiver}.Transport), Timeout: ${receiver}.Timeout}).Do(${request.text}.WithContext(${context}))`,
    });
  } else if ((receiver === http || receiver === `${http}.DefaultClient`) && shortcutMethods.has(shape.name)) {
    const argumentList = node.childForFieldName('arguments');
    if (!argumentList) return undefined;
    edits.push({ startOffset: shape.receiver.startIndex, endOffset: shape.receiver.endIndex, newText: 'otelhttp' });
    edits.push({ startOffset: argumentList.startIndex + 1, endOffset: argumentList.startIndex + 1, newText: `${context}, ` });
  } else return undefined;
  edits.push(...goImportEdits(root, text, ['net/http', otelhttpPath]));
  return edits;
}

/** `client.Do(req)` (or `req.WithContext(ctx)`): `forwardTraceHeaders(r, req)` on the line before the statement. */
function forwardOntoRequest({ syntax, node, shape, text }: GoCall, request: string): TextEdit[] | undefined {
  const [argument] = shape.args;
  if (shape.args.length !== 1 || !argument) return undefined;
  const withContext = syntax.call(argument);
  const built = withContext?.name === 'WithContext' ? withContext.receiver : argument;
  if (!built || syntax.identifierName(built) === undefined) return undefined;
  let statement = node;
  while (statement.parent && statement.parent.type !== 'statement_list') statement = statement.parent;
  const start = lineStartOf(text, statement.startIndex);
  return [{ startOffset: start, endOffset: start, newText: `${indentationAt(text, start)}forwardTraceHeaders(${request}, ${built.text})\n` }];
}

/** `client.Post(url, contentType, body)` → `sendWithTraceHeaders(r, client, http.MethodPost, url, contentType, body)`. */
function sendThroughHelper({ node, shape, http }: GoCall, request: string): TextEdit[] | undefined {
  const method = shortcutMethods.get(shape.name);
  const [url, second, third] = shape.args.map((arg) => arg.text);
  if (method === undefined || url === undefined) return undefined;
  const client = shape.receiver.text === http ? 'http.DefaultClient' : shape.receiver.text;
  let rest: string | undefined;
  if (shape.args.length === 1 && (shape.name === 'Get' || shape.name === 'Head')) rest = '"", nil';
  else if (shape.args.length === 3 && shape.name === 'Post' && second !== undefined && third !== undefined) rest = `${second}, ${third}`;
  else if (shape.args.length === 2 && shape.name === 'PostForm' && second !== undefined) {
    const form = shape.args[1];
    const encoded = form && primaryExpressions.test(form.type) ? second : `(${second})`;
    rest = `"application/x-www-form-urlencoded", strings.NewReader(${encoded}.Encode())`;
  }
  if (rest === undefined) return undefined;
  return [{ startOffset: node.startIndex, endOffset: node.endIndex, newText: `sendWithTraceHeaders(${request}, ${client}, http.${method}, ${url}, ${rest})` }];
}
