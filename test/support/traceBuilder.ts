import type { Attributes, Span, SpanKind, Trace } from '../../src/core/model/trace';
import { groupIntoTraces } from '../../src/core/formats/assemble';

/** Hand-built spans for analysis tests: times in milliseconds from a fixed epoch, everything else defaulted. */
export interface SpanSpec {
  readonly trace?: string;
  readonly id: string;
  readonly parent?: string;
  readonly service?: string;
  readonly name?: string;
  readonly kind?: SpanKind;
  readonly startMs: number;
  readonly endMs: number;
  readonly attributes?: Attributes;
  readonly resource?: Attributes;
  readonly error?: boolean;
}

/** Small enough that every nanosecond is exact in a double (real epochs round to ~256 ns; see the model). */
const epochNs = 1e15;

export function msToNs(ms: number): number {
  return epochNs + ms * 1e6;
}

/** Test labels are ASCII: each character becomes two hex digits, so labels read back from ids. */
const hex = (text: string, width: number): string =>
  Array.from({ length: text.length }, (_, index) => text.charCodeAt(index).toString(16).padStart(2, '0'))
    .join('')
    .slice(0, width)
    .padStart(width, '0');

export function spanId(label: string): string {
  return hex(label, 16);
}

export function traceId(label: string): string {
  return hex(label, 32);
}

export function buildSpan(spec: SpanSpec): Span {
  const service = spec.service ?? 'svc';
  return {
    traceId: traceId(spec.trace ?? 't1'),
    spanId: spanId(spec.id),
    parentSpanId: spec.parent === undefined ? undefined : spanId(spec.parent),
    links: [],
    name: spec.name ?? spec.id,
    kind: spec.kind ?? 'internal',
    service,
    resource: { 'service.name': service, ...spec.resource },
    scope: undefined,
    attributes: spec.attributes ?? {},
    events: [],
    status: spec.error === true ? { code: 'error' } : { code: 'unset' },
    startNs: msToNs(spec.startMs),
    durationNs: (spec.endMs - spec.startMs) * 1e6,
    warnings: [],
    dropped: undefined,
  };
}

/** Builds traces from span specs (grouped by their `trace` label). */
export function buildTraces(specs: readonly SpanSpec[]): Trace[] {
  return groupIntoTraces(specs.map(buildSpan));
}

export function buildTrace(specs: readonly SpanSpec[]): Trace {
  const [trace] = buildTraces(specs);
  if (!trace) throw new Error('no spans');
  return trace;
}
