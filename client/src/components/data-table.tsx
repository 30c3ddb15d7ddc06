// The one table component. Features declare their columns at module scope and pass rows in;
// sorting is client-side because every table here shows one already-bounded API response.
// Every table exports exactly what it shows (CSV and XLSX, the XLSX with the page's context).
// Optionally: a filter box, and sort/filter state owned by the page (so it can live in the URL).
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  type Table,
  useReactTable,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import type { Cell, ExportContext, ExportTable } from '../lib/export';
import type { Locale } from '../lib/locale';
import { ExportButtons } from './export-buttons';
import './table-tools.css';

export interface DataTableProps<Row> {
  data: Row[];
  // TanStack's own idiom: a column list mixes value types (string, number, …) per column.
  // biome-ignore lint/suspicious/noExplicitAny: ColumnDef is contravariant in its value type.
  columns: ColumnDef<Row, any>[];
  /** Names the table for assistive technology; shown only when `showCaption` is set. */
  caption: string;
  showCaption?: boolean;
  getRowId?: (row: Row) => string;
  /** Sorting owned by the page (e.g. kept in the URL); internal state when absent. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** A filter box over every text and number column; its text owned by the page. */
  filter?: { value: string; onChange: (value: string) => void };
  /**
   * The table's title and the page's filters in force (and whether its figures are approved data
   * only), for the XLSX file's "About" sheet; the filter box's text is added to it.
   */
  exportContext: ExportContext;
  /** Words for the export file name; the context's title when absent. */
  exportName?: string[];
}

/** A column's id as TanStack Table gives it: its own, else its accessor key. */
function columnIdOf<Row>(column: ColumnDef<Row, unknown>): string {
  return column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');
}

/** The columns not drawn: the export-only ones (exportOnly in their meta). */
export function hiddenColumns<Row>(columns: readonly ColumnDef<Row, unknown>[]): Record<string, boolean> {
  return Object.fromEntries(
    columns.filter((column) => column.meta?.exportOnly).map((column) => [columnIdOf(column), false]),
  );
}

/** A primitive cell value for export, whatever the column's accessor returns. */
function plainValue(value: unknown): Cell {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  return String(value);
}

/**
 * The table as shown: visible columns in order (with the export-only ones where they are declared),
 * rows after filtering and sorting. Columns with no value (a row's buttons or checkbox) are
 * controls, not data, and stay out.
 */
export function readShownTable<Row>(table: Table<Row>, t: TFunction, locale: Locale): ExportTable {
  const columns = table
    .getAllLeafColumns()
    .filter((column) => column.getIsVisible() || column.columnDef.meta?.exportOnly === true)
    .filter((column) => column.accessorFn !== undefined || column.columnDef.meta?.exportValue !== undefined);
  return {
    header: columns.map((column) => column.columnDef.meta?.exportHeader?.(t) ?? column.id),
    rows: table.getRowModel().rows.map((row) =>
      columns.map((column) => {
        const exportValue = column.columnDef.meta?.exportValue;
        return exportValue ? exportValue(row.original, t, locale) : plainValue(row.getValue(column.id));
      }),
    ),
  };
}

export function DataTable<Row>({
  data,
  columns,
  caption,
  showCaption = false,
  getRowId,
  sorting: controlledSorting,
  onSortingChange,
  filter,
  exportContext,
  exportName,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const filterId = useId();
  const [ownSorting, setOwnSorting] = useState<SortingState>([]);
  const sorting = controlledSorting ?? ownSorting;
  const columnVisibility = hiddenColumns(columns);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter?.value ?? '', columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (onSortingChange) onSortingChange(next);
      else setOwnSorting(next);
    },
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(filter ? { getFilteredRowModel: getFilteredRowModel() } : {}),
    ...(getRowId ? { getRowId: (row: Row) => getRowId(row) } : {}),
  });
  const shown = table.getRowModel().rows.length;

  return (
    <>
      <div className="table-tools">
        {filter ? (
          <div className="field table-filter">
            <label htmlFor={filterId}>{t('table.filter', { caption })}</label>
            <input
              id={filterId}
              type="search"
              value={filter.value}
              onChange={(event) => filter.onChange(event.target.value)}
            />
          </div>
        ) : null}
        {filter ? (
          <p className="toolbar-count" aria-live="polite">
            {t('table.shown', { shown, total: data.length })}
          </p>
        ) : null}
        <ExportButtons
          read={() => readShownTable(table, t, locale)}
          context={filter ? { ...exportContext, search: filter.value } : exportContext}
          name={exportName}
        />
      </div>
      <DataTableBody table={table} caption={caption} captionId={captionId} showCaption={showCaption} />
      {filter && shown === 0 && data.length > 0 ? (
        <p className="empty-state">{t('table.noMatch', { filter: filter.value })}</p>
      ) : null}
    </>
  );
}

function DataTableBody<Row>({
  table,
  caption,
  captionId,
  showCaption,
}: {
  table: Table<Row>;
  caption: string;
  captionId: string;
  showCaption: boolean;
}) {
  const { t } = useTranslation();
  return (
    // Focusable so keyboard users can scroll a wide table on a narrow screen.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId} className={showCaption ? undefined : 'visually-hidden'}>
          {caption}
          <span className="visually-hidden">. {t('common.sortHint')}</span>
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const numeric = header.column.columnDef.meta?.numeric === true;
                const label = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={numeric ? 'numeric' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                        {sorted ? (
                          <span className="visually-hidden">
                            {sorted === 'asc' ? t('common.sortAscending') : t('common.sortDescending')}
                          </span>
                        ) : null}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'numeric' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
