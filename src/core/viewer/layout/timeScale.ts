/**
 * The timeline's horizontal scale. Times are nanosecond offsets from the trace start; the visible window is a
 * sub-range of [0, total] that zoom and pan change.
 */

export interface TimeWindow {
  readonly startNs: number;
  readonly endNs: number;
}

/** The narrowest window zoom can reach: 1 µs, or the whole trace when it is shorter. */
export function minimumWidth(totalNs: number): number {
  return Math.min(Math.max(totalNs, 1), 1_000);
}

export function fullWindow(totalNs: number): TimeWindow {
  return { startNs: 0, endNs: Math.max(totalNs, 1) };
}

/** Moves and trims a window so that it lies inside [0, total] and is at least the minimum width. */
export function clampWindow(window: TimeWindow, totalNs: number): TimeWindow {
  const total = Math.max(totalNs, 1);
  const width = Math.min(total, Math.max(minimumWidth(total), window.endNs - window.startNs));
  const start = Math.min(Math.max(0, window.startNs), total - width);
  return { startNs: start, endNs: start + width };
}

/** Zooms by `factor` (< 1 zooms in) around the point at `anchor` (0..1 across the window). */
export function zoomWindow(window: TimeWindow, factor: number, anchor: number, totalNs: number): TimeWindow {
  const width = window.endNs - window.startNs;
  const pivot = window.startNs + width * anchor;
  const newWidth = width * factor;
  return clampWindow({ startNs: pivot - newWidth * anchor, endNs: pivot - newWidth * anchor + newWidth }, totalNs);
}

/** Pans by `fraction` of the window's width (positive moves later in time). */
export function panWindow(window: TimeWindow, fraction: number, totalNs: number): TimeWindow {
  const shift = (window.endNs - window.startNs) * fraction;
  return clampWindow({ startNs: window.startNs + shift, endNs: window.endNs + shift }, totalNs);
}

/** The window between two fractions (0..1) of the whole trace, as a drag across the overview selects it. */
export function windowFromFractions(a: number, b: number, totalNs: number): TimeWindow {
  const total = Math.max(totalNs, 1);
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  return clampWindow({ startNs: low * total, endNs: high * total }, total);
}

export function isFullWindow(window: TimeWindow, totalNs: number): boolean {
  return window.startNs <= 0 && window.endNs >= totalNs;
}

/** A bar's place in the visible window, in percent of its width; undefined when the span is outside it. */
export interface BarGeometry {
  readonly leftPercent: number;
  readonly widthPercent: number;
  /** The bar is cut by the window's left or right edge. */
  readonly clippedLeft: boolean;
  readonly clippedRight: boolean;
}

export function barGeometry(offsetNs: number, durationNs: number, window: TimeWindow): BarGeometry | undefined {
  const width = window.endNs - window.startNs;
  const end = offsetNs + Math.max(durationNs, 0);
  if (width <= 0 || end < window.startNs || offsetNs > window.endNs) return undefined;
  const left = Math.max(offsetNs, window.startNs);
  const right = Math.min(end, window.endNs);
  return {
    leftPercent: ((left - window.startNs) / width) * 100,
    widthPercent: ((right - left) / width) * 100,
    clippedLeft: offsetNs < window.startNs,
    clippedRight: end > window.endNs,
  };
}

/** The fraction (0..1) across the window at which `offsetNs` lies; outside values are not clamped. */
export function fractionOf(offsetNs: number, window: TimeWindow): number {
  const width = window.endNs - window.startNs;
  return width > 0 ? (offsetNs - window.startNs) / width : 0;
}
