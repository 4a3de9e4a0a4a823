import type { AttributeValue, Span, Trace } from '../model/trace';
import type { Lookback, SearchQuery } from './protocol';

/**
 * Search over traces held in memory (opened files), with Jaeger's semantics: a trace matches when one of its spans
 * has the service, the operation, every tag (span or resource attribute, compared as text), a duration within the
 * bounds and a start inside the time range.
 */

const lookbackMilliseconds: Readonly<Record<Lookback, number>> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '30m': 30 * 60_000,
  '1h': 3_600_000,
  '2h': 2 * 3_600_000,
  '6h': 6 * 3_600_000,
  '12h': 12 * 3_600_000,
  '24h': 24 * 3_600_000,
  '2d': 48 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** The query's time range in epoch milliseconds. */
export function queryTimeRange(query: SearchQuery, nowMs: number): { readonly startMs: number; readonly endMs: number } {
  return 'lookback' in query.time ? { startMs: nowMs - lookbackMilliseconds[query.time.lookback], endMs: nowMs } : query.time;
}

export interface MatchOptions {
  readonly nowMs: number;
  /** Files hold traces of any age: there the time range is ignored unless it is an explicit range. */
  readonly ignoreLookback?: boolean;
}

/** Traces matching the query, newest first, at most `query.limit`. */
export function searchTraces(traces: readonly Trace[], query: SearchQuery, options: MatchOptions): Trace[] {
  const range = options.ignoreLookback && 'lookback' in query.time ? undefined : queryTimeRange(query, options.nowMs);
  const matching = traces.filter((trace) => trace.spans.some((span) => spanMatches(span, query, range)));
  const start = (trace: Trace): number => trace.spans.reduce((min, span) => Math.min(min, span.startNs), Infinity);
  return matching.sort((a, b) => start(b) - start(a)).slice(0, query.limit);
}

function spanMatches(span: Span, query: SearchQuery, range: { startMs: number; endMs: number } | undefined): boolean {
  if (query.service !== undefined && span.service !== query.service) return false;
  if (query.operation !== undefined && span.name !== query.operation) return false;
  if (query.minDurationNs !== undefined && span.durationNs < query.minDurationNs) return false;
  if (query.maxDurationNs !== undefined && span.durationNs > query.maxDurationNs) return false;
  if (range && (span.startNs / 1e6 < range.startMs || span.startNs / 1e6 > range.endMs)) return false;
  for (const [key, expected] of Object.entries(query.tags)) {
    const value = key in span.attributes ? span.attributes[key] : span.resource[key];
    if (value === undefined || valueText(value) !== expected) return false;
  }
  return true;
}

function valueText(value: AttributeValue): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Distinct services of the traces, sorted. */
export function servicesOf(traces: readonly Trace[]): string[] {
  return [...new Set(traces.flatMap((trace) => trace.spans.map((span) => span.service)))].sort();
}

/** Distinct operations (span names) of one service, sorted. */
export function operationsOf(traces: readonly Trace[], service: string): string[] {
  const names = new Set<string>();
  for (const trace of traces) for (const span of trace.spans) if (span.service === service) names.add(span.name);
  return [...names].sort();
}
