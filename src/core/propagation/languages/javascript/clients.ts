import type { OutboundLibrary } from '../../model';

/** Packages whose import makes a name an HTTP client, and the library it is. */
export const clientPackages: Readonly<Record<string, OutboundLibrary>> = {
  axios: 'axios',
  got: 'got',
  'node-fetch': 'node-fetch',
  'cross-fetch': 'node-fetch',
  'isomorphic-fetch': 'node-fetch',
  superagent: 'superagent',
  http: 'node-http',
  https: 'node-http',
  'node:http': 'node-http',
  'node:https': 'node-http',
  undici: 'undici',
  '@nestjs/axios': 'axios',
};

const verbs = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Methods of each library's module object (or instances) that send a request. */
export const clientMethods: Readonly<Partial<Record<OutboundLibrary, ReadonlySet<string>>>> = {
  axios: new Set([...verbs, 'request']),
  got: new Set([...verbs, 'stream']),
  superagent: new Set([...verbs, 'del']),
  'node-http': new Set(['request', 'get']),
  undici: new Set(['request', 'fetch', 'stream']),
};

/**
 * Where the options (headers) argument sits: axios puts data before the config for post/put/patch; an undici
 * Client/Pool/Agent takes the options alone (`client.request({ path, headers })`).
 */
export function optionsIndex(library: OutboundLibrary, method: string | undefined, onInstance = false): number {
  if (library === 'undici' && onInstance) return 0;
  if (library === 'axios' && (method === 'post' || method === 'put' || method === 'patch')) return 2;
  if (library === 'axios' && method === 'request') return 0;
  return 1;
}

/** Functions that create a client instance with its own defaults. */
export const clientFactories: Readonly<Partial<Record<OutboundLibrary, ReadonlySet<string>>>> = {
  axios: new Set(['create']),
  got: new Set(['extend']),
  undici: new Set(['Client', 'Pool', 'Agent']),
};
