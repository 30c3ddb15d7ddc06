import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { parseDatabaseUrl } from '../../db/dialect';
import { migrateDownAll, migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { createEmptyDatabase, createMigratedDatabase, ENGINES, type TestDatabase } from '../helpers/database';

const NOW = '2026-01-01T00:00:00.000Z';

async function tableNames(handle: TestDatabase): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

describe.each(ENGINES)('migrations on %s', (engine) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => {
    await handle?.dispose();
    handle = undefined;
  });

  test('run up, down to nothing, and up again', async () => {
    handle = await createEmptyDatabase(engine);
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).map((name) => `↑ ${name}`));
    const created = await tableNames(handle);
    expect(created).toEqual(
      expect.arrayContaining([
        'org_unit',
        'indicator',
        'data_value',
        'report',
        'report_event',
        'audit_log',
        'app_user',
        'session',
        'target',
        'project',
      ]),
    );

    expect(await migrateToLatest(handle.db)).toEqual([]);
    await migrateDownAll(handle.db);
    expect(await tableNames(handle)).toEqual([]);
    await migrateToLatest(handle.db);
    expect(await tableNames(handle)).toEqual(created);
  });
});

describe.each(ENGINES)('constraints live in the database (%s)', (engine) => {
  let handle: TestDatabase;
  afterEach(async () => handle.dispose());

  async function insertBasics() {
    handle = await createMigratedDatabase(engine);
    const { db } = handle;
    const unit = await db
      .insertInto('org_unit')
      .values({ code: 'X', name: 'X', kind: 'country', level: 1, parent_id: null, path: '/1/', created_at: NOW })
      .returning('id')
      .executeTakeFirstOrThrow();
    const disaggregation = await db
      .insertInto('disaggregation')
      .values({ code: 'default', name: 'Total' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const option = await db
      .insertInto('disaggregation_option')
      .values({ disaggregation_id: disaggregation.id, code: 'TOTAL', name: 'Total', sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const indicator = await db
      .insertInto('indicator')
      .values({
        code: 'I',
        name: 'I',
        short_name: 'I',
        description: '',
        unit: '',
        value_type: 'integer',
        aggregation_type: 'sum',
        direction: 'higher',
        periodicity: 'quarterly',
        theme_id: null,
        disaggregation_id: disaggregation.id,
        count_threshold: null,
        stage_max: null,
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('period')
      .values({
        id: '2026Q1',
        type: 'quarter',
        year: 2026,
        quarter: 1,
        start_date: '2026-01-01',
        end_date: '2026-03-31',
        deadline: '2026-04-30',
      })
      .execute();
    const value = {
      indicator_id: indicator.id,
      org_unit_id: unit.id,
      period_id: '2026Q1',
      option_id: option.id,
      value: 1,
      numerator: null,
      denominator: null,
      comment: null,
      created_by: null,
      updated_by: null,
      created_at: NOW,
      updated_at: NOW,
    };
    return { db, unit, indicator, option, value };
  }

  test('one data value per indicator × unit × period × option', async () => {
    const { db, value } = await insertBasics();
    await db.insertInto('data_value').values(value).execute();
    await expect(
      db
        .insertInto('data_value')
        .values({ ...value, value: 2 })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });

  test('foreign keys are enforced', async () => {
    const { db, value } = await insertBasics();
    await expect(
      db
        .insertInto('data_value')
        .values({ ...value, org_unit_id: 9999 })
        .execute(),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/i);
    await expect(
      db
        .insertInto('data_value')
        .values({ ...value, period_id: '2031Q1' })
        .execute(),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/i);
  });

  test.each([
    [
      'org_unit kind',
      sql`insert into org_unit (code, name, kind, level, path, created_at) values ('Y', 'Y', 'galaxy', 1, '/9/', ${NOW})`,
    ],
    [
      'report status',
      sql`insert into report (org_unit_id, period_id, status, created_at, updated_at) values (1, '2026Q1', 'lost', ${NOW}, ${NOW})`,
    ],
    ['user role', sql`insert into app_user (email, name, role, created_at) values ('a@b.c', 'A', 'emperor', ${NOW})`],
    ['indicator aggregation', sql`update indicator set aggregation_type = 'median'`],
    [
      'translation locale',
      sql`insert into translation (entity_type, entity_id, field, locale, value) values ('indicator', 1, 'name', 'de', 'x')`,
    ],
  ])('a CHECK rejects an unknown %s', async (_name, statement) => {
    const { db } = await insertBasics();
    await expect(statement.execute(db)).rejects.toThrow(/check|CHECK/i);
  });
});

describe('DATABASE_URL', () => {
  test.each([
    [undefined, { engine: 'sqlite', target: './data/m4d.sqlite' }],
    ['', { engine: 'sqlite', target: './data/m4d.sqlite' }],
    ['sqlite:/var/lib/m4d/app.sqlite', { engine: 'sqlite', target: '/var/lib/m4d/app.sqlite' }],
    ['sqlite:./local.sqlite', { engine: 'sqlite', target: './local.sqlite' }],
    ['sqlite:///abs/path.sqlite', { engine: 'sqlite', target: '/abs/path.sqlite' }],
    ['sqlite::memory:', { engine: 'sqlite', target: ':memory:' }],
    ['postgres://u:p@db:5432/m4d', { engine: 'postgres', target: 'postgres://u:p@db:5432/m4d' }],
    ['postgresql://db/m4d', { engine: 'postgres', target: 'postgresql://db/m4d' }],
  ])('%s → %o', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  test.each(['mysql://db/m4d', 'sqlite:', '/just/a/path'])('%s is refused with a message', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(/DATABASE_URL/);
  });
});
