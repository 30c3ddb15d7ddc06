// Writes a generated programme into a migrated database. Metadata (units, indicators, projects) goes
// through the repository's own query functions and Kysely, in one transaction; the millions of rows
// (values, reports, targets) through the raw bulk writer, in key order.
//
// The bulk rows bypass the application, so the roll-up the app keeps in step with data_value
// (value_cell) is rebuilt from them after the load, as one statement.
import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../db/passwords';
import { DEFAULT_DISAGGREGATION, TOTAL_OPTION } from '../db/queries/indicators';
import { insertBoundary, insertOrgUnit } from '../db/queries/org-units';
import { ensurePeriods } from '../db/queries/periods';
import { getSetting, setSetting } from '../db/queries/settings';
import { insertUser } from '../db/queries/users';
import { rebuildValueCells } from '../db/queries/value-cells';
import type { Database } from '../db/schema';
import { categories, disaggregations, NO_DISAGGREGATION, themes } from './content';
import type { BenchDatabase, Column } from './database';
import {
  generateReports,
  generateTargets,
  type PlanReport,
  type PlanStatus,
  type ProgrammePlan,
  quarterAt,
} from './generate';

export const BENCH_ADMIN = { email: 'admin@bench.test', password: 'bench-password' };
const PLAN_SETTING = 'bench_plan';
/** Values written per transaction while loading. */
const VALUE_BATCH = 50_000;

/** What a database was generated from, kept in app_setting so `--reuse` can rebuild the same plan. */
export interface PlanSetting {
  scale: number;
  seed: number;
  asOf: string;
}

/** Database ids of the plan's units, indicators and (per indicator) options, by plan index. */
export interface PlanIds {
  units: number[];
  indicators: number[];
  options: number[][];
  admin: number;
}

export interface LoadCounts {
  values: number;
  reports: number;
  targets: number;
  seconds: number;
}

export const VALUE_COLUMNS: readonly Column[] = [
  { name: 'indicator_id', type: 'int' },
  { name: 'org_unit_id', type: 'int' },
  { name: 'period_id', type: 'text' },
  { name: 'option_id', type: 'int' },
  { name: 'value', type: 'float' },
  { name: 'numerator', type: 'float' },
  { name: 'denominator', type: 'float' },
  { name: 'comment', type: 'text' },
  { name: 'created_by', type: 'int' },
  { name: 'updated_by', type: 'int' },
  { name: 'created_at', type: 'text' },
  { name: 'updated_at', type: 'text' },
];

export async function readPlanSetting(db: Kysely<Database>): Promise<PlanSetting | undefined> {
  const text = await getSetting(db, PLAN_SETTING);
  return text === undefined ? undefined : (JSON.parse(text) as PlanSetting);
}

export async function populate(
  bench: BenchDatabase,
  plan: ProgrammePlan,
  setting: PlanSetting,
  log: (line: string) => void,
): Promise<LoadCounts> {
  const started = performance.now();
  const { db } = bench.handle;
  const adminHash = await hashPassword(BENCH_ADMIN.password);
  await db.transaction().execute(async (trx) => {
    await writeMetadata(trx, plan, setting.asOf);
    await insertUser(
      trx,
      {
        email: BENCH_ADMIN.email,
        name: 'Bench administrator',
        role: 'admin',
        orgUnitId: null,
        locale: 'en',
        passwordHash: adminHash,
      },
      setting.asOf,
    );
    await setSetting(trx, PLAN_SETTING, JSON.stringify(setting));
  });
  log(`metadata written in ${seconds(started)} s`);
  const ids = await loadIds(db, plan);
  await bench.bulk.setChecks(false);
  try {
    return await writeRows(bench, plan, ids, started, log);
  } finally {
    await bench.bulk.setChecks(true);
  }
}

