import type {
  OperationsMessage,
  SearchResultsMessage,
  ServicesMessage,
  SourceInfo,
  TraceRef,
} from '../../../src/core/viewer/protocol';
import { element, icon } from '../dom';
import type { SearchFormState } from '../state';
import { newRequestId, postToHost } from '../vscodeApi';
import { ResultsTable } from './resultsTable';
import { ScatterPlot } from './scatterPlot';
import { SearchForm } from './searchForm';

export interface SearchViewEvents {
  openTrace(ref: TraceRef): void;
  changed(): void;
}

/**
 * The search page: the form on the left; on the right the scatter plot and the sortable results. Answers that
 * arrive for an older request than the latest one are dropped.
 */
export class SearchView {
  readonly element: HTMLElement;
  private readonly form: SearchForm;
  private readonly table: ResultsTable;
  private readonly scatter: ScatterPlot;
  private readonly summary: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly emptyState: HTMLElement;
  private servicesRequest = -1;
  private operationsRequest = -1;
  private searchRequest = -1;
  private resultsSourceId: string | undefined;

  constructor(
    private readonly state: SearchFormState,
    private readonly events: SearchViewEvents,
  ) {
    this.form = new SearchForm(state, {
      sourceChanged: (sourceId) => {
        this.servicesRequest = newRequestId();
        postToHost({ type: 'listServices', requestId: this.servicesRequest, sourceId });
      },
      serviceChanged: (sourceId, service) => {
        this.operationsRequest = newRequestId();
        postToHost({ type: 'listOperations', requestId: this.operationsRequest, sourceId, service });
      },
      submit: (sourceId, query) => {
        this.searchRequest = newRequestId();
        this.form.setBusy(true);
        this.summary.textContent = 'Searching…';
        postToHost({ type: 'search', requestId: this.searchRequest, sourceId, query });
      },
      changed: () => {
        this.events.changed();
      },
    });
    const open = (traceId: string): void => {
      if (this.resultsSourceId) this.events.openTrace({ sourceId: this.resultsSourceId, traceId });
    };
    this.table = new ResultsTable(state.sortKey, state.sortDirection, {
      open,
      sorted: (key, direction) => {
        this.state.sortKey = key;
        this.state.sortDirection = direction;
        this.events.changed();
      },
    });
    this.scatter = new ScatterPlot(open);
    this.summary = element('h2', { className: 'results-summary', attributes: { 'aria-live': 'polite' } });
    this.notes = element('ul', { className: 'results-notes' });
    this.emptyState = emptyState();
    this.element = element(
      'div',
      { className: 'search-view' },
      this.form.element,
      element(
        'section',
        { className: 'results', attributes: { 'aria-label': 'Search results' } },
        this.emptyState,
        this.summary,
        this.notes,
        this.scatter.element,
        this.table.element,
      ),
    );
  }

  setSources(sources: readonly SourceInfo[]): void {
    this.form.setSources(sources);
  }

  /** The host wants a source's traces listed (a file of several traces was opened): select it and search. */
  showSource(sourceId: string): void {
    this.form.selectSource(sourceId);
  }

  onServices(message: ServicesMessage): void {
    if (message.requestId === this.servicesRequest) this.form.setServices(message.services);
  }

  onOperations(message: OperationsMessage): void {
    if (message.requestId === this.operationsRequest) this.form.setOperations(message.operations);
  }

  onResults(message: SearchResultsMessage): void {
    if (message.requestId !== undefined && message.requestId !== this.searchRequest) return;
    this.form.setBusy(false);
    this.emptyState.classList.add('hidden');
    this.resultsSourceId = message.sourceId;
    const count = message.results.length;
    this.summary.textContent = count === 0 ? 'No traces match.' : `${count} trace${count === 1 ? '' : 's'}`;
    this.notes.replaceChildren(...message.notes.map((note) => element('li', {}, icon('warning', 'warning-mark'), note)));
    this.scatter.show(message.results);
    this.table.show(message.results);
  }

  /** A request failed: show why where the user is looking. Returns whether it was one of this view's requests. */
  onFailure(requestId: number | undefined, message: string): boolean {
    if (requestId === undefined || requestId === this.searchRequest) {
      this.form.setBusy(false);
      this.form.showError(message);
      this.summary.textContent = '';
      return requestId !== undefined;
    }
    if (requestId === this.servicesRequest || requestId === this.operationsRequest) {
      this.form.showError(message);
      return true;
    }
    return false;
  }
}

/** What the results side shows before the first search: the ways to get traces in. */
function emptyState(): HTMLElement {
  const button = (label: string, codicon: string, command: 'openTraceFile' | 'connectJaeger' | 'openTraceById', secondary: boolean): HTMLElement => {
    const control = element('vscode-button', { text: label, attributes: secondary ? { secondary: '' } : {} });
    control.icon = codicon;
    control.addEventListener('click', () => {
      postToHost({ type: 'runCommand', command });
    });
    return control;
  };
  return element(
    'div',
    { className: 'empty-state' },
    icon('pulse', 'empty-state-icon'),
    element('h1', { text: 'No trace loaded' }),
    element('p', {
      text: 'Open a Jaeger, OTLP or Zipkin trace file, connect to Jaeger, or send traces to the built-in receiver, then search.',
    }),
    element(
      'div',
      { className: 'empty-actions' },
      button('Open Trace File…', 'go-to-file', 'openTraceFile', false),
      button('Connect to Jaeger…', 'plug', 'connectJaeger', true),
      button('Open Trace by ID…', 'symbol-key', 'openTraceById', true),
    ),
  );
}
