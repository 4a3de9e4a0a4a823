import type { TraceSummary } from './protocol';

/** Search results: sorting, and the duration-over-time scatter plot's geometry. */

export const resultSortKeys = ['start', 'duration', 'spans', 'errors', 'service', 'operation', 'services'] as const;
export type ResultSortKey = (typeof resultSortKeys)[number];
export type SortDirection = 'ascending' | 'descending';

const compareBy: Readonly<Record<ResultSortKey, (a: TraceSummary, b: TraceSummary) => number>> = {
  start: (a, b) => a.startNs - b.startNs,
  duration: (a, b) => a.durationNs - b.durationNs,
  spans: (a, b) => a.spanCount - b.spanCount,
  errors: (a, b) => a.errorCount - b.errorCount,
  service: (a, b) => a.rootService.localeCompare(b.rootService),
  operation: (a, b) => a.rootOperation.localeCompare(b.rootOperation),
  services: (a, b) => a.services.length - b.services.length,
};

/** A sorted copy; ties keep a stable order by trace id so that re-sorting never shuffles equal rows. */
export function sortResults(results: readonly TraceSummary[], key: ResultSortKey, direction: SortDirection): TraceSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = compareBy[key];
  return [...results].sort((a, b) => sign * compare(a, b) || a.traceId.localeCompare(b.traceId));
}

export interface ScatterPoint {
  readonly traceId: string;
  readonly x: number;
  readonly y: number;
  /** Radius grows with the span count, between 3 and 9 pixels. */
  readonly radius: number;
  readonly error: boolean;
  readonly broken: boolean;
}

export interface ScatterLayout {
  readonly points: readonly ScatterPoint[];
  readonly startNs: number;
  readonly endNs: number;
  readonly maxDurationNs: number;
}

export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Places each trace at (start time, duration) inside `area`; durations from 0 to the longest. */
export function scatterLayout(results: readonly TraceSummary[], area: PlotArea): ScatterLayout {
  if (results.length === 0) return { points: [], startNs: 0, endNs: 0, maxDurationNs: 0 };
  let startNs = Infinity;
  let endNs = -Infinity;
  let maxDurationNs = 0;
  let maxSpans = 1;
  for (const result of results) {
    startNs = Math.min(startNs, result.startNs);
    endNs = Math.max(endNs, result.startNs);
    maxDurationNs = Math.max(maxDurationNs, result.durationNs);
    maxSpans = Math.max(maxSpans, result.spanCount);
  }
  const timeWidth = endNs - startNs;
  const points = results.map((result) => ({
    traceId: result.traceId,
    x: area.left + (timeWidth > 0 ? ((result.startNs - startNs) / timeWidth) * area.width : area.width / 2),
    y: area.top + area.height - (maxDurationNs > 0 ? (result.durationNs / maxDurationNs) * area.height : area.height / 2),
    radius: 3 + 6 * Math.sqrt(result.spanCount / maxSpans),
    error: result.errorCount > 0,
    broken: result.broken !== undefined,
  }));
  return { points, startNs, endNs, maxDurationNs };
}
