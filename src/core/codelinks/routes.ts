/**
 * One route-template syntax for every framework, so a server span's `http.route` (or its concrete path) can be
 * matched to the handler the linter's engine found. Parameters of all syntaxes become one "any segment" token:
 * Flask/Django `<int:id>`, FastAPI/Spring/JAX-RS/chi/gorilla `{id}` and `{id:[0-9]+}`, Express/Fastify/NestJS/
 * gin/echo `:id`, and catch-alls `*`, `*path`, `{path...}`, `<path:rest>`.
 */
export type RouteSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param' }
  | { readonly kind: 'rest' };

export interface RouteTemplate {
  readonly segments: readonly RouteSegment[];
  /** The template in one canonical spelling, `/api/orders/{}`; equal templates print equal. */
  readonly canonical: string;
}

const restPatterns = [/^\*\w*$/, /^\{\w+\.\.\.\}$/, /^<path:\w+>$/, /^\{\w+:\.\*\}$/, /^\{\*\w+\}$/];
// `{…}` may hold a regex with braces of its own (`{id:[0-9]{1,9}}`), so it is recognised by its ends.
const paramPatterns = [/^:\w+\??$/, /^\{.+\}$/, /^<(?:\w+:)?\w+>$/];

function classify(segment: string): RouteSegment {
  if (restPatterns.some((pattern) => pattern.test(segment))) return { kind: 'rest' };
  if (paramPatterns.some((pattern) => pattern.test(segment))) return { kind: 'param' };
  return { kind: 'literal', text: segment };
}

/** Splits on `/` but keeps regex-bearing parameters such as `{id:[0-9]{3}}` whole. */
function splitPath(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of path) {
    if (char === '{') depth++;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === '/' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.filter((part) => part !== '');
}

/** Django regex routes (`^api/orders/(?P<id>\d+)/$`) become templates; groups become parameters. */
function fromDjangoRegex(route: string): string {
  return route
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\(\?P<\w+>[^)]*\)/g, '{p}')
    .replace(/\([^)]*\)/g, '{p}');
}

export function parseRouteTemplate(route: string): RouteTemplate {
  let path = route.trim();
  if (path.startsWith('^')) path = fromDjangoRegex(path);
  path = path.split('?')[0] ?? '';
  const segments = splitPath(path).map(classify);
  const canonical =
    '/' +
    segments
      .map((segment) => (segment.kind === 'literal' ? segment.text : segment.kind === 'param' ? '{}' : '*'))
      .join('/');
  return { segments, canonical };
}

/** Joins a prefix (router mount point, controller `@RequestMapping`, Django `include`) and a route. */
export function joinRoutes(prefix: string, route: string): string {
  const left = prefix.replace(/\/+$/, '');
  const right = route.replace(/^\/+/, '');
  return `${left}/${right}`.replace(/^(?!\/)/, '/');
}

function segmentMatches(pattern: RouteSegment, other: RouteSegment): boolean {
  if (pattern.kind === 'param' || other.kind === 'param') return true;
  if (pattern.kind === 'literal' && other.kind === 'literal') return pattern.text === other.text;
  return false;
}

/**
 * Whether a handler's template matches what a span reports: a concrete path (`/api/orders/42`) or another
 * template (`/api/orders/:id`). Scores prefer exact literals, so `/orders/new` beats `/orders/{id}` for
 * `/orders/new`; undefined means no match.
 */
export function matchRoute(handler: RouteTemplate, observed: RouteTemplate): number | undefined {
  const a = handler.segments;
  const b = observed.segments;
  let score = 0;
  for (let index = 0; index < a.length; index++) {
    const segment = a[index];
    if (!segment) return undefined;
    if (segment.kind === 'rest') return index <= b.length ? score : undefined;
    const other = b[index];
    if (!other || !segmentMatches(segment, other)) return undefined;
    if (segment.kind === 'literal' && other.kind === 'literal') score += 2;
    else if (segment.kind === 'param' && other.kind === 'param') score += 1;
  }
  return a.length === b.length ? score : undefined;
}
