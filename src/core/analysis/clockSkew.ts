import type { Attributes, Span, Trace } from '../model/trace';
import { compareSpans } from '../formats/assemble';
import { formatDuration } from './duration';
import type { SpanTree } from './types';

/**
 * Clock-skew adjustment as Jaeger's query service does it: walking down from each root, a child recorded on another
 * host (or on an unknown host) that starts before its parent or ends after it is moved inside the parent, assuming
 * the network latency splits evenly between request and response; a child longer than its parent only gets its
 * start aligned. The shift applies to the child's whole same-host subtree and is recorded as a warning on each
 * moved span. One deliberate difference from Jaeger: messaging consumers (and children of producers) run after
 * their parent by design, so they are never pulled into it.
 */

export interface ClockSkewResult {
  readonly trace: Trace;
  readonly adjustedSpans: number;
}

const hostKeys = ['host.id', 'host.ip', 'host.name', 'ip', 'hostname'] as const;

/** The host a span ran on, from its resource (OTel `host.*`, Jaeger process tags); '' when unknown. */
export function hostKey(resource: Attributes): string {
  for (const key of hostKeys) {
    const value = resource[key];
    if (typeof value === 'string' && value !== '') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return '';
}

interface Skew {
  readonly host: string;
  readonly deltaNs: number;
}

export function adjustClockSkew(trace: Trace, tree: SpanTree): ClockSkewResult {
  const spans = trace.spans;
  let adjusted: Span[] | undefined;
  let moved = 0;
  // Spans of one process share a resource object: look its host up once.
  const hostsByResource = new Map<Attributes, string>();
  const hostOf = (span: Span): string => {
    let host = hostsByResource.get(span.resource);
    if (host === undefined) {
      host = hostKey(span.resource);
      hostsByResource.set(span.resource, host);
    }
    return host;
  };
  // Walk parents before children, carrying each span's skew (its host and the shift applied to it).
  const skews: (Skew | undefined)[] = new Array<Skew | undefined>(spans.length);
  const stack = [...tree.rootIndices, ...tree.orphanIndices];
  for (const root of stack) {
    const span = spans[root];
    if (span) skews[root] = { host: hostOf(span), deltaNs: 0 };
  }
  while (stack.length > 0) {
    const index = stack.pop() ?? 0;
    const parentSkew = skews[index];
    const parent = adjusted?.[index] ?? spans[index];
    if (!parent || !parentSkew) continue;
    for (const child of tree.childIndices[index] ?? []) {
      const span = spans[child];
      if (!span) continue;
      const host = hostOf(span);
      const skew = host !== parentSkew.host || host === '' ? { host, deltaNs: isAsyncChild(span, parent) ? 0 : skewBetween(span, parent) } : parentSkew;
      skews[child] = skew;
      if (skew.deltaNs !== 0) {
        adjusted ??= [...spans];
        adjusted[child] = shift(span, skew.deltaNs);
        moved++;
      }
      stack.push(child);
    }
  }
  if (!adjusted) return { trace, adjustedSpans: 0 };
  return { trace: { ...trace, spans: adjusted.sort(compareSpans) }, adjustedSpans: moved };
}

function isAsyncChild(child: Span, parent: Span): boolean {
  return child.kind === 'consumer' || parent.kind === 'producer';
}

/** Jaeger's rule for how far to move `child` (original times) into `parent` (already adjusted). */
function skewBetween(child: Span, parent: Span): number {
  const childEnd = child.startNs + child.durationNs;
  const parentEnd = parent.startNs + parent.durationNs;
  if (child.durationNs > parent.durationNs) {
    return child.startNs < parent.startNs ? parent.startNs - child.startNs : 0;
  }
  if (child.startNs >= parent.startNs && childEnd <= parentEnd) return 0;
  const latency = Math.floor((parent.durationNs - child.durationNs) / 2);
  return parent.startNs + latency - child.startNs;
}

function shift(span: Span, deltaNs: number): Span {
  return {
    ...span,
    startNs: span.startNs + deltaNs,
    events: span.events.map((event) => ({ ...event, timeNs: event.timeNs + deltaNs })),
    warnings: [...span.warnings, `This span's timestamps were adjusted by ${formatDuration(deltaNs)} (clock skew)`],
  };
}
