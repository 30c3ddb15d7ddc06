// The one seam between SQLite and PostgreSQL. Everything engine-specific — connection, pragmas,
// identity columns, raw SQL fragments — lives here so queries and migrations stay portable.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type RawBuilder,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { checkpointInBackground } from './checkpointer';
import { prepareStatements } from './pg-statements';
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

export interface DatabaseOptions {
  sqlite?: SqliteLockOptions;
  /**
   * Who checkpoints a SQLite file's write-ahead log: a worker thread (db/checkpointer.ts), off the
   * request path, or the connection itself as SQLite does by default. Background unless told.
   */
  checkpoints?: 'background' | 'inline';
}

export function openDatabase(url: string | undefined, options: DatabaseOptions = {}): DatabaseHandle {
  const { engine, target } = parseDatabaseUrl(url);
  return engine === 'sqlite' ? openSqlite(target, options) : openPostgres(target);
}

function openSqlite(file: string, options: DatabaseOptions): DatabaseHandle {
  if (file === ':memory:') return wrapSqlite(new SQLite(file), file, options.sqlite);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  const handle = wrapSqlite(connection, file, options.sqlite);
  if (options.checkpoints === 'inline') return handle;
  const stopCheckpoints = checkpointInBackground(connection, file);
  return {
    ...handle,
    close: async () => {
      await stopCheckpoints();
      await handle.close();
    },
  };
}

// ---- SQLite locks ----
//
// One process writes a SQLite file at a time; another process (a CLI command, a backup, a second
// server started by mistake) can hold the write lock for a while. better-sqlite3 waits for a lock
// synchronously, which stops the whole server, so the waits are kept short and the rest is spent
// asynchronously:
//   - a single statement outside a transaction waits up to `busyTimeoutMs` (SQLite's busy_timeout);
//   - a write transaction begins with BEGIN IMMEDIATE, taking the write lock before its first read,
//     so it cannot fail later on a lock it needs to upgrade to (a deferred BEGIN reads first and may
//     then find another writer has committed: SQLITE_BUSY that no wait can resolve). BEGIN waits up
//     to `beginTimeoutMs`; when the lock is still held, inTransaction (db/transaction.ts) pauses
//     without blocking and tries again, `writeAttempts` times in all, before giving up.

/** How a SQLite handle waits for locks held by other connections to the same file. */
export interface SqliteLockOptions {
  /** How long a statement outside a write transaction waits, blocking. */
  busyTimeoutMs?: number;
  /** How long BEGIN IMMEDIATE waits for the write lock at each attempt, blocking. */
  beginTimeoutMs?: number;
  /** Attempts at a write transaction in all, with a pause between them. */
  writeAttempts?: number;
  /** The first pause; each next one doubles, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** What inTransaction needs to retry a write transaction that found the database locked. */
export interface WriteRetry {
  attempts: number;
  /** The pause after the given failed attempt (1-based), ms. */
  delayAfter: (attempt: number) => number;
}

/** About five seconds in all, as long as a single statement waits, but without stopping the server. */
export const DEFAULT_SQLITE_LOCKS: Required<SqliteLockOptions> = {
  busyTimeoutMs: 5000,
  beginTimeoutMs: 100,
  writeAttempts: 10,
  retryDelayMs: 25,
  maxRetryDelayMs: 1000,
};

/**
 * The SQLite adapter, holding the handle's retry rule: every Kysely instance and transaction made
 * from a handle shares its adapter, so the rule reaches inTransaction with the handle itself.
 */
class LockAwareSqliteAdapter extends SqliteAdapter {
  constructor(readonly writeRetry: WriteRetry) {
    super();
  }
}

/** Begins write transactions with BEGIN IMMEDIATE under the short begin timeout. */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly connection: SQLite.Database,
    private readonly locks: Required<SqliteLockOptions>,
  ) {
    super(config);
  }

  // Kysely passes the transaction's settings; SqliteDriver's own signature leaves them out.
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    // A read-only transaction takes no write lock, and waits for none.
    if (settings?.accessMode === 'read only') return super.beginTransaction(connection);
    this.connection.pragma(`busy_timeout = ${this.locks.beginTimeoutMs}`);
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } finally {
      this.connection.pragma(`busy_timeout = ${this.locks.busyTimeoutMs}`);
    }
  }
}

