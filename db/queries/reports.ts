// Quarterly reports: which indicators a unit reports, its values, the report's state and history.
import type { Kysely } from 'kysely';
import type { Database, ReportAction, ReportRow, ReportStatus, UnitTier, ValueType } from '../schema';

type ReportingUnit = { id: number; tier: UnitTier };
type ReportingPeriod = { startDate: string; endDate: string; quarter: number | null };

/**
 * The rule of who reports what: indicators in the results of projects that cover the unit and run
 * during the quarter, reported at the unit's tier, in the projects' order (annual ones are left to
 * the caller, which keeps them only in Q4).
 */
function reportingLinks(db: Kysely<Database>, unit: ReportingUnit, period: ReportingPeriod) {
  return db
    .selectFrom('project_unit as pu')
    .innerJoin('project as p', 'p.id', 'pu.project_id')
    .innerJoin('result as r', 'r.project_id', 'p.id')
    .innerJoin('result_indicator as ri', 'ri.result_id', 'r.id')
    .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
    .innerJoin('indicator_tier as it', (join) =>
      join.onRef('it.indicator_id', '=', 'i.id').on('it.tier', '=', unit.tier),
    )
    .where('pu.org_unit_id', '=', unit.id)
    .where('p.start_date', '<=', period.endDate)
    .where('p.end_date', '>=', period.startDate)
    .orderBy('p.code')
    .orderBy('r.sort_order')
    .orderBy('ri.sort_order');
}

/**
 * The indicators a unit reports for a quarter: those in the results of projects that cover the unit
 * and run during the quarter, reported at the unit's tier. Annual indicators only in Q4.
 */
export async function listReportingIndicators(
  db: Kysely<Database>,
  unit: ReportingUnit,
  period: ReportingPeriod,
): Promise<{ indicatorId: number; code: string; projectCode: string; projectId: number }[]> {
  const rows = await reportingLinks(db, unit, period)
    .select(['i.id', 'i.code', 'i.periodicity', 'p.code as project_code', 'p.id as project_id'])
    .execute();
  const seen = new Set<number>();
  const result = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    if (row.periodicity === 'annual' && period.quarter !== 4) continue;
    seen.add(row.id);
    result.push({ indicatorId: row.id, code: row.code, projectCode: row.project_code, projectId: row.project_id });
  }
  return result;
}

/** An indicator of a unit's form as saving checks a value against it: its type and its options' ids. */
export interface FormIndicator {
  id: number;
  code: string;
  valueType: ValueType;
  stageMax: number | null;
  /** Option code → id, in the disaggregation's order. */
  options: Map<string, number>;
}

/**
 * What saving a unit's quarterly form checks values against, in one statement: the indicators of
 * listReportingIndicators (the same rule), each with its value type and disaggregation options.
 */
export async function listFormIndicators(
  db: Kysely<Database>,
  unit: ReportingUnit,
  period: ReportingPeriod,
): Promise<Map<string, FormIndicator>> {
  const rows = await reportingLinks(db, unit, period)
    .innerJoin('disaggregation_option as o', 'o.disaggregation_id', 'i.disaggregation_id')
    .select(['i.id', 'i.code', 'i.periodicity', 'i.value_type', 'i.stage_max', 'o.id as option_id', 'o.code as option'])
    .orderBy('o.sort_order')
    .execute();
  const result = new Map<string, FormIndicator>();
  for (const row of rows) {
    if (row.periodicity === 'annual' && period.quarter !== 4) continue;
    let indicator = result.get(row.code);
    if (!indicator) {
      indicator = {
        id: row.id,
        code: row.code,
        valueType: row.value_type,
        stageMax: row.stage_max,
        options: new Map(),
      };
      result.set(row.code, indicator);
    }
    indicator.options.set(row.option, row.option_id);
  }
  return result;
}

