import { childCount, type SpanTree } from './spanTree';

/**
 * The timeline's visible rows: the span tree in depth-first order, minus the descendants of collapsed spans and,
 * when a filter is set, minus spans outside it. Collapse state is one byte per span.
 */
export class RowModel {
  private readonly collapsed: Uint8Array;
  private filter: Uint8Array | undefined;
  private rowSpans = new Int32Array(0);
  private readonly spanRows: Int32Array;

  constructor(readonly tree: SpanTree) {
    this.collapsed = new Uint8Array(tree.size);
    this.spanRows = new Int32Array(tree.size);
    this.flatten();
  }

  /** Number of visible rows. */
  get length(): number {
    return this.rowSpans.length;
  }

  /** The span shown on `row`, or -1 past the end. */
  spanAt(row: number): number {
    return this.rowSpans[row] ?? -1;
  }

  /** The row showing `span`, or -1 when it is hidden. */
  rowOf(span: number): number {
    return this.spanRows[span] ?? -1;
  }

  hasChildren(span: number): boolean {
    return childCount(this.tree, span) > 0;
  }

  isCollapsed(span: number): boolean {
    return this.collapsed[span] === 1;
  }

  /** Collapses or expands one span. */
  setCollapsed(span: number, collapsed: boolean): void {
    if (!this.hasChildren(span)) return;
    this.collapsed[span] = collapsed ? 1 : 0;
    this.flatten();
  }

  toggle(span: number): void {
    this.setCollapsed(span, !this.isCollapsed(span));
  }

  /** Expands `span` and collapses (or expands) each of its children, showing exactly one level below it. */
  setChildrenCollapsed(span: number, collapsed: boolean): void {
    const { childStart, children } = this.tree;
    this.collapsed[span] = 0;
    for (let c = childStart[span] ?? 0; c < (childStart[span + 1] ?? 0); c++) {
      const child = children[c] ?? 0;
      if (this.hasChildren(child)) this.collapsed[child] = collapsed ? 1 : 0;
    }
    this.flatten();
  }

  /** Collapses every span with children (only roots stay visible), or expands everything. */
  setAllCollapsed(collapsed: boolean): void {
    if (!collapsed) {
      this.collapsed.fill(0);
    } else {
      const { childStart } = this.tree;
      for (let span = 0; span < this.tree.size; span++) {
        this.collapsed[span] = (childStart[span + 1] ?? 0) > (childStart[span] ?? 0) ? 1 : 0;
      }
    }
    this.flatten();
  }

  /** Expands every ancestor of `span` so that it gets a row (unless the filter hides it). */
  reveal(span: number): void {
    let changed = false;
    for (let p = this.tree.parent[span] ?? -1; p >= 0; p = this.tree.parent[p] ?? -1) {
      if (this.collapsed[p] === 1) {
        this.collapsed[p] = 0;
        changed = true;
      }
    }
    if (changed) this.flatten();
  }

  /**
   * Shows only spans whose flag is set in `mask` (one byte per span), or everything when undefined. A span whose
   * flag is clear hides its whole subtree, so a mask must include the ancestors of every span it wants shown.
   */
  setFilter(mask: Uint8Array | undefined): void {
    this.filter = mask;
    this.flatten();
  }

  get filtered(): boolean {
    return this.filter !== undefined;
  }

  /** The ids of collapsed spans, for saving the view. */
  collapsedSpans(): number[] {
    const result: number[] = [];
    this.collapsed.forEach((flag, span) => {
      if (flag === 1) result.push(span);
    });
    return result;
  }

  /** Replaces the whole collapse state at once (restoring a saved view). */
  restoreCollapsed(spans: Iterable<number>): void {
    this.collapsed.fill(0);
    for (const span of spans) if (span >= 0 && span < this.tree.size && this.hasChildren(span)) this.collapsed[span] = 1;
    this.flatten();
  }

  private flatten(): void {
    const { tree, collapsed, filter } = this;
    const { childStart, children, roots } = tree;
    const rows = new Int32Array(tree.size);
    this.spanRows.fill(-1);
    let count = 0;
    const stack: number[] = [];
    for (let r = roots.length - 1; r >= 0; r--) stack.push(roots[r] ?? 0);
    for (let span = stack.pop(); span !== undefined; span = stack.pop()) {
      if (filter && filter[span] !== 1) continue;
      this.spanRows[span] = count;
      rows[count++] = span;
      if (collapsed[span] === 1) continue;
      const from = childStart[span] ?? 0;
      for (let c = (childStart[span + 1] ?? 0) - 1; c >= from; c--) stack.push(children[c] ?? 0);
    }
    this.rowSpans = rows.subarray(0, count);
  }
}
