// SIGKILL in the middle of an import: the real server, a demo database, an administrator's import of
// ~20,000 values (dry run, then confirm), and the process killed while the confirmed import's
// transaction is open — no handler runs, nothing is closed. Restarted on the same database, the
// server must find it sound (db:verify's checks), hold the import whole or not at all, answer
// /api/health, and take the same import to completion.
//
// The server is killed twice: as soon as the import's transaction is seen open (on SQLite while it
// plans, on PostgreSQL once it has written), then as long after that as the dry run took, which on
// SQLite lands in its writes. Should an import complete before its kill point, that run counts as
// the completed import. Every kill is followed by a restart and every check. (Each start of the
// server costs a few seconds of TypeScript compilation, hence two kill points, not more.)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type DatabaseHandle, type Engine, isLockError, openDatabase } from '../../db/dialect';
import { verifyDatabase } from '../../db/queries/integrity';
import type { Database } from '../../db/schema';
import { type CandidateValue, type Figures, planImport } from '../../server/services/imports';
import { createSeededDatabase, describePostgres, type TestDatabase } from '../helpers/database';
import { type ServerProcess, startServerProcess } from '../helpers/server-process';

const ADMIN = { email: 'admin@example.org', password: 'm4d-demo' };
/** How long after the import's transaction is seen each kill comes, as a share of the dry run's duration. */
const KILL_DELAYS = [0, 1];

interface FileRow {
  key: string;
  before: (Figures & { version: number }) | null;
  after: Omit<Figures, 'comment'>;
}

interface ImportFile {
  csv: string;
  rows: FileRow[];
  inserts: number;
  updates: number;
}

type Outcome = 'none' | 'all';

const keyOf = (indicator: string, unit: string, period: string, option: string) =>
  `${indicator}/${unit}/${period}/${option}`;

/** Every stored value by indicator/unit/period/option. */
async function storedValues(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('data_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'v.option_id')
    .select(['i.code as indicator', 'u.code as unit', 'v.period_id as period', 'o.code as option'])
    .select(['v.value', 'v.numerator', 'v.denominator', 'v.comment', 'v.version'])
    .execute();
  return new Map(rows.map((row) => [keyOf(row.indicator, row.unit, row.period, row.option), row]));
}

async function counts(db: Kysely<Database>) {
  const count = async (table: 'data_value' | 'audit_log' | 'report') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { values: await count('data_value'), audit: await count('audit_log'), reports: await count('report') };
}

/**
 * The file: every value the administrator may write in the demo now, planned by the import's own
 * rules (planImport) over all units × started quarters × indicator options, so every row is valid.
 */
async function buildImportFile(db: Kysely<Database>): Promise<ImportFile> {
  const today = new Date();
  const admin = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'name'])
    .where('email', '=', ADMIN.email)
    .executeTakeFirstOrThrow();
  const units = await db.selectFrom('org_unit').select('code').execute();
  const quarters = await db
    .selectFrom('period')
    .select('id')
    .where('quarter', 'is not', null)
    .where('start_date', '<=', today.toISOString().slice(0, 10))
    .execute();
  const options = await db
    .selectFrom('indicator as i')
    .innerJoin('disaggregation_option as o', 'o.disaggregation_id', 'i.disaggregation_id')
    .select(['i.code as indicator', 'o.code as option'])
    .execute();
  const candidates: CandidateValue[] = [];
  for (const { code } of units) {
    for (const { id } of quarters) {
      for (const { indicator, option } of options) {
        candidates.push({
          row: candidates.length + 2,
          indicator,
          orgUnit: code,
          period: id,
          option,
          value: 7,
          numerator: 7,
          denominator: 10,
        });
      }
    }
  }
  const plan = await planImport(db, { ...admin, role: 'admin', orgUnit: null, locale: 'en' }, candidates, { today });
  const stored = await storedValues(db);
  const lines = ['indicator,org_unit,period,option,value,numerator,denominator'];
  const rows: FileRow[] = [];
  for (const write of plan.writes) {
    const { indicator, orgUnit, period, option } = write.outcome;
    const { value, numerator, denominator } = write.figures;
    lines.push([indicator, orgUnit, period, option, value, numerator ?? '', denominator ?? ''].join(','));
    const key = keyOf(indicator, orgUnit, period, option);
    rows.push({ key, before: stored.get(key) ?? null, after: { value, numerator, denominator } });
  }
  const inserts = rows.filter((row) => row.before === null).length;
  return { csv: `${lines.join('\r\n')}\r\n`, rows, inserts, updates: rows.length - inserts };
}

