import type { OutboundLibrary } from '../../model';

/** A Python HTTP client library: its import name, module-level request functions and client factories. */
export interface PythonClient {
  readonly library: OutboundLibrary;
  readonly module: string;
  /** Functions of the module that send a request (`requests.get`). */
  readonly functions: ReadonlySet<string>;
  /** Classes/functions that create a client object whose methods send requests (`requests.Session`). */
  readonly factories: ReadonlySet<string>;
  /** Methods of a client object that send a request. */
  readonly methods: ReadonlySet<string>;
  /** Functions whose first argument is the HTTP method, so the URL is the second (`requests.request("GET", url)`). */
  readonly methodFirst: ReadonlySet<string>;
}

const verbs = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export const pythonClients: readonly PythonClient[] = [
  {
    library: 'requests',
    module: 'requests',
    functions: new Set([...verbs, 'request']),
    factories: new Set(['Session', 'session']),
    methods: new Set([...verbs, 'request']),
    methodFirst: new Set(['request']),
  },
  {
    library: 'httpx',
    module: 'httpx',
    functions: new Set([...verbs, 'request', 'stream']),
    factories: new Set(['Client', 'AsyncClient']),
    methods: new Set([...verbs, 'request', 'stream']),
    methodFirst: new Set(['request', 'stream']),
  },
  {
    library: 'aiohttp',
    module: 'aiohttp',
    functions: new Set(['request']),
    factories: new Set(['ClientSession']),
    methods: new Set([...verbs, 'request', 'ws_connect']),
    methodFirst: new Set(['request']),
  },
  {
    library: 'urllib3',
    module: 'urllib3',
    functions: new Set(['request']),
    factories: new Set(['PoolManager', 'HTTPConnectionPool', 'HTTPSConnectionPool', 'connection_from_url', 'ProxyManager']),
    methods: new Set(['request', 'urlopen', 'request_encode_url', 'request_encode_body']),
    methodFirst: new Set(['request', 'urlopen', 'request_encode_url', 'request_encode_body']),
  },
  {
    library: 'urllib',
    module: 'urllib.request',
    functions: new Set(['urlopen']),
    factories: new Set(['build_opener']),
    methods: new Set(['open']),
    methodFirst: new Set(),
  },
];

const clientAnnotations: readonly (readonly [RegExp, OutboundLibrary])[] = [
  [/\brequests\.(Session|session)\b/, 'requests'],
  [/\b(httpx\.)?(AsyncClient)\b|\bhttpx\.Client\b/, 'httpx'],
  [/\b(aiohttp\.)?ClientSession\b/, 'aiohttp'],
  [/\b(urllib3\.)?PoolManager\b/, 'urllib3'],
];

/** The client library a type annotation names (`session: aiohttp.ClientSession`). */
export function clientOfAnnotation(annotation: string): PythonClient | undefined {
  const library = clientAnnotations.find(([pattern]) => pattern.test(annotation))?.[1];
  return pythonClients.find((client) => client.library === library);
}
