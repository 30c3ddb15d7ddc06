import type { Kysely, Transaction } from 'kysely';
import { isLockError, writeRetryOf } from './dialect';
import type { Database } from './schema';

/** A write transaction found the database locked by another connection on every attempt. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly attempts: number,
    readonly waitedMs: number,
    options: { cause: unknown },
  ) {
    super(`the database stayed locked by another connection through ${attempts} attempts (${waitedMs} ms)`, options);
    this.name = 'DatabaseBusyError';
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one, so a service
 * step can be used alone or as part of a larger all-or-nothing batch.
 *
 * On SQLite a new transaction that finds the file locked by another connection (SQLITE_BUSY, which
 * BEGIN IMMEDIATE raises before `work` has run) is tried again after a pause, as the handle's
 * options say (db/dialect.ts); when every attempt finds it locked, DatabaseBusyError. A failed
 * attempt was rolled back whole, so running `work` again is safe: it must only touch the database.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  const retry = writeRetryOf(db);
  if (!retry) return db.transaction().execute(work);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isLockError(error)) throw error;
      if (attempt >= retry.attempts) throw new DatabaseBusyError(attempt, Date.now() - started, { cause: error });
      await pause(retry.delayAfter(attempt));
    }
  }
}
