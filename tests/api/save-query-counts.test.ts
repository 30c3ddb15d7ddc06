// How many SQL statements saving the entry form costs: the request as the form sends it (PUT …/values,
// answered with the whole report), for a new report and then for every value of it changed. The count
// must not grow with the form (one value or every value of it: the same statements), and it is pinned
// per engine, so a change to it is a decision. On SQLite the bulk writes of db/dialect.ts run their
// prepared statements on the connection itself, past Kysely: they are not counted there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../db/dialect';
import { verifyValueCells } from '../../db/queries/value-cells';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { logQueries, type QueryLog } from '../helpers/query-log';

const UNIT = 'PHL-naga-city';
const PERIOD = '2026Q3';

/** Statements of the whole PUT: a new form's every value inserted, then every value updated. */
const PINNED: Record<Engine, { fresh: number; updated: number }> = {
  sqlite: { fresh: 26, updated: 26 },
  postgres: { fresh: 28, updated: 28 },
};

type Form = {
  indicators: { code: string; valueType: string; disaggregation: { options: { code: string }[] } }[];
  values: { indicator: string; option: string; version: number }[];
};

/** Statements with their parameter lists collapsed, sorted: those run concurrently arrive in any order. */
const shapesOf = (statements: readonly string[]) =>
  statements
    .map((statement) => statement.replace(/\$\d+/g, '?').replace(/\(\?(?:, \?)*\)/g, '(…)'))
    .sort()
    .join('\n');

describe.each(ENGINES)('statements per form save on %s', (engine) => {
  let handle: TestDatabase;
  let log: QueryLog;
  let app: ReturnType<typeof createTestApp>;
  let cookie = '';
  let form: Form;

  const put = async (values: unknown[]) => {
    log.reset();
    const response = await app.request(`/api/reports/${UNIT}/${PERIOD}/values`, {
      method: 'PUT',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ values }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} ${text}`);
    return { saved: (JSON.parse(text) as { saved: number }).saved, statements: log.statements() };
  };
  /** Every cell of the form, each value a type allows, at the given version. */
  const everyValue = (n: number, version: number | null) =>
    form.indicators.flatMap((indicator) =>
      indicator.disaggregation.options.map((option) => ({
        indicator: indicator.code,
        option: option.code,
        ...(indicator.valueType === 'percentage'
          ? { numerator: n, denominator: 10 }
          : { value: indicator.valueType === 'yes_no' || indicator.valueType === 'stage' ? n % 2 : n }),
        version,
      })),
    );
  /** No values and no report: the form as a unit first opens it in a new quarter. */
  const clearAll = async () => {
    const response = await app.request(`/api/reports/${UNIT}/${PERIOD}`, { headers: { cookie } });
    const { values } = (await response.json()) as Form;
    await put(values.map((value) => ({ ...value, value: null })));
    const { db } = handle;
    const report = await db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select('r.id')
      .where('u.code', '=', UNIT)
      .where('r.period_id', '=', PERIOD)
      .executeTakeFirstOrThrow();
    const events = db.selectFrom('report_event').select('id').where('report_id', '=', report.id);
    await db.deleteFrom('report_event_note').where('report_event_id', 'in', events).execute();
    await db.deleteFrom('report_event').where('report_id', '=', report.id).execute();
    await db.deleteFrom('report').where('id', '=', report.id).execute();
  };

  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    log = logQueries(handle);
    app = createTestApp(log.handle);
    cookie = await signIn(app, 'local.naga@example.org');
    form = (await (await app.request(`/api/reports/${UNIT}/${PERIOD}`, { headers: { cookie } })).json()) as Form;
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('a new form, then every value of it changed: the pinned statements, whatever the form size', async () => {
    await clearAll();
    const values = everyValue(1, null);
    expect(values.length).toBeGreaterThan(20);
    const fresh = await put(values);
    expect(fresh.saved).toBe(values.length);
    const updated = await put(everyValue(2, 1));
    expect(updated.saved).toBe(values.length);
    expect(await verifyValueCells(handle.db)).toEqual([]);

    // The same statements for a single value: nothing runs once per value.
    await clearAll();
    const one = await put(everyValue(1, null).slice(0, 1));
    expect(shapesOf(one.statements)).toBe(shapesOf(fresh.statements));
    const oneUpdated = await put(everyValue(2, 1).slice(0, 1));
    expect(shapesOf(oneUpdated.statements)).toBe(shapesOf(updated.statements));

    expect(fresh.statements.length, fresh.statements.join('\n')).toBeLessThanOrEqual(PINNED[engine].fresh);
    expect(updated.statements.length, updated.statements.join('\n')).toBeLessThanOrEqual(PINNED[engine].updated);
  });
});
