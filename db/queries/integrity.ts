// Checks a database can run on any copy (`npm run db:verify`): the engine's own structural checks on
// SQLite, then the invariants of reports and data values that the schema cannot state by itself.
// Each check is one aggregate query, so a database of millions of values verifies in seconds.
import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect';
import { type Database, REPORT_STATUSES } from '../schema';
import { type CellMismatch, verifyValueCells } from './value-cells';

export interface IntegrityProblem {
  check: string;
  /** How many rows break it, and a few of them. */
  count: number;
  examples: string[];
}

const EXAMPLES = 5;

interface Check {
  name: string;
  /** Rows that break the invariant, one readable string each. */
  run: (db: Kysely<Database>) => Promise<string[]>;
}

const describe = (row: Record<string, unknown>) =>
  Object.entries(row)
    .map(([key, value]) => `${key}=${value === null ? 'null' : String(value)}`)
    .join(' ');

const describeCell = (cell: CellMismatch['stored']): string =>
  cell ? `${cell.sum}/${cell.count} values${cell.approved ? ' (approved)' : ''}` : 'none';

const CHECKS: Check[] = [
  {
    // The analytics roll-up, kept by every write path in the write's transaction (value-cells.ts).
    name: 'value_cell: every roll-up cell equals a recomputation from data_value and its report',
    run: async (db) =>
      (await verifyValueCells(db, 1000)).map(
        (cell) =>
          `indicator_id=${cell.indicatorId} org_unit_id=${cell.unitId} period_id=${cell.periodId} ` +
          `stored=${describeCell(cell.stored)} computed=${describeCell(cell.computed)}`,
      ),
  },
  {
    name: 'data_value: indicator, org unit, period and option exist',
    run: async (db) =>
      (
        await db
          .selectFrom('data_value as v')
          .leftJoin('indicator as i', 'i.id', 'v.indicator_id')
          .leftJoin('org_unit as u', 'u.id', 'v.org_unit_id')
          .leftJoin('period as p', 'p.id', 'v.period_id')
          .leftJoin('disaggregation_option as o', 'o.id', 'v.option_id')
          .select(['v.id', 'v.indicator_id', 'v.org_unit_id', 'v.period_id', 'v.option_id'])
          .where((eb) =>
            eb.or([eb('i.id', 'is', null), eb('u.id', 'is', null), eb('p.id', 'is', null), eb('o.id', 'is', null)]),
          )
          .execute()
      ).map(describe),
  },
  {
    name: "data_value: the option belongs to the indicator's disaggregation",
    run: async (db) =>
      (
        await db
          .selectFrom('data_value as v')
          .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
          .innerJoin('disaggregation_option as o', 'o.id', 'v.option_id')
          .select(['v.id', 'i.code as indicator', 'o.code as option'])
          .whereRef('o.disaggregation_id', '<>', 'i.disaggregation_id')
          .execute()
      ).map(describe),
  },
  {
    name: 'data_value: version ≥ 1',
    run: async (db) =>
      (await db.selectFrom('data_value').select(['id', 'version']).where('version', '<', 1).execute()).map(describe),
  },
  {
    name: 'data_value: one row per indicator × unit × period × option',
    run: async (db) =>
      (
        await db
          .selectFrom('data_value')
          .select(['indicator_id', 'org_unit_id', 'period_id', 'option_id', (eb) => eb.fn.countAll().as('rows')])
          .groupBy(['indicator_id', 'org_unit_id', 'period_id', 'option_id'])
          .having((eb) => eb.fn.countAll(), '>', 1)
          .execute()
      ).map(describe),
  },
  {
    name: 'report: org unit and period exist',
    run: async (db) =>
      (
        await db
          .selectFrom('report as r')
          .leftJoin('org_unit as u', 'u.id', 'r.org_unit_id')
          .leftJoin('period as p', 'p.id', 'r.period_id')
          .select(['r.id', 'r.org_unit_id', 'r.period_id'])
          .where((eb) => eb.or([eb('u.id', 'is', null), eb('p.id', 'is', null)]))
          .execute()
      ).map(describe),
  },
  {
    name: 'report: version ≥ 1 and a known status',
    run: async (db) =>
      (
        await db
          .selectFrom('report')
          .select(['id', 'version', 'status'])
          .where((eb) => eb.or([eb('version', '<', 1), eb('status', 'not in', [...REPORT_STATUSES])]))
          .execute()
      ).map(describe),
  },
  {
    name: 'report: one per unit × period',
    run: async (db) =>
      (
        await db
          .selectFrom('report')
          .select(['org_unit_id', 'period_id', (eb) => eb.fn.countAll().as('rows')])
          .groupBy(['org_unit_id', 'period_id'])
          .having((eb) => eb.fn.countAll(), '>', 1)
          .execute()
      ).map(describe),
  },
  {
    name: 'report: a submitted, approved or accepted report has its submission time',
    run: async (db) =>
      (
        await db
          .selectFrom('report')
          .select(['id', 'status'])
          .where('status', 'in', ['submitted', 'approved', 'accepted'])
          .where('submitted_at', 'is', null)
          .execute()
      ).map(describe),
  },
  {
    name: 'report: an accepted report has its acceptance time',
    run: async (db) =>
      (
        await db
          .selectFrom('report')
          .select(['id', 'status'])
          .where('status', '=', 'accepted')
          .where('accepted_at', 'is', null)
          .execute()
      ).map(describe),
  },
  {
    name: 'report_event: its report exists',
    run: async (db) =>
      (
        await db
          .selectFrom('report_event as e')
          .leftJoin('report as r', 'r.id', 'e.report_id')
          .select(['e.id', 'e.report_id'])
          .where('r.id', 'is', null)
          .execute()
      ).map(describe),
  },
  {
    name: "report: the status is its last event's",
    run: async (db) =>
      (
        await db
          .selectFrom('report as r')
          .innerJoin('report_event as e', 'e.report_id', 'r.id')
          .select(['r.id', 'r.status', 'e.to_status as lastEvent'])
          .where('e.id', '=', (eb) =>
            eb
              .selectFrom('report_event as x')
              .select((x) => x.fn.max('x.id').as('id'))
              .whereRef('x.report_id', '=', 'r.id'),
          )
          .whereRef('e.to_status', '<>', 'r.status')
          .execute()
      ).map(describe),
  },
  {
    name: "org_unit: parent exists, level is the parent's + 1, path is the parent's path + id",
    run: async (db) =>
      (
        await db
          .selectFrom('org_unit as u')
          .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
          .select(['u.id', 'u.code', 'u.level', 'u.path', 'u.parent_id'])
          .where((eb) =>
            eb.or([
              eb.and([eb('u.parent_id', 'is not', null), eb('p.id', 'is', null)]),
              eb.and([eb('u.parent_id', 'is', null), eb('u.level', '<>', 1)]),
              eb('u.level', '<>', eb(eb.ref('p.level'), '+', 1)),
              eb('u.path', '<>', sql<string>`coalesce(${sql.ref('p.path')}, '/') || ${sql.ref('u.id')} || '/'`),
            ]),
          )
          .execute()
      ).map(describe),
  },
];

