import { formatDuration } from '../../../src/core/viewer/layout/format';
import { barGeometry, type TimeWindow } from '../../../src/core/viewer/layout/timeScale';
import { element, icon } from '../dom';
import type { TraceData } from './traceData';

/** How a row looks beyond its span: what the timeline knows that the span does not. */
export interface RowContext {
  readonly data: TraceData;
  readonly window: TimeWindow;
  readonly selected: number;
  readonly criticalPath: boolean;
  readonly isMatch: (span: number) => boolean;
  readonly currentMatch: number;
}

export const rowHeight = 24;
/** The id the selected row carries, for the tree's `aria-activedescendant`. */
export const activeRowId = 'timeline-active-row';
/** Indentation per tree level, and the deepest level that still indents (deeper rows say how deep they are). */
const indentPixels = 14;
const maxIndentLevels = 24;

/**
 * One timeline row, reused as the list scrolls: its elements are created once and re-bound to whichever span
 * scrolls into its place, changing only text, classes and positions.
 */
export class RowView {
  readonly element: HTMLDivElement;
  private readonly nameCell: HTMLDivElement;
  private readonly toggle: HTMLSpanElement;
  private readonly chip: HTMLSpanElement;
  private readonly service: HTMLSpanElement;
  private readonly operation: HTMLSpanElement;
  private readonly depthBadge: HTMLSpanElement;
  private readonly errorMark: HTMLSpanElement;
  private readonly warningMark: HTMLSpanElement;
  private readonly bar: HTMLDivElement;
  private readonly label: HTMLSpanElement;
  private readonly barCell: HTMLDivElement;
  /** Created the first time the row shows critical-path segments (most rows never do). */
  private criticalLayer: HTMLDivElement | undefined;
  span = -1;

  constructor() {
    this.toggle = icon('chevron-down', 'toggle');
    this.chip = element('span', { className: 'service-chip', attributes: { 'aria-hidden': 'true' } });
    this.service = element('span', { className: 'service-name' });
    this.operation = element('span', { className: 'operation-name' });
    this.depthBadge = element('span', { className: 'depth-badge' });
    this.errorMark = element('span', { className: 'codicon codicon-error error-mark', attributes: { role: 'img', 'aria-label': 'error' } });
    this.warningMark = element('span', { className: 'codicon codicon-warning warning-mark', attributes: { role: 'img', 'aria-label': 'warnings' } });
    this.nameCell = element(
      'div',
      { className: 'name-cell', attributes: { role: 'gridcell' } },
      this.toggle,
      this.chip,
      // One clipping box for both names keeps the paint tree small: scrolling re-binds a row every few frames.
      element('span', { className: 'span-name' }, this.service, ' ', this.operation),
      this.depthBadge,
      this.errorMark,
      this.warningMark,
    );
    this.bar = element('div', { className: 'bar' });
    this.label = element('span', { className: 'bar-label' });
    this.barCell = element('div', { className: 'bar-cell', attributes: { role: 'gridcell' } }, this.bar, this.label);
    this.element = element('div', { className: 'row', attributes: { role: 'row' } }, this.nameCell, this.barCell);
  }

  /** Takes the row out of the list until it is bound again. */
  release(): void {
    this.span = -1;
    this.element.removeAttribute('id');
    this.element.setAttribute('aria-selected', 'false');
    this.element.classList.add('hidden');
    this.element.classList.remove('selected', 'match', 'current-match');
  }

  /** The row index this view shows (valid while bound). */
  row = -1;

