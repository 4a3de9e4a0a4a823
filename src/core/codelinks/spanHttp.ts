import type { Attributes, AttributeValue, Span } from '../model/trace';

/** What a server span says about the request it served, from current and older semantic conventions. */
export interface ServedRequest {
  readonly method?: string;
  /** The route template (`http.route`, or from a span name such as `GET /api/orders/{id}`). */
  readonly route?: string;
  /** The concrete path (`url.path`, `http.target` without its query). */
  readonly path?: string;
}

/** What a client span says about the request it sent. */
export interface SentRequest {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly path?: string;
  readonly peerService?: string;
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

function text(attributes: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value: AttributeValue | undefined = attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function withoutQuery(target: string): string {
  return target.split(/[?#]/)[0] ?? target;
}

/** A span name of the form `GET /api/orders/{id}` (the HTTP semantic conventions' preferred name). */
function fromSpanName(name: string): { method: string; route: string } | undefined {
  const match = /^([A-Z]+) (\/\S*)$/.exec(name.trim());
  if (!match?.[1] || !match[2] || !methods.has(match[1])) return undefined;
  return { method: match[1], route: match[2] };
}

export function servedRequest(span: Span): ServedRequest {
  const attributes = span.attributes;
  const named = fromSpanName(span.name);
  const method = text(attributes, 'http.request.method', 'http.method')?.toUpperCase() ?? named?.method;
  const route = text(attributes, 'http.route') ?? named?.route;
  const target = text(attributes, 'url.path', 'http.target');
  const fromUrl = text(attributes, 'url.full', 'http.url');
  const path = target ? withoutQuery(target) : fromUrl ? pathOfUrl(fromUrl) : undefined;
  return { ...(method ? { method } : {}), ...(route ? { route } : {}), ...(path ? { path } : {}) };
}

function pathOfUrl(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** HTTP client spans are named after the bare method (`GET`) when no route template is known. */
function methodFromName(name: string): string | undefined {
  const trimmed = name.trim();
  return methods.has(trimmed) ? trimmed : fromSpanName(trimmed)?.method;
}

export function sentRequest(span: Span): SentRequest {
  const attributes = span.attributes;
  const method = text(attributes, 'http.request.method', 'http.method')?.toUpperCase() ?? methodFromName(span.name);
  const url = text(attributes, 'url.full', 'http.url');
  const host = text(attributes, 'server.address', 'net.peer.name', 'http.host') ?? (url ? hostOfUrl(url) : undefined);
  const path = url ? pathOfUrl(url) : text(attributes, 'url.path', 'http.target');
  const peerService = text(attributes, 'peer.service');
  return {
    ...(method ? { method } : {}),
    ...(url ? { url } : {}),
    ...(host ? { host } : {}),
    ...(path ? { path: withoutQuery(path) } : {}),
    ...(peerService ? { peerService } : {}),
  };
}
