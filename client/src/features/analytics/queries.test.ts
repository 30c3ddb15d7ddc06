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
  [
    "a region's scorecard: every municipality below it, several indicators in one request",
    {
      indicator: ['MIG_SERVED', 'MIG_COUNCIL', 'LDP_STAGE'].join(','),
      orgUnit: 'PH-05',
      periods: { from: '2026Q1', to: '2026Q2' },
      by: 'unit' as const,
      level: 'municipality' as const,
    },
    {
      indicator: 'MIG_SERVED,MIG_COUNCIL,LDP_STAGE',
      orgUnit: 'PH-05',
      periods: '2026Q1..2026Q2',
      by: 'unit',
      level: 'municipality',
      locale: 'es',
    },
  ],
  [
    'no level unless by=unit (the API refuses it otherwise)',
    { indicator: 'MIG_SERVED', orgUnit: 'PH-05', periods: {}, by: 'period' as const, level: 'municipality' as const },
    { indicator: 'MIG_SERVED', orgUnit: 'PH-05', periods: undefined, by: 'period', locale: 'es' },
  ],
  [
    "a project's results framework: its covered units only, by quarter",
    {
      indicator: 'MIG_COUNCIL,COORD_MEETINGS',
      orgUnit: 'PHL',
      periods: { from: '2025Q3', to: '2026Q2' },
      by: 'period' as const,
      project: 'PHL-BICOL',
    },
    {
      indicator: 'MIG_COUNCIL,COORD_MEETINGS',
      orgUnit: 'PHL',
      periods: '2025Q3..2026Q2',
      by: 'period',
      project: 'PHL-BICOL',
      locale: 'es',
    },
  ],
  [
    'a project and a category together, for its breakdown',
    { indicator: 'MIG_SERVED', orgUnit: 'PHL', periods: {}, by: 'option' as const, category: 'SEX', project: 'X' },
    {
      indicator: 'MIG_SERVED',
      orgUnit: 'PHL',
      periods: undefined,
      by: 'option',
      category: 'SEX',
      project: 'X',
      locale: 'es',
    },
  ],
  [
    'null level and project are left out',
    { indicator: 'MIG_SERVED', periods: {}, by: 'unit' as const, level: null, project: null },
    { indicator: 'MIG_SERVED', periods: undefined, by: 'unit', locale: 'es' },
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

test('the same scorecard for another project or level is another cache entry', () => {
  const base = { indicator: 'A,B', orgUnit: 'PH-05', periods: {}, by: 'unit' as const };
  const keys = [
    analyticsKeys.analytics(analyticsQuery(base, 'en')),
    analyticsKeys.analytics(analyticsQuery({ ...base, level: 'municipality' }, 'en')),
    analyticsKeys.analytics(analyticsQuery({ ...base, project: 'PHL-BICOL' }, 'en')),
    analyticsKeys.analytics(analyticsQuery({ ...base, indicator: 'B,A' }, 'en')),
  ];
  expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(keys.length);
});
