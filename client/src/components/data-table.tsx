// The one table component. Features declare their columns at module scope and pass rows in;
// sorting is client-side because every table here shows one already-bounded API response.
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableProps<Row> {
  data: Row[];
  // TanStack's own idiom: a column list mixes value types (string, number, …) per column.
  // biome-ignore lint/suspicious/noExplicitAny: ColumnDef is contravariant in its value type.
  columns: ColumnDef<Row, any>[];
  /** Names the table for assistive technology; shown only when `showCaption` is set. */
  caption: string;
  showCaption?: boolean;
  getRowId?: (row: Row) => string;
}

export function DataTable<Row>({ data, columns, caption, showCaption = false, getRowId }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const captionId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(getRowId ? { getRowId: (row: Row) => getRowId(row) } : {}),
  });

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
