import type { TraceAnalysis } from '../analysis/types';
import type { SpanKind, StatusCode } from '../model/trace';

/**
 * The spans of a trace as the timeline needs them, one array per field: what the host posts to the webview. Typed
 * arrays cross to the webview as binary buffers, and names that repeat (services, operations, status messages,
 * error reasons) are sent once each in `strings`, so 100,000 spans make a message of a few megabytes instead of
 * one JSON object per span. Attributes, events, links and resources stay on the host until a span's detail is
 * opened (`SpanDetailRequest`). Indices are positions in the analyzed trace's `spans`.
 */
export interface SpanTable {
  readonly count: number;
  /** The earliest span start, ns since the epoch; `starts` count from here (exact where epoch times are not). */
  readonly originNs: number;
  /** Every distinct service name, operation name, status message and error reason. */
  readonly strings: readonly string[];
  readonly spanIds: readonly string[];
  /** The parent's index, or -1 for roots, orphans and spans whose parent cycle analysis cut. */
  readonly parents: Int32Array;
  /** Index into `strings`. */
  readonly services: Uint32Array;
  /** Index into `strings`. */
  readonly names: Uint32Array;
  /** Start in ns after `originNs`. */
  readonly starts: Float64Array;
  readonly durations: Float64Array;
  /** Index into `spanKinds`. */
  readonly kinds: Uint8Array;
  /** Index into `statusCodes`. */
  readonly statuses: Uint8Array;
  /** Index into `strings`, or -1 without a message. */
  readonly statusMessages: Int32Array;
  /** Why analysis counts the span as an error (index into `strings`), or -1. */
  readonly errorReasons: Int32Array;
  /** How many warnings the span itself carries (source warnings, clock-skew moves), at most 65,535. */
  readonly warningCounts: Uint16Array;
}

/** The critical path in columns: while `starts[i]`..`ends[i]` (ns after the origin) the trace waited on `spans[i]`. */
export interface CriticalPathTable {
  readonly spans: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

export const spanKinds: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
export const statusCodes: readonly StatusCode[] = ['unset', 'ok', 'error'];

/** Builds the table from an analysis (its trace is the clock-skew-adjusted one the indices refer to). */
export function buildSpanTable(analysis: TraceAnalysis): SpanTable {
  const spans = analysis.trace.spans;
  const count = spans.length;
  const strings = new StringTable();
  const originNs = count === 0 ? 0 : analysis.startNs;
  const table = {
    count,
    originNs,
    strings: strings.list,
    spanIds: spans.map((span) => span.spanId),
    parents: Int32Array.from(analysis.tree.parentIndex),
    services: new Uint32Array(count),
    names: new Uint32Array(count),
    starts: new Float64Array(count),
    durations: new Float64Array(count),
    kinds: new Uint8Array(count),
    statuses: new Uint8Array(count),
    statusMessages: new Int32Array(count).fill(-1),
    errorReasons: new Int32Array(count).fill(-1),
    warningCounts: new Uint16Array(count),
  };
  const kindIndex = new Map(spanKinds.map((kind, index) => [kind, index]));
  const statusIndex = new Map(statusCodes.map((code, index) => [code, index]));
  for (let index = 0; index < count; index++) {
    const span = spans[index];
    if (!span) continue;
    table.services[index] = strings.intern(span.service);
    table.names[index] = strings.intern(span.name);
    table.starts[index] = span.startNs - originNs;
    table.durations[index] = span.durationNs;
    table.kinds[index] = kindIndex.get(span.kind) ?? 0;
    table.statuses[index] = statusIndex.get(span.status.code) ?? 0;
    if (span.status.message) table.statusMessages[index] = strings.intern(span.status.message);
    table.warningCounts[index] = Math.min(span.warnings.length, 0xffff);
  }
  for (const { spanIndex, reason } of analysis.errorSpans) {
    if (spanIndex >= 0 && spanIndex < count) table.errorReasons[spanIndex] = strings.intern(reason);
  }
  return table;
}

export function buildCriticalPathTable(analysis: TraceAnalysis, originNs: number): CriticalPathTable {
  const path = analysis.criticalPath;
  return {
    spans: Int32Array.from(path, (segment) => segment.spanIndex),
    starts: Float64Array.from(path, (segment) => segment.startNs - originNs),
    ends: Float64Array.from(path, (segment) => segment.endNs - originNs),
  };
}

/** Interns strings: each distinct one gets an index into `list`. */
class StringTable {
  readonly list: string[] = [];
  private readonly indices = new Map<string, number>();

  intern(text: string): number {
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(text);
      this.indices.set(text, index);
    }
    return index;
  }
}
