// URL-state building blocks shared by the dashboards' search modules. The router hands validateSearch
// what it parsed from the query string (JSON-ish: `?x=2025` arrives as the number 2025), so every
// reader here takes `unknown` and returns a clean value or undefined — never garbage into a request.
// Kept free of heavy imports: the router (entry chunk) imports these.
import { compareQuarterIds, isQuarterId, shiftQuarter } from '../../lib/quarters';

/** Unit, indicator and category codes: what the API's codes look like, nothing that could smuggle syntax. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Quarters shown when the URL names none: two years, so a trend has something to show. */
export const DEFAULT_QUARTER_COUNT = 8;

export interface PeriodRange {
  from?: string;
  to?: string;
}

export function readCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return typeof value === 'string' && CODE.test(value) ? value : undefined;
}

export function readQuarter(value: unknown): string | undefined {
  return isQuarterId(value) ? value : undefined;
}

export function readOneOf<const T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A short free-text filter; trimmed, capped, and dropped when empty. */
export function readText(value: unknown, max = 100): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, max);
  return text === '' ? undefined : text;
}

/** `from`/`to` quarters from the URL; a reversed pair is put in order rather than thrown away. */
export function readRange(search: Record<string, unknown>): PeriodRange {
  const from = readQuarter(search.from);
  const to = readQuarter(search.to);
  if (from && to && compareQuarterIds(from, to) > 0) return { from: to, to: from };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * The range a view shows: what the URL says, with the missing ends filled relative to the quarter
 * being reported now (`reporting`, from GET /api/periods): by default the last two years.
 */
export function resolveRange(range: PeriodRange, reporting: string): Required<PeriodRange> {
  const to = range.to ?? (range.from && compareQuarterIds(range.from, reporting) > 0 ? range.from : reporting);
  const from = range.from ?? shiftQuarter(to, 1 - DEFAULT_QUARTER_COUNT) ?? to;
  return { from, to };
}

/** The analytics API's `periods` parameter for a range: `2024Q4..2026Q3`, or nothing for its default. */
export function periodsParam({ from, to }: PeriodRange): string | undefined {
  if (from && to) return from === to ? from : `${from}..${to}`;
  return from ?? to;
}

/** Drops undefined and empty values, so the URL only carries what differs from the defaults. */
export function compactSearch<T extends object>(search: T): T {
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as T;
}

export interface SortParam {
  id: string;
  desc: boolean;
}

/** `value` (ascending) or `-value` (descending), comma-separated for several keys; unknown columns dropped. */
export function readSort(value: unknown, columns: readonly string[]): SortParam[] | undefined {
  if (typeof value !== 'string') return undefined;
  const seen = new Set<string>();
  const sort: SortParam[] = [];
  for (const part of value.split(',').slice(0, 5)) {
    const desc = part.startsWith('-');
    const id = desc ? part.slice(1) : part;
    if (!columns.includes(id) || seen.has(id)) continue;
    seen.add(id);
    sort.push({ id, desc });
  }
  return sort.length ? sort : undefined;
}

export function sortParam(sort: readonly SortParam[] | undefined): string | undefined {
  if (!sort?.length) return undefined;
  return sort.map(({ id, desc }) => (desc ? `-${id}` : id)).join(',');
}

/** A comma-separated list of allowed words, each once, in the order given: `group=period,unit`. */
export function readList<const T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  if (typeof value !== 'string') return undefined;
  const list = [...new Set(value.split(','))].filter((item): item is T =>
    (allowed as readonly string[]).includes(item),
  );
  return list.length ? list : undefined;
}
