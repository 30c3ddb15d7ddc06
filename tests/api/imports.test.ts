// Importing data values (CSV/XLSX) under the entry form's rules, metadata imports, and bad input.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findOrgUnitsByCodes, listReportingLinks } from '../../db/queries/exchange';
import { tierOf } from '../../db/queries/org-units';
import { listReportingIndicators } from '../../db/queries/reports';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { SessionUser } from '../../server/lib/env';
import { XLSX_TYPE } from '../../server/lib/spreadsheet-readers';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../server/lib/uploads';
import { importRoutes } from '../../server/routes/imports';
import {
  applyImport,
  type CandidateValue,
  planImport,
  reportedIndicators,
  runImport,
} from '../../server/services/imports';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, TEST_AS_OF, type TestDatabase } from '../helpers/database';

const HEADER = 'indicator,org_unit,period,option,value,numerator,denominator,comment';

type Row = {
  row: number;
  action: string;
  indicator: string;
  orgUnit: string;
  period: string;
  option: string;
  problem?: string;
  reason?: string;
  firstRow?: number;
  value: { value: number } | null;
  previous: { value: number } | null;
};
type Report = {
  dryRun: boolean;
  committed: boolean;
  format: string;
  columns: { used: string[]; ignored: string[] };
  counts: { rows: number; insert: number; update: number; unchanged: number; rejected: number };
  draftReports: number;
  rows: Row[];
};
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Everything an import could change, summed up: equal snapshots mean nothing was written. */
async function snapshot(db: Kysely<Database>) {
  const count = async (table: 'report' | 'report_event' | 'audit_log' | 'org_unit' | 'indicator' | 'target') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const values = await db
    .selectFrom('data_value')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number>('version').as('versions'),
      eb.fn.sum<string | number>('value').as('total'),
    ])
    .executeTakeFirstOrThrow();
  return {
    values: `${values.n}/${values.versions}/${Number(values.total).toFixed(4)}`,
    reports: await count('report'),
    events: await count('report_event'),
    audit: await count('audit_log'),
    units: await count('org_unit'),
    indicators: await count('indicator'),
    targets: await count('target'),
  };
}

/** A body that streams in without a Content-Length, as a chunked upload does. */
const streamOf = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
      controller.close();
    },
  });
};

