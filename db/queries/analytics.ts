// Live analytics: indicators aggregated up the org-unit tree and over quarters, straight from
// data_value at request time. One or two SQL statements do it whatever the tree's size:
// the database reduces values to one row per unit (GROUP BY), then to one row per breakdown bucket;
// only those few bucket rows reach TypeScript, where each aggregation type gets its meaning.
//
// The three levels, for every aggregation type:
//   1. cell   — one unit × quarter (× option key): a disaggregated indicator's options are combined,
//               added for additive types (sum, ratio, max: the options partition the total), averaged
//               for the others (average, last, count), where adding states would make no sense.
//   2. series — one unit (× option key, or × quarter for a breakdown by period) over the quarters:
//               sum → Σ; max → max; average → the unit's mean over the quarters it reported;
//               ratio → Σ numerator and Σ denominator; last, count → the value of its latest quarter.
//   3. bucket — the units of a child's subtree (or of a unit of a requested level: every municipality
//               of a region, across its provinces), a quarter, an option, or everything:
//               sum → Σ; max → max; average → mean over units that reported (no zeros for gaps);
//               last → mean stage and units per stage; count → units whose latest value ≥ threshold
//               (and their share of units reporting); ratio → Σ numerator / Σ denominator × 100.
//
// Baselines and targets are yearly rows per unit; they run through the same three levels after being
// spread over the quarters of the range (a quarterly sum indicator's yearly target counts ¼ per
// quarter, an annual indicator's only in Q4), so a half-year's target is half the year's. Intensive
// types (average, last, ratio) compare like with like: their targets cover exactly the unit-quarters
// that reported. Extensive types (sum, max, count) take every unit in scope that has a target: a unit
// that did not report has made no recorded progress. A ratio target is a percentage; it is weighted by
// the unit's actual denominator, i.e. the ratio the bucket would have if each unit had hit its own target.
//
// Several indicators share those statements when they share an aggregation type and a periodicity
// (the two things that shape the SQL; each row carries its indicator id), so a request for any number
// of indicators and units costs one or two statements per such shape — at most a dozen, never one per
// indicator or per unit.
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type QueryCreator,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import {
  type AggregationType,
  type Database,
  type Direction,
  type Locale,
  type Periodicity,
  UNIT_KINDS,
  type UnitKind,
} from '../schema';
import { APPROVED_STATUSES, type Visibility } from './data-values';
import { findTranslations, pick } from './translations';

export const BREAKDOWNS = ['none', 'unit', 'period', 'option'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface AnalyticsIndicator {
  id: number;
  code: string;
  aggregationType: AggregationType;
  periodicity: Periodicity;
  direction: Direction;
  countThreshold: number | null;
  stageMax: number | null;
  disaggregationId: number;
}

/** The indicators of some codes (unknown codes are simply absent), in no particular order. */
export async function findAnalyticsIndicators(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<AnalyticsIndicator[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('indicator')
    .select([
      'id',
      'code',
      'aggregation_type',
      'periodicity',
      'direction',
      'count_threshold',
      'stage_max',
      'disaggregation_id',
    ])
    .where('code', 'in', [...codes])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    aggregationType: row.aggregation_type,
    periodicity: row.periodicity,
    direction: row.direction,
    countThreshold: row.count_threshold,
    stageMax: row.stage_max,
    disaggregationId: row.disaggregation_id,
  }));
}

/** The unit whose subtree is aggregated. */
export interface AnalyticsScope {
  id: number;
  path: string;
  level: number;
}

export interface AnalyticsQuery {
  /** Any number of indicators, of any types: each gets its own figures. */
  indicators: readonly AnalyticsIndicator[];
  /** The unit whose subtree is aggregated; null for the whole programme (its children are the countries). */
  scope: AnalyticsScope | null;
  /** Quarter ids, at least one. */
  quarters: readonly string[];
  by: Breakdown;
  /**
   * With by = 'unit': buckets are the units of this kind below the scope (e.g. every municipality of
   * a region, across its provinces) instead of the scope's children.
   */
  level?: UnitKind | undefined;
  /** With by = 'option': collapse the disaggregation to this category's options (e.g. 'SEX'). */
  category?: string | undefined;
  /** Only the values, baselines and targets of the units this project covers (project_unit). */
  projectId?: number | undefined;
  visibility: Visibility;
}

export interface StageCount {
  stage: number;
  units: number;
}

export interface Figure {
  /** The aggregate in the indicator's own meaning; null when no unit reported. */
  value: number | null;
  /** Ratio indicators: Σ numerator and Σ denominator behind the value. */
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
  /** Count indicators: units whose latest value meets the threshold (the value), and their share (%). */
  unitsMeeting: number | null;
  share: number | null;
  /** Stage indicators: units per stage, every stage from 0 to the highest. */
  distribution: StageCount[];
  /** Data values that went into the figure, and how many of them come from reports not yet approved. */
  values: number;
  unapprovedValues: number;
  baseline: number | null;
  target: number | null;
  /** Percent of target: actual / target × 100 when higher is better, target / actual × 100 when lower is. */
  progress: number | null;
}

export interface Aggregate {
  total: Figure;
  /**
   * Figures by bucket: a child unit's code (null: the scope unit's own values, apart from its
   * children's), a quarter id, or an option code (category option code with `category`).
   * Buckets without values or targets are absent.
   */
  rows: Map<string | null, Figure>;
}

