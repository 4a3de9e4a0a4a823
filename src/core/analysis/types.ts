import type { Attributes, SpanKind, Trace } from '../model/trace';

/**
 * Analysis results. Everything here is plain JSON data (arrays, records, numbers, strings) so the host can post it
 * to the webview and the CLI can print it as is. Span positions are indices into `Trace.spans`, because span ids
 * are not always unique in real data (duplicates are reported, not hidden).
 */

export interface SpanTree {
  /** Per span (same order as `trace.spans`): the index of its parent, or -1 for roots and orphans. */
  readonly parentIndex: readonly number[];
  /** Per span: the indices of its children, in start order. */
  readonly childIndices: readonly (readonly number[])[];
  /** Per span: 0 for roots and orphans, parent depth + 1 otherwise. */
  readonly depth: readonly number[];
  /** Spans without a parent id: the trace's roots. More than one is reported as a warning. */
  readonly rootIndices: readonly number[];
  /** Spans whose parent id is not in the trace (or that sit in a parent cycle): shown as extra roots. */
  readonly orphanIndices: readonly number[];
  /** Trace-level findings: multiple roots, orphans, duplicate span ids, parent cycles. */
  readonly warnings: readonly string[];
}

/** One stretch of the critical path: while it lasted, `spanIndex` was what the trace waited on. */
export interface CriticalPathSegment {
  readonly spanIndex: number;
  readonly spanId: string;
  readonly startNs: number;
  readonly endNs: number;
}

/** Per-service or per-operation figures (times in nanoseconds; percentiles of span duration, nearest rank). */
export interface GroupStats {
  readonly service: string;
  /** The operation (span name); absent for per-service rows. */
  readonly operation?: string;
  readonly count: number;
  readonly errors: number;
  readonly totalNs: number;
  /** Time not covered by the span's children (in this trace), summed. */
  readonly selfNs: number;
  readonly p50Ns: number;
  readonly p95Ns: number;
  readonly p99Ns: number;
}

export interface ErrorSpan {
  readonly spanIndex: number;
  readonly spanId: string;
  /** Why it counts as an error: status ERROR, an `error` attribute, or HTTP status ≥ 500. */
  readonly reason: string;
}

export interface TraceAnalysis {
  readonly traceId: string;
  /** The trace as analyzed: with clock skew adjusted (and recorded as span warnings) unless that was switched off. */
  readonly trace: Trace;
  readonly tree: SpanTree;
  readonly startNs: number;
  readonly endNs: number;
  readonly durationNs: number;
  /** Distinct service names, in order of first appearance. */
  readonly services: readonly string[];
  readonly rootSpanIds: readonly string[];
  readonly orphanSpanIds: readonly string[];
  readonly errorSpans: readonly ErrorSpan[];
  readonly criticalPath: readonly CriticalPathSegment[];
  readonly serviceStats: readonly GroupStats[];
  readonly operationStats: readonly GroupStats[];
  /** How many spans the clock-skew adjustment moved. */
  readonly adjustedSpans: number;
  /** Source warnings and tree warnings together. */
  readonly warnings: readonly string[];
}

/**
 * The shapes a broken trace takes (see docs on `findBrokenLinks`):
 * - `client-root`: the root is a CLIENT span of A inside a SERVER span of A elsewhere (the Istio/Envoy shape);
 * - `server-root-under-client`: the root is a SERVER span of B inside a childless CLIENT span of A targeting B;
 * - `server-root-without-client`: the root is a SERVER span of B with no client span anywhere, inside a span of A
 *   (an uninstrumented client, such as a global `fetch` the http instrumentation does not patch);
 * - `client-without-server`: a CLIENT span of A targets a traced service B but has no server child anywhere.
 */
export type BrokenLinkShape = 'client-root' | 'server-root-under-client' | 'server-root-without-client' | 'client-without-server';

/** One side of a broken link, with the attributes that identify the call (for finding the call site). */
export interface BrokenLinkSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly service: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startNs: number;
  readonly durationNs: number;
  /** The span's call-identifying attributes: url, host, port, route, method, peer.service, code.* (when present). */
  readonly attributes: Attributes;
}

export type EvidenceKind =
  | 'time-containment'
  | 'same-service'
  | 'peer-service'
  | 'host'
  | 'host-port'
  | 'path'
  | 'no-child'
  | 'no-client-span'
  | 'calls-elsewhere'
  | 'innermost'
  | 'unique-candidate'
  | 'competing-candidates'
  | 'target-traced'
  | 'caller-address'
  | 'browser-client';

export interface Evidence {
  readonly kind: EvidenceKind;
  readonly detail: string;
}

/** A call from service A (`fromService`) to B (`toService`) whose trace context did not arrive. */
export interface BrokenLink {
  readonly shape: BrokenLinkShape;
  readonly fromService: string;
  readonly toService: string;
  /** A's span: the enclosing SERVER/INTERNAL span (where the call site is), or A's CLIENT span when there is one. */
  readonly from: BrokenLinkSpan;
  /** The root of the broken-off trace; absent for `client-without-server`. */
  readonly to?: BrokenLinkSpan;
  /** The CLIENT span of the call when one was recorded (shape `client-root`: the root itself). */
  readonly client?: BrokenLinkSpan;
  /** 0–1: how sure the detection is, from the evidence. */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

export interface AnalysisOptions {
  /** Move children on other hosts inside their parents, Jaeger-style (default true). */
  readonly adjustClockSkew?: boolean;
  /** Tolerance for "lies inside" when matching spans across traces (default 1 ms: the JS SDK's resolution). */
  readonly containmentToleranceNs?: number;
}

export interface TraceSetAnalysis {
  readonly traces: readonly TraceAnalysis[];
  readonly brokenLinks: readonly BrokenLink[];
}
