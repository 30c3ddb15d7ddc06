// The one seam between SQLite and PostgreSQL. Everything engine-specific — connection, pragmas,
// identity columns, raw SQL fragments — lives here so queries and migrations stay portable.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type RawBuilder,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, without credentials: a file path or host/database. */
  location: string;
  close: () => Promise<void>;
}

export const DEFAULT_SQLITE_FILE = './data/m4d.sqlite';

export interface ConnectionTarget {
  engine: Engine;
  /** SQLite: file path or ':memory:'. PostgreSQL: the connection string. */
  target: string;
}

/**
 * `DATABASE_URL` unset → ./data/m4d.sqlite; `sqlite:/path.sqlite` (or `sqlite::memory:`) → that file;
 * `postgres://…` / `postgresql://…` → PostgreSQL. Anything else is a configuration error.
 */
export function parseDatabaseUrl(url: string | undefined): ConnectionTarget {
  if (!url || url.trim() === '') return { engine: 'sqlite', target: DEFAULT_SQLITE_FILE };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { engine: 'postgres', target: url };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/m4d.sqlite');
    return { engine: 'sqlite', target: path };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

export function openDatabase(url: string | undefined): DatabaseHandle {
  const { engine, target } = parseDatabaseUrl(url);
  return engine === 'sqlite' ? openSqlite(target) : openPostgres(target);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const connection = new SQLite(file);
  if (file !== ':memory:') connection.pragma('journal_mode = WAL');
  return wrapSqlite(connection, file);
}

/** A handle on an open better-sqlite3 connection (tests open in-memory copies of a seeded image). */
export function wrapSqlite(connection: SQLite.Database, location: string): DatabaseHandle {
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, engine: 'sqlite', location, close: () => db.destroy() };
}

function openPostgres(connectionString: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`postgres pool: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  return {
    db,
    engine: 'postgres',
    location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => db.destroy(),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: migrations and this seam work on any schema
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

// ---- schema-builder helpers used by migrations ----

/** An auto-incrementing integer primary key on either engine. */
// biome-ignore lint/suspicious/noExplicitAny: the table builder is generic over unknown migration schemas
export function addIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return engineOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** A CHECK expression: `column IN ('a', 'b')`. */
export function oneOf(column: string, values: readonly (string | number)[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** A CHECK expression: `column BETWEEN low AND high`. */
export function between(column: string, low: number, high: number): RawBuilder<unknown> {
  return sql`${sql.ref(column)} between ${sql.lit(low)} and ${sql.lit(high)}`;
}

export function notNullDefault(value: number) {
  return (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(value);
}

// ---- query fragments ----

/** Case-insensitive substring match; `ilike` on PostgreSQL, `like` (ASCII case-insensitive) on SQLite. */
export function containsInsensitive(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}

/** pg returns bigint aggregates (count) as strings; SQLite returns numbers. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  return value == null ? 0 : Number(value);
}