/** Figures of every indicator of the query, by indicator code. */
export async function aggregateIndicators(
  db: Kysely<Database>,
  query: AnalyticsQuery,
): Promise<Map<string, Aggregate>> {
  const shapes = new Map<string, AnalyticsIndicator[]>();
  for (const indicator of query.indicators) {
    const key = `${indicator.aggregationType}/${indicator.periodicity}`;
    shapes.set(key, [...(shapes.get(key) ?? []), indicator]);
  }
  const result = new Map<string, Aggregate>();
  await Promise.all(
    [...shapes.values()].map(async (indicators) => {
      for (const [code, aggregate] of await aggregateShape(db, query, indicators)) result.set(code, aggregate);
    }),
  );
  return result;
}

/** Indicators of one aggregation type and periodicity: one statement, two for a breakdown by period or option. */
async function aggregateShape(
  db: Kysely<Database>,
  query: AnalyticsQuery,
  indicators: readonly AnalyticsIndicator[],
): Promise<Map<string, Aggregate>> {
  const shape = shapeOf(indicators);
  // A breakdown by unit partitions the units, so its total is merged from the rows; by period or
  // option it is not (a unit's average over time is not the average of its quarters' averages).
  const [breakdown, totalRows] = await Promise.all([
    bucketAggregates(db, query, shape, query.by),
    query.by === 'period' || query.by === 'option' ? bucketAggregates(db, query, shape, 'none') : undefined,
  ]);
  const result = new Map<string, Aggregate>();
  for (const indicator of indicators) {
    const buckets = breakdown.get(indicator.id) ?? new Map<string | null, KindAggregates>();
    const totals = mergeBuckets(totalRows ? (totalRows.get(indicator.id) ?? new Map()) : buckets);
    const rows = new Map<string | null, Figure>();
    for (const [bucket, kinds] of buckets) rows.set(bucket, toFigure(indicator, kinds));
    result.set(indicator.code, { total: toFigure(indicator, totals), rows });
  }
  return result;
}

/** The total of an empty selection: nothing reported, no target. */
export function emptyFigure(indicator: Pick<AnalyticsIndicator, 'aggregationType' | 'stageMax' | 'direction'>): Figure {
  return toFigure(indicator, {});
}

// ---- the units of a breakdown ----

/** A row of a breakdown by unit. */
export interface BreakdownUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

export interface BreakdownUnitFilter {
  scope: AnalyticsScope | null;
  /** The units of this kind below the scope; without it, the scope's children. */
  level?: UnitKind | undefined;
  /** Only units the project covers, or above a unit it covers. */
  projectId?: number | undefined;
  locale: Locale;
}

/** The rows of a breakdown by unit, by name, whether or not they have data. */
export async function listBreakdownUnits(db: Kysely<Database>, filter: BreakdownUnitFilter): Promise<BreakdownUnit[]> {
  const { scope, level, projectId } = filter;
  let query = db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as parent', 'parent.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'parent.code as parent_code']);
  if (level === undefined) {
    query = scope === null ? query.where('u.parent_id', 'is', null) : query.where('u.parent_id', '=', scope.id);
  } else {
    query = query.where('u.kind', '=', level);
    if (scope !== null) query = query.where('u.path', 'like', `${scope.path}%`).where('u.id', '<>', scope.id);
  }
  if (projectId !== undefined) {
    // The unit is covered, or a covered unit is in its subtree.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_unit as pu')
          .innerJoin('org_unit as cu', 'cu.id', 'pu.org_unit_id')
          .select('pu.org_unit_id')
          .where('pu.project_id', '=', projectId)
          .where((inner) =>
            inner(
              inner.fn<string>('substr', ['cu.path', inner.lit(1), inner.fn<number>('length', ['u.path'])]),
              '=',
              inner.ref('u.path'),
            ),
          ),
      ),
    );
  }
  const rows = await query.orderBy('u.name').orderBy('u.code').execute();
  const names = await findTranslations(
    db,
    'org_unit',
    rows.map((row) => row.id),
    filter.locale,
  );
  return rows.map((row) => ({
    code: row.code,
    name: pick(names, row.id, 'name', row.name),
    kind: row.kind,
    parentCode: row.parent_code,
  }));
}

/** A project to restrict a breakdown to, its name in the reader's language; undefined when unknown. */
export async function findAnalyticsProject(
  db: Kysely<Database>,
  code: string,
  locale: Locale,
): Promise<{ id: number; code: string; name: string } | undefined> {
  const row = await db.selectFrom('project').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const names = await findTranslations(db, 'project', [row.id], locale);
  return { id: row.id, code: row.code, name: pick(names, row.id, 'name', row.name) };
}

/** The kinds of unit below a unit (below the programme root: all of them), top down. */
export async function listKindsBelow(db: Kysely<Database>, scope: AnalyticsScope | null): Promise<UnitKind[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select('kind')
    .distinct()
    .$if(scope !== null, (qb) => qb.where('path', 'like', `${scope?.path}%`).where('id', '<>', scope?.id ?? 0))
    .execute();
  const kinds = new Set(rows.map((row) => row.kind));
  return UNIT_KINDS.filter((kind) => kinds.has(kind));
}