async function signIn(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const post = (server: ServerProcess, cookie: string, path: string, body: string, type: string) =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie, origin: server.baseUrl, 'content-type': type },
    body,
  });

/**
 * Opens the demo's locked reports back up, as an administrator does before correcting a quarter by
 * import: submitted ones are returned, accepted and approved ones reopened down to returned.
 */
async function reopenReports(db: Kysely<Database>, server: ServerProcess, cookie: string) {
  for (const [status, action] of [
    ['submitted', 'return'],
    ['accepted', 'reopen'],
    ['approved', 'reopen'],
  ] as const) {
    const reports = await db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select(['u.code as orgUnit', 'r.period_id as period'])
      .where('r.status', '=', status)
      .execute();
    for (let i = 0; i < reports.length; i += 500) {
      const response = await post(
        server,
        cookie,
        `/api/reports/batch/${action}`,
        JSON.stringify({ reports: reports.slice(i, i + 500), comment: 'Corrections by import.' }),
        'application/json',
      );
      expect(response.status).toBe(200);
    }
  }
}

/** Where the file's values stand: as before the import, as the import writes them, or neither. */
async function importState(db: Kysely<Database>, file: ImportFile) {
  const stored = await storedValues(db);
  const tally = { old: 0, new: 0, other: [] as string[] };
  for (const row of file.rows) {
    const now = stored.get(row.key);
    const isNew =
      now !== undefined &&
      now.value === row.after.value &&
      now.numerator === row.after.numerator &&
      now.denominator === row.after.denominator &&
      now.version === (row.before ? row.before.version + 1 : 1);
    const isOld =
      row.before === null
        ? now === undefined
        : now !== undefined &&
          now.value === row.before.value &&
          now.numerator === row.before.numerator &&
          now.denominator === row.before.denominator &&
          now.version === row.before.version;
    if (isNew) tally.new++;
    else if (isOld) tally.old++;
    else if (tally.other.length < 5) tally.other.push(`${row.key}: ${JSON.stringify(now)}`);
  }
  return tally;
}

interface EngineSetup {
  url: string;
  /** A handle of the test's own on the server's database, for reading and verifying. */
  open: () => DatabaseHandle;
  /**
   * Resolves once the server's import transaction is open — SQLite: its write lock is held (BEGIN
   * IMMEDIATE takes it first); PostgreSQL: a transaction on the database has written (has an xid) —
   * or once `done()` says there is no more point in watching.
   */
  transactionOpen: (done: () => boolean) => Promise<void>;
  dispose: () => Promise<void>;
}

