import { describe, expect, test } from 'vitest';
import { compareQuarterIds, isQuarterId, quartersBetween, shiftQuarter } from './quarters';

describe('shiftQuarter', () => {
  test.each([
    ['2026Q3', -7, '2024Q4'],
    ['2025Q1', -1, '2024Q4'],
    ['2025Q4', 1, '2026Q1'],
    ['2025Q2', 0, '2025Q2'],
    ['2025Q5', 1, null],
    ['nonsense', 1, null],
  ])('%s %d → %s', (id, offset, expected) => {
    expect(shiftQuarter(id, offset)).toBe(expected);
  });
});

test.each([
  ['2025Q3', '2026Q1', ['2025Q3', '2025Q4', '2026Q1']],
  ['2025Q3', '2025Q3', ['2025Q3']],
  ['2026Q1', '2025Q3', []],
  ['2025', '2026Q1', []],
])('quartersBetween(%s, %s)', (from, to, expected) => {
  expect(quartersBetween(from, to)).toEqual(expected);
});

test.each([
  ['2025Q4', '2026Q1', -1],
  ['2026Q1', '2025Q4', 1],
  ['2025Q2', '2025Q2', 0],
])('compareQuarterIds(%s, %s) = %d', (a, b, expected) => {
  expect(compareQuarterIds(a, b)).toBe(expected);
});

test.each([
  ['2025Q1', true],
  ['2025q1', false],
  ['2025Q0', false],
  [2025, false],
  [null, false],
])('isQuarterId(%j) = %s', (value, expected) => {
  expect(isQuarterId(value)).toBe(expected);
});
