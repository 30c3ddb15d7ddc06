// Throwaway databases for a bench run: a SQLite file in a temporary directory, or a database created
// on the PostgreSQL server of DATABASE_URL and dropped afterwards. Besides the application's own handle
// (db/dialect.ts, exactly as the server opens it), each has a raw driver connection for bulk loading
// and for the raw-insert baselines.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type DatabaseHandle, type Engine, openDatabase } from '../db/dialect';

export type ColumnType = 'int' | 'float' | 'text';
export interface Column {
  name: string;
  type: ColumnType;
}

/** Inserts rows as fast as the driver allows: the bench's loader and its raw-insert baseline. */
export interface BulkWriter {
  /** Inserts every row in one transaction (or several of `chunkRows` each, when given). */
  insert(table: string, columns: readonly Column[], rows: readonly unknown[][], chunkRows?: number): Promise<void>;
  /**
   * Foreign-key checks of this connection off (while loading generated rows, which are consistent by
   * construction) or back on (for the raw-insert baselines, which must check what the app checks).
   * PostgreSQL can turn them off only for a superuser; otherwise they stay on, which is just slower.
   */
  setChecks(enabled: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface BenchDatabase {
  engine: Engine;
  /** DATABASE_URL for the server process: `sqlite:/tmp/…/bench.sqlite` or `postgres://…/m4d_bench_…`. */
  url: string;
  /** Where the data lives, without credentials. */
  location: string;
  handle: DatabaseHandle;
  bulk: BulkWriter;
  /** Engine name and version, e.g. 'SQLite 3.50.2'. */
  version: string;
  /** Closes every connection; deletes the database unless `keep`. */
  dispose(keep: boolean): Promise<void>;
}

export async function createBenchDatabase(engine: Engine, adminUrl: string | undefined): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'm4d-bench-'));
    return openBenchDatabase(`sqlite:${join(dir, 'bench.sqlite')}`, () =>
      rmSync(dir, { recursive: true, force: true }),
    );
  }
  if (!adminUrl) throw new Error('PostgreSQL needs DATABASE_URL=postgres://… (a server to create a database on)');
  const name = `m4d_bench_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openBenchDatabase(url.toString(), () =>
    withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  );
}

/** Opens an existing bench database (`--reuse`); it is never deleted. */
export function openBenchDatabase(url: string, remove: () => unknown = () => undefined): Promise<BenchDatabase> {
  const handle = openDatabase(url);
  return handle.engine === 'sqlite' ? withSqliteBulk(url, handle, remove) : withPostgresBulk(url, handle, remove);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withSqliteBulk(url: string, handle: DatabaseHandle, remove: () => unknown): Promise<BenchDatabase> {
  const connection = new SQLite(handle.location);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // Configured as the application's own connection (db/dialect.ts): the handle's background worker
  // checkpoints this file, so neither connection checkpoints when it commits. Left at SQLite's default,
  // the raw insert (the import's baseline) would pay for a checkpoint the import does not.
  connection.pragma('wal_autocheckpoint = 0');
  const statements = new Map<string, SQLite.Statement>();
  const bulk: BulkWriter = {
    async insert(table, columns, rows, chunkRows = rows.length) {
      const sql = `insert into ${table} (${columns.map((column) => column.name).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      const run = statement;
      const insertAll = connection.transaction((part: readonly unknown[][]) => {
        for (const row of part) run.run(row);
      });
      for (let i = 0; i < rows.length; i += Math.max(1, chunkRows)) insertAll(rows.slice(i, i + chunkRows));
    },
    async setChecks(enabled) {
      connection.pragma(`foreign_keys = ${enabled ? 'ON' : 'OFF'}`);
    },
    async close() {
      connection.close();
    },
  };
  const version = connection.prepare('select sqlite_version() as v').get() as { v: string };
  return {
    engine: 'sqlite',
    url,
    location: handle.location,
    handle,
    bulk,
    version: `SQLite ${version.v} (better-sqlite3, WAL, synchronous=NORMAL)`,
    async dispose(keep) {
      await handle.close();
      await bulk.close();
      if (!keep) await remove();
    },
  };
}

const PG_TYPES: Record<ColumnType, string> = { int: 'int8', float: 'float8', text: 'text' };
/** Rows per statement: one array parameter per column, so there is no bind-parameter limit to mind. */
const PG_CHUNK = 10_000;

async function withPostgresBulk(url: string, handle: DatabaseHandle, remove: () => unknown): Promise<BenchDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const bulk: BulkWriter = {
    // One prepared statement per table: insert … select from unnest($1::int8[], $2::text[], …), the
    // fastest portable multi-row insert without COPY.
    async insert(table, columns, rows, chunkRows = rows.length) {
      const names = columns.map((column) => column.name).join(', ');
      const params = columns.map((column, i) => `$${i + 1}::${PG_TYPES[column.type]}[]`).join(', ');
      const text = `insert into ${table} (${names}) select * from unnest(${params})`;
      const name = `bench_${table}_${columns.length}`;
      const step = Math.max(1, chunkRows);
      for (let start = 0; start < rows.length; start += step) {
        await client.query('begin');
        try {
          const end = Math.min(rows.length, start + step);
          for (let i = start; i < end; i += PG_CHUNK) {
            const part = rows.slice(i, Math.min(end, i + PG_CHUNK));
            await client.query({ name, text, values: columns.map((_, c) => part.map((row) => row[c])) });
          }
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      }
    },
    async setChecks(enabled) {
      try {
        await client.query(enabled ? 'reset session_replication_role' : 'set session_replication_role = replica');
      } catch {
        // Not a superuser: the checks stay on.
      }
    },
    async close() {
      await client.end();
    },
  };
  const version = await client.query<{ server_version: string }>('show server_version');
  return {
    engine: 'postgres',
    url,
    location: handle.location,
    handle,
    bulk,
    version: `PostgreSQL ${version.rows[0]?.server_version ?? '?'} (pg, pool of 10)`,
    async dispose(keep) {
      await handle.close();
      await bulk.close();
      if (!keep) await remove();
    },
  };
}