export async function findReport(
  db: Kysely<Database>,
  unitId: number,
  periodId: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('report')
    .selectAll()
    .where('org_unit_id', '=', unitId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
}

export interface StoredValue {
  id: number;
  indicatorId: number;
  indicator: string;
  optionId: number;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A unit's values for one period, with codes and the name of who last changed each. */
export async function listUnitValues(db: Kysely<Database>, unitId: number, periodId: string): Promise<StoredValue[]> {
  const rows = await db
    .selectFrom('data_value as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
    .leftJoin('app_user as u', 'u.id', 'dv.updated_by')
    .select([
      'dv.id',
      'dv.indicator_id',
      'i.code as indicator',
      'dv.option_id',
      'o.code as option',
      'dv.value',
      'dv.numerator',
      'dv.denominator',
      'dv.comment',
      'dv.version',
      'dv.updated_at',
      'u.name as updated_by',
    ])
    .where('dv.org_unit_id', '=', unitId)
    .where('dv.period_id', '=', periodId)
    .orderBy('i.code')
    .orderBy('o.sort_order')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    indicatorId: row.indicator_id,
    indicator: row.indicator,
    optionId: row.option_id,
    option: row.option,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    comment: row.comment,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

export async function listUnitTargets(
  db: Kysely<Database>,
  unitId: number,
  year: number,
): Promise<{ indicator: string; type: 'baseline' | 'target'; year: string; value: number }[]> {
  const rows = await db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .select(['i.code', 't.type', 't.period_id', 't.value'])
    .where('t.org_unit_id', '=', unitId)
    .where((eb) => eb.or([eb('t.type', '=', 'baseline'), eb('t.period_id', '=', String(year))]))
    .execute();
  return rows.map((row) => ({ indicator: row.code, type: row.type, year: row.period_id, value: row.value }));
}

export interface ReportEventItem {
  action: ReportAction;
  from: ReportStatus | null;
  to: ReportStatus;
  actor: string | null;
  comment: string | null;
  at: string;
}

export async function listReportEvents(db: Kysely<Database>, reportId: number): Promise<ReportEventItem[]> {
  const rows = await db
    .selectFrom('report_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.from_status', 'e.to_status', 'u.name', 'e.comment', 'e.created_at'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    from: row.from_status,
    to: row.to_status,
    actor: row.name,
    comment: row.comment,
    at: row.created_at,
  }));
}

/** Creates the draft report for a unit and quarter (with its 'create' event) when there is none. */
export async function ensureReport(
  db: Kysely<Database>,
  unitId: number,
  periodId: string,
  actorId: number,
  now: string,
): Promise<ReportRow> {
  const existing = await findReport(db, unitId, periodId);
  if (existing) return existing;
  const created = await createReport(db, unitId, periodId, actorId, now);
  if (created) return created;
  // Created by someone else between the two statements.
  const theirs = await findReport(db, unitId, periodId);
  if (!theirs) throw new Error(`report ${unitId}/${periodId} neither found nor created`);
  return theirs;
}

/**
 * Creates the draft report for a unit and quarter with its 'create' event; undefined when it exists
 * already (nothing is written then). Call it inside a transaction, as the event needs the report.
 */
export async function createReport(
  db: Kysely<Database>,
  unitId: number,
  periodId: string,
  actorId: number,
  now: string,
): Promise<ReportRow | undefined> {
  const report = await db
    .insertInto('report')
    .values({ org_unit_id: unitId, period_id: periodId, status: 'draft', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['org_unit_id', 'period_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!report) return undefined;
  await db
    .insertInto('report_event')
    .values({
      report_id: report.id,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      actor_id: actorId,
      comment: null,
      created_at: now,
    })
    .execute();
  return report;
}

export interface Transition {
  action: ReportAction;
  from: ReportStatus;
  to: ReportStatus;
  actorId: number;
  comment: string | null;
  /** A reviewer's notes on single fields (returns only), attached to the event. */
  notes?: readonly { indicatorId: number; comment: string }[];
}

/**
 * Moves a report from one state to the next, only if it is still in `from` (a concurrent reviewer
 * may have moved it first); returns false when it was not. Records the event.
 */
export async function transitionReport(
  db: Kysely<Database>,
  reportId: number,
  transition: Transition,
  now: string,
): Promise<boolean> {
  const { to } = transition;
  const result = await db
    .updateTable('report')
    .set((eb) => ({
      status: to,
      last_comment: transition.comment,
      updated_at: now,
      version: eb('version', '+', 1),
      ...(to === 'submitted' && { submitted_at: now }),
      ...(to === 'approved' && transition.from === 'submitted' && { approved_at: now }),
      ...(to === 'accepted' && { accepted_at: now }),
      // Sent back for changes: the earlier approval no longer stands.
      ...(to === 'returned' && { approved_at: null, accepted_at: null }),
      ...(to === 'approved' && transition.from === 'accepted' && { accepted_at: null }),
    }))
    .where('id', '=', reportId)
    .where('status', '=', transition.from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  const event = await db
    .insertInto('report_event')
    .values({
      report_id: reportId,
      action: transition.action,
      from_status: transition.from,
      to_status: to,
      actor_id: transition.actorId,
      comment: transition.comment,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const notes = transition.notes ?? [];
  if (notes.length > 0) {
    await db
      .insertInto('report_event_note')
      .values(
        notes.map((note) => ({ report_event_id: event.id, indicator_id: note.indicatorId, comment: note.comment })),
      )
      .execute();
  }
  return true;
}

export interface ReturnNote {
  indicator: string;
  comment: string;
  actor: string | null;
  at: string;
}

/**
 * The field notes of the report's latest return, while they still stand: until the report is
 * submitted again. Empty when it was never returned or has been resubmitted since.
 */
export async function listStandingReturnNotes(db: Kysely<Database>, reportId: number): Promise<ReturnNote[]> {
  const latest = await db
    .selectFrom('report_event')
    .select(['id', 'action'])
    .where('report_id', '=', reportId)
    .where('action', 'in', ['return', 'submit'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.action !== 'return') return [];
  const rows = await db
    .selectFrom('report_event_note as n')
    .innerJoin('report_event as e', 'e.id', 'n.report_event_id')
    .innerJoin('indicator as i', 'i.id', 'n.indicator_id')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['i.code', 'n.comment', 'u.name', 'e.created_at'])
    .where('n.report_event_id', '=', latest.id)
    .orderBy('i.code')
    .execute();
  return rows.map((row) => ({ indicator: row.code, comment: row.comment, actor: row.name, at: row.created_at }));
}

/** Marks a report as changed; returns it as it now stands. */
export async function touchReport(db: Kysely<Database>, reportId: number, now: string): Promise<ReportRow> {
  return db
    .updateTable('report')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', reportId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ValueWrite {
  indicatorId: number;
  optionId: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export interface ReportListItem {
  orgUnit: { code: string; name: string; kind: string };
  period: string;
  status: ReportStatus;
  lastComment: string | null;
  submittedAt: string | null;
  updatedAt: string;
  deadline: string | null;
  values: number;
}

export interface ReportFilter {
  path: string | null;
  periods?: readonly string[] | undefined;
  statuses?: readonly ReportStatus[] | undefined;
}

/** The reports a filter selects: units within a subtree (materialised path), periods, statuses. */
function filteredReports(db: Kysely<Database>, filter: ReportFilter) {
  let query = db.selectFrom('report as r').innerJoin('org_unit as u', 'u.id', 'r.org_unit_id');
  if (filter.path !== null) query = query.where('u.path', 'like', `${filter.path}%`);
  if (filter.periods?.length) query = query.where('r.period_id', 'in', [...filter.periods]);
  if (filter.statuses?.length) query = query.where('r.status', 'in', [...filter.statuses]);
  return query;
}

/** How many reports a filter selects, for a review queue that lists only the first `limit`. */
export async function countReports(db: Kysely<Database>, filter: ReportFilter): Promise<number> {
  const row = await filteredReports(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Reports of units within a subtree (materialised path), for the review queue: latest period first. */
export async function listReports(
  db: Kysely<Database>,
  filter: ReportFilter & { limit: number },
): Promise<ReportListItem[]> {
  const query = filteredReports(db, filter)
    .innerJoin('period as p', 'p.id', 'r.period_id')
    .select([
      'u.code',
      'u.name',
      'u.kind',
      'r.period_id',
      'r.status',
      'r.last_comment',
      'r.submitted_at',
      'r.updated_at',
      'p.deadline',
    ])
    .select((eb) =>
      eb
        .selectFrom('data_value as dv')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('dv.org_unit_id', '=', 'r.org_unit_id')
        .whereRef('dv.period_id', '=', 'r.period_id')
        .as('values'),
    );
  const rows = await query.orderBy('r.period_id', 'desc').orderBy('u.name').limit(filter.limit).execute();
  return rows.map((row) => ({
    orgUnit: { code: row.code, name: row.name, kind: row.kind },
    period: row.period_id,
    status: row.status,
    lastComment: row.last_comment,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    deadline: row.deadline,
    values: Number(row.values ?? 0),
  }));
}
