import type { Attributes, Span, SpanEvent, SpanKind } from '../../../src/core/model/trace';

/** A span with only the fields code links read set; the rest neutral. */
export function makeSpan(
  kind: SpanKind,
  service: string,
  name: string,
  attributes: Attributes = {},
  events: readonly SpanEvent[] = [],
): Span {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    links: [],
    name,
    kind,
    service,
    resource: { 'service.name': service },
    attributes,
    events,
    status: { code: 'unset' },
    startNs: 1_700_000_000_000_000_000,
    durationNs: 5_000_000,
    warnings: [],
  };
}
