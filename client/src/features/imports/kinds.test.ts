import { describe, expect, test } from 'vitest';
import { importUrl, kindsFor, rejectedRows, reportStatusesFor } from './kinds';

describe('kindsFor', () => {
  test.each([
    ['admin', ['dataValues', 'dhis2', 'indicators', 'targets', 'orgUnits']],
    ['local', ['dataValues', 'dhis2']],
    ['regional', ['dataValues', 'dhis2']],
    ['national', ['dataValues', 'dhis2']],
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
    ['dhis2', true, '/api/dhis2/dataValueSets?dryRun=true&importStrategy=CREATE_AND_UPDATE&atomicMode=ALL'],
  ] as const)('%s with dryRun=%s goes to %s', (kind, dryRun, url) => {
    expect(importUrl(kind, dryRun)).toBe(url);
  });

  test('a DHIS2 import carries its options; the other kinds have none', () => {
    const options = { importStrategy: 'DELETE', atomicMode: 'NONE' } as const;
    expect(importUrl('dhis2', false, options)).toBe(
      '/api/dhis2/dataValueSets?dryRun=false&importStrategy=DELETE&atomicMode=NONE',
    );
    expect(importUrl('dataValues', false, options)).toBe('/api/imports/data-values?dryRun=false');
  });
});

test('only DHIS2 answers its report with 409 (its conflicts)', () => {
  expect(reportStatusesFor('dhis2')).toEqual([409]);
  expect(reportStatusesFor('dataValues')).toEqual([]);
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