  bind(context: RowContext, span: number, row: number): void {
    const { data } = context;
    const source = data.span(span);
    if (!source) return;
    this.span = span;
    const rows = data.rows;
    const depth = data.tree.depth[span] ?? 0;
    const hasChildren = rows.hasChildren(span);
    const collapsed = rows.isCollapsed(span);
    const error = data.errors[span] === 1;
    const selected = context.selected === span;
    const onCriticalPath = data.critical.has(span);

    const element = this.element;
    this.row = row;
    element.classList.remove('hidden');
    // Only the selected row needs an id (the tree's aria-activedescendant points at it).
    if (selected) element.id = activeRowId;
    else if (element.id !== '') element.removeAttribute('id');
    element.style.top = `${row * rowHeight}px`;
    element.setAttribute('aria-rowindex', String(row + 1));
    element.setAttribute('aria-level', String(depth + 1));
    element.setAttribute('aria-selected', selected ? 'true' : 'false');
    if (hasChildren) element.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
    else element.removeAttribute('aria-expanded');
    element.classList.toggle('selected', selected);
    element.classList.toggle('match', context.isMatch(span));
    element.classList.toggle('current-match', context.currentMatch === span);
    element.classList.toggle('error', error);
    element.classList.toggle('dimmed', context.criticalPath && !onCriticalPath);

    this.nameCell.style.setProperty('--indent', `${Math.min(depth, maxIndentLevels) * indentPixels}px`);
    this.toggle.classList.toggle('hidden', !hasChildren);
    this.toggle.classList.toggle('codicon-chevron-right', collapsed);
    this.toggle.classList.toggle('codicon-chevron-down', !collapsed);
    this.depthBadge.textContent = depth > maxIndentLevels ? `L${depth}` : '';
    this.chip.className = `service-chip svc-${data.colorSlots[span] ?? 0}`;
    setText(this.service, source.service);
    setText(this.operation, source.name);
    this.errorMark.classList.toggle('hidden', !error);
    this.warningMark.classList.toggle('hidden', !data.hasWarnings(span));

    this.bindBar(context, span, formatDuration(source.durationNs));
  }

  /**
   * Lays the bar out in the flow of its cell (margins in percent of the cell, no positioned boxes, which keeps
   * re-binding a row cheap while scrolling). The duration goes right of the bar, else left of it, else (a bar
   * across most of the view) inside it; for a span outside the zoomed window, at the edge it lies beyond.
   */
  private bindBar(context: RowContext, span: number, duration: string): void {
    const { data, window } = context;
    const offset = data.offsets[span] ?? 0;
    const durationNs = data.span(span)?.durationNs ?? 0;
    const geometry = barGeometry(offset, durationNs, window);
    const bar = this.bar;
    const hasCritical = this.bindCriticalPath(context, span);
    if (!geometry) {
      const before = offset + durationNs < window.startNs;
      this.barCell.className = `bar-cell ${before ? 'label-after' : 'label-before'} off-screen${hasCritical ? ' has-critical' : ''}`;
      bar.className = 'bar hidden';
      setText(this.label, duration);
      return;
    }
    const end = geometry.leftPercent + geometry.widthPercent;
    const layout = end < 80 ? 'label-after' : geometry.leftPercent >= 20 ? 'label-before' : 'label-inside';
    this.barCell.className = `bar-cell ${layout}${hasCritical ? ' has-critical' : ''}`;
    bar.className = `bar svc-${data.colorSlots[span] ?? 0}`;
    bar.style.width = `max(${geometry.widthPercent}%, 2px)`;
    if (layout === 'label-before') {
      bar.style.marginLeft = '';
      bar.style.marginRight = `${100 - end}%`;
    } else {
      bar.style.marginLeft = `${geometry.leftPercent}%`;
      bar.style.marginRight = '';
    }
    setText(bar, layout === 'label-inside' ? duration : '');
    setText(this.label, layout === 'label-inside' ? '' : duration);
  }

  /** Draws the span's critical-path segments when they are shown; returns whether there are any. */
  private bindCriticalPath(context: RowContext, span: number): boolean {
    const segments = context.criticalPath ? context.data.critical.get(span) : undefined;
    if (!segments) {
      if (this.criticalLayer && this.criticalLayer.childElementCount > 0) this.criticalLayer.replaceChildren();
      return false;
    }
    if (!this.criticalLayer) {
      this.criticalLayer = element('div', { className: 'critical-layer' });
      this.barCell.insertBefore(this.criticalLayer, this.label);
    }
    const marks: HTMLElement[] = [];
    for (const segment of segments) {
      const start = segment.startNs - context.data.startNs;
      const geometry = barGeometry(start, segment.endNs - segment.startNs, context.window);
      if (!geometry) continue;
      const mark = element('div', { className: 'critical-segment' });
      mark.style.left = `${geometry.leftPercent}%`;
      mark.style.width = `max(${geometry.widthPercent}%, 2px)`;
      marks.push(mark);
    }
    this.criticalLayer.replaceChildren(...marks);
    return marks.length > 0;
  }
}

/** Changes text only when it differs: replacing a text node with the same text still costs a layout. */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
