// The indicator explorer's URL state: what is fetched (indicator, unit, periods) and how the pivot
// shows it (grouping, sort, column filters, hidden columns), so a shared link reproduces the table
// exactly — and an export of "what is shown" is the same for everyone who opens it.
// `/explorer?indicator=MIG_SERVED&unit=PH-05&from=2025Q1&to=2025Q4&group=unit&sort=-value&f_option=female&f_value=10..`
import {
  compactSearch,
  type PeriodRange,
  readCode,
  readList,
  readRange,
  readSort,
  readText,
  sortParam,
} from '../analytics/search';

export const EXPLORER_COLUMNS = [
  'unit',
  'parent',
  'kind',
  'period',
  'option',
  'value',
  'numerator',
  'denominator',
  'status',
  'comment',
] as const;
export type ExplorerColumn = (typeof EXPLORER_COLUMNS)[number];

export const GROUPABLE_COLUMNS = ['unit', 'parent', 'kind', 'period', 'option', 'status'] as const;
export const TEXT_FILTER_COLUMNS = ['unit', 'parent', 'kind', 'period', 'option', 'status', 'comment'] as const;
export const NUMBER_FILTER_COLUMNS = ['value', 'numerator', 'denominator'] as const;

type TextFilterKey = `f_${(typeof TEXT_FILTER_COLUMNS)[number]}`;
type NumberFilterKey = `f_${(typeof NUMBER_FILTER_COLUMNS)[number]}`;

export type ExplorerSearch = PeriodRange & {
  indicator?: string;
  /** Whose subtree: a unit code; absent for the whole programme. */
  unit?: string;
  /** Grouping columns, outermost first: `period,unit`. */
  group?: string;
  sort?: string;
  /** Hidden columns: `parent,kind`. */
  hide?: string;
} & Partial<Record<TextFilterKey | NumberFilterKey, string>>;

/** `10..50`, `10..` or `..50` (a lone number means "at least"); normalised, or undefined. */
export function readNumberRange(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}..`;
  if (typeof value !== 'string') return undefined;
  const match = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  let [min, max] = [match[1], match[2]];
  if (min !== undefined && max !== undefined && Number(min) > Number(max)) [min, max] = [max, min];
  return `${min ?? ''}..${max ?? ''}`;
}

/** The numeric bounds of a range filter, for TanStack's `inNumberRange`. */
export function boundsOf(range: string | undefined): [number | undefined, number | undefined] {
  if (!range) return [undefined, undefined];
  const [min = '', max = ''] = range.split('..');
  return [min === '' ? undefined : Number(min), max === '' ? undefined : Number(max)];
}

export function parseExplorerSearch(search: Record<string, unknown>): ExplorerSearch {
  const filters: Partial<Record<TextFilterKey | NumberFilterKey, string>> = {};
  for (const column of TEXT_FILTER_COLUMNS) filters[`f_${column}`] = readText(search[`f_${column}`], 60);
  for (const column of NUMBER_FILTER_COLUMNS) filters[`f_${column}`] = readNumberRange(search[`f_${column}`]);
  const hidden = readList(search.hide, EXPLORER_COLUMNS);
  return compactSearch({
    indicator: readCode(search.indicator),
    unit: readCode(search.unit),
    ...readRange(search),
    group: readList(search.group, GROUPABLE_COLUMNS)?.join(','),
    sort: sortParam(readSort(search.sort, EXPLORER_COLUMNS)),
    // Hiding every column would leave nothing to show or export.
    hide: hidden && hidden.length < EXPLORER_COLUMNS.length ? hidden.join(',') : undefined,
    ...filters,
  });
}
