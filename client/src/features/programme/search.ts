// The overview's URL state: `/?indicator=MIG_SERVED&from=2025Q1&to=2026Q2&classes=ckmeans&cq=sen`.
// Parsed in one place so a shared link reproduces the same view and a hand-edited URL cannot put
// garbage into a request. Absent values mean the defaults, which the URL never spells out.
import {
  compactSearch,
  type PeriodRange,
  readCode,
  readOneOf,
  readRange,
  readSort,
  readText,
  sortParam,
} from '../analytics/search';
import { CLASS_METHODS, type ClassMethod } from '../maps/class-methods';

export const COUNTRY_SORT_COLUMNS = ['name', 'projects', 'municipalities', 'budget'] as const;
export const PROJECT_SORT_COLUMNS = ['name', 'country', 'startDate', 'budget', 'status'] as const;

export interface OverviewSearch extends PeriodRange {
  /** The indicator on the map, the trend chart and the country table. */
  indicator?: string;
  classes?: ClassMethod;
  /** Countries table: filter text and sort (`-budget`). */
  cq?: string;
  csort?: string;
  /** Projects table: filter text and sort. */
  pq?: string;
  psort?: string;
}

export function parseOverviewSearch(search: Record<string, unknown>): OverviewSearch {
  return compactSearch({
    indicator: readCode(search.indicator),
    ...readRange(search),
    classes: readOneOf(search.classes, CLASS_METHODS),
    cq: readText(search.cq),
    csort: sortParam(readSort(search.csort, COUNTRY_SORT_COLUMNS)),
    pq: readText(search.pq),
    psort: sortParam(readSort(search.psort, PROJECT_SORT_COLUMNS)),
  });
}
