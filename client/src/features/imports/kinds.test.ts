import { describe, expect, test } from 'vitest';
import { importUrl, kindsFor, rejectedRows } from './kinds';

describe('kindsFor', () => {
  test.each([
    ['admin', ['dataValues', 'indicators', 'targets', 'orgUnits']],
    ['local', ['dataValues']],
    ['regional', ['dataValues']],
    ['national', ['dataValues']],
    ['donor', []],
  ] as const)('%s may import %j', (role, kinds) => {
    expect(kindsFor(role)).toEqual(kinds);
  });
});

describe('importUrl', () => {
  test.each([
    ['dataValues', true, '/api/imports/data-values?dryRun=true'],
    ['dataValues', false, '/api/imports/data-values?dryRun=false'],
    ['targets', true, '/api/imports/targets?dryRun=true'],
    ['orgUnits', false, '/api/imports/org-units?dryRun=false'],
  ] as const)('%s with dryRun=%s goes to %s', (kind, dryRun, url) => {
    expect(importUrl(kind, dryRun)).toBe(url);
  });
});

test('rejectedRows keeps only the refused rows, in file order', () => {
  const rows = [
    { row: 2, action: 'insert' },
    { row: 3, action: 'rejected' },
    { row: 4, action: 'unchanged' },
    { row: 5, action: 'rejected' },
  ];
  expect(rejectedRows(rows).map((row) => row.row)).toEqual([3, 5]);
});
