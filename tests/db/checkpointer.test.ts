// The write-ahead log of a SQLite file is checkpointed by a worker thread, not by the request that
// commits: pages reach the database file without the application's connection checkpointing, and the
// connection takes its checkpoints back when the worker cannot run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkpointInBackground } from '../../db/checkpointer';
import { type DatabaseHandle, openDatabase } from '../../db/dialect';

/** About 1 MB of pages: a quarter of what makes SQLite's own connection checkpoint (1,000 pages). */
const ROWS = 250;
const ROW_BYTES = 4_000;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'm4d-checkpoint-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writePages(handle: DatabaseHandle): Promise<void> {
  await sql`create table filler (id integer primary key, body text not null)`.execute(handle.db);
  await handle.db.transaction().execute(async (trx) => {
    for (let id = 1; id <= ROWS; id++) {
      await sql`insert into filler (id, body) values (${id}, ${'x'.repeat(ROW_BYTES)})`.execute(trx);
    }
  });
}

/** The size of the database file itself: committed pages arrive there only by a checkpoint. */
const fileSize = (file: string) => statSync(file).size;

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

describe('SQLite checkpoints', () => {
  test('a background worker moves committed pages into the database file; the connection does not checkpoint', async () => {
    const file = join(dir, 'background.sqlite');
    const handle = openDatabase(`sqlite:${file}`);
    try {
      const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
      expect(autocheckpoint.rows[0]?.wal_autocheckpoint).toBe(0);
      await writePages(handle);
      expect(await waitFor(() => fileSize(file) >= ROWS * ROW_BYTES, 5_000)).toBe(true);
      const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
      expect(rows.rows[0]?.n).toBe(ROWS);
    } finally {
      await handle.close();
    }
    // Closed cleanly: the last checkpoint ran, and another connection reads everything.
    const reader = new SQLite(file, { readonly: true });
    expect((reader.prepare('select count(*) as n from filler').get() as { n: number }).n).toBe(ROWS);
    reader.close();
  });

  test('inline, as SQLite does by default, the same writes stay in the log', async () => {
    const file = join(dir, 'inline.sqlite');
    const handle = openDatabase(`sqlite:${file}`, { checkpoints: 'inline' });
    try {
      await writePages(handle);
      expect(await waitFor(() => fileSize(file) >= ROWS * ROW_BYTES, 600)).toBe(false);
    } finally {
      await handle.close();
    }
  });

  test('a script whose last step closes the database ends normally, after the last checkpoint', () => {
    // The worker is unreferenced while it runs; closing must hold the process until it has stopped,
    // or Node ends the script in the middle of the close (exit code 13, and nothing after it runs).
    const script = join(dir, 'close.mts');
    const dialect = resolve(__dirname, '../../db/dialect.ts');
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(dialect)};
const handle = openDatabase(${JSON.stringify(`sqlite:${join(dir, 'script.sqlite')}`)});
await handle.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
await handle.close();
console.log('closed');
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });

  test('when the worker cannot run, the connection checkpoints by itself again', async () => {
    const connection = new SQLite(join(dir, 'orphan.sqlite'));
    connection.pragma('journal_mode = WAL');
    const quiet = console.error;
    console.error = () => {};
    try {
      // The worker opens the file by name and must find it: this one is not there.
      const stop = checkpointInBackground(connection, join(dir, 'missing', 'nowhere.sqlite'));
      expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      expect(await waitFor(() => connection.pragma('wal_autocheckpoint', { simple: true }) === 1000, 5_000)).toBe(true);
      await stop();
    } finally {
      console.error = quiet;
      connection.close();
    }
  });
});
