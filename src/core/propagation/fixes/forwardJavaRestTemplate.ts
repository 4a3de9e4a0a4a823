import type { CallShape, Syntax } from '../analysis/syntax';
import type { SyntaxNode } from '../runtime/syntaxTree';
import { entityHeaders } from '../languages/java/entities';
import { declaredType, initializerOf, lambdaParameter, receiverChain, statementOf } from './javaNodes';
import type { TextEdit } from './model';
import { indentationAt, lineStartOf } from './text';

export interface JavaFix {
  readonly edit: TextEdit;
  /** The helper the edit calls: the headers helper, or the builder helper for a builder type. */
  readonly helper: { readonly kind: 'headers' } | { readonly kind: 'builder'; readonly builderType: string };
}

/** `HttpMethod`/`HttpEntity` as the file can name them: short when imported, qualified otherwise. */
function springType(text: string, name: string): string {
  return new RegExp(`\\bimport\\s+org\\.springframework\\.http\\.(${name}|\\*)\\s*;`).test(text) ? name : `org.springframework.http.${name}`;
}

function replace(node: SyntaxNode, newText: string): JavaFix {
  return { edit: { startOffset: node.startIndex, endOffset: node.endIndex, newText }, helper: { kind: 'headers' } };
}

/** The request headers (and body) of a RestTemplate call, and how to make them carry the helper's headers. */
class RestTemplateRequest {
  constructor(
    private readonly shape: CallShape,
    private readonly helperCall: string,
    private readonly text: string,
    private readonly syntax: Syntax,
  ) {}

  private get entityType(): string {
    return springType(this.text, 'HttpEntity');
  }

  /** `headers.addAll(forwardTraceHeaders(request));` before the statement that uses the method's own `headers`. */
  private mergeInto(headers: SyntaxNode, user: SyntaxNode): JavaFix | undefined {
    const name = this.syntax.identifierName(headers);
    // Only a local of the method: adding to a field or a caller's headers would leak into other requests.
    const statement = statementOf(user);
    if (name === undefined || !initializerOf(name, user) || !statement) return undefined;
    const start = lineStartOf(this.text, statement.startIndex);
    return { edit: { startOffset: start, endOffset: start, newText: `${indentationAt(this.text, start)}${name}.addAll(${this.helperCall});\n` }, helper: { kind: 'headers' } };
  }

  private isHeaders(node: SyntaxNode): boolean {
    const name = this.syntax.identifierName(node);
    if (name === undefined) return /^new\s+(\w+\.)*HttpHeaders\b/.test(node.text);
    return /(Headers|MultiValueMap)$/.test(declaredType(name, this.shape.node, this.text) ?? '');
  }

  /** `RequestEntity.post(uri)…` → `RequestEntity.post(uri).headers(forwardTraceHeaders(request))…`. */
  private requestEntity(node: SyntaxNode): JavaFix | undefined {
    const start = receiverChain(node, this.syntax).find((link) => /^(org\.springframework\.http\.)?RequestEntity$/.test(link.receiver?.text ?? ''));
    if (!start) return undefined;
    return { edit: { startOffset: start.node.endIndex, endOffset: start.node.endIndex, newText: `.headers(${this.helperCall})` }, helper: { kind: 'headers' } };
  }

  /**
   * What the call sends as its request: an entity gets the helper's headers (merged into the local headers it has, or
   * as its headers), a `RequestEntity` builder gets `.headers(…)`, a plain body is wrapped in an entity with them.
   */
  entity(argument: SyntaxNode, bodyAllowed: boolean, depth = 0): JavaFix | undefined {
    const name = this.syntax.identifierName(argument);
    if (name !== undefined && (declaredType(name, this.shape.node, this.text) ?? '').endsWith('Entity')) {
      const initializer = initializerOf(name, this.shape.node);
      return initializer && depth < 3 ? this.entity(initializer, false, depth + 1) : undefined;
    }
    const creation = this.syntax.call(argument);
    if (creation && argument.type === 'object_creation_expression' && (creation.name === 'HttpEntity' || creation.name === 'RequestEntity')) {
      const { headers, insertBefore } = entityHeaders(creation, (candidate) => this.isHeaders(candidate));
      if (headers) return this.mergeInto(headers, argument);
      if (creation.name === 'RequestEntity') {
        return insertBefore ? { edit: { startOffset: insertBefore.startIndex, endOffset: insertBefore.startIndex, newText: `${this.helperCall}, ` }, helper: { kind: 'headers' } } : undefined;
      }
      const [first] = creation.args;
      return replace(argument, `new ${this.entityType}<>(${first ? `${first.text}, ` : ''}${this.helperCall})`);
    }
    if (argument.text === 'null' || /^(\w+\.)*HttpEntity\.EMPTY$/.test(argument.text)) return replace(argument, `new ${this.entityType}<>(${this.helperCall})`);
    const fromBuilder = this.requestEntity(argument);
    if (fromBuilder || !bodyAllowed || (creation?.name ?? '').includes('Entity')) return fromBuilder;
    return replace(argument, `new ${this.entityType}<>(${argument.text}, ${this.helperCall})`);
  }

