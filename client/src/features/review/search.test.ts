import { expect, test } from 'vitest';
import { defaultStatus, parseReviewSearch, toListQuery } from './search';

test.each([
  [{}, {}],
  [{ status: 'submitted' }, { status: 'submitted' }],
  [
    { status: 'all', period: '2026Q3' },
    { status: 'all', period: '2026Q3' },
  ],
  [{ status: 'deleted' }, {}],
  [{ status: ['submitted'] }, {}],
  [{ period: '2026' }, {}],
  [{ period: '2026Q3,2026Q2' }, {}],
  [{ status: 'approved', page: 2 }, { status: 'approved' }],
])('parseReviewSearch(%j) → %j', (search, expected) => {
  expect(parseReviewSearch(search)).toEqual(expected);
});

test.each([
  ['regional', 'submitted'],
  ['national', 'approved'],
  ['admin', 'submitted'],
] as const)('a %s user starts on %s reports', (role, status) => {
  expect(defaultStatus(role)).toBe(status);
});

test.each([
  ['submitted', undefined, { status: 'submitted' }],
  ['all', '2026Q3', { period: '2026Q3' }],
  ['approved', '2026Q2', { status: 'approved', period: '2026Q2' }],
] as const)('toListQuery(%s, %s) → %j', (status, period, expected) => {
  expect(toListQuery(status, period)).toEqual(expected);
});
