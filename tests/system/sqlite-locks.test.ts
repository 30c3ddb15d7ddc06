// Another process holding the write lock of the SQLite file: a second better-sqlite3 connection to the
// same file takes it (BEGIN IMMEDIATE or EXCLUSIVE) while the app saves a report. Released soon, the
// save goes through on a later attempt; held past every attempt, the save is a 503 with Retry-After
// and writes nothing. The handle's lock waits are shortened so the whole file runs in a second.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { type DatabaseHandle, openDatabase, type SqliteLockOptions } from '../../db/dialect';
import { inTransaction } from '../../db/transaction';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';

/** Attempts at 0, 20, 60 and 140 ms, each waiting 10 ms for the lock: about 180 ms before giving up. */
const LOCKS: SqliteLockOptions = {
  busyTimeoutMs: 50,
  beginTimeoutMs: 10,
  writeAttempts: 4,
  retryDelayMs: 20,
  maxRetryDelayMs: 100,
};
const BUDGET_MS = 4 * 10 + 20 + 40 + 80;

const REPORT = '/api/reports/CRI-upala/2026Q3';

type ErrorBody = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };

describe('SQLite locked by another connection', () => {
  let dir: string;
  let file: string;
  let handle: DatabaseHandle;
  let app: ReturnType<typeof createTestApp>;
  let cookie: string;
  let indicator: string;
  /** The other process: a plain connection to the same file. */
  let other: SQLite.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'm4d-locks-test-'));
    file = join(dir, 'm4d.sqlite');
    writeFileSync(file, readFileSync(inject('sqliteSeedImage')));
    handle = openDatabase(`sqlite:${file}`, { sqlite: LOCKS });
    app = createTestApp(handle);
    cookie = await signIn(app, 'local.upala@example.org');
    const detail = (await (await app.request(REPORT, { headers: { cookie } })).json()) as {
      indicators: { code: string; valueType: string; disaggregation: { options: unknown[] } }[];
    };
    const integer = detail.indicators.find(
      (entry) => entry.valueType === 'integer' && entry.disaggregation.options.length === 1,
    );
    if (!integer) throw new Error('Upala reports no single-option integer indicator');
    indicator = integer.code;
    // It never waits for a lock: where the app holds one, its statements fail at once.
    other = new SQLite(file, { timeout: 0 });
  });
  afterEach(() => {
    if (other.inTransaction) other.exec('rollback');
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    other.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the save can change, read by the other connection (a reader is never blocked in WAL mode). */
  const state = () => ({
    value: other
      .prepare(
        `select v.value, v.version from data_value v join indicator i on i.id = v.indicator_id
         join org_unit u on u.id = v.org_unit_id where i.code = ? and u.code = 'CRI-upala' and v.period_id = '2026Q3'`,
      )
      .get(indicator),
    report: other
      .prepare(
        `select r.status, r.version from report r join org_unit u on u.id = r.org_unit_id
         where u.code = 'CRI-upala' and r.period_id = '2026Q3'`,
      )
      .get(),
    audit: (other.prepare('select count(*) as n from audit_log').get() as { n: number }).n,
  });

  const save = async (value: number) => {
    const { value: stored } = state();
    const version = (stored as { version: number } | undefined)?.version ?? null;
    const started = performance.now();
    const response = await app.request(`${REPORT}/values`, {
      method: 'PUT',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ values: [{ indicator, option: 'TOTAL', value, version }] }),
    });
    return { response, ms: performance.now() - started };
  };

  test.each(['begin immediate', 'begin exclusive'])(
    'a lock (%s) released after 60 ms: the save waits for it and goes through',
    async (begin) => {
      other.exec(begin);
      const release = setTimeout(() => other.exec('commit'), 60);
      const value = begin === 'begin immediate' ? 611 : 612;
      const { response, ms } = await save(value);
      clearTimeout(release);
      expect(response.status).toBe(200);
      // Each attempt waits 10 ms at most: a save 60 ms later came from a later attempt.
      expect(ms).toBeGreaterThanOrEqual(60);
      expect(state().value).toMatchObject({ value });
    },
  );

  test.each(['begin immediate', 'begin exclusive'])(
    'a lock (%s) held past every attempt: 503 with Retry-After, nothing written; then the save works',
    async (begin) => {
      const before = state();
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      other.exec(begin);
      const { response, ms } = await save(700);
      expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 20);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('database_busy');
      expect(body.error.message).toMatch(/locked by another program.*try again/i);
      expect(body.error.details?.retryAfterSeconds).toBe(Number(response.headers.get('retry-after')));
      // Logged as one line for the operator, not as an unhandled error with a stack.
      expect(log.mock.calls).toEqual([
        [expect.stringMatching(/^database_busy on PUT \/api\/reports\/CRI-upala\/2026Q3\/values: .*4 attempts/)],
      ]);
      other.exec('commit');
      expect(state()).toEqual(before);

      const { response: again } = await save(701);
      expect(again.status).toBe(200);
      expect(state().value).toMatchObject({ value: 701 });
    },
  );

  test('a write outside a transaction (signing in stores a session) waits busy_timeout, then 503, not 500', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    other.exec('begin immediate');
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'local.upala@example.org', password: 'm4d-demo' }),
    });
    other.exec('commit');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
    expect(((await response.json()) as ErrorBody).error.code).toBe('database_busy');
  });

  test('a write transaction takes the write lock at BEGIN, before its first read', async () => {
    // With a deferred BEGIN the read would leave the lock free, and a write committed meanwhile by
    // another connection would make this transaction's first write fail (SQLITE_BUSY_SNAPSHOT),
    // however long it waited.
    await inTransaction(handle.db, async (trx) => {
      await trx.selectFrom('indicator').select('id').executeTakeFirstOrThrow();
      expect(() => other.exec('begin immediate')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    });
    other.exec('begin immediate');
    other.exec('rollback');
  });

  test('reads go on while another connection holds the write lock', async () => {
    other.exec('begin exclusive');
    const response = await app.request(REPORT, { headers: { cookie } });
    const health = await app.request('/api/health');
    other.exec('commit');
    expect(response.status).toBe(200);
    expect(health.status).toBe(200);
  });
});
