// Throughput of bulk import and export, and the memory a large export takes, on one engine.
//
//   node --import tsx bench/exchange.ts                    # SQLite (a file under the system temp dir)
//   DATABASE_URL_TEST=postgres://… node --import tsx bench/exchange.ts --engine postgres
//   node --import tsx bench/exchange.ts --values 100000 --memory 1000000
//
// A synthetic programme (500 municipalities, 5 indicators × 10 options, 2025Q1–Q4 = 100,000 values)
// is built, then each step is timed through the HTTP app, as a client would call it. Every figure is
// reported next to its baseline measured in the same run: for imports, a raw prepared-statement insert
// of the same rows into data_value, foreign keys checked (SQLite: one better-sqlite3 INSERT per row on
// its own connection; PostgreSQL: INSERT … SELECT FROM unnest($1…) per 10,000 rows) and the query
// builder's multi-row INSERT; for exports, a bare SELECT of the same rows. Import runs alternate with
// their baselines (--runs, median reported) so both meet the same machine. Memory: peak RSS above the
// level before the export, sampled every 20 ms while a slow client reads the stream, for --values and
// --memory rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type DatabaseHandle, type Engine, openDatabase } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { createApp } from '../server/app';
import { XLSX_TYPE } from '../server/lib/spreadsheet-readers';
import { csvRecord } from '../server/lib/spreadsheet-writers';
import { createMigratedDatabase } from '../tests/helpers/database';
import { FIXTURE_PASSWORD, fixtureBuilder } from '../tests/helpers/fixture';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    values: { type: 'string', default: '100000' },
    memory: { type: 'string', default: '1000000' },
    'memory-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const engine = args.engine as Engine;
const VALUES = Number(args.values);
const MEMORY_VALUES = Number(args.memory);
const RUNS = Math.max(1, Number(args.runs));
const OPTIONS = 10;
const INDICATORS = 5;
const QUARTERS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
const UNITS = Math.ceil(VALUES / (OPTIONS * INDICATORS * QUARTERS.length));
const NOW = new Date('2026-06-01T00:00:00Z');
const ORIGIN = 'http://localhost';

