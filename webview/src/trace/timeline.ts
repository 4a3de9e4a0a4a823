import { commandForKey, navigate, type NavigationEffect } from '../../../src/core/viewer/layout/navigation';
import { fullWindow, isFullWindow, zoomWindow, panWindow, type TimeWindow } from '../../../src/core/viewer/layout/timeScale';
import { rowsPerPage, scrollToReveal, visibleRows } from '../../../src/core/viewer/layout/virtualWindow';
import { element } from '../dom';
import { Overview } from './overview';
import { renderRuler } from './ruler';
import { activeRowId, RowView, rowHeight, type RowContext } from './rowView';
import { SpanTooltip } from './tooltip';
import type { TraceData } from './traceData';

export interface TimelineEvents {
  /** The selection moved (click or keys). */
  select(span: number): void;
  openCode(span: number): void;
  startFind(): void;
  /** Collapse state, zoom or scroll changed: worth saving (scrolling often, so it may wait). */
  viewChanged(cause: 'scroll' | 'change'): void;
}

export interface TimelineOptions {
  readonly window?: TimeWindow;
  readonly criticalPath: boolean;
  readonly nameColumnPercent: number;
  readonly scrollTop: number;
}

/** Rows rendered beyond the viewport on each side, so that fast scrolling rarely shows blank space. */
const overscan = 8;

/**
 * The timeline: overview, ruler and a virtualized tree of span rows. Only the rows in view (plus a few) exist in
 * the DOM, each a pooled `RowView`; scrolling re-binds rows instead of creating them.
 */
