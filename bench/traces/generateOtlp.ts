/**
 * Generates one large, realistic OTLP JSON trace for benchmarks (never committed as data): a request fanning out
 * over `serviceCount` services, CLIENT→SERVER hops between them and INTERNAL work inside, with the attributes real
 * HTTP instrumentation writes, some events, a few errors and links. Deterministic for a given seed.
 */

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GeneratedSpan {
  readonly spanId: string;
  readonly parent: number;
  readonly service: number;
  readonly kind: 1 | 2 | 3;
  readonly startNs: bigint;
  readonly endNs: bigint;
}

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

export function generateOtlpTrace(spanCount: number, seed = 1, serviceCount = 20): string {
  const next = random(seed);
  const traceId = hex(Math.floor(next() * 2 ** 32), 8) + hex(Math.floor(next() * 2 ** 32), 8) + hex(Math.floor(next() * 2 ** 32), 8) + hex(seed, 8);
  const rootStart = 1_767_225_600_000_000_000n;
  const spans: GeneratedSpan[] = [{ spanId: hex(1, 16), parent: -1, service: 0, kind: 2, startNs: rootStart, endNs: rootStart + 30_000_000_000n }];
  for (let index = 1; index < spanCount; index++) {
    // Every CLIENT span gets its SERVER span next, as in a whole trace; otherwise prefer recent spans as parents:
    // deep, bushy trees like real fan-out.
    const previous = spans[index - 1];
    const parentIndex = previous?.kind === 3 ? index - 1 : Math.max(0, index - 1 - Math.floor(next() * next() * Math.min(index, 400)));
    const parent = spans[parentIndex];
    if (!parent) throw new Error('parents come first');
    const span = parent.endNs - parent.startNs;
    const offset = (span * BigInt(Math.floor(next() * 500))) / 1000n;
    const startNs = parent.startNs + offset;
    const endNs = startNs + ((parent.endNs - startNs) * BigInt(50 + Math.floor(next() * 900))) / 1000n;
    let kind: 1 | 2 | 3;
    let service = parent.service;
    if (parent.kind === 3) {
      kind = 2;
      service = (parent.service + 1 + Math.floor(next() * (serviceCount - 1))) % serviceCount;
    } else {
      kind = next() < 0.3 && index < spanCount - 1 ? 3 : 1;
    }
    spans.push({ spanId: hex(index + 1, 16), parent: parentIndex, service, kind, startNs, endNs });
  }

  const byService: number[][] = Array.from({ length: serviceCount }, () => []);
  spans.forEach((span, index) => byService[span.service]?.push(index));
  const resourceSpans = byService.map((indices, service) => ({
    resource: {
      attributes: [
        { key: 'service.name', value: { stringValue: `service-${service}` } },
        { key: 'host.name', value: { stringValue: `node-${service % 5}` } },
        { key: 'telemetry.sdk.language', value: { stringValue: 'nodejs' } },
      ],
    },
    scopeSpans: [
      {
        scope: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
        spans: indices.flatMap((index) => {
          const span = spans[index];
          if (!span) return [];
          const parent = spans[span.parent];
          const route = `/api/v1/resource-${index % 97}/{id}`;
          const attributes = [
            { key: 'http.request.method', value: { stringValue: index % 5 === 0 ? 'POST' : 'GET' } },
            span.kind === 3
              ? { key: 'url.full', value: { stringValue: `http://service-${(span.service + 1) % serviceCount}:8080/api/v1/resource-${index % 97}/${index}` } }
              : { key: 'http.route', value: { stringValue: route } },
            { key: 'server.address', value: { stringValue: `service-${span.service}` } },
            { key: 'server.port', value: { intValue: '8080' } },
            { key: 'http.response.status_code', value: { intValue: index % 211 === 0 ? '503' : '200' } },
          ];
          return {
            traceId,
            spanId: span.spanId,
            parentSpanId: parent?.spanId ?? '',
            name: span.kind === 1 ? `work ${index % 31}` : `${index % 5 === 0 ? 'POST' : 'GET'} ${route}`,
            kind: span.kind,
            startTimeUnixNano: span.startNs.toString(),
            endTimeUnixNano: span.endNs.toString(),
            attributes,
            events: index % 10 === 0 ? [{ timeUnixNano: span.startNs.toString(), name: 'cache.miss', attributes: [{ key: 'cache.key', value: { stringValue: `k${index}` } }] }] : [],
            links: index % 997 === 0 ? [{ traceId, spanId: hex(1, 16), attributes: [] }] : [],
            status: index % 211 === 0 ? { code: 2, message: 'upstream unavailable' } : {},
          };
        }),
      },
    ],
  }));
  return JSON.stringify({ resourceSpans });
}

/** OTLP JSON export requests of `batchSize` spans each (one trace per request), as SDK exporters send them. */
export function generateOtlpBatches(batchCount: number, batchSize: number, seed = 7): string[] {
  return Array.from({ length: batchCount }, (_, index) => generateOtlpTrace(batchSize, seed + index, 4));
}
