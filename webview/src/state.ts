import type { Lookback, TraceRef } from '../../src/core/viewer/protocol';
import { lookbackChoices } from '../../src/core/viewer/protocol';
import { resultSortKeys, type ResultSortKey, type SortDirection } from '../../src/core/viewer/results';
import type { TimeWindow } from '../../src/core/viewer/layout/timeScale';
import { vscodeApi } from './vscodeApi';

/**
 * What the viewer remembers across hiding and reloading (VS Code keeps it with the panel): the search form,
 * and for the open trace only a reference plus view settings — the host loads the trace again.
 */
export interface SearchFormState {
  sourceId?: string;
  service?: string;
  operation?: string;
  tags: string;
  lookback: Lookback | 'custom';
  customStart: string;
  customEnd: string;
  minDuration: string;
  maxDuration: string;
  limit: number;
  sortKey: ResultSortKey;
  sortDirection: SortDirection;
}

export interface TraceViewState {
  ref: TraceRef;
  selectedSpanId?: string;
  /** Spans the user collapsed, up to a cap; `allCollapsed` stands in when there are more. */
  collapsedSpanIds: string[];
  allCollapsed: boolean;
  window?: TimeWindow;
  criticalPath: boolean;
  find: string;
  filterToMatches: boolean;
  tab: 'timeline' | 'statistics';
  scrollTop: number;
  nameColumnPercent: number;
  detailWidth: number;
}

export interface ViewerState {
  version: 1;
  page: 'search' | 'trace';
  search: SearchFormState;
  trace?: TraceViewState;
  colors: Record<string, number>;
}

export const maxSavedCollapsed = 5_000;

export function defaultSearch(): SearchFormState {
  return {
    tags: '',
    lookback: '1h',
    customStart: '',
    customEnd: '',
    minDuration: '',
    maxDuration: '',
    limit: 20,
    sortKey: 'start',
    sortDirection: 'descending',
  };
}

export function defaultTraceView(ref: TraceRef): TraceViewState {
  return {
    ref,
    collapsedSpanIds: [],
    allCollapsed: false,
    criticalPath: false,
    find: '',
    filterToMatches: false,
    tab: 'timeline',
    scrollTop: 0,
    nameColumnPercent: 35,
    detailWidth: 380,
  };
}

/** The saved state, or a fresh one when there is none or it is from another version of the viewer. */
export function loadState(): ViewerState {
  const saved = vscodeApi.getState() as Partial<ViewerState> | undefined;
  if (saved?.version !== 1 || typeof saved.search !== 'object') {
    return { version: 1, page: 'search', search: defaultSearch(), colors: {} };
  }
  const search = { ...defaultSearch(), ...saved.search };
  if (!(lookbackChoices as readonly string[]).includes(search.lookback) && search.lookback !== 'custom') search.lookback = '1h';
  if (!(resultSortKeys as readonly string[]).includes(search.sortKey)) search.sortKey = 'start';
  return {
    version: 1,
    page: saved.page === 'trace' && saved.trace ? 'trace' : 'search',
    search,
    ...(saved.trace ? { trace: { ...defaultTraceView(saved.trace.ref), ...saved.trace } } : {}),
    colors: saved.colors ?? {},
  };
}

/** Hands the state to VS Code, which keeps it with the panel (cheap: the state is small). */
export function saveState(state: ViewerState): void {
  vscodeApi.setState(state);
}
