import type { Span, Trace } from '../model/trace';
import type { CodeLinkContext } from './resolveSpan';
import { resolveSpanCode } from './resolveSpan';

/** A span tied to a line of code, for "Show traces". */
export interface SpanRef {
  readonly traceId: string;
  readonly spanId: string;
}

/** What the loaded traces say about one line of code (a handler or an outbound call). */
export interface LineFigures {
  readonly file: string;
  readonly line: number;
  /** Server spans land on handlers, client spans on call sites, anything else on what its code attributes say. */
  readonly role: 'handler' | 'call' | 'code';
  readonly count: number;
  readonly errors: number;
  readonly p50Ns: number;
  readonly p95Ns: number;
  /** The spans behind the figures, most recent first, at most `maxSpanRefs`. */
  readonly spans: readonly SpanRef[];
}

const maxSpanRefs = 200;
/** Figures only count a span for a line when code links are this sure, so lenses never show a guess. */
const minimumConfidence = 0.6;

function roleOf(span: Span): LineFigures['role'] {
  return span.kind === 'server' ? 'handler' : span.kind === 'client' ? 'call' : 'code';
}

/** Spans that share these resolve alike; resolving one per key keeps 100,000-span traces cheap. */
function resolutionKey(span: Span): string | undefined {
  if (span.events.some((event) => event.attributes['exception.stacktrace'] !== undefined)) return undefined;
  const a = span.attributes;
  return JSON.stringify([
    span.kind, span.service, span.name,
    a['http.route'], a['url.path'], a['http.target'], a['url.full'], a['http.url'], a['server.address'], a['net.peer.name'],
    a['peer.service'], a['http.request.method'], a['http.method'],
    a['code.file.path'], a['code.filepath'], a['code.line.number'], a['code.lineno'], a['code.function.name'], a['code.function'],
  ]);
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

interface Bucket {
  readonly file: string;
  readonly line: number;
  readonly role: LineFigures['role'];
  readonly durations: number[];
  errors: number;
  readonly spans: { ref: SpanRef; startNs: number }[];
}

/**
 * Ties every span of the traces that code links can place with confidence to its line, and sums them up per line:
 * calls, errors, p50 and p95 durations, and the spans themselves.
 */
export function computeCodeFigures(
  traces: readonly Trace[],
  context: CodeLinkContext,
  isError: (span: Span) => boolean,
): LineFigures[] {
  const resolved = new Map<string, { file: string; line: number } | undefined>();
  const buckets = new Map<string, Bucket>();
  for (const trace of traces) {
    for (const span of trace.spans) {
      if (span.kind === 'internal' || span.kind === 'unspecified') {
        if (span.attributes['code.filepath'] === undefined && span.attributes['code.file.path'] === undefined) continue;
      }
      const key = resolutionKey(span);
      let place = key === undefined ? undefined : resolved.get(key);
      if (key === undefined || !resolved.has(key)) {
        const [best, second] = resolveSpanCode(span, context).candidates;
        const clear = best?.line !== undefined && best.confidence >= minimumConfidence && (!second || second.confidence < best.confidence);
        place = clear ? { file: best.file, line: best.line ?? 1 } : undefined;
        if (key !== undefined) resolved.set(key, place);
      }
      if (!place) continue;
      const role = roleOf(span);
      const bucketKey = `${place.file}\n${place.line}\n${role}`;
      let bucket = buckets.get(bucketKey);
      if (!bucket) {
        bucket = { file: place.file, line: place.line, role, durations: [], errors: 0, spans: [] };
        buckets.set(bucketKey, bucket);
      }
      bucket.durations.push(span.durationNs);
      if (isError(span)) bucket.errors++;
      bucket.spans.push({ ref: { traceId: span.traceId, spanId: span.spanId }, startNs: span.startNs });
    }
  }
  return [...buckets.values()].map((bucket) => {
    const sorted = [...bucket.durations].sort((a, b) => a - b);
    const spans = bucket.spans.sort((a, b) => b.startNs - a.startNs).slice(0, maxSpanRefs).map((entry) => entry.ref);
    return {
      file: bucket.file,
      line: bucket.line,
      role: bucket.role,
      count: sorted.length,
      errors: bucket.errors,
      p50Ns: percentile(sorted, 0.5),
      p95Ns: percentile(sorted, 0.95),
      spans,
    };
  });
}
