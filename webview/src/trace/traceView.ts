import type { Span } from '../../../src/core/model/trace';
import { inTreeOrder, matchFilter, stepMatch } from '../../../src/core/viewer/layout/find';
import type { ServiceColors } from '../../../src/core/viewer/layout/serviceColors';
import { clampWindow } from '../../../src/core/viewer/layout/timeScale';
import type { CopyKind, TraceDocument, TraceRef } from '../../../src/core/viewer/protocol';
import { element } from '../dom';
import { maxSavedCollapsed, type TraceViewState } from '../state';
import { DetailPane, type SpanAction } from './detailPane';
import { renderHeader } from './header';
import { StatsTable } from './statsTable';
import { Timeline } from './timeline';
import { TimelineToolbar } from './toolbar';
import { TraceData } from './traceData';

export interface TraceViewEvents {
  copy(what: CopyKind, text: string): void;
  openCode(ref: TraceRef, spanId: string): void;
  /** The span in full, from the host. */
  loadSpan(ref: TraceRef, spanIndex: number, spanId: string): Promise<Span>;
  /** The indices of the spans matching a find query (the host searches attributes and events too). */
  find(ref: TraceRef, query: string): Promise<Int32Array>;
  openCallSite(ref: TraceRef, warningIndex: number): void;
  openTrace(ref: TraceRef, focusSpanId: string): void;
  stateChanged(state: TraceViewState): void;
}

/** One loaded trace: header, Timeline and Statistics tabs, find, and the span detail beside the timeline. */
export class TraceView {
  readonly element: HTMLElement;
  readonly data: TraceData;
  private readonly timeline: Timeline;
  private readonly toolbar: TimelineToolbar;
  private readonly detail: DetailPane;
  private readonly tabs: HTMLElementTagNameMap['vscode-tabs'];
  private readonly split: HTMLDivElement;
  private readonly statsTable: StatsTable;
  private matches: Int32Array = new Int32Array(0);
  private matchLabel: string | undefined;
  private currentMatch = -1;
  private selected = -1;
  /** Counts find queries, so that an answer to an older one is ignored. */
  private findGeneration = 0;
  private findPending = false;
  /** Next/previous asked for while a find was on its way: done when its answer arrives. */
  private stepWhenFound: 1 | -1 | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The collapse state as saved, recomputed only after the rows changed (it walks every span). */
  private savedCollapse: Pick<TraceViewState, 'collapsedSpanIds' | 'allCollapsed'> | undefined;

  constructor(
    document: TraceDocument,
    private readonly state: TraceViewState,
    colors: ServiceColors,
    private readonly events: TraceViewEvents,
  ) {
    this.data = new TraceData(document, colors);
    this.restoreCollapsed();
    this.timeline = new Timeline(
      this.data,
      {
        ...(state.window ? { window: clampWindow(state.window, this.data.totalNs) } : {}),
        criticalPath: state.criticalPath && document.criticalPath.spans.length > 0,
        nameColumnPercent: state.nameColumnPercent,
        scrollTop: state.scrollTop,
      },
      {
        select: (span) => {
          this.select(span, true);
        },
        openCode: (span) => {
          if (this.data.has(span)) this.events.openCode(document.ref, this.data.spanId(span));
        },
        startFind: () => {
          this.toolbar.findInput.focus();
        },
        viewChanged: (cause) => {
          if (cause === 'change') this.savedCollapse = undefined;
          this.scheduleSave(cause === 'scroll');
        },
      },
    );
    this.toolbar = new TimelineToolbar(
      {
        find: state.find,
        filterToMatches: state.filterToMatches,
        criticalPath: state.criticalPath,
        hasCriticalPath: document.criticalPath.spans.length > 0,
      },
      {
        find: (query) => {
          this.state.find = query;
          this.matchLabel = undefined;
          this.runFind();
        },
        step: (direction) => {
          this.step(direction);
        },
        filterToMatches: (on) => {
          this.state.filterToMatches = on;
          this.applyFilter();
        },
        expandAll: () => {
          this.data.rows.setAllCollapsed(false);
          this.timeline.rowsChanged();
        },
        collapseAll: () => {
          this.data.rows.setAllCollapsed(true);
          this.timeline.rowsChanged();
        },
        expandChildren: () => {
          if (this.selected < 0) return;
          this.data.rows.setChildrenCollapsed(this.selected, false);
          this.timeline.rowsChanged();
        },
        collapseChildren: () => {
          if (this.selected < 0) return;
          this.data.rows.setChildrenCollapsed(this.selected, true);
          this.timeline.rowsChanged();
        },
        criticalPath: (on) => {
          this.timeline.setCriticalPath(on);
        },
        zoom: (direction) => {
          this.timeline.zoom(direction);
        },
        leaveFind: () => {
          this.timeline.focus();
        },
      },
    );
    this.detail = new DetailPane(this.data, this.spanActions(), {
      loadSpan: (index) => this.events.loadSpan(document.ref, index, this.data.spanId(index)),
      selectSpan: (index) => {
        this.select(index, true);
      },
      openTrace: (ref, focusSpanId) => {
        this.events.openTrace(ref, focusSpanId);
      },
      copy: (what, text) => {
        this.events.copy(what, text);
      },
      close: () => {
        this.select(-1, false);
        this.timeline.focus();
      },
    });
    this.split = element('div', { className: 'timeline-split' }, this.timeline.element, this.splitter(), this.detail.element);
    this.split.style.setProperty('--detail-width', `${state.detailWidth}px`);
    this.statsTable = new StatsTable(document.stats);
    this.tabs = element(
      'vscode-tabs',
      { className: 'trace-tabs' },
      element('vscode-tab-header', { attributes: { slot: 'header' }, text: 'Timeline' }),
      element('vscode-tab-header', { attributes: { slot: 'header' }, text: 'Statistics' }),
      element('vscode-tab-panel', { className: 'timeline-panel' }, this.toolbar.element, this.split),
      element('vscode-tab-panel', { className: 'stats-panel' }, this.statsTable.element),
    );
    this.tabs.selectedIndex = state.tab === 'statistics' ? 1 : 0;
    this.tabs.addEventListener('vsc-tabs-select', () => {
      this.state.tab = this.tabs.selectedIndex === 1 ? 'statistics' : 'timeline';
      if (this.state.tab === 'statistics') this.statsTable.show();
      this.scheduleSave();
    });
    this.element = element(
      'div',
      { className: 'trace-view' },
      renderHeader(this.data, {
        copyTraceId: () => {
          this.events.copy('trace id', this.data.traceId);
        },
        showSpans: (spanIndices, label) => {
          this.spotlight(spanIndices, label);
        },
        openCallSite: (warningIndex) => {
          this.events.openCallSite(document.ref, warningIndex);
        },
      }),
      this.tabs,
    );
  }

