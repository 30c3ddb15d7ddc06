// Live analytics: one indicator aggregated up the org-unit tree and over quarters, straight from
// data_value at request time. Each request is one or two SQL statements whatever the tree's size:
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
//   3. bucket — the units of a child's subtree, a quarter, an option, or everything:
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
import type { Expression, ExpressionBuilder, Kysely, QueryCreator, SqlBool } from 'kysely';
import type { AggregationType, Database, Direction, Periodicity } from '../schema';
import { APPROVED_STATUSES, type Visibility } from './data-values';

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

export async function findAnalyticsIndicator(
  db: Kysely<Database>,
  code: string,
): Promise<AnalyticsIndicator | undefined> {
  const row = await db
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
    .where('code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      code: row.code,
      aggregationType: row.aggregation_type,
      periodicity: row.periodicity,
      direction: row.direction,
      countThreshold: row.count_threshold,
      stageMax: row.stage_max,
      disaggregationId: row.disaggregation_id,
    }
  );
}

export interface AnalyticsQuery {
  indicator: AnalyticsIndicator;
  /** The unit whose subtree is aggregated; null for the whole programme (its children are the countries). */
  scope: { id: number; path: string } | null;
  /** Quarter ids, at least one. */
  quarters: readonly string[];
  by: Breakdown;
  /** With by = 'option': collapse the disaggregation to this category's options (e.g. 'SEX'). */
  category?: string | undefined;
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

export async function aggregateIndicator(db: Kysely<Database>, query: AnalyticsQuery): Promise<Aggregate> {
  // A breakdown by unit partitions the units, so its total is merged from the rows; by period or
  // option it is not (a unit's average over time is not the average of its quarters' averages).
  const [breakdown, totalRows] = await Promise.all([
    bucketAggregates(db, query, query.by),
    query.by === 'period' || query.by === 'option' ? bucketAggregates(db, query, 'none') : undefined,
  ]);
  const totals = mergeBuckets(totalRows ?? breakdown);
  const rows = new Map<string | null, Figure>();
  for (const [bucket, kinds] of breakdown) rows.set(bucket, toFigure(query.indicator, kinds));
  return { total: toFigure(query.indicator, totals), rows };
}

/** The total of an empty selection: nothing reported, no target. */
export function emptyFigure(indicator: Pick<AnalyticsIndicator, 'aggregationType' | 'stageMax' | 'direction'>): Figure {
  return toFigure(indicator, {});
}

// ---- the SQL pipeline ----

type Kind = 'actual' | 'target' | 'baseline';

/** Columns of one cell, series or bucket row as the SQL levels pass them on. */
interface LevelRow {
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
type RawCellRow = Omit<CellRow, 'kind' | 'nu'>;
type BucketedRow = Omit<LevelRow, 'unit_id' | 'key'> & { bucket: string | null };

type WithRawCell = Database & { raw_cell: RawCellRow };
type WithCell = WithRawCell & { cell: CellRow };
/** A target or baseline row, as far as the pipeline reads it. */
type ReferenceRow = Pick<Database['target'], 'org_unit_id' | 'type' | 'value'>;
type QuarterRow = { id: string; year: number };
type WithReferences = WithCell & { range_quarter: QuarterRow; baseline: ReferenceRow };
type WithAll = WithReferences & { all_cell: CellRow };
type WithLatest = WithAll & { latest: Pick<CellRow, 'unit_id' | 'key' | 'kind' | 'period_id'> };
type WithSeries = WithLatest & { series: LevelRow };

/** The key of cells when options are not broken down: one constant for every cell. */
const ALL_OPTIONS = 'all';

const ADDITIVE: ReadonlySet<AggregationType> = new Set(['sum', 'ratio', 'max']);
const STATES: ReadonlySet<AggregationType> = new Set(['last', 'count']);
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

async function bucketAggregates(
  db: Kysely<Database>,
  query: AnalyticsQuery,
  by: Breakdown,
): Promise<Map<string | null, KindAggregates>> {
  const { indicator } = query;
  const type = indicator.aggregationType;
  const threshold = indicator.countThreshold ?? 1;
  // Targets are per unit and year, never per option: an option breakdown has none. An annual
  // indicator's value and yearly target both sit in Q4.
  const referenceQuarters = query.quarters.filter(
    (quarter) => indicator.periodicity !== 'annual' || quarter.endsWith('Q4'),
  );
  const withReferences = by !== 'option' && referenceQuarters.length > 0;

  const rows = await db
    .with('raw_cell', (qc) => rawCellQuery(qc, query, by))
    // Intensive types read it twice (as values, and to match targets to the unit-quarters that
    // reported): computed once then.
    .with(
      (cte) => (withReferences && INTENSIVE.has(type) ? cte('cell').materialized() : cte('cell')),
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
      (qc) => latestBaselineQuery(qc, query),
    )
    .with('all_cell', (qc): Expression<CellRow> => {
      const actual = qc
        .selectFrom('cell')
        .select(['unit_id', 'period_id', 'key', 'kind', 'v', 'num', 'den', 'n', 'nu']);
      return withReferences ? actual.unionAll(referenceCellQuery(qc, query, by, referenceQuarters)) : actual;
    })
    .with('latest', (qc) =>
      qc
        .selectFrom('all_cell')
        .select((eb) => ['unit_id', 'key', 'kind', eb.fn.max<string>('period_id').as('period_id')])
        .groupBy(['unit_id', 'key', 'kind']),
    )
    .with('series', (qc) => seriesQuery(qc, type))
    .with('bucketed', (qc) => bucketedQuery(qc, query, by))
    .selectFrom('bucketed as b')
    .select((eb) => [
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
      eb.fn.sum<number | string | null>(eb.case().when('b.v', '>=', threshold).then(1).else(0).end()).as('meeting'),
    ])
    .groupBy(['b.bucket', 'b.kind'])
    .$if(type === 'last', (qb) => qb.select('b.v as stage').groupBy('b.v'))
    .execute();

  const result = new Map<string | null, KindAggregates>();
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
    const kinds = result.get(row.bucket) ?? {};
    const existing = kinds[kind];
    // 'last' comes back one row per stage: fold them into one aggregate per bucket.
    kinds[kind] = existing ? mergeRaw(existing, raw) : raw;
    result.set(row.bucket, kinds);
  }
  return result;
}

/**
 * Level 1: one row per unit × quarter × option key, the options combined by the type's rule. The
 * scope is an id list (not a join on org_unit), so the data_value key (indicator, unit, period, option)
 * serves as the index for any subtree; options are keyed (a join per value) only for an option breakdown.
 */
function rawCellQuery(qc: QueryCreator<Database>, query: AnalyticsQuery, by: Breakdown): Expression<RawCellRow> {
  const { indicator, scope } = query;
  const values = qc
    .selectFrom('data_value as dv')
    .where('dv.indicator_id', '=', indicator.id)
    .where('dv.period_id', 'in', [...query.quarters])
    .$if(scope !== null, (qb) =>
      qb.where((eb) =>
        eb(
          'dv.org_unit_id',
          'in',
          eb.selectFrom('org_unit as su').select('su.id').where('su.path', 'like', `${scope?.path}%`),
        ),
      ),
    );
  const additive = ADDITIVE.has(indicator.aggregationType);
  if (by === 'option') {
    return values
      .innerJoin(optionKeys(qc, indicator.disaggregationId, query.category), (join) =>
        join.onRef('k.option_id', '=', 'dv.option_id'),
      )
      .select((eb) => [
        'dv.org_unit_id as unit_id',
        'dv.period_id',
        'k.key',
        (additive ? eb.fn.sum<number>('dv.value') : eb.fn.avg<number>('dv.value')).as('v'),
        eb.fn.sum<number | null>('dv.numerator').as('num'),
        eb.fn.sum<number | null>('dv.denominator').as('den'),
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['dv.org_unit_id', 'dv.period_id', 'k.key']);
  }
  return values
    .select((eb) => [
      'dv.org_unit_id as unit_id',
      'dv.period_id',
      (by === 'period' ? eb.ref('dv.period_id') : eb.cast<string>(eb.val(ALL_OPTIONS), 'text')).as('key'),
      (additive ? eb.fn.sum<number>('dv.value') : eb.fn.avg<number>('dv.value')).as('v'),
      eb.fn.sum<number | null>('dv.numerator').as('num'),
      eb.fn.sum<number | null>('dv.denominator').as('den'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['dv.org_unit_id', 'dv.period_id']);
}

/**
 * The cells this reader may see. Approval is a property of a unit's quarterly report, so it is
 * checked once per cell rather than once per value: values without a report, or from one not yet
 * approved, are "unapproved" and donors never see them.
 */
function visibleCellQuery(qc: QueryCreator<WithRawCell>, visibility: Visibility): Expression<CellRow> {
  const staffPath = visibility.kind === 'subtree' ? visibility.path : null;
  return qc
    .selectFrom('raw_cell as c')
    .leftJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'c.unit_id').onRef('r.period_id', '=', 'c.period_id'),
    )
    .$if(visibility.kind === 'approved', (qb) => qb.where('r.status', 'in', [...APPROVED_STATUSES]))
    .$if(staffPath !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('r.status', 'in', [...APPROVED_STATUSES]),
          eb(
            'c.unit_id',
            'in',
            eb.selectFrom('org_unit as su').select('su.id').where('su.path', 'like', `${staffPath}%`),
          ),
        ]),
      ),
    )
    .select((eb) => [
      'c.unit_id',
      'c.period_id',
      'c.key',
      eb.cast<string>(eb.val('actual'), 'text').as('kind'),
      'c.v',
      'c.num',
      'c.den',
      'c.n',
      eb
        .case()
        .when('r.status', 'in', [...APPROVED_STATUSES])
        .then(0)
        .else(eb.ref('c.n'))
        .end()
        .as('nu'),
    ]);
}

