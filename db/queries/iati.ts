// What an IATI activity export reads: projects with their texts in every language, covered units,
// results frameworks, and each indicator's baseline, quarterly targets and actuals. Actuals come from
// approved and accepted reports only (the export is public), aggregated over the project's covered
// units — the units listed in project_unit, not their subtrees, since a project covers exactly those.
//
// The aggregation follows db/queries/analytics.ts for one quarter and a fixed set of units:
//   cell   — one unit × quarter: a disaggregated indicator's options are added for additive types
//            (sum, ratio, max) and averaged for the others (average, last, count);
//   period — the covered units' cells: sum → Σ; max → max; average, last → mean over units that
//            reported; count → units at or above the threshold; ratio → Σ numerator / Σ denominator × 100.
// Targets are yearly rows per unit, spread like analytics does: a quarterly sum indicator's yearly
// target counts ¼ per quarter. Extensive types (sum, max, count) take every covered unit with a target;
// intensive types (average, last, ratio) only the units that reported in that quarter, a ratio target
// weighted by the unit's denominator. Annual indicators report in Q4 and get one period per year.
import type { Kysely } from 'kysely';
import { type Quarter, quarterDates } from '../periods';
import {
  type AggregationType,
  type Database,
  type Direction,
  LOCALES,
  type Locale,
  type Periodicity,
  type ResultType,
  type TranslatableEntity,
  type TranslatableField,
  type UnitKind,
  type ValueType,
} from '../schema';
import { APPROVED_STATUSES } from './data-values';

/** A text in every language it exists in; English (the base column) is always there. */
export type Narratives = { en: string } & Partial<Record<Locale, string>>;

