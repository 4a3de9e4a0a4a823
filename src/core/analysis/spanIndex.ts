import type { Span } from '../model/trace';

/**
 * Whether a callee's interval `[start, end]` starts inside a caller's `[outerStart, outerEnd]` (± tolerance: the JS
 * SDK starts spans on whole milliseconds). When both start together, the caller must be the longer one, so two
 * near-identical spans never enclose each other.
 */
export function startsInside(start: number, end: number, outerStart: number, outerEnd: number, toleranceNs: number): boolean {
  if (start < outerStart - toleranceNs || start > outerEnd + toleranceNs) return false;
  return Math.abs(start - outerStart) > toleranceNs || outerEnd - outerStart >= end - start;
}

/**
 * Whether a callee that starts inside its caller also ends inside it, as real data allows: its end may run past the
 * caller's (a server ends its span when the response is flushed, which can come after the client already has it;
 * two processes' clocks differ) as long as most of it overlaps.
 */
export function endsInside(start: number, end: number, outerStart: number, outerEnd: number, toleranceNs: number): boolean {
  if (end <= outerEnd + toleranceNs) return true;
  const overlap = Math.min(end, outerEnd) - Math.max(start, outerStart);
  return overlap >= (end - start) / 2;
}

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
   * Spans in which `[startNs, endNs]` starts (see `startsInside`) and, unless `requireEnd` is false, also ends
   * (see `endsInside`).
   */
  enclosing(startNs: number, endNs: number, toleranceNs: number, requireEnd = true): LocatedSpan[] {
    const found: LocatedSpan[] = [];
    const earliest = startNs - this.longest - toleranceNs;
    for (let position = this.upperBound(startNs + toleranceNs) - 1; position >= 0; position--) {
      const entry = this.entries[position];
      if (!entry || entry.span.startNs < earliest) break;
      const outerStart = entry.span.startNs;
      const outerEnd = outerStart + entry.span.durationNs;
      if (!startsInside(startNs, endNs, outerStart, outerEnd, toleranceNs)) continue;
      if (!requireEnd || endsInside(startNs, endNs, outerStart, outerEnd, toleranceNs)) found.push(entry);
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
