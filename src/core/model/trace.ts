/**
 * The one normalized trace model every format is parsed into (Jaeger, OTLP, Zipkin) and every consumer reads
 * (analysis, viewer, code links, CLI). Format quirks stay in the parsers; nothing here knows where a span came from.
 *
 * Conventions:
 * - Ids are lowercase hex without prefix: trace ids 16 or 32 characters (64- or 128-bit, as the source sent them),
 *   span ids 16 characters.
 * - Times are nanoseconds since the Unix epoch as JavaScript numbers. At today's epoch a double resolves ~256 ns,
 *   so `startNs` may be rounded by up to that much; `durationNs` is exact (parsers subtract before converting).
 * - Values are plain JSON data (no Map, no bigint, no class instances) so a trace can be posted to the webview and
 *   printed by the CLI as is.
 */

/** An attribute value. Integers beyond ±2^53 arrive as decimal strings to stay exact. */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

/** Attributes (span tags, resource/process tags, event fields) by key. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type StatusCode = 'unset' | 'ok' | 'error';

export interface SpanStatus {
  readonly code: StatusCode;
  readonly message?: string;
}

/** A timed event on a span (OTLP event, Jaeger log, Zipkin annotation). */
export interface SpanEvent {
  readonly timeNs: number;
  readonly name: string;
  readonly attributes: Attributes;
}

/**
 * A reference from one span to another. `parent` references beyond the first CHILD_OF (Jaeger allows several),
 * Jaeger FOLLOWS_FROM references and OTLP links all land here; the primary parent is `Span.parentSpanId`.
 */
export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly relation: 'child_of' | 'follows_from' | 'link';
  readonly attributes: Attributes;
}

/** Counts the producer dropped before export (OTLP `dropped*Count`). */
export interface DroppedCounts {
  readonly attributes: number;
  readonly events: number;
  readonly links: number;
}

export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string;
}

export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  /** The primary parent (first CHILD_OF reference, OTLP parentSpanId, Zipkin parentId); absent for a root. */
  readonly parentSpanId?: string;
  readonly links: readonly SpanLink[];
  readonly name: string;
  readonly kind: SpanKind;
  /** `service.name` of the resource (Jaeger process serviceName, Zipkin localEndpoint.serviceName). */
  readonly service: string;
  /** Resource attributes (Jaeger process tags), including `service.name`. */
  readonly resource: Attributes;
  readonly scope?: InstrumentationScope;
  readonly attributes: Attributes;
  readonly events: readonly SpanEvent[];
  readonly status: SpanStatus;
  readonly startNs: number;
  readonly durationNs: number;
  /** Warnings the source attached to the span (Jaeger `warnings`, parser notes such as a missing duration). */
  readonly warnings: readonly string[];
  readonly dropped?: DroppedCounts;
}

export interface Trace {
  readonly traceId: string;
  /** In start order (ties by span id), which is the order consumers expect. */
  readonly spans: readonly Span[];
  /** Warnings the source attached to the trace as a whole. */
  readonly warnings: readonly string[];
}

/** The end of a span in nanoseconds since the epoch. */
export function spanEndNs(span: Span): number {
  return span.startNs + span.durationNs;
}
