// The value_cell roll-up stays equal to a recomputation from data_value whichever way values are
// written — the entry form (insert, update, clear), a CSV import, a DHIS2 import that deletes — and
// the analytics that read it change in the very next response.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readGeneration } from '../../db/queries/generation';
import { rebuildValueCells, verifyValueCells } from '../../db/queries/value-cells';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type StoredValue = { indicator: string; option: string; value: number; version: number };
type ReportDetail = { values: StoredValue[] };

const UNIT = 'PHL-naga-city';
const PERIOD = '2026Q3';
/** A sum indicator of Naga City's form, disaggregated by sex. */
const INDICATOR = 'OFFICIALS_TRAINED';

describe.each(ENGINES)('the analytics roll-up on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['local.naga', 'admin']) cookies[who] = await signIn(app, `${who}@example.org`);
  }, 120_000);
  afterAll(async () => handle.dispose());

  /** `type` null: let the body set its own (a multipart form's boundary). */
  const request = async (
    who: string,
    method: string,
    path: string,
    body?: BodyInit,
    type: string | null = 'application/json',
  ) => {
    const response = await app.request(path, {
      method,
      headers: {
        cookie: cookies[who] ?? '',
        origin: ORIGIN,
        ...(body !== undefined && type !== null && { 'content-type': type }),
      },
      ...(body !== undefined && { body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stored = async () =>
    (
      (await request('local.naga', 'GET', `/api/reports/${UNIT}/${PERIOD}`)).body as unknown as ReportDetail
    ).values.filter((value) => value.indicator === INDICATOR);
  /** What an administrator (who sees unapproved values) reads for the unit and quarter. */
  const analyticsTotal = async () => {
    const { body } = await request(
      'admin',
      'GET',
      `/api/analytics?indicator=${INDICATOR}&orgUnit=${UNIT}&periods=${PERIOD}`,
    );
    return (body.total as { value: number | null; values: number }) ?? null;
  };
  const expectCellsConsistent = async () => expect(await verifyValueCells(handle.db)).toEqual([]);

  test('the seeded database starts consistent', expectCellsConsistent);

  test('the entry form: an insert, an update and a cleared value each move the figure at once', async () => {
    const before = await stored();
    const [first, second] = before;
    expect(first).toBeDefined();
    const total = before.reduce((sum, value) => sum + value.value, 0);
    expect(await analyticsTotal()).toMatchObject({ value: total, values: before.length });

    const generation = BigInt(await readGeneration(handle.db));
    const save = (values: unknown[]) =>
      request('local.naga', 'PUT', `/api/reports/${UNIT}/${PERIOD}/values`, JSON.stringify({ values }));
    expect(
      (
        await save([
          { indicator: INDICATOR, option: first?.option, value: (first?.value ?? 0) + 10, version: first?.version },
        ])
      ).status,
    ).toBe(200);
    await expectCellsConsistent();
    expect(await analyticsTotal()).toMatchObject({ value: total + 10, values: before.length });
    // Shared public answers (server/lib/response-cache.ts) are keyed by this: it must move on.
    expect(BigInt(await readGeneration(handle.db))).toBeGreaterThan(generation);

    if (second) {
      expect(
        (await save([{ indicator: INDICATOR, option: second.option, value: null, version: second.version }])).status,
      ).toBe(200);
      await expectCellsConsistent();
      expect(await analyticsTotal()).toMatchObject({ value: total + 10 - second.value, values: before.length - 1 });
    }

    // A refused save (a version conflict) leaves the cells as they were: the transaction rolled back.
    const stale = await save([{ indicator: INDICATOR, option: first?.option, value: 1, version: first?.version }]);
    expect(stale.status).toBe(409);
    await expectCellsConsistent();
    expect((await analyticsTotal())?.value).toBe(total + 10 - (second?.value ?? 0));
  });

  test('a CSV import that inserts and updates keeps every cell equal to its values', async () => {
    const current = await stored();
    const options = current.map((value) => value.option);
    const csv = [
      'indicator,org_unit,period,option,value,numerator,denominator,comment',
      ...options.map((option) => `${INDICATOR},${UNIT},${PERIOD},${option},5,,,`),
      // The cleared option comes back as a new value.
      `${INDICATOR},${UNIT},${PERIOD},${options.includes('F') ? 'M' : 'F'},4,,,`,
    ].join('\r\n');
    const form = new FormData();
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'values.csv');
    const imported = await request('local.naga', 'POST', '/api/imports/data-values?dryRun=false', form, null);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await expectCellsConsistent();
    expect(await analyticsTotal()).toMatchObject({ value: 5 * options.length + 4, values: options.length + 1 });
  });

  test("a cell's approval follows its report, whatever changes the report, and public answers with it", async () => {
    /** What anyone without an account reads: approved values only. */
    const publicTotal = async () => {
      const response = await app.request(`/api/analytics?indicator=${INDICATOR}&orgUnit=${UNIT}&periods=${PERIOD}`);
      return ((await response.json()) as { total: { value: number | null; values: number } }).total;
    };
    const cellApproval = async (db = handle.db) =>
      (
        await db
          .selectFrom('value_cell as c')
          .innerJoin('org_unit as u', 'u.id', 'c.org_unit_id')
          .select('c.approved')
          .distinct()
          .where('u.code', '=', UNIT)
          .where('c.period_id', '=', PERIOD)
          .execute()
      ).map((row) => Number(row.approved));
    const values = await stored();
    const total = values.reduce((sum, value) => sum + value.value, 0);
    expect(values.length).toBeGreaterThan(0);
    expect(await cellApproval()).toEqual([0]);
    expect(await publicTotal()).toMatchObject({ value: null, values: 0 });

    cookies['region.bicol'] = await signIn(app, 'region.bicol@example.org');
    const path = `/api/reports/${UNIT}/${PERIOD}`;
    expect((await request('local.naga', 'POST', `${path}/submit`, '{}')).status).toBe(200);
    expect(await cellApproval()).toEqual([0]);
    expect((await request('region.bicol', 'POST', `${path}/approve`, '{}')).status).toBe(200);
    expect(await cellApproval()).toEqual([1]);
    expect(await publicTotal()).toMatchObject({ value: total, values: values.length });
    await expectCellsConsistent();

    // Any writer, not only the API: the triggers on report keep the flag (the deletion is undone).
    const report = handle.db
      .selectFrom('org_unit as u')
      .innerJoin('report as r', 'r.org_unit_id', 'u.id')
      .where('u.code', '=', UNIT)
      .where('r.period_id', '=', PERIOD);
    const { id } = await report.select('r.id').executeTakeFirstOrThrow();
    await handle.db.updateTable('report').set({ status: 'returned' }).where('id', '=', id).execute();
    expect(await cellApproval()).toEqual([0]);
    expect(await publicTotal()).toMatchObject({ value: null, values: 0 });
    await handle.db.updateTable('report').set({ status: 'accepted' }).where('id', '=', id).execute();
    expect(await cellApproval()).toEqual([1]);
    await expectCellsConsistent();
    await handle.db
      .transaction()
      .execute(async (trx) => {
        const events = trx.selectFrom('report_event').select('id').where('report_id', '=', id);
        await trx.deleteFrom('report_event_note').where('report_event_id', 'in', events).execute();
        await trx.deleteFrom('report_event').where('report_id', '=', id).execute();
        await trx.deleteFrom('report').where('id', '=', id).execute();
        expect(await cellApproval(trx)).toEqual([0]);
        expect(await verifyValueCells(trx)).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await cellApproval()).toEqual([1]);
    // Back to a draft for the tests after this one.
    await handle.db.updateTable('report').set({ status: 'draft' }).where('id', '=', id).execute();
    expect(await cellApproval()).toEqual([0]);
  });

  test('a DHIS2 import that deletes values empties the cell', async () => {
    const current = await stored();
    const dataValues = current.map((value) => ({
      dataElement: INDICATOR,
      categoryOptionCombo: value.option,
      period: PERIOD,
      orgUnit: UNIT,
      value: String(value.value),
    }));
    const deleted = await request(
      'local.naga',
      'POST',
      '/api/dhis2/dataValueSets?importStrategy=DELETE',
      JSON.stringify({ dataValues }),
    );
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await stored()).toEqual([]);
    await expectCellsConsistent();
    const cells = await handle.db
      .selectFrom('value_cell as c')
      .innerJoin('indicator as i', 'i.id', 'c.indicator_id')
      .innerJoin('org_unit as u', 'u.id', 'c.org_unit_id')
      .select('c.value_count')
      .where('i.code', '=', INDICATOR)
      .where('u.code', '=', UNIT)
      .where('c.period_id', '=', PERIOD)
      .execute();
    expect(cells).toEqual([]);
    expect(await analyticsTotal()).toMatchObject({ value: null, values: 0 });
  });

  test('the entry form: values entered into an empty cell create it, clearing the last of them removes it', async () => {
    const detail = (await request('local.naga', 'GET', `/api/reports/${UNIT}/${PERIOD}`)).body as unknown as {
      indicators: { code: string; disaggregation: { options: { code: string }[] } }[];
    };
    const options = detail.indicators.find((indicator) => indicator.code === INDICATOR)?.disaggregation.options ?? [];
    expect(options.length).toBeGreaterThan(1);
    expect(await stored()).toEqual([]);
    const save = (values: unknown[]) =>
      request('local.naga', 'PUT', `/api/reports/${UNIT}/${PERIOD}/values`, JSON.stringify({ values }));

    const entered = await save(
      options.map((option, index) => ({ indicator: INDICATOR, option: option.code, value: index + 1 })),
    );
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    await expectCellsConsistent();
    const sum = (options.length * (options.length + 1)) / 2;
    expect(await analyticsTotal()).toMatchObject({ value: sum, values: options.length });

    // Clearing all but one keeps the cell; clearing the last one removes it.
    const [last, ...rest] = await stored();
    expect((await save(rest.map((value) => ({ ...value, value: null })))).status).toBe(200);
    await expectCellsConsistent();
    expect(await analyticsTotal()).toMatchObject({ value: last?.value, values: 1 });
    expect((await save([{ ...last, value: null }])).status).toBe(200);
    await expectCellsConsistent();
    expect(await analyticsTotal()).toMatchObject({ value: null, values: 0 });
  });

  test('verification finds every kind of stale cell, and a rebuild repairs them', async () => {
    const cells = await handle.db
      .selectFrom('value_cell')
      .select(['indicator_id', 'period_id', 'org_unit_id', 'approved'])
      .orderBy('indicator_id')
      .orderBy('period_id')
      .orderBy('org_unit_id')
      .limit(3)
      .execute();
    const [changed, removed, flipped] = cells;
    if (!changed || !removed || !flipped) throw new Error('the seeded database has cells');
    const at = (cell: typeof changed) =>
      handle.db
        .updateTable('value_cell')
        .where('indicator_id', '=', cell.indicator_id)
        .where('period_id', '=', cell.period_id)
        .where('org_unit_id', '=', cell.org_unit_id);
    // Written with SQL behind the app's back: a wrong sum, a missing cell, a wrong approval, a cell without values.
    await at(changed)
      .set((eb) => ({ value_sum: eb('value_sum', '+', 1) }))
      .execute();
    await handle.db
      .deleteFrom('value_cell')
      .where('indicator_id', '=', removed.indicator_id)
      .where('period_id', '=', removed.period_id)
      .where('org_unit_id', '=', removed.org_unit_id)
      .execute();
    await at(flipped)
      .set({ approved: Number(flipped.approved) === 1 ? 0 : 1 })
      .execute();
    await handle.db
      .insertInto('value_cell')
      .values({
        indicator_id: changed.indicator_id,
        period_id: '2019Q1',
        org_unit_id: changed.org_unit_id,
        value_sum: 5,
        value_count: 1,
      })
      .execute();
    const found = await verifyValueCells(handle.db);
    const keyOf = (cell: { indicatorId: number; periodId: string; unitId: number }) =>
      `${cell.indicatorId}/${cell.periodId}/${cell.unitId}`;
    expect(new Map(found.map((cell) => [keyOf(cell), [cell.stored, cell.computed]]))).toEqual(
      new Map([
        [
          keyOf({ indicatorId: changed.indicator_id, periodId: changed.period_id, unitId: changed.org_unit_id }),
          [expect.objectContaining({ sum: expect.any(Number) }), expect.objectContaining({ sum: expect.any(Number) })],
        ],
        [
          keyOf({ indicatorId: removed.indicator_id, periodId: removed.period_id, unitId: removed.org_unit_id }),
          [null, expect.objectContaining({ count: expect.any(Number) })],
        ],
        [
          keyOf({ indicatorId: flipped.indicator_id, periodId: flipped.period_id, unitId: flipped.org_unit_id }),
          [
            expect.objectContaining({ approved: Number(flipped.approved) !== 1 }),
            expect.objectContaining({ approved: Number(flipped.approved) === 1 }),
          ],
        ],
        [
          keyOf({ indicatorId: changed.indicator_id, periodId: '2019Q1', unitId: changed.org_unit_id }),
          [{ sum: 5, count: 1, approved: false }, null],
        ],
      ]),
    );
    const wrong = found.find((cell) => cell.periodId === changed.period_id && cell.unitId === changed.org_unit_id);
    expect((wrong?.stored?.sum ?? 0) - (wrong?.computed?.sum ?? 0)).toBeCloseTo(1);

    await handle.db.transaction().execute((trx) => rebuildValueCells(trx));
    await expectCellsConsistent();
  });
});
