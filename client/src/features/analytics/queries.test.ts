import { expect, test } from 'vitest';
import { analyticsKeys, analyticsQuery, completenessQuery } from './queries';

test.each([
  [
    'programme by country, a range of quarters',
    { indicator: 'MIG_SERVED', periods: { from: '2024Q4', to: '2026Q3' }, by: 'unit' as const },
    { indicator: 'MIG_SERVED', periods: '2024Q4..2026Q3', by: 'unit', locale: 'es' },
  ],
  [
    'a unit by quarter; no category unless by=option',
    {
      indicator: 'LDP_STAGE',
      orgUnit: 'PH-05',
      periods: { from: '2025Q1', to: '2025Q1' },
      by: 'period' as const,
      category: 'SEX',
    },
    { indicator: 'LDP_STAGE', orgUnit: 'PH-05', periods: '2025Q1', by: 'period', locale: 'es' },
  ],
  [
    'one category of a disaggregation',
    { indicator: 'MIG_SERVED', orgUnit: null, periods: {}, by: 'option' as const, category: 'AGE' },
    { indicator: 'MIG_SERVED', periods: undefined, by: 'option', category: 'AGE', locale: 'es' },
  ],
])('%s', (_name, params, expected) => {
  expect(analyticsQuery(params, 'es')).toEqual(expected);
});

test('completeness by quarter for a unit', () => {
  expect(completenessQuery({ orgUnit: 'CR-A', periods: { from: '2025Q1', to: '2025Q4' }, by: 'period' }, 'fr')).toEqual(
    {
      orgUnit: 'CR-A',
      periods: '2025Q1..2025Q4',
      by: 'period',
      locale: 'fr',
    },
  );
});

test('cache keys end with the locale, so a language switch keeps the figures on screen', () => {
  const key = analyticsKeys.analytics(analyticsQuery({ indicator: 'X', periods: {}, by: 'none' }, 'fr'));
  expect(key.at(-1)).toBe('fr');
  expect(key.slice(0, 2)).toEqual(['analytics', 'figures']);
});