export interface IatiUnit {
  code: string;
  kind: UnitKind;
  name: Narratives;
  /** ISO 3166-1 alpha-2 for countries, ISO 3166-2 for regions and provinces, null for municipalities. */
  isoCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface IatiDimension {
  /** Category name, e.g. 'Sex'. */
  name: string;
  /** Category option name, e.g. 'Female'. */
  value: string;
}

export interface IatiPeriod {
  start: string;
  end: string;
  target: number | null;
  /** Null when no covered unit has an approved value for the period. */
  actual: number | null;
  /** Disaggregated indicators: the actual of each option combination, one dimension per category. */
  disaggregated: { dimensions: IatiDimension[]; value: number }[];
}

export interface IatiIndicator {
  code: string;
  title: Narratives;
  description: Narratives;
  unit: Narratives;
  valueType: ValueType;
  aggregationType: AggregationType;
  direction: Direction;
  periodicity: Periodicity;
  /** The covered units' latest baselines, aggregated; on the periods' scale (a quarter's worth for sums). */
  baseline: { year: number; value: number; units: number } | null;
  periods: IatiPeriod[];
}

export interface IatiResult {
  code: string;
  type: ResultType;
  title: Narratives;
  description: Narratives;
  indicators: IatiIndicator[];
}

export interface IatiActivity {
  code: string;
  iatiIdentifier: string | null;
  title: Narratives;
  description: Narratives;
  illustrative: boolean;
  /** IATI ActivityStatus code. */
  status: number;
  startDate: string;
  endDate: string;
  budget: number;
  currency: string;
  /** The latest change to the project or to an approved report of a covered unit. */
  lastUpdated: string;
  country: IatiUnit;
  leadUnit: IatiUnit;
  coveredUnits: IatiUnit[];
  results: IatiResult[];
}

export interface IatiFilter {
  /** Project codes; omitted: every project. */
  codes?: readonly string[] | undefined;
  /** Country code (the org unit code, ISO3 in the demo). */
  country?: string | undefined;
}

export async function listIatiActivities(db: Kysely<Database>, filter: IatiFilter): Promise<IatiActivity[]> {
  let query = db
    .selectFrom('project as p')
    .innerJoin('org_unit as c', 'c.id', 'p.country_id')
    .innerJoin('org_unit as l', 'l.id', 'p.lead_unit_id')
    .selectAll('p')
    .select([
      'c.id as c_id',
      'c.code as c_code',
      'c.name as c_name',
      'c.kind as c_kind',
      'c.iso_code as c_iso_code',
      'c.latitude as c_latitude',
      'c.longitude as c_longitude',
      'l.id as l_id',
      'l.code as l_code',
      'l.name as l_name',
      'l.kind as l_kind',
      'l.iso_code as l_iso_code',
      'l.latitude as l_latitude',
      'l.longitude as l_longitude',
    ]);
  if (filter.codes) query = query.where('p.code', 'in', filter.codes.length > 0 ? [...filter.codes] : ['']);
  if (filter.country !== undefined) query = query.where('c.code', '=', filter.country);
  const projects = await query.orderBy('c.code').orderBy('p.code').execute();
  if (projects.length === 0) return [];
  const projectIds = projects.map((project) => project.id);

  const [units, results, links, cells, optionCells, references] = await Promise.all([
    db
      .selectFrom('project_unit as pu')
      .innerJoin('org_unit as u', 'u.id', 'pu.org_unit_id')
      .select(['pu.project_id', 'u.id', 'u.code', 'u.name', 'u.kind', 'u.iso_code', 'u.latitude', 'u.longitude'])
      .where('pu.project_id', 'in', projectIds)
      .orderBy('u.level')
      .orderBy('u.code')
      .execute(),
    db
      .selectFrom('result')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('project_id')
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('result_indicator as ri')
      .innerJoin('result as r', 'r.id', 'ri.result_id')
      .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
      .select([
        'ri.result_id',
        'i.id',
        'i.code',
        'i.name',
        'i.description',
        'i.unit',
        'i.value_type',
        'i.aggregation_type',
        'i.direction',
        'i.periodicity',
        'i.count_threshold',
      ])
      .where('r.project_id', 'in', projectIds)
      .orderBy('ri.sort_order')
      .execute(),
    listApprovedCells(db, projectIds),
    listApprovedOptionCells(db, projectIds),
    listReferences(db, projectIds),
  ]);

  const unitIds = [...new Set([...units.map((unit) => unit.id), ...projects.flatMap((p) => [p.c_id, p.l_id])])];
  const resultIds = results.map((result) => result.id);
  const indicatorIds = [...new Set(links.map((link) => link.id))];
  const optionIds = [...new Set(optionCells.map((cell) => cell.option_id))];
  const [projectTexts, unitTexts, resultTexts, indicatorTexts, dimensions] = await Promise.all([
    listTexts(db, 'project', projectIds),
    listTexts(db, 'org_unit', unitIds),
    listTexts(db, 'result', resultIds),
    listTexts(db, 'indicator', indicatorIds),
    listOptionDimensions(db, optionIds),
  ]);

  const unitOf = (row: UnitRow): IatiUnit => ({
    code: row.code,
    kind: row.kind,
    name: narratives(row.name, unitTexts.get(row.id)?.name),
    isoCode: row.iso_code,
    latitude: row.latitude,
    longitude: row.longitude,
  });

  return projects.map((project) => {
    const mine = <T extends { project_id: number }>(rows: readonly T[]) =>
      rows.filter((row) => row.project_id === project.id);
    const projectCells = mine(cells);
    const projectOptionCells = mine(optionCells);
    const projectReferences = mine(references);
    const span = { start: project.start_date, end: project.end_date };
    // ISO-8601 UTC timestamps sort as text.
    const lastUpdated = [project.created_at, ...projectCells.map((cell) => cell.updated)].sort().at(-1);
    return {
      code: project.code,
      iatiIdentifier: project.iati_identifier,
      title: narratives(project.name, projectTexts.get(project.id)?.name),
      description: narratives(project.description, projectTexts.get(project.id)?.description),
      illustrative: project.illustrative === 1,
      status: project.status,
      startDate: project.start_date,
      endDate: project.end_date,
      budget: project.budget,
      currency: project.currency,
      lastUpdated: lastUpdated ?? project.created_at,
      country: unitOf({
        id: project.c_id,
        code: project.c_code,
        name: project.c_name,
        kind: project.c_kind,
        iso_code: project.c_iso_code,
        latitude: project.c_latitude,
        longitude: project.c_longitude,
      }),
      leadUnit: unitOf({
        id: project.l_id,
        code: project.l_code,
        name: project.l_name,
        kind: project.l_kind,
        iso_code: project.l_iso_code,
        latitude: project.l_latitude,
        longitude: project.l_longitude,
      }),
      coveredUnits: mine(units).map(unitOf),
      results: mine(results).flatMap((result) => {
        const indicators = links
          .filter((link) => link.result_id === result.id)
          .map((link): IatiIndicator => {
            const texts = indicatorTexts.get(link.id);
            const indicator: IndicatorRule = {
              aggregationType: link.aggregation_type,
              periodicity: link.periodicity,
              threshold: link.count_threshold ?? 1,
            };
            const mineFor = <T extends { indicator_id: number }>(rows: readonly T[]) =>
              rows.filter((row) => row.indicator_id === link.id);
            return {
              code: link.code,
              title: narratives(link.name, texts?.name),
              description: narratives(link.description, texts?.description),
              unit: narratives(link.unit, texts?.unit),
              valueType: link.value_type,
              aggregationType: link.aggregation_type,
              direction: link.direction,
              periodicity: link.periodicity,
              ...indicatorFigures(
                indicator,
                span,
                mineFor(projectCells),
                mineFor(projectOptionCells),
                mineFor(projectReferences),
                dimensions,
              ),
            };
          });
        // IATI requires at least one indicator per result.
        if (indicators.length === 0) return [];
        return [
          {
            code: result.code,
            type: result.type,
            title: narratives(result.title, resultTexts.get(result.id)?.name),
            description: narratives(result.description, resultTexts.get(result.id)?.description),
            indicators,
          },
        ];
      }),
    };
  });
}

// ---- SQL ----

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  iso_code: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** One covered unit × quarter of one indicator from an approved report, its options combined both ways. */
interface CellRow {
  project_id: number;
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  sum: number;
  mean: number;
  numerator: number | null;
  denominator: number | null;
  updated: string;
}

/** One option of one indicator × quarter over the covered units (approved reports only). */
interface OptionCellRow {
  project_id: number;
  indicator_id: number;
  period_id: string;
  option_id: number;
  stats: Stats;
}

interface ReferenceRow {
  project_id: number;
  indicator_id: number;
  org_unit_id: number;
  type: 'baseline' | 'target';
  period_id: string;
  value: number;
}

/** (project, indicator) pairs of each project's own results; an indicator in several of them is listed once. */
function projectIndicators(db: Kysely<Database>) {
  return db
    .selectFrom('result_indicator as ri')
    .innerJoin('result as rs', 'rs.id', 'ri.result_id')
    .select(['rs.project_id', 'ri.indicator_id'])
    .distinct()
    .as('pi');
}

async function listApprovedCells(db: Kysely<Database>, projectIds: number[]): Promise<CellRow[]> {
  const rows = await db
    .selectFrom('data_value as dv')
    .innerJoin('project_unit as pu', 'pu.org_unit_id', 'dv.org_unit_id')
    .innerJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .where('pu.project_id', 'in', projectIds)
    .where('r.status', 'in', [...APPROVED_STATUSES])
    .innerJoin(projectIndicators(db), (join) =>
      join.onRef('pi.project_id', '=', 'pu.project_id').onRef('pi.indicator_id', '=', 'dv.indicator_id'),
    )
    .select((eb) => [
      'pu.project_id',
      'dv.indicator_id',
      'dv.org_unit_id',
      'dv.period_id',
      eb.fn.sum<number | string>('dv.value').as('v_sum'),
      eb.fn.avg<number | string>('dv.value').as('v_avg'),
      eb.fn.sum<number | string | null>('dv.numerator').as('num'),
      eb.fn.sum<number | string | null>('dv.denominator').as('den'),
      eb.fn.max<string>('r.updated_at').as('updated'),
    ])
    .groupBy(['pu.project_id', 'dv.indicator_id', 'dv.org_unit_id', 'dv.period_id'])
    .execute();
  // pg returns some aggregates as strings: numbers from here on.
  return rows.map((row) => ({
    project_id: row.project_id,
    indicator_id: row.indicator_id,
    org_unit_id: row.org_unit_id,
    period_id: row.period_id,
    sum: Number(row.v_sum),
    mean: Number(row.v_avg),
    numerator: row.num == null ? null : Number(row.num),
    denominator: row.den == null ? null : Number(row.den),
    updated: row.updated,
  }));
}

/**
 * Disaggregated indicators only (their disaggregation has categories): each option over the covered
 * units, reduced in SQL so a large project returns one row per option and quarter, not per unit.
 */
async function listApprovedOptionCells(db: Kysely<Database>, projectIds: number[]): Promise<OptionCellRow[]> {
  const rows = await db
    .selectFrom('data_value as dv')
    .innerJoin('project_unit as pu', 'pu.org_unit_id', 'dv.org_unit_id')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .where('pu.project_id', 'in', projectIds)
    .where('r.status', 'in', [...APPROVED_STATUSES])
    .innerJoin(projectIndicators(db), (join) =>
      join.onRef('pi.project_id', '=', 'pu.project_id').onRef('pi.indicator_id', '=', 'dv.indicator_id'),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('disaggregation_category as dc')
          .select('dc.category_id')
          .whereRef('dc.disaggregation_id', '=', 'i.disaggregation_id'),
      ),
    )
    .select((eb) => [
      'pu.project_id',
      'dv.indicator_id',
      'dv.period_id',
      'dv.option_id',
      eb.fn.countAll<number | string>().as('units'),
      eb.fn.sum<number | string>('dv.value').as('v_sum'),
      eb.fn.max<number | string>('dv.value').as('v_max'),
      eb.fn.avg<number | string>('dv.value').as('v_avg'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when('dv.value', '>=', eb.fn.coalesce('i.count_threshold', eb.lit(1)))
            .then(1)
            .else(0)
            .end(),
        )
        .as('meeting'),
      eb.fn.sum<number | string | null>('dv.numerator').as('num'),
      eb.fn.sum<number | string | null>('dv.denominator').as('den'),
    ])
    .groupBy(['pu.project_id', 'dv.indicator_id', 'dv.period_id', 'dv.option_id'])
    .execute();
  return rows.map((row) => ({
    project_id: row.project_id,
    indicator_id: row.indicator_id,
    period_id: row.period_id,
    option_id: row.option_id,
    stats: {
      units: Number(row.units),
      sum: Number(row.v_sum),
      max: Number(row.v_max),
      mean: Number(row.v_avg),
      meeting: Number(row.meeting),
      numerator: row.num == null ? null : Number(row.num),
      denominator: row.den == null ? null : Number(row.den),
    },
  }));
}

