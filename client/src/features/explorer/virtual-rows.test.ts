import { expect, test } from 'vitest';
import { bodyRowIndex, type RowSpan, spacerHeights, tableRowCount } from './virtual-rows';

const ROW = 36;
/** Rows `from`..`to` (inclusive) of a list of fixed-height rows, as the virtualizer places them. */
const rows = (from: number, to: number): RowSpan[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    index: from + i,
    start: (from + i) * ROW,
    end: (from + i + 1) * ROW,
  }));

test.each([
  ['the top of 10,000 rows: nothing above, the rest below', rows(0, 30), 10_000 * ROW, 0, (10_000 - 31) * ROW],
  ['the middle: both stand-ins', rows(5_000, 5_030), 10_000 * ROW, 5_000 * ROW, (10_000 - 5_031) * ROW],
  ['the end: nothing below', rows(9_969, 9_999), 10_000 * ROW, 9_969 * ROW, 0],
  ['a table shorter than the view: no stand-ins', rows(0, 4), 5 * ROW, 0, 0],
  ['nothing drawn yet: one stand-in keeps the full height', [], 10_000 * ROW, 0, 10_000 * ROW],
  ['an empty table', [], 0, 0, 0],
])('%s', (_name, drawn, total, above, below) => {
  const heights = spacerHeights(drawn, total);
  expect(heights).toEqual({ above, below });
  // Stand-ins and drawn rows together are exactly as tall as every row would be.
  const drawnHeight = drawn.reduce((sum, span) => sum + span.end - span.start, 0);
  expect(heights.above + drawnHeight + heights.below).toBe(total);
});

test('row indices count the header rows and run to the row count, whichever rows are drawn', () => {
  const headerRows = 2;
  const count = 12_345;
  expect(bodyRowIndex(0, headerRows)).toBe(3);
  expect(bodyRowIndex(count - 1, headerRows)).toBe(tableRowCount(count, headerRows));
  expect(tableRowCount(0, headerRows)).toBe(headerRows);
});
