// The arithmetic of the explorer's virtualised table body: only the rows in view (and a few either
// side) are in the document, between two empty rows that stand in for the rest, so the table keeps
// its full height and the scroll bar its meaning. Pure, so it is tested without a browser.

/**
 * Rows drawn beyond the visible ones on each side. They cover what the compositor scrolls into view
 * before the page has drawn it (144 px: a wheel notch or a page-down step in one frame); each one
 * more is work on every frame of a fast scroll (8 cost ~25 % more main-thread time a frame than 4
 * when flinging through 12,000 rows, measured with the bench's frames section).
 */
export const OVERSCAN_ROWS = 4;

/** A drawn row's place, as @tanstack/react-virtual's getVirtualItems() gives it (px from the top). */
export interface RowSpan {
  index: number;
  start: number;
  end: number;
}

/** Heights of the stand-in rows above and below the drawn ones; 0 where none is needed. */
export function spacerHeights(drawn: readonly RowSpan[], totalHeight: number): { above: number; below: number } {
  const first = drawn[0];
  const last = drawn.at(-1);
  if (!first || !last) return { above: 0, below: Math.max(0, totalHeight) };
  return { above: Math.max(0, first.start), below: Math.max(0, totalHeight - last.end) };
}

/** aria-rowindex of the body row at `index` (0-based in the row model): 1-based, after the header rows. */
export function bodyRowIndex(index: number, headerRows: number): number {
  return headerRows + index + 1;
}

/** aria-rowcount of the whole table: every row of the row model, drawn or not, and the header rows. */
export function tableRowCount(rows: number, headerRows: number): number {
  return headerRows + rows;
}
