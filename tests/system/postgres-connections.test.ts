// A PostgreSQL server that cannot be reached, or that drops the app's connections, is a 503
// `database_unavailable` with Retry-After — never a 500 with a stack, never the end of the process —
// and the app recovers by itself once the server answers again. Connections are dropped for real
// with pg_terminate_backend on a throwaway database; the shared server itself keeps running.
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { type DatabaseHandle, isConnectionError, openDatabase } from '../../db/dialect';
import { inTransaction } from '../../db/transaction';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, describePostgres, type TestDatabase, terminateConnections } from '../helpers/database';

type ErrorBody = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };

/** A loopback port nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe('database_unavailable');
  expect(body.error.message).toMatch(/database cannot be reached.*try again/i);
  expect(body.error.details?.retryAfterSeconds).toBe(retryAfter);
  expect(JSON.stringify(body)).not.toMatch(/ECONN|at .*\.ts|stack/);
}

/** The answers a request may get while its connections are being dropped: served, or a clean 503. */
async function expectServedOrUnavailable(response: Response) {
  if (response.status === 503) await expectUnavailable(response);
  else expect(response.status).toBe(200);
}

function unreachableSuite(title: string, url: () => Promise<string>) {
  describe(title, () => {
    let handle: DatabaseHandle;
    let app: ReturnType<typeof createTestApp>;
    beforeAll(async () => {
      handle = openDatabase(await url());
      app = createTestApp(handle);
      vi.spyOn(console, 'error').mockImplementation(() => {});
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await handle.close();
    });

    test('reads, sign-in and writes answer 503 database_unavailable with Retry-After', async () => {
      await expectUnavailable(await app.request('/api/indicators'));
      await expectUnavailable(
        await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify({ email: 'admin@example.org', password: 'm4d-demo' }),
        }),
      );
      await expectUnavailable(
        await app.request('/api/reports/CRI-upala/2026Q3/values', {
          method: 'PUT',
          headers: { cookie: 'm4d_session=whatever', origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ values: [{ indicator: 'X', option: 'TOTAL', value: 1, version: null }] }),
        }),
      );
    });

    test('/api/health says the database is unreachable, without its address', async () => {
      const response = await app.request('/api/health');
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await response.json()) as Record<string, string>;
      expect(body).toMatchObject({ status: 'unavailable', database: 'postgres' });
      expect(body.message).toMatch(/database cannot be reached/);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|m4d_/);
    });
  });
}

unreachableSuite('PostgreSQL on a port where nothing listens', async () => {
  return `postgres://postgres@127.0.0.1:${await closedPort()}/m4d`;
});

describePostgres('PostgreSQL without the configured database', () => {
  const base = process.env.DATABASE_URL_TEST ?? '';
  unreachableSuite('a database that does not exist', async () => {
    const url = new URL(base);
    url.pathname = '/m4d_no_such_database';
    return url.toString();
  });
});

describePostgres('PostgreSQL connections terminated under the app', () => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  let cookie: string;
  let errors: unknown[][];
  beforeAll(async () => {
    handle = await createSeededDatabase('postgres');
    app = createTestApp(handle);
    cookie = await signIn(app, 'local.upala@example.org');
  }, 60_000);
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => handle.dispose());

  const quietErrors = () => {
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args);
    });
  };
  const read = () => app.request('/api/reports/CRI-upala/2026Q3', { headers: { cookie } });

  test('idle pooled connections dropped: the next requests are served or 503, the one after is served', async () => {
    quietErrors();
    // Several requests at once leave several connections idle in the pool.
    for (const response of await Promise.all([read(), read(), read(), read()])) expect(response.status).toBe(200);
    expect(await terminateConnections(handle.url)).toBeGreaterThanOrEqual(1);

    for (const response of await Promise.all([read(), read(), read(), read()])) {
      await expectServedOrUnavailable(response);
    }
    expect((await read()).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    // Whatever reached the log was a line about the database, not an unhandled error.
    for (const [line] of errors)
      expect(String(line)).toMatch(/^(postgres: a connection was lost|database_unavailable)/);
  });

  describe.each([
    { what: 'a read', request: () => read() },
    {
      what: 'a write in a transaction',
      request: () =>
        app.request('/api/reports/CRI-upala/2026Q3/values', {
          method: 'PUT',
          headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ values: [{ indicator: 'COORD_MEETINGS', option: 'TOTAL', value: 3, version: null }] }),
        }),
    },
  ])('$what whose connection is dropped while its query runs', ({ request }) => {
    test('answers 503 database_unavailable, and the next request is served', async () => {
      quietErrors();
      // Another session holds the tables the request needs, so its query waits — and is running
      // when its connection is terminated.
      const locker = new pg.Client({ connectionString: handle.url });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table data_value, report in access exclusive mode');
        const pending = request();
        await waitForLockWait(locker);
        await locker.query(
          `select pg_terminate_backend(pid, 5000) from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid()`,
        );
        await expectUnavailable(await pending);
      } finally {
        await locker.end();
      }
      expect((await read()).status).toBe(200);
      expect(errors.some(([line]) => /^database_unavailable on (GET|PUT) \/api\/reports/.test(String(line)))).toBe(
        true,
      );
    });
  });

  test('a connection dropped while a transaction holds it between queries fails that transaction, not the process', async () => {
    quietErrors();
    const failure = await inTransaction(handle.db, async (trx) => {
      await trx.selectFrom('indicator').select('id').executeTakeFirstOrThrow();
      await terminateConnections(handle.url);
      // The server's goodbye reaches the held client as an 'error' event; unheard, it ends the process.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await trx.selectFrom('indicator').select('id').executeTakeFirstOrThrow();
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isConnectionError(failure)).toBe(true);
    expect(errors.some(([line]) => /^postgres: a connection was lost/.test(String(line)))).toBe(true);
    expect(await handle.db.selectFrom('indicator').select('id').executeTakeFirst()).toBeDefined();
  });
});

/** Waits until a backend of the locker's database is waiting for a lock (the request's query). */
async function waitForLockWait(locker: pg.Client) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await locker.query(
      `select 1 from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the request never waited for the lock');
}
