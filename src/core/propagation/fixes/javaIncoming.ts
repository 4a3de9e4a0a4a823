import type { InboundHandler } from '../model';
import type { SyntaxNode } from '../runtime/syntaxTree';
import { javaTypeNames } from './javaImports';
import type { TextEdit } from './model';
import { indentationAt, unusedName } from './text';

/** How a Java handler's request parameter gives one incoming header, as an expression over `incoming` and `name`. */
export interface JavaIncoming {
  /** The parameter's name in the handler, passed to the helper. */
  readonly name: string;
  /** The parameter's type as written, used in the helper's signature. */
  readonly type: string;
  readonly read: string;
  /** The parameter as added to a handler that had none to read headers from (with its imports), or none. */
  readonly added?: { readonly declaration: string; readonly edits: readonly TextEdit[] };
}

const functionTypes = /^(method_declaration|constructor_declaration|lambda_expression)$/;

/** The handler's function: the node that starts where its span does. */
function handlerFunction(handler: InboundHandler, root: SyntaxNode): SyntaxNode | undefined {
  const { startOffset, endOffset } = handler.span;
  for (let node = root.descendantForIndex(startOffset, endOffset); node; node = node.parent) {
    if (functionTypes.test(node.type) && node.startIndex === startOffset) return node;
    if (node.startIndex < startOffset) return undefined;
  }
  return undefined;
}

/** How a parameter of this type reads one header, when it gives the incoming headers at all. */
function headerRead(type: string, text: string): string | undefined {
  const simple = type.replace(/<.*$/s, '').split('.').pop() ?? type;
  const jaxrs = /\bimport\s+(jakarta|javax)\.ws\.rs\.core\.(HttpHeaders|\*)\s*;/.test(text) || /^(jakarta|javax)\.ws\.rs\./.test(type);
  const reads: Readonly<Record<string, string | undefined>> = {
    HttpServletRequest: 'incoming.getHeader(name)',
    HttpHeaders: jaxrs ? 'incoming.getHeaderString(name)' : 'incoming.getFirst(name)',
    ServerHttpRequest: 'incoming.getHeaders().getFirst(name)',
    ServerWebExchange: 'incoming.getRequest().getHeaders().getFirst(name)',
    ContainerRequestContext: 'incoming.getHeaderString(name)',
  };
  return reads[simple];
}

/**
 * `@RequestHeader HttpHeaders headers` (Spring) or `@Context HttpHeaders headers` (JAX-RS), appended to the handler's
 * parameters with the imports it needs: the framework fills it, so no caller changes.
 */
function addedParameter(fn: SyntaxNode, handler: InboundHandler, root: SyntaxNode, text: string): JavaIncoming | undefined {
  const list = fn.childForFieldName('parameters');
  if (list?.type !== 'formal_parameters') return undefined;
  const jaxrsPackage = /\bjavax\.ws\.rs\b/.test(text) && !/\bjakarta\.ws\.rs\b/.test(text) ? 'javax.ws.rs' : 'jakarta.ws.rs';
  const [annotation, headersType, read] =
    handler.framework === 'spring'
      ? ['org.springframework.web.bind.annotation.RequestHeader', 'org.springframework.http.HttpHeaders', 'incoming.getFirst(name)']
      : [`${jaxrsPackage}.core.Context`, `${jaxrsPackage}.core.HttpHeaders`, 'incoming.getHeaderString(name)'];
  const { names, edits } = javaTypeNames(root, text, [annotation, headersType]);
  const type = names.get(headersType) ?? headersType;
  // Not a name the method uses, nor a field the new parameter would hide.
  const fieldNames = fn.parent?.namedChildren.filter((member) => member.type === 'field_declaration').map((member) => member.text) ?? [];
  const name = unusedName([fn.text, ...fieldNames].join('\n'), ['headers', 'incomingHeaders', 'traceHeaders']);
  if (name === undefined) return undefined;
  const declaration = `@${names.get(annotation) ?? annotation} ${type} ${name}`;
  const parameters = list.namedChildren.filter((child) => child.type !== 'line_comment' && child.type !== 'block_comment');
  const last = parameters.at(-1);
  let edit: TextEdit;
  if (!last) edit = { startOffset: list.startIndex + 1, endOffset: list.startIndex + 1, newText: declaration };
  else if (last.type === 'spread_parameter') edit = { startOffset: last.startIndex, endOffset: last.startIndex, newText: `${declaration}, ` };
  else {
    // One parameter per line stays so.
    const ownLine = text.lastIndexOf('\n', last.startIndex) > list.startIndex;
    const separator = ownLine ? `,\n${indentationAt(text, last.startIndex)}` : ', ';
    edit = { startOffset: last.endIndex, endOffset: last.endIndex, newText: `${separator}${declaration}` };
  }
  return { name, type, read, added: { declaration, edits: [edit, ...edits] } };
}

/**
 * The incoming request of a Java handler: a parameter the helper can read headers from, or (in Spring and JAX-RS
 * handlers, which take the headers as one more parameter) one added to it.
 */
export function javaIncoming(handler: InboundHandler | undefined, root: SyntaxNode, text: string): JavaIncoming | undefined {
  const fn = handler ? handlerFunction(handler, root) : undefined;
  if (!handler || !fn) return undefined;
  const list = fn.childForFieldName('parameters');
  for (const parameter of list?.namedChildren ?? []) {
    const name = parameter.type === 'formal_parameter' ? parameter.childForFieldName('name')?.text : undefined;
    const type = parameter.type === 'formal_parameter' ? parameter.childForFieldName('type')?.text : undefined;
    const read = type === undefined ? undefined : headerRead(type, text);
    if (name !== undefined && type !== undefined && read !== undefined) return { name, type, read };
  }
  return handler.framework === 'spring' || handler.framework === 'jax-rs' ? addedParameter(fn, handler, root, text) : undefined;
}