// ---- the SQL pipeline ----

type Kind = 'actual' | 'target' | 'baseline';

/** Indicators that go through one statement: the same aggregation type and periodicity. */
interface Shape {
  type: AggregationType;
  periodicity: Periodicity;
  ids: number[];
  disaggregationIds: number[];
}

function shapeOf(indicators: readonly AnalyticsIndicator[]): Shape {
  const [first] = indicators;
  if (!first) throw new Error('an analytics shape needs at least one indicator');
  return {
    type: first.aggregationType,
    periodicity: first.periodicity,
    ids: indicators.map((indicator) => indicator.id),
    disaggregationIds: [...new Set(indicators.map((indicator) => indicator.disaggregationId))],
  };
}

/** Columns of one cell, series or bucket row as the SQL levels pass them on. */
interface LevelRow {
  indicator_id: number;
  unit_id: number;
  key: string;
  kind: string;
  v: number;
  num: number | null;
  den: number | null;
  n: number;
  nu: number;
}
type CellRow = LevelRow & { period_id: string };
type RawCellRow = Omit<CellRow, 'kind' | 'nu'> & { approved: number };
type BucketedRow = Omit<LevelRow, 'unit_id' | 'key'> & { bucket: string | null };

type WithRawCell = Database & { raw_cell: RawCellRow };
type WithCell = WithRawCell & { cell: CellRow };
/** A target or baseline row, as far as the pipeline reads it. */
type ReferenceRow = Pick<Database['target'], 'indicator_id' | 'org_unit_id' | 'type' | 'value'>;
type QuarterRow = { id: string; year: number };
type WithReferences = WithCell & { range_quarter: QuarterRow; baseline: ReferenceRow };
type WithAll = WithReferences & { all_cell: CellRow };
type WithLatest = WithAll & { latest: Pick<CellRow, 'indicator_id' | 'unit_id' | 'key' | 'kind' | 'period_id'> };
type WithSeries = WithLatest & { series: LevelRow };

/** The key of cells when options are not broken down: one constant for every cell. */
const ALL_OPTIONS = 'all';

const ADDITIVE: ReadonlySet<AggregationType> = new Set(['sum', 'ratio', 'max']);
const STATES: ReadonlySet<AggregationType> = new Set(['last', 'count']);
/**
 * Extensive types whose series of a reference (target or baseline) follows from the yearly rows
 * without spreading them over quarters: a unit's Σ over the range, or its max.
 */
const UNSPREAD: ReadonlySet<AggregationType> = new Set(['sum', 'max']);
/** Means over units: their targets cover the same unit-quarters as the actual figure. */
const INTENSIVE: ReadonlySet<AggregationType> = new Set(['average', 'last', 'ratio']);

interface RawAggregate {
  units: number;
  sum: number | null;
  max: number | null;
  /** Mean over units (weighted by units when buckets merge). */
  mean: number | null;
  numerator: number | null;
  denominator: number | null;
  values: number;
  unapproved: number;
  meeting: number;
  stages: Map<number, number>;
}
type KindAggregates = Partial<Record<Kind, RawAggregate>>;

/** Raw aggregates by indicator id, then by bucket. */
type ShapeAggregates = Map<number, Map<string | null, KindAggregates>>;

