// The entry routes' URL state and the small date rules around a quarter, in one place.

export interface ReportParams {
  orgUnit: string;
  period: string;
}

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const QUARTER = /^\d{4}Q[1-4]$/;

export function isQuarter(value: unknown): value is string {
  return typeof value === 'string' && QUARTER.test(value);
}

/** `/entry/PHL-naga-city/2026Q3` → its unit and quarter, or null for an address no report can have. */
export function parseReportParams(params: Record<string, unknown>): ReportParams | null {
  const { orgUnit, period } = params;
  if (typeof orgUnit !== 'string' || !UNIT_CODE.test(orgUnit) || !isQuarter(period)) return null;
  return { orgUnit, period };
}

export type Timeliness = 'onTime' | 'late' | 'overdue' | 'due' | 'noDeadline';

/**
 * Against the quarter's deadline (a calendar date, inclusive): submitted on or before it is on time,
 * after it late; not submitted yet is due until the deadline passes, then overdue.
 */
export function timeliness(deadline: string | null, submittedAt: string | null, today: string): Timeliness {
  if (!deadline) return 'noDeadline';
  if (submittedAt) return submittedAt.slice(0, 10) <= deadline ? 'onTime' : 'late';
  return today <= deadline ? 'due' : 'overdue';
}

/** Today's calendar date where the person is, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The quarters one can report on: started by `today`, newest first, at most `count`. */
export function openQuarters<T extends { id: string; startDate: string }>(
  items: readonly T[],
  today: string,
  count = 8,
): T[] {
  return items
    .filter((item) => isQuarter(item.id) && item.startDate <= today)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .slice(0, count);
}
