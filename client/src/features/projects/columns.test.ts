// The exported budget says its currency: the screen writes it with the amount ("US$1.8M"), a
// spreadsheet gets the number and, beside it, the ISO 4217 code (as IATI's value@currency does).
import { type ColumnDef, createTable, getCoreRowModel } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { expect, test } from 'vitest';
import { hiddenColumns, readShownTable } from '../../components/data-table';
import { type CountryRow, countryColumns } from '../programme/columns';
import { projectColumns } from './columns';
import type { ProjectSummary } from './queries';

const t = ((key: string) => key) as unknown as TFunction;

function exported<Row>(columns: ColumnDef<Row, unknown>[], data: Row[]) {
  const table = createTable<Row>({
    data,
    columns,
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
  });
  table.setOptions((previous) => ({
    ...previous,
    state: { ...table.initialState, columnVisibility: hiddenColumns(columns) },
  }));
  return { drawn: table.getVisibleLeafColumns().map((column) => column.id), ...readShownTable(table, t, 'en') };
}

const upala: ProjectSummary = {
  code: 'CRI-UPALA',
  name: 'Upala: migrants’ rights in the cantonal plan',
  description: '',
  illustrative: false,
  country: { code: 'CRI', name: 'Costa Rica' },
  leadUnit: { code: 'CRI-upala', name: 'Upala' },
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  budget: 1_150_000,
  currency: 'EUR',
  status: 2,
  iatiIdentifier: null,
  themes: [],
  coveredUnitCount: 1,
};

test('projects: each budget with its own project’s currency, in a column only the export has', () => {
  const { drawn, header, rows } = exported(projectColumns as ColumnDef<ProjectSummary, unknown>[], [upala]);
  expect(drawn).not.toContain('currency');
  expect(header).toEqual([
    'columns.project',
    'columns.country',
    'columns.dates',
    'columns.budget',
    'columns.currency',
    'columns.status',
  ]);
  expect(rows[0]?.slice(3, 5)).toEqual([1_150_000, 'EUR']);
});

test('countries: the budget in the programme’s currency', () => {
  const row: CountryRow = {
    code: 'CRI',
    name: 'Costa Rica',
    projects: 2,
    municipalities: 11,
    budget: 1_770_000,
    currency: 'USD',
  };
  const { drawn, header, rows } = exported(countryColumns as ColumnDef<CountryRow, unknown>[], [row]);
  expect(drawn).toEqual(['name', 'projects', 'municipalities', 'budget']);
  expect(header.slice(-2)).toEqual(['columns.budget', 'columns.currency']);
  expect(rows).toEqual([['Costa Rica', 2, 11, 1_770_000, 'USD']]);
});
