import type { CallShape, Syntax } from '../analysis/syntax';
import type { InboundHandler, OutboundCall } from '../model';
import type { SyntaxNode } from '../runtime/syntaxTree';
import type { FixProposal, TextEdit } from './model';
import { indentationAt, lineStartOf, quotedList } from './text';

export const javaHelperName = 'forwardTraceHeaders';
export const javaBuilderHelperName = 'withTraceHeaders';

/** How a Java handler's request parameter gives one incoming header, as an expression over `incoming` and `name`. */
export interface JavaIncoming {
  /** The parameter's name in the handler, passed to the helper. */
  readonly name: string;
  /** The parameter's type as written, used in the helper's signature. */
  readonly type: string;
  readonly read: string;
}

/** The incoming request of a Java handler, when its parameter is one the helper can read headers from. */
export function javaIncoming(handler: InboundHandler | undefined, root: SyntaxNode, text: string): JavaIncoming | undefined {
  const parameter = handler?.requestParameter;
  if (!parameter) return undefined;
  const node = root.descendantForIndex(parameter.span.startOffset, parameter.span.endOffset);
  const type = node?.type === 'formal_parameter' ? node.childForFieldName('type')?.text : undefined;
  if (type === undefined) return undefined;
  const simple = type.split('.').pop() ?? type;
  const jaxrs = /\bimport\s+(jakarta|javax)\.ws\.rs\.core\.(HttpHeaders|\*)\s*;/.test(text) || /^(jakarta|javax)\.ws\.rs\./.test(type);
  const reads: Readonly<Record<string, string | undefined>> = {
    HttpServletRequest: 'incoming.getHeader(name)',
    HttpHeaders: jaxrs ? 'incoming.getHeaderString(name)' : 'incoming.getFirst(name)',
    ServerHttpRequest: 'incoming.getHeaders().getFirst(name)',
    ServerWebExchange: 'incoming.getRequest().getHeaders().getFirst(name)',
    ContainerRequestContext: 'incoming.getHeaderString(name)',
  };
  const read = reads[simple];
  return read === undefined ? undefined : { name: parameter.name, type, read };
}

/** `HttpMethod`/`HttpEntity` as the file can name them: short when imported, qualified otherwise. */
function springType(text: string, name: string): string {
  return new RegExp(`\\bimport\\s+org\\.springframework\\.http\\.(${name}|\\*)\\s*;`).test(text) ? name : `org.springframework.http.${name}`;
}

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

/** The statement a call belongs to (to insert a statement before it). */
function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (/(_statement|local_variable_declaration)$/.test(current.type)) return current;
  }
  return undefined;
}

/** The calls of a chain, outermost first, following receivers: `a.b().c()` → [c, b]. */
function receiverChain(node: SyntaxNode, syntax: Syntax): CallShape[] {
  const shapes: CallShape[] = [];
  for (let current: SyntaxNode | undefined = node; current && shapes.length < 64; ) {
    const shape = syntax.call(current);
    if (!shape) break;
    shapes.push(shape);
    current = shape.receiver;
  }
  return shapes;
}

/** The expression a local variable was last given before `use`, in the method around it. */
function initializerOf(name: string, use: SyntaxNode): SyntaxNode | undefined {
  let method: SyntaxNode | null = use.parent;
  while (method && !/^(method_declaration|constructor_declaration|lambda_expression)$/.test(method.type)) method = method.parent;
  if (!method) return undefined;
  let found: SyntaxNode | undefined;
  const visit = (node: SyntaxNode): void => {
    if (node.startIndex >= use.startIndex) return;
    if (node.type === 'variable_declarator' && node.childForFieldName('name')?.text === name) found = node.childForFieldName('value') ?? undefined;
    else if (node.type === 'assignment_expression' && node.childForFieldName('left')?.text === name) found = node.childForFieldName('right') ?? undefined;
    for (const child of node.namedChildren) visit(child);
  };
  visit(method);
  return found;
}

/** A local's declared type, read from the method's text (`HttpEntity<String> entity = …`). */
function declaredType(name: string, use: SyntaxNode, text: string): string | undefined {
  const declaration = new RegExp(`([\\w.]+)(?:<[^;=()]*>)?\\s+${name}\\s*[=;,)]`).exec(text.slice(0, use.startIndex).split('\n').slice(-200).join('\n'));
  return declaration?.[1];
}

interface JavaFix {
  readonly edit: TextEdit;
  /** The helper the edit calls: the headers helper, or the builder helper for a builder type. */
  readonly helper: { readonly kind: 'headers' } | { readonly kind: 'builder'; readonly builderType: string };
}

