import { describe, expect, test } from 'vitest';
import {
  compactSearch,
  periodsParam,
  readCode,
  readList,
  readRange,
  readSort,
  readText,
  resolveRange,
  sortParam,
} from './search';

describe('readCode', () => {
  test.each([
    ['MIG_SERVED', 'MIG_SERVED'],
    ['PHL-naga-city', 'PHL-naga-city'],
    ['PH-05', 'PH-05'],
    // The router parses `?orgUnit=1454` as a number.
    [1454, '1454'],
    [-1, undefined],
    [1.5, undefined],
    ['', undefined],
    ['../admin', undefined],
    ['PHL&x=1', undefined],
    [['PHL'], undefined],
    [{ code: 'PHL' }, undefined],
    ['x'.repeat(65), undefined],
  ])('%j → %j', (value, expected) => {
    expect(readCode(value)).toBe(expected);
  });
});

describe('readRange', () => {
  test.each([
    [{}, {}],
    [
      { from: '2025Q1', to: '2025Q4' },
      { from: '2025Q1', to: '2025Q4' },
    ],
    [
      { from: '2025Q4', to: '2025Q1' },
      { from: '2025Q1', to: '2025Q4' },
    ],
    [{ from: '2025Q1' }, { from: '2025Q1' }],
    [{ to: '2025Q1' }, { to: '2025Q1' }],
    [{ from: '2025Q5', to: 2025 }, {}],
    [{ from: '2025-01', to: '2025Q3' }, { to: '2025Q3' }],
  ])('%j → %j', (search, expected) => {
    expect(readRange(search)).toEqual(expected);
  });
});

describe('resolveRange fills the missing ends from the reporting quarter', () => {
  test.each([
    [{}, { from: '2024Q4', to: '2026Q3' }],
    [{ from: '2025Q1' }, { from: '2025Q1', to: '2026Q3' }],
    [{ to: '2025Q4' }, { from: '2024Q1', to: '2025Q4' }],
    [{ from: '2027Q1' }, { from: '2027Q1', to: '2027Q1' }],
    [
      { from: '2025Q2', to: '2025Q3' },
      { from: '2025Q2', to: '2025Q3' },
    ],
  ])('%j → %j', (range, expected) => {
    expect(resolveRange(range, '2026Q3')).toEqual(expected);
  });
});

test.each([
  [{ from: '2025Q1', to: '2025Q4' }, '2025Q1..2025Q4'],
  [{ from: '2025Q1', to: '2025Q1' }, '2025Q1'],
  [{ from: '2025Q1' }, '2025Q1'],
  [{}, undefined],
])('periodsParam(%j) = %j', (range, expected) => {
  expect(periodsParam(range)).toBe(expected);
});

test.each([
  ['  naga ', 'naga'],
  ['', undefined],
  ['   ', undefined],
  [12, '12'],
  [null, undefined],
  ['x'.repeat(150), 'x'.repeat(100)],
])('readText(%j) = %j', (value, expected) => {
  expect(readText(value)).toBe(expected);
});

test('compactSearch drops undefined, null and empty values only', () => {
  expect(compactSearch({ a: 'x', b: undefined, c: '', d: 0, e: null })).toEqual({ a: 'x', d: 0 });
});

describe('readSort', () => {
  const columns = ['name', 'value', 'progress'];
  test.each([
    ['value', [{ id: 'value', desc: false }]],
    ['-value', [{ id: 'value', desc: true }]],
    [
      '-progress,name',
      [
        { id: 'progress', desc: true },
        { id: 'name', desc: false },
      ],
    ],
    ['value,-value', [{ id: 'value', desc: false }]],
    ['budget', undefined],
    ['', undefined],
    [42, undefined],
  ])('%j → %j', (value, expected) => {
    expect(readSort(value, columns)).toEqual(expected);
  });

  test('sortParam writes what readSort reads', () => {
    const sort = [
      { id: 'progress', desc: true },
      { id: 'name', desc: false },
    ];
    expect(readSort(sortParam(sort), columns)).toEqual(sort);
    expect(sortParam([])).toBeUndefined();
  });
});

test.each([
  ['period,unit', ['period', 'unit']],
  ['unit,unit,option', ['unit', 'option']],
  ['colour,unit', ['unit']],
  ['colour', undefined],
  [['unit'], undefined],
])('readList(%j) = %j', (value, expected) => {
  expect(readList(value, ['unit', 'period', 'option'] as const)).toEqual(expected);
});
