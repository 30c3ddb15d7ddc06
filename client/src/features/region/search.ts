// The regional scorecard's URL state: `/regions/PH-05?indicator=MIG_SERVED&from=2025Q4&to=2026Q3&municipality=PHL-naga-city`.
import { compactSearch, type PeriodRange, readCode, readRange } from '../analytics/search';

export interface RegionSearch extends PeriodRange {
  /** The indicator of the trend small multiples. */
  indicator?: string;
  /** A municipality picked out in the trends (its line drawn on every small multiple). */
  municipality?: string;
}

export function parseRegionSearch(search: Record<string, unknown>): RegionSearch {
  return compactSearch({
    indicator: readCode(search.indicator),
    ...readRange(search),
    municipality: readCode(search.municipality),
  });
}
