import { describe, expect, test } from 'vitest';
import { ADVICE, adviceFor, conflictRows, dhis2FormatOf, MAX_PLACES, placesOf, readDhis2Summary } from './dhis2';
import type { Dhis2Summary } from './kinds';

function summary(
  overrides: {
    dryRun?: boolean;
    atomicMode?: 'ALL' | 'NONE';
    status?: 'SUCCESS' | 'WARNING' | 'ERROR';
    importCount?: Partial<Dhis2Summary['response']['importCount']>;
    conflicts?: Dhis2Summary['response']['conflicts'];
  } = {},
): Dhis2Summary {
  const conflicts = overrides.conflicts ?? [];
  const status = overrides.status ?? (conflicts.length === 0 ? 'SUCCESS' : 'ERROR');
  return {
    httpStatus: conflicts.length === 0 ? 'OK' : 'Conflict',
    httpStatusCode: conflicts.length === 0 ? 200 : 409,
    status: status === 'SUCCESS' ? 'OK' : status,
    message: '',
    response: {
      responseType: 'ImportSummary',
      status,
      importOptions: {
        idSchemes: { idScheme: 'CODE' },
        dryRun: overrides.dryRun ?? true,
        async: false,
        importStrategy: 'CREATE_AND_UPDATE',
        atomicMode: overrides.atomicMode ?? 'ALL',
      },
      description: '',
      importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0, ...overrides.importCount },
      conflicts,
      rejectedIndexes: [...new Set(conflicts.flatMap((conflict) => conflict.indexes))].sort((a, b) => a - b),
      dataSetComplete: 'false',
    },
  };
}

const unknownUnit = {
  object: 'OU_NAGA',
  objects: { dataElement: 'MIG_SERVED', period: '2026Q4', orgUnit: 'OU_NAGA', categoryOptionCombo: 'default' },
  value: 'No org unit has the code "OU_NAGA".',
  errorCode: 'E7612',
  property: 'orgUnit',
  indexes: [0, 3],
};

describe('dhis2FormatOf', () => {
  test.each([
    [{ name: 'export.json', type: 'application/json' }, 'json'],
    [{ name: 'export.csv', type: 'text/csv' }, 'csv'],
    // Windows declares CSV files as Excel's; the name still says CSV, as the server reads it.
    [{ name: 'export.CSV', type: 'application/vnd.ms-excel' }, 'csv'],
    [{ name: 'values', type: 'application/csv' }, 'csv'],
    [{ name: 'values', type: '' }, 'json'],
  ] as const)('%j is %s', (file, format) => {
    expect(dhis2FormatOf(file)).toBe(format);
  });
});

describe('placesOf', () => {
  test.each([
    ['json', [0, 3], { numbers: [1, 4], more: 0 }],
    // Line 1 is the header: DHIS2's value 0 is on line 2.
    ['csv', [0, 3], { numbers: [2, 5], more: 0 }],
  ] as const)('%s indexes %j', (format, indexes, expected) => {
    expect(placesOf(indexes, format)).toEqual({ format, ...expected });
  });

  test(`lists at most ${MAX_PLACES} places and counts the rest`, () => {
    const places = placesOf(
      Array.from({ length: 25 }, (_, index) => index),
      'json',
    );
    expect(places.numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(places.more).toBe(15);
  });
});

describe('adviceFor', () => {
  test.each([
    ['E7610', 'local', 'dataElement'],
    ['E7610', 'admin', 'dataElementAdmin'],
    ['E7612', 'regional', 'orgUnit'],
    ['E7612', 'admin', 'orgUnitAdmin'],
    ['E7613', 'local', 'combo'],
    ['E7634', 'admin', 'comboAdmin'],
    ['E7611', 'admin', 'period'],
    ['E7617', 'local', 'outOfScope'],
    ['E7619', 'local', 'value'],
    ['E7642', 'local', 'locked'],
    ['E7643', 'local', 'submitted'],
    ['E8000', 'admin', 'duplicate'],
    ['E8001', 'admin', 'percentage'],
    ['E9999', 'local', 'other'],
  ] as const)('%s for %s: %s', (errorCode, role, advice) => {
    expect(adviceFor({ errorCode }, role)).toBe(advice);
    expect(ADVICE).toContain(advice);
  });
});

test('conflictRows: one row per conflict, with its codes, places, problem and advice', () => {
  const rows = conflictRows(summary({ conflicts: [unknownUnit] }), 'csv', 'local');
  expect(rows).toEqual([
    {
      id: '0',
      places: { format: 'csv', numbers: [2, 5], more: 0 },
      dataElement: 'MIG_SERVED',
      period: '2026Q4',
      orgUnit: 'OU_NAGA',
      categoryOptionCombo: 'default',
      code: 'OU_NAGA',
      errorCode: 'E7612',
      problem: 'No org unit has the code "OU_NAGA".',
      advice: 'orgUnit',
    },
  ]);
});

describe('readDhis2Summary', () => {
  test.each([
    [
      'a clean check that writes something may be confirmed',
      summary({ importCount: { imported: 3, updated: 1, ignored: 2 } }),
      { stage: 'checked', values: 6, changes: 4, conflicting: 0, canConfirm: true },
    ],
    [
      'a clean check that changes nothing may not',
      summary({ importCount: { ignored: 4 } }),
      { stage: 'checked', values: 4, changes: 0, conflicting: 0, canConfirm: false },
    ],
    [
      'a check with conflicts under atomicMode=ALL may not',
      summary({ importCount: { ignored: 4 }, conflicts: [unknownUnit] }),
      { stage: 'checked', values: 4, changes: 0, conflicting: 2, canConfirm: false },
    ],
    [
      'a check with conflicts under atomicMode=NONE may: the others are imported',
      summary({
        atomicMode: 'NONE',
        status: 'WARNING',
        importCount: { imported: 2, ignored: 2 },
        conflicts: [unknownUnit],
      }),
      { stage: 'checked', values: 4, changes: 2, conflicting: 2, canConfirm: true },
    ],
    [
      'an import is done',
      summary({ dryRun: false, importCount: { imported: 2, deleted: 1 } }),
      { stage: 'imported', values: 3, changes: 3, conflicting: 0, canConfirm: false },
    ],
    [
      'an import refused under atomicMode=ALL wrote nothing',
      summary({ dryRun: false, importCount: { ignored: 4 }, conflicts: [unknownUnit] }),
      { stage: 'refused', values: 4, changes: 0, conflicting: 2, canConfirm: false },
    ],
  ])('%s', (_case, input, expected) => {
    expect(readDhis2Summary(input)).toEqual(expected);
  });
});
