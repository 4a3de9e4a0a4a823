import type { Trace } from '../model/trace';
import type { SpanTree } from './types';

/**
 * Builds the parent/child structure of a trace. Nothing is hidden: spans without a parent id are roots, spans whose
 * parent is missing are orphans, duplicate ids and parent cycles are broken up and reported as warnings, so every
 * span appears exactly once in the forest and every walk over it terminates.
 */
const noChildren: number[] = [];

export function buildSpanTree(trace: Trace): SpanTree {
  const spans = trace.spans;
  const count = spans.length;
  const indexById = new Map<string, number>();
  const duplicates = new Map<string, number>();
  spans.forEach((span, index) => {
    if (indexById.has(span.spanId)) duplicates.set(span.spanId, (duplicates.get(span.spanId) ?? 1) + 1);
    else indexById.set(span.spanId, index);
  });

  const parentIndex = new Array<number>(count).fill(-1);
  const rootIndices: number[] = [];
  const orphanIndices: number[] = [];
  spans.forEach((span, index) => {
    if (span.parentSpanId === undefined) {
      rootIndices.push(index);
      return;
    }
    const parent = indexById.get(span.parentSpanId);
    if (parent === undefined || parent === index) orphanIndices.push(index);
    else parentIndex[index] = parent;
  });

  // Leaves (most spans) share one empty list; a parent gets its own list with its first child.
  const childIndices: number[][] = new Array<number[]>(count).fill(noChildren);
  for (let index = 0; index < count; index++) {
    const parent = parentIndex[index] ?? -1;
    if (parent < 0) continue;
    const siblings = childIndices[parent];
    if (siblings === noChildren || siblings === undefined) childIndices[parent] = [index];
    else siblings.push(index);
  }

  const depth = new Array<number>(count).fill(-1);
  const visit = (start: number): void => {
    const stack = [start];
    depth[start] = 0;
    while (stack.length > 0) {
      const current = stack.pop() ?? 0;
      const next = (depth[current] ?? 0) + 1;
      for (const child of childIndices[current] ?? []) {
        if (depth[child] !== -1) continue;
        depth[child] = next;
        stack.push(child);
      }
    }
  };
  for (const index of rootIndices) visit(index);
  for (const index of orphanIndices) visit(index);

  // Whatever is still unvisited hangs in a parent cycle: cut each cycle at its earliest span.
  let cycles = 0;
  for (let index = 0; index < count; index++) {
    if (depth[index] !== -1) continue;
    cycles++;
    const parent = parentIndex[index] ?? -1;
    const siblings = childIndices[parent];
    const position = siblings ? siblings.indexOf(index) : -1;
    if (siblings && position >= 0) siblings.splice(position, 1);
    parentIndex[index] = -1;
    orphanIndices.push(index);
    visit(index);
  }

  const warnings: string[] = [];
  if (rootIndices.length === 0) warnings.push('the trace has no root span');
  else if (rootIndices.length > 1) warnings.push(`the trace has ${rootIndices.length} root spans`);
  if (orphanIndices.length > cycles) {
    const missing = new Set(orphanIndices.map((index) => spans[index]?.parentSpanId ?? ''));
    warnings.push(`${orphanIndices.length - cycles} span(s) reference ${missing.size} parent(s) missing from the trace`);
  }
  if (cycles > 0) warnings.push(`${cycles} parent cycle(s) were cut to show the spans`);
  for (const [id, times] of duplicates) warnings.push(`span id ${id} appears ${times} times`);
  return { parentIndex, childIndices, depth, rootIndices, orphanIndices: orphanIndices.sort((a, b) => a - b), warnings };
}
