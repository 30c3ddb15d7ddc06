import { describe, expect, test } from 'vitest';
import { parseLoginSearch, safeRedirect } from './search';
import { homeFor } from './session';

describe('safeRedirect', () => {
  test.each([
    ['/entry', '/entry'],
    ['/entry/PHL-naga-city/2026Q3', '/entry/PHL-naga-city/2026Q3'],
    ['/review?status=submitted&period=2026Q3', '/review?status=submitted&period=2026Q3'],
    ['/', '/'],
    ['https://evil.example/', null],
    ['//evil.example/path', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['entry', null],
    ['/login', null],
    ['/login?redirect=/entry', null],
    ['/entry\nSet-Cookie: x', null],
    [`/${'a'.repeat(600)}`, null],
    [42, null],
    [undefined, null],
  ])('%j → %j', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });
});

test.each([
  [{}, {}],
  [{ redirect: '/review' }, { redirect: '/review' }],
  [{ redirect: 'https://evil.example' }, {}],
  [{ redirect: ['/a', '/b'] }, {}],
  [{ redirect: '/entry', other: 1 }, { redirect: '/entry' }],
])('parseLoginSearch(%j) → %j', (search, expected) => {
  expect(parseLoginSearch(search)).toEqual(expected);
});

test.each([
  ['local', '/entry'],
  ['regional', '/entry'],
  ['national', '/entry'],
  ['donor', '/'],
  ['admin', '/'],
] as const)('%s lands on %s', (role, home) => {
  expect(homeFor(role)).toBe(home);
});
