// Once per run: says which engines the suites cover, and builds one seeded demo database per engine
// that every test file copies (a SQLite image in memory, a PostgreSQL template database), so the
// seed runs twice per run instead of once per test file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, wrapSqlite } from '../../db/dialect';
import { migrateToLatest } from '../../db/migrate';
import { seedDemo } from '../../db/seed/demo';
import { TEST_AS_OF } from './as-of';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteSeedImage: string;
    postgresSeedTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const postgresUrl = process.env.DATABASE_URL_TEST;
  if (postgresUrl) {
    console.log('database suites: SQLite and PostgreSQL (DATABASE_URL_TEST is set)');
  } else {
    console.log(
      '\n*** PostgreSQL suites SKIPPED: DATABASE_URL_TEST is not set. Only SQLite ran.\n' +
        '*** .ci/run starts a throwaway PostgreSQL and sets it; locally, see README "Running on PostgreSQL".\n',
    );
  }

  const connection = new SQLite(':memory:');
  const sqlite = wrapSqlite(connection, ':memory:');
  await migrateToLatest(sqlite.db);
  await seedDemo(sqlite.db, { asOf: TEST_AS_OF });
  const dir = mkdtempSync(join(tmpdir(), 'm4d-test-seed-'));
  const imagePath = join(dir, 'seeded.sqlite');
  writeFileSync(imagePath, connection.serialize());
  await sqlite.close();
  project.provide('sqliteSeedImage', imagePath);

  let template: string | null = null;
  if (postgresUrl) {
    template = `m4d_seed_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${template}`;
    const handle = openDatabase(url.toString());
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, { asOf: TEST_AS_OF });
    await handle.close();
  }
  project.provide('postgresSeedTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!template || !postgresUrl) return;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
