import type { CallShape, Syntax } from '../analysis/syntax';
import type { OutboundCall } from '../model';
import type { SyntaxNode } from '../runtime/syntaxTree';
import { restTemplateFix, type JavaFix } from './forwardJavaRestTemplate';
import type { JavaIncoming } from './javaIncoming';
import { initializerOf, lambdaParameter, receiverChain } from './javaNodes';
import type { FixProposal, TextEdit } from './model';
import { indentationAt, lineStartOf, quotedList } from './text';

export const javaHelperName = 'forwardTraceHeaders';
export const javaBuilderHelperName = 'withTraceHeaders';

function helperLoop(incoming: JavaIncoming, headers: readonly string[], indent: string, unit: string, add: string): string[] {
  return [
    `${indent}${unit}for (String name : java.util.List.of(${quotedList(headers)})) {`,
    `${indent}${unit}${unit}String value = ${incoming.read};`,
    `${indent}${unit}${unit}if (value != null) {`,
    `${indent}${unit}${unit}${unit}${add};`,
    `${indent}${unit}${unit}}`,
    `${indent}${unit}}`,
  ];
}

/** `HttpHeaders forwardTraceHeaders(<incoming type> incoming)`: the configured headers present on the incoming request. */
function headersHelper(incoming: JavaIncoming, headers: readonly string[], indent: string, unit: string): string {
  const type = 'org.springframework.http.HttpHeaders';
  return [
    '',
    `${indent}/** Trace headers of the incoming request, to send on with outbound calls (added by Trace Stitch). */`,
    `${indent}private static ${type} ${javaHelperName}(${incoming.type} incoming) {`,
    `${indent}${unit}${type} headers = new ${type}();`,
    ...helperLoop(incoming, headers, indent, unit, 'headers.add(name, value)'),
    `${indent}${unit}return headers;`,
    `${indent}}`,
    '',
  ].join('\n');
}

/** `<builder> withTraceHeaders(<builder> builder, <incoming type> incoming)`: the request builder with the headers set. */
function builderHelper(builderType: string, incoming: JavaIncoming, headers: readonly string[], indent: string, unit: string): string {
  return [
    '',
    `${indent}/** The request builder with the trace headers of the incoming request (added by Trace Stitch). */`,
    `${indent}private static ${builderType} ${javaBuilderHelperName}(${builderType} builder, ${incoming.type} incoming) {`,
    ...helperLoop(incoming, headers, indent, unit, 'builder.header(name, value)'),
    `${indent}${unit}return builder;`,
    `${indent}}`,
    '',
  ].join('\n');
}

/** The class around a node, to put the helper in. */
function enclosingClassBody(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (/^(class|enum|record)_body$/.test(current.type)) return current;
  }
  return undefined;
}

/** Inserts `source` (a member) at the end of the class body, unless the class has it already. */
function helperEdit(body: SyntaxNode, text: string, signature: string, source: (indent: string, unit: string) => string): TextEdit | undefined {
  if (body.text.includes(signature)) return undefined;
  const firstMember = body.namedChildren[0];
  const indent = firstMember ? indentationAt(text, firstMember.startIndex) : '    ';
  const unit = indent === '' ? '    ' : indent.startsWith('\t') ? '\t' : indent;
  const closing = body.endIndex - 1;
  const lineStart = lineStartOf(text, closing);
  const atLineStart = /^[ \t]*$/.test(text.slice(lineStart, closing));
  const member = source(indent, unit);
  return atLineStart ? { startOffset: lineStart, endOffset: lineStart, newText: member } : { startOffset: closing, endOffset: closing, newText: member };
}

/** WebClient: `.headers(outgoing -> outgoing.addAll(forwardTraceHeaders(request)))` after the URI (or the verb). */
function webClientFix(callNode: SyntaxNode, helperCall: string, syntax: Syntax): JavaFix | undefined {
  const chain = receiverChain(callNode, syntax);
  const anchor = chain.find((link) => link.name === 'uri') ?? chain.find((link) => /^(get|post|put|delete|patch|head|options|method)$/.test(link.name));
  const outgoing = lambdaParameter(callNode);
  if (!anchor || outgoing === undefined) return undefined;
  const at = anchor.node.endIndex;
  return { edit: { startOffset: at, endOffset: at, newText: `.headers(${outgoing} -> ${outgoing}.addAll(${helperCall}))` }, helper: { kind: 'headers' } };
}

