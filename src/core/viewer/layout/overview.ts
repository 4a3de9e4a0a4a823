import { clampWindow, type TimeWindow } from './timeScale';

/**
 * Geometry of the overview (minimap) above the timeline: the whole trace, one thin line per span at its place in
 * the fully expanded tree, with the visible window marked. Dragging outside the mark selects a window to zoom to;
 * dragging the mark pans it.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The line for the span at `position` (of `count` in depth-first order), at least one pixel wide and tall. */
export function overviewSpanRect(
  position: number,
  count: number,
  offsetNs: number,
  durationNs: number,
  totalNs: number,
  width: number,
  height: number,
): Rect {
  const total = Math.max(totalNs, 1);
  const rowHeight = Math.max(1, height / Math.max(count, 1));
  const y = Math.min(height - 1, Math.floor((position / Math.max(count, 1)) * height));
  const x = (Math.max(0, offsetNs) / total) * width;
  return { x, y, width: Math.max(1, (Math.max(durationNs, 0) / total) * width), height: Math.min(rowHeight, 3) };
}

/** The visible window's edges in overview pixels. */
export function windowPixels(window: TimeWindow, totalNs: number, width: number): { readonly left: number; readonly right: number } {
  const total = Math.max(totalNs, 1);
  return { left: (window.startNs / total) * width, right: (window.endNs / total) * width };
}

export type OverviewDrag = { readonly kind: 'pan'; readonly anchorNs: number } | { readonly kind: 'select'; readonly fromFraction: number };

/** What a drag starting at `x` does: pan when it starts on the marked window (unless that is the whole trace). */
export function startOverviewDrag(x: number, width: number, window: TimeWindow, totalNs: number): OverviewDrag {
  const fraction = clampFraction(x / Math.max(width, 1));
  const { left, right } = windowPixels(window, totalNs, width);
  const wholeTrace = window.startNs <= 0 && window.endNs >= totalNs;
  if (!wholeTrace && x >= left && x <= right) return { kind: 'pan', anchorNs: fraction * Math.max(totalNs, 1) };
  return { kind: 'select', fromFraction: fraction };
}

/** The window a drag from its start to `x` gives: moved by the pointer's travel, or the span between both points. */
export function dragWindow(
  drag: OverviewDrag,
  x: number,
  width: number,
  window: TimeWindow,
  totalNs: number,
): TimeWindow {
  const total = Math.max(totalNs, 1);
  const fraction = clampFraction(x / Math.max(width, 1));
  if (drag.kind === 'pan') {
    const shift = fraction * total - drag.anchorNs;
    return clampWindow({ startNs: window.startNs + shift, endNs: window.endNs + shift }, total);
  }
  const low = Math.min(drag.fromFraction, fraction);
  const high = Math.max(drag.fromFraction, fraction);
  return clampWindow({ startNs: low * total, endNs: high * total }, total);
}

/** A selection narrower than this many pixels is a click, not a zoom. */
export const minimumSelectionPixels = 3;

function clampFraction(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}
