// GET /api/analytics: every aggregation type against figures computed by hand from the small programme
// in tests/helpers/fixture.ts (its comment has the tables), the visibility rules, liveness, bad input,
// and a cross-check on the demo seed. On every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshValueCells } from '../../db/queries/value-cells';
import { createTestApp, getJson, signIn } from '../helpers/app';
import { createMigratedDatabase, createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { buildSmallProgramme, FIXTURE_PASSWORD } from '../helpers/fixture';

type Figure = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
  unitsMeeting: number | null;
  share: number | null;
  distribution: { stage: number; label: string | null; units: number }[];
  values: number;
  unapprovedValues: number;
  includesUnapproved: boolean;
  baseline: number | null;
  target: number | null;
  progress: number | null;
};
type Row = Figure & { key: string; name: string; kind: string | null; own: boolean };
type Analytics = {
  indicator: { code: string; aggregationType: string };
  orgUnit: { code: string; name: string } | null;
  periods: string[];
  by: string;
  category: { code: string; name: string } | null;
  visibility: string;
  total: Figure;
  rows: Row[];
};
type ErrorBody = {
  error: { code: string; message: string; details?: { field: string; message: string; allowed?: string[] }[] };
};

type Reader = 'anonymous' | 'donor' | 'admin' | 'staff';
type App = ReturnType<typeof createTestApp>;

const RANGE = 'periods=2025Q3..2026Q1';
const close = (value: number) => expect.closeTo(value, 9);

async function signInAll(app: App): Promise<Record<Reader, string | undefined>> {
  return {
    anonymous: undefined,
    donor: await signIn(app, 'donor@fixture.test', FIXTURE_PASSWORD),
    admin: await signIn(app, 'admin@fixture.test', FIXTURE_PASSWORD),
    staff: await signIn(app, 'staff.rb@fixture.test', FIXTURE_PASSWORD),
  };
}

async function read<T = Analytics>(app: App, path: string, cookie?: string): Promise<{ status: number; body: T }> {
  const response = await app.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, body: (await response.json()) as T };
}

