import { expect, test } from 'vitest';
import { seesApprovedOnly, valuesQuery } from './queries';

test.each([
  [
    { indicator: 'MIG_SERVED', unit: 'PH-05', from: '2025Q3', to: '2026Q1' },
    20_000,
    {
      indicator: 'MIG_SERVED',
      periods: '2025Q3,2025Q4,2026Q1',
      limit: '10000',
      offset: '20000',
      orgUnit: 'PH-05',
      children: 'true',
    },
  ],
  [
    { indicator: 'BUDGET_SHARE', unit: null, from: '2025Q1', to: '2025Q1' },
    0,
    { indicator: 'BUDGET_SHARE', periods: '2025Q1', limit: '10000', offset: '0' },
  ],
])('%j at offset %d', (request, offset, expected) => {
  expect(valuesQuery(request, offset)).toEqual(expected);
});

// The server's rule (visibilityOf), which the export's "About" sheet reports.
test.each([
  [null, true],
  [{ role: 'donor', orgUnit: null }, true],
  [{ role: 'local', orgUnit: { code: 'CRI-upala', name: 'Upala' } }, false],
  [{ role: 'regional', orgUnit: { code: 'PH-05', name: 'Bicol' } }, false],
  [{ role: 'national', orgUnit: null }, true],
  [{ role: 'admin', orgUnit: null }, false],
] as const)('seesApprovedOnly(%j) is %s', (user, approvedOnly) => {
  expect(seesApprovedOnly(user)).toBe(approvedOnly);
});
