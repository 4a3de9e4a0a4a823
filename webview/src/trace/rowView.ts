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
/** Positions in `RowView.marks`. */
const depthBadge = 0;
const errorMark = 1;
const warningMark = 2;

/**
 * One timeline row, reused as the list scrolls: its elements are created once and re-bound to whichever span
 * scrolls into its place. Binding writes only what differs from what the row shows already (every write costs a
 * style recalculation of the element), and the rarely needed parts (depth badge, error and warning marks,
 * critical-path marks) are created the first time a span needs them.
 */
export class RowView {
  readonly element: HTMLDivElement;
  private readonly nameCell: HTMLDivElement;
  private readonly toggle: HTMLSpanElement;
  private readonly chip: HTMLSpanElement;
  private readonly service: Text;
  private readonly operation: Text;
  private readonly bar: HTMLDivElement;
  private readonly label: HTMLSpanElement;
  private readonly barCell: HTMLDivElement;
  /** The depth badge, error mark and warning mark, in this order after the names; each made when first needed. */
  private readonly marks: (HTMLSpanElement | undefined)[] = [undefined, undefined, undefined];
  private criticalLayer: HTMLDivElement | undefined;
  /** What the elements show now, so that binding skips writes that would change nothing. */
  private readonly shown = {
    rowClass: '',
    top: -1,
    depth: -1,
    toggle: '',
    slot: -1,
    barCellClass: '',
    barClass: '',
    barWidth: '',
    barLeft: '',
    barRight: '',
    barText: '',
    labelText: '',
    expanded: '',
    selected: '',
  };
  span = -1;
  /** The row index this view shows (valid while bound). */
  row = -1;

  constructor() {
    this.toggle = icon('chevron-down', 'toggle hidden');
    this.chip = element('span', { className: 'service-chip', attributes: { 'aria-hidden': 'true' } });
    this.service = document.createTextNode('');
    this.operation = document.createTextNode('');
    this.nameCell = element(
      'div',
      { className: 'name-cell', attributes: { role: 'gridcell' } },
      this.toggle,
      this.chip,
      // One clipping box for both names keeps the paint tree small.
      element(
        'span',
        { className: 'span-name' },
        element('span', { className: 'service-name' }, this.service),
        ' ',
        element('span', { className: 'operation-name' }, this.operation),
      ),
    );
    this.bar = element('div', { className: 'bar' });
    this.label = element('span', { className: 'bar-label' });
    this.barCell = element('div', { className: 'bar-cell', attributes: { role: 'gridcell' } }, this.bar, this.label);
    this.element = element('div', { className: 'row hidden', attributes: { role: 'row', 'aria-selected': 'false' } }, this.nameCell, this.barCell);
  }

  /** Takes the row out of the list until it is bound again. */
  release(): void {
    this.span = -1;
    this.row = -1;
    if (this.element.id !== '') this.element.removeAttribute('id');
    this.setSelected(false);
    this.setRowClass('row hidden');
  }

  bind(context: RowContext, span: number, row: number): void {
    const { data } = context;
    if (!data.has(span)) return;
    this.span = span;
    this.row = row;
    const rows = data.rows;
    const depth = data.tree.depth[span] ?? 0;
    const hasChildren = rows.hasChildren(span);
    const collapsed = rows.isCollapsed(span);
    const error = data.isError(span);
    const selected = context.selected === span;
    const dimmed = context.criticalPath && !data.critical.has(span);

    const element = this.element;
    const shown = this.shown;
    // Only the selected row needs an id (the tree's aria-activedescendant points at it).
    if (selected) element.id = activeRowId;
    else if (element.id !== '') element.removeAttribute('id');
    this.setRowClass(
      `row${selected ? ' selected' : ''}${context.isMatch(span) ? ' match' : ''}${context.currentMatch === span ? ' current-match' : ''}` +
        `${error ? ' error' : ''}${dimmed ? ' dimmed' : ''}`,
    );
    if (shown.top !== row) {
      shown.top = row;
      // A transform moves the row without laying anything out again.
      element.style.transform = `translateY(${row * rowHeight}px)`;
      element.setAttribute('aria-rowindex', String(row + 1));
    }
    if (shown.depth !== depth) {
      shown.depth = depth;
      element.setAttribute('aria-level', String(depth + 1));
      this.nameCell.style.setProperty('--indent', `${Math.min(depth, maxIndentLevels) * indentPixels}px`);
      if (depth > maxIndentLevels || this.marks[depthBadge]) this.mark(depthBadge).textContent = depth > maxIndentLevels ? `L${depth}` : '';
    }
    this.setSelected(selected);
    const expanded = hasChildren ? (collapsed ? 'false' : 'true') : '';
    if (shown.expanded !== expanded) {
      shown.expanded = expanded;
      if (expanded === '') element.removeAttribute('aria-expanded');
      else element.setAttribute('aria-expanded', expanded);
      this.toggle.className = `codicon toggle ${expanded === '' ? 'hidden codicon-chevron-down' : collapsed ? 'codicon-chevron-right' : 'codicon-chevron-down'}`;
    }
    const slot = data.colorSlots[span] ?? 0;
    if (shown.slot !== slot) {
      shown.slot = slot;
      this.chip.className = `service-chip svc-${slot}`;
    }
    setData(this.service, data.service(span));
    setData(this.operation, data.name(span));
    if (error || this.marks[errorMark]) this.mark(errorMark).classList.toggle('hidden', !error);
    const warnings = data.warningCount(span) > 0;
    if (warnings || this.marks[warningMark]) this.mark(warningMark).classList.toggle('hidden', !warnings);

    this.bindBar(context, span, slot);
  }

