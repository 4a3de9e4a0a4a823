import { ServiceColors } from '../../src/core/viewer/layout/serviceColors';
import type { HostMessage, TraceDocument, TraceMessage, TraceRef } from '../../src/core/viewer/protocol';
import { element, icon } from './dom';
import { HostRequests } from './hostRequests';
import { SearchView } from './search/searchView';
import { defaultTraceView, loadState, saveState, type TraceViewState, type ViewerState } from './state';
import { TraceView } from './trace/traceView';
import { newRequestId, postToHost } from './vscodeApi';

/** Marks the viewer sets so that benchmarks (and curious users, in the webview devtools) can time it. */
export const marks = { arrived: 'trace-arrived', rendered: 'timeline-rendered', measure: 'trace-to-timeline' } as const;

/**
 * The viewer: a Search tab and a Trace tab. Routes host messages to them, keeps the saved state current, and on
 * start asks the host to load again the trace it showed before it was hidden or reloaded.
 */
export class ViewerApp {
  private readonly state: ViewerState = loadState();
  private readonly colors = new ServiceColors(this.state.colors);
  private readonly tabs: HTMLElementTagNameMap['vscode-tabs'];
  private readonly search: SearchView;
  private readonly tracePanel: HTMLElementTagNameMap['vscode-tab-panel'];
  private readonly version: HTMLElement;
  private traceView: TraceView | undefined;
  private traceRequest = -1;
  /** The trace tab says a file is being read (until its trace arrives, or its traces are listed in Search). */
  private readingFile = false;
  private readonly requests = new HostRequests();

  constructor(root: HTMLElement) {
    this.search = new SearchView(this.state.search, {
      openTrace: (ref) => {
        this.openTrace(ref);
      },
      changed: () => {
        this.save();
      },
    });
    this.tracePanel = element('vscode-tab-panel', { className: 'trace-panel' }, this.noTracePlaceholder());
    this.tabs = element(
      'vscode-tabs',
      { className: 'app-tabs' },
      element('vscode-tab-header', { attributes: { slot: 'header' }, text: 'Search' }),
      element('vscode-tab-header', { attributes: { slot: 'header' }, text: 'Trace' }),
      element('vscode-tab-panel', { className: 'search-panel' }, this.search.element),
      this.tracePanel,
    );
    this.tabs.selectedIndex = this.state.page === 'trace' ? 1 : 0;
    this.tabs.addEventListener('vsc-tabs-select', () => {
      this.state.page = this.tabs.selectedIndex === 1 ? 'trace' : 'search';
      this.save();
    });
    this.version = element('span', { className: 'version' });
    root.replaceChildren(this.tabs);
    // VS Code discards a hidden panel's page: whatever is still waiting to be saved is saved first.
    window.addEventListener('pagehide', () => {
      this.traceView?.flushState();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.traceView?.flushState();
    });
    this.search.element.querySelector('.empty-state')?.append(this.version);
  }

  /** The handshake: tells the host the webview listens and which trace to load again, if any. */
  start(): void {
    const restore = this.state.trace?.ref;
    if (restore) this.showLoading('Loading trace…', restore.traceId);
    postToHost(restore ? { type: 'ready', restore } : { type: 'ready' });
  }

  handle(message: HostMessage): void {
    if (this.requests.settle(message)) return;
    switch (message.type) {
      case 'welcome':
        this.version.textContent = `Trace Stitch ${message.extensionVersion}`;
        break;
      case 'sources':
        this.search.setSources(message.sources);
        break;
      case 'showSearch':
        if (this.readingFile) {
          // The file held several traces: they are listed in Search, none is open.
          this.tracePanel.replaceChildren(this.noTracePlaceholder());
          this.readingFile = false;
        }
        this.tabs.selectedIndex = 0;
        this.search.showSource(message.sourceId);
        break;
      case 'services':
        this.search.onServices(message);
        break;
      case 'operations':
        this.search.onOperations(message);
        break;
      case 'searchResults':
        if (message.requestId === undefined) this.tabs.selectedIndex = 0;
        this.search.onResults(message);
        break;
      case 'traceLoading':
        this.traceRequest = -1;
        this.showLoading('Loading trace…', message.ref.traceId);
        break;
      case 'fileLoading':
        this.traceRequest = -1;
        this.showLoading('Reading trace file…', message.fileName);
        this.readingFile = true;
        break;
      case 'trace':
        if (message.update) this.updateTrace(message.document);
        else void this.showTrace(message);
        break;
      case 'spanDetail':
      case 'findResults':
        // The answer to a request of a trace view that is gone.
        break;
      case 'requestFailed':
        this.failed(message.requestId, message.message);
        break;
    }
  }

