// Quarter arithmetic shared by the seed, queries and services. Periods are '2025Q3' (reporting
// quarters) and '2025' (years, the roll-up). Dates are ISO 'YYYY-MM-DD' in UTC.

export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;
export const YEAR_PATTERN = /^(\d{4})$/;

/** Days after a quarter ends by which its report is due (inclusive). */
export const REPORTING_DEADLINE_DAYS = 30;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(id: string): Quarter | undefined {
  const match = QUARTER_PATTERN.exec(id);
  if (!match) return undefined;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function quarterId({ year, quarter }: Quarter): string {
  return `${year}Q${quarter}`;
}

export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['quarter'] };
}

export function addQuarters({ year, quarter }: Quarter, count: number): Quarter {
  const index = year * 4 + (quarter - 1) + count;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** The last quarter that has ended on `asOf`: on 2026-11-28 it is 2026Q3. */
export function lastCompleteQuarter(asOf: Date): Quarter {
  return addQuarters(quarterOf(asOf), -1);
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => addQuarters(last, i - count + 1));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function quarterDates({ year, quarter }: Quarter): { start: string; end: string; deadline: string } {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  const deadline = new Date(end.getTime() + REPORTING_DEADLINE_DAYS * 86_400_000);
  return { start: isoDate(start), end: isoDate(end), deadline: isoDate(deadline) };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/** A quarter ('2025Q3') or a year ('2025'). */
export const PERIOD_ID_PATTERN = /^\d{4}(Q[1-4])?$/;