async function listReferences(db: Kysely<Database>, projectIds: number[]): Promise<ReferenceRow[]> {
  return db
    .selectFrom('target as t')
    .innerJoin('project_unit as pu', 'pu.org_unit_id', 't.org_unit_id')
    .where('pu.project_id', 'in', projectIds)
    .innerJoin(projectIndicators(db), (join) =>
      join.onRef('pi.project_id', '=', 'pu.project_id').onRef('pi.indicator_id', '=', 't.indicator_id'),
    )
    .select(['pu.project_id', 't.indicator_id', 't.org_unit_id', 't.type', 't.period_id', 't.value'])
    .execute();
}

/** Category and option names (English, the base columns) of each option combination, in category order. */
async function listOptionDimensions(db: Kysely<Database>, optionIds: number[]): Promise<Map<number, IatiDimension[]>> {
  const result = new Map<number, IatiDimension[]>();
  if (optionIds.length === 0) return result;
  const rows = await db
    .selectFrom('disaggregation_option_item as doi')
    .innerJoin('disaggregation_option as o', 'o.id', 'doi.option_id')
    .innerJoin('category_option as co', 'co.id', 'doi.category_option_id')
    .innerJoin('category as c', 'c.id', 'co.category_id')
    .innerJoin('disaggregation_category as dc', (join) =>
      join.onRef('dc.disaggregation_id', '=', 'o.disaggregation_id').onRef('dc.category_id', '=', 'c.id'),
    )
    .select(['doi.option_id', 'c.name as category', 'co.name as option'])
    .where('doi.option_id', 'in', optionIds)
    .orderBy('doi.option_id')
    .orderBy('dc.sort_order')
    .execute();
  for (const row of rows) {
    const dimensions = result.get(row.option_id) ?? [];
    dimensions.push({ name: row.category, value: row.option });
    result.set(row.option_id, dimensions);
  }
  return result;
}

