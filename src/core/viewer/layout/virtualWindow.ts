/** Which rows of a virtual list are in the DOM: the ones in the viewport plus a few above and below. */

export interface RowRange {
  /** First row rendered. */
  readonly first: number;
  /** One past the last row rendered. */
  readonly end: number;
}

export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): RowRange {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const first = Math.min(rowCount, Math.max(0, top - overscan));
  const end = Math.min(rowCount, bottom + overscan);
  return { first, end: Math.max(first, end) };
}

/** The scroll position that brings `row` fully into view with the least movement, or undefined if it already is. */
export function scrollToReveal(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | undefined {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return undefined;
}

/** How many whole rows fit in the viewport (at least one), the distance Page Up/Down moves. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / Math.max(rowHeight, 1)));
}
