import type { RowModel } from './rows';

/**
 * Keyboard navigation in the timeline, following the WAI-ARIA tree pattern: arrows move, Right expands or enters
 * the first child, Left collapses or goes to the parent, Home/End/Page keys jump, Space toggles, `*` expands the
 * selected span's subtree level below, Enter opens the span's code, `/` starts find, `+` `-` `0` zoom.
 */
export type TimelineCommand =
  | 'up'
  | 'down'
  | 'first'
  | 'last'
  | 'pageUp'
  | 'pageDown'
  | 'right'
  | 'left'
  | 'toggle'
  | 'expandChildren'
  | 'openCode'
  | 'find'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset';

const keyCommands: Readonly<Record<string, TimelineCommand>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  ArrowRight: 'right',
  ArrowLeft: 'left',
  ' ': 'toggle',
  '*': 'expandChildren',
  Enter: 'openCode',
  '/': 'find',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'zoomReset',
};

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The command a key press means, or undefined for keys the timeline leaves alone (shortcuts with modifiers). */
export function commandForKey(event: KeyInput): TimelineCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return keyCommands[event.key];
}

/** What a command does: which span to select, and whether to expand, collapse or open one. */
export interface NavigationEffect {
  readonly select?: number;
  readonly expand?: number;
  readonly collapse?: number;
  readonly expandChildren?: number;
  readonly openCode?: number;
  readonly find?: true;
  readonly zoom?: 'in' | 'out' | 'reset';
}

/** The effect of `command` with `current` selected (-1 for none), `pageSize` rows per page. */
export function navigate(rows: RowModel, current: number, command: TimelineCommand, pageSize: number): NavigationEffect {
  if (command === 'find') return { find: true };
  if (command === 'zoomIn') return { zoom: 'in' };
  if (command === 'zoomOut') return { zoom: 'out' };
  if (command === 'zoomReset') return { zoom: 'reset' };
  if (rows.length === 0) return {};
  const row = current >= 0 ? rows.rowOf(current) : -1;
  const at = (target: number): NavigationEffect => ({ select: rows.spanAt(Math.min(rows.length - 1, Math.max(0, target))) });
  if (row < 0) return command === 'last' ? at(rows.length - 1) : at(0);
  switch (command) {
    case 'up':
      return at(row - 1);
    case 'down':
      return at(row + 1);
    case 'first':
      return at(0);
    case 'last':
      return at(rows.length - 1);
    case 'pageUp':
      return at(row - pageSize);
    case 'pageDown':
      return at(row + pageSize);
    case 'right':
      if (!rows.hasChildren(current)) return {};
      return rows.isCollapsed(current) ? { expand: current } : at(row + 1);
    case 'left': {
      if (rows.hasChildren(current) && !rows.isCollapsed(current)) return { collapse: current };
      const parent = rows.tree.parent[current] ?? -1;
      return parent >= 0 && rows.rowOf(parent) >= 0 ? { select: parent } : {};
    }
    case 'toggle':
      if (!rows.hasChildren(current)) return {};
      return rows.isCollapsed(current) ? { expand: current } : { collapse: current };
    case 'expandChildren':
      return rows.hasChildren(current) ? { expandChildren: current } : {};
    case 'openCode':
      return { openCode: current };
  }
}
