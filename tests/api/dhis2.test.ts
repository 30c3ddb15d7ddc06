// DHIS2 dataValueSets both ways: the import summary and its conflicts, strategies, the code mapping,
// visibility of the export, bad payloads, and a full round trip into an empty database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listIndicators } from '../../db/queries/indicators';
import type { Database } from '../../db/schema';
import { createApp } from '../../server/app';
import { validateValue } from '../../server/services/reports';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, TEST_AS_OF, type TestDatabase } from '../helpers/database';

const FIXTURES = join(import.meta.dirname, '../fixtures/dhis2');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const DHIS2_CSV_HEADER =
  'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';

type Conflict = { object: string; value: string; errorCode: string; property: string; indexes: number[] };
type Summary = {
  httpStatus: string;
  httpStatusCode: number;
  status: string;
  message: string;
  response: {
    responseType: string;
    status: string;
    importOptions: { dryRun: boolean; importStrategy: string; atomicMode: string };
    description: string;
    importCount: { imported: number; updated: number; ignored: number; deleted: number };
    conflicts: Conflict[];
    rejectedIndexes: number[];
    dataSetComplete: string;
  };
};
type ExportedValue = {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  storedBy?: string;
  comment?: string;
};
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

interface StoredValue {
  key: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

async function storedValues(
  db: Kysely<Database>,
  where?: { unit: string; period: string },
): Promise<Map<string, StoredValue>> {
  let query = db
    .selectFrom('data_value as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
    .select([
      'i.code as indicator',
      'u.code as unit',
      'dv.period_id',
      'o.code as option',
      'dv.value',
      'dv.numerator',
      'dv.denominator',
      'dv.comment',
    ]);
  if (where) query = query.where('u.code', '=', where.unit).where('dv.period_id', '=', where.period);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => {
      const key = `${row.indicator}/${row.unit}/${row.period_id}/${row.option}`;
      return [
        key,
        { key, value: row.value, numerator: row.numerator, denominator: row.denominator, comment: row.comment },
      ];
    }),
  );
}