/** option id → its code, or the code of its option in one category (F/18-59/RETURNEE → F for 'SEX'). */
function optionKeys(qc: QueryCreator<Database>, disaggregationId: number, category: string | undefined) {
  if (category !== undefined) {
    return qc
      .selectFrom('disaggregation_option_item as doi')
      .innerJoin('disaggregation_option as o', 'o.id', 'doi.option_id')
      .innerJoin('category_option as co', 'co.id', 'doi.category_option_id')
      .innerJoin('category as cat', 'cat.id', 'co.category_id')
      .select(['o.id as option_id', 'co.code as key'])
      .where('o.disaggregation_id', '=', disaggregationId)
      .where('cat.code', '=', category)
      .as('k');
  }
  return qc
    .selectFrom('disaggregation_option as o')
    .select(['o.id as option_id', 'o.code as key'])
    .where('o.disaggregation_id', '=', disaggregationId)
    .as('k');
}

/** Each unit's latest baseline in scope (baselines carry the year they were measured). */
function latestBaselineQuery(qc: QueryCreator<WithCell>, query: AnalyticsQuery): Expression<ReferenceRow> {
  const { indicator, scope } = query;
  return qc
    .selectFrom('target as t')
    .select(['t.org_unit_id', 't.type', 't.value'])
    .where('t.indicator_id', '=', indicator.id)
    .where('t.type', '=', 'baseline')
    .where((eb) =>
      eb(
        't.period_id',
        '=',
        eb
          .selectFrom('target as tb')
          .select((inner) => inner.fn.max<string>('tb.period_id').as('latest'))
          .whereRef('tb.indicator_id', '=', 't.indicator_id')
          .whereRef('tb.org_unit_id', '=', 't.org_unit_id')
          .where('tb.type', '=', 'baseline'),
      ),
    )
    .$if(scope !== null, (qb) =>
      qb.where((eb) =>
        eb(
          't.org_unit_id',
          'in',
          eb.selectFrom('org_unit as su').select('su.id').where('su.path', 'like', `${scope?.path}%`),
        ),
      ),
    );
}

