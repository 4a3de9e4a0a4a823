import { formatDuration } from '../../../src/core/viewer/layout/format';
import {
  dragWindow,
  minimumSelectionPixels,
  overviewSpanRect,
  startOverviewDrag,
  windowPixels,
  type OverviewDrag,
} from '../../../src/core/viewer/layout/overview';
import { fullWindow, type TimeWindow } from '../../../src/core/viewer/layout/timeScale';
import { paletteSize } from '../../../src/core/viewer/layout/serviceColors';
import { element } from '../dom';
import type { TraceData } from './traceData';

export const overviewHeight = 48;

/**
 * The minimap above the timeline: every span of the trace drawn on a canvas (one pass, however many spans), with
 * the visible window marked. Drag across it to zoom into a range, drag the mark to pan, double-click to reset.
 */
export class Overview {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly mark: HTMLDivElement;
  private readonly shadeBefore: HTMLDivElement;
  private readonly shadeAfter: HTMLDivElement;
  private readonly selection: HTMLDivElement;
  private drag: { state: OverviewDrag; startX: number; startWindow: TimeWindow } | undefined;
  private width = 0;

  constructor(
    private readonly data: TraceData,
    private window: TimeWindow,
    private readonly onWindow: (window: TimeWindow) => void,
  ) {
    this.canvas = element('canvas', { className: 'overview-canvas', attributes: { 'aria-hidden': 'true' } });
    this.mark = element('div', { className: 'overview-window' });
    this.shadeBefore = element('div', { className: 'overview-shade' });
    this.shadeAfter = element('div', { className: 'overview-shade' });
    this.selection = element('div', { className: 'overview-selection hidden' });
    this.element = element(
      'div',
      {
        className: 'overview',
        attributes: {
          role: 'img',
          'aria-label': `Overview of all ${data.count} spans over ${formatDuration(data.totalNs)}; drag to zoom`,
        },
        title: 'Drag to zoom into a range, drag the highlighted window to pan, double-click to show the whole trace',
      },
      this.canvas,
      this.shadeBefore,
      this.shadeAfter,
      this.mark,
      this.selection,
    );
    this.element.addEventListener('pointerdown', (event) => {
      this.pointerDown(event);
    });
    this.element.addEventListener('pointermove', (event) => {
      this.pointerMove(event);
    });
    this.element.addEventListener('pointerup', (event) => {
      this.pointerUp(event);
    });
    this.element.addEventListener('dblclick', () => {
      this.onWindow(fullWindow(this.data.totalNs));
    });
  }

  /** Redraws the spans for the current size and theme. */
  draw(width: number): void {
    this.width = width;
    const ratio = globalThis.devicePixelRatio || 1;
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.round(overviewHeight * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.clearRect(0, 0, width, overviewHeight);
    const colors = paletteColors(this.element);
    const { count, tree, offsets, durations, colorSlots, totalNs } = this.data;
    let slot = -1;
    for (let i = 0; i < count; i++) {
      const nextSlot = colorSlots[i] ?? 0;
      if (nextSlot !== slot) {
        slot = nextSlot;
        context.fillStyle = colors[slot] ?? '#888';
      }
      const rect = overviewSpanRect(tree.preorder[i] ?? 0, count, offsets[i] ?? 0, durations[i] ?? 0, totalNs, width, overviewHeight);
      context.fillRect(rect.x, rect.y, rect.width, rect.height);
    }
    this.placeMark();
  }

  setWindow(window: TimeWindow): void {
    this.window = window;
    this.placeMark();
  }

  private placeMark(): void {
    const { left, right } = windowPixels(this.window, this.data.totalNs, this.width);
    this.mark.style.left = `${left}px`;
    this.mark.style.width = `${Math.max(2, right - left)}px`;
    this.shadeBefore.style.left = '0';
    this.shadeBefore.style.width = `${left}px`;
    this.shadeAfter.style.left = `${right}px`;
    this.shadeAfter.style.width = `${Math.max(0, this.width - right)}px`;
    this.element.classList.toggle('zoomed', left > 0.5 || right < this.width - 0.5);
  }

  private localX(event: PointerEvent): number {
    return event.clientX - this.element.getBoundingClientRect().left;
  }

  private pointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    const x = this.localX(event);
    this.drag = { state: startOverviewDrag(x, this.width, this.window, this.data.totalNs), startX: x, startWindow: this.window };
    this.element.setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private pointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    const x = this.localX(event);
    const next = dragWindow(this.drag.state, x, this.width, this.drag.startWindow, this.data.totalNs);
    if (this.drag.state.kind === 'pan') {
      this.onWindow(next);
      return;
    }
    const { left, right } = windowPixels(next, this.data.totalNs, this.width);
    this.selection.classList.remove('hidden');
    this.selection.style.left = `${left}px`;
    this.selection.style.width = `${right - left}px`;
  }

  private pointerUp(event: PointerEvent): void {
    const drag = this.drag;
    this.drag = undefined;
    this.selection.classList.add('hidden');
    if (drag?.state.kind !== 'select') return;
    const x = this.localX(event);
    if (Math.abs(x - drag.startX) < minimumSelectionPixels) return;
    this.onWindow(dragWindow(drag.state, x, this.width, drag.startWindow, this.data.totalNs));
  }
}

/** The palette's colours as the current theme defines them (`--svc-color` of each `svc-N` class). */
function paletteColors(host: HTMLElement): string[] {
  const probe = element('span', { className: 'palette-probe' });
  host.append(probe);
  const colors: string[] = [];
  for (let slot = 0; slot < paletteSize; slot++) {
    probe.className = `palette-probe svc-${slot}`;
    colors.push(getComputedStyle(probe).getPropertyValue('--svc-color').trim() || '#888');
  }
  probe.remove();
  return colors;
}
