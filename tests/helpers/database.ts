// Real databases for tests: a fresh in-memory SQLite per call, and — when DATABASE_URL_TEST points at a
// PostgreSQL server — a fresh database created on it and dropped afterwards, so test files never share state.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, type Engine, openDatabase } from '../../db/dialect';
import { migrateToLatest } from '../../db/migrate';
import { seedDemo } from '../../db/seed/demo';

/** "Today" in every test: the seed's eight quarters are 2024Q4–2026Q3. */
export const TEST_AS_OF = new Date('2026-11-28T12:00:00Z');

const postgresUrl = process.env.DATABASE_URL_TEST;

/** The engines this run covers: SQLite always, PostgreSQL when DATABASE_URL_TEST is set. */
export const ENGINES: Engine[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

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
  /** Closes the connection and drops the throwaway PostgreSQL database. */
  dispose: () => Promise<void>;
}

/** An empty database (no tables) on the given engine. */
export async function createEmptyDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    return { ...handle, dispose: handle.close };
  }
  if (!postgresUrl) throw new Error('DATABASE_URL_TEST is not set');
  const name = `m4d_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  return {
    ...handle,
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

export async function createSeededDatabase(engine: Engine): Promise<TestDatabase> {
  const handle = await createMigratedDatabase(engine);
  await seedDemo(handle.db, { asOf: TEST_AS_OF });
  return handle;
}
