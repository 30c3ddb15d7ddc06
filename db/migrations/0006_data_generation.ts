// A counter that every change to what the dashboards show moves on, in the changing transaction
// itself: a trigger on each table the public API reads. server/lib/response-cache.ts keys cached
// answers by it, so a cached answer is served only while nothing it was computed from has changed —
// on every server process sharing the database, without any of them being told.
//
// data_value and value_cell are left out on purpose: every write path refreshes value_cell in the
// same transaction, and refreshValueCells moves the generation on once itself (db/queries/value-cells.ts),
// where SQLite's per-row triggers would fire tens of thousands of times in an import.
// Sign-ins, sessions, the audit log and user accounts change no public figure and are left out too.
import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect';

/** The tables whose changes can change a public answer (figures, names, shapes, periods). */
export const GENERATION_TABLES = [
  'app_setting',
  'org_unit',
  'org_unit_boundary',
  'translation',
  'theme',
  'category',
  'category_option',
  'disaggregation',
  'disaggregation_category',
  'disaggregation_option',
  'disaggregation_option_item',
  'indicator',
  'indicator_tier',
  'indicator_stage',
  'project',
  'project_unit',
  'project_theme',
  'result',
  'result_indicator',
  'period',
  'target',
  'report',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('n', 'bigint', (col) => col.notNull())
    .execute();
  await db.insertInto('data_generation').values({ id: 1, n: 0 }).execute();

  if (engineOf(db) === 'sqlite') {
    // SQLite has row-level triggers only: one small update per changed row.
    for (const table of GENERATION_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`
          create trigger ${sql.id(`${table}_${event}_generation`)} after ${sql.raw(event)} on ${sql.id(table)}
          begin update data_generation set n = n + 1 where id = 1; end
        `.execute(db);
      }
    }
    return;
  }
  // PostgreSQL: at commit (deferred constraint triggers), once per transaction however many rows it
  // changed. Taking the counter's row lock last, just before commit, keeps writers from queueing on
  // it for the length of their transactions and gives every writer the same lock order (no deadlock).
  await sql`
    create function bump_data_generation() returns trigger language plpgsql as $$
    begin
      if current_setting('m4d.generation_bumped', true) = txid_current()::text then
        return null;
      end if;
      update data_generation set n = n + 1 where id = 1;
      perform set_config('m4d.generation_bumped', txid_current()::text, true);
      return null;
    end $$
  `.execute(db);
  for (const table of GENERATION_TABLES) {
    await sql`
      create constraint trigger ${sql.id(`${table}_generation`)} after insert or update or delete on ${sql.id(table)}
      deferrable initially deferred for each row execute function bump_data_generation()
    `.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  const isSqlite = engineOf(db) === 'sqlite';
  for (const table of GENERATION_TABLES) {
    if (isSqlite) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql`drop trigger if exists ${sql.id(`${table}_${event}_generation`)}`.execute(db);
      }
    } else {
      await sql`drop trigger if exists ${sql.id(`${table}_generation`)} on ${sql.id(table)}`.execute(db);
    }
  }
  if (!isSqlite) await sql`drop function if exists bump_data_generation()`.execute(db);
  await db.schema.dropTable('data_generation').execute();
}