describe.each(ENGINES)('analytics on a hand-built programme on %s', (engine) => {
  let handle: TestDatabase;
  let app: App;
  let cookies: Record<Reader, string | undefined>;
  beforeAll(async () => {
    handle = await createMigratedDatabase(engine);
    await buildSmallProgramme(handle.db);
    app = createTestApp(handle);
    cookies = await signInAll(app);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const analytics = (query: string, reader: Reader = 'donor') => read(app, `/api/analytics?${query}`, cookies[reader]);

  // Totals over XC for 2025Q3..2026Q1. Donors see approved and accepted reports only (see the fixture).
  test.each<[string, string, Reader, Partial<Record<keyof Figure, unknown>>]>([
    [
      'sum: Σ over units, quarters and options; target spread ¼ per quarter; baseline per year likewise',
      'indicator=SERVED',
      'donor',
      // A1 45 + A2 10 (2025Q3) + B1 30 (2025Q3, 2026Q1) + RA 4 (its own report)
      // target: A1 80·2/4 + 100/4 = 65, A2 40·2/4 = 20, B1 40·2/4 + 60/4 = 35, B2 20·2/4 + 20/4 = 15 → 135
      // baseline: (A1 60 + B1 20) · 3/4 = 60
      {
        value: 89,
        unitsReporting: 4,
        values: 14,
        unapprovedValues: 0,
        includesUnapproved: false,
        target: 135,
        baseline: 60,
        progress: close((89 / 135) * 100),
        numerator: null,
        unitsMeeting: null,
        distribution: [],
      },
    ],
    [
      'sum, admin: unapproved values included and counted',
      'indicator=SERVED',
      'admin',
      // + A2 2025Q4 5 + A3 2 + 3 + B1 2025Q4 10 = 109; unapproved: A2 2 values, A3 4, B1 2
      { value: 109, unitsReporting: 5, values: 22, unapprovedValues: 8, includesUnapproved: true, target: 135 },
    ],
    [
      'sum, staff of RB: unapproved values of their own subtree only',
      'indicator=SERVED',
      'staff',
      // 89 + B1's returned 2025Q4 (10); A2's and A3's unapproved values are outside RB
      { value: 99, unapprovedValues: 2, includesUnapproved: true },
    ],
    ['sum, anonymous reader = donor', 'indicator=SERVED', 'anonymous', { value: 89, unapprovedValues: 0 }],
    [
      "average: each unit's mean over its quarters, then the mean over units; lower is better",
      'indicator=WAIT',
      'donor',
      // A1 (10+20+30)/3 = 20, A2 40, B1 (12+18)/2 = 15 → 75/3 = 25 (not the pooled 130/6, no zeros for A3, B2)
      // target over the same unit-quarters: A1 (16+16+12)/3 = 44/3, A2 30, B1 (14+10)/2 = 12 → 170/9
      // progress (lower is better): target / value
      {
        value: 25,
        unitsReporting: 3,
        values: 6,
        target: close(170 / 9),
        baseline: null,
        progress: close((170 / 9 / 25) * 100),
      },
    ],
    [
      'average, admin',
      'indicator=WAIT',
      'admin',
      // A1 20, A2 (40+50)/2 = 45, A3 5, B1 (12+99+18)/3 = 43 → 113/4
      // target: A1 44/3, A2 30, B1 (14+14+10)/3 = 38/3; A3 has none → (44/3 + 30 + 38/3)/3 = 172/9
      { value: close(113 / 4), unitsReporting: 4, unapprovedValues: 3, target: close(172 / 9) },
    ],
    [
      "last: each unit's latest value in the range, the mean stage and the units per stage",
      'indicator=STAGE',
      'donor',
      // A1 3 (2026Q1), A2 2 (2025Q3), B1 2 (2026Q1); targets of those quarters' years: 3, 2, 3
      {
        value: close(7 / 3),
        unitsReporting: 3,
        values: 3,
        distribution: [
          { stage: 0, label: null, units: 0 },
          { stage: 1, label: null, units: 0 },
          { stage: 2, label: null, units: 2 },
          { stage: 3, label: null, units: 1 },
          { stage: 4, label: null, units: 0 },
        ],
        target: close(8 / 3),
        progress: close(87.5),
      },
    ],
    [
      'last, admin: unapproved later stages replace approved earlier ones',
      'indicator=STAGE',
      'admin',
      // A1 3, A2 3 (2025Q4), A3 4 (2025Q4), B1 2 → 12/4; targets A1 3, A2 2, B1 3 (A3 has none)
      {
        value: 3,
        unitsReporting: 4,
        unapprovedValues: 2,
        distribution: [
          { stage: 0, label: null, units: 0 },
          { stage: 1, label: null, units: 0 },
          { stage: 2, label: null, units: 1 },
          { stage: 3, label: null, units: 2 },
          { stage: 4, label: null, units: 1 },
        ],
        target: close(8 / 3),
      },
    ],
    [
      'max: the largest unit-quarter value; target the largest in the range',
      'indicator=PEAK',
      'donor',
      { value: 70, unitsReporting: 3, target: 90, progress: close((70 / 90) * 100) },
    ],
    ['max, admin', 'indicator=PEAK', 'admin', { value: 100, unapprovedValues: 2 }],
    [
      'count: units whose latest value meets the threshold, and their share of units reporting',
      'indicator=OFFICE',
      'donor',
      // A1 latest 1 ✓, A2 latest (2025Q3) 1 ✓, B1 latest (2026Q1) 0 ✗ → 2 of 3
      // target: A1 1, A2 1 (2025), B1 1, B2 0 (2026) → 3 units
      {
        value: 2,
        unitsMeeting: 2,
        unitsReporting: 3,
        share: close((2 / 3) * 100),
        target: 3,
        progress: close((2 / 3) * 100),
      },
    ],
    [
      'count, admin: A2 now says no, A3 (draft) says yes',
      'indicator=OFFICE',
      'admin',
      { value: 2, unitsReporting: 4, share: 50, unapprovedValues: 2 },
    ],
    [
      'ratio: Σ numerator / Σ denominator × 100, never an average of percentages',
      'indicator=SHARE',
      'donor',
      // (10+30+45+2+18) / (100+100+50+200+200) = 105/650; the mean of the five percentages would be 28
      // target, weighted by each reported quarter's denominator: (20·2 + 80·0.5 + 10·2 + 10·2) / 650 = 120/650
      {
        value: close((105 / 650) * 100),
        numerator: 105,
        denominator: 650,
        unitsReporting: 3,
        target: close((120 / 650) * 100),
        progress: close(87.5),
      },
    ],
    [
      'ratio, admin',
      'indicator=SHARE',
      'admin',
      // + A2 2025Q4 0/50; its target 80 % of 50 adds 40 to the weighted target
      { value: 15, numerator: 105, denominator: 700, target: close((160 / 700) * 100), unapprovedValues: 1 },
    ],
  ])('%s', async (_name, query, reader, expected) => {
    const { status, body } = await analytics(`${query}&orgUnit=XC&${RANGE}`, reader);
    expect(status).toBe(200);
    expect(body.total).toMatchObject(expected);
    expect(body.periods).toEqual(['2025Q3', '2025Q4', '2026Q1']);
  });

  test.each<[string, Reader, Partial<Figure>]>([
    // The range holds one Q4 (2025Q4): 2025's yearly targets count in full, 2026's not at all.
    ['2025Q3..2026Q1', 'donor', { value: 12, unitsReporting: 1, target: 30, progress: 40 }],
    ['2025Q3..2026Q1', 'admin', { value: 20, unitsReporting: 2, target: 30 }],
    ['2025', 'donor', { value: 12, target: 30 }],
    // No Q4 in the range: an annual indicator has neither values nor targets there.
    ['2026Q1..2026Q3', 'donor', { value: null, unitsReporting: 0, target: null, progress: null }],
  ])('an annual indicator is reported and targeted in Q4 (%s, %s)', async (periods, reader, expected) => {
    const { body } = await analytics(`indicator=TRAINED&orgUnit=XC&periods=${periods}`, reader);
    expect(body.total).toMatchObject(expected);
  });

  test('a ratio is not the average of percentages in this fixture', async () => {
    const { body } = await analytics(`indicator=SHARE&orgUnit=XC&${RANGE}`);
    const percentages = [10, 30, 90, 1, 9];
    const averageOfPercentages = percentages.reduce((a, b) => a + b, 0) / percentages.length;
    expect(body.total.value).not.toBeCloseTo(averageOfPercentages);
  });

  test('visibility is reported and decided by the role', async () => {
    expect((await analytics(`indicator=SERVED&orgUnit=XC`, 'anonymous')).body.visibility).toBe('approved');
    expect((await analytics(`indicator=SERVED&orgUnit=XC`, 'donor')).body.visibility).toBe('approved');
    expect((await analytics(`indicator=SERVED&orgUnit=XC`, 'staff')).body.visibility).toBe('subtree');
    expect((await analytics(`indicator=SERVED&orgUnit=XC`, 'admin')).body.visibility).toBe('all');
    // A client flag changes nothing.
    const sneaky = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&visibility=all&includeUnapproved=true`);
    expect(sneaky.body.total.value).toBe(89);
  });

  test.each<[string, Reader, Record<string, Partial<Row>>]>([
    [
      'donor',
      'donor',
      {
        // RA's subtree: A1 45 + A2 10 + RA's own 4; targets A1 65 + A2 20; baseline A1 45
        RA: { value: 59, unitsReporting: 3, target: 85, baseline: 45, own: false, kind: 'region' },
        RB: { value: 30, unitsReporting: 1, target: 50, baseline: 15, progress: 60 },
      },
    ],
    [
      'admin',
      'admin',
      {
        RA: { value: 69, unitsReporting: 4, unapprovedValues: 6, includesUnapproved: true },
        RB: { value: 40, unapprovedValues: 2 },
      },
    ],
  ])('by unit: each child of the unit over its subtree (%s)', async (_name, reader, expected) => {
    const { body } = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=unit`, reader);
    expect(body.rows.map((row) => row.key)).toEqual(['RA', 'RB']);
    for (const row of body.rows) expect(row, row.key).toMatchObject(expected[row.key] ?? {});
    // The children partition the country: their sums add up to the total (XC reports nothing itself).
    expect(body.rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(body.total.value);
  });

  test("by unit: children without data are rows with value null; the unit's own values get their own row", async () => {
    const rb = await analytics(`indicator=SERVED&orgUnit=RB&${RANGE}&by=unit`);
    expect(rb.body.rows.map((row) => [row.key, row.value, row.target, row.progress])).toEqual([
      ['B1', 30, 35, close((30 / 35) * 100)],
      ['B2', null, 15, null],
    ]);
    expect(rb.body.rows.find((row) => row.key === 'B2')).toMatchObject({ unitsReporting: 0, values: 0 });

    const ra = await analytics(`indicator=SERVED&orgUnit=RA&${RANGE}&by=unit`);
    expect(ra.body.rows.map((row) => [row.key, row.own, row.value])).toEqual([
      ['RA', true, 4],
      ['A1', false, 45],
      ['A2', false, 10],
      ['A3', false, null],
    ]);
    expect(ra.body.total.value).toBe(59);

    // A3 has only unapproved data: nothing for a donor, flagged for an admin.
    const admin = await analytics(`indicator=SERVED&orgUnit=RA&${RANGE}&by=unit`, 'admin');
    expect(admin.body.rows.find((row) => row.key === 'A3')).toMatchObject({
      value: 5,
      values: 4,
      unapprovedValues: 4,
      includesUnapproved: true,
    });
  });

  test.each<[string, string, (number | null)[], Partial<Figure>]>([
    // 2025: (80+40+40+20)/4 = 45 per quarter; 2026: (100+60+20)/4 = 45
    ['sum', 'SERVED', [35, 24, 30], { value: 89, target: 135 }],
    // Q3 (10+40+12)/3, Q4 20, Q1 (30+18)/2; the total is still the mean of units' means (25)
    ['average', 'WAIT', [close(62 / 3), 20, 24], { value: 25 }],
    ['max', 'PEAK', [60, 70, 65], { value: 70 }],
    ['count', 'OFFICE', [2, 1, 1], { value: 2 }],
    ['ratio', 'SHARE', [close((57 / 350) * 100), 30, 9], { value: close((105 / 650) * 100) }],
  ])('by period (%s): each quarter on its own, the total over the range', async (_name, code, values, total) => {
    const { body } = await analytics(`indicator=${code}&orgUnit=XC&${RANGE}&by=period`);
    expect(body.rows.map((row) => row.key)).toEqual(['2025Q3', '2025Q4', '2026Q1']);
    expect(body.rows.map((row) => row.value)).toEqual(values);
    expect(body.total).toMatchObject(total);
  });

  test('by period: quarterly targets are a quarter of the year’s', async () => {
    const { body } = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=period`);
    expect(body.rows.map((row) => [row.target, row.baseline])).toEqual([
      [45, 20],
      [45, 20],
      [45, 20],
    ]);
  });

  test('by option: each disaggregation option, no targets on option rows', async () => {
    const { body } = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=option`);
    expect(body.rows.map((row) => [row.key, row.value, row.target])).toEqual([
      ['F', 46, null],
      ['M', 43, null],
    ]);
    expect(body.total).toMatchObject({ value: 89, target: 135 });
    const bySex = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=option&category=SEX`);
    expect(bySex.body.category).toEqual({ code: 'SEX', name: 'SEX' });
    expect(bySex.body.rows.map((row) => [row.key, row.name, row.value])).toEqual([
      ['F', 'Option F', 46],
      ['M', 'Option M', 43],
    ]);
  });

  test('a unit with no data at all has an empty figure, not zeros', async () => {
    const { status, body } = await analytics(`indicator=SERVED&orgUnit=B2&${RANGE}`);
    expect(status).toBe(200);
    expect(body.total).toMatchObject({ value: null, unitsReporting: 0, values: 0, target: 15, progress: null });
  });

  test('the whole programme when orgUnit is omitted: its children are the countries', async () => {
    const { body } = await analytics(`indicator=SERVED&${RANGE}&by=unit`);
    expect(body.orgUnit).toBeNull();
    expect(body.rows.map((row) => [row.key, row.value])).toEqual([['XC', 89]]);
    expect(body.total.value).toBe(89);
  });

  test('periods: a year means its four quarters, ranges and lists mix; the default is the last four quarters', async () => {
    const year = await analytics('indicator=SERVED&orgUnit=XC&periods=2026');
    expect(year.body.periods).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(year.body.total.value).toBe(30);
    const mixed = await analytics('indicator=SERVED&orgUnit=XC&periods=2026Q1,2025Q3..2025Q4,2025Q4');
    expect(mixed.body.periods).toEqual(['2025Q3', '2025Q4', '2026Q1']);
    expect(mixed.body.total.value).toBe(89);
    const fallback = await analytics('indicator=SERVED&orgUnit=XC');
    expect(fallback.body.periods).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']); // "today" is 2026-11-28
  });

  test.each([
    ['indicator=NOPE&orgUnit=XC', 404, 'indicator_not_found', 'NOPE'],
    ['indicator=SERVED&orgUnit=NOPE', 404, 'org_unit_not_found', 'NOPE'],
    ['indicator=WAIT&orgUnit=XC&by=option', 400, 'invalid_breakdown', 'by'],
    ['indicator=SERVED&orgUnit=XC&by=option&category=AGE', 400, 'invalid_category', 'category'],
    ['indicator=SERVED&orgUnit=XC&category=SEX', 400, 'invalid_category', 'category'],
  ])('%s → %i %s', async (query, status, code, mentioned) => {
    const { status: actual, body } = await read<ErrorBody>(app, `/api/analytics?${query}`);
    expect(actual).toBe(status);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(mentioned);
  });

  test('a breakdown the indicator lacks answers with the allowed values', async () => {
    const option = await read<ErrorBody>(app, '/api/analytics?indicator=WAIT&orgUnit=XC&by=option');
    expect(option.body.error.details?.[0]).toMatchObject({ field: 'by', allowed: ['none', 'unit', 'period'] });
    const category = await read<ErrorBody>(app, '/api/analytics?indicator=SERVED&by=option&category=AGE');
    expect(category.body.error.details?.[0]).toMatchObject({ field: 'category', allowed: ['SEX'] });
  });

  test.each([
    ['indicator=SERVED&periods=2025-Q1', 'periods'],
    ['indicator=SERVED&periods=2026Q1..2025Q1', 'periods'],
    ['indicator=SERVED&periods=2000..2030', 'periods'],
    ['indicator=SERVED&periods=2001Q1,2030Q1', 'periods'],
    ['indicator=SERVED&periods=', 'periods'],
    ['indicator=SERVED&periods=1900', 'periods'],
    ['indicator=SERVED&by=province', 'by'],
    ['indicator=SERVED&locale=de', 'locale'],
    ['orgUnit=XC', 'indicator'],
    [`indicator=${'X'.repeat(100)}`, 'indicator'],
  ])('%s → 400 naming %s', async (query, field) => {
    const { status, body } = await read<ErrorBody>(app, `/api/analytics?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details?.some((detail) => detail.field === field)).toBe(true);
    expect(body.error.message).toContain(field);
  });

  test('responses about one reader are not cached by shared caches', async () => {
    const response = await app.request(`/api/analytics?indicator=SERVED&orgUnit=XC`);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });
});

