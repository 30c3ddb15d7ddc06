// The explorer's table: TanStack Table with grouping, sorting and column filters, its rows
// virtualised (only the rows in view are in the DOM, so 10,000+ rows scroll smoothly). Table state
// comes from the URL and goes back to it; the export reads the same row model the screen shows.
import {
  type AggregationFnOption,
  type Column,
  type ColumnDef,
  createColumnHelper,
  type ExpandedState,
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type Row,
  type Table,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import type { Cell, ExportTable } from '../../lib/export';
import { formatIndicatorValue } from '../../lib/format';
import { type ExplorerRow, type GroupAggregation, ratioOf, type TableState } from './pivot';
import { type ExplorerColumn, GROUPABLE_COLUMNS, NUMBER_FILTER_COLUMNS } from './search';

const ROW_HEIGHT = 36;

const column = createColumnHelper<ExplorerRow>();

function Heading({ id }: { id: ExplorerColumn }) {
  const { t } = useTranslation();
  return <>{t(`explorer.column.${id}`)}</>;
}

function NumberCell({ value }: { value: unknown }) {
  const locale = useLocale();
  return <>{typeof value === 'number' && Number.isFinite(value) ? formatIndicatorValue(value, locale) : '–'}</>;
}

const textColumn = (id: 'unit' | 'parent' | 'kind' | 'period' | 'option' | 'status' | 'comment') =>
  column.accessor(id, {
    header: () => <Heading id={id} />,
    filterFn: 'includesString',
    enableGrouping: (GROUPABLE_COLUMNS as readonly string[]).includes(id),
    aggregationFn: undefined,
    cell: ({ getValue }) => {
      const value = getValue();
      return id === 'comment' && value ? <span title={value}>{value}</span> : value;
    },
    meta: { exportHeader: (t) => t(`explorer.column.${id}`) },
  });

const numberColumn = (id: 'value' | 'numerator' | 'denominator', aggregation: AggregationFnOption<ExplorerRow>) =>
  column.accessor(id, {
    header: () => <Heading id={id} />,
    filterFn: 'inNumberRange',
    enableGrouping: false,
    aggregationFn: aggregation,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
    aggregatedCell: ({ getValue }) => <NumberCell value={getValue()} />,
    meta: { numeric: true, exportHeader: (t) => t(`explorer.column.${id}`) },
  });

/** Columns for an indicator's group aggregation (the value column sums, averages or divides). */
// TanStack's own idiom: a column list mixes value types (string, number) per column.
// biome-ignore lint/suspicious/noExplicitAny: ColumnDef is contravariant in its value type.
export type ExplorerColumnDef = ColumnDef<ExplorerRow, any>;

export function explorerColumns(aggregation: GroupAggregation): ExplorerColumnDef[] {
  const valueAggregation: AggregationFnOption<ExplorerRow> =
    aggregation === 'ratio' ? (_id, leafRows) => ratioOf(leafRows.map((row) => row.original)) : aggregation;
  return [
    textColumn('unit'),
    textColumn('parent'),
    textColumn('kind'),
    textColumn('period'),
    textColumn('option'),
    numberColumn('value', valueAggregation),
    numberColumn('numerator', 'sum'),
    numberColumn('denominator', 'sum'),
    textColumn('status'),
    textColumn('comment'),
  ];
}

/** Exactly what the table shows: visible columns; group rows (their value and aggregates) and expanded rows. */
export function readExplorerTable(table: Table<ExplorerRow>, t: TFunction): ExportTable {
  const columns = table.getVisibleLeafColumns();
  const cellOf = (row: Row<ExplorerRow>, id: string): Cell => {
    if (row.getIsGrouped()) {
      if (row.groupingColumnId === id) return String(row.groupingValue ?? '');
      const definition = table.getColumn(id)?.columnDef;
      if (!definition?.aggregationFn) return null;
    }
    const value = row.getValue(id);
    return typeof value === 'number' || typeof value === 'string' ? value : null;
  };
  return {
    header: columns.map((col) => col.columnDef.meta?.exportHeader?.(t) ?? col.id),
    rows: table.getRowModel().rows.map((row) => columns.map((col) => cellOf(row, col.id))),
  };
}

/** The grouping and the column filters in force, for the export's "About" sheet. */
export function describeTableState(state: TableState, t: TFunction): [string, string][] {
  const label = (id: string) => t(`explorer.column.${id as ExplorerColumn}`);
  const described: [string, string][] = [];
  if (state.grouping.length > 0) described.push([t('explorer.groupBy'), state.grouping.map(label).join(', ')]);
  for (const { id, value } of state.columnFilters) {
    const column = label(id);
    if (typeof value === 'string') described.push([t('explorer.filterColumn', { column }), value]);
    if (!Array.isArray(value)) continue;
    const [min, max] = value as unknown[];
    if (typeof min === 'number') described.push([t('explorer.filterMin', { column }), String(min)]);
    if (typeof max === 'number') described.push([t('explorer.filterMax', { column }), String(max)]);
  }
  return described;
}

function ColumnFilter({ column: col }: { column: Column<ExplorerRow, unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const label = t(`explorer.column.${col.id as ExplorerColumn}`);
  if ((NUMBER_FILTER_COLUMNS as readonly string[]).includes(col.id)) {
    const [min, max] = (col.getFilterValue() as [number | undefined, number | undefined] | undefined) ?? [];
    const set = (bound: 0 | 1, text: string) => {
      const next: [number | undefined, number | undefined] = [min, max];
      next[bound] = text === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
      col.setFilterValue(next[0] === undefined && next[1] === undefined ? undefined : next);
    };
    return (
      <div className="range-filter">
        <label className="visually-hidden" htmlFor={`${id}-min`}>
          {t('explorer.filterMin', { column: label })}
        </label>
        <input
          id={`${id}-min`}
          type="number"
          inputMode="decimal"
          placeholder={t('explorer.min')}
          value={min ?? ''}
          onChange={(event) => set(0, event.target.value)}
        />
        <label className="visually-hidden" htmlFor={`${id}-max`}>
          {t('explorer.filterMax', { column: label })}
        </label>
        <input
          id={`${id}-max`}
          type="number"
          inputMode="decimal"
          placeholder={t('explorer.max')}
          value={max ?? ''}
          onChange={(event) => set(1, event.target.value)}
        />
      </div>
    );
  }
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {t('explorer.filterColumn', { column: label })}
      </label>
      <input
        id={id}
        type="search"
        value={(col.getFilterValue() as string | undefined) ?? ''}
        onChange={(event) => col.setFilterValue(event.target.value || undefined)}
      />
    </>
  );
}

export function PivotTable({
  rows,
  columns,
  state,
  onStateChange,
  caption,
  renderTools,
}: {
  rows: ExplorerRow[];
  columns: ExplorerColumnDef[];
  state: TableState;
  onStateChange: (state: TableState) => void;
  caption: string;
  /** Counts, expand buttons and export, drawn above the table from its current state. */
  renderTools: (table: Table<ExplorerRow>) => ReactNode;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const scrollRef = useRef<HTMLElement>(null);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const grouping = state.grouping.join(',');
  // A new grouping starts collapsed: expanded ids of the old one mean nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the grouping changes
  useEffect(() => setExpanded({}), [grouping]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { ...state, expanded },
    onGroupingChange: (updater) =>
      onStateChange({ ...state, grouping: typeof updater === 'function' ? updater(state.grouping) : updater }),
    onSortingChange: (updater) =>
      onStateChange({ ...state, sorting: typeof updater === 'function' ? updater(state.sorting) : updater }),
    onColumnFiltersChange: (updater) =>
      onStateChange({
        ...state,
        columnFilters: typeof updater === 'function' ? updater(state.columnFilters) : updater,
      }),
    onColumnVisibilityChange: (updater) =>
      onStateChange({
        ...state,
        columnVisibility: typeof updater === 'function' ? updater(state.columnVisibility) : updater,
      }),
    onExpandedChange: setExpanded,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    // Group rows stay where sorting puts them; their leaves appear under them when expanded.
    groupedColumnMode: false,
    autoResetExpanded: false,
  });

  const shown = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns();
  const headerRows = 2;

  return (
    <>
      {renderTools(table)}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard. */}
      <section ref={scrollRef} className="pivot-scroll" tabIndex={0} aria-labelledby={captionId}>
        <table className="data-table pivot-table" aria-rowcount={shown.length + headerRows}>
          <caption id={captionId} className="visually-hidden">
            {caption}. {t('explorer.tableHint')}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      data-column={header.column.id}
                      scope="col"
                      className={header.column.columnDef.meta?.numeric ? 'numeric' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                        {sorted ? (
                          <span className="visually-hidden">
                            {sorted === 'asc' ? t('common.sortAscending') : t('common.sortDescending')}
                          </span>
                        ) : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
            <tr className="filter-row" aria-rowindex={2}>
              {visibleColumns.map((col) => (
                <td key={col.id}>
                  <ColumnFilter column={col} />
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr className="virtual-spacer">
                <td colSpan={visibleColumns.length} style={{ height: paddingTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = shown[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + headerRows + 1}
                  className={row.getIsGrouped() ? 'group-row' : undefined}
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getVisibleCells().map((cell) => {
                    const numeric = cell.column.columnDef.meta?.numeric;
                    if (cell.getIsGrouped()) {
                      return (
                        <td key={cell.id} style={{ paddingInlineStart: `${0.75 + row.depth * 1.25}rem` }}>
                          <button
                            type="button"
                            className="group-toggle"
                            aria-expanded={row.getIsExpanded()}
                            onClick={row.getToggleExpandedHandler()}
                          >
                            <span aria-hidden="true">{row.getIsExpanded() ? '▾' : '▸'}</span>{' '}
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}{' '}
                            <span className="muted">({row.getLeafRows().length})</span>
                          </button>
                        </td>
                      );
                    }
                    if (cell.getIsAggregated()) {
                      return (
                        <td key={cell.id} className={numeric ? 'numeric aggregated' : undefined}>
                          {flexRender(
                            cell.column.columnDef.aggregatedCell ?? cell.column.columnDef.cell,
                            cell.getContext(),
                          )}
                        </td>
                      );
                    }
                    if (cell.getIsPlaceholder()) return <td key={cell.id} />;
                    return (
                      <td key={cell.id} className={numeric ? 'numeric' : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr className="virtual-spacer">
                <td colSpan={visibleColumns.length} style={{ height: paddingBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
    </>
  );
}
