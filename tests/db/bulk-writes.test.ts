// The bulk-write seam (db/dialect.ts) under the import's queries, on every engine: what goes in comes
// back exactly (nulls, text a driver must escape, doubles), chunks join up, versions guard updates,
// a failed call writes none of its rows, and the audit log's fast JSON is JSON.stringify's.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isUniqueViolation } from '../../db/dialect';
import { insertAuditEntries, insertValueAuditEntries, snapshotJson, type ValueSnapshot } from '../../db/queries/audit';
import { insertDataValues, type NewValue, updateDataValuesAt } from '../../db/queries/exchange';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { createMigratedDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { fixtureBuilder } from '../helpers/fixture';

const NOW = '2026-06-01T00:00:00.000Z';
/** Text the drivers must carry as it is: PostgreSQL array syntax, SQL quotes, the word NULL, Unicode. */
const AWKWARD = ['NULL', 'a "quoted", {braced} \\ back-slashed', "it's", 'Sédhiou — 世界\nnext line', '', ' '];

describe.each(ENGINES)('bulk writes on %s', (engine) => {
  let handle: TestDatabase;
  let ids: {
    indicator: number;
    user: number;
    units: number[];
    option: number;
    /** An indicator with 210 options, for enough distinct keys to span several chunks. */
    many: { indicator: number; options: number[] };
  };
  beforeAll(async () => {
    handle = await createMigratedDatabase(engine);
    const f = fixtureBuilder(handle.db);
    await f.periods(2025, 2025);
    await f.unit('BX', 'country', null);
    for (let i = 0; i < 30; i++) await f.unit(`BM-${i}`, 'municipality', 'BX');
    await f.indicator({ code: 'B1', valueType: 'number', aggregationType: 'sum' });
    const codes = Array.from({ length: 210 }, (_, i) => `C${i}`);
    await f.category('MANY', codes);
    await f.indicator({ code: 'B2', valueType: 'number', aggregationType: 'sum', category: 'MANY' });
    await f.user('bulk@example.org', 'admin', null);
    const db = handle.db;
    const indicatorId = async (code: string) =>
      (await db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    ids = {
      indicator: await indicatorId('B1'),
      user: (await db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id,
      units: (await db.selectFrom('org_unit').select('id').where('code', 'like', 'BM-%').orderBy('id').execute()).map(
        (row) => row.id,
      ),
      option: (
        await db.selectFrom('disaggregation_option').select('id').where('code', '=', 'TOTAL').executeTakeFirstOrThrow()
      ).id,
      many: {
        indicator: await indicatorId('B2'),
        options: (
          await db.selectFrom('disaggregation_option').select('id').where('code', 'in', codes).orderBy('id').execute()
        ).map((row) => row.id),
      },
    };
  }, 120_000);
  afterAll(async () => handle.dispose());

  /** 30 units × 4 quarters × `perPair` values, each with its own figures (and awkward comments). */
  function valuesOf(count: number): NewValue[] {
    return Array.from({ length: count }, (_, k) => ({
      indicatorId: ids.indicator,
      unitId: ids.units[k % 30] ?? 0,
      periodId: `2025Q${1 + (Math.floor(k / 30) % 4)}`,
      optionId: ids.option,
      value: k / 7,
      numerator: k % 3 === 0 ? null : k,
      denominator: k % 3 === 0 ? null : k + 0.5,
      comment: k % 2 === 0 ? null : (AWKWARD[k % AWKWARD.length] ?? null),
    }));
  }

  async function stored(db: Kysely<Database>) {
    return db
      .selectFrom('data_value')
      .select([
        'org_unit_id',
        'period_id',
        'value',
        'numerator',
        'denominator',
        'comment',
        'version',
        'created_by',
        'updated_at',
      ])
      .orderBy('id')
      .execute();
  }

  /** The rows insertDataValues writes for these values: as given, version 1, by the user, at NOW. */
  const asInserted = (values: readonly NewValue[]) =>
    values.map((value) => ({
      org_unit_id: value.unitId,
      period_id: value.periodId,
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      comment: value.comment,
      version: 1,
      created_by: ids.user,
      updated_at: NOW,
    }));

  test('inserted rows come back exactly, in order, with the constants and version 1', async () => {
    await handle.db.deleteFrom('data_value').execute();
    const values = valuesOf(120);
    const inserted = await inTransaction(handle.db, (trx) => insertDataValues(trx, values, ids.user, NOW));
    expect(inserted).toBe(120);
    expect(await stored(handle.db)).toEqual(asInserted(values));
  });

  test('updates apply only at the version read, add one to it, and count what they changed', async () => {
    await handle.db.deleteFrom('data_value').execute();
    await inTransaction(handle.db, (trx) => insertDataValues(trx, valuesOf(120), ids.user, NOW));
    const rows = await handle.db.selectFrom('data_value').select(['id', 'version']).orderBy('id').execute();
    const later = '2026-06-02T00:00:00.000Z';
    const changes = rows.map((row, k) => ({
      id: row.id,
      // Every tenth change was read before someone else's update: it must not apply.
      expectedVersion: k % 10 === 0 ? row.version + 1 : row.version,
      value: 1000 + k,
      numerator: null,
      denominator: null,
      comment: AWKWARD[k % AWKWARD.length] ?? null,
    }));
    const updated = await inTransaction(handle.db, (trx) => updateDataValuesAt(trx, changes, ids.user, later));
    expect(updated).toBe(108);
    const after = await stored(handle.db);
    for (const [k, row] of after.entries()) {
      if (k % 10 === 0) expect(row).toMatchObject({ version: 1, updated_at: NOW, value: k / 7 });
      else expect(row).toMatchObject({ version: 2, updated_at: later, value: 1000 + k, comment: AWKWARD[k % 6] });
    }
  });

  test('more rows than one statement takes (25,000 on PostgreSQL’s 10,000-row chunks) all arrive', async () => {
    await handle.db.deleteFrom('data_value').execute();
    function* many(): Generator<NewValue> {
      for (let k = 0; k < 25_000; k++) {
        yield {
          indicatorId: ids.many.indicator,
          unitId: ids.units[k % 30] ?? 0,
          periodId: `2025Q${1 + (Math.floor(k / 30) % 4)}`,
          // 30 units × 4 quarters per option: the keys stay unique.
          optionId: ids.many.options[Math.floor(k / 120)] ?? 0,
          value: k,
          numerator: null,
          denominator: null,
          comment: null,
        };
      }
    }
    expect(await inTransaction(handle.db, (trx) => insertDataValues(trx, many(), ids.user, NOW))).toBe(25_000);
    const total = await handle.db
      .selectFrom('data_value')
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number>('value').as('sum')])
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(25_000);
    expect(Number(total.sum)).toBe((24_999 * 25_000) / 2);
  });

  /** `count` values with distinct keys over B2's 210 options, each with its own figures. */
  function manyValuesOf(count: number): NewValue[] {
    return Array.from({ length: count }, (_, k) => ({
      indicatorId: ids.many.indicator,
      unitId: ids.units[k % 30] ?? 0,
      periodId: `2025Q${1 + (Math.floor(k / 30) % 4)}`,
      optionId: ids.many.options[Math.floor(k / 120)] ?? 0,
      value: k / 7,
      numerator: k % 3 === 0 ? null : k,
      denominator: k % 3 === 0 ? null : k + 0.5,
      comment: k % 2 === 0 ? null : (AWKWARD[k % AWKWARD.length] ?? null),
    }));
  }

  // SQLite writes full chunks of 500 rows per statement and the rest one by one: 1,234 is both.
  test('rows of full multi-row chunks and of the rest come back exactly, in order', async () => {
    await handle.db.deleteFrom('data_value').execute();
    const values = manyValuesOf(1234);
    expect(await inTransaction(handle.db, (trx) => insertDataValues(trx, values, ids.user, NOW))).toBe(1234);
    expect(await stored(handle.db)).toEqual(asInserted(values));
  });

  test('a key repeated in a later chunk fails the call, and none of its rows stay', async () => {
    await handle.db.deleteFrom('data_value').execute();
    const values = manyValuesOf(1100);
    values[700] = { ...(values[3] as NewValue) };
    const failure = await insertDataValues(handle.db, values, ids.user, NOW).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await stored(handle.db)).toEqual([]);
  });

  test('nothing to write is no statement and no error', async () => {
    expect(await insertDataValues(handle.db, [], ids.user, NOW)).toBe(0);
    expect(await updateDataValuesAt(handle.db, [], ids.user, NOW)).toBe(0);
    await insertAuditEntries(handle.db, [], NOW);
  });

  test('a key stored twice fails as a unique violation, and the call writes none of its rows', async () => {
    await handle.db.deleteFrom('data_value').execute();
    const values = valuesOf(50);
    const failure = await insertDataValues(handle.db, [...values, values[7] as NewValue], ids.user, NOW).catch(
      (error: unknown) => error,
    );
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await stored(handle.db)).toEqual([]);
  });

  test('value audit entries are the rows insertAuditEntries writes for the same changes', async () => {
    await handle.db.deleteFrom('audit_log').execute();
    const snapshots: (ValueSnapshot | null)[] = [
      null,
      { value: 3, numerator: null, denominator: null, comment: null },
      { value: 12.5, numerator: 5, denominator: 40, comment: 'a "quoted", comment' },
    ];
    const entries = snapshots.flatMap((oldValue, k) =>
      snapshots.map((newValue, j) => ({
        entityKey: `B1/BM-${k}/2025Q1/TOTAL`,
        action: 'update' as const,
        oldValue,
        newValue,
        actorId: ids.user,
        orgUnitId: ids.units[j] ?? null,
        periodId: '2025Q1',
        indicatorId: ids.indicator,
      })),
    );
    await insertValueAuditEntries(handle.db, entries, NOW);
    await insertAuditEntries(
      handle.db,
      entries.map((entry) => ({ ...entry, entityType: 'data_value' })),
      NOW,
    );
    const rows = await handle.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const strip = ({ id: _id, ...row }: (typeof rows)[number]) => row;
    expect(rows.slice(0, entries.length).map(strip)).toEqual(rows.slice(entries.length).map(strip));
  });
});

describe('snapshotJson', () => {
  test.each([
    [{ value: 0, numerator: null, denominator: null, comment: null }],
    [{ value: -0, numerator: 0.1 + 0.2, denominator: 1e21, comment: '' }],
    [{ value: 123456.789, numerator: 5, denominator: 3, comment: 'line\nbreak "quotes" \\ \u2028 é 世界 \u0001' }],
    [{ value: Number.NaN, numerator: Number.POSITIVE_INFINITY, denominator: null, comment: 'not finite' }],
  ])('is JSON.stringify of %o, character for character', (snapshot) => {
    expect(snapshotJson(snapshot)).toBe(JSON.stringify(snapshot));
  });
});