/** Every translation of some rows of one entity type: id → field → locale → text. */
async function listTexts(
  db: Kysely<Database>,
  entityType: TranslatableEntity,
  ids: readonly number[],
): Promise<Map<number, Partial<Record<TranslatableField, Partial<Record<Locale, string>>>>>> {
  const result = new Map<number, Partial<Record<TranslatableField, Partial<Record<Locale, string>>>>>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('translation')
    .select(['entity_id', 'field', 'locale', 'value'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) {
    const fields = result.get(row.entity_id) ?? {};
    fields[row.field] = { ...fields[row.field], [row.locale]: row.value };
    result.set(row.entity_id, fields);
  }
  return result;
}

/** The base (English) text followed by each translation that is not empty, in LOCALES order. */
function narratives(base: string, translated: Partial<Record<Locale, string>> | undefined): Narratives {
  const result: Narratives = { en: base };
  for (const locale of LOCALES) {
    const text = translated?.[locale];
    if (locale !== 'en' && text !== undefined && text.trim() !== '') result[locale] = text;
  }
  return result;
}

// ---- aggregation (pure) ----

interface IndicatorRule {
  aggregationType: AggregationType;
  periodicity: Periodicity;
  threshold: number;
}

/** What a set of units' values reduce to, before the aggregation type picks its figure. */
interface Stats {
  units: number;
  sum: number;
  max: number;
  mean: number;
  meeting: number;
  numerator: number | null;
  denominator: number | null;
}

const ADDITIVE: ReadonlySet<AggregationType> = new Set(['sum', 'ratio', 'max']);

function statsOf(values: readonly number[], threshold: number, numerator = 0, denominator = 0): Stats | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    units: values.length,
    sum,
    max: Math.max(...values),
    mean: sum / values.length,
    meeting: values.filter((value) => value >= threshold).length,
    numerator,
    denominator,
  };
}

