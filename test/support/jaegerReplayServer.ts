import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { fixturePath } from './traceFixtures';

/**
 * A local HTTP server that answers like Jaeger's query service with the responses recorded in the shared fixtures:
 * API v3 from jaeger/apiv3-snapshots (GetServices, GetOperations, FindTraces, GetTrace) and the v1 API from
 * jaeger/query/otlp2jaeger-out.json (the recorded `{data: [trace]}` envelope; the services and operations lists
 * are that trace's, in the same envelope). Errors use the bodies Jaeger's handlers write (see http_gateway.go:
 * `{"error": {"httpCode", "message"}}` sent with http.Error, i.e. as text/plain, for v3; `{"errors": [{code, msg}]}`
 * for v1). Routes are built from the fixture contents, so the client is tested against the real shapes.
 */

export interface ReplayOptions {
  /** Which APIs this "Jaeger" serves: a v2 Jaeger serves both, an old one v1 only. */
  readonly apis: readonly ('v3' | 'v1')[];
  /** A path prefix, as when Jaeger runs behind a proxy at /jaeger. */
  readonly basePath?: string;
  /** When set, requests need `Authorization: <value>`. */
  readonly authorization?: string;
  /** Compress responses when the client accepts gzip. */
  readonly gzip?: boolean;
  /**
   * Answer API v3 searches the way older Jaegers' grpc-gateway streamed them: one `{"result": …}` document per
   * line (the recorded FindTraces response, twice).
   */
  readonly streamSearch?: boolean;
}

export interface ReplayServer {
  readonly url: string;
  /** Every request path with its query, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
}

const read = (relative: string): string => readFileSync(fixturePath(relative), 'utf8');

function v1Envelope(data: unknown): string {
  return JSON.stringify({ data, total: Array.isArray(data) ? data.length : 0, limit: 0, offset: 0, errors: null });
}

/** Jaeger's v3 gateway writes its JSON errors with http.Error, so they arrive as text/plain. */
function v3Error(status: number, message: string): Reply {
  return { status, body: `${JSON.stringify({ error: { httpCode: status, message } })}\n`, contentType: 'text/plain; charset=utf-8' };
}

function v1Error(status: number, message: string): Reply {
  return { status, body: JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg: message }] }) };
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function v3Routes(streamSearch: boolean): (path: string, query: URLSearchParams) => Reply | undefined {
  const services = JSON.parse(read('jaeger/apiv3-snapshots/GetServices.json')) as { services: string[] };
  const findTraces = read('jaeger/apiv3-snapshots/FindTraces.json');
  const getTrace = read('jaeger/apiv3-snapshots/GetTrace.json');
  const recordedTraceId = (JSON.parse(getTrace) as { result: { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] } }).result.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId;
  return (path, query) => {
    if (path === '/api/v3/services') return { status: 200, body: read('jaeger/apiv3-snapshots/GetServices.json') };
    if (path === '/api/v3/operations') {
      return services.services.includes(query.get('service') ?? '') ? { status: 200, body: read('jaeger/apiv3-snapshots/GetOperations.json') } : { status: 200, body: '{"operations":[]}' };
    }
    if (path === '/api/v3/traces') {
      const min = query.get('query.start_time_min');
      const max = query.get('query.start_time_max');
      if (min === null || max === null) return v3Error(400, 'query.start_time_min and query.start_time_max are required');
      if (!rfc3339.test(min)) return v3Error(400, `malformed parameter query.start_time_min: ${min}`);
      if (!rfc3339.test(max)) return v3Error(400, `malformed parameter query.start_time_max: ${max}`);
      if (!services.services.includes(query.get('query.service_name') ?? '')) return v3Error(404, 'No traces found');
      const compact = JSON.stringify(JSON.parse(findTraces));
      return { status: 200, body: streamSearch ? `${compact}\n${compact}\n` : findTraces };
    }
    const traceMatch = /^\/api\/v3\/traces\/([^/]+)$/.exec(path);
    if (traceMatch) return traceMatch[1] === recordedTraceId ? { status: 200, body: getTrace } : v3Error(404, 'trace not found');
    return undefined;
  };
}

function v1Routes(): (path: string, query: URLSearchParams) => Reply | undefined {
  const recorded = read('jaeger/query/otlp2jaeger-out.json');
  const envelope = JSON.parse(recorded) as { data: { traceID: string; spans: { operationName: string; processID: string }[]; processes: Record<string, { serviceName: string }> }[] };
  const trace = envelope.data[0];
  if (!trace) throw new Error('the v1 fixture has no trace');
  const services = [...new Set(Object.values(trace.processes).map((process) => process.serviceName))];
  return (path, query) => {
    if (path === '/api/services') return { status: 200, body: v1Envelope(services) };
    const operations = /^\/api\/services\/([^/]+)\/operations$/.exec(path);
    if (operations) {
      const service = decodeURIComponent(operations[1] ?? '');
      const names = trace.spans.filter((span) => trace.processes[span.processID]?.serviceName === service).map((span) => span.operationName);
      return { status: 200, body: v1Envelope([...new Set(names)]) };
    }
    if (path === '/api/traces') {
      const service = query.get('service');
      if (service === null || service === '') return v1Error(400, "parameter 'service' is required");
      if (query.get('tags') !== null) JSON.parse(query.get('tags') ?? '');
      return services.includes(service) ? { status: 200, body: recorded } : { status: 200, body: v1Envelope([]) };
    }
    const traceMatch = /^\/api\/traces\/([^/]+)$/.exec(path);
    if (traceMatch) return traceMatch[1] === trace.traceID ? { status: 200, body: recorded } : v1Error(404, 'trace not found');
    return undefined;
  };
}

export async function startJaegerReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const routes = [...(options.apis.includes('v3') ? [v3Routes(options.streamSearch ?? false)] : []), ...(options.apis.includes('v1') ? [v1Routes()] : [])];
  const basePath = options.basePath ?? '';
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const reply = answer(url);
    const accepted = options.gzip === true && (request.headers['accept-encoding'] ?? '').includes('gzip');
    const body = accepted ? gzipSync(reply.body) : Buffer.from(reply.body);
    response.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/json',
      'Content-Length': body.length,
      ...(accepted ? { 'Content-Encoding': 'gzip' } : {}),
      ...(reply.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
    });
    response.end(body);

    function answer(target: URL): Reply {
      if (options.authorization !== undefined && request.headers.authorization !== options.authorization) {
        return { status: 401, body: 'Unauthorized\n', contentType: 'text/plain' };
      }
      if (!target.pathname.startsWith(`${basePath}/`)) return { status: 404, body: '404 page not found\n', contentType: 'text/plain' };
      const path = target.pathname.slice(basePath.length);
      for (const route of routes) {
        const found = route(path, target.searchParams);
        if (found) return found;
      }
      return { status: 404, body: '404 page not found\n', contentType: 'text/plain' };
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
