import type { Trace } from '../model/trace';
import type { CriticalPathSegment, SpanTree } from './types';

/**
 * The critical path as Jaeger UI defines it: starting at the end of a root span, repeatedly step into the child that
 * finished last before the current point in time; the stretches where no child was running belong to the span
 * itself. Children are clipped to their parent's interval, and children entirely outside it are dropped.
 * Segments are returned in time order, for every top-level span (roots and orphans) of the trace.
 *
 * Only spans on the path are looked at closely: a span's children are clipped and sorted when the walk first
 * enters it, which keeps large traces cheap.
 */
export function computeCriticalPath(trace: Trace, tree: SpanTree): CriticalPathSegment[] {
  const spans = trace.spans;
  const start = new Float64Array(spans.length);
  const end = new Float64Array(spans.length);
  /** Per entered span: its clipped children, latest-ending first, and how far the walk has moved down that list. */
  const sortedChildren = new Map<number, { readonly list: number[]; position: number }>();

  const childrenOf = (parent: number): { readonly list: number[]; position: number } => {
    let entry = sortedChildren.get(parent);
    if (entry) return entry;
    const parentStart = start[parent] ?? 0;
    const parentEnd = end[parent] ?? 0;
    const list: number[] = [];
    for (const child of tree.childIndices[parent] ?? []) {
      const span = spans[child];
      if (!span) continue;
      const childStart = span.startNs;
      const childEnd = span.startNs + span.durationNs;
      if (childStart > parentEnd || childEnd < parentStart) continue;
      start[child] = Math.max(childStart, parentStart);
      end[child] = Math.min(childEnd, parentEnd);
      list.push(child);
    }
    list.sort((a, b) => (end[b] ?? 0) - (end[a] ?? 0));
    entry = { list, position: 0 };
    sortedChildren.set(parent, entry);
    return entry;
  };

  /** The latest-ending child of `index` that ends before `time`; returning to a span always happens earlier. */
  const lastChildBefore = (index: number, time: number | undefined): number | undefined => {
    const entry = childrenOf(index);
    if (time !== undefined) while (entry.position < entry.list.length && (end[entry.list[entry.position] ?? 0] ?? 0) >= time) entry.position++;
    return entry.list[entry.position];
  };

  const segments: CriticalPathSegment[] = [];
  for (const root of [...tree.rootIndices, ...tree.orphanIndices]) {
    const rootSpan = spans[root];
    if (!rootSpan) continue;
    start[root] = rootSpan.startNs;
    end[root] = rootSpan.startNs + rootSpan.durationNs;
    const path: CriticalPathSegment[] = [];
    const segment = (index: number, from: number, to: number): void => {
      path.push({ spanIndex: index, spanId: spans[index]?.spanId ?? '', startNs: from, endNs: to });
    };
    let current = root;
    let returningAt: number | undefined;
    // Each ascent strictly lowers `returningAt`, so the walk ends; the cap only guards against the impossible.
    for (let steps = 0; steps <= 2 * spans.length + 2; steps++) {
      const until = returningAt ?? end[current] ?? 0;
      const lastChild = lastChildBefore(current, returningAt);
      if (lastChild !== undefined) {
        const childEnd = end[lastChild] ?? 0;
        if (childEnd !== until) segment(current, childEnd, until);
        current = lastChild;
        returningAt = undefined;
        continue;
      }
      segment(current, start[current] ?? 0, until);
      if (current === root) break;
      returningAt = start[current];
      current = tree.parentIndex[current] ?? root;
    }
    segments.push(...path.reverse());
  }
  return segments;
}
