import {
  createTable,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type TableState,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { expect, test } from 'vitest';
import { formatIndicatorValue } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import type { ExplorerRow } from './pivot';
import { describeTableState, explorerColumns, indicatorValueFormatter, readExplorerTable } from './pivot-table';

const row = (unit: string, period: string, value: number, numerator: number, denominator: number): ExplorerRow => ({
  id: `${unit}|${period}`,
  unitCode: unit,
  unit,
  parent: 'Alajuela',
  kind: 'Municipality',
  period,
  option: 'Total',
  value,
  numerator,
  denominator,
  status: 'Approved',
  comment: '',
});

const data = [row('Upala', '2025Q1', 1, 1, 100), row('Upala', '2025Q2', 3, 3, 100), row('Guatuso', '2025Q1', 50, 1, 2)];

function pivot(aggregation: 'sum' | 'ratio', state: Partial<TableState>) {
  const table = createTable<ExplorerRow>({
    data,
    columns: explorerColumns(aggregation),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getRowId: (item) => item.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    groupedColumnMode: false,
  });
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...state } }));
  return table;
}

const t = ((key: string) => key.replace('explorer.column.', '')) as unknown as TFunction;
const visible = { parent: false, kind: false, option: false, status: false, comment: false };

test('grouped and collapsed: one row per group with the aggregate, nothing else', () => {
  const shown = readExplorerTable(
    pivot('sum', { grouping: ['unit'], columnVisibility: visible, sorting: [{ id: 'unit', desc: false }] }),
    t,
  );
  expect(shown.header).toEqual(['unit', 'period', 'value', 'numerator', 'denominator']);
  expect(shown.rows).toEqual([
    ['Guatuso', null, 50, 1, 2],
    ['Upala', null, 4, 4, 200],
  ]);
});

test('a ratio groups as Σ numerator / Σ denominator, and an expanded group shows its rows under it', () => {
  const shown = readExplorerTable(
    pivot('ratio', {
      grouping: ['unit'],
      columnVisibility: visible,
      expanded: { 'unit:Upala': true },
      sorting: [{ id: 'unit', desc: true }],
    }),
    t,
  );
  expect(shown.rows).toEqual([
    ['Upala', null, 2, 4, 200],
    ['Upala', '2025Q1', 1, 1, 100],
    ['Upala', '2025Q2', 3, 3, 100],
    ['Guatuso', null, 50, 1, 2],
  ]);
});

test('filters apply before grouping', () => {
  const shown = readExplorerTable(
    pivot('sum', { columnFilters: [{ id: 'period', value: 'Q2' }], columnVisibility: visible }),
    t,
  );
  expect(shown.rows).toEqual([['Upala', '2025Q2', 3, 3, 100]]);
});

test('describeTableState names the grouping and every column filter, each bound of a range apart', () => {
  const say = ((key: string, options?: { column?: string }) =>
    options?.column ? `${key}(${options.column})` : key.replace('explorer.column.', '')) as unknown as TFunction;
  expect(
    describeTableState(
      {
        grouping: ['unit', 'period'],
        sorting: [],
        columnVisibility: {},
        columnFilters: [
          { id: 'unit', value: 'naga' },
          { id: 'value', value: [-5, undefined] },
          { id: 'denominator', value: [undefined, 100] },
        ],
      },
      say,
    ),
  ).toEqual([
    ['explorer.groupBy', 'unit, period'],
    ['explorer.filterColumn(unit)', 'naga'],
    ['explorer.filterMin(value)', '-5'],
    ['explorer.filterMax(denominator)', '100'],
  ]);
});

test.each<Locale>(['en', 'es', 'fr'])(
  'number cells read as formatIndicatorValue writes them elsewhere (%s)',
  (locale) => {
    const format = indicatorValueFormatter(locale);
    for (const value of [0, 7, -12, 12_345, 1_234_567.891, 3.456, -0.5, 0.004, 99.999]) {
      expect(format(value)).toBe(formatIndicatorValue(value, locale));
    }
  },
);
