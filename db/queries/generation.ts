// The data generation (migration 0006): a number that moves on in every transaction that changes
// something a public answer is computed from. Triggers move it for most tables; writers of the
// value_cell roll-up call bumpGeneration themselves (once per refresh, not once per row).
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** The data generation as stored (a bigint on PostgreSQL, a number on SQLite), as text. */
export async function readGeneration(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('data_generation').select('n').where('id', '=', 1).executeTakeFirst();
  return String(row?.n ?? 0);
}

/** Moves the data generation on, in the caller's transaction. */
export async function bumpGeneration(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('data_generation')
    .set((eb) => ({ n: eb('n', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