  /** Call once the view is in the document: lays out the timeline, restores selection and find. */
  mount(focusSpanId?: string): void {
    if (this.state.tab === 'statistics') this.statsTable.show();
    this.timeline.layout();
    if (this.state.find !== '') this.runFind();
    const focus = focusSpanId ?? this.state.selectedSpanId;
    const index = focus === undefined ? undefined : this.data.tree.indexOf(focus);
    if (index !== undefined) this.select(index, focusSpanId !== undefined);
  }

  focusTimeline(): void {
    this.timeline.focus();
  }

  dispose(): void {
    this.disposed = true;
    this.timeline.dispose();
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
  }

  /** Buttons of the span detail; a feature that acts on spans (such as opening their code) adds its own here. */
  private spanActions(): SpanAction[] {
    return [
      {
        id: 'openCode',
        label: 'Open code',
        icon: 'go-to-file',
        run: (span) => {
          this.events.openCode(this.data.document.ref, span.spanId);
        },
      },
      {
        id: 'copyJson',
        label: 'Copy as JSON',
        icon: 'json',
        run: (span) => {
          this.events.copy('span JSON', JSON.stringify(span, null, 2));
        },
      },
      {
        id: 'copySpanId',
        label: 'Copy span ID',
        icon: 'copy',
        run: (span) => {
          this.events.copy('span id', span.spanId);
        },
      },
    ];
  }

  private select(span: number, reveal: boolean): void {
    this.selected = span;
    this.state.selectedSpanId = this.data.has(span) ? this.data.spanId(span) : undefined;
    this.timeline.setSelected(span, reveal);
    this.split.classList.toggle('with-detail', span >= 0);
    if (span >= 0) this.detail.show(span);
    else this.detail.hide();
    this.toolbar.setSelectionHasChildren(span >= 0 && this.data.rows.hasChildren(span));
    this.scheduleSave();
  }

  /** Asks the host for the spans matching the find query; an answer that arrives after a newer query is dropped. */
  private runFind(): void {
    const generation = ++this.findGeneration;
    const query = this.state.find.trim();
    this.stepWhenFound = undefined;
    if (query === '') {
      this.findPending = false;
      this.showFound(new Int32Array(0));
      return;
    }
    this.findPending = true;
    this.toolbar.setSearching();
    const current = (): boolean => generation === this.findGeneration && !this.disposed;
    this.events.find(this.data.document.ref, query).then(
      (found) => {
        if (!current()) return;
        this.findPending = false;
        this.showFound(found.filter((index) => this.data.has(index)));
      },
      (error: unknown) => {
        if (!current()) return;
        this.findPending = false;
        this.toolbar.setFindError(error instanceof Error ? error.message : String(error));
      },
    );
  }

