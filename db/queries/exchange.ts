// Bulk reads and writes for imports and exports: codes → ids in a few queries, multi-row writes,
// and keyset pages for exports that must not hold a whole table in memory. The rules (scope, locks,
// validation) stay in server/services; these functions only move rows.
import type { Kysely } from 'kysely';
import { bulkInsert, bulkUpdate } from '../dialect';
import type {
  AggregationType,
  Database,
  Direction,
  Periodicity,
  PeriodRow,
  ReportStatus,
  TargetType,
  UnitKind,
  UnitTier,
  ValueType,
} from '../schema';
import type { ValueSnapshot } from './audit';
import { APPROVED_STATUSES, type Visibility } from './data-values';

/** Rows per multi-row statement: 13 parameters × 1000 stays far below SQLite's and PostgreSQL's limits. */
const WRITE_CHUNK = 1000;
/** Items per `in (…)` list. */
const LOOKUP_CHUNK = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

// ---- lookups ----

export interface UnitRef {
  id: number;
  code: string;
  kind: UnitKind;
  path: string;
}

export async function findOrgUnitsByCodes(db: Kysely<Database>, codes: readonly string[]): Promise<UnitRef[]> {
  const result: UnitRef[] = [];
  for (const part of chunks([...new Set(codes)], LOOKUP_CHUNK)) {
    result.push(
      ...(await db.selectFrom('org_unit').select(['id', 'code', 'kind', 'path']).where('code', 'in', part).execute()),
    );
  }
  return result;
}

export async function findPeriodsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<PeriodRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const result: PeriodRow[] = [];
  for (const part of chunks(unique, LOOKUP_CHUNK)) {
    result.push(...(await db.selectFrom('period').selectAll().where('id', 'in', part).execute()));
  }
  return result;
}

export interface IndicatorRef {
  id: number;
  code: string;
  valueType: ValueType;
}

export async function listIndicatorRefs(db: Kysely<Database>): Promise<IndicatorRef[]> {
  const rows = await db.selectFrom('indicator').select(['id', 'code', 'value_type']).orderBy('code').execute();
  return rows.map((row) => ({ id: row.id, code: row.code, valueType: row.value_type }));
}

/** Every disaggregation option code in use (DHIS2 category option combos). */
export async function listOptionCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('disaggregation_option').select('code').distinct().execute();
  return rows.map((row) => row.code);
}

export interface ReportingLink {
  unitId: number;
  indicatorId: number;
  tier: UnitTier;
  periodicity: 'quarterly' | 'annual';
  projectStart: string;
  projectEnd: string;
}

/**
 * The raw facts behind "which indicators does a unit report in a quarter" for many units at once:
 * every project covering the unit, with its dates and the tiers of each indicator of its results.
 * `reportsIndicator` in server/services/imports.ts applies the same rule as listReportingIndicators.
 *
 * Read as two small lists — the units' projects, then those projects' indicators — and crossed here:
 * one join from the units would return every project's indicator list once per unit (16,000 rows
 * for 400 municipalities, a quarter of a second on SQLite), where these are a few hundred.
 */
