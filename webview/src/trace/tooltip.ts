import { formatDuration } from '../../../src/core/viewer/layout/format';
import { element } from '../dom';
import type { TraceData } from './traceData';

/** The hover card over the timeline: what a span is without selecting it. Text only; hidden from screen readers. */
export class SpanTooltip {
  readonly element: HTMLDivElement;
  private span = -1;

  constructor(private readonly data: TraceData) {
    this.element = element('div', { className: 'span-tooltip hidden', attributes: { 'aria-hidden': 'true' } });
  }

  show(span: number, clientX: number, clientY: number, bounds: DOMRect): void {
    if (span !== this.span) {
      this.span = span;
      this.fill(span);
    }
    this.element.classList.remove('hidden');
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const left = Math.min(clientX - bounds.left + 14, bounds.width - width - 4);
    const below = clientY - bounds.top + 18;
    const top = below + height > bounds.height ? clientY - bounds.top - height - 10 : below;
    this.element.style.left = `${Math.max(4, left)}px`;
    this.element.style.top = `${Math.max(4, top)}px`;
  }

  hide(): void {
    this.span = -1;
    this.element.classList.add('hidden');
  }

  private fill(index: number): void {
    const data = this.data;
    if (!data.has(index)) return;
    const status = data.status(index);
    const lines: [string, string][] = [
      ['Service', data.service(index)],
      ['Duration', formatDuration(data.durations[index] ?? 0)],
      ['Starts at', formatDuration(data.offsets[index] ?? 0)],
      ['Kind', data.kind(index)],
      ['Status', status.message ? `${status.code}: ${status.message}` : status.code],
    ];
    const critical = data.critical.get(index);
    if (critical) {
      const onPath = critical.reduce((sum, segment) => sum + (segment.endNs - segment.startNs), 0);
      lines.push(['Critical path', formatDuration(onPath)]);
    }
    const warnings = data.warningCount(index);
    if (warnings > 0) lines.push(['Warnings', String(warnings)]);
    this.element.replaceChildren(
      element('div', { className: 'tooltip-title', text: data.name(index) }),
      element(
        'dl',
        {},
        ...lines.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', { text: value })]),
      ),
    );
  }
}
