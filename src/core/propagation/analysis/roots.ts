/**
 * How a name in an inbound scope reaches the incoming request:
 * - `request` — the request object (or a framework context around it: Koa `ctx`, gin `c`);
 * - `headers` — the incoming header collection itself;
 * - `header-value` — the value of one incoming header (FastAPI `Header()`, Spring `@RequestHeader("b3")`);
 * - `context` — Go's `context.Context` of the request.
 */
export interface RequestRoot {
  readonly kind: 'request' | 'headers' | 'header-value' | 'context';
  /** For `header-value`: the header's name, lower case. */
  readonly header?: string;
}

export type RootMap = ReadonlyMap<string, RequestRoot>;

/** Members and accessor methods that yield the whole incoming header collection. */
export const headerCollectionNames: ReadonlySet<string> = new Set([
  'headers',
  'Header',
  'META',
  'getHeaders',
  'getRequestHeaders',
  'requestHeaders',
  'rawHeaders',
  'header',
  'getHeaderNames',
]);

/** Methods that read one header (so the collection is not forwarded whole). */
export const singleHeaderReads: ReadonlySet<string> = new Set([
  'get',
  'Get',
  'getHeader',
  'GetHeader',
  'get_all',
  'getall',
  'getlist',
  'getFirst',
  'getOrDefault',
  'getRequestHeader',
  'getHeaderString',
  'getHeaders',
  'header',
  'Values',
  'has',
  'Has',
  'contains',
  'containsKey',
  '__contains__',
  '__getitem__',
]);