describe.each(ENGINES)('DHIS2 dataValueSets on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['local.naga', 'local.upala', 'donor', 'admin'])
      cookies[who] = await signIn(app, `${who}@example.org`);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const post = async (who: string | null, body: BodyInit, query = '', type = 'application/json') => {
    const headers: Record<string, string> = { origin: ORIGIN, 'content-type': type };
    if (who !== null) headers.cookie = cookies[who] ?? '';
    const response = await app.request(`/api/dhis2/dataValueSets${query}`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as Summary & ErrorBody };
  };
  const get = (who: string | null, path: string, accept?: string) =>
    app.request(path, {
      headers: { ...(who !== null && { cookie: cookies[who] ?? '' }), ...(accept !== undefined && { accept }) },
    });
  const values = (...dataValues: Record<string, unknown>[]) => JSON.stringify({ dataValues });
  const naga = (dataElement: string, value: unknown, extra: Record<string, unknown> = {}) => ({
    dataElement,
    period: '2026Q3',
    orgUnit: 'PHL-naga-city',
    value,
    ...extra,
  });

  test('the JSON and CSV fixtures, as DHIS2 2.40 sends them, import into Naga City’s open report', async () => {
    const before = await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' });
    const json = await post('local.naga', fixture('naga-2026Q3.json'), '?dryRun=true');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      httpStatus: 'OK',
      httpStatusCode: 200,
      status: 'OK',
      message: 'Import was successful.',
      response: {
        responseType: 'ImportSummary',
        status: 'SUCCESS',
        importOptions: { dryRun: true, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' },
        importCount: { imported: 0, updated: 3, ignored: 1, deleted: 0 },
        conflicts: [],
        dataSetComplete: 'false',
      },
    });
    const csv = await post('local.naga', fixture('naga-2026Q3.csv'), '?dryRun=true', 'application/csv');
    expect(csv.body.response.importCount).toEqual(json.body.response.importCount);
    expect(await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' })).toEqual(before);

    const committed = await post('local.naga', fixture('naga-2026Q3.json'));
    expect(committed.body.response.importCount).toEqual({ imported: 0, updated: 3, ignored: 1, deleted: 0 });
    const after = await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' });
    expect(after.get('MIG_COUNCIL/PHL-naga-city/2026Q3/TOTAL')?.value).toBe(1);
    expect(after.get('COORD_MEETINGS/PHL-naga-city/2026Q3/TOTAL')).toMatchObject({
      value: 6,
      comment: 'Two extra meetings on the returnee desk',
    });
    expect(after.get('MIG_SERVED/PHL-naga-city/2026Q3/F_Y18_59_RETURNEE')?.value).toBe(7);
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_key', 'like', '%/PHL-naga-city/2026Q3/%')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['update', 'update', 'update']);

    // The same values again as CSV: nothing to do.
    const again = await post('local.naga', fixture('naga-2026Q3.csv'), '', 'text/csv');
    expect(again.body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 4, deleted: 0 });
  });

  // As the import page sends a file: a multipart field "file" whose part type (or name) says the format.
  const postForm = async (who: string, file: File, query: string) => {
    const form = new FormData();
    form.append('file', file);
    const response = await app.request(`/api/dhis2/dataValueSets${query}`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: cookies[who] ?? '' },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Summary & ErrorBody };
  };

  test('the import page’s upload: a multipart file, JSON or CSV by its type or name, options in the query', async () => {
    const before = await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' });
    const json = await postForm(
      'local.naga',
      new File([fixture('naga-2026Q3.json')], 'naga.json', { type: 'application/json' }),
      '?dryRun=true&importStrategy=CREATE_AND_UPDATE&atomicMode=ALL',
    );
    expect(json.status).toBe(200);
    expect(json.body.response.importOptions).toMatchObject({ dryRun: true, atomicMode: 'ALL' });
    // Windows declares a .csv as Excel's type: the name decides.
    const csv = await postForm(
      'local.naga',
      new File([fixture('naga-2026Q3.csv')], 'naga.csv', { type: 'application/vnd.ms-excel' }),
      '?dryRun=true',
    );
    expect(csv.status).toBe(200);
    expect(csv.body.response.importCount).toEqual(json.body.response.importCount);

    // Conflicts come back as 409 with the summary (not an error body), which the page shows.
    const conflicts = await postForm(
      'local.naga',
      new File([values(naga('COORD_MEETINGS', '5', { orgUnit: 'OU_NAGA' }))], 'naga.json', {
        type: 'application/json',
      }),
      '?dryRun=true&atomicMode=NONE',
    );
    expect(conflicts.status).toBe(409);
    expect(conflicts.body.response.conflicts).toEqual([
      expect.objectContaining({ errorCode: 'E7612', object: 'OU_NAGA', property: 'orgUnit', indexes: [0] }),
    ]);

    // A file the server cannot read is a 4xx with the API's error body and a message to act on.
    const xml = await postForm(
      'local.naga',
      new File(['<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"/>'], 'naga.xml', { type: 'text/xml' }),
      '?dryRun=true',
    );
    expect(xml.status).toBe(415);
    expect(xml.body.error.message).toMatch(/send the same data as JSON or CSV/);
    const donor = await postForm('donor', new File([fixture('naga-2026Q3.json')], 'naga.json'), '?dryRun=true');
    expect(donor.status).toBe(403);
    expect(await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' })).toEqual(before);
  });

  test('export: codes, the default combo, yes/no as true/false, JSON or CSV by suffix or Accept', async () => {
    const json = await get('admin', '/api/dhis2/dataValueSets?orgUnit=PHL-naga-city&period=2026Q3');
    expect(json.headers.get('content-type')).toContain('application/json');
    const { dataValues } = (await json.json()) as { dataValues: ExportedValue[] };
    expect(dataValues.length).toBeGreaterThan(10);
    expect(dataValues.find((value) => value.dataElement === 'MIG_COUNCIL')).toMatchObject({
      period: '2026Q3',
      orgUnit: 'PHL-naga-city',
      categoryOptionCombo: 'default',
      attributeOptionCombo: 'default',
      value: 'true',
      storedBy: 'local.naga@example.org',
    });
    expect(dataValues.some((value) => value.categoryOptionCombo === 'F_Y18_59_RETURNEE')).toBe(true);

    for (const response of [
      await get('admin', '/api/dhis2/dataValueSets.csv?orgUnit=PHL-naga-city&period=2026Q3'),
      await get('admin', '/api/dhis2/dataValueSets?orgUnit=PHL-naga-city&period=2026Q3', 'text/csv'),
    ]) {
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = Papa.parse<string[]>(await response.text(), { skipEmptyLines: true }).data;
      expect(rows[0]?.join(',')).toBe(DHIS2_CSV_HEADER);
      expect(rows.length - 1).toBe(dataValues.length);
    }
  });

  test('export filters: several org units with children, periods as a list or repeated, data elements, data sets', async () => {
    const read = async (query: string) =>
      ((await (await get('admin', `/api/dhis2/dataValueSets.json?${query}`)).json()) as { dataValues: ExportedValue[] })
        .dataValues;
    const region = await read('orgUnit=PH-05&children=true&period=2026Q1&period=2026Q2');
    expect(new Set(region.map((value) => value.period))).toEqual(new Set(['2026Q1', '2026Q2']));
    expect(new Set(region.map((value) => value.orgUnit)).size).toBeGreaterThan(3);
    const own = await read('orgUnit=PH-05&period=2026Q1,2026Q2');
    expect(new Set(own.map((value) => value.orgUnit))).toEqual(new Set(['PH-05']));
    const served = await read('orgUnit=PH-05&children=true&period=2026Q1&dataElement=MIG_SERVED');
    expect(new Set(served.map((value) => value.dataElement))).toEqual(new Set(['MIG_SERVED']));
    const bicol = await read('dataSet=PHL-BICOL&orgUnit=PHL-naga-city&period=2026Q1');
    expect(bicol.length).toBeGreaterThan(0);
    const upala = await read('dataSet=CRI-UPALA&orgUnit=PHL-naga-city&period=2026Q1');
    expect(bicol.length).toBeGreaterThan(upala.length);
    for (const [query, code] of [
      ['orgUnit=XX-99', 'org_unit_not_found'],
      ['dataSet=NOPE', 'data_set_not_found'],
      ['dataElement=NOPE', 'data_element_not_found'],
    ]) {
      const response = await get('admin', `/api/dhis2/dataValueSets?${query}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    }
    expect((await get(null, '/api/dhis2/dataValueSets?period=202601')).status).toBe(400);
  });

  test.each([
    ['anonymous', null],
    ['a donor', 'donor'],
  ])('%s exports approved data only', async (_label, who) => {
    const response = await get(who, '/api/dhis2/dataValueSets?orgUnit=PHL&children=true');
    const { dataValues } = (await response.json()) as { dataValues: ExportedValue[] };
    expect(dataValues.length).toBeGreaterThan(100);
    expect(dataValues.some((value) => value.storedBy !== undefined)).toBe(false);
    const reports = await handle.db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select(['u.code', 'r.period_id', 'r.status'])
      .execute();
    const status = new Map(reports.map((report) => [`${report.code}/${report.period_id}`, report.status]));
    const states = new Set(dataValues.map((value) => status.get(`${value.orgUnit}/${value.period}`)));
    expect(states).toEqual(new Set(['approved', 'accepted']));
  });

  test('a percentage travels as its numerator and denominator (X_NUM, X_DEN), merged into one value', async () => {
    const upala = (dataElement: string, value: string) => ({
      dataElement,
      period: '2026Q3',
      orgUnit: 'CRI-upala',
      value,
    });
    const half = await post('local.upala', values(upala('BUDGET_SHARE_NUM', '5')));
    expect(half.status).toBe(409);
    expect(half.body.response.conflicts[0]).toMatchObject({
      errorCode: 'E7619',
      value: expect.stringMatching(/both the numerator and the denominator/),
    });

    const whole = await post('local.upala', values(upala('BUDGET_SHARE_NUM', '5'), upala('BUDGET_SHARE_DEN', '200')));
    expect(whole.body.response.importCount).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 });
    let stored = await storedValues(handle.db, { unit: 'CRI-upala', period: '2026Q3' });
    expect(stored.get('BUDGET_SHARE/CRI-upala/2026Q3/TOTAL')).toMatchObject({
      value: 2.5,
      numerator: 5,
      denominator: 200,
    });

    // One part alone changes that part; the other stays.
    const denominator = await post('local.upala', values(upala('BUDGET_SHARE_DEN', '400')));
    expect(denominator.body.response.importCount).toEqual({ imported: 0, updated: 1, ignored: 0, deleted: 0 });
    stored = await storedValues(handle.db, { unit: 'CRI-upala', period: '2026Q3' });
    expect(stored.get('BUDGET_SHARE/CRI-upala/2026Q3/TOTAL')).toMatchObject({
      value: 1.25,
      numerator: 5,
      denominator: 400,
    });

    const exported = (await (
      await get('admin', '/api/dhis2/dataValueSets?orgUnit=CRI-upala&period=2026Q3&dataElement=BUDGET_SHARE')
    ).json()) as {
      dataValues: ExportedValue[];
    };
    expect(exported.dataValues.map((value) => [value.dataElement, value.value])).toEqual([
      ['BUDGET_SHARE_NUM', '5'],
      ['BUDGET_SHARE_DEN', '400'],
    ]);
  });

  describe('conflicts carry DHIS2’s error codes, and atomicMode=ALL imports nothing', () => {
    // index → [what, data value, errorCode, property]
    const CASES: [string, Record<string, unknown>, string, string][] = [
      ['an unknown data element', naga('NOPE', '1'), 'E7610', 'dataElement'],
      ['a monthly period', naga('COORD_MEETINGS', '1', { period: '202607' }), 'E7611', 'period'],
      ['an unknown org unit', naga('COORD_MEETINGS', '1', { orgUnit: 'XX-99' }), 'E7612', 'orgUnit'],
      [
        'an unknown category option combo',
        naga('COORD_MEETINGS', '1', { categoryOptionCombo: 'NOPE_COMBO' }),
        'E7613',
        'categoryOptionCombo',
      ],
      [
        'a combo of another category combo',
        naga('COORD_MEETINGS', '1', { categoryOptionCombo: 'F' }),
        'E7634',
        'categoryOptionCombo',
      ],
      [
        'an attribute option combo',
        naga('COORD_MEETINGS', '1', { attributeOptionCombo: 'PARTNER_A' }),
        'E7615',
        'attributeOptionCombo',
      ],
      ['a unit outside the user’s hierarchy', naga('COORD_MEETINGS', '1', { orgUnit: 'PHL-pili' }), 'E7617', 'orgUnit'],
      ['no value', naga('LIVELIHOOD', null, { categoryOptionCombo: 'F' }), 'E7618', 'value'],
      ['text for a number', naga('LIVELIHOOD', 'lots', { categoryOptionCombo: 'M' }), 'E7619', 'value'],
      ['a stage out of range', naga('LDP_STAGE', '9'), 'E7619', 'value'],
      ['a data element the unit does not report', naga('WOMEN_SHELTERED', '1'), 'E7636', 'dataElement'],
      ['a quarter not begun', naga('COORD_MEETINGS', '1', { period: '2027Q1' }), 'E7641', 'period'],
      ['an accepted report', naga('COORD_MEETINGS', '99', { period: '2025Q1' }), 'E7642', 'period'],
      ['a submitted report', naga('COORD_MEETINGS', '99', { period: '2026Q2' }), 'E7643', 'period'],
      ['the same value twice', naga('OFFICIALS_TRAINED', '3', { categoryOptionCombo: 'F' }), 'E8000', 'dataElement'],
      [
        'a percentage sent as one figure',
        { ...naga('BUDGET_SHARE', '2.5'), orgUnit: 'CRI-upala' },
        'E8001',
        'dataElement',
      ],
    ];
    const GOOD = naga('OFFICIALS_TRAINED', '3', { categoryOptionCombo: 'F' });
    let summary: Promise<{ status: number; body: Summary }>;
    const send = () => {
      summary ??= post('local.naga', values(GOOD, ...CASES.map(([, value]) => value)));
      return summary;
    };

    test('the whole payload is refused: 409, status ERROR, every value ignored, nothing written', async () => {
      const before = await storedValues(handle.db);
      const { status, body } = await send();
      expect(status).toBe(409);
      expect(body).toMatchObject({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR' });
      expect(body.response.status).toBe('ERROR');
      expect(body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: CASES.length + 1, deleted: 0 });
      expect(body.response.rejectedIndexes).toEqual(CASES.map((_, index) => index + 1));
      expect(await storedValues(handle.db)).toEqual(before);
    });

    test.each(CASES.map(([label, , code, property], index) => [label, code, property, index + 1] as const))(
      '%s → %s on %s',
      async (_label, errorCode, property, index) => {
        const { body } = await send();
        const conflict = body.response.conflicts.find((candidate) => candidate.indexes.includes(index));
        expect(conflict).toMatchObject({ errorCode, property });
        expect(conflict?.value.length).toBeGreaterThan(10);
      },
    );

    test('atomicMode=NONE imports the values without conflicts (status WARNING)', async () => {
      const { status, body } = await post(
        'local.naga',
        values(naga('OFFICIALS_TRAINED', '4', { categoryOptionCombo: 'M' }), naga('NOPE', '1')),
        '?atomicMode=none',
      );
      expect(status).toBe(409);
      expect(body.status).toBe('WARNING');
      expect(body.response.importCount.ignored).toBe(1);
      expect(body.response.importCount.imported + body.response.importCount.updated).toBe(1);
      const stored = await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' });
      expect(stored.get('OFFICIALS_TRAINED/PHL-naga-city/2026Q3/M')?.value).toBe(4);
    });

    test.each([
      ['an unknown data set', 'NOPE', 'E7600'],
      ['a data set without the data element', 'CRI-UPALA', 'E7633'],
    ])('%s → %s', async (_label, dataSet, errorCode) => {
      const { status, body } = await post(
        'local.naga',
        JSON.stringify({ dataSet, dataValues: [naga('COORD_MEETINGS', '5')] }),
      );
      expect(status).toBe(409);
      expect(body.response.conflicts[0]?.errorCode).toBe(errorCode);
    });
  });

  test('import strategies: CREATE skips stored values, UPDATE skips new ones, DELETE and deleted=true delete', async () => {
    const key = 'OFFICIALS_TRAINED/PHL-naga-city/2026Q3/F';
    const stored = (await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' })).get(key);
    expect(stored).toBeDefined();
    const create = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', '11', { categoryOptionCombo: 'F' })),
      '?importStrategy=CREATE',
    );
    expect(create.body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 0 });
    const update = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', '11', { categoryOptionCombo: 'F' })),
      '?importStrategy=UPDATE',
    );
    expect(update.body.response.importCount).toEqual({ imported: 0, updated: 1, ignored: 0, deleted: 0 });

    const deleted = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', null, { categoryOptionCombo: 'F' })),
      '?importStrategy=DELETE',
    );
    expect(deleted.body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 1 });
    expect((await storedValues(handle.db, { unit: 'PHL-naga-city', period: '2026Q3' })).has(key)).toBe(false);
    const nothing = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', null, { categoryOptionCombo: 'F' })),
      '?importStrategy=DELETE',
    );
    expect(nothing.body.response.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 0 });

    const recreate = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', '3', { categoryOptionCombo: 'F' })),
      '?importStrategy=update',
    );
    expect(recreate.body.response.importCount.ignored).toBe(1);
    await post('local.naga', values(naga('OFFICIALS_TRAINED', '3', { categoryOptionCombo: 'F' })));
    const flagged = await post(
      'local.naga',
      values(naga('OFFICIALS_TRAINED', '3', { categoryOptionCombo: 'F', deleted: true })),
    );
    expect(flagged.body.response.importCount.deleted).toBe(1);
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_key', '=', key)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['update', 'delete', 'create', 'delete']);
  });

  test('the code mapping: admins only, every row checked, then used both ways', async () => {
    const put = (who: string, items: unknown[]) =>
      app.request('/api/dhis2/mappings', {
        method: 'PUT',
        headers: { cookie: cookies[who] ?? '', origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      });
    const ITEMS = [
      { kind: 'dataElement', dhis2Code: 'DE_MEETINGS', localCode: 'COORD_MEETINGS' },
      { kind: 'orgUnit', dhis2Code: 'OU_NAGA', localCode: 'PHL-naga-city' },
      { kind: 'categoryOptionCombo', dhis2Code: 'COC_F_RET', localCode: 'F_Y18_59_RETURNEE' },
      { kind: 'dataElement', dhis2Code: 'DE_BUDGET_N', localCode: 'BUDGET_SHARE', part: 'numerator' },
    ];
    expect((await put('local.naga', ITEMS)).status).toBe(403);
    const invalid = await put('admin', [
      ...ITEMS,
      { kind: 'orgUnit', dhis2Code: 'OU_X', localCode: 'XX-99' },
      { kind: 'dataElement', dhis2Code: 'DE_BUDGET', localCode: 'BUDGET_SHARE' },
      { kind: 'orgUnit', dhis2Code: 'OU_NAGA', localCode: 'PHL-pili' },
    ]);
    expect(invalid.status).toBe(400);
    const problems = ((await invalid.json()) as ErrorBody).error.details as {
      problems: { index: number; message: string }[];
    };
    expect(problems.problems.map((problem) => problem.index)).toEqual([4, 5, 6]);

    const saved = await put('admin', ITEMS);
    expect(saved.status).toBe(200);
    const list = (await (await get('admin', '/api/dhis2/mappings')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(4);

    const mapped = await post(
      'local.naga',
      JSON.stringify({
        period: '2026Q3',
        orgUnit: 'OU_NAGA',
        dataValues: [
          { dataElement: 'DE_MEETINGS', value: '8' },
          { dataElement: 'MIG_SERVED', categoryOptionCombo: 'COC_F_RET', value: '9' },
        ],
      }),
    );
    expect(mapped.body.response.importCount).toEqual({ imported: 0, updated: 2, ignored: 0, deleted: 0 });
    const exported = (await (await get('admin', '/api/dhis2/dataValueSets?orgUnit=OU_NAGA&period=2026Q3')).json()) as {
      dataValues: ExportedValue[];
    };
    expect(exported.dataValues.find((value) => value.dataElement === 'DE_MEETINGS')).toMatchObject({
      orgUnit: 'OU_NAGA',
      value: '8',
    });
    expect(exported.dataValues.find((value) => value.categoryOptionCombo === 'COC_F_RET')).toMatchObject({
      dataElement: 'MIG_SERVED',
      value: '9',
    });
    expect((await put('admin', [])).status).toBe(200);
  });

  describe('bad payloads get a message a person can act on and write nothing', () => {
    const CASES: [string, number, string, string, string, string, RegExp][] = [
      [
        'truncated JSON',
        400,
        'malformed_json',
        fixture('naga-2026Q3.json').slice(0, 300),
        'application/json',
        '',
        /line \d+, column \d+.*truncated/,
      ],
      [
        'JSON that is not a dataValueSet',
        400,
        'invalid_data_value_set',
        '{"values": []}',
        'application/json',
        '',
        /dataValues/,
      ],
      [
        'a value that is an object',
        400,
        'invalid_data_value_set',
        values({ dataElement: 'X', value: { a: 1 } }),
        'application/json',
        '',
        /dataValues\.0\.value/,
      ],
      ['an empty body', 400, 'empty_file', '', 'application/json', '', /empty/],
      ['no data values', 400, 'no_rows', '{"dataValues": []}', 'application/json', '', /no dataValues/],
      [
        'CSV without the DHIS2 header',
        400,
        'missing_columns',
        'de,pe,ou,value\r\nA,2026Q3,B,1\r\n',
        'application/csv',
        '',
        /firstRowIsHeader=false/,
      ],
      [
        'a CSV quote never closed',
        400,
        'malformed_csv',
        `${DHIS2_CSV_HEADER}\r\n"COORD_MEETINGS,2026Q3`,
        'text/csv',
        '',
        /never closes/,
      ],
      ['plain text', 415, 'unsupported_media_type', 'hello', 'text/plain', '', /application\/json or as CSV/],
      ['UTF-16 JSON', 415, 'wrong_encoding', '\ufeff{}', 'application/json', 'utf16', /UTF-16/],
      [
        'identifiers as UIDs',
        400,
        'unsupported_id_scheme',
        fixture('naga-2026Q3.json'),
        'application/json',
        '?idScheme=UID',
        /Only idScheme=CODE/,
      ],
      [
        'DHIS2’s XML',
        415,
        'unsupported_media_type',
        '<?xml version="1.0"?><dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue dataElement="COORD_MEETINGS" period="2026Q3" orgUnit="PHL-naga-city" value="5"/></dataValueSet>',
        'application/xml',
        '',
        /XML dataValueSet is not read here: send the same data as JSON or CSV/,
      ],
      [
        'truncated XML declared as JSON',
        415,
        'unsupported_media_type',
        '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"><dataValue dataElement="COORD',
        'application/json',
        '',
        /XML dataValueSet/,
      ],
      ['Latin-1 CSV', 415, 'wrong_encoding', '', 'application/csv', 'latin1', /byte 0xE9 on line 2.*Latin-1/],
      [
        'the escape \\u0000 in a code',
        400,
        'nul_character',
        values(naga('COORD_MEETINGS', '5', { orgUnit: 'PHL-naga-city\u0000' })),
        'application/json',
        '',
        /escape \\u0000 \(a NUL character\)/,
      ],
      [
        'a NUL byte in a CSV',
        400,
        'nul_character',
        `${DHIS2_CSV_HEADER}\r\nCOORD_MEETINGS,2026Q3,PHL-naga-city\u0000,default,default,5,,,,false,false\r\n`,
        'application/csv',
        '',
        /NUL character \(byte 0x00\) on line 2/,
      ],
      [
        'a CSV row cut short (truncated)',
        400,
        'malformed_csv',
        `${DHIS2_CSV_HEADER}\r\nCOORD_MEETINGS,2026Q3,PHL-naga-city,default,default,5,,,,false,false\r\nLIVELIHOOD,2026Q3,PHL-na`,
        'application/csv',
        '',
        /Row 3 has 3 of the header's 11 columns: the file may be truncated/,
      ],
      [
        'a CSV comment with an unquoted comma',
        400,
        'malformed_csv',
        `${DHIS2_CSV_HEADER}\r\nCOORD_MEETINGS,2026Q3,PHL-naga-city,default,default,5,,,met twice, in June,false,false\r\n`,
        'text/csv',
        '',
        /Row 2 has 12 columns but the header 11: a cell probably holds a comma without quotes/,
      ],
    ];
    test.each(CASES)('%s → %i %s', async (_label, status, code, body, type, option, message) => {
      const before = await storedValues(handle.db);
      const payload =
        option === 'utf16'
          ? new Uint8Array([0xff, 0xfe, ...[...'{}'].flatMap((char) => [char.charCodeAt(0), 0])])
          : option === 'latin1'
            ? Uint8Array.from(
                `${DHIS2_CSV_HEADER}\r\nCOORD_MEETINGS,2026Q3,PHL-naga-city,default,default,5,,,R\u00e9union,false,false\r\n`,
                (char) => char.charCodeAt(0),
              )
            : body;
      const result = await post('local.naga', payload, option.startsWith('?') ? option : '', type);
      expect(result.status).toBe(status);
      expect(result.body.error.code).toBe(code);
      expect(`${result.body.error.message} ${JSON.stringify(result.body.error.details ?? '')}`).toMatch(message);
      expect(await storedValues(handle.db)).toEqual(before);
    });

    test('an upload over the import limit is 413 naming the limit, streamed or declared; nothing is written', async () => {
      const limited = createApp(handle, {
        version: 'test',
        log: () => {},
        now: () => TEST_AS_OF,
        maxBodyBytes: 1024,
        maxImportBytes: 4 * 1024,
      });
      const payload = (count: number) =>
        values(...Array.from({ length: count }, (_, i) => naga('COORD_MEETINGS', String(i + 1))));
      const headers = { cookie: cookies['local.naga'] ?? '', origin: ORIGIN, 'content-type': 'application/json' };
      const big = payload(100);
      const before = await storedValues(handle.db);
      for (const [body, sent] of [
        [big, { ...headers, 'content-length': String(new TextEncoder().encode(big).length) }],
        [
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(big));
              controller.close();
            },
          }),
          headers,
        ],
      ] as const) {
        const response = await limited.request('/api/dhis2/dataValueSets', {
          method: 'POST',
          headers: sent,
          body,
          duplex: 'half',
        } as RequestInit);
        expect(response.status).toBe(413);
        const error = ((await response.json()) as ErrorBody).error;
        expect(error.code).toBe('payload_too_large');
        expect(error.message).toMatch(/larger than 4 KB, the most one import takes/);
      }
      expect(await storedValues(handle.db)).toEqual(before);
      // Above the app-wide 1 KB but within the import limit: imported as usual (a dry run here).
      const within = payload(12);
      expect(within.length).toBeGreaterThan(1024);
      const accepted = await limited.request('/api/dhis2/dataValueSets?dryRun=true', {
        method: 'POST',
        headers,
        body: within,
      });
      expect((await accepted.json()) as Summary).toMatchObject({ response: { status: expect.any(String) } });
      expect([200, 409]).toContain(accepted.status);
    });

    test('a CSV without a header row is read in DHIS2’s column order with firstRowIsHeader=false', async () => {
      const body =
        '"COORD_MEETINGS","2026Q3","PHL-naga-city","default","default","5","x","2026-10-10",,"false","false"\r\n';
      const result = await post('local.naga', body, '?firstRowIsHeader=false&dryRun=true', 'application/csv');
      expect(result.status).toBe(200);
      expect(
        result.body.response.importCount.imported +
          result.body.response.importCount.updated +
          result.body.response.importCount.ignored,
      ).toBe(1);
    });

    test.each([
      ['anonymous', null, 401],
      ['a donor', 'donor', 403],
    ])('%s cannot import (%i)', async (_label, who, status) => {
      expect((await post(who, fixture('naga-2026Q3.json'))).status).toBe(status);
    });
  });
});