/** `…build()` → `withTraceHeaders(…, request).build()`, on the request a JDK HttpClient or OkHttp call sends. */
function builtRequestFix(shape: CallShape, incoming: JavaIncoming, builderType: string, syntax: Syntax): JavaFix | undefined {
  const [request] = shape.args;
  if (!request) return undefined;
  const name = syntax.identifierName(request);
  const built = name === undefined ? request : initializerOf(name, shape.node);
  const build = built ? syntax.call(built) : undefined;
  if (!built || build?.name !== 'build' || !build.receiver || build.args.length > 0) return undefined;
  const newText = `${javaBuilderHelperName}(${build.receiver.text}, ${incoming.name}).build()`;
  return { edit: { startOffset: built.startIndex, endOffset: built.endIndex, newText }, helper: { kind: 'builder', builderType } };
}

/** JAX-RS client: `withTraceHeaders(client.target(u).request(…), headers).get(…)`. */
function jaxrsClientFix(callNode: SyntaxNode, incoming: JavaIncoming, text: string, syntax: Syntax): JavaFix | undefined {
  const request = receiverChain(callNode, syntax).find((link) => link.name === 'request');
  if (!request) return undefined;
  const builderType = `${/\bjakarta\.ws\.rs\./.test(text) ? 'jakarta' : 'javax'}.ws.rs.client.Invocation.Builder`;
  return {
    edit: { startOffset: request.node.startIndex, endOffset: request.node.endIndex, newText: `${javaBuilderHelperName}(${request.node.text}, ${incoming.name})` },
    helper: { kind: 'builder', builderType },
  };
}

/**
 * Forwards the trace headers on a Java call: a private helper (added once per class and incoming type) copies the
 * configured headers from the handler's request (a parameter added to the handler when it has none to read them
 * from); RestTemplate sends them in its request (see `restTemplateFix`), WebClient and RestClient through `.headers(…)`, and the JDK
 * HttpClient, OkHttp and the JAX-RS client set them on the request builder.
 */
export function forwardJava(syntax: Syntax, callNode: SyntaxNode, call: OutboundCall, incoming: JavaIncoming, headers: readonly string[], text: string): FixProposal | undefined {
  const shape = syntax.call(callNode);
  const helperCall = `${javaHelperName}(${incoming.name})`;
  let fix: JavaFix | undefined;
  switch (call.library) {
    case 'resttemplate':
      fix = shape ? restTemplateFix(shape, helperCall, text, syntax) : undefined;
      break;
    case 'webclient':
    case 'restclient':
      fix = webClientFix(callNode, helperCall, syntax);
      break;
    case 'java-httpclient':
      fix = shape ? builtRequestFix(shape, incoming, 'java.net.http.HttpRequest.Builder', syntax) : undefined;
      break;
    case 'okhttp': {
      const newCall = receiverChain(callNode, syntax).find((link) => link.name === 'newCall');
      fix = newCall ? builtRequestFix(newCall, incoming, 'okhttp3.Request.Builder', syntax) : undefined;
      break;
    }
    case 'jax-rs-client':
      fix = jaxrsClientFix(callNode, incoming, text, syntax);
      break;
    default:
      fix = undefined;
  }
  const body = enclosingClassBody(callNode);
  if (!fix || !body) return undefined;
  const helper = fix.helper;
  const added =
    helper.kind === 'headers'
      ? helperEdit(body, text, `${javaHelperName}(${incoming.type} incoming)`, (indent, unit) => headersHelper(incoming, headers, indent, unit))
      : helperEdit(body, text, `${javaBuilderHelperName}(${helper.builderType} builder, ${incoming.type} incoming)`, (indent, unit) => builderHelper(helper.builderType, incoming, headers, indent, unit));
  const shown = helper.kind === 'headers' ? helperCall : `${javaBuilderHelperName}(…, ${incoming.name})`;
  const title = incoming.added ? `${shown}, with the parameter ${incoming.added.declaration}` : shown;
  const edits = [fix.edit, ...(added ? [added] : []), ...(incoming.added?.edits ?? [])];
  return { title: `Forward the trace headers of the incoming request (${title})`, kind: 'forward-headers', edits, preferred: true };
}
