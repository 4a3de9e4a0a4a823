import { formatCount, formatDuration, formatTimestamp } from '../../../src/core/viewer/layout/format';
import type { TraceSummary } from '../../../src/core/viewer/protocol';
import { sortResults, type ResultSortKey, type SortDirection } from '../../../src/core/viewer/results';
import { element, icon } from '../dom';

const columns: readonly (readonly [ResultSortKey, string, boolean])[] = [
  ['service', 'Root service and operation', false],
  ['spans', 'Spans', true],
  ['errors', 'Errors', true],
  ['duration', 'Duration', true],
  ['start', 'Started', true],
  ['services', 'Services', false],
];

export interface ResultsTableEvents {
  open(traceId: string): void;
  sorted(key: ResultSortKey, direction: SortDirection): void;
}

/** The search results as a table sortable by every column; each row opens its trace. */
export class ResultsTable {
  readonly element: HTMLTableElement;
  private results: readonly TraceSummary[] = [];

  constructor(
    private sortKey: ResultSortKey,
    private sortDirection: SortDirection,
    private readonly events: ResultsTableEvents,
  ) {
    this.element = element('table', { className: 'results-table', attributes: { 'aria-label': 'Traces found' } });
  }

  show(results: readonly TraceSummary[]): void {
    this.results = results;
    this.render();
  }

  private render(): void {
    const head = element('tr');
    for (const [key, label, numeric] of columns) {
      const sorted = key === this.sortKey;
      const button = element('button', { className: 'sort-button', text: label });
      if (sorted) button.append(icon(this.sortDirection === 'ascending' ? 'arrow-up' : 'arrow-down', 'sort-icon'));
      button.addEventListener('click', () => {
        this.sortDirection = sorted ? (this.sortDirection === 'ascending' ? 'descending' : 'ascending') : numeric ? 'descending' : 'ascending';
        this.sortKey = key;
        this.events.sorted(this.sortKey, this.sortDirection);
        this.render();
      });
      head.append(
        element(
          'th',
          { className: numeric ? 'numeric' : '', attributes: { scope: 'col', 'aria-sort': sorted ? this.sortDirection : 'none' } },
          button,
        ),
      );
    }
    const body = element('tbody');
    for (const result of sortResults(this.results, this.sortKey, this.sortDirection)) body.append(this.row(result));
    this.element.replaceChildren(element('thead', {}, head), body);
  }

  private row(result: TraceSummary): HTMLTableRowElement {
    const open = element('button', {
      className: 'link-button trace-link',
      text: `${result.rootService}: ${result.rootOperation}`,
      title: `Open trace ${result.traceId}`,
    });
    open.addEventListener('click', () => {
      this.events.open(result.traceId);
    });
    const name = element('td', {}, open, element('div', { className: 'trace-id-small', text: result.traceId }));
    if (result.broken) {
      name.append(
        element('span', { className: 'badge broken-badge', text: 'broken', title: result.broken, attributes: { 'aria-label': `broken: ${result.broken}` } }),
      );
    }
    const services = element('td', { className: 'service-list' });
    for (const service of result.services) {
      services.append(
        element('span', {
          className: `service-pill${service.errors > 0 ? ' has-errors' : ''}`,
          text: `${service.service} (${formatCount(service.spans)})`,
        }),
      );
    }
    return element(
      'tr',
      { attributes: { 'data-trace-id': result.traceId } },
      name,
      element('td', { className: 'numeric', text: formatCount(result.spanCount) }),
      element('td', { className: `numeric${result.errorCount > 0 ? ' has-errors' : ''}`, text: formatCount(result.errorCount) }),
      element('td', { className: 'numeric', text: formatDuration(result.durationNs) }),
      element('td', { className: 'numeric', text: formatTimestamp(result.startNs) }),
      services,
    );
  }
}