async function writeRows(
  bench: BenchDatabase,
  plan: ProgrammePlan,
  ids: PlanIds,
  started: number,
  log: (line: string) => void,
): Promise<LoadCounts> {
  let targets = 0;
  let batch: unknown[][] = [];
  for (const target of generateTargets(plan)) {
    batch.push([ids.indicators[target.indicator], ids.units[target.unit], target.type, target.period, target.value]);
    if (batch.length >= VALUE_BATCH) {
      targets += await flush(bench, 'target', TARGET_COLUMNS, batch);
      batch = [];
    }
  }
  targets += await flush(bench, 'target', TARGET_COLUMNS, batch);
  log(`${targets.toLocaleString('en')} targets in ${seconds(started)} s`);

  const reports: PlanReport[] = [];
  let values: unknown[][] = [];
  let written = 0;
  for (const report of generateReports(plan)) {
    const unitId = ids.units[report.unit];
    const period = quarterAt(plan, report.quarter);
    for (const value of report.values) {
      values.push([
        ids.indicators[value.indicator],
        unitId,
        period,
        ids.options[value.indicator]?.[value.option],
        value.value,
        value.numerator,
        value.denominator,
        value.comment,
        null,
        null,
        report.createdAt,
        report.createdAt,
      ]);
    }
    report.values = [];
    reports.push(report);
    if (values.length >= VALUE_BATCH) {
      written += await flush(bench, 'data_value', VALUE_COLUMNS, values);
      values = [];
      if (written % 1_000_000 < VALUE_BATCH) log(`${written.toLocaleString('en')} values in ${seconds(started)} s`);
    }
  }
  written += await flush(bench, 'data_value', VALUE_COLUMNS, values);
  await writeReports(bench, plan, ids, reports);
  const rollupStarted = performance.now();
  await rebuildValueCells(bench.handle.db);
  log(`value_cell roll-up rebuilt in ${seconds(rollupStarted)} s`);
  log(
    `${written.toLocaleString('en')} values and ${reports.length.toLocaleString('en')} reports in ${seconds(started)} s`,
  );

  if (bench.engine === 'sqlite') {
    // A running server's checkpointer (db/checkpointer.ts) would have moved the load's log into the
    // database and cut it back long before anyone asks. Left as loaded, the log held most of the
    // database, and the server started for the load section spent its first minute copying it back
    // (the overview's p99 then doubled, or not, depending on how far the copy had got).
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(bench.handle.db);
  }
  if (bench.engine === 'postgres') {
    // A running server's autovacuum would have vacuumed and analysed tables this size long before anyone
    // asks. Vacuum too, not only analyse: until a page is vacuumed its visibility-map bit is unset, and an
    // index-only scan (the analytics' read of value_cell) fetches every row of it from the table as well;
    // the first sections ran while autovacuum was still getting to the freshly loaded tables.
    await sql`vacuum analyze`.execute(bench.handle.db);
  }
  return { values: written, reports: reports.length, targets, seconds: (performance.now() - started) / 1000 };
}

const TARGET_COLUMNS: readonly Column[] = [
  { name: 'indicator_id', type: 'int' },
  { name: 'org_unit_id', type: 'int' },
  { name: 'type', type: 'text' },
  { name: 'period_id', type: 'text' },
  { name: 'value', type: 'float' },
];

