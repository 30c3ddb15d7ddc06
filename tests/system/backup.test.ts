// Backup and restore, and db:verify, on real SQLite files: an online backup taken while the app's
// connection is open holds the app's last write, restores by copying the file back, and verifies clean;
// a deliberately corrupted copy fails verification with a readable reason.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { backupSqliteFile, defaultBackupPath, planBackup, postgresBackupCommands } from '../../db/backup';
import { type DatabaseHandle, openDatabase } from '../../db/dialect';
import { verifyDatabase } from '../../db/queries/integrity';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';

const TABLES = ['data_value', 'report', 'report_event', 'audit_log', 'app_user', 'org_unit'] as const;

/** Row counts and a checksum of every data value, read straight from a file. */
function fingerprint(file: string) {
  const connection = new SQLite(file, { readonly: true });
  try {
    const counts = Object.fromEntries(
      TABLES.map((table) => [
        table,
        (connection.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
      ]),
    );
    const values = connection.prepare('select id, value, version, updated_at from data_value order by id').all() as {
      id: number;
      value: number;
      version: number;
      updated_at: string;
    }[];
    return { counts, values };
  } finally {
    connection.close();
  }
}

describe('db:backup and restore (SQLite)', () => {
  let dir: string;
  let source: string;
  let handle: DatabaseHandle;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'm4d-backup-test-'));
    source = join(dir, 'live.sqlite');
    writeFileSync(source, readFileSync(inject('sqliteSeedImage')));
    // As the server opens it: WAL, so the app's write below sits in the -wal file, not yet in the main file.
    handle = openDatabase(`sqlite:${source}`);
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an online backup taken while the app is open holds its last write and restores intact', async () => {
    const app = createTestApp(handle);
    const cookie = await signIn(app, 'local.upala@example.org');
    const path = '/api/reports/CRI-upala/2026Q3';
    const detail = (await (await app.request(path, { headers: { cookie } })).json()) as {
      indicators: { code: string; valueType: string; disaggregation: { options: { code: string }[] } }[];
      values: { indicator: string; version: number }[];
    };
    const integer = detail.indicators.find(
      (indicator) => indicator.valueType === 'integer' && indicator.disaggregation.options.length === 1,
    );
    if (!integer) throw new Error('Upala reports no single-option integer indicator');
    const version = detail.values.find((value) => value.indicator === integer.code)?.version ?? null;
    const saved = await app.request(`${path}/values`, {
      method: 'PUT',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ values: [{ indicator: integer.code, option: 'TOTAL', value: 4321, version }] }),
    });
    expect(saved.status).toBe(200);

    // The app's connection stays open (and holds the WAL) during the backup.
    const backup = join(dir, 'backups', 'copy.sqlite');
    const result = await backupSqliteFile(source, backup);
    expect(result.pages).toBeGreaterThan(0);

    // Restore = copy the file back, here into a fresh path, and open it as the server would.
    const restored = join(dir, 'restored', 'm4d.sqlite');
    mkdirSync(join(dir, 'restored'));
    copyFileSync(backup, restored);

    const check = new SQLite(restored, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const written = check
      .prepare(
        `select v.value from data_value v join indicator i on i.id = v.indicator_id join org_unit u on u.id = v.org_unit_id
         where i.code = ? and u.code = 'CRI-upala' and v.period_id = '2026Q3'`,
      )
      .get(integer.code) as { value: number } | undefined;
    check.close();
    expect(written?.value).toBe(4321);

    const live = fingerprint(source);
    expect(fingerprint(restored)).toEqual(live);
    expect(live.counts.audit_log).toBeGreaterThan(0);

    const reopened = openDatabase(`sqlite:${restored}`);
    try {
      expect(await verifyDatabase(reopened.db)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  test('db:verify fails a copy with a dangling foreign key, a bad version and a report out of step', async () => {
    const corrupt = join(dir, 'corrupt.sqlite');
    await backupSqliteFile(source, corrupt);
    const connection = new SQLite(corrupt);
    // What a hand edit or an old bug could leave behind: the constraints that would stop it are off.
    connection.pragma('foreign_keys = OFF');
    connection.pragma('ignore_check_constraints = ON');
    const row = connection.prepare('select * from data_value limit 1').get() as Record<string, unknown>;
    connection
      .prepare(
        `insert into data_value (indicator_id, org_unit_id, period_id, option_id, value, version, created_at, updated_at)
         values (999999, ?, ?, ?, 1, 1, 'x', 'x')`,
      )
      .run(row.org_unit_id, row.period_id, row.option_id);
    connection.prepare('update data_value set version = 0 where id = ?').run(row.id);
    // A value changed behind the app's back: its analytics cell no longer adds up.
    connection.prepare('update data_value set value = value + 7 where id = ?').run(row.id);
    connection
      .prepare(`update report set status = 'accepted', accepted_at = null where id = (select min(id) from report)`)
      .run();
    connection.close();

    const reopened = openDatabase(`sqlite:${corrupt}`);
    try {
      const problems = await verifyDatabase(reopened.db);
      const checks = problems.map((problem) => problem.check);
      expect(checks).toContain('sqlite: foreign_key_check');
      expect(checks).toContain('data_value: indicator, org unit, period and option exist');
      expect(checks).toContain('data_value: version ≥ 1');
      expect(checks).toContain('report: an accepted report has its acceptance time');
      const cells = problems.find((problem) => problem.check.startsWith('value_cell:'));
      // Two cells: the one holding the invented value, and the one whose value went up by 7.
      expect(cells?.count).toBe(2);
      expect(cells?.examples.join('\n')).toMatch(/stored=.* computed=/);
      expect(problems.find((problem) => problem.check === 'sqlite: foreign_key_check')?.examples[0]).toMatch(
        /^data_value rowid=\d+ → indicator$/,
      );
    } finally {
      await reopened.close();
    }
  });
});

describe('db:backup plans', () => {
  test('defaults to a timestamped file under ./backups for SQLite', () => {
    const now = new Date('2026-11-28T11:42:05.123Z');
    expect(defaultBackupPath(now)).toBe(join('backups', 'm4d-20261128T114205Z.sqlite'));
    expect(planBackup(undefined, undefined, now)).toEqual({
      engine: 'sqlite',
      source: './data/m4d.sqlite',
      destination: join('backups', 'm4d-20261128T114205Z.sqlite'),
    });
    expect(planBackup('sqlite:/srv/m4d.sqlite', 'x.sqlite', now)).toMatchObject({
      source: '/srv/m4d.sqlite',
      destination: 'x.sqlite',
    });
    expect(() => planBackup('sqlite::memory:', undefined, now)).toThrow(/in-memory/);
  });

  test('prints pg_dump and pg_restore commands without the password', () => {
    const commands = postgresBackupCommands(
      'postgres://m4d:s3cr%27et@db.example.org:5433/m4d?sslmode=require',
      'b.dump',
    );
    expect(commands.dump).toBe(
      "pg_dump --format=custom --no-owner --file=b.dump 'postgres://m4d@db.example.org:5433/m4d?sslmode=require'",
    );
    expect(commands.restore).toContain("--dbname='postgres://m4d@db.example.org:5433/m4d?sslmode=require' b.dump");
    expect(`${commands.dump}${commands.restore}`).not.toMatch(/s3cr/);
    expect(commands.note).toMatch(/PGPASSWORD/);
  });
});
