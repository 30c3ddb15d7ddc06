// GET /api/completeness: expected, submitted, on time, late, approved, missing… computed by hand from the
// small programme in tests/helpers/fixture.ts (its comment has the reports table), and checked against the
// demo seed. On every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletenessCounts } from '../../db/queries/completeness';
import { createTestApp, getJson } from '../helpers/app';
import { createMigratedDatabase, createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { buildSmallProgramme } from '../helpers/fixture';

type Counts = CompletenessCounts;
type Completeness = {
  orgUnit: { code: string } | null;
  periods: string[];
  by: string;
  today: string;
  total: Counts;
  rows: (Counts & { key: string; name: string; own: boolean })[];
};
type ErrorBody = { error: { code: string; message: string; details?: { field: string }[] } };

const ZERO: Counts = {
  expected: 0,
  submitted: 0,
  onTime: 0,
  late: 0,
  approved: 0,
  accepted: 0,
  missing: 0,
  pending: 0,
  returned: 0,
  draft: 0,
};
const counts = (partial: Partial<Counts>): Counts => ({ ...ZERO, ...partial });

describe.each(ENGINES)('completeness on a hand-built programme on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createMigratedDatabase(engine);
    await buildSmallProgramme(handle.db);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const get = (query: string) => getJson<Completeness>(app, `/api/completeness?${query}`);

  test('per child unit over its subtree; a country without an indicator of its tier is not expected', async () => {
    const { status, body } = await get('orgUnit=XC&period=2025Q4');
    expect(status).toBe(200);
    expect(body.periods).toEqual(['2025Q4']);
    // RA's subtree: A1 approved, A2 and A3 submitted, RA approved — all by the deadline (A1 at 23:59:59 on it).
    // RB: B1 returned, B2 nothing → both missing.
    expect(body.rows).toEqual([
      {
        key: 'RA',
        name: 'Unit RA',
        kind: 'region',
        own: false,
        ...counts({ expected: 4, submitted: 4, onTime: 4, approved: 2 }),
      },
      {
        key: 'RB',
        name: 'Unit RB',
        kind: 'region',
        own: false,
        ...counts({ expected: 2, missing: 2, returned: 1 }),
      },
    ]);
    expect(body.total).toEqual(counts({ expected: 6, submitted: 4, onTime: 4, approved: 2, missing: 2, returned: 1 }));
  });

  test.each<[string, Counts]>([
    // A1 accepted on time, A2 approved late; A3 still in draft and RA without a report → missing.
    [
      '2025Q3',
      counts({ expected: 4, submitted: 2, onTime: 1, late: 1, approved: 2, accepted: 1, missing: 2, draft: 1 }),
    ],
    ['2025Q4', counts({ expected: 4, submitted: 4, onTime: 4, approved: 2 })],
    // A1 one second into the day after the deadline: late. A2, A3 and RA never reported.
    ['2026Q1', counts({ expected: 4, submitted: 1, late: 1, approved: 1, missing: 3 })],
  ])('by period, timeliness of RA in %s', async (period, expected) => {
    const { body } = await get('orgUnit=RA&periods=2025Q3..2026Q1&by=period');
    expect(body.rows.find((row) => row.key === period)).toEqual({
      key: period,
      name: period,
      kind: null,
      own: false,
      ...expected,
    });
  });

  test('the total over several quarters, and the same total however it is broken down', async () => {
    const byPeriod = await get('orgUnit=RA&periods=2025Q3..2026Q1&by=period');
    const byUnit = await get('orgUnit=RA&periods=2025Q3..2026Q1&by=unit');
    const total = counts({
      expected: 12,
      submitted: 7,
      onTime: 5,
      late: 2,
      approved: 5,
      accepted: 1,
      missing: 5,
      draft: 1,
    });
    expect(byPeriod.body.total).toEqual(total);
    expect(byUnit.body.total).toEqual(total);
    expect(
      byUnit.body.rows.map((row) => [row.key, row.own, row.expected, row.submitted, row.onTime, row.missing]),
    ).toEqual([
      ['RA', true, 3, 1, 1, 2], // the regional council's own reports
      ['A1', false, 3, 3, 2, 0],
      ['A2', false, 3, 2, 1, 1],
      ['A3', false, 3, 1, 1, 2],
    ]);
  });

  test('before the deadline an unsubmitted quarter is pending, not missing', async () => {
    // 2026Q4 is due 2027-01-30; "today" is 2026-11-28. P2 still covers B1 and B2.
    const { body } = await get('orgUnit=RB&period=2026Q4');
    expect(body.today).toBe('2026-11-28');
    expect(body.total).toEqual(counts({ expected: 2, pending: 2 }));
  });

  test('no project active in the quarter: nothing expected, children still listed', async () => {
    const { body } = await get('orgUnit=RA&period=2026Q2'); // P1 ended 2026-03-31
    expect(body.total).toEqual(ZERO);
    expect(body.rows.map((row) => [row.key, row.expected])).toEqual([
      ['A1', 0],
      ['A2', 0],
      ['A3', 0],
    ]);
  });

  test('the whole programme when orgUnit is omitted', async () => {
    const { body } = await get('period=2025Q4');
    expect(body.orgUnit).toBeNull();
    expect(body.rows.map((row) => [row.key, row.expected, row.missing])).toEqual([['XC', 6, 2]]);
  });

  test.each<[string, number, string, string | null]>([
    ['orgUnit=NOPE', 404, 'org_unit_not_found', null],
    ['period=2025-Q3', 400, 'invalid_request', 'period'],
    ['period=2025', 400, 'invalid_request', 'period'],
    ['period=2025Q3&periods=2025Q4', 400, 'invalid_request', 'periods'],
    ['periods=2026Q1..2025Q1', 400, 'invalid_request', 'periods'],
    ['by=option', 400, 'invalid_request', 'by'],
  ])('%s → %i %s', async (query, status, code, field) => {
    const response = await getJson<ErrorBody>(app, `/api/completeness?${query}`);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    if (field !== null) expect(response.body.error.details?.some((detail) => detail.field === field)).toBe(true);
  });
});

