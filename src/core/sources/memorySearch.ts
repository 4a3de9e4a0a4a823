import { attributeText } from '../formats/attributes';
import type { Trace } from '../model/trace';
import { defaultSearchLimit, queryWindow, type OperationInfo, type TraceQuery } from './traceSource';

/** Search, services and operations over traces held in memory (files, the receiver; tag filters for Jaeger v3). */

export function servicesOf(traces: readonly Trace[]): string[] {
  const services = new Set<string>();
  for (const trace of traces) for (const span of trace.spans) services.add(span.service);
  return [...services].sort();
}

export function operationsOf(traces: readonly Trace[], service: string): OperationInfo[] {
  const operations = new Map<string, string>();
  for (const trace of traces) {
    for (const span of trace.spans) if (span.service === service && !operations.has(span.name)) operations.set(span.name, span.kind);
  }
  return [...operations].map(([name, spanKind]) => ({ name, spanKind })).sort((a, b) => a.name.localeCompare(b.name));
}

/** True when some span of the trace matches service, operation, tags and duration, and the trace starts in the window. */
export function traceMatches(trace: Trace, query: TraceQuery, window = queryWindow(query)): boolean {
  const first = trace.spans[0];
  if (!first) return false;
  const startMs = first.startNs / 1e6;
  if (startMs < window.startMs || startMs > window.endMs) return false;
  return trace.spans.some((span) => {
    if (query.service !== undefined && span.service !== query.service) return false;
    if (query.operation !== undefined && span.name !== query.operation) return false;
    const durationMs = span.durationNs / 1e6;
    if (query.minDurationMs !== undefined && durationMs < query.minDurationMs) return false;
    if (query.maxDurationMs !== undefined && durationMs > query.maxDurationMs) return false;
    return Object.entries(query.tags ?? {}).every(
      ([key, value]) => attributeText(span.attributes, key) === value || attributeText(span.resource, key) === value,
    );
  });
}

/** Matching traces, newest first, at most `limit`. */
export function searchTraces(traces: readonly Trace[], query: TraceQuery, now = Date.now()): Trace[] {
  const window = queryWindow(query, now);
  return traces
    .filter((trace) => traceMatches(trace, query, window))
    .sort((a, b) => (b.spans[0]?.startNs ?? 0) - (a.spans[0]?.startNs ?? 0))
    .slice(0, query.limit ?? defaultSearchLimit);
}
