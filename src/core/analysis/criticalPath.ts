import type { Trace } from '../model/trace';
import type { CriticalPathSegment, SpanTree } from './types';

/**
 * The critical path as Jaeger UI defines it: starting at the end of a root span, repeatedly step into the child that
 * finished last before the current point in time; the stretches where no child was running belong to the span
 * itself. Children are first clipped to their parent's interval, and children entirely outside it are dropped.
 * Segments are returned in time order, for every top-level span (roots and orphans) of the trace.
 */
export function computeCriticalPath(trace: Trace, tree: SpanTree): CriticalPathSegment[] {
  const spans = trace.spans;
  const start = new Array<number>(spans.length).fill(0);
  const end = new Array<number>(spans.length).fill(0);
  const children: number[][] = Array.from({ length: spans.length }, () => []);
  const topLevel = [...tree.rootIndices, ...tree.orphanIndices];

  // Clip top-down so each child's interval lies within its (clipped) parent's.
  const queue = [...topLevel];
  for (const index of topLevel) {
    const span = spans[index];
    if (!span) continue;
    start[index] = span.startNs;
    end[index] = span.startNs + span.durationNs;
  }
  // Breadth-first: the array iterator also visits the children pushed while walking.
  for (const parent of queue) {
    const parentStart = start[parent] ?? 0;
    const parentEnd = end[parent] ?? 0;
    for (const child of tree.childIndices[parent] ?? []) {
      const span = spans[child];
      if (!span) continue;
      const childStart = span.startNs;
      const childEnd = span.startNs + span.durationNs;
      if (childStart > parentEnd || childEnd < parentStart) continue;
      start[child] = Math.max(childStart, parentStart);
      end[child] = Math.min(childEnd, parentEnd);
      children[parent]?.push(child);
      queue.push(child);
    }
  }
  // Latest-ending child first, as the walk looks for the last child to finish.
  for (const list of children) list.sort((a, b) => (end[b] ?? 0) - (end[a] ?? 0));

  // Returning to a parent always happens at an earlier time than the last visit, so a cursor per span suffices.
  const cursor = new Array<number>(spans.length).fill(0);
  const lastChildBefore = (index: number, time: number | undefined): number | undefined => {
    const list = children[index] ?? [];
    let position = cursor[index] ?? 0;
    if (time !== undefined) while (position < list.length && (end[list[position] ?? 0] ?? 0) >= time) position++;
    cursor[index] = position;
    return list[position];
  };

  const segments: CriticalPathSegment[] = [];
  for (const root of topLevel) {
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
