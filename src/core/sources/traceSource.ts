import type { SkippedItem } from '../formats/parseResult';
import type { Trace } from '../model/trace';

/**
 * One interface for every place traces come from: Jaeger (query API v3 or v1), files, and the built-in receiver.
 * Every method takes an AbortSignal; failures reject with a `SourceError` whose message is fit to show a user.
 */

export interface OperationInfo {
  readonly name: string;
  /** The span kind ("server", "client", …) when the source knows it. */
  readonly spanKind?: string;
}

export interface TraceQuery {
  readonly service?: string;
  readonly operation?: string;
  /** Attribute filters (exact match on the text of the value), as Jaeger's "tags". */
  readonly tags?: Readonly<Record<string, string>>;
  /** The window in which traces started, in milliseconds since the epoch; defaults to the last hour. */
  readonly startMs?: number;
  readonly endMs?: number;
  readonly minDurationMs?: number;
  readonly maxDurationMs?: number;
  /** At most this many traces (default 20). */
  readonly limit?: number;
}

export interface TraceSearchResult {
  readonly traces: readonly Trace[];
  /** What the source returned but could not be used (malformed spans, errors the server listed). */
  readonly skipped: readonly SkippedItem[];
}

export type TraceSourceKind = 'jaeger' | 'file' | 'receiver';

export interface TraceSource {
  readonly kind: TraceSourceKind;
  /** For people: "Jaeger at https://…", "3 files", "built-in receiver". */
  readonly label: string;
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]>;
  search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult>;
  /** The trace, or undefined when the source does not have it. */
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined>;
}

export const defaultSearchLimit = 20;
export const defaultLookbackMs = 60 * 60 * 1000;

/** The query's time window with defaults applied. */
export function queryWindow(query: TraceQuery, now = Date.now()): { startMs: number; endMs: number } {
  const endMs = query.endMs ?? now;
  return { startMs: query.startMs ?? endMs - defaultLookbackMs, endMs };
}
