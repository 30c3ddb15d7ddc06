import { describe, expect, test } from 'vitest';
import { isDataValueReport, isDhis2Summary, isMetadataReport } from './kinds';
import { readUploadResponse } from './upload';

const dataValueReport = {
  dryRun: true,
  committed: false,
  format: 'csv',
  columns: { used: ['indicator', 'org_unit', 'period', 'value'], ignored: ['note'] },
  counts: { rows: 2, insert: 1, update: 0, unchanged: 0, rejected: 1 },
  draftReports: 1,
  rows: [],
  rowsOmitted: 0,
};

const metadataReport = {
  dryRun: true,
  committed: false,
  counts: { rows: 1, insert: 1, update: 0, unchanged: 0, rejected: 0 },
  rows: [{ row: 2, action: 'insert', key: 'PHL-bula' }],
};

const refused = {
  error: {
    code: 'import_rejected',
    message: '1 of 2 row(s) cannot be imported, so nothing was written.',
    details: dataValueReport,
  },
};

describe('readUploadResponse', () => {
  test.each([
    ['a data-value report', 200, JSON.stringify(dataValueReport), { ok: true, body: dataValueReport }],
    [
      'a refused commit, with the report in its details',
      422,
      JSON.stringify(refused),
      {
        ok: false,
        failure: { status: 422, code: 'import_rejected', message: refused.error.message, details: dataValueReport },
      },
    ],
    [
      'a file too large',
      413,
      JSON.stringify({ error: { code: 'payload_too_large', message: 'The upload is larger than 50 MB.' } }),
      {
        ok: false,
        failure: { status: 413, code: 'payload_too_large', message: 'The upload is larger than 50 MB.', details: null },
      },
    ],
    [
      'a proxy page instead of JSON',
      502,
      '<html>Bad gateway</html>',
      { ok: false, failure: { status: 502, code: null, message: null, details: null } },
    ],
    [
      'a 200 that is not a report',
      200,
      '<html>login</html>',
      { ok: false, failure: { status: 200, code: null, message: null, details: null } },
    ],
    ['no answer at all', 0, '', { ok: false, failure: { status: null, code: null, message: null, details: null } }],
  ])('reads %s', (_case, status, text, expected) => {
    expect(readUploadResponse({ status, text }, isDataValueReport)).toEqual(expected);
  });

  test('a metadata report is not taken for a data-value report, nor the other way round', () => {
    const text = JSON.stringify(metadataReport);
    expect(readUploadResponse({ status: 200, text }, isDataValueReport).ok).toBe(false);
    expect(readUploadResponse({ status: 200, text }, isMetadataReport)).toEqual({ ok: true, body: metadataReport });
    expect(isMetadataReport(dataValueReport)).toBe(false);
  });
});

describe('readUploadResponse of a DHIS2 import', () => {
  const conflicts = {
    httpStatus: 'Conflict',
    httpStatusCode: 409,
    status: 'ERROR',
    message: 'One more conflicts encountered, please check import summary.',
    response: {
      responseType: 'ImportSummary',
      status: 'ERROR',
      importOptions: {
        idSchemes: { idScheme: 'CODE' },
        dryRun: true,
        async: false,
        importStrategy: 'CREATE_AND_UPDATE',
        atomicMode: 'ALL',
      },
      description: 'Import process failed',
      importCount: { imported: 0, updated: 0, ignored: 1, deleted: 0 },
      conflicts: [
        {
          object: 'XX-99',
          objects: { orgUnit: 'XX-99' },
          value: 'No org unit has the code "XX-99".',
          errorCode: 'E7612',
          property: 'orgUnit',
          indexes: [0],
        },
      ],
      rejectedIndexes: [0],
      dataSetComplete: 'false',
    },
  };

  test('a 409 with the import summary is the report (its conflicts), when the kind says so', () => {
    const text = JSON.stringify(conflicts);
    expect(readUploadResponse({ status: 409, text }, isDhis2Summary, [409])).toEqual({ ok: true, body: conflicts });
    expect(readUploadResponse({ status: 409, text }, isDhis2Summary).ok).toBe(false);
  });

  test('a 409 that is an error body stays a failure; a spreadsheet report is no summary', () => {
    const error = { error: { code: 'conflict', message: 'Someone else saved first.' } };
    expect(readUploadResponse({ status: 409, text: JSON.stringify(error) }, isDhis2Summary, [409])).toEqual({
      ok: false,
      failure: { status: 409, code: 'conflict', message: 'Someone else saved first.', details: null },
    });
    expect(isDhis2Summary(dataValueReport)).toBe(false);
  });
});
