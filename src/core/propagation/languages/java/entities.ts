import type { CallShape } from '../../analysis/syntax';
import type { SyntaxNode } from '../../runtime/syntaxTree';

const httpMethod = /^((\w+\.)*HttpMethod\.)?(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE)$/;

export interface EntityHeaders {
  readonly headers?: SyntaxNode | undefined;
  readonly insertBefore?: SyntaxNode | undefined;
}

/**
 * Where the headers of `new HttpEntity<>(…)` / `new RequestEntity<>(…)` are, or would go. `HttpEntity` takes
 * `(body, headers)`, `(headers)` or `(body)`; `RequestEntity` puts them just before the method:
 * `(headers, method, url)`, `(body, headers, method, url)`, while `(method, url)` and `(body, method, url)` have none.
 * `headers` is the argument that holds them; `insertBefore` the argument they would be added in front of, for a
 * `RequestEntity` that has none (undefined when the method is not written out).
 */
export function entityHeaders(creation: CallShape, isHeaders: (node: SyntaxNode) => boolean): EntityHeaders {
  const { args } = creation;
  const ifHeaders = (node: SyntaxNode | undefined): EntityHeaders => (node && isHeaders(node) ? { headers: node } : {});
  if (creation.name !== 'RequestEntity') {
    const [first, second] = args;
    return second ? { headers: second } : ifHeaders(first);
  }
  const method = args.findIndex((arg) => httpMethod.test(arg.text));
  // The method not written out: whichever of the first two arguments is typed as headers.
  if (method < 0) return ifHeaders(args.slice(0, 2).find(isHeaders));
  const found = method === 2 ? { headers: args[1] } : method === 1 ? ifHeaders(args[0]) : {};
  return found.headers ? found : { insertBefore: args[method] };
}
