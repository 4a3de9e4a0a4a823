import type { HandlerFramework, InboundHandler } from './model';

/**
 * Turns a handler's route, as written for its framework, into a regular expression over request paths, so server
 * spans (`http.route`, `url.path`, `http.target`) can be matched to handlers: Flask `<id>`/`<int:id>`, Django
 * `<int:pk>` and `^…$` regexes, FastAPI/Spring/JAX-RS/Go `{id}`, Express/Koa/gin/echo `:id` and `*`, Next.js `[id]`.
 */
export function routePattern(route: string, framework: HandlerFramework): RegExp {
  if (framework === 'django' && (route.startsWith('^') || route.endsWith('$'))) {
    try {
      return new RegExp(`^/?${route.replace(/^\^/, '').replace(/\$$/, '')}$`);
    } catch {
      // Not a regular expression after all: read it as a path below.
    }
  }
  const path = route.startsWith('/') ? route : `/${route}`;
  let source = '';
  for (const part of path.split(/(<[^>]+>|\{[^}]+\}|:[A-Za-z_]\w*\??|\[\[?\.\.\.[^\]]+\]\]?|\[[^\]]+\]|\*\w*)/)) {
    if (part === '') continue;
    if (/^\[\[?\.\.\./.test(part) || part.startsWith('*') || /^\{[^}]*(\.\.\.|\*|:\.\*)[^}]*\}$/.test(part)) source += '.*';
    else if (/^(<[^>]+>|\{[^}]+\}|:\w+\??|\[[^\]]+\])$/.test(part)) source += part.endsWith('?') ? '[^/]*' : '[^/]+';
    else source += part.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`);
}

/** Does a request path (no query string) reach this handler's route? Handlers without a route never match. */
export function handlerMatchesPath(handler: InboundHandler, path: string): boolean {
  if (handler.route === undefined) return false;
  return routePattern(handler.route, handler.framework).test(path.split('?')[0] ?? path);
}
