// Real databases for tests: a fresh in-memory SQLite per call, and — when DATABASE_URL_TEST points at a
// PostgreSQL server — a fresh database created on it and dropped afterwards, so test files never share state.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type DatabaseHandle, type Engine, openDatabase, wrapSqlite } from '../../db/dialect';
import { migrateToLatest } from '../../db/migrate';

export { TEST_AS_OF } from './as-of';

const postgresUrl = process.env.DATABASE_URL_TEST;

/** The engines this run covers: SQLite always, PostgreSQL when DATABASE_URL_TEST is set. */
export const ENGINES: Engine[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A suite that needs a PostgreSQL server: without one it is reported as skipped, and its name says why. */
export function describePostgres(title: string, suite: () => void) {
  describe.skipIf(!postgresUrl)(postgresUrl ? title : `${title} (skipped: DATABASE_URL_TEST is not set)`, suite);
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends DatabaseHandle {
  /** The DATABASE_URL another process would open it with (`sqlite::memory:` for an in-memory copy). */
  url: string;
  /** Closes the connection and drops the throwaway PostgreSQL database. */
  dispose: () => Promise<void>;
}

/** An empty database (no tables) on the given engine; `template` clones a PostgreSQL database. */
export async function createEmptyDatabase(engine: Engine, template?: string): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    return { ...handle, url: 'sqlite::memory:', dispose: handle.close };
  }
  if (!postgresUrl) throw new Error('DATABASE_URL_TEST is not set');
  const name = `m4d_test_${randomBytes(6).toString('hex')}`;
  // Two files cloning the template at the same moment can collide ("being accessed by other users").
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdminClient((client) =>
        client.query(`create database ${name}${template ? ` template ${template}` : ''}`),
      );
      break;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  return {
    ...handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function createMigratedDatabase(engine: Engine): Promise<TestDatabase> {
  const handle = await createEmptyDatabase(engine);
  await migrateToLatest(handle.db);
  return handle;
}

/**
 * A database holding the demo programme as of TEST_AS_OF: a private copy of the image seeded once per
 * run (tests/helpers/global-setup.ts), so each test file may change it freely.
 */
export async function createSeededDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const handle = wrapSqlite(new SQLite(readFileSync(inject('sqliteSeedImage'))), ':memory:');
    return { ...handle, url: 'sqlite::memory:', dispose: handle.close };
  }
  const template = inject('postgresSeedTemplate');
  if (!template) throw new Error('the PostgreSQL seed template was not built (DATABASE_URL_TEST unset?)');
  return createEmptyDatabase('postgres', template);
}

/**
 * Ends every connection to a test database but the caller's, as an administrator's
 * pg_terminate_backend would, and waits until they are gone; returns how many there were.
 */
export async function terminateConnections(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  return withAdminClient(async (client) => {
    // Two statements, not one WHERE clause: PostgreSQL may evaluate a WHERE's conditions in any
    // order, and pg_terminate_backend must never see a backend of another database.
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    const pids = rows.map((row) => row.pid);
    await client.query('select pg_terminate_backend(pid, 5000) from unnest($1::int[]) as pid', [pids]);
    return pids.length;
  });
}
