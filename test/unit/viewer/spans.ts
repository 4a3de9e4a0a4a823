import type { Span } from '../../../src/core/model/trace';
import { buildSpanTree, type SpanTree } from '../../../src/core/viewer/layout/spanTree';

/** A span with only the fields a test cares about set; everything else empty. */
export function span(spanId: string, parentSpanId: string | undefined, startNs: number, fields: Partial<Span> = {}): Span {
  return {
    traceId: 'abc',
    spanId,
    ...(parentSpanId === undefined ? {} : { parentSpanId }),
    links: [],
    name: `op-${spanId}`,
    kind: 'internal',
    service: 'svc',
    resource: {},
    attributes: {},
    events: [],
    status: { code: 'unset' },
    startNs,
    durationNs: 10,
    warnings: [],
    ...fields,
  };
}

/**
 * root ─┬─ a ─┬─ a1
 *       │     └─ a2
 *       └─ b ─── b1
 * plus an orphan `o` whose parent `zz` is not in the trace.
 */
export function sampleSpans(): Span[] {
  return [
    span('root', undefined, 0),
    span('a', 'root', 1),
    span('a1', 'a', 2),
    span('b', 'root', 3),
    span('a2', 'a', 4),
    span('b1', 'b', 5),
    span('o', 'zz', 6),
  ];
}

/**
 * The viewer's span tree for test spans: parent ids resolved to indices as analysis resolves them (the first span
 * with an id; a missing parent or the span itself gives -1).
 */
export function treeOf(spans: readonly Span[]): SpanTree {
  const first = new Map<string, number>();
  spans.forEach((item, index) => {
    if (!first.has(item.spanId)) first.set(item.spanId, index);
  });
  const parents = Int32Array.from(spans, (item, index) => {
    const parent = item.parentSpanId === undefined ? undefined : first.get(item.parentSpanId);
    return parent === undefined || parent === index ? -1 : parent;
  });
  return buildSpanTree({ parents, starts: Float64Array.from(spans, (item) => item.startNs), spanIds: spans.map((item) => item.spanId) });
}
