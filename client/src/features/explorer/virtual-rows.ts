// The arithmetic of the explorer's virtualised table body: only the rows in view (and a few either
// side) are in the document, between empty rows that stand in for the rest, so the table keeps its
// full height and the scroll bar its meaning. The row holding keyboard focus stays drawn when it
// scrolls out of view (or focus would fall to the page), so the drawn rows may have a gap between
// them. Pure, so it is tested without a browser.

/**
 * Rows drawn beyond the visible ones on each side. They cover what the compositor scrolls into view
 * before the page has drawn it (144 px: a wheel notch or a page-down step in one frame); each one
 * more is work on every frame of a fast scroll (8 cost ~25 % more main-thread time a frame than 4
 * when flinging through 12,000 rows, measured with the bench's frames section).
 */
export const OVERSCAN_ROWS = 4;

/** The rows in view, first and last (0-based), as @tanstack/react-virtual's range gives them. */
export interface ViewRange {
  startIndex: number;
  endIndex: number;
}

/**
 * The overscan while a scroll is under way, given the rows in view at the last draw. A view that has
 * moved by its own height or more since (a fling, the scroll bar dragged) shares no row with the last
 * one, and at that pace will share none with the next: rows drawn beyond it would be replaced before
 * anyone sees them. Drawing them anyway was about a third of the rows, and of the work, of every frame
 * of a fling through 12,000 rows (the bench's frames section); they come back once the scroll slows.
 */
export function scrollingOverscan(view: ViewRange, last: ViewRange | null): number {
  if (last === null) return OVERSCAN_ROWS;
  const inView = view.endIndex - view.startIndex + 1;
  return Math.abs(view.startIndex - last.startIndex) >= inView ? 0 : OVERSCAN_ROWS;
}

/** A drawn row's place, as @tanstack/react-virtual's getVirtualItems() gives it (px from the top). */
export interface RowSpan {
  index: number;
  start: number;
  end: number;
}

/** The body as drawn: rows by index, and stand-ins for the rows between them (px high). */
export type BodyPart = { kind: 'row'; index: number } | { kind: 'gap'; height: number; key: string };

/**
 * The drawn rows in order, with a stand-in wherever rows are not drawn: above the first, between two
 * that are not neighbours (the kept focused row far from the view), and below the last.
 */
export function bodyLayout(drawn: readonly RowSpan[], totalHeight: number): BodyPart[] {
  const parts: BodyPart[] = [];
  let edge = 0;
  for (const span of drawn) {
    if (span.start > edge) parts.push({ kind: 'gap', height: span.start - edge, key: `gap-before-${span.index}` });
    parts.push({ kind: 'row', index: span.index });
    edge = Math.max(edge, span.end);
  }
  if (totalHeight > edge) parts.push({ kind: 'gap', height: totalHeight - edge, key: 'gap-end' });
  return parts;
}

/** The indexes to draw: the virtualizer's range, and the focused row wherever it is. */
export function withKeptRow(range: readonly number[], kept: number | null, count: number): number[] {
  if (kept === null || kept < 0 || kept >= count || range.includes(kept)) return [...range];
  return [...range, kept].sort((a, b) => a - b);
}

/** aria-rowindex of the body row at `index` (0-based in the row model): 1-based, after the header rows. */
export function bodyRowIndex(index: number, headerRows: number): number {
  return headerRows + index + 1;
}

/** aria-rowcount of the whole table: every row of the row model, drawn or not, and the header rows. */
export function tableRowCount(rows: number, headerRows: number): number {
  return headerRows + rows;
}
