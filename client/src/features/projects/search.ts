import { compactSearch, type PeriodRange, readCode, readRange } from '../analytics/search';

// The projects list's URL state (`/projects?country=PHL`), parsed in one place so a shared link
// reproduces the same view and a hand-edited URL cannot put garbage into a request.

export interface ProjectsSearch {
  country?: string;
}

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parseProjectsSearch(search: Record<string, unknown>): ProjectsSearch {
  const { country } = search;
  return typeof country === 'string' && UNIT_CODE.test(country) ? { country } : {};
}

// A project page's URL state: `/projects/PHL-BICOL?indicator=MIG_SERVED&breakdown=SEX,AGE&from=2025Q1&to=2025Q4`.

export interface ProjectSearch extends PeriodRange {
  /** The indicator of the disaggregation chart. */
  indicator?: string;
  /** One or two disaggregation categories to cross (`SEX,AGE` = sex × age). */
  breakdown?: string;
}

function readBreakdown(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const codes = [...new Set(value.split(','))].map(readCode);
  if (codes.length === 0 || codes.length > 2 || codes.some((code) => code === undefined)) return undefined;
  return codes.join(',');
}

export function parseProjectSearch(search: Record<string, unknown>): ProjectSearch {
  return compactSearch({
    indicator: readCode(search.indicator),
    breakdown: readBreakdown(search.breakdown),
    ...readRange(search),
  });
}
