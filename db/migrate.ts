import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((result) => `${result.direction === 'Up' ? '↑' : '↓'} ${result.migrationName}`);
}

/** Brings the schema to the latest migration; returns what ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateToLatest());
}

/** Rolls every migration back (used by tests and `npm run db:migrate -- --down`). */
export async function migrateDownAll(db: Kysely<Database>): Promise<string[]> {
  const ran: string[] = [];
  const migrator = migratorFor(db);
  for (;;) {
    const step = unwrap(await migrator.migrateDown());
    if (step.length === 0) return ran;
    ran.push(...step);
  }
}
