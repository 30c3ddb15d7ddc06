// A unit page's URL state: `/countries/PH-05?indicator=MIG_SERVED&from=2025Q1&to=2025Q4&sort=-value`.
import {
  compactSearch,
  type PeriodRange,
  readCode,
  readOneOf,
  readRange,
  readSort,
  sortParam,
} from '../analytics/search';
import { CLASS_METHODS, type ClassMethod } from '../maps/class-methods';

export const UNIT_SORT_COLUMNS = ['name', 'kind', 'value', 'target', 'progress', 'unitsReporting'] as const;

export interface CountrySearch extends PeriodRange {
  indicator?: string;
  classes?: ClassMethod;
  /** Sort of the table of units below. */
  sort?: string;
}

export function parseCountrySearch(search: Record<string, unknown>): CountrySearch {
  return compactSearch({
    indicator: readCode(search.indicator),
    ...readRange(search),
    classes: readOneOf(search.classes, CLASS_METHODS),
    sort: sortParam(readSort(search.sort, UNIT_SORT_COLUMNS)),
  });
}