/**
 * Baselines and targets as cells of the same shape: each yearly target spread over the range's
 * quarters of its year, each unit's latest baseline over every quarter of the range. Average, last
 * and ratio keep only the unit-quarters that reported (the cells this reader sees).
 */
function referenceCellQuery(
  qc: QueryCreator<WithReferences>,
  query: AnalyticsQuery,
  by: Breakdown,
  quarters: readonly string[],
): Expression<CellRow> {
  const { indicator, scope } = query;
  const intensive = INTENSIVE.has(indicator.aggregationType);
  const targets = qc
    .selectFrom('target as t')
    .innerJoin('period as py', 'py.id', 't.period_id')
    .innerJoin('range_quarter as p', 'p.year', 'py.year')
    .leftJoin('cell as c', (join) => join.onRef('c.unit_id', '=', 't.org_unit_id').onRef('c.period_id', '=', 'p.id'))
    .where('t.indicator_id', '=', indicator.id)
    .where('t.type', '=', 'target')
    .where('t.period_id', 'in', [...new Set(quarters.map((quarter) => quarter.slice(0, 4)))])
    .$if(scope !== null, (qb) =>
      qb.where((eb) =>
        eb(
          't.org_unit_id',
          'in',
          eb.selectFrom('org_unit as su').select('su.id').where('su.path', 'like', `${scope?.path}%`),
        ),
      ),
    )
    .$if(intensive, (qb) => qb.where('c.unit_id', 'is not', null))
    .select((eb) => referenceColumns(eb, indicator, by));
  const baselines = qc
    .selectFrom('baseline as t')
    .innerJoin('range_quarter as p', (join) => join.onTrue())
    .leftJoin('cell as c', (join) => join.onRef('c.unit_id', '=', 't.org_unit_id').onRef('c.period_id', '=', 'p.id'))
    .$if(intensive, (qb) => qb.where('c.unit_id', 'is not', null))
    .select((eb) => referenceColumns(eb, indicator, by));
  return targets.unionAll(baselines);
}