async function openBenchDatabase(): Promise<DatabaseHandle & { file?: string; dispose: () => Promise<void> }> {
  if (engine === 'postgres') return createMigratedDatabase('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'm4d-bench-'));
  const file = join(dir, 'bench.sqlite');
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    file,
    dispose: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function buildProgramme(db: Kysely<Database>, units: number) {
  const f = fixtureBuilder(db);
  await f.periods(2024, 2027);
  await f.unit('BX', 'country', null);
  await f.unit('BR', 'region', 'BX');
  const municipalities = Array.from({ length: units }, (_, i) => `BM-${String(i).padStart(5, '0')}`);
  for (const code of municipalities) await f.unit(code, 'municipality', 'BR');
  await f.category(
    'GROUP',
    Array.from({ length: OPTIONS }, (_, i) => `G${i}`),
  );
  const indicators = Array.from({ length: INDICATORS }, (_, i) => `BENCH_${i}`);
  for (const code of indicators) {
    await f.indicator({ code, valueType: 'integer', aggregationType: 'sum', category: 'GROUP' });
  }
  await f.project('BENCH', {
    country: 'BX',
    start: '2025-01-01',
    end: '2026-12-31',
    units: municipalities,
    indicators,
  });
  await f.user('admin@bench.test', 'admin', null);
  return { municipalities, indicators };
}

function rowsOf(municipalities: string[], indicators: string[], count: number, offset: number) {
  const rows: [string, string, string, string, number][] = [];
  for (const unit of municipalities)
    for (const period of QUARTERS)
      for (const indicator of indicators)
        for (let o = 0; o < OPTIONS; o++) {
          if (rows.length >= count) return rows;
          rows.push([indicator, unit, period, `G${o}`, ((rows.length * 7) % 500) + offset]);
        }
  return rows;
}

function time<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  return work().then((result) => ({ result, seconds: (performance.now() - started) / 1000 }));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const results: { step: string; rows: number; seconds: number; baseline?: string }[] = [];
function record(step: string, rows: number, seconds: number, baseline?: { name: string; seconds: number }) {
  results.push({
    step,
    rows,
    seconds,
    ...(baseline && { baseline: `${(baseline.seconds / seconds).toFixed(2)} × ${baseline.name}` }),
  });
  console.log(
    `${step}: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
  );
}

/** The rows as data_value tuples, ids resolved beforehand (a baseline does no lookups). */
async function rawRows(db: Kysely<Database>, rows: ReturnType<typeof rowsOf>) {
  const indicators = new Map(
    (await db.selectFrom('indicator').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  );
  const units = new Map((await db.selectFrom('org_unit').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const options = new Map(
    (await db.selectFrom('disaggregation_option').select(['id', 'code']).where('code', 'like', 'G%').execute()).map(
      (r) => [r.code, r.id],
    ),
  );
  const admin = (await db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id;
  const now = NOW.toISOString();
  return rows.map(([indicator, unit, period, option, value]) => ({
    indicator_id: indicators.get(indicator) ?? 0,
    org_unit_id: units.get(unit) ?? 0,
    period_id: period,
    option_id: options.get(option) ?? 0,
    value,
    numerator: null,
    denominator: null,
    comment: null,
    created_by: admin,
    updated_by: admin,
    created_at: now,
    updated_at: now,
  }));
}
type RawRow = Awaited<ReturnType<typeof rawRows>>[number];

/** The query builder's multi-row INSERT, 1,000 rows per statement, in one transaction. */
async function rawInsert(db: Kysely<Database>, rows: readonly RawRow[]): Promise<number> {
  const { seconds } = await time(() =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await trx
          .insertInto('data_value')
          .values(rows.slice(i, i + 1000))
          .execute();
      }
    }),
  );
  return seconds;
}

const RAW_COLUMNS = [
  'indicator_id',
  'org_unit_id',
  'period_id',
  'option_id',
  'value',
  'numerator',
  'denominator',
  'comment',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
] as const;

/**
 * The raw prepared-statement insert of the same rows, in one transaction, foreign keys checked — the
 * fastest plain way each driver has: better-sqlite3 runs one prepared INSERT per row (on a connection
 * of its own, set up as the app's); pg sends one prepared INSERT … SELECT FROM unnest per 10,000 rows.
 */
async function rawPreparedInsert(handle: DatabaseHandle, file: string | undefined, rows: readonly RawRow[]) {
  if (engine === 'sqlite') {
    const connection = new SQLite(file ?? ':memory:');
    connection.pragma('foreign_keys = ON');
    connection.pragma('synchronous = NORMAL');
    try {
      const statement = connection.prepare(
        `insert into data_value (${RAW_COLUMNS.join(', ')}) values (${RAW_COLUMNS.map(() => '?').join(', ')})`,
      );
      const insertAll = connection.transaction((all: readonly RawRow[]) => {
        for (const row of all) statement.run(RAW_COLUMNS.map((column) => row[column]));
      });
      return (await time(async () => insertAll(rows))).seconds;
    } finally {
      connection.close();
    }
  }
  const { seconds } = await time(() =>
    handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 10_000) {
        const part = rows.slice(i, i + 10_000);
        const column = <K extends (typeof RAW_COLUMNS)[number]>(name: K) => part.map((row) => row[name]);
        await sql`insert into data_value (${sql.raw(RAW_COLUMNS.join(', '))})
          select * from unnest(${column('indicator_id')}::integer[], ${column('org_unit_id')}::integer[],
            ${column('period_id')}::text[], ${column('option_id')}::integer[], ${column('value')}::double precision[],
            ${column('numerator')}::double precision[], ${column('denominator')}::double precision[],
            ${column('comment')}::text[], ${column('created_by')}::integer[], ${column('updated_by')}::integer[],
            ${column('created_at')}::text[], ${column('updated_at')}::text[])`.execute(trx);
      }
    }),
  );
  return seconds;
}

async function clearValues(db: Kysely<Database>) {
  if (engine === 'postgres') {
    // DELETE would leave dead rows whose index entries every later insert of the same keys has to
    // step over, slowing each run a little more than the one before; TRUNCATE starts afresh.
    await sql`truncate audit_log, data_value, value_cell, report_event, report cascade`.execute(db);
    return;
  }
  await db.deleteFrom('audit_log').execute();
  await db.deleteFrom('data_value').execute();
  await db.deleteFrom('value_cell').execute();
  await db.deleteFrom('report_event').execute();
  await db.deleteFrom('report').execute();
}

async function main() {
  console.log(
    `engine ${engine}: ${VALUES} values (${UNITS} municipalities × ${QUARTERS.length} quarters × ${INDICATORS} indicators × ${OPTIONS} options)`,
  );
  const handle = await openBenchDatabase();
  const { db } = handle;
  try {
    const { municipalities, indicators } = await buildProgramme(db, UNITS);
    const app = createApp(handle, {
      version: 'bench',
      log: () => {},
      now: () => NOW,
      maxBodyBytes: 512 * 1024 * 1024,
      maxImportBytes: 512 * 1024 * 1024,
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'admin@bench.test', password: FIXTURE_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const post = (path: string, type: string, body: BodyInit) =>
      app.request(path, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': type }, body });

    const rows = rowsOf(municipalities, indicators, VALUES, 0);
    const raw = await rawRows(db, rows);
    if (args['memory-only']) {
      await rawInsert(db, raw);
      await measureMemory(app, cookie, rows.length);
      await fillAndMeasure(db, app, cookie, municipalities, indicators);
      return;
    }
    const header = csvRecord(['indicator', 'org_unit', 'period', 'option', 'value']);
    const csv = header + rows.map((row) => csvRecord(row)).join('');
    const changed = rowsOf(municipalities, indicators, VALUES, 1000);
    const csvChanged = header + changed.map((row) => csvRecord(row)).join('');

    const seconds = { prepared: [] as number[], multiRow: [] as number[], dry: [] as number[] };
    const imports = { insert: [] as number[], update: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      // Baselines and imports alternate, so each import meets the machine its baseline met.
      seconds.prepared.push(await rawPreparedInsert(handle, handle.file, raw));
      await clearValues(db);
      seconds.multiRow.push(await rawInsert(db, raw));
      await clearValues(db);

      const dry = await time(async () => post('/api/imports/data-values?dryRun=true', 'text/csv', csv));
      const dryBody = (await dry.result.json()) as { counts: { insert: number } };
      if (dryBody.counts.insert !== rows.length) throw new Error(`dry run: ${JSON.stringify(dryBody.counts)}`);
      seconds.dry.push(dry.seconds);

      const commit = await time(async () => {
        const response = await post('/api/imports/data-values?dryRun=false', 'text/csv', csv);
        const body = (await response.json()) as { counts: { insert: number } };
        if (response.status !== 200 || body.counts.insert !== rows.length)
          throw new Error(`commit: ${JSON.stringify(body).slice(0, 500)}`);
      });
      imports.insert.push(commit.seconds);
      const update = await time(async () => {
        const response = await post('/api/imports/data-values?dryRun=false', 'text/csv', csvChanged);
        const body = (await response.json()) as { counts: { update: number } };
        if (body.counts.update !== rows.length) throw new Error(`update: ${JSON.stringify(body.counts)}`);
      });
      imports.update.push(update.seconds);
      console.log(
        `run ${run + 1}/${RUNS}: prepared ${seconds.prepared.at(-1)?.toFixed(2)} s, multi-row ${seconds.multiRow.at(-1)?.toFixed(2)} s, ` +
          `import ${commit.seconds.toFixed(2)} s, update ${update.seconds.toFixed(2)} s`,
      );
      if (run < RUNS - 1) await clearValues(db);
    }
    const prepared = { name: 'raw prepared insert', seconds: median(seconds.prepared) };
    record('raw prepared-statement insert (baseline)', rows.length, prepared.seconds);
    record('raw multi-row insert, query builder', rows.length, median(seconds.multiRow), prepared);
    record('CSV import, dry run (parse + checks)', rows.length, median(seconds.dry));
    record('CSV import, commit (inserts + drafts + audit)', rows.length, median(imports.insert), prepared);
    record('CSV import, commit (every value updated)', rows.length, median(imports.update), prepared);

    // Export: baseline is a bare SELECT of the same rows with the same joins' worth of columns.
    const select = await time(() =>
      db
        .selectFrom('data_value as dv')
        .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
        .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
        .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
        .select(['i.code', 'u.code as unit', 'dv.period_id', 'o.code as option', 'dv.value'])
        .execute(),
    );
    record('bare SELECT of every value (baseline)', select.result.length, select.seconds);
    const exportCsv = await time(async () =>
      (await app.request('/api/exports/data-values.csv', { headers: { cookie } })).text(),
    );
    record('CSV export (streamed)', exportCsv.result.split('\r\n').length - 2, exportCsv.seconds, {
      name: 'bare SELECT',
      seconds: select.seconds,
    });
    const exportXlsx = await time(
      async () =>
        new Uint8Array(
          await (await app.request('/api/exports/data-values.xlsx', { headers: { cookie } })).arrayBuffer(),
        ),
    );
    record('XLSX export (streamed)', rows.length, exportXlsx.seconds, { name: 'bare SELECT', seconds: select.seconds });
    const exportDhis2 = await time(async () =>
      (await app.request('/api/dhis2/dataValueSets.json', { headers: { cookie } })).text(),
    );
    record('DHIS2 JSON export (streamed)', rows.length, exportDhis2.seconds, {
      name: 'bare SELECT',
      seconds: select.seconds,
    });

    await clearValues(db);
    const xlsxImport = await time(async () => {
      const response = await post('/api/imports/data-values?dryRun=false', XLSX_TYPE, exportXlsx.result);
      const body = (await response.json()) as { counts: { insert: number } };
      if (body.counts.insert !== rows.length) throw new Error(`xlsx: ${JSON.stringify(body).slice(0, 500)}`);
    });
    record('XLSX import, commit', rows.length, xlsxImport.seconds, prepared);

    await clearValues(db);
    const dhis2Import = await time(async () => {
      const response = await post('/api/dhis2/dataValueSets', 'application/json', exportDhis2.result);
      const body = (await response.json()) as { response: { importCount: { imported: number } } };
      if (body.response.importCount.imported !== rows.length)
        throw new Error(`dhis2: ${JSON.stringify(body).slice(0, 500)}`);
    });
    record('DHIS2 JSON import, commit', rows.length, dhis2Import.seconds, prepared);

    // Memory of a large export: read it slowly with VALUES values stored, then with MEMORY_VALUES.
    await measureMemory(app, cookie, rows.length);
    await fillAndMeasure(db, app, cookie, municipalities, indicators);
    console.table(results.map((r) => ({ ...r, 'rows/s': Math.round(r.rows / r.seconds) })));
  } finally {
    await handle.dispose();
  }
}

async function measureMemory(app: ReturnType<typeof createApp>, cookie: string, stored: number) {
  for (const [label, path] of [
    ['CSV', '/api/exports/data-values.csv'],
    ['XLSX', '/api/exports/data-values.xlsx'],
  ] as const) {
    const peak = await peakMemory(app, path, cookie);
    console.log(
      `${label} export of ${stored} values (slow client): peak RSS +${peak.rssMb.toFixed(0)} MB over ${peak.baseMb.toFixed(0)} MB, ` +
        `peak live heap+external +${peak.liveMb.toFixed(1)} MB, ${(peak.bytes / 1e6).toFixed(1)} MB sent in ${peak.seconds.toFixed(1)} s`,
    );
  }
}

async function fillAndMeasure(
  db: Kysely<Database>,
  app: ReturnType<typeof createApp>,
  cookie: string,
  municipalities: string[],
  indicators: string[],
) {
  if (MEMORY_VALUES <= VALUES) return;
  await clearValues(db);
  const bigUnits = Math.ceil(MEMORY_VALUES / (OPTIONS * INDICATORS * QUARTERS.length));
  const extra = await buildExtraUnits(db, bigUnits - municipalities.length);
  await rawInsert(db, await rawRows(db, rowsOf([...municipalities, ...extra], indicators, MEMORY_VALUES, 0)));
  await measureMemory(app, cookie, MEMORY_VALUES);
}

async function buildExtraUnits(db: Kysely<Database>, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const region = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('code', '=', 'BR')
    .executeTakeFirstOrThrow();
  const project = await db.selectFrom('project').select('id').where('code', '=', 'BENCH').executeTakeFirstOrThrow();
  const codes = Array.from({ length: count }, (_, i) => `BX-${String(i).padStart(6, '0')}`);
  for (let i = 0; i < codes.length; i += 500) {
    const inserted = await db
      .insertInto('org_unit')
      .values(
        codes.slice(i, i + 500).map((code) => ({
          code,
          name: code,
          kind: 'municipality' as const,
          level: 3,
          parent_id: region.id,
          path: `pending:${code}`,
          iso_code: null,
          latitude: null,
          longitude: null,
          created_at: NOW.toISOString(),
        })),
      )
      .returning(['id'])
      .execute();
    for (const row of inserted) {
      await db
        .updateTable('org_unit')
        .set({ path: `${region.path}${row.id}/` })
        .where('id', '=', row.id)
        .execute();
    }
    await db
      .insertInto('project_unit')
      .values(inserted.map((row) => ({ project_id: project.id, org_unit_id: row.id })))
      .execute();
  }
  return codes;
}

/**
 * Reads an export with a slow client (a 2 ms pause every 256 KB) and samples this process's memory:
 * RSS every 20 ms, and the live heap (after a forced GC, with --expose-gc) every 4 MB received — the
 * memory the export holds on to, as opposed to garbage not yet collected.
 */
async function peakMemory(app: ReturnType<typeof createApp>, path: string, cookie: string) {
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakLive = base.heapUsed + base.external;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const response = await app.request(path, { headers: { cookie } });
  const reader = response.body?.getReader();
  let bytes = 0;
  let sinceSleep = 0;
  let sinceGc = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.length;
    sinceSleep += chunk.value.length;
    sinceGc += chunk.value.length;
    if (sinceSleep > 256 * 1024) {
      sinceSleep = 0;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (sinceGc > 4 * 1024 * 1024 && global.gc) {
      sinceGc = 0;
      global.gc();
      const now = process.memoryUsage();
      peakLive = Math.max(peakLive, now.heapUsed + now.external);
    }
  }
  clearInterval(timer);
  return {
    baseMb: base.rss / 1e6,
    rssMb: (peakRss - base.rss) / 1e6,
    liveMb: (peakLive - base.heapUsed - base.external) / 1e6,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

await main();