const csv = (...rows: (string | number)[][]) => `${[HEADER, ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;

describe.each(ENGINES)('data value imports on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  let xlsxExport: Uint8Array<ArrayBuffer>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['local.naga', 'local.upala', 'local.sedhiou', 'region.bicol', 'donor', 'admin']) {
      cookies[who] = await signIn(app, `${who}@example.org`);
    }
    xlsxExport = new Uint8Array(
      await (
        await app.request('/api/exports/data-values.xlsx?orgUnit=CRI-upala&periods=2026Q3', {
          headers: { cookie: cookies['local.upala'] ?? '' },
        })
      ).arrayBuffer(),
    );
  }, 120_000);
  afterAll(async () => handle.dispose());

  const upload = async <T = Report>(
    who: string | null,
    body: BodyInit,
    options: { type?: string; dryRun?: boolean; path?: string } = {},
  ) => {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (who !== null) headers.cookie = cookies[who] ?? '';
    if (options.type !== undefined) headers['content-type'] = options.type;
    const response = await app.request(
      `${options.path ?? '/api/imports/data-values'}?dryRun=${options.dryRun ?? true}`,
      {
        method: 'POST',
        headers,
        body,
      },
    );
    return { status: response.status, body: (await response.json()) as T };
  };
  const exportCsv = async (who: string, query: string) =>
    (await app.request(`/api/exports/data-values.csv?${query}`, { headers: { cookie: cookies[who] ?? '' } })).text();

  test('the bulk rule for "which indicators does a unit report" agrees with the entry form’s for every unit', async () => {
    const { db } = handle;
    const units = await db.selectFrom('org_unit').select('code').execute();
    const refs = await findOrgUnitsByCodes(
      db,
      units.map((unit) => unit.code),
    );
    const periods = await db
      .selectFrom('period')
      .selectAll()
      .where('type', '=', 'quarter')
      .where('start_date', '<=', TEST_AS_OF.toISOString().slice(0, 10))
      .execute();
    const links = await listReportingLinks(
      db,
      refs.map((unit) => unit.id),
    );
    let compared = 0;
    for (const unit of refs) {
      const mine = links.filter((link) => link.unitId === unit.id);
      for (const period of periods.filter((_, index) => index % 3 === 0 || index === periods.length - 1)) {
        const form = await listReportingIndicators(
          db,
          { id: unit.id, tier: tierOf(unit.kind) },
          { startDate: period.start_date, endDate: period.end_date, quarter: period.quarter },
        );
        expect([...reportedIndicators(mine, unit, period)].sort()).toEqual(form.map((link) => link.indicatorId).sort());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  test('re-importing one’s own export changes nothing; an edited value is the one update, committed with audit', async () => {
    const text = await exportCsv('local.upala', 'orgUnit=CRI-upala&periods=2026Q3');
    const lines = text.trimEnd().split('\r\n');
    const same = await upload('local.upala', text, { type: 'text/csv' });
    expect(same.status).toBe(200);
    expect(same.body.counts).toEqual({
      rows: lines.length - 1,
      insert: 0,
      update: 0,
      unchanged: lines.length - 1,
      rejected: 0,
    });
    expect(same.body.columns.ignored).toEqual(['report_status']);

    // Change the first integer value of the draft 2026Q3 report.
    const index = lines.findIndex((line) => line.startsWith('REFERRALS,CRI-upala,2026Q3,F,'));
    expect(index).toBeGreaterThan(0);
    const cells = (lines[index] ?? '').split(',');
    const before = Number(cells[4]);
    cells[4] = String(before + 3);
    lines[index] = cells.join(',');
    const edited = `${lines.join('\r\n')}\r\n`;

    const preview = await upload('local.upala', edited, { type: 'text/csv' });
    expect(preview.body.counts).toMatchObject({ update: 1, unchanged: lines.length - 2, rejected: 0 });
    const change = preview.body.rows.find((row) => row.action === 'update');
    expect(change).toMatchObject({ row: index + 1, indicator: 'REFERRALS', option: 'F' });
    expect(change?.previous?.value).toBe(before);
    expect(change?.value?.value).toBe(before + 3);

    const untouched = await snapshot(handle.db);
    const committed = await upload('local.upala', edited, { type: 'text/csv', dryRun: false });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ dryRun: false, committed: true, counts: { update: 1 } });
    const after = await snapshot(handle.db);
    expect(after.audit).toBe(untouched.audit + 1);
    expect(after.reports).toBe(untouched.reports);

    const audit = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_key', '=', 'REFERRALS/CRI-upala/2026Q3/F')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.old_value ?? '{}')).toMatchObject({ value: before });
    expect(JSON.parse(audit.new_value ?? '{}')).toMatchObject({ value: before + 3 });
    const report = await app.request('/api/reports/CRI-upala/2026Q3', {
      headers: { cookie: cookies['local.upala'] ?? '' },
    });
    const detail = (await report.json()) as {
      values: { indicator: string; option: string; value: number; version: number }[];
    };
    expect(detail.values.find((value) => value.indicator === 'REFERRALS' && value.option === 'F')).toMatchObject({
      value: before + 3,
      version: 2,
    });

    // The same file again: now every row is unchanged and a commit writes nothing.
    const again = await upload('local.upala', edited, { type: 'text/csv', dryRun: false });
    expect(again.body).toMatchObject({ committed: true, counts: { update: 0, unchanged: lines.length - 1 } });
    expect(await snapshot(handle.db)).toEqual(after);
  });

  test('an XLSX export uploaded as a multipart form reads back cell for cell', async () => {
    const form = new FormData();
    form.append('file', new File([xlsxExport], 'upala.xlsx', { type: XLSX_TYPE }));
    const { status, body } = await upload('local.upala', form);
    expect(status).toBe(200);
    expect(body.format).toBe('xlsx');
    expect(body.counts.rows).toBeGreaterThan(5);
    expect(body.counts.rejected).toBe(0);
    expect(body.counts.insert).toBe(0);
  });

  test('percentages come from numerator and denominator; a value that contradicts them is refused', async () => {
    const row = (value: number | string, numerator: number | string, denominator: number | string) =>
      csv(['BUDGET_SHARE', 'CRI-upala', '2026Q3', 'TOTAL', value, numerator, denominator, '']);
    const good = await upload('local.upala', row(2.5, 5, 200), { type: 'text/csv' });
    expect(good.body.rows[0]).toMatchObject({
      action: 'insert',
      value: { value: 2.5, numerator: 5, denominator: 200 },
    });
    const blankValue = await upload('local.upala', row('', 5, 200), { type: 'text/csv' });
    expect(blankValue.body.rows[0]?.action).toBe('insert');
    const contradicting = await upload('local.upala', row(30, 5, 200), { type: 'text/csv' });
    expect(contradicting.body.rows[0]).toMatchObject({ action: 'rejected', problem: 'invalid_value' });
    expect(contradicting.body.rows[0]?.reason).toMatch(/computed from numerator and denominator \(2\.5\)/);
    const half = await upload('local.upala', row('', 5, ''), { type: 'text/csv' });
    expect(half.body.rows[0]?.reason).toMatch(/both the numerator and the denominator/);
  });

  test('a quarter without a report gets a draft with its create event, values and audit entries', async () => {
    const who = 'local.sedhiou';
    const form = await app.request('/api/reports/SEN-sedhiou/2026Q3', { headers: { cookie: cookies[who] ?? '' } });
    const detail = (await form.json()) as {
      report: { status: string };
      indicators: {
        code: string;
        valueType: string;
        stageMax: number | null;
        disaggregation: { options: { code: string }[] };
      }[];
    };
    expect(detail.report.status).toBe('not_started');
    const rows = detail.indicators.flatMap((indicator) =>
      indicator.disaggregation.options.slice(0, 2).map((option) => {
        const value = indicator.valueType === 'yes_no' ? 1 : indicator.valueType === 'stage' ? 1 : 3;
        return indicator.valueType === 'percentage'
          ? [indicator.code, 'SEN-sedhiou', '2026Q3', option.code, '', 5, 20, '']
          : [indicator.code, 'SEN-sedhiou', '2026Q3', option.code, value, '', '', ''];
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    const before = await snapshot(handle.db);
    const preview = await upload(who, csv(...rows), { type: 'text/csv' });
    expect(preview.body).toMatchObject({ draftReports: 1, counts: { insert: rows.length, rejected: 0 } });
    expect(await snapshot(handle.db)).toEqual(before);

    const committed = await upload(who, csv(...rows), { type: 'text/csv', dryRun: false });
    expect(committed.status).toBe(200);
    const after = await snapshot(handle.db);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.events).toBe(before.events + 1);
    expect(after.audit).toBe(before.audit + rows.length);
    const report = await handle.db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .innerJoin('report_event as e', 'e.report_id', 'r.id')
      .innerJoin('app_user as a', 'a.id', 'e.actor_id')
      .select(['r.status', 'e.action', 'a.email'])
      .where('u.code', '=', 'SEN-sedhiou')
      .where('r.period_id', '=', '2026Q3')
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ status: 'draft', action: 'create', email: 'local.sedhiou@example.org' });
  });

  describe('each row is judged by the entry form’s rules', () => {
    // Rows uploaded by Naga City's staff in one file; [indicator, unit, period, option, value] → expected.
    const ROWS: [string, (string | number)[], string, string | RegExp][] = [
      ['an improved own value', ['COORD_MEETINGS', 'PHL-naga-city', '2026Q3', 'TOTAL', 9], 'update', ''],
      ['an unchanged own value', ['DIASPORA_USD', 'PHL-naga-city', '2026Q3', 'TOTAL', 26000], 'unchanged', ''],
      [
        'a sibling municipality',
        ['COORD_MEETINGS', 'PHL-pili', '2026Q3', 'TOTAL', 1],
        'out_of_scope',
        /PHL-pili's own staff/,
      ],
      ['the regional council above', ['COORD_MEETINGS', 'PH-05', '2026Q3', 'TOTAL', 1], 'out_of_scope', /PH-05/],
      [
        'a submitted report, changed',
        ['COORD_MEETINGS', 'PHL-naga-city', '2026Q2', 'TOTAL', 99],
        'locked',
        /is submitted/,
      ],
      [
        'an accepted report, changed',
        ['COORD_MEETINGS', 'PHL-naga-city', '2025Q1', 'TOTAL', 99],
        'locked',
        /is accepted/,
      ],
      [
        'yes/no given 2',
        ['MIG_COUNCIL', 'PHL-naga-city', '2026Q3', 'TOTAL', 2],
        'invalid_value',
        /yes \(1\) or no \(0\)/,
      ],
      ['a stage out of range', ['LDP_STAGE', 'PHL-naga-city', '2026Q3', 'TOTAL', 9], 'invalid_value', /Choose a stage/],
      [
        'a fraction of people',
        ['MIG_SERVED', 'PHL-naga-city', '2026Q3', 'F_Y18_59_RETURNEE', 2.5],
        'invalid_value',
        /whole number/,
      ],
      ['no value', ['LIVELIHOOD', 'PHL-naga-city', '2026Q3', 'F', ''], 'missing_value', /No value/],
      [
        'text for a number',
        ['LIVELIHOOD', 'PHL-naga-city', '2026Q3', 'TOTAL', 'many'],
        'malformed',
        /"many" is not a number/,
      ],
      [
        'an indicator the unit does not report',
        ['WOMEN_SHELTERED', 'PHL-naga-city', '2026Q3', 'TOTAL', 1],
        'not_reported',
        /not reported by PHL-naga-city/,
      ],
      ['an unknown indicator', ['NOPE', 'PHL-naga-city', '2026Q3', 'TOTAL', 1], 'unknown_indicator', /"NOPE"/],
      ['an unknown unit', ['COORD_MEETINGS', 'XX-99', '2026Q3', 'TOTAL', 1], 'unknown_org_unit', /"XX-99"/],
      ['a month', ['COORD_MEETINGS', 'PHL-naga-city', '2026-03', 'TOTAL', 1], 'unknown_period', /not a quarter/],
      [
        'a quarter not begun',
        ['COORD_MEETINGS', 'PHL-naga-city', '2027Q1', 'TOTAL', 1],
        'future_period',
        /not started/,
      ],
      [
        'an unknown breakdown',
        ['MIG_SERVED', 'PHL-naga-city', '2026Q3', 'X_Y', 1],
        'unknown_option',
        /not a breakdown of MIG_SERVED/,
      ],
      ['the same key again', ['COORD_MEETINGS', 'PHL-naga-city', '2026Q3', 'TOTAL', 10], 'duplicate', /as row 2/],
    ];
    let report: Promise<Report>;
    const uploaded = () => {
      report ??= upload('local.naga', csv(...ROWS.map(([, row]) => [...row, '', '', ''])), { type: 'text/csv' }).then(
        ({ body }) => body,
      );
      return report;
    };

    test.each(ROWS.map(([label, , expected, reason], index) => [label, index + 2, expected, reason] as const))(
      '%s (row %i) → %s',
      async (_label, row, expected, reason) => {
        const outcome = (await uploaded()).rows.find((candidate) => candidate.row === row);
        if (expected === 'update' || expected === 'unchanged') expect(outcome?.action).toBe(expected);
        else {
          expect(outcome?.action).toBe('rejected');
          expect(outcome?.problem).toBe(expected);
          expect(outcome?.reason).toMatch(reason);
        }
      },
    );

    test('an unchanged value in a locked report passes as unchanged (nothing would be written)', async () => {
      const text = await exportCsv('local.naga', 'orgUnit=PHL-naga-city&periods=2026Q2');
      const { body } = await upload('local.naga', text, { type: 'text/csv' });
      expect(body.counts.rows).toBeGreaterThan(0);
      expect(body.counts.unchanged).toBe(body.counts.rows);
    });

    test('a confirm with any rejected row is 422 with the full report, and nothing is written', async () => {
      const before = await snapshot(handle.db);
      const body = csv(...ROWS.map(([, row]) => [...row, '', '', '']));
      const { status, body: error } = await upload<ErrorBody>('local.naga', body, { type: 'text/csv', dryRun: false });
      expect(status).toBe(422);
      expect(error.error.code).toBe('import_rejected');
      expect(error.error.message).toMatch(/nothing was written/);
      expect((error.error.details as Report).counts.rejected).toBe(ROWS.length - 2);
      // The report says so too: a client reading `committed` must not believe the good rows went in.
      expect((error.error.details as Report).committed).toBe(false);
      expect(await snapshot(handle.db)).toEqual(before);
    });
  });

  test.each([
    ['an admin, anywhere', 'admin', 'PHL-pili', 200, 'update'],
    ['a regional council, its own unit', 'region.bicol', 'PH-05', 200, 'update'],
    ['a regional council, a municipality below', 'region.bicol', 'PHL-naga-city', 200, 'rejected'],
  ])('%s', async (_label, who, unit, status, action) => {
    const response = await app.request(`/api/reports/${unit}/2026Q3`, { headers: { cookie: cookies.admin ?? '' } });
    const form = (await response.json()) as {
      indicators: { code: string; valueType: string }[];
      values: { indicator: string; option: string; value: number }[];
    };
    const counted = new Set(
      form.indicators.filter((indicator) => indicator.valueType === 'integer').map((indicator) => indicator.code),
    );
    const value = form.values.find((candidate) => candidate.option === 'TOTAL' && counted.has(candidate.indicator));
    expect(value).toBeDefined();
    const result = await upload(
      who,
      csv([value?.indicator ?? '', unit, '2026Q3', 'TOTAL', (value?.value ?? 0) + 1, '', '', '']),
      {
        type: 'text/csv',
      },
    );
    expect(result.status).toBe(status);
    expect(result.body.rows[0]?.action).toBe(action);
  });

  test.each([
    ['anonymous', null, 401, 'sign_in_required'],
    ['a donor', 'donor', 403, 'not_allowed'],
  ])('%s cannot import', async (_label, who, status, code) => {
    const result = await upload<ErrorBody>(
      who,
      csv(['COORD_MEETINGS', 'PHL-naga-city', '2026Q3', 'TOTAL', 1, '', '', '']),
      {
        type: 'text/csv',
      },
    );
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });

  describe('bad input gets a report a person can act on, writes nothing, and is never a 500', () => {
    const GOOD = ['COORD_MEETINGS', 'PHL-naga-city', '2026Q3', 'TOTAL', 7, '', '', ''];
    const utf16 = () => {
      const text = csv(GOOD);
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
      return bytes;
    };
    const latin1 = () => {
      const text = csv([...GOOD.slice(0, 7), 'R\u00e9union avec la mairie']);
      return Uint8Array.from(text, (char) => char.charCodeAt(0));
    };
    const multipartWithoutFile = () => {
      const form = new FormData();
      form.append('notes', 'forgot the file');
      return form;
    };
    /** The first bytes of an .ods: a ZIP whose first entry, "mimetype", names the OpenDocument type. */
    const odsHead = () => {
      const bytes = new Uint8Array(200);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      bytes.set(new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 30);
      return bytes;
    };
    const workbookOf = async (rows: (string | number)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Values');
      for (const row of rows) sheet.addRow(row);
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };
    const CASES: [string, number, string, () => BodyInit | Promise<BodyInit>, string | undefined, RegExp][] = [
      ['an empty body', 400, 'empty_file', () => '', 'text/csv', /empty/],
      ['only blank lines', 400, 'empty_file', () => '\r\n  \r\n', 'text/csv', /empty/],
      ['a header and no rows', 400, 'no_rows', () => `${HEADER}\r\n`, 'text/csv', /no data rows/],
      [
        'no value column',
        400,
        'missing_columns',
        () => 'indicator,org_unit,period\r\nCOORD_MEETINGS,PHL-naga-city,2026Q3\r\n',
        'text/csv',
        /value/,
      ],
      [
        'no unit column',
        400,
        'missing_columns',
        () => 'indicator,period,value\r\nCOORD_MEETINGS,2026Q3,1\r\n',
        'text/csv',
        /orgUnit/,
      ],
      [
        'a column named twice',
        400,
        'duplicate_column',
        () => 'indicator,org_unit,orgUnit,period,value\r\nA,B,C,2026Q3,1\r\n',
        'text/csv',
        /twice/,
      ],
      [
        'a quote never closed (truncated)',
        400,
        'malformed_csv',
        () => `${csv(GOOD)}"COORD_MEETINGS,PHL-naga-city,2026Q3,TOTAL,7`,
        'text/csv',
        /Row 3 .*never closes/,
      ],
      [
        'a row cut short (truncated)',
        422,
        'import_rejected',
        () => `${csv(GOOD)}LIVELIHOOD,PHL-naga-city,2026Q3`,
        'text/csv',
        /truncated/,
      ],
      [
        'an unquoted comma in a comment',
        422,
        'import_rejected',
        () => csv([...GOOD.slice(0, 7), 'met twice, in June']),
        'text/csv',
        /comma without quotes/,
      ],
      ['UTF-16 (Excel "Unicode Text")', 415, 'wrong_encoding', utf16, 'text/csv', /UTF-16.*CSV UTF-8/],
      [
        'Latin-1 / Windows-1252',
        415,
        'wrong_encoding',
        latin1,
        'text/csv',
        /not valid UTF-8: byte 0xE9 on line 2.*Latin-1/,
      ],
      [
        'an Excel 97–2003 .xls',
        415,
        'unsupported_format',
        () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        'application/vnd.ms-excel',
        /\.xls/,
      ],
      [
        'a truncated .xlsx',
        400,
        'malformed_xlsx',
        () => xlsxExport.slice(0, Math.floor(xlsxExport.length / 2)),
        XLSX_TYPE,
        /truncated or damaged/,
      ],
      ['a CSV sent as .xlsx', 400, 'malformed_xlsx', () => csv(GOOD), XLSX_TYPE, /not one/],
      [
        'unknown codes',
        422,
        'import_rejected',
        () => csv(['NOPE', 'XX-1', '2026Q3', 'TOTAL', 1, '', '', '']),
        'text/csv',
        /No indicator has the code "NOPE"/,
      ],
      ['the same key twice', 422, 'import_rejected', () => csv(GOOD, GOOD), 'text/csv', /as row 2/],
      [
        'decimal commas (a semicolon CSV)',
        422,
        'import_rejected',
        () => 'indicator;org_unit;period;value\r\nDIASPORA_USD;PHL-naga-city;2026Q3;26000,5\r\n',
        'text/csv',
        /point for decimals/,
      ],
      ['a form without the file', 400, 'missing_file', multipartWithoutFile, undefined, /field named "file"/],
      [
        'an Excel 2003 XML spreadsheet',
        415,
        'unsupported_format',
        () => '<?xml version="1.0"?>\r\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/>',
        'text/csv',
        /Excel 2003 XML spreadsheet.*CSV file \(UTF-8\) or an \.xlsx/,
      ],
      [
        'truncated XML',
        415,
        'unsupported_format',
        () => '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue dataElement="COORD',
        'application/xml',
        /XML document, not a table/,
      ],
      ['JSON', 415, 'unsupported_format', () => '{"dataValues": [', 'application/json', /JSON, not a table/],
      [
        'a NUL byte (binary or damaged text)',
        400,
        'nul_character',
        () => csv(GOOD, ['COORD_MEETINGS', 'PHL-naga-city', '2026Q3', 'TOTAL', 7, '', '', 'a\u0000b']),
        'text/csv',
        /NUL character \(byte 0x00\) on line 3/,
      ],
      ['an OpenDocument spreadsheet (.ods)', 415, 'unsupported_format', odsHead, undefined, /OpenDocument.*\.xlsx/],
      ['an .xlsx whose first sheet is empty', 400, 'empty_file', () => workbookOf([]), XLSX_TYPE, /sheet is empty/],
      [
        'an .xlsx with a header and no rows',
        400,
        'no_rows',
        () => workbookOf([HEADER.split(',')]),
        XLSX_TYPE,
        /no data rows/,
      ],
      [
        'an .xlsx with an unknown code and a repeated key',
        422,
        'import_rejected',
        () => workbookOf([HEADER.split(','), GOOD, ['NOPE', ...GOOD.slice(1)], GOOD]),
        XLSX_TYPE,
        /No indicator has the code "NOPE".*same indicator, unit, period and option as row 2/,
      ],
    ];
    test.each(CASES)('%s → %i %s', async (_label, status, code, body, type, message) => {
      const before = await snapshot(handle.db);
      const payload = await body();
      const result = await upload<ErrorBody>('local.naga', payload, {
        ...(type !== undefined && { type }),
        dryRun: false,
      });
      expect(result.status).toBe(status);
      expect(result.body.error.code).toBe(code);
      const reasons = JSON.stringify(result.body.error.details ?? '');
      expect(`${result.body.error.message} ${reasons}`).toMatch(message);
      expect(await snapshot(handle.db)).toEqual(before);
    });

    test('the import routes hold their own limit while the body streams in (no Content-Length)', async () => {
      const routes = importRoutes(handle.db, { now: () => TEST_AS_OF, maxUploadBytes: 1024 });
      const chunk = new TextEncoder().encode(csv(GOOD));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 50; i++) controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await routes.request('/data-values?dryRun=true', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as ErrorBody).error.message).toMatch(/larger than 1 KB/);
    });

    test('imports have their own limit: over it 413 naming the limit, and nothing is written', async () => {
      const limited = createApp(handle, {
        version: 'test',
        log: () => {},
        now: () => TEST_AS_OF,
        maxBodyBytes: 1024,
        maxImportBytes: 8 * 1024,
      });
      const headers = { cookie: cookies['local.naga'] ?? '', origin: ORIGIN, 'content-type': 'text/csv' };
      const rows = (count: number) => csv(...Array.from({ length: count }, (_, i) => [...GOOD.slice(0, 4), i]));
      const before = await snapshot(handle.db);
      const big = rows(300);
      const declared = { ...headers, 'content-length': String(new TextEncoder().encode(big).length) };
      for (const [body, sent] of [
        [big, declared],
        [streamOf(big), headers],
      ] as const) {
        const over = await limited.request('/api/imports/data-values?dryRun=false', {
          method: 'POST',
          headers: sent,
          body,
          duplex: 'half',
        } as RequestInit);
        expect(over.status).toBe(413);
        const error = ((await over.json()) as ErrorBody).error;
        expect(error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: 8 * 1024 } });
        expect(error.message).toMatch(/larger than 8 KB, the most one import takes\. Split the file/);
      }
      expect(await snapshot(handle.db)).toEqual(before);

      // Over the app-wide limit (1 KB) but within the import limit: the import reads it.
      const within = rows(40);
      expect(within.length).toBeGreaterThan(1024);
      const accepted = await limited.request('/api/imports/data-values?dryRun=true', {
        method: 'POST',
        headers,
        body: within,
      });
      expect(accepted.status).toBe(200);
      expect(((await accepted.json()) as Report).counts.rows).toBe(40);
      // Every other request keeps the app-wide limit.
      const other = await limited.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(2000) }),
      });
      expect(other.status).toBe(413);
      expect(((await other.json()) as ErrorBody).error.message).toMatch(/larger than 1 KB/);
    });

    test('the import limit defaults to 50 MB and is configured by M4D_MAX_IMPORT_BYTES', () => {
      expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(50 * 1024 * 1024);
      expect(readConfig({}).maxImportBytes).toBeUndefined();
      expect(readConfig({ M4D_MAX_IMPORT_BYTES: '200MB' }).maxImportBytes).toBe(200 * 1024 * 1024);
      expect(readConfig({ M4D_MAX_IMPORT_BYTES: '512 kb' }).maxImportBytes).toBe(512 * 1024);
      expect(readConfig({ M4D_MAX_IMPORT_BYTES: '1000000' }).maxImportBytes).toBe(1_000_000);
      for (const bad of ['lots', '0', '-5MB', '1.5GB']) {
        expect(() => readConfig({ M4D_MAX_IMPORT_BYTES: bad })).toThrow(/M4D_MAX_IMPORT_BYTES must be a size/);
      }
    });
  });
});

