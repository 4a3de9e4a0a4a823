import type { TraceQuery } from '../sources/traceSource';
import type { Lookback, SearchQuery } from './protocol';

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

export interface QueryOptions {
  readonly nowMs: number;
  /** Files are a fixed set of traces of any age: a lookback ("last hour") means nothing there and is dropped. */
  readonly ignoreLookback: boolean;
}

/** The search form's query as a `TraceSource` query: lookback to a window, nanoseconds to milliseconds. */
export function toTraceQuery(query: SearchQuery, options: QueryOptions): TraceQuery {
  const time = query.time;
  const window =
    'lookback' in time
      ? options.ignoreLookback
        ? {}
        : { startMs: options.nowMs - lookbackMilliseconds[time.lookback], endMs: options.nowMs }
      : { startMs: time.startMs, endMs: time.endMs };
  return {
    ...(query.service === undefined ? {} : { service: query.service }),
    ...(query.operation === undefined ? {} : { operation: query.operation }),
    tags: query.tags,
    ...window,
    ...(query.minDurationNs === undefined ? {} : { minDurationMs: query.minDurationNs / 1e6 }),
    ...(query.maxDurationNs === undefined ? {} : { maxDurationMs: query.maxDurationNs / 1e6 }),
    limit: query.limit,
  };
}
