// The bulk export of data values: CSV (RFC 4180) and XLSX, visibility by role, formula neutralisation.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvField, neutraliseFormula } from '../../server/lib/spreadsheet-writers';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

const HEADER = 'indicator,org_unit,period,option,value,numerator,denominator,report_status,comment';

describe('formula neutralisation and CSV fields', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12', "'+33 6 12"],
    ['-5 people', "'-5 people"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('text %j → %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  test.each([
    [-5, 'number', '-5'],
    [0.125, 'number', '0.125'],
    [null, 'number', ''],
    ['a,b', 'text', '"a,b"'],
    ['say "hi"', 'text', '"say ""hi"""'],
    ['two\nlines', 'text', '"two\nlines"'],
    ['=HYPERLINK("x")', 'text', `"'=HYPERLINK(""x"")"`],
    ['-1', 'text', "'-1"],
  ] as const)('%j as %s → %j', (cell, type, expected) => {
    expect(csvField(cell, type)).toBe(expected);
  });
});

describe.each(ENGINES)('data value exports on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['local.naga', 'donor', 'admin']) cookies[who] = await signIn(app, `${who}@example.org`);
    // A comment that a spreadsheet would run as a formula, and one that needs CSV quoting.
    const detail = await app.request('/api/reports/PHL-naga-city/2026Q3', {
      headers: { cookie: cookies['local.naga'] ?? '' },
    });
    const body = (await detail.json()) as {
      values: { indicator: string; option: string; value: number; version: number }[];
    };
    const [first, second] = body.values;
    if (!first || !second) throw new Error('Naga City has no 2026Q3 values');
    const saved = await app.request('/api/reports/PHL-naga-city/2026Q3/values', {
      method: 'PUT',
      headers: { cookie: cookies['local.naga'] ?? '', origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({
        values: [
          { ...first, comment: '=HYPERLINK("http://evil.example","click")' },
          { ...second, comment: 'Checked, "twice",\nwith the register' },
        ],
      }),
    });
    if (saved.status !== 200) throw new Error(`setup save failed: ${await saved.text()}`);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const download = (who: string | null, path: string) =>
    app.request(path, { headers: who === null ? {} : { cookie: cookies[who] ?? '' } });
  const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const apiTotal = async (who: string | null, query: string) => {
    const response = await download(who, `/api/data-values?${query}&limit=1`);
    return ((await response.json()) as { total: number }).total;
  };

  test('CSV: RFC 4180 header and CRLF records, UTF-8, no BOM unless asked, as an attachment', async () => {
    const response = await download('admin', '/api/exports/data-values.csv?orgUnit=PHL-naga-city');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      'attachment; filename="data-values_PHL-naga-city.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text);
    expect(rows.every((row) => row.length === 9)).toBe(true);
    expect(rows.length - 1).toBe(await countStored('PHL-naga-city'));

    const withBom = new Uint8Array(
      await (await download('admin', '/api/exports/data-values.csv?orgUnit=PHL-naga-city&bom=true')).arrayBuffer(),
    );
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  async function countStored(unit: string): Promise<number> {
    const row = await handle.db
      .selectFrom('data_value as dv')
      .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('u.code', '=', unit)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  test('formula-like comments are neutralised and quoting survives a real CSV parser', async () => {
    const text = await (
      await download('local.naga', '/api/exports/data-values.csv?orgUnit=PHL-naga-city&periods=2026Q3')
    ).text();
    const comments = parse(text).map((row) => row[8]);
    expect(comments).toContain('\'=HYPERLINK("http://evil.example","click")');
    expect(comments).toContain('Checked, "twice",\nwith the register');
    expect(comments.some((comment) => comment?.startsWith('='))).toBe(false);
  });

  test.each([
    ['anonymous', null],
    ['a donor', 'donor'],
  ])('%s gets approved data only, exactly what /api/data-values shows', async (_who, who) => {
    const text = await (await download(who, '/api/exports/data-values.csv?orgUnit=PHL&children=true')).text();
    const rows = parse(text).slice(1);
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((row) => row[7]))).toEqual(new Set(['approved', 'accepted']));
    expect(rows.length).toBe(await apiTotal(who, 'orgUnit=PHL&children=true'));
  });

  test('staff see their own unit’s drafts and returned reports, and nobody else’s', async () => {
    const text = await (
      await download('local.naga', '/api/exports/data-values.csv?orgUnit=PH-05&children=true')
    ).text();
    const rows = parse(text).slice(1);
    const unapproved = rows.filter((row) => !['approved', 'accepted'].includes(row[7] ?? ''));
    expect(unapproved.length).toBeGreaterThan(0);
    expect(new Set(unapproved.map((row) => row[1]))).toEqual(new Set(['PHL-naga-city']));
    const cookie = cookies['local.naga'] ?? '';
    const api = await app.request('/api/data-values?orgUnit=PH-05&children=true&limit=1', { headers: { cookie } });
    expect(rows.length).toBe(((await api.json()) as { total: number }).total);
  });

  test('filters: indicator, unit without children, periods (a year stands for its quarters)', async () => {
    const text = await (
      await download(
        'admin',
        '/api/exports/data-values.csv?indicator=MIG_SERVED&orgUnit=PHL-naga-city&periods=2025,2026Q1',
      )
    ).text();
    const rows = parse(text).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['MIG_SERVED']));
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['PHL-naga-city']));
    const periods = new Set(rows.map((row) => row[2]));
    expect(
      [...periods].every((period) => ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1'].includes(period ?? '')),
    ).toBe(true);
    expect(periods).toContain('2026Q1');
    expect(periods).toContain('2025Q4');
  });

  test('the whole database exports in id order without losing or repeating a row (keyset pages)', async () => {
    const text = await (await download('admin', '/api/exports/data-values.csv')).text();
    const rows = parse(text).slice(1);
    const stored = await handle.db
      .selectFrom('data_value')
      .select(handle.db.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(rows.length).toBe(Number(stored.n));
    const keys = new Set(rows.map((row) => row.slice(0, 4).join('/')));
    expect(keys.size).toBe(rows.length);
  });

  test.each([
    ['/api/exports/data-values.csv?indicator=NOPE', 404, 'indicator_not_found'],
    ['/api/exports/data-values.xlsx?orgUnit=XX-99', 404, 'org_unit_not_found'],
    ['/api/exports/data-values.csv?periods=2025-03', 400, 'invalid_request'],
  ])('%s → %i %s', async (path, status, code) => {
    const response = await download(null, path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  test('XLSX: typed numbers, frozen header, an About sheet with filters, time and approved-only', async () => {
    const response = await download(null, '/api/exports/data-values.xlsx?orgUnit=PH-05&children=true&periods=2026Q1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data values', 'About']);
    const [data, about] = workbook.worksheets;
    if (!data || !about) return;
    expect(data.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const csv = parse(
      await (await download(null, '/api/exports/data-values.csv?orgUnit=PH-05&children=true&periods=2026Q1')).text(),
    );
    expect(data.rowCount).toBe(csv.length);
    expect(data.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(data.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    const facts = new Map<string, unknown>();
    about.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('Approved data only')).toBe('yes');
    expect(facts.get('Org unit')).toBe('PH-05 and every unit below it');
    expect(facts.get('Periods')).toBe('2026Q1');
    expect(facts.get('Exported at (UTC)')).toBe('2026-11-28T12:00:00.000Z');
    expect(facts.get('Rows')).toBe(csv.length - 1);

    const staff = new ExcelJS.Workbook();
    const staffExport = await download('admin', '/api/exports/data-values.xlsx?orgUnit=PHL-naga-city&periods=2026Q3');
    await staff.xlsx.load(await staffExport.arrayBuffer());
    const aboutStaff = new Map<string, unknown>();
    staff.worksheets[1]?.eachRow((row) => aboutStaff.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(aboutStaff.get('Approved data only')).toBe('no');
    const comments: unknown[] = [];
    staff.worksheets[0]?.eachRow((row) => comments.push(row.getCell(9).value));
    expect(comments).toContain('\'=HYPERLINK("http://evil.example","click")');
  });
});
