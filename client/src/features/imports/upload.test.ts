import { describe, expect, test } from 'vitest';
import { isDataValueReport, isMetadataReport } from './kinds';
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