  private showFound(found: Int32Array): void {
    this.matches = inTreeOrder(found, this.data.tree);
    this.currentMatch = -1;
    this.showMatches();
    const direction = this.stepWhenFound;
    this.stepWhenFound = undefined;
    if (direction !== undefined) this.step(direction);
  }

  /** Highlights a given set of spans as if they were find results (a warning's "Show spans"). */
  private spotlight(spanIndices: readonly number[], label: string): void {
    this.findGeneration++;
    this.findPending = false;
    this.stepWhenFound = undefined;
    this.matches = inTreeOrder(Int32Array.from(spanIndices.filter((index) => this.data.has(index))), this.data.tree);
    this.matchLabel = label;
    this.state.find = '';
    this.toolbar.findInput.value = '';
    this.tabs.selectedIndex = 0;
    this.currentMatch = -1;
    this.showMatches();
    this.step(1);
  }

  private showMatches(): void {
    const mask = new Uint8Array(this.data.count);
    for (const match of this.matches) mask[match] = 1;
    this.applyFilter();
    this.timeline.setMatches(mask, this.matches[this.currentMatch] ?? -1);
    this.toolbar.setCount(this.currentMatch, this.matches.length, this.state.find, this.matchLabel);
  }

  private applyFilter(): void {
    const active = this.state.filterToMatches && (this.state.find !== '' || this.matchLabel !== undefined);
    this.data.rows.setFilter(active ? matchFilter(this.data.tree, this.matches) : undefined);
    this.timeline.rowsChanged();
  }

  private step(direction: 1 | -1): void {
    if (this.findPending) {
      this.stepWhenFound = direction;
      return;
    }
    const next = stepMatch(this.matches, this.data.tree, this.selected, direction);
    if (next < 0) return;
    this.currentMatch = next;
    const span = this.matches[next] ?? -1;
    this.select(span, true);
    const mask = new Uint8Array(this.data.count);
    for (const match of this.matches) mask[match] = 1;
    this.timeline.setMatches(mask, span);
    this.toolbar.setCount(this.currentMatch, this.matches.length, this.state.find, this.matchLabel);
  }

  private restoreCollapsed(): void {
    if (this.state.allCollapsed) {
      this.data.rows.setAllCollapsed(true);
      return;
    }
    const indices = this.state.collapsedSpanIds
      .map((id) => this.data.tree.indexOf(id))
      .filter((index): index is number => index !== undefined);
    if (indices.length > 0) this.data.rows.restoreCollapsed(indices);
  }

  private splitter(): HTMLElement {
    const handle = element('div', {
      className: 'detail-splitter',
      attributes: { role: 'separator', 'aria-orientation': 'vertical', 'aria-label': 'Resize span details' },
    });
    handle.addEventListener('pointerdown', (event) => {
      handle.setPointerCapture(event.pointerId);
      const move = (moveEvent: PointerEvent): void => {
        const bounds = this.split.getBoundingClientRect();
        this.state.detailWidth = Math.round(Math.min(bounds.width * 0.7, Math.max(240, bounds.right - moveEvent.clientX)));
        this.split.style.setProperty('--detail-width', `${this.state.detailWidth}px`);
      };
      const up = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        this.timeline.layout();
        this.scheduleSave();
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      event.preventDefault();
    });
    return handle;
  }

  /**
   * Saves the view: at once for a deliberate change (VS Code may discard the page any moment after, when the panel
   * is hidden), a moment later while scrolling goes on.
   */
  private scheduleSave(later = false): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!later) {
      this.events.stateChanged(this.snapshot());
      return;
    }
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.events.stateChanged(this.snapshot());
    }, 200);
  }

  private collapseState(): Pick<TraceViewState, 'collapsedSpanIds' | 'allCollapsed'> {
    const collapsed = this.data.rows.collapsedSpans();
    const tooMany = collapsed.length > maxSavedCollapsed;
    return {
      collapsedSpanIds: tooMany ? [] : collapsed.map((index) => this.data.spanId(index)).filter((id) => id !== ''),
      allCollapsed: tooMany,
    };
  }

  /** The view as it is now: what a new document of the same trace should open with. */
  currentState(): TraceViewState {
    return this.snapshot();
  }

  /** Saves any pending change now (the page is about to go). */
  flushState(): void {
    if (this.saveTimer !== undefined) this.scheduleSave();
  }

  private snapshot(): TraceViewState {
    this.savedCollapse ??= this.collapseState();
    return {
      ...this.state,
      ...this.savedCollapse,
      // The whole trace is saved as no window, so that a trace that grows stays shown whole.
      window: this.timeline.zoomed ? this.timeline.timeWindow : undefined,
      criticalPath: this.timeline.criticalPathShown,
      scrollTop: this.timeline.scrollTop,
      nameColumnPercent: this.timeline.nameColumn,
    };
  }
}
