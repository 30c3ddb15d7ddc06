// Number, money, date and period formatting. Everything goes through Intl with the interface
// locale, so a Spanish reader sees "1,2 M US$" and a French one "1,2 M $US" for the same budget.
import type { Locale } from './locale';

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** Indicator values can be fractional (averages, percentages); two decimals are plenty on a tile. */
export function formatIndicatorValue(value: number, locale: Locale): string {
  return formatNumber(value, locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 });
}

/** Short form for tables and tiles: "$1.2M". Pair with formatCurrency for the exact amount. */
export function formatCompactCurrency(amount: number, currency: string, locale: Locale): string {
  return formatNumber(amount, locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    // Currencies default to two minimum decimals, which would print "$950.0".
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
}

export function formatCurrency(amount: number, currency: string, locale: Locale): string {
  return formatNumber(amount, locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date (`YYYY-MM-DD`). The date is read and written in UTC: parsing it as local
 * time would show the previous day to readers west of Greenwich.
 */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export type ParsedPeriod =
  | { type: 'quarter'; year: number; quarter: number }
  | { type: 'year'; year: number }
  | { type: 'date'; date: string }
  | { type: 'other'; code: string };

/** Reads the API's period codes: `2025Q3` (a quarter), `2025` (a year), or a plain date. */
export function parsePeriod(code: string): ParsedPeriod {
  const quarter = /^(\d{4})Q([1-4])$/.exec(code);
  if (quarter) return { type: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  if (/^\d{4}$/.test(code)) return { type: 'year', year: Number(code) };
  if (ISO_DATE.test(code)) return { type: 'date', date: code };
  return { type: 'other', code };
}