async function bucketAggregates(
  db: Kysely<Database>,
  query: AnalyticsQuery,
  shape: Shape,
  by: Breakdown,
): Promise<ShapeAggregates> {
  const { type } = shape;
  // Targets are per unit and year, never per option: an option breakdown has none. An annual
  // indicator's value and yearly target both sit in Q4.
  const referenceQuarters = query.quarters.filter(
    (quarter) => shape.periodicity !== 'annual' || quarter.endsWith('Q4'),
  );
  const withReferences = by !== 'option' && referenceQuarters.length > 0;
  // Sum and max references over quarters that are not buckets: straight to one row per unit (below).
  const compact = withReferences && by !== 'period' && UNSPREAD.has(type);

  const rows = await db
    .with('raw_cell', (qc) => rawCellQuery(qc, query, shape, by))
    // With targets it is read three times (as values, and joined to targets and baselines): computed
    // once then. Inlined, SQLite re-evaluated it per target row (27× slower for a country over 24 quarters).
    .with(
      (cte) => (withReferences && !compact ? cte('cell').materialized() : cte('cell')),
      (qc) => visibleCellQuery(qc, query.visibility),
    )
    .with(
      (cte) => cte('range_quarter').materialized(),
      (qc) =>
        qc
          .selectFrom('period')
          .select(['id', 'year'])
          .where('type', '=', 'quarter')
          .where('id', 'in', referenceQuarters.length > 0 ? [...referenceQuarters] : ['']),
    )
    .with(
      (cte) => cte('baseline').materialized(),
      (qc) => latestBaselineQuery(qc, query, shape),
    )
    // Only the states read it twice (their latest quarter, then the series): otherwise it is inlined,
    // as both engines would not do on their own while `latest` names it (a 36,000-row copy for the
    // programme over 24 quarters, about half the statement's time on PostgreSQL).
    .with(
      (cte) => (STATES.has(type) ? cte('all_cell') : cte('all_cell').notMaterialized()),
      (qc): Expression<CellRow> => {
        const actual = qc
          .selectFrom('cell')
          .select(['indicator_id', 'unit_id', 'period_id', 'key', 'kind', 'v', 'num', 'den', 'n', 'nu']);
        return withReferences && !compact
          ? actual.unionAll(referenceCellQuery(qc, query, shape, by, referenceQuarters))
          : actual;
      },
    )
    .with('latest', (qc) =>
      qc
        .selectFrom('all_cell')
        .select((eb) => ['indicator_id', 'unit_id', 'key', 'kind', eb.fn.max<string>('period_id').as('period_id')])
        .groupBy(['indicator_id', 'unit_id', 'key', 'kind']),
    )
    .with('series', (qc): Expression<LevelRow> => {
      const actual = seriesQuery(qc, type);
      return compact ? actual.unionAll(referenceSeriesQuery(qc, query, shape, referenceQuarters)) : actual;
    })
    .with('bucketed', (qc) => bucketedQuery(qc, query, by))
    .selectFrom('bucketed as b')
    // Count indicators of one statement may have different thresholds.
    .innerJoin('indicator as i', 'i.id', 'b.indicator_id')
    .select((eb) => [
      'b.indicator_id',
      'b.bucket',
      'b.kind',
      eb.fn.countAll<number | string>().as('units'),
      eb.fn.sum<number | string | null>('b.v').as('v_sum'),
      eb.fn.max<number | null>('b.v').as('v_max'),
      eb.fn.avg<number | string | null>('b.v').as('v_avg'),
      eb.fn.sum<number | string | null>('b.num').as('num'),
      eb.fn.sum<number | string | null>('b.den').as('den'),
      eb.fn.sum<number | string | null>('b.n').as('n'),
      eb.fn.sum<number | string | null>('b.nu').as('nu'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when('b.v', '>=', eb.fn.coalesce('i.count_threshold', eb.lit(1)))
            .then(1)
            .else(0)
            .end(),
        )
        .as('meeting'),
    ])
    .groupBy(['b.indicator_id', 'b.bucket', 'b.kind'])
    .$if(type === 'last', (qb) => qb.select('b.v as stage').groupBy('b.v'))
    .execute();

  const result: ShapeAggregates = new Map();
  for (const row of rows) {
    const kind = asKind(row.kind);
    const units = Number(row.units);
    const raw: RawAggregate = {
      units,
      sum: nullableNumber(row.v_sum),
      max: nullableNumber(row.v_max),
      mean: nullableNumber(row.v_avg),
      numerator: nullableNumber(row.num),
      denominator: nullableNumber(row.den),
      values: Number(row.n ?? 0),
      unapproved: Number(row.nu ?? 0),
      meeting: Number(row.meeting ?? 0),
      stages: row.stage == null ? new Map() : new Map([[Number(row.stage), units]]),
    };
    const buckets = result.get(row.indicator_id) ?? new Map<string | null, KindAggregates>();
    const kinds = buckets.get(row.bucket) ?? {};
    const existing = kinds[kind];
    // 'last' comes back one row per stage: fold them into one aggregate per bucket.
    kinds[kind] = existing ? mergeRaw(existing, raw) : raw;
    buckets.set(row.bucket, kinds);
    result.set(row.indicator_id, buckets);
  }
  return result;
}

/**
 * Level 1: one row per indicator × unit × quarter × option key, the options combined by the type's
 * rule. Without an option breakdown these are the stored cells of the value_cell roll-up (kept in
 * every write's transaction: db/queries/value-cells.ts); an option breakdown groups the values
 * themselves by option key. The scope is an id list (not a join on org_unit), so the keys that lead
 * with indicator and quarter serve any subtree.
 */
function rawCellQuery(
  qc: QueryCreator<Database>,
  query: AnalyticsQuery,
  shape: Shape,
  by: Breakdown,
): Expression<RawCellRow> {
  const additive = ADDITIVE.has(shape.type);
  if (by !== 'option') {
    return inScope(
      qc
        .selectFrom('value_cell as dv')
        .where('dv.indicator_id', 'in', shape.ids)
        .where('dv.period_id', 'in', [...query.quarters]),
      query,
      'dv',
    ).select((eb) => [
      'dv.indicator_id',
      'dv.org_unit_id as unit_id',
      'dv.period_id',
      (by === 'period' ? eb.ref('dv.period_id') : eb.cast<string>(eb.val(ALL_OPTIONS), 'text')).as('key'),
      (additive ? eb.ref('dv.value_sum') : eb(eb.ref('dv.value_sum'), '/', eb.ref('dv.value_count'))).as('v'),
      'dv.numerator_sum as num',
      'dv.denominator_sum as den',
      'dv.value_count as n',
      'dv.approved',
    ]);
  }
  return inScope(
    qc
      .selectFrom('data_value as dv')
      .where('dv.indicator_id', 'in', shape.ids)
      .where('dv.period_id', 'in', [...query.quarters]),
    query,
    'dv',
  )
    .innerJoin(optionKeys(qc, shape.disaggregationIds, query.category), (join) =>
      join.onRef('k.option_id', '=', 'dv.option_id'),
    )
    .leftJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .select((eb) => [
      'dv.indicator_id',
      'dv.org_unit_id as unit_id',
      'dv.period_id',
      'k.key',
      (additive ? eb.fn.sum<number>('dv.value') : eb.fn.avg<number>('dv.value')).as('v'),
      eb.fn.sum<number | null>('dv.numerator').as('num'),
      eb.fn.sum<number | null>('dv.denominator').as('den'),
      eb.fn.countAll<number>().as('n'),
      // One report per unit and quarter: the same for every value of the group.
      eb.fn
        .max(
          eb
            .case()
            .when('r.status', 'in', [...APPROVED_STATUSES])
            .then(1)
            .else(0)
            .end(),
        )
        .as('approved'),
    ])
    .groupBy(['dv.indicator_id', 'dv.org_unit_id', 'dv.period_id', 'k.key']);
}