export async function listReportingLinks(db: Kysely<Database>, unitIds: readonly number[]): Promise<ReportingLink[]> {
  const memberships: { unitId: number; projectId: number }[] = [];
  for (const part of chunks([...new Set(unitIds)], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('project_unit')
      .select(['org_unit_id', 'project_id'])
      .where('org_unit_id', 'in', part)
      .execute();
    for (const row of rows) memberships.push({ unitId: row.org_unit_id, projectId: row.project_id });
  }
  const projectIds = [...new Set(memberships.map((membership) => membership.projectId))];
  const linksOf = new Map<number, Omit<ReportingLink, 'unitId'>[]>();
  for (const part of chunks(projectIds, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('project as p')
      .innerJoin('result as r', 'r.project_id', 'p.id')
      .innerJoin('result_indicator as ri', 'ri.result_id', 'r.id')
      .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
      .innerJoin('indicator_tier as it', 'it.indicator_id', 'i.id')
      .select(['p.id as project_id', 'i.id', 'it.tier', 'i.periodicity', 'p.start_date', 'p.end_date'])
      .where('p.id', 'in', part)
      .execute();
    for (const row of rows) {
      const link = {
        indicatorId: row.id,
        tier: row.tier,
        periodicity: row.periodicity,
        projectStart: row.start_date,
        projectEnd: row.end_date,
      };
      const list = linksOf.get(row.project_id);
      if (list) list.push(link);
      else linksOf.set(row.project_id, [link]);
    }
  }
  const result: ReportingLink[] = [];
  for (const { unitId, projectId } of memberships) {
    for (const link of linksOf.get(projectId) ?? []) result.push({ unitId, ...link });
  }
  return result;
}

export interface ReportRef {
  id: number;
  unitId: number;
  periodId: string;
  status: ReportStatus;
}

/** Reports of some units in some periods (every combination that exists). */
export async function listReportsOf(
  db: Kysely<Database>,
  unitIds: readonly number[],
  periodIds: readonly string[],
): Promise<ReportRef[]> {
  const periods = [...new Set(periodIds)];
  if (periods.length === 0) return [];
  const result: ReportRef[] = [];
  for (const part of chunks([...new Set(unitIds)], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('report')
      .select(['id', 'org_unit_id', 'period_id', 'status'])
      .where('org_unit_id', 'in', part)
      .where('period_id', 'in', periods)
      .execute();
    for (const row of rows)
      result.push({ id: row.id, unitId: row.org_unit_id, periodId: row.period_id, status: row.status });
  }
  return result;
}

export interface StoredValueRef {
  id: number;
  indicatorId: number;
  unitId: number;
  periodId: string;
  optionId: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
}

/** The values of some units in some periods, for comparing an import with what is stored. */
export async function listStoredValues(
  db: Kysely<Database>,
  unitIds: readonly number[],
  periodIds: readonly string[],
): Promise<StoredValueRef[]> {
  const periods = [...new Set(periodIds)];
  if (periods.length === 0) return [];
  const result: StoredValueRef[] = [];
  // Fewer units per query: each may have hundreds of values per period.
  for (const part of chunks([...new Set(unitIds)], 200)) {
    const rows = await db
      .selectFrom('data_value')
      .select([
        'id',
        'indicator_id',
        'org_unit_id',
        'period_id',
        'option_id',
        'value',
        'numerator',
        'denominator',
        'comment',
        'version',
      ])
      .where('org_unit_id', 'in', part)
      .where('period_id', 'in', periods)
      .execute();
    for (const row of rows) {
      result.push({
        id: row.id,
        indicatorId: row.indicator_id,
        unitId: row.org_unit_id,
        periodId: row.period_id,
        optionId: row.option_id,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        comment: row.comment,
        version: row.version,
      });
    }
  }
  return result;
}

// ---- writes ----

/**
 * Creates draft reports (each with its 'create' event, as ensureReport does) for unit × period pairs
 * that have none, and returns every pair's report. A pair created meanwhile by someone else is read back.
 */
export async function createDraftReports(
  db: Kysely<Database>,
  pairs: readonly { unitId: number; periodId: string }[],
  actorId: number,
  now: string,
): Promise<ReportRef[]> {
  const created: ReportRef[] = [];
  for (const part of chunks(pairs, 500)) {
    const rows = await db
      .insertInto('report')
      .values(
        part.map((pair) => ({
          org_unit_id: pair.unitId,
          period_id: pair.periodId,
          status: 'draft' as const,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['org_unit_id', 'period_id']).doNothing())
      .returning(['id', 'org_unit_id', 'period_id', 'status'])
      .execute();
    if (rows.length > 0) {
      await db
        .insertInto('report_event')
        .values(
          rows.map((row) => ({
            report_id: row.id,
            action: 'create' as const,
            from_status: null,
            to_status: 'draft' as const,
            actor_id: actorId,
            comment: null,
            created_at: now,
          })),
        )
        .execute();
    }
    for (const row of rows) {
      created.push({ id: row.id, unitId: row.org_unit_id, periodId: row.period_id, status: row.status });
    }
  }
  return created;
}

export interface NewValue extends ValueSnapshot {
  indicatorId: number;
  unitId: number;
  periodId: string;
  optionId: number;
}

/**
 * Inserts new values (version 1) in bulk, for imports and the entry form. A key stored meanwhile by someone
 * else fails the statement on the unique key (isUniqueViolation): it is never overwritten.
 */
export async function insertDataValues(
  db: Kysely<Database>,
  values: Iterable<NewValue>,
  actorId: number,
  now: string,
): Promise<number> {
  return bulkInsert(
    db,
    {
      table: 'data_value',
      columns: [
        { name: 'indicator_id', type: 'integer' },
        { name: 'org_unit_id', type: 'integer' },
        { name: 'period_id', type: 'text' },
        { name: 'option_id', type: 'integer' },
        { name: 'value', type: 'double' },
        { name: 'numerator', type: 'double' },
        { name: 'denominator', type: 'double' },
        { name: 'comment', type: 'text' },
      ],
      constants: [
        { name: 'created_by', type: 'integer', value: actorId },
        { name: 'updated_by', type: 'integer', value: actorId },
        { name: 'created_at', type: 'text', value: now },
        { name: 'updated_at', type: 'text', value: now },
      ],
    },
    values,
    (row, into) => {
      into[0] = row.indicatorId;
      into[1] = row.unitId;
      into[2] = row.periodId;
      into[3] = row.optionId;
      into[4] = row.value;
      into[5] = row.numerator;
      into[6] = row.denominator;
      into[7] = row.comment;
    },
  );
}

export interface ValueChange extends ValueSnapshot {
  id: number;
  /** The stored version this change replaces. */
  expectedVersion: number;
}

/**
 * Updates values in bulk, each only at the version its writer read (the version goes up by one).
 * Returns how many were updated; fewer means someone changed one meanwhile.
 */
export async function updateDataValuesAt(
  db: Kysely<Database>,
  changes: Iterable<ValueChange>,
  actorId: number,
  now: string,
): Promise<number> {
  return bulkUpdate(
    db,
    {
      table: 'data_value',
      set: [
        { name: 'value', type: 'double' },
        { name: 'numerator', type: 'double' },
        { name: 'denominator', type: 'double' },
        { name: 'comment', type: 'text' },
      ],
      match: [
        { name: 'id', type: 'integer' },
        { name: 'version', type: 'integer' },
      ],
      constants: [
        { name: 'updated_by', type: 'integer', value: actorId },
        { name: 'updated_at', type: 'text', value: now },
      ],
      increment: ['version'],
    },
    changes,
    (row, into) => {
      into[0] = row.value;
      into[1] = row.numerator;
      into[2] = row.denominator;
      into[3] = row.comment;
      into[4] = row.id;
      into[5] = row.expectedVersion;
    },
  );
}

/** Deletes values at the versions the import read; returns how many went. */
export async function deleteDataValuesAt(
  db: Kysely<Database>,
  keys: readonly { id: number; version: number }[],
): Promise<number> {
  let deleted = 0;
  for (const part of chunks(keys, WRITE_CHUNK)) {
    const result = await db
      .deleteFrom('data_value')
      .where((eb) =>
        eb(
          eb.refTuple('id', 'version'),
          'in',
          part.map((key) => eb.tuple(key.id, key.version)),
        ),
      )
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** Marks reports as changed (what touchReport does, for many at once). */
export async function touchReports(db: Kysely<Database>, reportIds: readonly number[], now: string): Promise<void> {
  for (const part of chunks([...new Set(reportIds)], LOOKUP_CHUNK)) {
    await db
      .updateTable('report')
      .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
      .where('id', 'in', part)
      .execute();
  }
}

// ---- export pages ----

export interface ExportFilter {
  indicatorIds?: readonly number[] | undefined;
  /** Materialised paths of subtrees, or unit ids, to include; both empty or absent = everywhere. */
  unitPaths?: readonly string[] | undefined;
  unitIds?: readonly number[] | undefined;
  periods?: readonly string[] | undefined;
  visibility: Visibility;
}

export interface ExportRow {
  id: number;
  indicator: string;
  valueType: ValueType;
  orgUnit: string;
  period: string;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  /** E-mail of whoever last changed the value (null when the account is gone). */
  updatedBy: string | null;
  reportStatus: ReportStatus | null;
}

/**
 * One page of values after `afterId`, in id order (keyset pagination: each page is an index range
 * scan, so the thousandth page costs what the first does and nothing is held between pages).
 */
export async function listExportPage(
  db: Kysely<Database>,
  filter: ExportFilter,
  afterId: number,
  limit: number,
): Promise<ExportRow[]> {
  let query = db
    .selectFrom('data_value as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
    .leftJoin('app_user as au', 'au.id', 'dv.updated_by')
    .leftJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .select([
      'dv.id',
      'i.code as indicator',
      'i.value_type',
      'u.code as org_unit',
      'dv.period_id',
      'o.code as option',
      'dv.value',
      'dv.numerator',
      'dv.denominator',
      'dv.comment',
      'dv.created_at',
      'dv.updated_at',
      'au.email',
      'r.status as report_status',
    ])
    .where('dv.id', '>', afterId);
  if (filter.indicatorIds) query = query.where('dv.indicator_id', 'in', [...filter.indicatorIds, -1]);
  const paths = filter.unitPaths ?? [];
  const ids = filter.unitIds ?? [];
  if (paths.length > 0 || ids.length > 0) {
    query = query.where((eb) =>
      eb.or([
        ...paths.map((path) => eb('u.path', 'like', `${path}%`)),
        ...(ids.length > 0 ? [eb('u.id', 'in', [...ids])] : []),
      ]),
    );
  }
  if (filter.periods) query = query.where('dv.period_id', 'in', [...filter.periods, '']);
  const { visibility } = filter;
  if (visibility.kind === 'approved') query = query.where('r.status', 'in', [...APPROVED_STATUSES]);
  if (visibility.kind === 'subtree') {
    query = query.where((eb) =>
      eb.or([eb('r.status', 'in', [...APPROVED_STATUSES]), eb('u.path', 'like', `${visibility.path}%`)]),
    );
  }
  const rows = await query.orderBy('dv.id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    indicator: row.indicator,
    valueType: row.value_type,
    orgUnit: row.org_unit,
    period: row.period_id,
    option: row.option,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.email,
    reportStatus: row.report_status,
  }));
}

/** Every page of an export, fetched one at a time as the consumer asks for it. */
export async function* iterateExport(
  db: Kysely<Database>,
  filter: ExportFilter,
  pageSize = 2000,
): AsyncGenerator<ExportRow[], void, undefined> {
  let afterId = 0;
  for (;;) {
    const page = await listExportPage(db, filter, afterId, pageSize);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]?.id ?? afterId;
  }
}

/** Ids of the indicators in a project's results framework (DHIS2's data set). */
export async function listProjectIndicatorIds(
  db: Kysely<Database>,
  projectCode: string,
): Promise<number[] | undefined> {
  const project = await db.selectFrom('project').select('id').where('code', '=', projectCode).executeTakeFirst();
  if (!project) return undefined;
  const rows = await db
    .selectFrom('result as r')
    .innerJoin('result_indicator as ri', 'ri.result_id', 'r.id')
    .select('ri.indicator_id')
    .distinct()
    .where('r.project_id', '=', project.id)
    .execute();
  return rows.map((row) => row.indicator_id);
}

// ---- metadata ----

export interface IndicatorRecord {
  code: string;
  name: string;
  shortName: string;
  description: string;
  unit: string;
  valueType: ValueType;
  aggregationType: AggregationType;
  direction: Direction;
  periodicity: Periodicity;
  disaggregation: string;
  theme: string | null;
  tiers: UnitTier[];
  countThreshold: number | null;
  stageMax: number | null;
  minValue: number | null;
  maxValue: number | null;
}

/** Every indicator as an import compares it, with whether it has data values. */
export async function listIndicatorRecords(
  db: Kysely<Database>,
): Promise<(IndicatorRecord & { id: number; hasValues: boolean })[]> {
  const [rows, tiers, used] = await Promise.all([
    db
      .selectFrom('indicator as i')
      .innerJoin('disaggregation as d', 'd.id', 'i.disaggregation_id')
      .leftJoin('theme as t', 't.id', 'i.theme_id')
      .selectAll('i')
      .select(['d.code as disaggregation_code', 't.code as theme_code'])
      .execute(),
    db.selectFrom('indicator_tier').select(['indicator_id', 'tier']).execute(),
    db.selectFrom('data_value').select('indicator_id').distinct().execute(),
  ]);
  const usedIds = new Set(used.map((row) => row.indicator_id));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    description: row.description,
    unit: row.unit,
    valueType: row.value_type,
    aggregationType: row.aggregation_type,
    direction: row.direction,
    periodicity: row.periodicity,
    disaggregation: row.disaggregation_code,
    theme: row.theme_code,
    tiers: tiers.filter((tier) => tier.indicator_id === row.id).map((tier) => tier.tier),
    countThreshold: row.count_threshold,
    stageMax: row.stage_max,
    minValue: row.min_value,
    maxValue: row.max_value,
    hasValues: usedIds.has(row.id),
  }));
}

export async function listCodeIds(
  db: Kysely<Database>,
  table: 'disaggregation' | 'theme',
): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

function indicatorColumns(record: IndicatorRecord, ids: { disaggregationId: number; themeId: number | null }) {
  return {
    code: record.code,
    name: record.name,
    short_name: record.shortName,
    description: record.description,
    unit: record.unit,
    value_type: record.valueType,
    aggregation_type: record.aggregationType,
    direction: record.direction,
    periodicity: record.periodicity,
    theme_id: ids.themeId,
    disaggregation_id: ids.disaggregationId,
    count_threshold: record.countThreshold,
    stage_max: record.stageMax,
    min_value: record.minValue,
    max_value: record.maxValue,
  };
}

/** Inserts or updates indicators (by code) and replaces their tiers. */
export async function saveIndicators(
  db: Kysely<Database>,
  records: readonly (IndicatorRecord & { id: number | null; disaggregationId: number; themeId: number | null })[],
  now: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const fresh = records.filter((record) => record.id === null);
  for (const part of chunks(fresh, 200)) {
    const inserted = await db
      .insertInto('indicator')
      .values(part.map((record) => ({ ...indicatorColumns(record, record), created_at: now })))
      .returning(['id', 'code'])
      .execute();
    for (const row of inserted) ids.set(row.code, row.id);
  }
  for (const record of records) {
    if (record.id === null) continue;
    await db.updateTable('indicator').set(indicatorColumns(record, record)).where('id', '=', record.id).execute();
    ids.set(record.code, record.id);
  }
  const all = [...ids.values()];
  for (const part of chunks(all, LOOKUP_CHUNK)) {
    await db.deleteFrom('indicator_tier').where('indicator_id', 'in', part).execute();
  }
  const tiers = records.flatMap((record) =>
    record.tiers.map((tier) => ({ indicator_id: ids.get(record.code) ?? 0, tier })),
  );
  for (const part of chunks(tiers, WRITE_CHUNK)) await db.insertInto('indicator_tier').values(part).execute();
  return ids;
}

export interface TargetRef {
  indicatorId: number;
  unitId: number;
  type: TargetType;
  periodId: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export async function listTargetsOf(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
  unitIds: readonly number[],
): Promise<TargetRef[]> {
  if (indicatorIds.length === 0 || unitIds.length === 0) return [];
  const result: TargetRef[] = [];
  for (const part of chunks([...new Set(unitIds)], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('target')
      .select(['indicator_id', 'org_unit_id', 'type', 'period_id', 'value', 'numerator', 'denominator'])
      .where('indicator_id', 'in', [...new Set(indicatorIds)])
      .where('org_unit_id', 'in', part)
      .execute();
    for (const row of rows) {
      result.push({
        indicatorId: row.indicator_id,
        unitId: row.org_unit_id,
        type: row.type,
        periodId: row.period_id,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
      });
    }
  }
  return result;
}

export async function upsertTargets(db: Kysely<Database>, targets: readonly TargetRef[]): Promise<void> {
  for (const part of chunks(targets, WRITE_CHUNK)) {
    await db
      .insertInto('target')
      .values(
        part.map((target) => ({
          indicator_id: target.indicatorId,
          org_unit_id: target.unitId,
          type: target.type,
          period_id: target.periodId,
          value: target.value,
          numerator: target.numerator,
          denominator: target.denominator,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'org_unit_id', 'type', 'period_id']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
        })),
      )
      .execute();
  }
}

export interface UnitWithParent extends UnitRef {
  name: string;
  level: number;
  parentCode: string | null;
}

export async function findUnitsWithParents(db: Kysely<Database>, codes: readonly string[]): Promise<UnitWithParent[]> {
  const result: UnitWithParent[] = [];
  for (const part of chunks([...new Set(codes)], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('org_unit as u')
      .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
      .select(['u.id', 'u.code', 'u.kind', 'u.path', 'u.name', 'u.level', 'p.code as parent_code'])
      .where('u.code', 'in', part)
      .execute();
    for (const row of rows) {
      result.push({
        id: row.id,
        code: row.code,
        kind: row.kind,
        path: row.path,
        name: row.name,
        level: row.level,
        parentCode: row.parent_code,
      });
    }
  }
  return result;
}

export async function renameOrgUnit(db: Kysely<Database>, id: number, name: string): Promise<void> {
  await db.updateTable('org_unit').set({ name }).where('id', '=', id).execute();
}

/** Replaces a unit's boundary (a GeoJSON geometry). */
export async function replaceBoundary(
  db: Kysely<Database>,
  orgUnitId: number,
  geometry: unknown,
  source: string,
): Promise<void> {
  await db.deleteFrom('org_unit_boundary').where('org_unit_id', '=', orgUnitId).execute();
  await db
    .insertInto('org_unit_boundary')
    .values({ org_unit_id: orgUnitId, geometry: JSON.stringify(geometry), source })
    .execute();
}