async function sqliteSetup(): Promise<EngineSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'm4d-kill-test-'));
  const file = join(dir, 'm4d.sqlite');
  copyFileSync(inject('sqliteSeedImage'), file);
  return {
    url: `sqlite:${file}`,
    open: () => openDatabase(`sqlite:${file}`),
    transactionOpen: async (done) => {
      // A connection that never waits: taking the write lock fails at once while the server holds it.
      const probe = new SQLite(file, { timeout: 0 });
      try {
        while (!done()) {
          try {
            probe.exec('begin immediate');
            probe.exec('rollback');
          } catch (error) {
            if (isLockError(error)) return;
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      } finally {
        probe.close();
      }
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresSetup(): Promise<EngineSetup> {
  const database: TestDatabase = await createSeededDatabase('postgres');
  const name = new URL(database.url).pathname.slice(1);
  return {
    url: database.url,
    // The seeded database's own pool serves the test; closing it is dispose's job.
    open: () => ({ ...database, close: async () => {} }),
    transactionOpen: async (done) => {
      const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
      await watcher.connect();
      try {
        while (!done()) {
          const { rows } = await watcher.query(
            'select 1 from pg_stat_activity where datname = $1 and backend_xid is not null',
            [name],
          );
          if (rows.length > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      } finally {
        await watcher.end();
      }
    },
    dispose: () => database.dispose(),
  };
}

function killDuringImportSuite(engine: Engine, setup: () => Promise<EngineSetup>) {
  let env: EngineSetup;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    env = await setup();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await env?.dispose();
  });

  test('the import is whole or absent after every kill, the database verifies, and the import completes', async () => {
    server = await startServerProcess(env.url);
    let cookie = await signIn(server);
    let handle = env.open();
    await reopenReports(handle.db, server, cookie);
    const file = await buildImportFile(handle.db);
    const before = await counts(handle.db);
    await handle.close();
    expect(file.rows.length).toBeGreaterThan(20_000);

    const dryRunStarted = performance.now();
    const dryRun = await post(server, cookie, '/api/imports/data-values?dryRun=true', file.csv, 'text/csv');
    const dryRunMs = performance.now() - dryRunStarted;
    expect(dryRun.status).toBe(200);
    const preview = (await dryRun.json()) as {
      counts: { insert: number; update: number; rejected: number };
      draftReports: number;
    };
    expect(preview.counts).toMatchObject({ insert: file.inserts, update: file.updates, rejected: 0 });

    const outcomes: { delayMs: number; outcome: Outcome }[] = [];
    let completed = false;
    for (const share of KILL_DELAYS) {
      const delayMs = Math.round(share * dryRunMs);
      // The request's answer or failure, whichever comes; never a rejection left unheard meanwhile.
      const request: { answer?: Response; failure?: unknown } = {};
      const settled = post(server, cookie, '/api/imports/data-values?dryRun=false', file.csv, 'text/csv').then(
        (response) => {
          request.answer = response;
        },
        (error: unknown) => {
          request.failure = error;
        },
      );
      // The transaction might open and close before the watcher sees it; the answer ends the wait then.
      await env.transactionOpen(() => 'answer' in request || 'failure' in request);
      expect(request.failure).toBeUndefined();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (request.answer) {
        // Too late: the import completed before this kill point, which only a kill after the first may meet.
        expect(outcomes.length).toBeGreaterThan(0);
        expect(request.answer.status).toBe(200);
        completed = true;
        break;
      }
      expect(await server.kill()).toBe('SIGKILL');
      await settled;
      // The kill really came mid-import: the request never got its answer, its connection was cut.
      expect(request.answer).toBeUndefined();
      expect(request.failure).toBeInstanceOf(Error);

      server = await startServerProcess(env.url);
      const health = await fetch(`${server.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: engine });

      handle = env.open();
      try {
        expect(await verifyDatabase(handle.db)).toEqual([]);
        const state = await importState(handle.db, file);
        expect(state.other).toEqual([]);
        const after = await counts(handle.db);
        const outcome: Outcome = state.new === file.rows.length ? 'all' : 'none';
        if (outcome === 'none') {
          expect(state.old).toBe(file.rows.length);
          expect(after).toEqual(before);
        } else {
          expect(after).toEqual({
            values: before.values + file.inserts,
            audit: before.audit + file.rows.length,
            reports: before.reports + preview.draftReports,
          });
        }
        outcomes.push({ delayMs, outcome });
      } finally {
        await handle.close();
      }
      cookie = await signIn(server);
      if (outcomes.at(-1)?.outcome === 'all') {
        completed = true;
        break;
      }
    }
    console.log(`${engine}: kills ${JSON.stringify(outcomes)}; dry run ${Math.round(dryRunMs)} ms`);
    expect(outcomes[0]?.outcome).toBe('none');

    if (!completed) {
      const again = await post(server, cookie, '/api/imports/data-values?dryRun=true', file.csv, 'text/csv');
      expect(((await again.json()) as typeof preview).counts).toMatchObject(preview.counts);
      const confirm = await post(server, cookie, '/api/imports/data-values?dryRun=false', file.csv, 'text/csv');
      expect(confirm.status).toBe(200);
      expect(((await confirm.json()) as { committed: boolean }).committed).toBe(true);
    }
    handle = env.open();
    try {
      expect(await verifyDatabase(handle.db)).toEqual([]);
      const state = await importState(handle.db, file);
      expect(state).toEqual({ old: 0, new: file.rows.length, other: [] });
    } finally {
      await handle.close();
    }
  }, 180_000);
}

describe('SIGKILL during an import, on SQLite', () => {
  killDuringImportSuite('sqlite', sqliteSetup);
});

describePostgres('SIGKILL during an import, on PostgreSQL', () => {
  killDuringImportSuite('postgres', postgresSetup);
});