/**
 * Only the rows of units in the query's scope and project: values or cells (`dv`) and targets or
 * baselines (`t`) name their unit org_unit_id.
 */
function inScope<
  A extends 'dv' | 't',
  QB extends SelectQueryBuilder<Database & Record<A, { org_unit_id: number }>, A, object>,
>(qb: QB, query: AnalyticsQuery, alias: A): QB {
  const { scope, projectId } = query;
  const unit = sql.ref(`${alias}.org_unit_id`);
  let scoped = qb;
  if (scope !== null) {
    scoped = scoped.where(
      sql<SqlBool>`${unit} in (select su.id from org_unit su where su.path like ${`${scope.path}%`})`,
    ) as QB;
  }
  if (projectId !== undefined) {
    scoped = scoped.where(
      sql<SqlBool>`${unit} in (select pu.org_unit_id from project_unit pu where pu.project_id = ${projectId})`,
    ) as QB;
  }
  return scoped;
}

/**
 * The cells this reader may see. Approval is a property of a unit's quarterly report, carried by each
 * cell (value_cell.approved, kept by triggers on report; an option breakdown looks the report up):
 * values without a report, or from one not yet approved, are "unapproved" and donors never see them.
 */
function visibleCellQuery(qc: QueryCreator<WithRawCell>, visibility: Visibility): Expression<CellRow> {
  const staffPath = visibility.kind === 'subtree' ? visibility.path : null;
  return qc
    .selectFrom('raw_cell as c')
    .$if(visibility.kind === 'approved', (qb) => qb.where('c.approved', '=', 1))
    .$if(staffPath !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('c.approved', '=', 1),
          eb(
            'c.unit_id',
            'in',
            eb.selectFrom('org_unit as su').select('su.id').where('su.path', 'like', `${staffPath}%`),
          ),
        ]),
      ),
    )
    .select((eb) => [
      'c.indicator_id',
      'c.unit_id',
      'c.period_id',
      'c.key',
      eb.cast<string>(eb.val('actual'), 'text').as('kind'),
      'c.v',
      'c.num',
      'c.den',
      'c.n',
      eb.case().when('c.approved', '=', 1).then(0).else(eb.ref('c.n')).end().as('nu'),
    ]);
}

/** option id → its code, or the code of its option in one category (F/18-59/RETURNEE → F for 'SEX'). */
function optionKeys(qc: QueryCreator<Database>, disaggregationIds: readonly number[], category: string | undefined) {
  if (category !== undefined) {
    return qc
      .selectFrom('disaggregation_option_item as doi')
      .innerJoin('disaggregation_option as o', 'o.id', 'doi.option_id')
      .innerJoin('category_option as co', 'co.id', 'doi.category_option_id')
      .innerJoin('category as cat', 'cat.id', 'co.category_id')
      .select(['o.id as option_id', 'co.code as key'])
      .where('o.disaggregation_id', 'in', [...disaggregationIds])
      .where('cat.code', '=', category)
      .as('k');
  }
  return qc
    .selectFrom('disaggregation_option as o')
    .select(['o.id as option_id', 'o.code as key'])
    .where('o.disaggregation_id', 'in', [...disaggregationIds])
    .as('k');
}

/**
 * Each unit's latest baseline in scope (baselines carry the year they were measured): the baselines of
 * the indicators, ranked newest first within each unit. A lookup of the newest year for every baseline
 * row (a correlated max) cost PostgreSQL an index probe per unit: 175 ms for a country of 400 units
 * whose pages were not cached; ranking reads the scoped baselines once and sorts them (4 ms).
 */
function latestBaselineQuery(
  qc: QueryCreator<WithCell>,
  query: AnalyticsQuery,
  shape: Shape,
): Expression<ReferenceRow> {
  const ranked = qc
    .selectFrom('target as t')
    .select((eb) => [
      't.indicator_id',
      't.org_unit_id',
      't.type',
      't.value',
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.partitionBy(['t.indicator_id', 't.org_unit_id']).orderBy('t.period_id', 'desc'))
        .as('newest'),
    ])
    .where('t.indicator_id', 'in', shape.ids)
    .where('t.type', '=', 'baseline')
    .$call((qb) => inScope(qb, query, 't'))
    .as('b');
  return qc
    .selectFrom(ranked)
    .select(['b.indicator_id', 'b.org_unit_id', 'b.type', 'b.value'])
    .where('b.newest', '=', 1);
}

/**
 * Baselines and targets as cells of the same shape: each yearly target spread over the range's
 * quarters of its year, each unit's latest baseline over every quarter of the range. Average, last
 * and ratio keep only the unit-quarters that reported (the cells this reader sees).
 */