async function flush(
  bench: BenchDatabase,
  table: string,
  columns: readonly Column[],
  rows: unknown[][],
): Promise<number> {
  if (rows.length > 0) await bench.bulk.insert(table, columns, rows);
  return rows.length;
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

async function writeReports(bench: BenchDatabase, plan: ProgrammePlan, ids: PlanIds, reports: readonly PlanReport[]) {
  await bench.bulk.insert(
    'report',
    [
      { name: 'org_unit_id', type: 'int' },
      { name: 'period_id', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'last_comment', type: 'text' },
      { name: 'submitted_at', type: 'text' },
      { name: 'approved_at', type: 'text' },
      { name: 'accepted_at', type: 'text' },
      { name: 'created_at', type: 'text' },
      { name: 'updated_at', type: 'text' },
    ],
    reports.map((report) => [
      ids.units[report.unit],
      quarterAt(plan, report.quarter),
      report.status,
      report.status === 'returned' ? 'Please check the figures against last quarter.' : null,
      report.submittedAt,
      report.approvedAt,
      report.acceptedAt,
      report.createdAt,
      report.updatedAt,
    ]),
    VALUE_BATCH,
  );
  const reportIds = new Map(
    (await bench.handle.db.selectFrom('report').select(['id', 'org_unit_id', 'period_id']).execute()).map((row) => [
      `${row.org_unit_id}/${row.period_id}`,
      row.id,
    ]),
  );
  const events: unknown[][] = [];
  for (const report of reports) {
    const id = reportIds.get(`${ids.units[report.unit]}/${quarterAt(plan, report.quarter)}`);
    for (const [action, from, to, at] of eventsOf(report)) events.push([id, action, from, to, null, null, at]);
  }
  await bench.bulk.insert(
    'report_event',
    [
      { name: 'report_id', type: 'int' },
      { name: 'action', type: 'text' },
      { name: 'from_status', type: 'text' },
      { name: 'to_status', type: 'text' },
      { name: 'actor_id', type: 'int' },
      { name: 'comment', type: 'text' },
      { name: 'created_at', type: 'text' },
    ],
    events,
    VALUE_BATCH,
  );
}

type Event = [action: string, from: PlanStatus | null, to: PlanStatus, at: string];

/** The workflow steps that led to a report's state. */
function eventsOf(report: PlanReport): Event[] {
  const events: Event[] = [['create', null, 'draft', report.createdAt]];
  const submitted = report.submittedAt ?? report.updatedAt;
  if (report.status !== 'draft') events.push(['submit', 'draft', 'submitted', submitted]);
  if (report.status === 'returned') events.push(['return', 'submitted', 'returned', report.updatedAt]);
  if (report.approvedAt) events.push(['approve', 'submitted', 'approved', report.approvedAt]);
  if (report.acceptedAt) events.push(['accept', 'approved', 'accepted', report.acceptedAt]);
  return events;
}

async function writeMetadata(db: Kysely<Database>, plan: ProgrammePlan, now: string): Promise<void> {
  const firstYear = Number((plan.quarters[0] as string).slice(0, 4));
  const lastYear = Number(plan.openQuarter.slice(0, 4));
  await ensurePeriods(db, firstYear - 1, lastYear + 2);

  const unitIds: number[] = [];
  for (const unit of plan.units) {
    const row = await insertOrgUnit(
      db,
      {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parent === null ? null : (unitIds[unit.parent] ?? null),
        isoCode: unit.isoCode,
        longitude: unit.point[0],
        latitude: unit.point[1],
      },
      now,
    );
    unitIds.push(row.id);
    if (unit.geometry) await insertBoundary(db, row.id, unit.geometry, 'Natural Earth (public domain)');
  }

  const themeIds = new Map<string, number>();
  for (const theme of themes) {
    const row = await db
      .insertInto('theme')
      .values({ code: theme.code, name: theme.name.en, description: theme.description.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    themeIds.set(theme.code, row.id);
  }
  const categoryOptionIds = new Map<string, number>();
  const categoryIds = new Map<string, number>();
  for (const category of categories) {
    const row = await db
      .insertInto('category')
      .values({ code: category.code, name: category.name.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(category.code, row.id);
    for (const [index, option] of category.options.entries()) {
      const inserted = await db
        .insertInto('category_option')
        .values({ category_id: row.id, code: option.code, name: option.name.en, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      categoryOptionIds.set(`${category.code}/${option.code}`, inserted.id);
    }
  }
  const disaggregationIds = new Map<string, number>();
  for (const spec of [
    { code: DEFAULT_DISAGGREGATION, name: 'None (total)', categories: [] as string[] },
    ...disaggregations.map((d) => ({ code: d.code, name: d.name.en, categories: d.categories })),
  ]) {
    const row = await db
      .insertInto('disaggregation')
      .values({ code: spec.code, name: spec.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    disaggregationIds.set(spec.code, row.id);
    for (const [index, categoryCode] of spec.categories.entries()) {
      await db
        .insertInto('disaggregation_category')
        .values({ disaggregation_id: row.id, category_id: categoryIds.get(categoryCode) ?? 0, sort_order: index })
        .execute();
    }
    let combos: string[][] = [[]];
    for (const categoryCode of spec.categories) {
      const options = categories.find((category) => category.code === categoryCode)?.options ?? [];
      combos = combos.flatMap((combo) => options.map((option) => [...combo, `${categoryCode}/${option.code}`]));
    }
    for (const [index, combo] of combos.entries()) {
      const code = combo.length === 0 ? TOTAL_OPTION : combo.map((key) => key.split('/')[1]).join('_');
      const option = await db
        .insertInto('disaggregation_option')
        .values({ disaggregation_id: row.id, code, name: code, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (combo.length > 0) {
        await db
          .insertInto('disaggregation_option_item')
          .values(combo.map((key) => ({ option_id: option.id, category_option_id: categoryOptionIds.get(key) ?? 0 })))
          .execute();
      }
    }
  }

  const indicatorIds: number[] = [];
  for (const { content } of plan.indicators) {
    const noLimits = content.valueType === 'yes_no' || content.valueType === 'stage';
    const row = await db
      .insertInto('indicator')
      .values({
        code: content.code,
        name: content.name.en,
        short_name: content.shortName.en,
        description: content.description.en,
        unit: content.unit.en,
        value_type: content.valueType,
        aggregation_type: content.aggregationType,
        direction: content.direction,
        periodicity: content.periodicity,
        theme_id: themeIds.get(content.theme) ?? null,
        disaggregation_id: disaggregationIds.get(content.disaggregation ?? NO_DISAGGREGATION) ?? 0,
        count_threshold: content.countThreshold ?? null,
        stage_max: content.stages ? content.stages.length - 1 : null,
        min_value: noLimits ? null : content.typical.min,
        max_value: noLimits ? null : content.typical.max * 2,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorIds.push(row.id);
    await db
      .insertInto('indicator_tier')
      .values(content.tiers.map((tier) => ({ indicator_id: row.id, tier })))
      .execute();
    for (const [stage, label] of (content.stages ?? []).entries()) {
      await db.insertInto('indicator_stage').values({ indicator_id: row.id, stage, label: label.en }).execute();
    }
  }

  for (const project of plan.projects) {
    const row = await db
      .insertInto('project')
      .values({
        code: project.code,
        name: project.name,
        description: 'A project of the benchmark programme.',
        country_id: unitIds[project.country] ?? 0,
        lead_unit_id: unitIds[project.lead] ?? 0,
        start_date: project.startDate,
        end_date: project.endDate,
        budget: project.budget,
        currency: 'USD',
        status: 2,
        iati_identifier: `XM-BENCH-${project.code}`,
        illustrative: 1,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const covered = [...new Set(project.units)];
    for (let i = 0; i < covered.length; i += 500) {
      await db
        .insertInto('project_unit')
        .values(covered.slice(i, i + 500).map((unit) => ({ project_id: row.id, org_unit_id: unitIds[unit] ?? 0 })))
        .execute();
    }
    const themeCodes = [...new Set(project.indicators.map((index) => plan.indicators[index]?.content.theme ?? ''))];
    await db
      .insertInto('project_theme')
      .values(themeCodes.map((code) => ({ project_id: row.id, theme_id: themeIds.get(code) ?? 0 })))
      .execute();
    // Three results, the indicators dealt out among them in catalogue order.
    for (let r = 0; r < 3; r++) {
      const mine = project.indicators.filter((_, position) => position % 3 === r);
      if (mine.length === 0) continue;
      const result = await db
        .insertInto('result')
        .values({
          project_id: row.id,
          code: `R${r + 1}`,
          type: r === 1 ? 'outcome' : 'output',
          title: `Result ${r + 1}`,
          description: '',
          sort_order: r,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('result_indicator')
        .values(
          mine.map((index, order) => ({
            result_id: result.id,
            indicator_id: indicatorIds[index] ?? 0,
            sort_order: order,
          })),
        )
        .execute();
    }
  }
}

/** Reads the ids the database gave the plan's units, indicators and options (by code). */
export async function loadIds(db: Kysely<Database>, plan: ProgrammePlan): Promise<PlanIds> {
  const units = new Map(
    (await db.selectFrom('org_unit').select(['id', 'code']).execute()).map((row) => [row.code, row.id]),
  );
  const indicators = new Map(
    (await db.selectFrom('indicator').select(['id', 'code', 'disaggregation_id']).execute()).map((row) => [
      row.code,
      row,
    ]),
  );
  const options = new Map(
    (await db.selectFrom('disaggregation_option').select(['id', 'code', 'disaggregation_id']).execute()).map((row) => [
      `${row.disaggregation_id}/${row.code}`,
      row.id,
    ]),
  );
  const admin = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', BENCH_ADMIN.email)
    .executeTakeFirstOrThrow();
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`bench: ${what} is missing from the database (generated with another plan?)`);
    return value;
  };
  return {
    units: plan.units.map((unit) => need(units.get(unit.code), `unit ${unit.code}`)),
    indicators: plan.indicators.map(
      ({ content }) => need(indicators.get(content.code), `indicator ${content.code}`).id,
    ),
    options: plan.indicators.map(({ content, options: codes }) => {
      const disaggregation = need(indicators.get(content.code), content.code).disaggregation_id;
      return codes.map((code) => need(options.get(`${disaggregation}/${code}`), `option ${content.code}/${code}`));
    }),
    admin: admin.id,
  };
}
