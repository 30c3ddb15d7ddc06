import { describe, expect, test } from 'vitest';
import { groupAggregation, ratioOf, searchFromTableState, tableStateFromSearch, toExplorerRows } from './pivot';
import { type ExplorerSearch, parseExplorerSearch } from './search';

const labels = {
  kind: (kind: string) => `kind:${kind}`,
  status: (status: string | null) => status ?? 'none',
  option: (code: string) => (code === 'F' ? 'Female' : code),
};

test('toExplorerRows joins names, the parent and translated labels; unknown units keep their code', () => {
  const units = new Map([
    ['naga', { name: 'Naga City', kind: 'municipality', parentCode: 'PH-CAS' }],
    ['PH-CAS', { name: 'Camarines Sur', kind: 'province', parentCode: 'PH-05' }],
  ]);
  const rows = toExplorerRows(
    [
      {
        orgUnit: 'naga',
        period: '2025Q1',
        option: 'F',
        value: 4,
        numerator: null,
        denominator: null,
        comment: null,
        reportStatus: 'approved',
      },
      {
        orgUnit: 'gone',
        period: '2025Q1',
        option: 'TOTAL',
        value: 1,
        numerator: 1,
        denominator: 2,
        comment: '=x',
        reportStatus: null,
      },
    ],
    units,
    labels,
  );
  expect(rows).toEqual([
    {
      id: 'naga|2025Q1|F',
      unitCode: 'naga',
      unit: 'Naga City',
      parent: 'Camarines Sur',
      kind: 'kind:municipality',
      period: '2025Q1',
      option: 'Female',
      value: 4,
      numerator: null,
      denominator: null,
      status: 'approved',
      comment: '',
    },
    {
      id: 'gone|2025Q1|TOTAL',
      unitCode: 'gone',
      unit: 'gone',
      parent: '',
      kind: '',
      period: '2025Q1',
      option: 'TOTAL',
      value: 1,
      numerator: 1,
      denominator: 2,
      status: 'none',
      comment: '=x',
    },
  ]);
});

test.each([
  ['sum', 'sum'],
  ['max', 'max'],
  ['ratio', 'ratio'],
  ['average', 'mean'],
  ['last', 'mean'],
  ['count', 'mean'],
])('a %s indicator groups by %s', (type, expected) => {
  expect(groupAggregation(type)).toBe(expected);
});

test.each([
  [
    [
      { numerator: 1, denominator: 4 },
      { numerator: 3, denominator: 4 },
    ],
    50,
  ],
  // Never an average of the percentages (25 % and 75 % of very different bases).
  [
    [
      { numerator: 1, denominator: 100 },
      { numerator: 3, denominator: 4 },
    ],
    (4 / 104) * 100,
  ],
  [[{ numerator: null, denominator: 4 }], null],
  [[], null],
])('ratioOf(%j) = %s', (rows, expected) => {
  const result = ratioOf(rows);
  if (expected === null) expect(result).toBeNull();
  else expect(result).toBeCloseTo(expected);
});

describe('URL ↔ table state', () => {
  test('search → state', () => {
    const state = tableStateFromSearch({
      group: 'period,unit',
      sort: '-value',
      hide: 'comment',
      f_unit: 'naga',
      f_value: '10..',
    });
    expect(state.grouping).toEqual(['period', 'unit']);
    expect(state.sorting).toEqual([{ id: 'value', desc: true }]);
    expect(state.columnFilters).toEqual([
      { id: 'unit', value: 'naga' },
      { id: 'value', value: [10, undefined] },
    ]);
    expect(state.columnVisibility.comment).toBe(false);
    expect(state.columnVisibility.unit).toBe(true);
  });

  test.each<ExplorerSearch>([
    {},
    { group: 'unit', sort: 'period,-value', hide: 'parent,kind' },
    { f_option: 'Female', f_value: '..50', f_denominator: '1..2' },
  ])('state round-trips through the URL: %j', (search) => {
    const back = parseExplorerSearch(searchFromTableState(tableStateFromSearch(search)));
    expect(back).toEqual(search);
  });

  test('cleared filters and an empty range clear their parameters', () => {
    const patch = searchFromTableState({
      grouping: [],
      sorting: [],
      columnFilters: [
        { id: 'unit', value: '  ' },
        { id: 'value', value: [undefined, undefined] },
      ],
      columnVisibility: {},
    });
    expect(patch.f_unit).toBeUndefined();
    expect(patch.f_value).toBeUndefined();
    expect(patch.group).toBeUndefined();
  });
});