function referenceCellQuery(
  qc: QueryCreator<WithReferences>,
  query: AnalyticsQuery,
  shape: Shape,
  by: Breakdown,
  quarters: readonly string[],
): Expression<CellRow> {
  const intensive = INTENSIVE.has(shape.type);
  const targets = qc
    .selectFrom('target as t')
    .innerJoin('period as py', 'py.id', 't.period_id')
    .innerJoin('range_quarter as p', 'p.year', 'py.year')
    .leftJoin('cell as c', (join) =>
      join
        .onRef('c.indicator_id', '=', 't.indicator_id')
        .onRef('c.unit_id', '=', 't.org_unit_id')
        .onRef('c.period_id', '=', 'p.id'),
    )
    .where('t.indicator_id', 'in', shape.ids)
    .where('t.type', '=', 'target')
    .where('t.period_id', 'in', yearsOf(quarters))
    .$call((qb) => inScope(qb, query, 't'))
    .$if(intensive, (qb) => qb.where('c.unit_id', 'is not', null))
    .select((eb) => referenceColumns(eb, shape, by));
  const baselines = qc
    .selectFrom('baseline as t')
    .innerJoin('range_quarter as p', (join) => join.onTrue())
    .leftJoin('cell as c', (join) =>
      join
        .onRef('c.indicator_id', '=', 't.indicator_id')
        .onRef('c.unit_id', '=', 't.org_unit_id')
        .onRef('c.period_id', '=', 'p.id'),
    )
    .$if(intensive, (qb) => qb.where('c.unit_id', 'is not', null))
    .select((eb) => referenceColumns(eb, shape, by));
  return targets.unionAll(baselines);
}

/** The years of some quarters ('2025' for '2025Q3'): the periods of their yearly targets. */
function yearsOf(quarters: readonly string[]): string[] {
  return [...new Set(quarters.map((quarter) => quarter.slice(0, 4)))];
}

function referenceColumns(
  eb: ExpressionBuilder<WithReferences & { t: ReferenceRow; p: QuarterRow; c: CellRow }, 't' | 'p' | 'c'>,
  shape: Shape,
  by: Breakdown,
) {
  const { type } = shape;
  return [
    eb.ref('t.indicator_id').as('indicator_id'),
    eb.ref('t.org_unit_id').as('unit_id'),
    eb.ref('p.id').as('period_id'),
    (by === 'period' ? eb.ref('p.id') : eb.cast<string>(eb.val(ALL_OPTIONS), 'text')).as('key'),
    eb.ref('t.type').$castTo<string>().as('kind'),
    // A quarterly sum indicator's yearly figure is a quarter's worth per quarter.
    (type === 'sum' && shape.periodicity !== 'annual'
      ? eb('t.value', '/', eb.lit(4)).$castTo<number>()
      : eb.ref('t.value').$castTo<number>()
    ).as('v'),
    // A ratio target is a percentage: weighted by the unit's actual denominator in that quarter.
    (type === 'ratio'
      ? eb(eb('t.value', '*', eb.ref('c.den')), '/', eb.lit(100)).$castTo<number | null>()
      : eb.lit(null).$castTo<number | null>()
    ).as('num'),
    (type === 'ratio' ? eb.ref('c.den') : eb.lit(null).$castTo<number | null>()).as('den'),
    eb.lit(0).$castTo<number>().as('n'),
    eb.lit(0).$castTo<number>().as('nu'),
  ];
}

/**
 * Level 2 of targets and baselines for sum and max when quarters are not buckets, straight from the
 * yearly rows: the same series referenceCellQuery's spread would add up to (a unit's Σ over the
 * quarters, or its max), without a row per quarter in between — a programme over 24 quarters
 * otherwise spreads 14,000 yearly targets into 48,000 quarter rows only to add them up again.
 */
function referenceSeriesQuery(
  qc: QueryCreator<WithLatest>,
  query: AnalyticsQuery,
  shape: Shape,
  quarters: readonly string[],
) {
  const isSum = shape.type === 'sum';
  // A quarterly sum indicator's yearly figure is a quarter's worth per quarter of the range.
  const perQuarter = isSum && shape.periodicity !== 'annual' ? 0.25 : 1;
  const rangeYears = qc
    .selectFrom('range_quarter')
    .select((eb) => ['year', eb.fn.countAll<number>().as('quarters')])
    .groupBy('year')
    .as('ry');
  const targets = qc
    .selectFrom('target as t')
    .innerJoin('period as py', 'py.id', 't.period_id')
    .innerJoin(rangeYears, 'ry.year', 'py.year')
    .where('t.indicator_id', 'in', shape.ids)
    .where('t.type', '=', 'target')
    .where('t.period_id', 'in', yearsOf(quarters))
    .$call((qb) => inScope(qb, query, 't'))
    .select((eb) => [
      't.indicator_id',
      't.org_unit_id as unit_id',
      eb.cast<string>(eb.val(ALL_OPTIONS), 'text').as('key'),
      eb.ref('t.type').$castTo<string>().as('kind'),
      (isSum
        ? eb.fn.sum<number>(eb(eb('t.value', '*', eb.lit(perQuarter)), '*', eb.ref('ry.quarters')))
        : eb.fn.max<number>('t.value')
      ).as('v'),
      eb.lit(null).$castTo<number | null>().as('num'),
      eb.lit(null).$castTo<number | null>().as('den'),
      eb.lit(0).$castTo<number>().as('n'),
      eb.lit(0).$castTo<number>().as('nu'),
    ])
    .groupBy(['t.indicator_id', 't.org_unit_id', 't.type']);
  // Each unit's latest baseline stands for every quarter of the range.
  const baselines = qc.selectFrom('baseline as t').select((eb) => [
    't.indicator_id',
    't.org_unit_id as unit_id',
    eb.cast<string>(eb.val(ALL_OPTIONS), 'text').as('key'),
    eb.ref('t.type').$castTo<string>().as('kind'),
    (isSum
      ? eb(
          eb('t.value', '*', eb.lit(perQuarter)),
          '*',
          eb.selectFrom('range_quarter').select((inner) => inner.fn.countAll<number>().as('quarters')),
        )
      : eb.ref('t.value')
    )
      .$castTo<number>()
      .as('v'),
    eb.lit(null).$castTo<number | null>().as('num'),
    eb.lit(null).$castTo<number | null>().as('den'),
    eb.lit(0).$castTo<number>().as('n'),
    eb.lit(0).$castTo<number>().as('nu'),
  ]);
  return targets.unionAll(baselines);
}