/** Prepared statements kept per SQLite connection, the least recently used dropped first. */
const SQLITE_STATEMENTS = 200;

/**
 * The connection as Kysely sees it, preparing each distinct SQL text once: Kysely prepares every
 * statement it runs, and preparing the analytics aggregate (a dozen CTEs) took about as long as running
 * it for a region. Safe to share: Kysely runs one statement at a time on the single connection (a stream
 * holds it until done), and SQLite prepares a statement again by itself when the schema changes.
 */
function cachingStatements(connection: SQLite.Database): SqliteDatabase {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(text) {
      const statement = statements.get(text) ?? connection.prepare(text);
      statements.delete(text);
      statements.set(text, statement);
      for (const oldest of statements.keys()) {
        if (statements.size <= SQLITE_STATEMENTS) break;
        statements.delete(oldest);
      }
      return statement;
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly config: SqliteDialectConfig;

  constructor(
    private readonly connection: SQLite.Database,
    private readonly locks: Required<SqliteLockOptions>,
  ) {
    const config: SqliteDialectConfig = {
      database: cachingStatements(connection),
      // Remembered for bulk writes, which run prepared statements on the connection itself.
      onCreateConnection: async (kyselyConnection) => {
        sqliteConnections.set(kyselyConnection, connection);
      },
    };
    super(config);
    this.config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config, this.connection, this.locks);
  }

  override createAdapter(): SqliteAdapter {
    const { writeAttempts, retryDelayMs, maxRetryDelayMs } = this.locks;
    return new LockAwareSqliteAdapter({
      attempts: writeAttempts,
      delayAfter: (attempt) => Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempt - 1)),
    });
  }
}

/** How to retry a write transaction on this database: SQLite handles only (PostgreSQL waits for locks itself). */
// biome-ignore lint/suspicious/noExplicitAny: works on a handle of any schema
export function writeRetryOf(db: Kysely<any>): WriteRetry | undefined {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof LockAwareSqliteAdapter ? adapter.writeRetry : undefined;
}