describe.each(ENGINES)('analytics are live on %s', (engine) => {
  let handle: TestDatabase;
  let app: App;
  let admin: string;
  beforeAll(async () => {
    handle = await createMigratedDatabase(engine);
    await buildSmallProgramme(handle.db);
    app = createTestApp(handle);
    admin = await signIn(app, 'admin@fixture.test', FIXTURE_PASSWORD);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const total = async (query: string, cookie?: string) =>
    (await read(app, `/api/analytics?${query}&orgUnit=XC&${RANGE}`, cookie)).body.total;

  test('an updated value, an approval and a new value show in the next response', async () => {
    const { db } = handle;
    expect((await total('indicator=SERVED')).value).toBe(89);

    const a1 = await db.selectFrom('org_unit').select('id').where('code', '=', 'A1').executeTakeFirstOrThrow();
    await db
      .updateTable('data_value')
      .set({ value: 17 })
      .where('org_unit_id', '=', a1.id)
      .where('period_id', '=', '2026Q1')
      .where('value', '=', 7)
      .execute();
    // What every write path does in the write's transaction (here, a write behind the app's back).
    await refreshValueCells(db, [{ unitId: a1.id, periodId: '2026Q1' }]);
    expect((await total('indicator=SERVED')).value).toBe(99);

    // A2's submitted 2025Q4 report is approved: its values become public.
    const a2 = await db.selectFrom('org_unit').select('id').where('code', '=', 'A2').executeTakeFirstOrThrow();
    await db
      .updateTable('report')
      .set({ status: 'approved' })
      .where('org_unit_id', '=', a2.id)
      .where('period_id', '=', '2025Q4')
      .execute();
    expect((await total('indicator=SERVED')).value).toBe(104);
    expect((await total('indicator=WAIT')).value).toEqual(close((20 + 45 + 15) / 3));

    // B2 reports for the first time.
    const b2 = await db.selectFrom('org_unit').select('id').where('code', '=', 'B2').executeTakeFirstOrThrow();
    const peak = await db.selectFrom('indicator').select('id').where('code', '=', 'PEAK').executeTakeFirstOrThrow();
    const option = await db
      .selectFrom('disaggregation_option')
      .select('id')
      .where('code', '=', 'TOTAL')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('data_value')
      .values({
        indicator_id: peak.id,
        org_unit_id: b2.id,
        period_id: '2026Q1',
        option_id: option.id,
        value: 500,
        created_at: '2026-04-02T00:00:00Z',
        updated_at: '2026-04-02T00:00:00Z',
      })
      .execute();
    await refreshValueCells(db, [{ unitId: b2.id, periodId: '2026Q1' }]);
    // No report yet: an admin sees it, flagged (with B1's returned 2025Q4); a donor does not, but does see
    // A2's 2025Q4 peak of 90 now that it is approved.
    expect(await total('indicator=PEAK', admin)).toMatchObject({ value: 500, unapprovedValues: 2 });
    expect((await total('indicator=PEAK')).value).toBe(90);
    await db
      .insertInto('report')
      .values({
        org_unit_id: b2.id,
        period_id: '2026Q1',
        status: 'accepted',
        submitted_at: '2026-04-02T00:00:00Z',
        created_at: '2026-04-02T00:00:00Z',
        updated_at: '2026-04-02T00:00:00Z',
      })
      .execute();
    expect(await total('indicator=PEAK')).toMatchObject({ value: 500, unitsReporting: 4 });
  });
});

describe.each(ENGINES)('analytics on the demo programme on %s', (engine) => {
  let handle: TestDatabase;
  let app: App;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('the country total equals the approved values added up the long way', async () => {
    const quarters = ['2025Q4', '2026Q1', '2026Q2', '2026Q3'];
    const { body } = await getJson<Analytics>(app, '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=unit');
    expect(body.periods).toEqual(quarters);
    const raw = await handle.db
      .selectFrom('data_value as dv')
      .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
      .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
      .innerJoin('report as r', (join) =>
        join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
      )
      .select(['dv.value', 'u.path'])
      .where('i.code', '=', 'MIG_SERVED')
      .where('r.status', 'in', ['approved', 'accepted'])
      .where('dv.period_id', 'in', quarters)
      .execute();
    const phl = await handle.db
      .selectFrom('org_unit')
      .select('path')
      .where('code', '=', 'PHL')
      .executeTakeFirstOrThrow();
    const expected = raw.filter((row) => row.path.startsWith(phl.path)).reduce((sum, row) => sum + row.value, 0);
    expect(expected).toBeGreaterThan(0);
    expect(body.total.value).toBe(expected);
    expect(body.total.unapprovedValues).toBe(0);
    // Every region of the Philippines is a row; the ones without projects have no data.
    expect(body.rows.length).toBeGreaterThan(10);
    expect(body.rows.find((row) => row.key === 'PH-05')?.value).toBeGreaterThan(0);
    expect(body.rows.filter((row) => row.value === null).length).toBeGreaterThan(0);
    expect(body.rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(expected);
  });

  test('collapsing to one category adds up its options', async () => {
    const path = '/api/analytics?indicator=MIG_SERVED&orgUnit=PH-05&periods=2025';
    const options = (await getJson<Analytics>(app, `${path}&by=option`)).body;
    const bySex = (await getJson<Analytics>(app, `${path}&by=option&category=SEX`)).body;
    expect(options.rows).toHaveLength(30);
    expect(bySex.rows.map((row) => row.key)).toEqual(['F', 'M']);
    for (const sex of bySex.rows) {
      const parts = options.rows.filter((row) => row.key.startsWith(`${sex.key}_`));
      expect(sex.value).toBe(parts.reduce((sum, row) => sum + (row.value ?? 0), 0));
    }
    expect((bySex.rows[0]?.value ?? 0) + (bySex.rows[1]?.value ?? 0)).toBe(bySex.total.value);
  });

  test('names follow the locale; stage labels come with the distribution', async () => {
    const { body } = await getJson<Analytics>(app, '/api/analytics?indicator=LDP_STAGE&orgUnit=MAR&by=unit&locale=fr');
    expect(body.orgUnit?.name).toBe('Maroc');
    expect(body.total.distribution.length).toBeGreaterThan(1);
    expect(body.total.distribution.every((stage) => typeof stage.label === 'string')).toBe(true);
  });

  test('every aggregation type answers on the demo, at every level', async () => {
    for (const code of ['MIG_SERVED', 'SATISFACTION', 'LDP_STAGE', 'TRANSIT_PEAK', 'HELP_OFFICE', 'BUDGET_SHARE']) {
      for (const orgUnit of ['', '&orgUnit=CRI', '&orgUnit=PHL-naga-city']) {
        for (const by of ['none', 'unit', 'period']) {
          const { status } = await getJson(app, `/api/analytics?indicator=${code}${orgUnit}&by=${by}&periods=2025`);
          expect(status, `${code}${orgUnit} by ${by}`).toBe(200);
        }
      }
    }
  });
});
