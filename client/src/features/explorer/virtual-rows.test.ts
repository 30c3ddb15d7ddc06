import { expect, test } from 'vitest';
import {
  type BodyPart,
  bodyLayout,
  bodyRowIndex,
  OVERSCAN_ROWS,
  type RowSpan,
  scrollingOverscan,
  tableRowCount,
  withKeptRow,
} from './virtual-rows';

const ROW = 36;
/** Rows `from`..`to` (inclusive) of a list of fixed-height rows, as the virtualizer places them. */
const rows = (from: number, to: number): RowSpan[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    index: from + i,
    start: (from + i) * ROW,
    end: (from + i + 1) * ROW,
  }));

const gapsOf = (parts: BodyPart[]) => parts.flatMap((part) => (part.kind === 'gap' ? [part.height] : []));
const drawnOf = (parts: BodyPart[]) => parts.flatMap((part) => (part.kind === 'row' ? [part.index] : []));

test.each([
  ['the top of 10,000 rows: nothing above, the rest below', rows(0, 30), 10_000 * ROW, [(10_000 - 31) * ROW]],
  ['the middle: both stand-ins', rows(5_000, 5_030), 10_000 * ROW, [5_000 * ROW, (10_000 - 5_031) * ROW]],
  ['the end: nothing below', rows(9_969, 9_999), 10_000 * ROW, [9_969 * ROW]],
  ['a table shorter than the view: no stand-ins', rows(0, 4), 5 * ROW, []],
  ['nothing drawn yet: one stand-in keeps the full height', [], 10_000 * ROW, [10_000 * ROW]],
  ['an empty table', [], 0, []],
  [
    'a focused row kept far above the view: a stand-in between it and the view',
    [...rows(3, 3), ...rows(5_000, 5_030)],
    10_000 * ROW,
    [3 * ROW, (5_000 - 4) * ROW, (10_000 - 5_031) * ROW],
  ],
])('%s', (_name, drawn, total, gaps) => {
  const parts = bodyLayout(drawn, total);
  expect(gapsOf(parts)).toEqual(gaps);
  expect(drawnOf(parts)).toEqual(drawn.map((span) => span.index));
  // Stand-ins and drawn rows together are exactly as tall as every row would be.
  const drawnHeight = drawn.reduce((sum, span) => sum + span.end - span.start, 0);
  expect(gapsOf(parts).reduce((sum, height) => sum + height, 0) + drawnHeight).toBe(total);
});

test('the focused row is drawn wherever it is, in order, once', () => {
  const range = [100, 101, 102];
  expect(withKeptRow(range, 7, 1_000)).toEqual([7, 100, 101, 102]);
  expect(withKeptRow(range, 900, 1_000)).toEqual([100, 101, 102, 900]);
  expect(withKeptRow(range, 101, 1_000)).toEqual(range);
  expect(withKeptRow(range, null, 1_000)).toEqual(range);
  // A row that no longer exists (the table shrank under a filter) is not asked for.
  expect(withKeptRow(range, 1_000, 1_000)).toEqual(range);
});

test('row indices count the header rows and run to the row count, whichever rows are drawn', () => {
  const headerRows = 2;
  const count = 12_345;
  expect(bodyRowIndex(0, headerRows)).toBe(3);
  expect(bodyRowIndex(count - 1, headerRows)).toBe(tableRowCount(count, headerRows));
  expect(tableRowCount(0, headerRows)).toBe(headerRows);
});

test.each([
  ['the first draw', { startIndex: 0, endIndex: 17 }, null, OVERSCAN_ROWS],
  [
    'a wheel notch: most rows stay in view',
    { startIndex: 4, endIndex: 21 },
    { startIndex: 0, endIndex: 17 },
    OVERSCAN_ROWS,
  ],
  ['nearly a page: one row stays', { startIndex: 17, endIndex: 34 }, { startIndex: 0, endIndex: 17 }, OVERSCAN_ROWS],
  [
    'a page or more: a fling draws no row beyond the view',
    { startIndex: 18, endIndex: 35 },
    { startIndex: 0, endIndex: 17 },
    0,
  ],
  ['the same, upwards', { startIndex: 500, endIndex: 517 }, { startIndex: 540, endIndex: 557 }, 0],
])('overscan while scrolling: %s', (_name, view, last, overscan) => {
  expect(scrollingOverscan(view, last)).toBe(overscan);
});