/** Level 2: one row per indicator × unit × key × kind over the quarters. */
function seriesQuery(qc: QueryCreator<WithLatest>, type: AggregationType) {
  if (STATES.has(type)) {
    return qc
      .selectFrom('all_cell as c')
      .innerJoin('latest as l', (join) =>
        join
          .onRef('l.indicator_id', '=', 'c.indicator_id')
          .onRef('l.unit_id', '=', 'c.unit_id')
          .onRef('l.key', '=', 'c.key')
          .onRef('l.kind', '=', 'c.kind')
          .onRef('l.period_id', '=', 'c.period_id'),
      )
      .select(['c.indicator_id', 'c.unit_id', 'c.key', 'c.kind', 'c.v', 'c.num', 'c.den', 'c.n', 'c.nu']);
  }
  return qc
    .selectFrom('all_cell as c')
    .select((eb) => [
      'c.indicator_id',
      'c.unit_id',
      'c.key',
      'c.kind',
      (type === 'max'
        ? eb.fn.max<number>('c.v')
        : type === 'average'
          ? eb.fn.avg<number>('c.v')
          : eb.fn.sum<number>('c.v')
      ).as('v'),
      eb.fn.sum<number | null>('c.num').as('num'),
      eb.fn.sum<number | null>('c.den').as('den'),
      eb.fn.sum<number>('c.n').as('n'),
      eb.fn.sum<number>('c.nu').as('nu'),
    ])
    .groupBy(['c.indicator_id', 'c.unit_id', 'c.key', 'c.kind']);
}

/**
 * Series rows labelled with their bucket: the scope's child whose subtree holds the unit (or the unit
 * of the requested level above it), or the key. Null: the scope's own values, apart from every bucket.
 */
function bucketedQuery(qc: QueryCreator<WithSeries>, query: AnalyticsQuery, by: Breakdown): Expression<BucketedRow> {
  const columns = ['s.indicator_id', 's.kind', 's.v', 's.num', 's.den', 's.n', 's.nu'] as const;
  if (by !== 'unit') {
    return qc.selectFrom('series as s').select(['s.key as bucket', ...columns]);
  }
  const { scope, level } = query;
  if (level !== undefined) return levelBucketedQuery(qc, scope, level);
  return qc
    .selectFrom('series as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .leftJoin('org_unit as ch', (join) =>
      (scope === null ? join.on('ch.parent_id', 'is', null) : join.on('ch.parent_id', '=', scope.id)).on((eb) =>
        isPathPrefix(eb, 'ch.path', 'u.path'),
      ),
    )
    .select(['ch.code as bucket', ...columns]);
}

/**
 * Buckets of a level: each unit with data walks up the tree (a primary-key lookup per step, so the
 * cost follows the units with data and the depth, not units × buckets) to the scope's child, keeping
 * the highest unit of the level it passes. Values above the level (the scope's own, or an intermediate
 * unit's) stay apart, in the null bucket.
 */
function levelBucketedQuery(
  qc: QueryCreator<WithSeries>,
  scope: AnalyticsScope | null,
  level: UnitKind,
): Expression<BucketedRow> {
  const top = (scope?.level ?? 0) + 1;
  return qc
    .withRecursive('unit_bucket(unit_id, parent_id, level, bucket_id)', (rc) =>
      rc
        .selectFrom('org_unit as u')
        .where('u.id', 'in', (eb) => eb.selectFrom('series').select('series.unit_id'))
        .select((eb) => [
          'u.id as unit_id',
          'u.parent_id',
          'u.level',
          eb
            .case()
            .when('u.kind', '=', level)
            .then(eb.ref('u.id'))
            .else(eb.lit(null).$castTo<number | null>())
            .end()
            .as('bucket_id'),
        ])
        .unionAll((up) =>
          up
            .selectFrom('unit_bucket as ub')
            .innerJoin('org_unit as p', 'p.id', 'ub.parent_id')
            .where('p.level', '>=', top)
            .select((eb) => [
              'ub.unit_id',
              'p.parent_id',
              'p.level',
              eb
                .case()
                .when('p.kind', '=', level)
                .then(eb.ref('p.id'))
                .else(eb.ref('ub.bucket_id'))
                .end()
                .as('bucket_id'),
            ]),
        ),
    )
    .selectFrom('series as s')
    .leftJoin('unit_bucket as ub', (join) => join.onRef('ub.unit_id', '=', 's.unit_id').on('ub.level', '=', top))
    .leftJoin('org_unit as b', 'b.id', 'ub.bucket_id')
    .select(['b.code as bucket', 's.indicator_id', 's.kind', 's.v', 's.num', 's.den', 's.n', 's.nu']);
}

