import { describe, expect, test } from 'vitest';
import { formatCompactCurrency, formatDate, formatIndicatorValue, parsePeriod } from './format';
import type { Locale } from './locale';

// Intl output contains narrow/no-break spaces in es and fr; normalise them so the cases stay readable.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCompactCurrency', () => {
  test.each<[Locale, number, string]>([
    ['en', 1_234_567, '$1.2M'],
    ['es', 1_234_567, '1,2 M US$'],
    ['fr', 1_234_567, '1,2 M $US'],
    ['en', 950, '$950'],
  ])('%s %d → %s', (locale, amount, expected) => {
    expect(plain(formatCompactCurrency(amount, 'USD', locale))).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each<[Locale, string, string]>([
    ['en', '2025-01-01', 'Jan 1, 2025'],
    ['es', '2025-01-01', '1 ene 2025'],
    ['fr', '2025-12-31', '31 déc. 2025'],
    ['en', 'not a date', 'not a date'],
  ])('%s %s → %s', (locale, iso, expected) => {
    expect(plain(formatDate(iso, locale))).toBe(expected);
  });
});

describe('formatIndicatorValue', () => {
  test.each<[Locale, number, string]>([
    ['en', 12345, '12,345'],
    ['fr', 12345, '12 345'],
    ['es', 3.456, '3,46'],
  ])('%s %d → %s', (locale, value, expected) => {
    expect(plain(formatIndicatorValue(value, locale))).toBe(expected);
  });
});

describe('parsePeriod', () => {
  test.each([
    ['2025Q3', { type: 'quarter', year: 2025, quarter: 3 }],
    ['2024', { type: 'year', year: 2024 }],
    ['2025-03-31', { type: 'date', date: '2025-03-31' }],
    ['2025Q5', { type: 'other', code: '2025Q5' }],
    ['', { type: 'other', code: '' }],
  ])('%s', (code, expected) => {
    expect(parsePeriod(code)).toEqual(expected);
  });
});