/** The error code of a driver's error: better-sqlite3's result code, pg's SQLSTATE, Node's socket code. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** SQLite found the file locked by another connection (better-sqlite3's extended result codes). */
export function isLockError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** A handle on an open better-sqlite3 connection (tests open in-memory copies of a seeded image). */
export function wrapSqlite(
  connection: SQLite.Database,
  location: string,
  options: SqliteLockOptions = {},
): DatabaseHandle {
  const locks = { ...DEFAULT_SQLITE_LOCKS, ...options };
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${locks.busyTimeoutMs}`);
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(connection, locks) });
  return { db, engine: 'sqlite', location, close: () => db.destroy() };
}

// ---- PostgreSQL connections ----

/** SQLSTATEs of a server that is going away or not taking connections, and of a database that is not there. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '3D000', '53300']);

/** Node's socket errors on the way to the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg says, without a code, about a connection it lost or could not make. */
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * The PostgreSQL server cannot be reached, or dropped the connection: refused or reset sockets,
 * an administrator's shutdown or termination (57P01–57P03), connection exceptions (class 08), a
 * database that does not exist (3D000), too many connections (53300), and pg's own messages about
 * a client whose connection has gone. Worth a retry later, unlike a bad query.
 */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  const code = codeOf(error);
  if (code !== undefined && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return true;
  }
  return error instanceof Error && LOST_CONNECTION.test(error.message);
}

/** How long a request waits for a connection from the pool, or for a new one to open. */
const PG_CONNECT_TIMEOUT_MS = 10_000;

function openPostgres(connectionString: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  // A connection that breaks (the server restarts, an administrator terminates it) makes its client
  // emit 'error'. Unheard, that event would end the process: the pool listens on idle clients (and
  // drops them), this listener on every client, including one a request holds between queries — its
  // next query then fails, and the request answers 503 (server/lib/errors.ts).
  pool.on('connect', (client) => {
    prepareStatements(client);
    client.on('error', (error) => console.error(`postgres: a connection was lost: ${error.message}`));
  });
  // The client's own listener has logged it; the pool re-emits it and must not find nobody listening.
  pool.on('error', () => {});
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

// ---- bulk writes ----
//
// Imports write 100,000 rows in one transaction. A multi-row VALUES statement built by the query
// builder costs more to build and prepare than the database spends storing its rows, so bulk writes
// bypass the builder, differently on each engine:
//   PostgreSQL  one statement per 10,000 rows, each column sent as ONE typed array parameter:
//               INSERT … SELECT * FROM unnest($1::integer[], $2::text[], …), UPDATE … FROM unnest(…)
//   SQLite      statements prepared on the better-sqlite3 connection under the Kysely handle, run
//               inside the caller's transaction, with the values bound: the rows never become SQL
//               text. Inserts go 500 rows per statement (a multi-row VALUES prepared once and run
//               for every full chunk): less CPU than one run per row (40,000 data_value rows alone:
//               150 ms against 195 ms; in the bench's import, a tenth less for the values and a
//               quarter less for the audit rows; 10 rows per statement gain nothing, 2,000 less than
//               500). The rest, and updates, run one row at a time.
// Rows come as any iterable plus a function that writes one item's values into a reused array, so
// 100,000 rows need no array of 100,000 tuples on the way.

/** How a column's values travel: PostgreSQL types its arrays; SQLite binds values as they are. */
export type BulkType = 'integer' | 'double' | 'text';
export type BulkValue = string | number | null;

export interface BulkColumn {
  name: string;
  type: BulkType;
}

/** A column that takes the same value on every row (sent once per statement to PostgreSQL). */
export interface BulkConstant extends BulkColumn {
  value: BulkValue;
}

export interface BulkInsertSpec {
  table: string;
  /** The columns a row's tuple fills, in order. */
  columns: readonly BulkColumn[];
  constants?: readonly BulkConstant[] | undefined;
}

export interface BulkUpdateSpec {
  table: string;
  /** Set from the tuple's first values. */
  set: readonly BulkColumn[];
  /** The row to change has all these columns equal to the tuple's next values. */
  match: readonly BulkColumn[];
  constants?: readonly BulkConstant[] | undefined;
  /** Columns that go up by one (versions). */
  increment?: readonly string[] | undefined;
}

/** Writes one item's values, in column order, into `into` (the same array for every item). */
export type BulkTuple<T> = (item: T, into: BulkValue[]) => void;

/** PostgreSQL: rows per statement, a few MB of array text, far below its limits. */
const PG_BULK_CHUNK = 10_000;

/** The better-sqlite3 connection under each Kysely SQLite connection (registered by wrapSqlite). */
const sqliteConnections = new WeakMap<DatabaseConnection, SQLite.Database>();

/**
 * Inserts a row per item in bulk and returns how many were inserted. Runs in the caller's
 * transaction (or in its own, so a failure writes none of the rows). A row that breaks a constraint
 * fails the whole call (see isUniqueViolation): there is no ON CONFLICT clause, whose speculative
 * insertion costs PostgreSQL a fifth more per row.
 */
export async function bulkInsert<T>(
  // biome-ignore lint/suspicious/noExplicitAny: the seam writes to any table of any schema
  db: Kysely<any>,
  spec: BulkInsertSpec,
  items: Iterable<T>,
  tuple: BulkTuple<T>,
): Promise<number> {
  const constants = spec.constants ?? [];
  if (engineOf(db) === 'sqlite') {
    // Constants first: each row's parameters are the constants, then the item's tuple.
    const names = [...constants, ...spec.columns].map((column) => quote(column.name));
    const head = `insert into ${quote(spec.table)} (${names.join(', ')}) values `;
    const row = `(${names.map(() => '?').join(', ')})`;
    const text = (rows: number) => `${head}${new Array(rows).fill(row).join(', ')}`;
    return withSqliteConnection(db, (connection) =>
      sqliteInsert(connection, text, constants, spec.columns.length, items, tuple),
    );
  }
  const names = sql.join([...spec.columns, ...constants].map((column) => sql.id(column.name)));
  const values = [...spec.columns.map((column) => sql`v.${sql.id(column.name)}`), ...constants.map(pgConstant)];
  return pgChunks(spec.columns, items, tuple, (source) =>
    sql`insert into ${sql.id(spec.table)} (${names}) select ${sql.join(values)} from ${source}`.execute(db),
  );
}

/**
 * Updates a row per item in bulk: the item's tuple holds the `set` values, then the `match` values.
 * An item that matches no row (a version changed meanwhile) is not counted; returns how many rows
 * were updated.
 */
export async function bulkUpdate<T>(
  // biome-ignore lint/suspicious/noExplicitAny: the seam writes to any table of any schema
  db: Kysely<any>,
  spec: BulkUpdateSpec,
  items: Iterable<T>,
  tuple: BulkTuple<T>,
): Promise<number> {
  const constants = spec.constants ?? [];
  const increment = spec.increment ?? [];
  if (engineOf(db) === 'sqlite') {
    // Parameters in statement order: the constants, the set values, then the match values.
    const assignments = [
      ...[...constants, ...spec.set].map((column) => `${quote(column.name)} = ?`),
      ...increment.map((name) => `${quote(name)} = ${quote(name)} + 1`),
    ];
    const conditions = spec.match.map((column) => `${quote(column.name)} = ?`);
    const text = `update ${quote(spec.table)} set ${assignments.join(', ')} where ${conditions.join(' and ')}`;
    return withSqliteConnection(db, (connection) =>
      sqliteRun(connection, text, constants, spec.set.length + spec.match.length, items, tuple),
    );
  }
  const target = sql.id(spec.table);
  const assignments = [
    ...spec.set.map((column) => sql`${sql.id(column.name)} = v.${sql.id(column.name)}`),
    ...constants.map((constant) => sql`${sql.id(constant.name)} = ${pgConstant(constant)}`),
    ...increment.map((name) => sql`${sql.id(name)} = ${target}.${sql.id(name)} + 1`),
  ];
  const conditions = spec.match.map((column) => sql`${target}.${sql.id(column.name)} = v.${sql.id(column.name)}`);
  return pgChunks([...spec.set, ...spec.match], items, tuple, (source) =>
    sql`update ${target} set ${sql.join(assignments)} from ${source} where ${sql.join(conditions, sql` and `)}`.execute(
      db,
    ),
  );
}

const PG_TYPE: Record<BulkType, string> = { integer: 'integer', double: 'double precision', text: 'text' };

function pgConstant(constant: BulkConstant): RawBuilder<unknown> {
  return sql`${constant.value}::${sql.raw(PG_TYPE[constant.type])}`;
}

/**
 * Gathers items into one array per column and runs `statement` on each chunk as
 * `unnest($1::integer[], …) as v(a, …)`; returns the rows the statements affected.
 */
async function pgChunks<T>(
  columns: readonly BulkColumn[],
  items: Iterable<T>,
  tuple: BulkTuple<T>,
  statement: (source: RawBuilder<unknown>) => Promise<{ numAffectedRows?: bigint | undefined }>,
): Promise<number> {
  const names = sql.join(columns.map((column) => sql.id(column.name)));
  const run = async (arrays: BulkValue[][]) => {
    const typed = arrays.map((values, index) => sql`${values}::${sql.raw(PG_TYPE[columns[index]?.type ?? 'text'])}[]`);
    const result = await statement(sql`unnest(${sql.join(typed)}) as v(${names})`);
    return Number(result.numAffectedRows ?? 0);
  };
  const row: BulkValue[] = new Array(columns.length).fill(null);
  let arrays: BulkValue[][] = columns.map(() => []);
  let count = 0;
  let affected = 0;
  for (const item of items) {
    tuple(item, row);
    for (let k = 0; k < columns.length; k++) arrays[k]?.push(row[k] ?? null);
    if (++count === PG_BULK_CHUNK) {
      affected += await run(arrays);
      arrays = columns.map(() => []);
      count = 0;
    }
  }
  if (count > 0) affected += await run(arrays);
  return affected;
}

/**
 * Runs `work` on the better-sqlite3 connection of a Kysely SQLite handle, inside the handle's
 * transaction when it is one (Kysely holds the connection for us meanwhile), else in a new one.
 */
async function withSqliteConnection<T>(
  // biome-ignore lint/suspicious/noExplicitAny: the seam writes to any table of any schema
  db: Kysely<any>,
  work: (connection: SQLite.Database) => T,
): Promise<T> {
  return db.getExecutor().provideConnection(async (kyselyConnection) => {
    const connection = sqliteConnections.get(kyselyConnection);
    if (!connection) throw new Error('Bulk writes need a SQLite handle opened by db/dialect.ts (wrapSqlite).');
    return connection.inTransaction ? work(connection) : connection.transaction(() => work(connection))();
  });
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per multi-row INSERT on SQLite, fewer when that would pass SQLITE_MAX_PARAMS parameters. */
const SQLITE_BULK_ROWS = 500;
/** Far below SQLite's limit on a statement's parameters (32,766 since 3.32). */
const SQLITE_MAX_PARAMS = 10_000;

/**
 * Inserts the items, as many rows per statement as fit in a full chunk (one statement prepared
 * for them all), the rest one row per run; returns the rows inserted.
 */
function sqliteInsert<T>(
  connection: SQLite.Database,
  text: (rows: number) => string,
  constants: readonly BulkConstant[],
  width: number,
  items: Iterable<T>,
  tuple: BulkTuple<T>,
): number {
  const perRow = constants.length + width;
  const chunkRows = Math.max(1, Math.min(SQLITE_BULK_ROWS, Math.floor(SQLITE_MAX_PARAMS / perRow)));
  const values = constants.map((constant) => constant.value);
  // The chunk's parameters, row after row; the constants' places are filled once, here.
  const parameters: BulkValue[] = new Array(chunkRows * perRow).fill(null);
  for (let r = 0; r < chunkRows; r++)
    for (let k = 0; k < constants.length; k++) parameters[r * perRow + k] = values[k] ?? null;
  const row: BulkValue[] = new Array(width).fill(null);
  let chunk: SQLite.Statement | undefined;
  let pending = 0;
  let inserted = 0;
  for (const item of items) {
    tuple(item, row);
    const offset = pending * perRow + constants.length;
    for (let k = 0; k < width; k++) parameters[offset + k] = row[k] ?? null;
    if (++pending === chunkRows) {
      chunk ??= connection.prepare(text(chunkRows));
      inserted += chunk.run(parameters).changes;
      pending = 0;
    }
  }
  if (pending > 0) {
    const single = connection.prepare(text(1));
    for (let r = 0; r < pending; r++) inserted += single.run(parameters.slice(r * perRow, (r + 1) * perRow)).changes;
  }
  return inserted;
}

/** Runs one prepared statement per item, its parameters the constants and then the item's tuple. */
function sqliteRun<T>(
  connection: SQLite.Database,
  text: string,
  constants: readonly BulkConstant[],
  width: number,
  items: Iterable<T>,
  tuple: BulkTuple<T>,
): number {
  const statement = connection.prepare(text);
  const row: BulkValue[] = new Array(width).fill(null);
  const parameters: BulkValue[] = [...constants.map((constant) => constant.value), ...row];
  const offset = constants.length;
  let changes = 0;
  for (const item of items) {
    tuple(item, row);
    for (let k = 0; k < width; k++) parameters[offset + k] = row[k] ?? null;
    changes += statement.run(parameters).changes;
  }
  return changes;
}

/** Did a statement fail on a unique constraint (someone else stored the same key meanwhile)? */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  // PostgreSQL's SQLSTATE unique_violation; better-sqlite3's extended result code.
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
