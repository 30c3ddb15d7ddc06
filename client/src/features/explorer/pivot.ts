// The explorer's data and table state, as pure functions: data values joined to names, the group
// aggregation each indicator type allows, and the URL ↔ TanStack Table state mapping.
import type { ColumnFiltersState, GroupingState, SortingState, VisibilityState } from '@tanstack/react-table';
import { readSort, sortParam } from '../analytics/search';
import {
  boundsOf,
  EXPLORER_COLUMNS,
  type ExplorerColumn,
  type ExplorerSearch,
  NUMBER_FILTER_COLUMNS,
  TEXT_FILTER_COLUMNS,
} from './search';

export interface DataValue {
  orgUnit: string;
  period: string;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  reportStatus: string | null;
}

export interface UnitName {
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface ExplorerRow {
  id: string;
  unitCode: string;
  unit: string;
  parent: string;
  kind: string;
  period: string;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  status: string;
  comment: string;
}

export interface RowLabels {
  kind: (kind: string) => string;
  status: (status: string | null) => string;
  option: (code: string) => string;
}

/** A label function that asks once per distinct code: 10,000 rows hold a handful of kinds and statuses. */
function cached<K, V>(label: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, label(key));
    return seen.get(key) as V;
  };
}

export function toExplorerRows(
  values: readonly DataValue[],
  units: ReadonlyMap<string, UnitName>,
  rowLabels: RowLabels,
): ExplorerRow[] {
  const labels: RowLabels = {
    kind: cached(rowLabels.kind),
    status: cached(rowLabels.status),
    option: cached(rowLabels.option),
  };
  return values.map((value) => {
    const unit = units.get(value.orgUnit);
    const parent = unit?.parentCode ? units.get(unit.parentCode) : undefined;
    return {
      id: `${value.orgUnit}|${value.period}|${value.option}`,
      unitCode: value.orgUnit,
      unit: unit?.name ?? value.orgUnit,
      parent: parent?.name ?? unit?.parentCode ?? '',
      kind: unit ? labels.kind(unit.kind) : '',
      period: value.period,
      option: labels.option(value.option),
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      status: labels.status(value.reportStatus),
      comment: value.comment ?? '',
    };
  });
}

export type GroupAggregation = 'sum' | 'mean' | 'max' | 'ratio';

/**
 * How a group row sums up its values. Raw values, not the official aggregates (those follow each
 * type's rules across units and quarters, in the dashboards): sums add, maxima take the largest,
 * ratios divide the summed numerator by the summed denominator, everything else is a plain mean.
 */
export function groupAggregation(aggregationType: string): GroupAggregation {
  if (aggregationType === 'sum') return 'sum';
  if (aggregationType === 'max') return 'max';
  if (aggregationType === 'ratio') return 'ratio';
  return 'mean';
}

/** Σ numerator / Σ denominator × 100 over the rows that have both; null without a denominator. */
export function ratioOf(rows: readonly Pick<ExplorerRow, 'numerator' | 'denominator'>[]): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    if (row.numerator === null || row.denominator === null) continue;
    numerator += row.numerator;
    denominator += row.denominator;
  }
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

export interface TableState {
  grouping: GroupingState;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  columnVisibility: VisibilityState;
}

export function tableStateFromSearch(search: ExplorerSearch): TableState {
  const columnFilters: ColumnFiltersState = [];
  for (const column of TEXT_FILTER_COLUMNS) {
    const value = search[`f_${column}`];
    if (value) columnFilters.push({ id: column, value });
  }
  for (const column of NUMBER_FILTER_COLUMNS) {
    const value = search[`f_${column}`];
    if (value) columnFilters.push({ id: column, value: boundsOf(value) });
  }
  const hidden = new Set(search.hide?.split(',') ?? []);
  return {
    grouping: search.group?.split(',') ?? [],
    sorting: readSort(search.sort, EXPLORER_COLUMNS) ?? [],
    columnFilters,
    columnVisibility: Object.fromEntries(EXPLORER_COLUMNS.map((column) => [column, !hidden.has(column)])),
  };
}

function rangeText(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const [min, max] = value as [unknown, unknown];
  const text = (bound: unknown) => (typeof bound === 'number' && Number.isFinite(bound) ? String(bound) : '');
  return text(min) === '' && text(max) === '' ? undefined : `${text(min)}..${text(max)}`;
}

/** The search parameters that describe a table state; undefined clears a parameter. */
export function searchFromTableState(state: TableState): Partial<ExplorerSearch> {
  const filters: Partial<ExplorerSearch> = {};
  for (const column of TEXT_FILTER_COLUMNS) {
    const value = state.columnFilters.find((filter) => filter.id === column)?.value;
    filters[`f_${column}`] = typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
  for (const column of NUMBER_FILTER_COLUMNS) {
    filters[`f_${column}`] = rangeText(state.columnFilters.find((filter) => filter.id === column)?.value);
  }
  const hidden = EXPLORER_COLUMNS.filter((column: ExplorerColumn) => state.columnVisibility[column] === false);
  return {
    group: state.grouping.length ? state.grouping.join(',') : undefined,
    sort: sortParam(state.sorting),
    hide: hidden.length ? hidden.join(',') : undefined,
    ...filters,
  };
}
