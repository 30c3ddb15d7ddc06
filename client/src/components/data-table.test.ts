import {
  type ColumnDef,
  createColumnHelper,
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type TableState,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { expect, test } from 'vitest';
import { hiddenColumns, readShownTable } from './data-table';

interface Row {
  code: string;
  name: string;
  budget: number;
}

const column = createColumnHelper<Row>();
const columns = [
  // A row's controls (buttons, a checkbox) have no value: not data, so not exported.
  column.display({ id: 'select', header: () => null }),
  column.accessor('name', { meta: { exportHeader: () => 'Country' } }),
  column.accessor('code', {}),
  column.accessor('budget', { meta: { exportHeader: () => 'Budget', exportValue: (row) => row.budget / 1000 } }),
] as ColumnDef<Row, unknown>[];

const data: Row[] = [
  { code: 'PHL', name: 'Philippines', budget: 2_700_000 },
  { code: 'SEN', name: 'Senegal', budget: 2_000_000 },
  { code: 'CRI', name: 'Costa Rica', budget: 1_800_000 },
  { code: 'SLV', name: 'El Salvador', budget: 1_400_000 },
];

function tableWith(state: Partial<TableState>) {
  const table = createTable<Row>({
    data,
    columns,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, ...state } }));
  return table;
}

const t = ((key: string) => key) as unknown as TFunction;

test('exports the rows left by the filter, in the order sorted, with export headers and values', () => {
  const table = tableWith({ globalFilter: 'al', sorting: [{ id: 'budget', desc: false }] });
  expect(readShownTable(table, t, 'en')).toEqual({
    header: ['Country', 'code', 'Budget'],
    rows: [
      ['El Salvador', 'SLV', 1400],
      ['Senegal', 'SEN', 2000],
    ],
  });
});

test('an export value may use the interface language', () => {
  const localised = [
    column.accessor('budget', {
      meta: { exportValue: (row, _t, locale) => new Intl.NumberFormat(locale).format(row.budget) },
    }),
  ] as ColumnDef<Row, unknown>[];
  const table = createTable<Row>({
    data: data.slice(0, 1),
    columns: localised,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
  });
  table.setOptions((previous) => ({ ...previous, state: table.initialState }));
  expect(readShownTable(table, t, 'es').rows).toEqual([['2.700.000']]);
});

test('hidden columns are not exported', () => {
  const table = tableWith({ columnVisibility: { code: false }, sorting: [{ id: 'name', desc: true }] });
  const shown = readShownTable(table, t, 'en');
  expect(shown.header).toEqual(['Country', 'Budget']);
  expect(shown.rows.map((row) => row[0])).toEqual(['Senegal', 'Philippines', 'El Salvador', 'Costa Rica']);
});

test('an export-only column is not drawn but exported in its place', () => {
  const withCurrency = [
    column.accessor('name', { meta: { exportHeader: () => 'Country' } }),
    column.accessor('budget', { meta: { exportHeader: () => 'Budget' } }),
    column.accessor(() => 'USD', { id: 'currency', meta: { exportOnly: true, exportHeader: () => 'Currency' } }),
    column.accessor('code', { meta: { exportOnly: true } }),
  ] as ColumnDef<Row, unknown>[];
  const columnVisibility = hiddenColumns(withCurrency);
  expect(columnVisibility).toEqual({ currency: false, code: false });
  const table = createTable<Row>({
    data: data.slice(0, 1),
    columns: withCurrency,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
  });
  table.setOptions((previous) => ({ ...previous, state: { ...table.initialState, columnVisibility } }));
  expect(table.getVisibleLeafColumns().map((shown) => shown.id)).toEqual(['name', 'budget']);
  expect(readShownTable(table, t, 'en')).toEqual({
    header: ['Country', 'Budget', 'Currency', 'code'],
    rows: [['Philippines', 2_700_000, 'USD', 'PHL']],
  });
});
