import type { Span } from '../model/trace';

/** A span with where it lives: which trace (position in the analyzed set) and which span of it. */
export interface LocatedSpan {
  readonly span: Span;
  readonly traceIndex: number;
  readonly spanIndex: number;
}

/**
 * Spans sorted by start, answering "which spans enclose [start, end] (± tolerance)?" without scanning everything:
 * only spans that start early enough and are not shorter than needed are looked at.
 */
export class EnclosingSpanIndex {
  private readonly entries: LocatedSpan[];
  private readonly starts: number[];
  private readonly longest: number;

  constructor(entries: readonly LocatedSpan[]) {
    this.entries = [...entries].sort((a, b) => a.span.startNs - b.span.startNs);
    this.starts = this.entries.map((entry) => entry.span.startNs);
    this.longest = this.entries.reduce((max, entry) => Math.max(max, entry.span.durationNs), 0);
  }

  /**
   * Spans with `start - tolerance <= startNs` and `endNs <= end + tolerance` that are at least as long as
   * `[startNs, endNs]`: the tolerance must not let two near-identical spans enclose each other.
   */
  enclosing(startNs: number, endNs: number, toleranceNs: number): LocatedSpan[] {
    const found: LocatedSpan[] = [];
    const earliest = startNs - this.longest - toleranceNs;
    for (let position = this.upperBound(startNs + toleranceNs) - 1; position >= 0; position--) {
      const entry = this.entries[position];
      if (!entry || entry.span.startNs < earliest) break;
      const { startNs: start, durationNs } = entry.span;
      if (start + durationNs + toleranceNs >= endNs && durationNs >= endNs - startNs) found.push(entry);
    }
    return found;
  }

  /** The number of spans starting at or before `time`. */
  private upperBound(time: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.starts[middle] ?? 0) <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
