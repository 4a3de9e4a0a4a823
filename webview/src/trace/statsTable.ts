import { formatCount, formatDuration } from '../../../src/core/viewer/layout/format';
import type { GroupStats } from '../../../src/core/analysis/types';
import { element } from '../dom';

type Column = 'name' | 'count' | 'errors' | 'totalNs' | 'selfNs' | 'averageNs' | 'p95Ns';

/** The figure a column shows for a row (the average is derived: total over count). */
function figure(stats: GroupStats, column: Exclude<Column, 'name'>): number {
  return column === 'averageNs' ? (stats.count > 0 ? stats.totalNs / stats.count : 0) : stats[column];
}

const columns: readonly (readonly [Column, string])[] = [
  ['name', 'Service / operation'],
  ['count', 'Count'],
  ['errors', 'Errors'],
  ['totalNs', 'Total'],
  ['selfNs', 'Self time'],
  ['averageNs', 'Average'],
  ['p95Ns', 'P95'],
];

/**
 * Statistics per service and, under each, per operation: count, errors, total, self time, average, p95.
 * Click a header to sort (services by their totals, operations within their service). Built the first time it is
 * shown: a big trace can have thousands of operations, which the timeline should not wait for.
 */
export class StatsTable {
  readonly element: HTMLElement;
  private sortColumn: Column = 'totalNs';
  private descending = true;

  private rendered = false;

  constructor(private readonly stats: readonly GroupStats[]) {
    this.element = element('section', { className: 'stats', attributes: { 'aria-label': 'Statistics per service and operation' } });
  }

  /** Builds the table if it has not been built yet. */
  show(): void {
    if (this.rendered) return;
    this.rendered = true;
    this.render();
  }

  private render(): void {
    if (this.stats.length === 0) {
      this.element.replaceChildren(element('p', { className: 'muted', text: 'No statistics for this trace.' }));
      return;
    }
    const head = element('tr');
    for (const [column, label] of columns) {
      const sorted = column === this.sortColumn;
      const button = element('button', { className: 'sort-button', text: label });
      button.addEventListener('click', () => {
        this.descending = column === this.sortColumn ? !this.descending : column !== 'name';
        this.sortColumn = column;
        this.render();
      });
      head.append(
        element(
          'th',
          {
            className: column === 'name' ? '' : 'numeric',
            attributes: { scope: 'col', 'aria-sort': sorted ? (this.descending ? 'descending' : 'ascending') : 'none' },
          },
          button,
        ),
      );
    }
    const body = element('tbody');
    for (const [service, operations] of this.grouped()) {
      body.append(this.row(service, true));
      for (const operation of operations) body.append(this.row(operation, false));
    }
    this.element.replaceChildren(element('table', { className: 'stats-table' }, element('thead', {}, head), body));
  }

  private grouped(): [GroupStats, GroupStats[]][] {
    const services = this.stats.filter((stat) => stat.operation === undefined);
    const byService = new Map<string, GroupStats[]>();
    for (const stat of this.stats) {
      if (stat.operation === undefined) continue;
      const list = byService.get(stat.service) ?? [];
      list.push(stat);
      byService.set(stat.service, list);
    }
    const compare = (a: GroupStats, b: GroupStats): number => {
      const sign = this.descending ? -1 : 1;
      const byName = a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? '');
      if (this.sortColumn === 'name') return sign * byName;
      return sign * (figure(a, this.sortColumn) - figure(b, this.sortColumn)) || byName;
    };
    return services.sort(compare).map((service) => [service, (byService.get(service.service) ?? []).sort(compare)]);
  }

  private row(stat: GroupStats, isService: boolean): HTMLElement {
    const name = isService ? stat.service : (stat.operation ?? '');
    return element(
      'tr',
      { className: isService ? 'service-row' : 'operation-row' },
      element('th', { attributes: { scope: 'row' }, text: name }),
      element('td', { className: 'numeric', text: formatCount(stat.count) }),
      element('td', { className: `numeric ${stat.errors > 0 ? 'has-errors' : ''}`.trim(), text: formatCount(stat.errors) }),
      element('td', { className: 'numeric', text: formatDuration(stat.totalNs) }),
      element('td', { className: 'numeric', text: formatDuration(stat.selfNs) }),
      element('td', { className: 'numeric', text: formatDuration(figure(stat, 'averageNs')) }),
      element('td', { className: 'numeric', text: formatDuration(stat.p95Ns) }),
    );
  }
}