/** SQLite's own checks: the b-trees and indexes (integrity_check), then every foreign key. */
async function sqliteStructure(db: Kysely<Database>): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const integrity = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows.map(
    (row) => row.integrity_check,
  );
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    problems.push({
      check: 'sqlite: integrity_check',
      count: integrity.length,
      examples: integrity.slice(0, EXAMPLES),
    });
  }
  const orphans = (
    await sql<{ table: string; rowid: number | null; parent: string; fkid: number }>`pragma foreign_key_check`.execute(
      db,
    )
  ).rows;
  if (orphans.length > 0) {
    problems.push({
      check: 'sqlite: foreign_key_check',
      count: orphans.length,
      examples: orphans.slice(0, EXAMPLES).map((row) => `${row.table} rowid=${row.rowid} → ${row.parent}`),
    });
  }
  return problems;
}

/** Every problem found; an empty list means the database passed. */
export async function verifyDatabase(db: Kysely<Database>): Promise<IntegrityProblem[]> {
  const problems = engineOf(db) === 'sqlite' ? await sqliteStructure(db) : [];
  for (const check of CHECKS) {
    const rows = await check.run(db);
    if (rows.length > 0) problems.push({ check: check.name, count: rows.length, examples: rows.slice(0, EXAMPLES) });
  }
  return problems;
}

export const INTEGRITY_CHECK_COUNT = CHECKS.length;