function referenceColumns(
  eb: ExpressionBuilder<WithReferences & { t: ReferenceRow; p: QuarterRow; c: CellRow }, 't' | 'p' | 'c'>,
  indicator: AnalyticsIndicator,
  by: Breakdown,
) {
  const type = indicator.aggregationType;
  return [
    eb.ref('t.org_unit_id').as('unit_id'),
    eb.ref('p.id').as('period_id'),
    (by === 'period' ? eb.ref('p.id') : eb.cast<string>(eb.val(ALL_OPTIONS), 'text')).as('key'),
    eb.ref('t.type').$castTo<string>().as('kind'),
    // A quarterly sum indicator's yearly figure is a quarter's worth per quarter.
    (type === 'sum' && indicator.periodicity !== 'annual'
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

/** Level 2: one row per unit × key × kind over the quarters. */
function seriesQuery(qc: QueryCreator<WithLatest>, type: AggregationType): Expression<LevelRow> {
  if (STATES.has(type)) {
    return qc
      .selectFrom('all_cell as c')
      .innerJoin('latest as l', (join) =>
        join
          .onRef('l.unit_id', '=', 'c.unit_id')
          .onRef('l.key', '=', 'c.key')
          .onRef('l.kind', '=', 'c.kind')
          .onRef('l.period_id', '=', 'c.period_id'),
      )
      .select(['c.unit_id', 'c.key', 'c.kind', 'c.v', 'c.num', 'c.den', 'c.n', 'c.nu']);
  }
  return qc
    .selectFrom('all_cell as c')
    .select((eb) => [
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
    .groupBy(['c.unit_id', 'c.key', 'c.kind']);
}

/** Series rows labelled with their bucket: the scope's child whose subtree holds the unit, or the key. */
function bucketedQuery(qc: QueryCreator<WithSeries>, query: AnalyticsQuery, by: Breakdown): Expression<BucketedRow> {
  if (by !== 'unit') {
    return qc.selectFrom('series as s').select(['s.key as bucket', 's.kind', 's.v', 's.num', 's.den', 's.n', 's.nu']);
  }
  const { scope } = query;
  return qc
    .selectFrom('series as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .leftJoin('org_unit as ch', (join) =>
      (scope === null ? join.on('ch.parent_id', 'is', null) : join.on('ch.parent_id', '=', scope.id)).on((eb) =>
        isPathPrefix(eb, 'ch.path', 'u.path'),
      ),
    )
    .select(['ch.code as bucket', 's.kind', 's.v', 's.num', 's.den', 's.n', 's.nu']);
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