/** `ancestor` is a prefix of `descendant`: substr and length read the same on both engines. */
function isPathPrefix(
  eb: ExpressionBuilder<WithSeries & { ch: Database['org_unit']; u: Database['org_unit'] }, 'ch' | 'u'>,
  ancestor: 'ch.path',
  descendant: 'u.path',
): Expression<SqlBool> {
  return eb(
    eb.fn<string>('substr', [descendant, eb.lit(1), eb.fn<number>('length', [ancestor])]),
    '=',
    eb.ref(ancestor),
  );
}

// ---- from raw aggregates to figures ----

function asKind(value: string): Kind {
  if (value === 'target' || value === 'baseline') return value;
  return 'actual';
}

function nullableNumber(value: number | string | null | undefined): number | null {
  return value == null ? null : Number(value);
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

function mergeRaw(a: RawAggregate, b: RawAggregate): RawAggregate {
  const units = a.units + b.units;
  const weighted = (a.mean ?? 0) * (a.mean === null ? 0 : a.units) + (b.mean ?? 0) * (b.mean === null ? 0 : b.units);
  const meanUnits = (a.mean === null ? 0 : a.units) + (b.mean === null ? 0 : b.units);
  const stages = new Map(a.stages);
  for (const [stage, count] of b.stages) stages.set(stage, (stages.get(stage) ?? 0) + count);
  return {
    units,
    sum: addNullable(a.sum, b.sum),
    max: a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max),
    mean: meanUnits === 0 ? null : weighted / meanUnits,
    numerator: addNullable(a.numerator, b.numerator),
    denominator: addNullable(a.denominator, b.denominator),
    values: a.values + b.values,
    unapproved: a.unapproved + b.unapproved,
    meeting: a.meeting + b.meeting,
    stages,
  };
}

function mergeBuckets(buckets: Map<string | null, KindAggregates>): KindAggregates {
  const total: KindAggregates = {};
  for (const kinds of buckets.values()) {
    for (const kind of ['actual', 'target', 'baseline'] as const) {
      const raw = kinds[kind];
      if (!raw) continue;
      const existing = total[kind];
      total[kind] = existing ? mergeRaw(existing, raw) : raw;
    }
  }
  return total;
}

/** The figure of one raw aggregate in the meaning of the indicator's aggregation type. */
function aggregateValue(type: AggregationType, raw: RawAggregate | undefined): number | null {
  if (!raw || raw.units === 0) return null;
  switch (type) {
    case 'sum':
      return raw.sum;
    case 'max':
      return raw.max;
    case 'average':
    case 'last':
      return raw.mean;
    case 'count':
      return raw.meeting;
    case 'ratio':
      return raw.numerator === null || !raw.denominator ? null : (raw.numerator / raw.denominator) * 100;
  }
}

function progressOf(direction: Direction, actual: number | null, target: number | null): number | null {
  if (actual === null || target === null) return null;
  const [part, whole] = direction === 'higher' ? [actual, target] : [target, actual];
  return whole === 0 ? null : (part / whole) * 100;
}

function toFigure(
  indicator: Pick<AnalyticsIndicator, 'aggregationType' | 'stageMax' | 'direction'>,
  kinds: KindAggregates,
): Figure {
  const type = indicator.aggregationType;
  const actual = kinds.actual;
  const value = aggregateValue(type, actual);
  const target = aggregateValue(type, kinds.target);
  const units = actual?.units ?? 0;
  let distribution: StageCount[] = [];
  if (type === 'last') {
    const observed = [...(actual?.stages.keys() ?? [])];
    const highest = Math.max(indicator.stageMax ?? 0, ...observed.map(Math.ceil));
    const stages = new Set([...Array.from({ length: highest + 1 }, (_, stage) => stage), ...observed]);
    distribution = [...stages].sort((a, b) => a - b).map((stage) => ({ stage, units: actual?.stages.get(stage) ?? 0 }));
  }
  return {
    value,
    numerator: type === 'ratio' ? (actual?.numerator ?? null) : null,
    denominator: type === 'ratio' ? (actual?.denominator ?? null) : null,
    unitsReporting: units,
    unitsMeeting: type === 'count' ? (actual?.meeting ?? 0) : null,
    share: type === 'count' && actual && units > 0 ? (actual.meeting / units) * 100 : null,
    distribution,
    values: actual?.values ?? 0,
    unapprovedValues: actual?.unapproved ?? 0,
    baseline: aggregateValue(type, kinds.baseline),
    target,
    progress: progressOf(indicator.direction, value, target),
  };
}
