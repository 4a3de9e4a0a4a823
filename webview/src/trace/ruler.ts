import { rulerTicks } from '../../../src/core/viewer/layout/ticks';
import type { TimeWindow } from '../../../src/core/viewer/layout/timeScale';
import { element } from '../dom';

/** Pixels between ruler labels. */
const pixelsPerTick = 110;

/** Draws the time ruler's labels into `ruler` and the matching vertical grid lines into `grid`. */
export function renderRuler(ruler: HTMLElement, grid: HTMLElement, window: TimeWindow, width: number): void {
  const ticks = rulerTicks(window, Math.max(2, Math.floor(width / pixelsPerTick)));
  const labels: HTMLElement[] = [];
  const lines: HTMLElement[] = [];
  for (const tick of ticks) {
    const left = `${tick.fraction * 100}%`;
    const label = element('span', { className: 'tick-label', text: tick.label });
    label.style.left = left;
    if (tick.fraction > 0.97) label.classList.add('at-end');
    labels.push(label);
    const line = element('div', { className: 'grid-line' });
    line.style.left = left;
    lines.push(line);
  }
  ruler.replaceChildren(...labels);
  grid.replaceChildren(...lines);
}