describe.each(ENGINES)('metadata imports on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['admin', 'national.phl']) cookies[who] = await signIn(app, `${who}@example.org`);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const upload = async (path: string, body: BodyInit, type: string, dryRun: boolean, who = 'admin') => {
    const response = await app.request(`/api/imports/${path}?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { cookie: cookies[who] ?? '', origin: ORIGIN, 'content-type': type },
      body,
    });
    return { status: response.status, body: (await response.json()) as Report & ErrorBody };
  };

  const INDICATORS = [
    'code,name,value_type,aggregation_type,direction,periodicity,disaggregation,theme,tiers,unit,min_value,max_value',
    'HOUSING_AID,Households given housing aid,integer,sum,higher,quarterly,SEX,SERVICES,local;regional,households,0,500',
    'COORD_MEETINGS,Coordination meetings held,integer,sum,higher,quarterly,default,COORDINATION,local;regional;national,meetings,0,40',
  ].join('\r\n');

  test('indicators: a dry run says what changes; the commit adds and updates them; only admins', async () => {
    const preview = await upload('indicators', INDICATORS, 'text/csv', true);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((row) => [row.row, row.action])).toEqual([
      [2, 'insert'],
      [3, 'update'],
    ]);
    const staff = await upload('indicators', INDICATORS, 'text/csv', false, 'national.phl');
    expect(staff.status).toBe(403);

    const committed = await upload('indicators', INDICATORS, 'text/csv', false);
    expect(committed.status).toBe(200);
    const list = await app.request('/api/indicators');
    const indicators = (
      (await list.json()) as { items: { code: string; tiers: string[]; disaggregation: { code: string } }[] }
    ).items;
    expect(indicators.find((indicator) => indicator.code === 'HOUSING_AID')).toMatchObject({
      tiers: expect.arrayContaining(['local', 'regional']),
      disaggregation: { code: 'SEX' },
    });
    expect(indicators.find((indicator) => indicator.code === 'COORD_MEETINGS')?.tiers).toContain('national');
    const again = await upload('indicators', INDICATORS, 'text/csv', true);
    expect(again.body.rows.map((row) => row.action)).toEqual(['unchanged', 'unchanged']);
  });

  test.each([
    ['an unknown value type', 'X1,Name,decimal,sum', /value_type "decimal"/],
    ['a stage without stage_max', 'X2,Name,stage,last', /stage_max/],
    ['an unknown disaggregation', 'X3,Name,integer,sum,,,AGE', /No disaggregation has the code "AGE"/],
    [
      'a new type for an indicator with data',
      'MIG_SERVED,People served,number,sum,,,SEX_AGE_STATUS',
      /cannot change to number/,
    ],
    [
      'a new breakdown for an indicator with data',
      'MIG_SERVED,People served,integer,sum,,,SEX',
      /disaggregation cannot change/,
    ],
    ['a code twice', 'X4,Name,integer,sum\r\nX4,Other,integer,sum', /row 2 already/],
  ])('indicators: %s is rejected, and a commit writes nothing', async (_label, rows, reason) => {
    const body = `code,name,value_type,aggregation_type,direction,periodicity,disaggregation\r\n${rows}\r\n`;
    const before = await snapshot(handle.db);
    const { status, body: result } = await upload('indicators', body, 'text/csv', false);
    expect(status).toBe(422);
    expect((result.error.details as Report).rows.map((row) => row.reason).join(' ')).toMatch(reason);
    expect(await snapshot(handle.db)).toEqual(before);
  });

  test('targets: insert, update and unchanged; bad years, types and units are rejected', async () => {
    const good = [
      'indicator,org_unit,type,year,value',
      'MIG_SERVED,PHL-naga-city,target,2027,900',
      'MIG_SERVED,PHL-naga-city,baseline,2024,100',
    ].join('\r\n');
    const preview = await upload('targets', good, 'text/csv', true);
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toMatchObject({ rows: 2, rejected: 0 });
    expect(preview.body.counts.insert).toBeGreaterThanOrEqual(1);
    const committed = await upload('targets', good, 'text/csv', false);
    expect(committed.status).toBe(200);
    const again = await upload('targets', good, 'text/csv', true);
    expect(again.body.counts.unchanged).toBe(2);

    const bad = [
      'indicator,org_unit,type,year,value',
      'MIG_SERVED,PHL-naga-city,goal,2027,1',
      'MIG_SERVED,PHL-naga-city,target,2027Q1,1',
      'MIG_SERVED,XX-99,target,2027,1',
      'MIG_COUNCIL,PHL-naga-city,target,2027,3',
    ].join('\r\n');
    const before = await snapshot(handle.db);
    const refused = await upload('targets', bad, 'text/csv', false);
    expect(refused.status).toBe(422);
    const reasons = (refused.body.error.details as Report).rows.map((row) => row.reason);
    expect(reasons[0]).toMatch(/type "goal"/);
    expect(reasons[1]).toMatch(/not a year/);
    expect(reasons[2]).toMatch(/XX-99/);
    expect(reasons[3]).toMatch(/yes \(1\) or no \(0\)/);
    expect(await snapshot(handle.db)).toEqual(before);
  });

  const square = (x: number, y: number) => [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ];
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  test('org units from GeoJSON: parents in the file or stored, boundaries saved, existing units updated', async () => {
    const body = collection(
      feature(
        { code: 'PHL-bula', name: 'Bula', kind: 'municipality', parent: 'PH-CAS' },
        { type: 'Polygon', coordinates: square(123.2, 13.4) },
      ),
      feature(
        { code: 'PH-XX', name: 'New province', kind: 'province', parent: 'PH-05' },
        { type: 'MultiPolygon', coordinates: [square(124, 13)] },
      ),
      feature(
        { code: 'PHL-xx-town', name: 'Town', kind: 'municipality', parent: 'PH-XX' },
        { type: 'Polygon', coordinates: square(124, 13) },
      ),
      feature(
        { code: 'PHL-naga-city', name: 'Naga City', kind: 'municipality', parent: 'PH-CAS' },
        { type: 'Polygon', coordinates: square(123.1, 13.6) },
      ),
    );
    const parent = await handle.db
      .selectFrom('org_unit as u')
      .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
      .select('p.code')
      .where('u.code', '=', 'PHL-naga-city')
      .executeTakeFirstOrThrow();
    expect(parent.code).toBe('PH-CAS');
    const preview = await upload('org-units', body, 'application/geo+json', true);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((row) => row.action)).toEqual(['insert', 'insert', 'insert', 'update']);
    const committed = await upload('org-units', body, 'application/geo+json', false);
    expect(committed.status).toBe(200);
    const unit = await app.request('/api/org-units/PHL-xx-town');
    expect(((await unit.json()) as { ancestors: { code: string }[] }).ancestors.map((a) => a.code)).toContain('PH-XX');
    const boundaries = await handle.db
      .selectFrom('org_unit_boundary as b')
      .innerJoin('org_unit as u', 'u.id', 'b.org_unit_id')
      .select(['u.code', 'b.geometry'])
      .where('u.code', 'in', ['PHL-bula', 'PH-XX', 'PHL-xx-town', 'PHL-naga-city'])
      .execute();
    expect(boundaries).toHaveLength(4);
    expect(JSON.parse(boundaries.find((row) => row.code === 'PH-XX')?.geometry ?? '{}').type).toBe('MultiPolygon');
  });

  test.each([
    [
      'a point',
      feature({ code: 'A1', name: 'A', kind: 'municipality', parent: 'PH-05' }, { type: 'Point', coordinates: [1, 2] }),
      /Polygon or MultiPolygon/,
    ],
    [
      'an open ring',
      feature(
        { code: 'A2', name: 'A', kind: 'municipality', parent: 'PH-05' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
      ),
      /not closed/,
    ],
    [
      'an unknown parent',
      feature(
        { code: 'A3', name: 'A', kind: 'municipality', parent: 'NOWHERE' },
        { type: 'Polygon', coordinates: square(0, 0) },
      ),
      /NOWHERE is neither stored nor in the file/,
    ],
    [
      'a country with a parent',
      feature(
        { code: 'A4', name: 'A', kind: 'country', parent: 'PHL' },
        { type: 'Polygon', coordinates: square(0, 0) },
      ),
      /no parent/,
    ],
    [
      'a move to another parent',
      feature(
        { code: 'PHL-pili', name: 'Pili', kind: 'municipality', parent: 'PH-05' },
        { type: 'Polygon', coordinates: square(0, 0) },
      ),
      /moving a unit is not supported/,
    ],
  ])('org units: %s is rejected and nothing is written', async (_label, bad, reason) => {
    const good = feature(
      { code: 'OK-1', name: 'Fine', kind: 'municipality', parent: 'PH-05' },
      { type: 'Polygon', coordinates: square(0, 0) },
    );
    const before = await snapshot(handle.db);
    const { status, body } = await upload('org-units', collection(good, bad), 'application/geo+json', false);
    expect(status).toBe(422);
    expect((body.error.details as Report).rows.map((row) => row.reason).join(' ')).toMatch(reason);
    expect(await snapshot(handle.db)).toEqual(before);
  });

  test.each([
    ['not JSON', 400, 'malformed_json', '{"type": "FeatureCollection", "features": [', /ends too early/],
    ['not a FeatureCollection', 400, 'invalid_geojson', '{"type": "Feature"}', /FeatureCollection/],
    ['no features', 400, 'no_rows', '{"type": "FeatureCollection", "features": []}', /no features/],
  ])('org units: %s → %i %s', async (_label, status, code, body, message) => {
    const result = await upload('org-units', body, 'application/geo+json', false);
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.message).toMatch(message);
  });

  describe('bad files get a report a person can act on and write nothing', () => {
    const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
    const utf16 = (text: string) =>
      new Uint8Array([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0), 0])]);
    const truncatedXlsx = async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Targets');
      sheet.addRow(['indicator', 'org_unit', 'type', 'year', 'value']);
      for (let year = 2024; year <= 2027; year++) sheet.addRow(['MIG_SERVED', 'PHL-naga-city', 'target', year, 10]);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      return bytes.slice(0, Math.floor(bytes.length / 2));
    };
    const TARGETS = 'indicator,org_unit,type,year,value';
    const CASES: [string, string, number, string, () => BodyInit | Promise<BodyInit>, string, RegExp][] = [
      ['indicators', 'an empty file', 400, 'empty_file', () => '', 'text/csv', /empty/],
      [
        'indicators',
        'Latin-1',
        415,
        'wrong_encoding',
        () => latin1('code,name,value_type,aggregation_type\r\nX1,R\u00e9unions,integer,sum\r\n'),
        'text/csv',
        /byte 0xE9 on line 2.*Latin-1/,
      ],
      [
        'indicators',
        'a row cut short',
        422,
        'import_rejected',
        () => 'code,name,value_type,aggregation_type\r\nX1,Name,integer,sum\r\nX2,Na',
        'text/csv',
        /2 of the header's 4 columns: the file may be truncated/,
      ],
      [
        'targets',
        'a quote never closed',
        400,
        'malformed_csv',
        () => `${TARGETS}\r\n"MIG_SERVED,PHL-naga-city,target,2027,1`,
        'text/csv',
        /never closes/,
      ],
      [
        'targets',
        'a row cut short',
        422,
        'import_rejected',
        () => `${TARGETS}\r\nMIG_SERVED,PHL-naga-city,target,2027,900\r\nMIG_SERVED,PHL-naga`,
        'text/csv',
        /2 of the header's 5 columns: the file may be truncated/,
      ],
      ['targets', 'a truncated .xlsx', 400, 'malformed_xlsx', truncatedXlsx, XLSX_TYPE, /truncated or damaged/],
      [
        'targets',
        'an unknown code and a repeated key',
        422,
        'import_rejected',
        () =>
          `${TARGETS}\r\nMIG_SERVED,PHL-naga-city,target,2027,900\r\nMIG_SERVED,XX-99,target,2027,1\r\nMIG_SERVED,PHL-naga-city,target,2027,901\r\n`,
        'text/csv',
        /No org unit has the code \\"XX-99\\".*Row 2 has the same indicator, unit, type and year/,
      ],
      [
        'targets',
        'a NUL byte in a code',
        400,
        'nul_character',
        () => `${TARGETS}\r\nMIG_SERVED\u0000,PHL-naga-city,target,2027,900\r\n`,
        'text/csv',
        /NUL character \(byte 0x00\) on line 2/,
      ],
      ['org-units', 'an empty file', 400, 'empty_file', () => '', 'application/geo+json', /empty/],
      [
        'org-units',
        'the escape \\u0000 in a property',
        400,
        'nul_character',
        () => '{"type": "FeatureCollection",\n "features": [{"type": "Feature", "properties": {"code": "A\\u0000"}}]}',
        'application/geo+json',
        /escape \\u0000 \(a NUL character\) on line 2/,
      ],
      [
        'org-units',
        'KML instead of GeoJSON',
        415,
        'unsupported_format',
        () => '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
        'application/vnd.google-earth.kml+xml',
        /XML, not JSON.*KML.*QGIS/,
      ],
      [
        'org-units',
        'UTF-16',
        415,
        'wrong_encoding',
        () => utf16('{"type": "FeatureCollection", "features": []}'),
        'application/geo+json',
        /UTF-16/,
      ],
    ];
    test.each(CASES)('%s: %s → %i %s', async (path, _label, status, code, body, type, message) => {
      const before = await snapshot(handle.db);
      const result = await upload(path, await body(), type, false);
      expect(result.status).toBe(status);
      expect(result.body.error.code).toBe(code);
      expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details ?? '')}`).toMatch(message);
      expect(await snapshot(handle.db)).toEqual(before);
    });
  });

  test('a duplicate code in a GeoJSON file is rejected', async () => {
    const one = feature(
      { code: 'DUP-1', name: 'One', kind: 'municipality', parent: 'PH-05' },
      { type: 'Polygon', coordinates: square(0, 0) },
    );
    const { status, body } = await upload('org-units', collection(one, one), 'application/geo+json', true);
    expect(status).toBe(200);
    expect(body.rows[1]).toMatchObject({
      action: 'rejected',
      reason: expect.stringMatching(/Feature 1 has the code DUP-1/),
    });
  });

  test('an XLSX of indicators works like the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Indicators');
    sheet.addRow(['code', 'name', 'value_type', 'aggregation_type', 'stage_max']);
    sheet.addRow(['PLAN_STAGE', 'Planning stage', 'stage', 'last', 3]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload('indicators', bytes, XLSX_TYPE, true);
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ row: 2, action: 'insert', key: 'PLAN_STAGE' }]);
  });
});

describe.each(ENGINES)('an import writes what the entry form writes, on %s', (engine) => {
  let form: TestDatabase;
  let file: TestDatabase;
  beforeAll(async () => {
    [form, file] = await Promise.all([createSeededDatabase(engine), createSeededDatabase(engine)]);
  }, 180_000);
  afterAll(async () => Promise.all([form.dispose(), file.dispose()]));

  const UNIT = 'SEN-sedhiou';
  const PERIOD = '2026Q3';
  const WHO = 'local.sedhiou@example.org';

  /** Everything a save leaves behind for one unit × quarter, by code (ids differ between databases). */
  async function written(db: Kysely<Database>) {
    const values = await db
      .selectFrom('data_value as dv')
      .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
      .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
      .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
      .leftJoin('app_user as c', 'c.id', 'dv.created_by')
      .leftJoin('app_user as m', 'm.id', 'dv.updated_by')
      .select([
        'i.code as indicator',
        'o.code as option',
        'dv.value',
        'dv.numerator',
        'dv.denominator',
        'dv.comment',
        'dv.version',
        'c.email as createdBy',
        'm.email as updatedBy',
        'dv.created_at',
        'dv.updated_at',
      ])
      .where('u.code', '=', UNIT)
      .where('dv.period_id', '=', PERIOD)
      .orderBy('i.code')
      .orderBy('o.code')
      .execute();
    const audit = await db
      .selectFrom('audit_log as a')
      .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
      .leftJoin('app_user as p', 'p.id', 'a.actor_id')
      .leftJoin('indicator as i', 'i.id', 'a.indicator_id')
      .select([
        'a.entity_type',
        'a.entity_key',
        'a.action',
        'a.old_value',
        'a.new_value',
        'p.email as actor',
        'i.code as indicator',
        'a.period_id',
        'a.created_at',
      ])
      .where('u.code', '=', UNIT)
      .where('a.period_id', '=', PERIOD)
      .orderBy('a.entity_key')
      .orderBy('a.id')
      .execute();
    const report = await db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select(['r.id', 'r.status', 'r.version', 'r.updated_at'])
      .where('u.code', '=', UNIT)
      .where('r.period_id', '=', PERIOD)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('report_event as e')
      .leftJoin('app_user as p', 'p.id', 'e.actor_id')
      .select(['e.action', 'e.from_status', 'e.to_status', 'p.email'])
      .where('e.report_id', '=', report.id)
      .orderBy('e.id')
      .execute();
    return {
      values,
      audit: audit.map((entry) => ({
        ...entry,
        old_value: entry.old_value === null ? null : JSON.parse(entry.old_value),
        new_value: entry.new_value === null ? null : JSON.parse(entry.new_value),
      })),
      report: { status: report.status, version: report.version, updatedAt: report.updated_at },
      events,
    };
  }

  test('new and changed values: the same rows, versions, audit entries, report version and events', async () => {
    const formApp = createTestApp(form);
    const fileApp = createTestApp(file);
    const [formCookie, fileCookie] = await Promise.all([signIn(formApp, WHO), signIn(fileApp, WHO)]);
    const detail = (await (
      await formApp.request(`/api/reports/${UNIT}/${PERIOD}`, { headers: { cookie: formCookie } })
    ).json()) as {
      report: { status: string };
      indicators: { code: string; valueType: string; disaggregation: { options: { code: string }[] } }[];
    };
    expect(detail.report.status).toBe('not_started');
    /** Round 0 enters values; round 1 changes every one of them (and its comment). */
    const inputs = (round: number) =>
      detail.indicators.flatMap((indicator) =>
        indicator.disaggregation.options.slice(0, 2).map((option) => {
          const comment = round === 0 ? 'from the register' : 'corrected: see the register';
          const base = { indicator: indicator.code, option: option.code, comment, version: round === 0 ? null : 1 };
          switch (indicator.valueType) {
            case 'percentage':
              return { ...base, numerator: 5 + round, denominator: 20 };
            case 'yes_no':
              return { ...base, value: 1 - round };
            case 'number':
              return { ...base, value: 3.25 + round };
            default:
              return { ...base, value: 1 + round };
          }
        }),
      );
    const csvOf = (round: number) =>
      csv(
        ...inputs(round).map((input) => [
          input.indicator,
          UNIT,
          PERIOD,
          input.option,
          'value' in input ? input.value : '',
          'numerator' in input ? input.numerator : '',
          'denominator' in input ? input.denominator : '',
          input.comment,
        ]),
      );
    expect(inputs(0).length).toBeGreaterThan(5);

    for (const round of [0, 1]) {
      const saved = await formApp.request(`/api/reports/${UNIT}/${PERIOD}/values`, {
        method: 'PUT',
        headers: { cookie: formCookie, origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ values: inputs(round) }),
      });
      expect(saved.status).toBe(200);
      const imported = await fileApp.request('/api/imports/data-values?dryRun=false', {
        method: 'POST',
        headers: { cookie: fileCookie, origin: ORIGIN, 'content-type': 'text/csv' },
        body: csvOf(round),
      });
      expect(imported.status).toBe(200);
      expect(((await imported.json()) as Report).counts).toMatchObject(
        round === 0 ? { insert: inputs(0).length } : { update: inputs(1).length },
      );
      const [fromForm, fromFile] = await Promise.all([written(form.db), written(file.db)]);
      expect(fromForm.values).toHaveLength(inputs(0).length);
      expect(fromForm.audit).toHaveLength(inputs(0).length * (round + 1));
      expect(fromFile).toEqual(fromForm);
    }
  });
});

describe.each(ENGINES)('a commit never overwrites what changed after its plan, on %s', (engine) => {
  let handle: TestDatabase;
  let admin: SessionUser;
  const UNIT = 'SEN-sedhiou';
  const PERIOD = '2026Q3';
  const candidate = (row: number, indicator: string, option: string, value: number): CandidateValue => ({
    row,
    indicator,
    orgUnit: UNIT,
    period: PERIOD,
    option,
    value,
  });
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    const row = await handle.db
      .selectFrom('app_user')
      .select(['id', 'email', 'name'])
      .where('email', '=', 'admin@example.org')
      .executeTakeFirstOrThrow();
    admin = { ...row, role: 'admin', orgUnit: null, locale: 'en' };
    const first = await runImport(
      handle.db,
      admin,
      [candidate(2, 'COORD_MEETINGS', 'TOTAL', 4), candidate(3, 'DIASPORA_PARTICIPANTS', 'F', 5)],
      { now: TEST_AS_OF, dryRun: false, atomic: true },
    );
    expect(first.plan.writes).toHaveLength(2);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const stored = (indicator: string, option: string) =>
    handle.db
      .selectFrom('data_value as dv')
      .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
      .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
      .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
      .select(['dv.id', 'dv.version'])
      .where('i.code', '=', indicator)
      .where('o.code', '=', option)
      .where('u.code', '=', UNIT)
      .where('dv.period_id', '=', PERIOD);

  test('a value someone changed meanwhile: 409, and none of the import is written', async () => {
    const plan = await planImport(
      handle.db,
      admin,
      [candidate(2, 'COORD_MEETINGS', 'TOTAL', 7), candidate(3, 'DIASPORA_PARTICIPANTS', 'F', 8)],
      { today: TEST_AS_OF },
    );
    expect(plan.writes.map((write) => write.outcome.action)).toEqual(['update', 'update']);
    const theirs = await stored('DIASPORA_PARTICIPANTS', 'F').executeTakeFirstOrThrow();
    await handle.db
      .updateTable('data_value')
      .set({ value: 50, version: theirs.version + 1 })
      .where('id', '=', theirs.id)
      .execute();
    const before = await snapshot(handle.db);
    await expect(inTransaction(handle.db, (trx) => applyImport(trx, plan, admin, TEST_AS_OF))).rejects.toMatchObject({
      status: 409,
      code: 'changed_meanwhile',
    });
    expect(await snapshot(handle.db)).toEqual(before);
  });

  test('a value someone stored meanwhile where the plan inserts one: 409, and nothing is overwritten', async () => {
    const plan = await planImport(
      handle.db,
      admin,
      [candidate(2, 'COORD_MEETINGS', 'TOTAL', 9), candidate(3, 'DIASPORA_PARTICIPANTS', 'M', 6)],
      { today: TEST_AS_OF },
    );
    expect(plan.writes.map((write) => write.outcome.action)).toEqual(['update', 'insert']);
    const planned = plan.writes[1];
    if (!planned) throw new Error('no insert planned');
    await handle.db
      .insertInto('data_value')
      .values({
        indicator_id: planned.indicatorId,
        org_unit_id: planned.unit.id,
        period_id: PERIOD,
        option_id: planned.optionId,
        value: 60,
        numerator: null,
        denominator: null,
        comment: 'theirs',
        created_by: null,
        updated_by: null,
        created_at: TEST_AS_OF.toISOString(),
        updated_at: TEST_AS_OF.toISOString(),
      })
      .execute();
    const before = await snapshot(handle.db);
    await expect(inTransaction(handle.db, (trx) => applyImport(trx, plan, admin, TEST_AS_OF))).rejects.toMatchObject({
      status: 409,
      code: 'changed_meanwhile',
    });
    expect(await snapshot(handle.db)).toEqual(before);
    expect((await stored('DIASPORA_PARTICIPANTS', 'M').select('dv.comment').executeTakeFirstOrThrow()).comment).toBe(
      'theirs',
    );
  });
});