function figureOf(type: AggregationType, stats: Stats | null): number | null {
  if (!stats || stats.units === 0) return null;
  switch (type) {
    case 'sum':
      return stats.sum;
    case 'max':
      return stats.max;
    case 'average':
    case 'last':
      return stats.mean;
    case 'count':
      return stats.meeting;
    case 'ratio':
      return stats.numerator === null || !stats.denominator ? null : (stats.numerator / stats.denominator) * 100;
  }
}

interface PeriodSlot {
  /** The key cells and targets are matched on: '2025Q3' for quarterly indicators, '2025' for annual ones. */
  key: string;
  year: number;
  start: string;
  end: string;
}

function quarterSlot(year: number, quarter: Quarter['quarter']): PeriodSlot {
  const { start, end } = quarterDates({ year, quarter });
  return { key: `${year}Q${quarter}`, year, start, end };
}

/** The slot a stored quarter belongs to, or undefined (an annual indicator's value outside Q4). */
function slotOfPeriod(periodId: string, periodicity: Periodicity): PeriodSlot | undefined {
  const year = Number(periodId.slice(0, 4));
  const quarter = Number(periodId.slice(5)) as Quarter['quarter'];
  if (periodicity === 'quarterly') return quarterSlot(year, quarter);
  return quarter === 4 ? { key: String(year), year, start: `${year}-01-01`, end: `${year}-12-31` } : undefined;
}

function slotsOfYear(year: number, periodicity: Periodicity): PeriodSlot[] {
  if (periodicity === 'annual') return [{ key: String(year), year, start: `${year}-01-01`, end: `${year}-12-31` }];
  return ([1, 2, 3, 4] as const).map((quarter) => quarterSlot(year, quarter));
}

