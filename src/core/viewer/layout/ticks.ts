import { formatDuration } from './format';
import type { TimeWindow } from './timeScale';

export interface Tick {
  /** Offset from the trace start in nanoseconds. */
  readonly offsetNs: number;
  /** Where the tick lies across the window, 0..1. */
  readonly fraction: number;
  readonly label: string;
}

/** The step of 1, 2 or 5 × 10^k nanoseconds that puts about `count` ticks into `widthNs`. */
export function niceStep(widthNs: number, count: number): number {
  const raw = Math.max(widthNs, 1) / Math.max(count, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / magnitude;
  const factor = ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10;
  return Math.max(1, factor * magnitude);
}

/** Ruler ticks at round offsets inside the window, labelled with their offset from the trace start. */
export function rulerTicks(window: TimeWindow, count: number): Tick[] {
  const width = window.endNs - window.startNs;
  if (!(width > 0) || count < 1) return [];
  const step = niceStep(width, count);
  const ticks: Tick[] = [];
  const first = Math.ceil(window.startNs / step);
  for (let k = first; k * step <= window.endNs + step * 1e-9; k++) {
    const offsetNs = k * step;
    ticks.push({ offsetNs, fraction: (offsetNs - window.startNs) / width, label: formatDuration(offsetNs) });
  }
  return ticks;
}