describe.each(ENGINES)('completeness on the demo programme on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('Sédhiou is missing 2026Q3; the default period is the last complete quarter', async () => {
    const { status, body } = await getJson<Completeness>(app, '/api/completeness?orgUnit=SN-SE');
    expect(status).toBe(200);
    expect(body.periods).toEqual(['2026Q3']);
    expect(body.rows.find((row) => row.key === 'SEN-sedhiou')).toMatchObject({
      expected: 1,
      submitted: 0,
      missing: 1,
    });
  });

  test("counts agree with the reports table for Bicol's quarters", async () => {
    const { body } = await getJson<Completeness>(
      app,
      '/api/completeness?orgUnit=PH-05&periods=2025Q4..2026Q3&by=period',
    );
    const bicol = await handle.db
      .selectFrom('org_unit')
      .select('path')
      .where('code', '=', 'PH-05')
      .executeTakeFirstOrThrow();
    const reports = await handle.db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select(['r.period_id', 'r.status', 'u.path'])
      .where('r.period_id', 'in', body.periods)
      .execute();
    for (const row of body.rows) {
      const mine = reports.filter((report) => report.period_id === row.key && report.path.startsWith(bicol.path));
      // PHL-BICOL covers the ten cities and the regional council here every quarter (the national
      // commission is outside the subtree), and the demo files reports for exactly those.
      expect(row.expected, row.key).toBe(11);
      expect(row.submitted, row.key).toBe(
        mine.filter((r) => ['submitted', 'approved', 'accepted'].includes(r.status)).length,
      );
      expect(row.approved, row.key).toBe(mine.filter((r) => ['approved', 'accepted'].includes(r.status)).length);
      expect(row.returned, row.key).toBe(mine.filter((r) => r.status === 'returned').length);
      expect(row.submitted + row.missing + row.pending, row.key).toBe(row.expected);
      expect(row.onTime + row.late, row.key).toBe(row.submitted);
    }
    // Naga City's latest report was returned: missing once its deadline passed.
    const city = await getJson<Completeness>(app, '/api/completeness?orgUnit=PH-CAS&period=2026Q3');
    expect(city.body.rows.find((row) => row.key === 'PHL-naga-city')).toMatchObject({ missing: 1, returned: 1 });
  });
});
