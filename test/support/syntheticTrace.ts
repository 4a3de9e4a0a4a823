import type { Attributes, Span, SpanKind, Trace } from '../../src/core/model/trace';

/**
 * Deterministic synthetic traces in the normalized model, for benchmarks and tests that need size (100,000
 * spans) rather than realism of a particular system. Generated on demand; never stored as data.
 */
export interface SyntheticTraceOptions {
  readonly spans: number;
  readonly seed?: number;
  readonly services?: number;
  /** Largest number of children per span. */
  readonly maxChildren?: number;
  readonly maxDepth?: number;
}

const operations = ['GET /api/orders', 'POST /api/pay', 'SELECT', 'INSERT', 'cache.get', 'publish', 'consume', 'render', 'grpc.Call', 'auth.check'];

/** A PRNG with a seed, so the same options always give the same trace. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hex(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

export function syntheticTrace(options: SyntheticTraceOptions): Trace {
  const random = mulberry32(options.seed ?? 1);
  const serviceCount = options.services ?? 24;
  const maxChildren = options.maxChildren ?? 6;
  const maxDepth = options.maxDepth ?? 14;
  const traceId = hex(random, 32);
  const services = Array.from({ length: serviceCount }, (_, i) => `service-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? i : ''}`);
  const resources = new Map(services.map((service) => [service, { 'service.name': service, 'host.name': `${service}-7f9c`, 'telemetry.sdk.language': 'nodejs' }]));
  const startNs = Date.UTC(2025, 0, 15, 10, 0, 0) * 1e6;

  interface Pending {
    readonly id: string;
    readonly depth: number;
    readonly startNs: number;
    readonly durationNs: number;
    readonly service: string;
  }
  const spans: Span[] = [];
  const make = (parent: Pending | undefined, start: number, duration: number, service: string, depth: number): Pending => {
    const id = hex(random, 16);
    const kind: SpanKind = depth === 0 ? 'server' : (['client', 'server', 'internal'] as const)[Math.floor(random() * 3)] ?? 'internal';
    const error = random() < 0.02;
    const attributes: Attributes = {
      'http.request.method': random() < 0.5 ? 'GET' : 'POST',
      'http.response.status_code': error ? 500 : 200,
      'url.path': `/api/items/${Math.floor(random() * 1000)}`,
      'net.peer.name': services[Math.floor(random() * services.length)] ?? 'peer',
      'thread.id': Math.floor(random() * 64),
    };
    spans.push({
      traceId,
      spanId: id,
      ...(parent ? { parentSpanId: parent.id } : {}),
      links: [],
      name: operations[Math.floor(random() * operations.length)] ?? 'op',
      kind,
      service,
      resource: resources.get(service) ?? {},
      attributes,
      events: random() < 0.1 ? [{ timeNs: start + Math.floor(duration / 2), name: error ? 'exception' : 'cache.miss', attributes: { 'exception.message': 'boom' } }] : [],
      status: error ? { code: 'error', message: 'Internal error' } : { code: 'unset' },
      startNs: start,
      durationNs: duration,
      warnings: [],
    });
    return { id, depth, startNs: start, durationNs: duration, service };
  };

  const root = make(undefined, startNs, 2_000_000_000, services[0] ?? 'root', 0);
  const queue: Pending[] = [root];
  for (let head = 0; head < queue.length && spans.length < options.spans; head++) {
    const parent = queue[head];
    if (!parent || parent.depth >= maxDepth) continue;
    const children = 1 + Math.floor(random() * maxChildren);
    for (let c = 0; c < children && spans.length < options.spans; c++) {
      const offset = Math.floor(random() * parent.durationNs * 0.6);
      const duration = Math.max(1_000, Math.floor(random() * (parent.durationNs - offset)));
      const service = random() < 0.3 ? (services[Math.floor(random() * services.length)] ?? parent.service) : parent.service;
      queue.push(make(parent, parent.startNs + offset, duration, service, parent.depth + 1));
    }
    if (head === queue.length - 1 && spans.length < options.spans) {
      // The tree hit the depth limit everywhere: start another branch under the root.
      queue.push(root);
    }
  }
  spans.sort((a, b) => a.startNs - b.startNs || (a.spanId < b.spanId ? -1 : 1));
  return { traceId, spans, warnings: [] };
}