  private setRowClass(className: string): void {
    if (this.shown.rowClass === className) return;
    this.shown.rowClass = className;
    this.element.className = className;
  }

  private setSelected(selected: boolean): void {
    const value = selected ? 'true' : 'false';
    if (this.shown.selected === value) return;
    this.shown.selected = value;
    this.element.setAttribute('aria-selected', value);
  }

  /**
   * Lays the bar out in the flow of its cell (margins in percent of the cell, no positioned boxes). The duration
   * goes right of the bar, else left of it, else (a bar across most of the view) inside it; for a span outside the
   * zoomed window, at the edge it lies beyond.
   */
  private bindBar(context: RowContext, span: number, slot: number): void {
    const { data, window } = context;
    const offset = data.offsets[span] ?? 0;
    const durationNs = data.durations[span] ?? 0;
    const duration = formatDuration(durationNs);
    const geometry = barGeometry(offset, durationNs, window);
    const critical = this.bindCriticalPath(context, span) ? ' has-critical' : '';
    const shown = this.shown;
    if (!geometry) {
      const before = offset + durationNs < window.startNs;
      this.setBarCellClass(`bar-cell ${before ? 'label-after' : 'label-before'} off-screen${critical}`);
      this.setBarClass('bar hidden');
      this.setBarText('', duration);
      return;
    }
    const end = geometry.leftPercent + geometry.widthPercent;
    const layout = end < 80 ? 'label-after' : geometry.leftPercent >= 20 ? 'label-before' : 'label-inside';
    this.setBarCellClass(`bar-cell ${layout}${critical}`);
    this.setBarClass(`bar svc-${slot}`);
    const style = this.bar.style;
    const width = `max(${geometry.widthPercent}%, 2px)`;
    const left = layout === 'label-before' ? '' : `${geometry.leftPercent}%`;
    const right = layout === 'label-before' ? `${100 - end}%` : '';
    if (shown.barWidth !== width) style.width = shown.barWidth = width;
    if (shown.barLeft !== left) style.marginLeft = shown.barLeft = left;
    if (shown.barRight !== right) style.marginRight = shown.barRight = right;
    if (layout === 'label-inside') this.setBarText(duration, '');
    else this.setBarText('', duration);
  }

  private setBarCellClass(className: string): void {
    if (this.shown.barCellClass === className) return;
    this.shown.barCellClass = className;
    this.barCell.className = className;
  }

  private setBarClass(className: string): void {
    if (this.shown.barClass === className) return;
    this.shown.barClass = className;
    this.bar.className = className;
  }

  private setBarText(inside: string, beside: string): void {
    if (this.shown.barText !== inside) this.bar.textContent = this.shown.barText = inside;
    if (this.shown.labelText !== beside) this.label.textContent = this.shown.labelText = beside;
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
      const geometry = barGeometry(segment.startNs, segment.endNs - segment.startNs, context.window);
      if (!geometry) continue;
      const mark = element('div', { className: 'critical-segment' });
      mark.style.left = `${geometry.leftPercent}%`;
      mark.style.width = `max(${geometry.widthPercent}%, 2px)`;
      marks.push(mark);
    }
    this.criticalLayer.replaceChildren(...marks);
    return marks.length > 0;
  }

  /** The mark of that kind, created (in its place among the others) the first time it is needed. */
  private mark(kind: number): HTMLSpanElement {
    const existing = this.marks[kind];
    if (existing) return existing;
    const made =
      kind === depthBadge
        ? element('span', { className: 'depth-badge' })
        : kind === errorMark
          ? element('span', { className: 'codicon codicon-error error-mark', attributes: { role: 'img', 'aria-label': 'error' } })
          : element('span', { className: 'codicon codicon-warning warning-mark', attributes: { role: 'img', 'aria-label': 'warnings' } });
    const next = this.marks.slice(kind + 1).find((mark) => mark !== undefined);
    this.nameCell.insertBefore(made, next ?? null);
    this.marks[kind] = made;
    return made;
  }
}

/** Changes a text node only when its text differs. */
function setData(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}