function indicatorFigures(
  indicator: IndicatorRule,
  span: { start: string; end: string },
  cells: readonly CellRow[],
  optionCells: readonly OptionCellRow[],
  references: readonly ReferenceRow[],
  dimensions: ReadonlyMap<number, IatiDimension[]>,
): Pick<IatiIndicator, 'baseline' | 'periods'> {
  const { aggregationType: type, threshold } = indicator;
  // A yearly target or baseline of a quarterly sum is a quarter's worth per quarter.
  const scale = type === 'sum' && indicator.periodicity === 'quarterly' ? 0.25 : 1;
  const cellValue = (cell: CellRow) => (ADDITIVE.has(type) ? cell.sum : cell.mean);

  // Every slot with an approved value or a target, within the project's dates.
  const slots = new Map<string, PeriodSlot>();
  for (const cell of cells) {
    const slot = slotOfPeriod(cell.period_id, indicator.periodicity);
    if (slot) slots.set(slot.key, slot);
  }
  for (const reference of references) {
    if (reference.type !== 'target') continue;
    for (const slot of slotsOfYear(Number(reference.period_id), indicator.periodicity)) slots.set(slot.key, slot);
  }
  const periods = [...slots.values()]
    .filter((slot) => slot.start <= span.end && slot.end >= span.start)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((slot): IatiPeriod => {
      const reported = cells.filter((cell) => slotOfPeriod(cell.period_id, indicator.periodicity)?.key === slot.key);
      const actual = figureOf(
        type,
        statsOf(
          reported.map(cellValue),
          threshold,
          sumOf(reported.map((cell) => cell.numerator)),
          sumOf(reported.map((cell) => cell.denominator)),
        ),
      );
      const targets = references.filter((row) => row.type === 'target' && Number(row.period_id) === slot.year);
      return {
        start: slot.start,
        end: slot.end,
        target: periodTarget(type, threshold, scale, targets, reported),
        actual,
        disaggregated: optionCells
          .filter((cell) => slotOfPeriod(cell.period_id, indicator.periodicity)?.key === slot.key)
          .flatMap((cell) => {
            const value = figureOf(type, cell.stats);
            const named = dimensions.get(cell.option_id);
            return value === null || !named ? [] : [{ dimensions: named, value }];
          }),
      };
    })
    // A target year's quarter where no unit with a target reported (intensive types) says nothing.
    .filter((period) => period.target !== null || period.actual !== null);

  return { baseline: baselineOf(type, threshold, scale, references, cells), periods };
}

function sumOf(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function periodTarget(
  type: AggregationType,
  threshold: number,
  scale: number,
  targets: readonly ReferenceRow[],
  reported: readonly CellRow[],
): number | null {
  if (type === 'sum' || type === 'max' || type === 'count') {
    return figureOf(
      type,
      statsOf(
        targets.map((row) => row.value * scale),
        threshold,
      ),
    );
  }
  // Intensive types compare like with like: the targets of the units that reported in the period.
  const paired = targets.flatMap((row) => {
    const cell = reported.find((candidate) => candidate.org_unit_id === row.org_unit_id);
    return cell ? [{ target: row.value, denominator: cell.denominator ?? 0 }] : [];
  });
  if (type === 'ratio') {
    const denominator = sumOf(paired.map((pair) => pair.denominator));
    if (denominator === 0) return null;
    return (sumOf(paired.map((pair) => (pair.target * pair.denominator) / 100)) / denominator) * 100;
  }
  return figureOf(
    type,
    statsOf(
      paired.map((pair) => pair.target),
      threshold,
    ),
  );
}

/**
 * Each covered unit's latest baseline, aggregated like a period's targets over every unit that has
 * one; a ratio baseline is weighted by the unit's approved denominators over all periods (plain mean
 * when there are none). The year is the latest baseline year among the units.
 */
function baselineOf(
  type: AggregationType,
  threshold: number,
  scale: number,
  references: readonly ReferenceRow[],
  cells: readonly CellRow[],
): IatiIndicator['baseline'] {
  const latest = new Map<number, ReferenceRow>();
  for (const row of references) {
    if (row.type !== 'baseline') continue;
    const seen = latest.get(row.org_unit_id);
    if (!seen || row.period_id > seen.period_id) latest.set(row.org_unit_id, row);
  }
  const baselines = [...latest.values()];
  if (baselines.length === 0) return null;
  const year = Math.max(...baselines.map((row) => Number(row.period_id)));
  let value: number | null;
  if (type === 'ratio') {
    const weights = baselines.map((row) =>
      sumOf(cells.filter((cell) => cell.org_unit_id === row.org_unit_id).map((cell) => cell.denominator)),
    );
    const total = sumOf(weights);
    value =
      total === 0
        ? sumOf(baselines.map((row) => row.value)) / baselines.length
        : sumOf(baselines.map((row, index) => row.value * (weights[index] ?? 0))) / total;
  } else {
    value = figureOf(
      type,
      statsOf(
        baselines.map((row) => row.value * scale),
        threshold,
      ),
    );
  }
  return value === null ? null : { year, value, units: baselines.length };
}
