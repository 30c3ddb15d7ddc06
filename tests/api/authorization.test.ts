// The authorisation matrix: every role × every write endpoint × the unit's relation to the user
// (own, child, sibling, parent) → the expected status. Each case first puts the target report into
// the state the step starts from, so the answer depends on scope and role alone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tierOf } from '../../db/queries/org-units';
import { listReportingIndicators } from '../../db/queries/reports';
import type { ReportStatus } from '../../db/schema';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, TEST_AS_OF, type TestDatabase } from '../helpers/database';

const PERIOD = '2026Q3';
type Step = 'save' | 'submit' | 'approve' | 'return' | 'accept' | 'reopen';
const FROM: Record<Step, ReportStatus> = {
  save: 'draft',
  submit: 'draft',
  approve: 'submitted',
  return: 'submitted',
  accept: 'approved',
  reopen: 'approved',
};

/** [role's account, relation, unit code, { step: status }] — every cell written out, no defaults. */
const MATRIX: [string, string, string, Record<Step, number>][] = [
  [
    'local.naga',
    'own',
    'PHL-naga-city',
    { save: 200, submit: 200, approve: 403, return: 403, accept: 403, reopen: 403 },
  ],
  [
    'local.naga',
    'sibling',
    'PHL-pili',
    { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 },
  ],
  ['local.naga', 'parent', 'PH-05', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['region.bicol', 'own', 'PH-05', { save: 200, submit: 200, approve: 403, return: 403, accept: 403, reopen: 403 }],
  [
    'region.bicol',
    'child',
    'PHL-naga-city',
    { save: 403, submit: 403, approve: 200, return: 200, accept: 403, reopen: 200 },
  ],
  ['region.bicol', 'sibling', 'PH-07', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['region.bicol', 'parent', 'PHL', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['national.phl', 'own', 'PHL', { save: 200, submit: 200, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['national.phl', 'child', 'PH-05', { save: 403, submit: 403, approve: 200, return: 200, accept: 200, reopen: 200 }],
  [
    'national.phl',
    'grandchild',
    'PHL-naga-city',
    { save: 403, submit: 403, approve: 200, return: 200, accept: 200, reopen: 200 },
  ],
  ['national.phl', 'sibling', 'CRI', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['donor', 'any', 'PHL-naga-city', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['donor', 'any', 'PH-05', { save: 403, submit: 403, approve: 403, return: 403, accept: 403, reopen: 403 }],
  ['admin', 'any', 'PHL-naga-city', { save: 200, submit: 200, approve: 200, return: 200, accept: 200, reopen: 200 }],
  ['admin', 'any', 'PH-05', { save: 200, submit: 200, approve: 200, return: 200, accept: 200, reopen: 200 }],
];

const CASES = MATRIX.flatMap(([who, relation, unit, expected]) =>
  (Object.keys(expected) as Step[]).map((step) => [who, relation, unit, step, expected[step]] as const),
);

describe.each(ENGINES)('authorisation matrix on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of new Set(MATRIX.map(([account]) => account)))
      cookies.set(who, await signIn(app, `${who}@example.org`));
  }, 120_000);
  afterAll(async () => handle.dispose());

  /** Puts the unit's 2026Q3 report in `status`, with one explained value of an indicator it reports. */
  async function prepare(
    unitCode: string,
    status: ReportStatus,
  ): Promise<{ indicator: string; version: number | null }> {
    const { db } = handle;
    const unit = await db.selectFrom('org_unit').selectAll().where('code', '=', unitCode).executeTakeFirstOrThrow();
    const period = await db.selectFrom('period').selectAll().where('id', '=', PERIOD).executeTakeFirstOrThrow();
    const now = TEST_AS_OF.toISOString();
    const report = await db
      .selectFrom('report')
      .select('id')
      .where('org_unit_id', '=', unit.id)
      .where('period_id', '=', PERIOD)
      .executeTakeFirst();
    if (report) await db.updateTable('report').set({ status }).where('id', '=', report.id).execute();
    else
      await db
        .insertInto('report')
        .values({ org_unit_id: unit.id, period_id: PERIOD, status, created_at: now, updated_at: now })
        .execute();

    const [reported] = await listReportingIndicators(
      db,
      { id: unit.id, tier: tierOf(unit.kind) },
      { startDate: period.start_date, endDate: period.end_date, quarter: period.quarter },
    );
    if (!reported) return { indicator: 'NONE', version: null };
    const option = await db
      .selectFrom('disaggregation_option as o')
      .innerJoin('indicator as i', 'i.disaggregation_id', 'o.disaggregation_id')
      .select('o.id')
      .where('i.id', '=', reported.indicatorId)
      .orderBy('o.sort_order')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('data_value').where('org_unit_id', '=', unit.id).where('period_id', '=', PERIOD).execute();
    await db
      .insertInto('data_value')
      .values({
        indicator_id: reported.indicatorId,
        org_unit_id: unit.id,
        period_id: PERIOD,
        option_id: option.id,
        value: 1,
        comment: 'checked',
        created_at: now,
        updated_at: now,
      })
      .execute();
    return { indicator: reported.code, version: 1 };
  }

  test.each(CASES)('%s on %s (%s) %s → %i', async (who, _relation, unitCode, step, expected) => {
    const { indicator, version } = await prepare(unitCode, FROM[step]);
    const headers = { cookie: cookies.get(who) ?? '', origin: ORIGIN, 'content-type': 'application/json' };
    const base = `/api/reports/${unitCode}/${PERIOD}`;
    const response =
      step === 'save'
        ? await app.request(`${base}/values`, {
            method: 'PUT',
            headers,
            body: JSON.stringify({ values: [{ indicator, option: 'TOTAL', value: 1, comment: 'checked', version }] }),
          })
        : await app.request(`${base}/${step}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ comment: 'Reason given.' }),
          });
    const body = await response.text();
    expect(response.status, body).toBe(expected);
    const status = (
      await handle.db
        .selectFrom('report as r')
        .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
        .select('r.status')
        .where('u.code', '=', unitCode)
        .where('r.period_id', '=', PERIOD)
        .executeTakeFirstOrThrow()
    ).status;
    // A refused step changes nothing.
    if (expected !== 200) expect(status).toBe(FROM[step]);
  });

  test.each([
    ['local.naga', 403],
    ['region.bicol', 403],
    ['national.phl', 403],
    ['donor', 403],
    ['admin', 201],
  ])('%s creating an account → %i', async (who, expected) => {
    const response = await app.request('/api/users', {
      method: 'POST',
      headers: { cookie: cookies.get(who) ?? '', origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `new.${who}@example.org`, name: 'New', role: 'local', orgUnit: 'PHL-pili' }),
    });
    expect(response.status).toBe(expected);
  });

  test('anonymous writes are 401 everywhere', async () => {
    const headers = { origin: ORIGIN, 'content-type': 'application/json' };
    for (const [method, path] of [
      ['PUT', `/api/reports/PHL-naga-city/${PERIOD}/values`],
      ['POST', `/api/reports/PHL-naga-city/${PERIOD}/submit`],
      ['POST', '/api/reports/batch/approve'],
      ['POST', '/api/users'],
    ] as const) {
      const body = path.endsWith('values')
        ? { values: [{ indicator: 'X', value: 1 }] }
        : path.includes('batch')
          ? { reports: [{ orgUnit: 'PHL-naga-city', period: PERIOD }] }
          : path.endsWith('users')
            ? { email: 'a@b.org', name: 'A', role: 'donor' }
            : {};
      const response = await app.request(path, { method, headers, body: JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
