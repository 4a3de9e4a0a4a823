import type { Trace } from '../model/trace';
import type { GroupStats, SpanTree } from './types';

/** Each span's self time: its duration minus the union of its children's intervals clipped to it. */
export function computeSelfTimes(trace: Trace, tree: SpanTree): number[] {
  return trace.spans.map((span, index) => {
    const spanStart = span.startNs;
    const spanEnd = span.startNs + span.durationNs;
    let covered = 0;
    let runStart = Number.NaN;
    let runEnd = Number.NaN;
    // Children are in start order, so clipped intervals are too: merge overlapping runs in one pass.
    for (const childIndex of tree.childIndices[index] ?? []) {
      const child = trace.spans[childIndex];
      if (!child) continue;
      const from = Math.max(child.startNs, spanStart);
      const to = Math.min(child.startNs + child.durationNs, spanEnd);
      if (to <= from) continue;
      if (from > runEnd || Number.isNaN(runEnd)) {
        if (!Number.isNaN(runEnd)) covered += runEnd - runStart;
        runStart = from;
        runEnd = to;
      } else if (to > runEnd) {
        runEnd = to;
      }
    }
    if (!Number.isNaN(runEnd)) covered += runEnd - runStart;
    return Math.max(0, span.durationNs - covered);
  });
}

/** Nearest-rank percentile of ascending-sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

interface Accumulator {
  readonly service: string;
  readonly operation: string | undefined;
  count: number;
  errors: number;
  totalNs: number;
  selfNs: number;
  readonly durations: number[];
}

function accumulator(service: string, operation: string | undefined): Accumulator {
  return { service, operation, count: 0, errors: 0, totalNs: 0, selfNs: 0, durations: [] };
}

function add(group: Accumulator, durationNs: number, error: boolean, selfNs: number): void {
  group.count++;
  if (error) group.errors++;
  group.totalNs += durationNs;
  group.selfNs += selfNs;
  group.durations.push(durationNs);
}

/**
 * Per-service and per-operation (service + span name) statistics, busiest (most total time) first. `isError`
 * says, per span, whether it failed (computed once by the caller).
 */
export function computeStats(trace: Trace, selfTimes: readonly number[], isError: readonly boolean[]): { services: GroupStats[]; operations: GroupStats[] } {
  const services = new Map<string, { total: Accumulator; byName: Map<string, Accumulator> }>();
  trace.spans.forEach((span, index) => {
    let service = services.get(span.service);
    if (!service) {
      service = { total: accumulator(span.service, undefined), byName: new Map() };
      services.set(span.service, service);
    }
    let operation = service.byName.get(span.name);
    if (!operation) {
      operation = accumulator(span.service, span.name);
      service.byName.set(span.name, operation);
    }
    const error = isError[index] ?? false;
    const self = selfTimes[index] ?? 0;
    add(service.total, span.durationNs, error, self);
    add(operation, span.durationNs, error, self);
  });
  const serviceRows = [...services.values()].map((service) => service.total);
  const operationRows = [...services.values()].flatMap((service) => [...service.byName.values()]);
  return { services: finish(serviceRows), operations: finish(operationRows) };
}

function finish(groups: readonly Accumulator[]): GroupStats[] {
  const rows = groups.map((group): GroupStats => {
    const sorted = group.durations.sort((a, b) => a - b);
    const figures = {
      count: group.count,
      errors: group.errors,
      totalNs: group.totalNs,
      selfNs: group.selfNs,
      p50Ns: percentile(sorted, 50),
      p95Ns: percentile(sorted, 95),
      p99Ns: percentile(sorted, 99),
    };
    return group.operation === undefined ? { service: group.service, ...figures } : { service: group.service, operation: group.operation, ...figures };
  });
  return rows.sort((a, b) => b.totalNs - a.totalNs || a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? ''));
}