  /** `execute`'s request callback: it also adds the helper's headers to the request it prepares. */
  callback(argument: SyntaxNode): JavaFix | undefined {
    const add = (request: string): string => `${request}.getHeaders().addAll(${this.helperCall});`;
    if (argument.type === 'lambda_expression') {
      const parameters = argument.childForFieldName('parameters');
      const request = parameters?.type === 'identifier' ? parameters.text : parameters?.namedChildren[0]?.childForFieldName('name')?.text ?? parameters?.namedChildren[0]?.text;
      const body = argument.childForFieldName('body');
      if (request === undefined || !body) return undefined;
      if (body.type === 'block') {
        const at = body.startIndex + 1;
        return { edit: { startOffset: at, endOffset: at, newText: ` ${add(request)}` }, helper: { kind: 'headers' } };
      }
      return replace(body, `{ ${add(request)} ${body.text}; }`);
    }
    const request = lambdaParameter(this.shape.node);
    if (request === undefined) return undefined;
    if (argument.text === 'null') return replace(argument, `${request} -> ${add(request).slice(0, -1)}`);
    if (argument.type !== 'identifier' && argument.type !== 'method_invocation') return undefined;
    return replace(argument, `${request} -> { ${add(request)} ${argument.text}.doWithRequest(${request}); }`);
  }
}

/**
 * RestTemplate: the call sends the helper's headers, in the entity it already sends (or a new one), or through
 * `exchange` for the methods that take no request (`getForObject`, `delete`, `headForHeaders`…).
 */
export function restTemplateFix(shape: CallShape, helperCall: string, text: string, syntax: Syntax): JavaFix | undefined {
  const receiver = shape.receiver?.text;
  const [url, second, third] = shape.args;
  if (receiver === undefined || !url) return undefined;
  const request = new RestTemplateRequest(shape, helperCall, text, syntax);
  const rest = (from: number): string => shape.args.slice(from).map((arg) => `, ${arg.text}`).join('');
  /** `exchange(url, <verb>, new HttpEntity<>(headers), <type>, <uri variables>)` in place of the call. */
  const exchange = (verb: string, type: string, variablesFrom: number, then = ''): JavaFix =>
    replace(shape.node, `${receiver}.exchange(${url.text}, ${springType(text, 'HttpMethod')}.${verb}, new ${springType(text, 'HttpEntity')}<>(${helperCall}), ${type}${rest(variablesFrom)})${then}`);
  switch (shape.name) {
    case 'getForObject':
    case 'getForEntity':
      return second ? exchange('GET', second.text, 2, shape.name === 'getForObject' ? '.getBody()' : '') : undefined;
    case 'delete':
      return exchange('DELETE', 'Void.class', 1);
    case 'headForHeaders':
      return exchange('HEAD', 'Void.class', 1, '.getHeaders()');
    case 'optionsForAllow':
      return exchange('OPTIONS', 'Void.class', 1, '.getHeaders().getAllow()');
    case 'postForObject':
    case 'postForEntity':
    case 'postForLocation':
    case 'patchForObject':
    case 'put':
      return second ? request.entity(second, true) : undefined;
    case 'exchange':
      if (shape.args.length <= 2) return request.entity(url, false);
      return third && shape.args.length >= 4 ? request.entity(third, true) : undefined;
    case 'execute':
      return third ? request.callback(third) : undefined;
    default:
      return undefined;
  }
}