/** RestTemplate: merge into an `HttpHeaders` the call already sends, or send the headers with `exchange`. */
function restTemplateFix(shape: CallShape, helperCall: string, text: string, syntax: Syntax): JavaFix | undefined {
  const receiver = shape.receiver?.text;
  if (receiver === undefined) return undefined;
  const entityType = springType(text, 'HttpEntity');
  const method = (verb: string): string => `${springType(text, 'HttpMethod')}.${verb}`;
  const rest = (from: number): string => shape.args.slice(from).map((arg) => `, ${arg.text}`).join('');
  const replaceCall = (newText: string): JavaFix => ({ edit: { startOffset: shape.node.startIndex, endOffset: shape.node.endIndex, newText }, helper: { kind: 'headers' } });
  /** A request body or entity argument: merge into its headers, or wrap it in an entity that carries the helper's. */
  const withEntity = (argument: SyntaxNode): JavaFix | undefined => {
    const creation = syntax.call(argument);
    if (creation && argument.type === 'object_creation_expression' && creation.name.endsWith('Entity')) {
      const [body, headers] = creation.args;
      const headersName = headers ? syntax.identifierName(headers) : undefined;
      if (headers && headersName !== undefined) {
        const statement = statementOf(shape.node);
        if (!statement) return undefined;
        const start = lineStartOf(text, statement.startIndex);
        return { edit: { startOffset: start, endOffset: start, newText: `${indentationAt(text, start)}${headersName}.addAll(${helperCall});\n` }, helper: { kind: 'headers' } };
      }
      if (body && !headers && creation.name === 'HttpEntity') return { edit: { startOffset: argument.startIndex, endOffset: argument.endIndex, newText: `new ${entityType}<>(${body.text}, ${helperCall})` }, helper: { kind: 'headers' } };
      return undefined;
    }
    const name = syntax.identifierName(argument);
    if (name !== undefined && (declaredType(name, shape.node, text) ?? '').endsWith('Entity')) return undefined;
    if (argument.text === 'null' || /^(\w+\.)?HttpEntity\.EMPTY$/.test(argument.text)) return { edit: { startOffset: argument.startIndex, endOffset: argument.endIndex, newText: `new ${entityType}<>(${helperCall})` }, helper: { kind: 'headers' } };
    return { edit: { startOffset: argument.startIndex, endOffset: argument.endIndex, newText: `new ${entityType}<>(${argument.text}, ${helperCall})` }, helper: { kind: 'headers' } };
  };
  const [url, second, third] = shape.args;
  if (!url) return undefined;
  switch (shape.name) {
    case 'getForObject':
    case 'getForEntity':
      if (!second) return undefined;
      return replaceCall(`${receiver}.exchange(${url.text}, ${method('GET')}, new ${entityType}<>(${helperCall}), ${second.text}${rest(2)})${shape.name === 'getForObject' ? '.getBody()' : ''}`);
    case 'delete':
      return replaceCall(`${receiver}.exchange(${url.text}, ${method('DELETE')}, new ${entityType}<>(${helperCall}), Void.class${rest(1)})`);
    case 'postForObject':
    case 'postForEntity':
    case 'postForLocation':
    case 'patchForObject':
    case 'put':
      return second ? withEntity(second) : undefined;
    case 'exchange':
      return third && shape.args.length >= 4 ? withEntity(third) : undefined;
    default:
      return undefined;
  }
}

/** WebClient: `.headers(outgoing -> outgoing.addAll(forwardTraceHeaders(request)))` after the URI (or the verb). */
function webClientFix(callNode: SyntaxNode, helperCall: string, syntax: Syntax): JavaFix | undefined {
  const chain = receiverChain(callNode, syntax);
  const anchor = chain.find((link) => link.name === 'uri') ?? chain.find((link) => /^(get|post|put|delete|patch|head|options|method)$/.test(link.name));
  if (!anchor) return undefined;
  const at = anchor.node.endIndex;
  return { edit: { startOffset: at, endOffset: at, newText: `.headers(outgoing -> outgoing.addAll(${helperCall}))` }, helper: { kind: 'headers' } };
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
 * configured headers from the handler's request; RestTemplate sends them with `exchange` (or adds them to the
 * `HttpHeaders` the call already sends), WebClient through `.headers(…)`, and the JDK HttpClient, OkHttp and the
 * JAX-RS client set them on the request builder.
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
  const title = helper.kind === 'headers' ? helperCall : `${javaBuilderHelperName}(…, ${incoming.name})`;
  return { title: `Forward the trace headers of the incoming request (${title})`, kind: 'forward-headers', edits: added ? [fix.edit, added] : [fix.edit], preferred: true };
}
