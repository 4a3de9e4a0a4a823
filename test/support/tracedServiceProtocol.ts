/** The messages between a test and a traced service child process (see tracedService.ts). */

export type ExporterKind = 'otlp-http' | 'otlp-proto' | 'zipkin';

/** How the service makes one downstream call while handling /work. */
export type CallMode =
  /** Instrumented http client in the active context: a CLIENT span, context propagated. */
  | 'propagate'
  /** Instrumented client with the context dropped (ROOT_CONTEXT): the CLIENT span starts a new trace. */
  | 'root'
  /** The global fetch, which the http instrumentation does not patch: no CLIENT span, no headers. */
  | 'fetch';

export interface DownstreamCall {
  readonly url: string;
  readonly mode: CallMode;
}

export interface TracedServiceConfig {
  readonly service: string;
  readonly exporter: ExporterKind;
  /** Where the exporter sends (the receiver's OTLP or Zipkin URL). */
  readonly endpoint: string;
  /** 'none' makes the service ignore incoming trace headers, like a service whose SDK reads another header format. */
  readonly propagation?: 'w3c' | 'none';
}

/** A span as the SDK recorded it, for comparing with what arrived. */
export interface ReportedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
  readonly events: readonly string[];
  readonly statusCode: number;
  readonly durationNs: number;
}

export type ChildMessage = { readonly type: 'ready'; readonly port: number } | { readonly type: 'spans'; readonly spans: readonly ReportedSpan[] };

export interface ParentMessage {
  readonly type: 'flush';
}
