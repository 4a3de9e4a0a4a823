import type { CallShape } from '../../analysis/syntax';
import type { SyntaxNode } from '../../runtime/syntaxTree';

const httpMethod = /^((\w+\.)*HttpMethod\.)?(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE)$/;

/**
 * Where the headers of `new HttpEntity<>(…)` / `new RequestEntity<>(…)` are, or would go. `HttpEntity` takes
 * `(body, headers)`, `(headers)` or `(body)`; `RequestEntity` puts them just before the method:
 * `(headers, method, url)`, `(body, headers, method, url)`, while `(method, url)` and `(body, method, url)` have none.
 * `headers` is the argument that holds them; `insertBefore` the argument they would be added in front of, for a
 * `RequestEntity` that has none (undefined when the method is not written out).
 */
export function entityHeaders(creation: CallShape, isHeaders: (node: SyntaxNode) => boolean): { headers?: SyntaxNode; insertBefore?: SyntaxNode } {
  const { args } = creation;
  if (creation.name === 'RequestEntity') {
    const method = args.findIndex((arg) => httpMethod.test(arg.text));
    if (method < 0) return { ...headersAmong(args.slice(0, 2), isHeaders) };
    const before = args.slice(0, method);
    const headers = before.length === 2 ? before[1] : before.length === 1 && before[0] && isHeaders(before[0]) ? before[0] : undefined;
    return headers ? { headers } : { ...(args[method] ? { insertBefore: args[method] } : {}) };
  }
  const [first, second] = args;
  if (second) return { headers: second };
  return first && isHeaders(first) ? { headers: first } : {};
}

function headersAmong(args: readonly SyntaxNode[], isHeaders: (node: SyntaxNode) => boolean): { headers?: SyntaxNode } {
  const headers = args.find(isHeaders);
  return headers ? { headers } : {};
}