describe.each(ENGINES)('DHIS2 round trip on %s', (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([createSeededDatabase(engine), createSeededDatabase(engine)]);
  }, 180_000);
  afterAll(async () => Promise.all([source.dispose(), target.dispose()]));

  /** Metadata only: the seed's programme, users and targets, without a value or a report. */
  async function empty(db: Kysely<Database>) {
    await db.deleteFrom('audit_log').execute();
    await db.deleteFrom('data_value').execute();
    await db.deleteFrom('report_event').execute();
    await db.deleteFrom('report').execute();
  }

  /** What the entry form stores for each value: a percentage is recomputed from its numerator and denominator. */
  async function expected(db: Kysely<Database>) {
    const indicators = new Map(
      (await listIndicators(db, { locale: 'en' })).map((indicator) => [indicator.code, indicator]),
    );
    const values = await storedValues(db);
    let recomputed = 0;
    for (const value of values.values()) {
      const indicator = indicators.get(value.key.split('/')[0] ?? '');
      if (indicator?.valueType !== 'percentage') continue;
      const write = validateValue(indicator, { indicator: indicator.code, option: 'TOTAL', ...value });
      if (write && typeof write !== 'string' && write.value !== value.value) {
        value.value = write.value;
        recomputed++;
      }
    }
    return { values, recomputed };
  }

  test.each(['json', 'csv'] as const)(
    'export (%s) → import into an empty database → identical values',
    async (format) => {
      const from = createTestApp(source);
      const to = createTestApp(target);
      const exported = await from.request(`/api/dhis2/dataValueSets.${format}`, {
        headers: { cookie: await signIn(from, 'admin@example.org') },
      });
      expect(exported.status).toBe(200);
      const payload = await exported.text();

      await empty(target.db);
      const cookie = await signIn(to, 'admin@example.org');
      const response = await to.request('/api/dhis2/dataValueSets', {
        method: 'POST',
        headers: { cookie, origin: ORIGIN, 'content-type': format === 'json' ? 'application/json' : 'application/csv' },
        body: payload,
      });
      const summary = (await response.json()) as Summary;
      expect(summary.response.conflicts).toEqual([]);
      expect(response.status).toBe(200);

      const { values: want, recomputed } = await expected(source.db);
      const got = await storedValues(target.db);
      expect(got.size).toBe(want.size);
      expect(summary.response.importCount).toEqual({
        imported: want.size + (payload.match(/BUDGET_SHARE_DEN/g)?.length ?? 0),
        updated: 0,
        ignored: 0,
        deleted: 0,
      });
      expect(got).toEqual(want);
      // The seed rounds percentages to 2 decimals; the entry form's rule (and so the import) to 4.
      expect(recomputed).toBeLessThanOrEqual(70);

      // Every imported unit × quarter now has a draft report and each value an audit entry.
      const reports = await target.db.selectFrom('report').select(['status']).execute();
      expect(new Set(reports.map((report) => report.status))).toEqual(new Set(['draft']));
      const audit = await target.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(audit.n)).toBe(want.size);
    },
  );
});