export class Timeline {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly ruler: HTMLDivElement;
  private readonly grid: HTMLDivElement;
  private readonly overview: Overview;
  private readonly tooltip: SpanTooltip;
  private readonly active = new Map<number, RowView>();
  private readonly viewOfElement = new WeakMap<Element, RowView>();
  private readonly spare: RowView[] = [];
  private window: TimeWindow;
  private criticalPath: boolean;
  private nameColumnPercent: number;
  private selected = -1;
  private matches: Uint8Array = new Uint8Array(0);
  private currentMatch = -1;
  private viewportHeight = 0;
  private barWidth = 0;
  private nameColumnPixels = 0;
  private boundGeneration = -1;
  private generation = 0;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly data: TraceData,
    options: TimelineOptions,
    private readonly events: TimelineEvents,
  ) {
    this.window = options.window ?? fullWindow(data.totalNs);
    this.criticalPath = options.criticalPath;
    this.nameColumnPercent = options.nameColumnPercent;
    this.overview = new Overview(data, this.window, (window) => {
      this.setWindow(window);
    });
    this.tooltip = new SpanTooltip(data);
    this.ruler = element('div', { className: 'ruler', attributes: { 'aria-hidden': 'true' } });
    this.grid = element('div', { className: 'grid-lines', attributes: { 'aria-hidden': 'true' } });
    this.spacer = element('div', { className: 'timeline-spacer' }, this.grid);
    this.body = element(
      'div',
      {
        className: 'timeline-body',
        attributes: {
          role: 'treegrid',
          tabindex: '0',
          'aria-label': 'Spans: arrows move, Right and Left expand and collapse, Enter opens code, / finds',
          'aria-multiselectable': 'false',
        },
      },
      this.spacer,
    );
    const resizer = element('div', {
      className: 'column-resizer',
      attributes: { role: 'separator', 'aria-orientation': 'vertical', 'aria-label': 'Resize the name column' },
    });
    this.element = element(
      'section',
      { className: 'timeline', attributes: { 'aria-label': 'Timeline' } },
      element('div', { className: 'timeline-overview-row' }, element('div', { className: 'overview-side', text: 'Overview' }), this.overview.element),
      element(
        'div',
        { className: 'timeline-ruler-row' },
        element('div', { className: 'ruler-side' }, element('span', { text: 'Service and operation' }), resizer),
        this.ruler,
      ),
      element('div', { className: 'timeline-viewport' }, this.body, this.tooltip.element),
    );
    this.listen(resizer);
    this.resizeObserver = new ResizeObserver(() => {
      this.layout();
    });
    this.resizeObserver.observe(this.element);
    this.pendingScrollTop = options.scrollTop;
  }

  private pendingScrollTop: number | undefined;

  get timeWindow(): TimeWindow {
    return this.window;
  }

  get scrollTop(): number {
    return this.body.scrollTop;
  }

  get nameColumn(): number {
    return this.nameColumnPercent;
  }

  get criticalPathShown(): boolean {
    return this.criticalPath;
  }

  focus(): void {
    this.body.focus();
  }

  /** Lays out and renders for the current size; the first call happens once the element is in the document. */
  layout(): void {
    const width = this.element.clientWidth;
    if (width === 0) return;
    const scrollbar = this.body.offsetWidth - this.body.clientWidth;
    // The names need room even when the span detail narrows the timeline: at least 260 px, at most 60%.
    const nameColumn = Math.round(Math.min(width * 0.6, Math.max(260, (width * this.nameColumnPercent) / 100)));
    this.nameColumnPixels = nameColumn;
    this.element.style.setProperty('--name-col', `${nameColumn}px`);
    this.element.style.setProperty('--scrollbar', `${scrollbar}px`);
    this.viewportHeight = this.body.clientHeight;
    const barWidth = width - nameColumn - scrollbar;
    if (barWidth !== this.barWidth) {
      this.barWidth = barWidth;
      this.overview.draw(barWidth);
      renderRuler(this.ruler, this.grid, this.window, barWidth);
    }
    this.spacer.style.height = `${this.data.rows.length * rowHeight}px`;
    if (this.pendingScrollTop !== undefined) {
      this.body.scrollTop = this.pendingScrollTop;
      this.pendingScrollTop = undefined;
    }
    this.render();
  }

  /**
   * Re-renders the rows in view; rows already bound to the right span are left alone unless the look changed.
   * Rows that scrolled out are re-bound to the rows scrolling in, in the same frame, and only the ones left over
   * are hidden: a row is written once per frame at most.
   */
  render(): void {
    const rows = this.data.rows;
    const range = visibleRows(this.body.scrollTop, this.viewportHeight, rowHeight, rows.length, overscan);
    const rebindAll = this.boundGeneration !== this.generation;
    this.boundGeneration = this.generation;
    const freed: RowView[] = [];
    for (const [row, view] of this.active) {
      if (row < range.first || row >= range.end || rebindAll || view.span !== rows.spanAt(row)) {
        this.active.delete(row);
        freed.push(view);
      }
    }
    const context = this.context();
    for (let row = range.first; row < range.end; row++) {
      if (this.active.has(row)) continue;
      const view = freed.pop() ?? this.spare.pop() ?? this.createRow();
      view.bind(context, rows.spanAt(row), row);
      this.active.set(row, view);
    }
    for (const view of freed) {
      view.release();
      this.spare.push(view);
    }
    setAttributeIfChanged(this.body, 'aria-rowcount', String(rows.length));
    const selectedRow = this.selected >= 0 ? rows.rowOf(this.selected) : -1;
    setAttributeIfChanged(this.body, 'aria-activedescendant', selectedRow >= 0 && this.active.has(selectedRow) ? activeRowId : undefined);
  }

  private context(): RowContext {
    return {
      data: this.data,
      window: this.window,
      selected: this.selected,
      criticalPath: this.criticalPath,
      isMatch: (span) => this.matches[span] === 1,
      currentMatch: this.currentMatch,
    };
  }

  private createRow(): RowView {
    const view = new RowView();
    this.viewOfElement.set(view.element, view);
    this.spacer.append(view.element);
    return view;
  }

  /** Call after the row model changed (collapse, expand, filter). */
  rowsChanged(): void {
    this.spacer.style.height = `${this.data.rows.length * rowHeight}px`;
    this.restyle();
    this.events.viewChanged('change');
  }

  /** Re-binds every visible row on the next render (selection, highlight or zoom changed). */
  private restyle(): void {
    this.generation++;
    this.render();
  }

  setSelected(span: number, reveal: boolean): void {
    this.selected = span;
    if (reveal && span >= 0) this.reveal(span);
    this.restyle();
  }

  /** Expands the span's ancestors and scrolls its row into view. */
  reveal(span: number): void {
    const rows = this.data.rows;
    if (rows.rowOf(span) < 0) {
      rows.reveal(span);
      this.spacer.style.height = `${rows.length * rowHeight}px`;
      this.events.viewChanged('change');
    }
    const row = rows.rowOf(span);
    if (row < 0) return;
    const target = scrollToReveal(row, this.body.scrollTop, this.viewportHeight, rowHeight);
    if (target !== undefined) this.body.scrollTop = target;
    this.restyle();
  }

  setMatches(mask: Uint8Array, current: number): void {
    this.matches = mask;
    this.currentMatch = current;
    this.restyle();
  }

  setCriticalPath(shown: boolean): void {
    this.criticalPath = shown;
    this.restyle();
    this.events.viewChanged('change');
  }

  setWindow(window: TimeWindow): void {
    this.window = window;
    this.overview.setWindow(window);
    renderRuler(this.ruler, this.grid, window, this.barWidth);
    this.restyle();
    this.events.viewChanged('change');
  }

  zoom(direction: 'in' | 'out' | 'reset', anchor = 0.5): void {
    if (direction === 'reset') this.setWindow(fullWindow(this.data.totalNs));
    else this.setWindow(zoomWindow(this.window, direction === 'in' ? 0.5 : 2, anchor, this.data.totalNs));
  }

  get zoomed(): boolean {
    return !isFullWindow(this.window, this.data.totalNs);
  }

  /** Applies a navigation effect: selection, expand, collapse, open code, find or zoom. */
  apply(effect: NavigationEffect): void {
    const rows = this.data.rows;
    if (effect.expand !== undefined) {
      rows.setCollapsed(effect.expand, false);
      this.rowsChanged();
    }
    if (effect.collapse !== undefined) {
      rows.setCollapsed(effect.collapse, true);
      this.rowsChanged();
    }
    if (effect.expandChildren !== undefined) {
      rows.setChildrenCollapsed(effect.expandChildren, false);
      this.rowsChanged();
    }
    if (effect.select !== undefined) this.events.select(effect.select);
    if (effect.openCode !== undefined) this.events.openCode(effect.openCode);
    if (effect.find) this.events.startFind();
    if (effect.zoom) this.zoom(effect.zoom);
  }

  dispose(): void {
    this.resizeObserver.disconnect();
  }

  private listen(resizer: HTMLElement): void {
    this.body.addEventListener('scroll', () => {
      this.tooltip.hide();
      this.render();
      this.events.viewChanged('scroll');
    });
    this.body.addEventListener('click', (event) => {
      const span = this.spanAtEvent(event);
      if (span < 0) return;
      if (event.target instanceof Element && event.target.closest('.toggle')) {
        if (event.shiftKey) this.data.rows.setChildrenCollapsed(span, !this.data.rows.isCollapsed(span));
        else this.data.rows.toggle(span);
        this.rowsChanged();
      }
      this.events.select(span);
    });
    this.body.addEventListener('dblclick', (event) => {
      const span = this.spanAtEvent(event);
      if (span < 0 || !this.data.rows.hasChildren(span)) return;
      if (event.target instanceof Element && event.target.closest('.toggle')) return;
      this.data.rows.toggle(span);
      this.rowsChanged();
    });
    this.body.addEventListener('keydown', (event) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      this.apply(navigate(this.data.rows, this.selected, command, rowsPerPage(this.viewportHeight, rowHeight)));
    });
    this.body.addEventListener('pointermove', (event) => {
      const span = this.spanAtEvent(event);
      if (span < 0) this.tooltip.hide();
      else this.tooltip.show(span, event.clientX, event.clientY, this.element.getBoundingClientRect());
    });
    this.body.addEventListener('pointerleave', () => {
      this.tooltip.hide();
    });
    this.body.addEventListener(
      'wheel',
      (event) => {
        if (!event.ctrlKey && !event.shiftKey) return;
        event.preventDefault();
        const bounds = this.body.getBoundingClientRect();
        const anchor = Math.min(1, Math.max(0, (event.clientX - bounds.left - this.nameColumnPixels) / Math.max(1, this.barWidth)));
        if (event.ctrlKey) this.zoom(event.deltaY < 0 ? 'in' : 'out', anchor);
        else this.setWindow(panWindow(this.window, Math.sign(event.deltaY || event.deltaX) * 0.1, this.data.totalNs));
      },
      { passive: false },
    );
    resizer.addEventListener('pointerdown', (event) => {
      resizer.setPointerCapture(event.pointerId);
      const move = (moveEvent: PointerEvent): void => {
        const bounds = this.element.getBoundingClientRect();
        this.nameColumnPercent = Math.min(80, Math.max(15, ((moveEvent.clientX - bounds.left) / bounds.width) * 100));
        this.barWidth = 0;
        this.layout();
      };
      const up = (): void => {
        resizer.removeEventListener('pointermove', move);
        resizer.removeEventListener('pointerup', up);
        this.restyle();
        this.events.viewChanged('change');
      };
      resizer.addEventListener('pointermove', move);
      resizer.addEventListener('pointerup', up);
      event.preventDefault();
    });
  }

  private spanAtEvent(event: Event): number {
    const row = event.target instanceof Element ? event.target.closest('.row') : null;
    const view = row ? this.viewOfElement.get(row) : undefined;
    return view ? view.span : -1;
  }
}

/** Attribute writes are skipped when nothing changes: scrolling renders every frame. */
function setAttributeIfChanged(target: Element, name: string, value: string | undefined): void {
  if (target.getAttribute(name) === (value ?? null)) return;
  if (value === undefined) target.removeAttribute(name);
  else target.setAttribute(name, value);
}
