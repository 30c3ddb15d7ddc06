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
import {
  defaultRangeExtractor,
  observeElementRect,
  type Range,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import {
  createContext,
  memo,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import type { Cell, ExportTable } from '../../lib/export';
import { formatIndicatorValue } from '../../lib/format';
import { DEFAULT_LOCALE, type Locale } from '../../lib/locale';
import { type ExplorerRow, type GroupAggregation, ratioOf, type TableState } from './pivot';
import { type ExplorerColumn, GROUPABLE_COLUMNS, NUMBER_FILTER_COLUMNS } from './search';
import {
  bodyLayout,
  bodyRowIndex,
  OVERSCAN_ROWS,
  scrollingOverscan,
  tableRowCount,
  type ViewRange,
  withKeptRow,
} from './virtual-rows';

const ROW_HEIGHT = 36;
/** The column names, then the column filters. */
const HEADER_ROWS = 2;

const column = createColumnHelper<ExplorerRow>();

function Heading({ id }: { id: ExplorerColumn }) {
  const { t } = useTranslation();
  return <>{t(`explorer.column.${id}`)}</>;
}

/**
 * formatIndicatorValue's rule — whole numbers as such, fractions to two decimals — with its two
 * formatters made once per locale rather than once per cell: scrolling draws hundreds of cells a
 * second, and making an Intl.NumberFormat costs far more than using one.
 */
export function indicatorValueFormatter(locale: Locale): (value: number) => string {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const fraction = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => (Number.isInteger(value) ? whole : fraction).format(value);
}

/**
 * The number cells' formatter, given once by the table in the interface locale: a cell that asked
 * i18next for the locale itself would subscribe to it on every mount.
 */
const CellFormat = createContext<(value: number) => string>((value) => formatIndicatorValue(value, DEFAULT_LOCALE));

function NumberCell({ value }: { value: unknown }) {
  const format = useContext(CellFormat);
  return <>{typeof value === 'number' && Number.isFinite(value) ? format(value) : '–'}</>;
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
  const locale = useLocale();
  const formatValue = useMemo(() => indicatorValueFormatter(locale), [locale]);
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
  const visibleColumns = table.getVisibleLeafColumns();

  return (
    <>
      {renderTools(table)}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard. */}
      <section ref={scrollRef} className="pivot-scroll" tabIndex={0} aria-labelledby={captionId}>
        <table className="data-table pivot-table" aria-rowcount={tableRowCount(shown.length, HEADER_ROWS)}>
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
          <CellFormat.Provider value={formatValue}>
            <VirtualBody rows={shown} columnCount={visibleColumns.length} scrollRef={scrollRef} />
          </CellFormat.Provider>
        </table>
      </section>
    </>
  );
}

/**
 * The height rows can be seen in: the scrolling box's, less its sticky header rows. The body starts
 * below the header and scrolls under it, so told the box's full height the virtualizer would draw a
 * header's height of rows (two, of eighteen) below the bottom of the view, on every frame.
 */
function observeBodyRect(
  instance: Virtualizer<HTMLElement, Element>,
  onRect: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, ({ width, height }) => {
    const header = instance.scrollElement?.querySelector('thead')?.offsetHeight ?? 0;
    onRect({ width, height: Math.max(0, height - header) });
  });
}

/**
 * The rows in view and two stand-ins for the rest. The virtualizer's scroll state lives here, so a
 * scroll redraws the body only, not the headers, filters and tools above it.
 */
function VirtualBody({
  rows,
  columnCount,
  scrollRef,
}: {
  rows: Row<ExplorerRow>[];
  columnCount: number;
  scrollRef: RefObject<HTMLElement | null>;
}) {
  // The row holding keyboard focus (a group toggle) stays drawn when it scrolls out of view: unmounted,
  // its button would take the focus with it to the page body.
  // Kept by id: expanding or collapsing a group above it moves its index.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focused = useMemo(() => {
    if (focusedId === null) return null;
    const index = rows.findIndex((row) => row.id === focusedId);
    return index < 0 ? null : index;
  }, [rows, focusedId]);
  // The virtualizer is one object for the component's life; it re-renders the body when a scroll
  // starts or stops, so its state read here is current.
  const instance = useRef<Virtualizer<HTMLElement, Element> | null>(null);
  const scrolling = instance.current?.isScrolling ?? false;
  const lastView = useRef<ViewRange | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const last = lastView.current;
      lastView.current = range;
      const overscan = scrolling ? scrollingOverscan(range, last) : range.overscan;
      return withKeptRow(defaultRangeExtractor({ ...range, overscan }), focused, range.count);
    },
    [focused, scrolling],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    rangeExtractor,
    observeElementRect: observeBodyRect,
  });
  instance.current = virtualizer;
  const drawn = virtualizer.getVirtualItems();
  const byIndex = new Map(drawn.map((item) => [item.index, item]));
  return (
    <tbody
      onFocus={(event) => setFocusedId((event.target as HTMLElement).closest('tr')?.dataset.rowId ?? null)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
      }}
    >
      {bodyLayout(drawn, virtualizer.getTotalSize()).map((part) => {
        if (part.kind === 'gap') return <Spacer key={part.key} height={part.height} columnCount={columnCount} />;
        const row = rows[part.index];
        return row && byIndex.has(part.index) ? (
          <PivotRow
            key={row.id}
            row={row}
            cells={row.getVisibleCells()}
            rowIndex={bodyRowIndex(part.index, HEADER_ROWS)}
            expanded={row.getIsExpanded()}
          />
        ) : null;
      })}
    </tbody>
  );
}

/** Stands in for rows not drawn; not a row of the table for assistive technology. */
function Spacer({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty row, nothing in it can take focus.
    <tr className="virtual-spacer" aria-hidden="true">
      <td colSpan={columnCount} style={{ height }} />
    </tr>
  );
}

/**
 * One body row. Memoised: while the table scrolls, rows that stay in view are not drawn again. Its
 * props are everything it shows — the row, its visible cells (a new array when columns are shown or
 * hidden), its place and whether it is expanded (table state the row object does not carry).
 */
const PivotRow = memo(function PivotRow({
  row,
  cells,
  rowIndex,
  expanded,
}: {
  row: Row<ExplorerRow>;
  cells: ReturnType<Row<ExplorerRow>['getVisibleCells']>;
  rowIndex: number;
  expanded: boolean;
}) {
  return (
    <tr
      data-row-id={row.id}
      aria-rowindex={rowIndex}
      className={row.getIsGrouped() ? 'group-row' : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      {cells.map((cell) => {
        const numeric = cell.column.columnDef.meta?.numeric;
        if (cell.getIsGrouped()) {
          return (
            <td key={cell.id} style={{ paddingInlineStart: `${0.75 + row.depth * 1.25}rem` }}>
              <button
                type="button"
                className="group-toggle"
                aria-expanded={expanded}
                onClick={row.getToggleExpandedHandler()}
              >
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
                {flexRender(cell.column.columnDef.cell, cell.getContext())}{' '}
                <span className="muted">({row.getLeafRows().length})</span>
              </button>
            </td>
          );
        }
        if (cell.getIsAggregated()) {
          return (
            <td key={cell.id} className={numeric ? 'numeric aggregated' : undefined}>
              {flexRender(cell.column.columnDef.aggregatedCell ?? cell.column.columnDef.cell, cell.getContext())}
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
});
