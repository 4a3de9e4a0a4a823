import type { ReceiverEndpoint } from '../receiver/receiver';
import type { TraceStoreStats } from '../receiver/traceStore';
import { formatCount, formatDuration } from './layout/format';
import type { TraceSummary } from './protocol';

/** The words and figures the receiver's status bar item, its Sources entry and Recent Traces show. */

export interface ReceiverStatusText {
  /** Status bar text, with a codicon. */
  readonly text: string;
  readonly tooltip: string;
  /** One line for the Sources view and the search form. */
  readonly detail: string;
  readonly state: 'listening' | 'partly' | 'failed' | 'stopped';
}

const protocolNames = { otlp: 'OTLP/HTTP', zipkin: 'Zipkin' } as const;

export function receiverStatusText(receiver: { readonly enabled: boolean; readonly endpoints: readonly ReceiverEndpoint[] }, stats: TraceStoreStats): ReceiverStatusText {
  const { endpoints } = receiver;
  const listening = endpoints.filter((endpoint) => endpoint.status === 'listening');
  const failed = endpoints.filter((endpoint) => endpoint.status === 'failed');
  const state = !receiver.enabled || endpoints.every((e) => e.status === 'stopped') ? 'stopped' : listening.length === 0 ? 'failed' : failed.length > 0 ? 'partly' : 'listening';
  const spans = `${formatCount(stats.spans)} span${stats.spans === 1 ? '' : 's'}`;
  const ports = listening.map((endpoint) => `${protocolNames[endpoint.protocol]} :${endpoint.port}`).join(', ');
  const lines = endpoints.map((endpoint) =>
    endpoint.status === 'listening'
      ? `${protocolNames[endpoint.protocol]}: listening on ${endpoint.url ?? `${endpoint.host}:${endpoint.port}`}`
      : endpoint.status === 'failed'
        ? `${protocolNames[endpoint.protocol]}: not listening: ${endpoint.error ?? 'failed to start'}`
        : `${protocolNames[endpoint.protocol]}: stopped`,
  );
  const evicted = stats.evictedTraces > 0 ? `${formatCount(stats.evictedTraces)} older traces dropped to stay within ${formatCount(stats.maxSpans)} spans.` : '';
  const received = `${formatCount(stats.traces)} trace${stats.traces === 1 ? '' : 's'}, ${spans} received.`;
  const tooltip = [`Trace Stitch receiver`, ...lines, received, evicted, 'Click to search the received traces.'].filter((line) => line !== '').join('\n');
  switch (state) {
    case 'stopped':
      return {
        text: '$(radio-tower) Receiver off',
        tooltip: `${tooltip}\nTurn it on with traceStitch.receiver.enabled.`,
        detail: receiver.enabled ? 'stopped' : 'off (traceStitch.receiver.enabled)',
        state,
      };
    case 'failed':
      return { text: '$(error) Receiver', tooltip, detail: `not listening: ${failed[0]?.error ?? 'failed to start'}`, state };
    case 'partly':
      return { text: `$(warning) ${spans}`, tooltip, detail: `${ports}; ${failed.map((e) => `${protocolNames[e.protocol]} failed`).join(', ')} · ${spans}`, state };
    case 'listening':
      return { text: `$(radio-tower) ${spans}`, tooltip, detail: `${ports} · ${spans}`, state };
  }
}

/** A Recent Traces entry: "frontend: GET /checkout" with "12 spans · 1 error · 35.2ms". */
export function recentTraceText(summary: TraceSummary): { readonly label: string; readonly description: string; readonly tooltip: string } {
  const errors = summary.errorCount > 0 ? ` · ${formatCount(summary.errorCount)} error${summary.errorCount === 1 ? '' : 's'}` : '';
  const description = `${formatCount(summary.spanCount)} span${summary.spanCount === 1 ? '' : 's'}${errors} · ${formatDuration(summary.durationNs)}`;
  const services = summary.services.map((service) => service.service).join(', ');
  const tooltip = [`Trace ${summary.traceId}`, `Services: ${services}`, summary.broken ? `Broken: ${summary.broken}` : ''].filter((line) => line !== '').join('\n');
  return { label: `${summary.rootService}: ${summary.rootOperation}`, description, tooltip };
}
