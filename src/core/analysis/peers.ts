import type { Attributes, Span } from '../model/trace';
import { attributeText } from '../formats/attributes';

/**
 * Who a CLIENT span calls and who a SERVER span is, from the attributes instrumentations actually write (stable and
 * older OpenTelemetry semantic conventions, Zipkin/Envoy tags). Used to match the two halves of a call across traces.
 */

export interface Endpoint {
  readonly peerService?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
  /** Route template of a server span (`/users/:id`, `/users/{id}`). */
  readonly route?: string;
}

/** The attributes that identify a call, copied onto broken links as evidence (and for finding the call site). */
export const callAttributeKeys: readonly string[] = [
  'peer.service',
  'server.address',
  'server.port',
  'net.peer.name',
  'net.peer.port',
  'net.host.name',
  'net.host.port',
  'url.full',
  'http.url',
  'url.path',
  'http.target',
  'http.path',
  'http.route',
  'http.host',
  'http.method',
  'http.request.method',
  'upstream_cluster',
  'rpc.service',
  'rpc.method',
  'code.function',
  'code.function.name',
  'code.namespace',
  'code.filepath',
  'code.file.path',
  'code.lineno',
  'code.line.number',
];

export function callAttributes(attributes: Attributes): Attributes {
  const picked: Record<string, Attributes[string]> = {};
  for (const key of callAttributeKeys) {
    if (Object.hasOwn(attributes, key)) picked[key] = attributes[key] ?? null;
  }
  return picked;
}

interface ParsedUrl {
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
}

function parseUrl(text: string | undefined): ParsedUrl {
  if (text === undefined) return {};
  try {
    const url = new URL(text);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : undefined) : Number(url.port);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port, path: url.pathname };
  } catch {
    return {};
  }
}

function portFrom(attributes: Attributes, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const text = attributeText(attributes, key);
    const port = text === undefined ? Number.NaN : Number(text);
    if (Number.isInteger(port) && port > 0) return port;
  }
  return undefined;
}

function firstText(attributes: Attributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const text = attributeText(attributes, key);
    if (text !== undefined) return text;
  }
  return undefined;
}

function withoutQuery(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}

/** What a CLIENT span targets. */
export function clientTarget(span: Span): Endpoint {
  const a = span.attributes;
  const url = parseUrl(firstText(a, ['url.full', 'http.url']));
  return {
    peerService: attributeText(a, 'peer.service'),
    host: firstText(a, ['server.address', 'net.peer.name']) ?? url.host ?? hostOfHeader(attributeText(a, 'http.host')),
    port: portFrom(a, ['server.port', 'net.peer.port']) ?? url.port,
    path: withoutQuery(firstText(a, ['url.path', 'http.target', 'http.path'])) ?? url.path,
  };
}

/** How a SERVER span was addressed. */
export function serverEndpoint(span: Span): Endpoint {
  const a = span.attributes;
  const url = parseUrl(firstText(a, ['url.full', 'http.url']));
  const hostHeader = attributeText(a, 'http.host');
  return {
    host: firstText(a, ['server.address', 'net.host.name']) ?? hostOfHeader(hostHeader) ?? url.host,
    port: portFrom(a, ['server.port', 'net.host.port']) ?? portOfHeader(hostHeader) ?? url.port,
    path: withoutQuery(firstText(a, ['url.path', 'http.target', 'http.path'])) ?? url.path,
    route: attributeText(a, 'http.route'),
  };
}

function hostOfHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return header.replace(/:\d+$/, '').replace(/^\[|\]$/g, '') || undefined;
}

function portOfHeader(header: string | undefined): number | undefined {
  const match = header === undefined ? null : /:(\d+)$/.exec(header);
  return match ? Number(match[1]) : undefined;
}

const loopback = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

/** Hosts equal after lowercasing, or both loopback. */
export function sameHost(a: string, b: string): boolean {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left === right || (loopback.has(left) && loopback.has(right));
}

/** The first DNS label, so `payments.prod.svc.cluster.local:8080` and the Istio service `payments.prod` compare equal. */
export function serviceLabel(name: string): string {
  return name.toLowerCase().replace(/:\d+$/, '').split('.')[0] ?? '';
}

/** True when a host name names the service (not an IP address). */
export function hostNamesService(host: string, service: string): boolean {
  if (/^[\d.]+$/.test(host) || host.includes(':') || loopback.has(host.toLowerCase())) return false;
  const label = serviceLabel(host);
  return label !== '' && label === serviceLabel(service);
}

/** Does a request path match a route template (`/users/:id`, `/users/{id}`, `/files/*`)? */
export function pathMatchesRoute(path: string, route: string): boolean {
  if (path === route) return true;
  const pattern = route
    .split('/')
    .map((part) => (/^:|^\{.*\}$|^\*$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}/?$`).test(path);
}