  private openTrace(ref: TraceRef, focusSpanId?: string): void {
    this.traceRequest = newRequestId();
    this.showLoading('Loading trace…', ref.traceId);
    postToHost({ type: 'openTrace', requestId: this.traceRequest, ref, ...(focusSpanId ? { focusSpanId } : {}) });
  }

  private async showTrace(message: TraceMessage): Promise<void> {
    if (message.requestId !== undefined && message.requestId !== this.traceRequest) return;
    const traceDocument = message.document;
    const previous = this.state.trace;
    const sameTrace = previous !== undefined && sameRef(previous.ref, traceDocument.ref);
    this.state.page = 'trace';
    await this.present(traceDocument, sameTrace ? previous : defaultTraceView(traceDocument.ref), message.focusSpanId, true);
  }

  /**
   * The trace on show gained spans: shows the new document in its place with the view as the user left it (scroll
   * position, selection, collapsed spans, zoom, find), without switching tabs or taking the focus.
   */
  private updateTrace(traceDocument: TraceDocument): void {
    const view = this.traceView;
    if (!view || !sameRef(view.data.document.ref, traceDocument.ref)) return;
    const hadFocus = view.element.contains(document.activeElement);
    void this.present(traceDocument, view.currentState(), undefined, hadFocus);
  }

  private async present(traceDocument: TraceDocument, viewState: TraceViewState, focusSpanId: string | undefined, takeFocus: boolean): Promise<void> {
    performance.mark(marks.arrived);
    this.readingFile = false;
    this.state.trace = viewState;
    this.traceView?.dispose();
    const view = new TraceView(traceDocument, viewState, this.colors, {
      copy: (what, text) => {
        postToHost({ type: 'copy', what, text });
      },
      openCode: (ref, spanId) => {
        postToHost({ type: 'openCode', ref, spanId });
      },
      loadSpan: (ref, spanIndex, spanId) => this.requests.spanDetail(ref, spanIndex, spanId),
      find: (ref, query) => this.requests.find(ref, query),
      openCallSite: (ref, warningIndex) => {
        postToHost({ type: 'openCallSite', ref, warningIndex });
      },
      openTrace: (ref, focusSpan) => {
        this.openTrace(ref, focusSpan);
      },
      stateChanged: (state) => {
        if (this.traceView === view) {
          this.state.trace = state;
          this.save();
        }
      },
    });
    this.traceView = view;
    this.tracePanel.replaceChildren(view.element);
    if (this.state.page === 'trace') this.tabs.selectedIndex = 1;
    await this.tabs.updateComplete;
    view.mount(focusSpanId);
    if (takeFocus) view.focusTimeline();
    this.state.colors = this.colors.snapshot();
    this.save();
    afterNextPaint(() => {
      performance.mark(marks.rendered);
      performance.measure(marks.measure, marks.arrived, marks.rendered);
      this.tracePanel.dataset.renderedTrace = traceDocument.traceId;
      this.tracePanel.dataset.renderedSpans = String(traceDocument.spans.count);
    });
  }

  private failed(requestId: number | undefined, text: string): void {
    if (this.search.onFailure(requestId, text)) return;
    if (requestId === undefined || requestId === this.traceRequest) {
      this.readingFile = false;
      this.traceView?.dispose();
      this.traceView = undefined;
      this.tracePanel.replaceChildren(this.placeholder('The trace could not be loaded', text, 'error'));
    }
  }

  private showLoading(title: string, detail: string): void {
    // The view it replaces is done with: live updates of its trace must not bring it back.
    this.traceView?.dispose();
    this.traceView = undefined;
    this.readingFile = false;
    this.tracePanel.replaceChildren(this.placeholder(title, detail, 'loading', true));
    this.tabs.selectedIndex = 1;
  }

  private noTracePlaceholder(): HTMLElement {
    return this.placeholder('No trace open', 'Pick one from the search results, or open a trace file.');
  }

  private placeholder(title: string, detail: string, codicon = 'pulse', spin = false): HTMLElement {
    return element(
      'div',
      { className: 'empty-state', attributes: { role: 'status' } },
      icon(codicon, `empty-state-icon${spin ? ' codicon-modifier-spin' : ''}`),
      element('h1', { text: title }),
      element('p', { text: detail }),
    );
  }

  private save(): void {
    saveState(this.state);
  }
}

function sameRef(a: TraceRef, b: TraceRef): boolean {
  return a.sourceId === b.sourceId && a.traceId === b.traceId;
}

/** Runs `callback` after the browser has painted the next frame (a message posted from rAF arrives after paint). */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      callback();
    };
    channel.port2.postMessage(null);
  });
}
