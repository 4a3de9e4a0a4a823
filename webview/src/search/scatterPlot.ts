import { formatDuration, formatTimestamp } from '../../../src/core/viewer/layout/format';
import { rulerTicks } from '../../../src/core/viewer/layout/ticks';
import type { TraceSummary } from '../../../src/core/viewer/protocol';
import { scatterLayout } from '../../../src/core/viewer/results';
import { element, svgElement } from '../dom';

const height = 180;
const margin = { left: 64, right: 16, top: 12, bottom: 28 };

/** Duration over start time, one dot per trace (larger for more spans, red for errors); click a dot to open it. */
export class ScatterPlot {
  readonly element: HTMLElement;
  private results: readonly TraceSummary[] = [];
  private readonly resizeObserver: ResizeObserver;
  private width = 0;

  constructor(private readonly open: (traceId: string) => void) {
    this.element = element('figure', { className: 'scatter', attributes: { 'aria-label': 'Trace durations over time' } });
    this.resizeObserver = new ResizeObserver(() => {
      if (this.element.clientWidth !== this.width) this.render();
    });
    this.resizeObserver.observe(this.element);
  }

  show(results: readonly TraceSummary[]): void {
    this.results = results;
    this.render();
  }

  private render(): void {
    this.width = this.element.clientWidth;
    if (this.results.length === 0 || this.width === 0) {
      this.element.replaceChildren();
      return;
    }
    const width = this.width;
    const area = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
    const layout = scatterLayout(this.results, area);
    const svg = svgElement('svg', { width: String(width), height: String(height), role: 'img', 'aria-label': `${this.results.length} traces by start time and duration` });
    const yTicks = rulerTicks({ startNs: 0, endNs: Math.max(layout.maxDurationNs, 1) }, 4);
    for (const tick of yTicks) {
      const y = area.top + area.height - tick.fraction * area.height;
      svg.append(svgElement('line', { class: 'axis-line', x1: String(area.left), x2: String(area.left + area.width), y1: String(y), y2: String(y) }));
      const label = svgElement('text', { class: 'axis-label', x: String(area.left - 6), y: String(y + 4), 'text-anchor': 'end' });
      label.textContent = tick.label;
      svg.append(label);
    }
    const timeWidth = layout.endNs - layout.startNs;
    const xLabels = timeWidth > 0 ? [0, 0.5, 1] : [0.5];
    for (const fraction of xLabels) {
      const label = svgElement('text', {
        class: 'axis-label',
        x: String(area.left + fraction * area.width),
        y: String(height - 8),
        'text-anchor': fraction === 0 ? 'start' : fraction === 1 ? 'end' : 'middle',
      });
      label.textContent = formatTimestamp(layout.startNs + fraction * timeWidth).slice(11, 19);
      svg.append(label);
    }
    const byId = new Map(this.results.map((result) => [result.traceId, result]));
    for (const point of layout.points) {
      const result = byId.get(point.traceId);
      const dot = svgElement('circle', {
        class: `dot${point.error ? ' error' : ''}${point.broken ? ' broken' : ''}`,
        cx: point.x.toFixed(1),
        cy: point.y.toFixed(1),
        r: point.radius.toFixed(1),
        'data-trace-id': point.traceId,
      });
      const title = svgElement('title');
      title.textContent = result
        ? `${result.rootService}: ${result.rootOperation} — ${formatDuration(result.durationNs)}, ${result.spanCount} spans${result.errorCount > 0 ? `, ${result.errorCount} errors` : ''}`
        : point.traceId;
      dot.append(title);
      dot.addEventListener('click', () => {
        this.open(point.traceId);
      });
      svg.append(dot);
    }
    this.element.replaceChildren(svg);
  }

  dispose(): void {
    this.resizeObserver.disconnect();
  }
}
