import type { Kysely } from 'kysely';
import type { Database, Locale } from '../schema';
import { APPROVED_STATUSES } from './data-values';
import { countOrgUnitsByKind } from './org-units';
import { findTranslations, pick } from './translations';

export interface CountryOverview {
  code: string;
  name: string;
  projects: number;
  municipalities: number;
  budget: number;
}

export interface ProgrammeTotals {
  countries: number;
  regions: number;
  municipalities: number;
  projects: number;
  illustrativeProjects: number;
  indicators: number;
  budget: number;
  currency: string;
}

export async function summariseProgramme(db: Kysely<Database>): Promise<ProgrammeTotals> {
  const [units, projects, indicators] = await Promise.all([
    countOrgUnitsByKind(db),
    db
      .selectFrom('project')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('n'),
        eb.fn.sum<string | number | null>('illustrative').as('illustrative'),
        eb.fn.sum<string | number | null>('budget').as('budget'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('indicator')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    countries: units.country,
    regions: units.region,
    municipalities: units.municipality,
    projects: Number(projects.n),
    illustrativeProjects: Number(projects.illustrative ?? 0),
    indicators: Number(indicators.n),
    budget: Number(projects.budget ?? 0),
    // Demo budgets are all in USD; a mixed-currency programme needs conversion before summing.
    currency: 'USD',
  };
}

export async function listCountryOverviews(db: Kysely<Database>, locale: Locale): Promise<CountryOverview[]> {
  const countries = await db
    .selectFrom('org_unit as c')
    .select(['c.id', 'c.code', 'c.name', 'c.path'])
    .select((eb) => [
      eb
        .selectFrom('project as p')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('p.country_id', '=', 'c.id')
        .as('projects'),
      eb
        .selectFrom('project as p')
        .select((inner) => inner.fn.sum<string | number | null>('p.budget').as('b'))
        .whereRef('p.country_id', '=', 'c.id')
        .as('budget'),
    ])
    .where('c.kind', '=', 'country')
    .orderBy('c.name')
    .execute();
  const municipalities = await db.selectFrom('org_unit').select(['path']).where('kind', '=', 'municipality').execute();
  const names = await findTranslations(
    db,
    'org_unit',
    countries.map((country) => country.id),
    locale,
  );
  return countries.map((country) => ({
    code: country.code,
    name: pick(names, country.id, 'name', country.name),
    projects: Number(country.projects ?? 0),
    municipalities: municipalities.filter((unit) => unit.path.startsWith(country.path)).length,
    budget: Number(country.budget ?? 0),
  }));
}

export interface HeadlineFigure {
  indicator: string;
  value: number | null;
  periods: { from: string; to: string } | null;
}

/**
 * Programme-wide totals of additive indicators over every approved report. Only 'sum' indicators
 * are added here; the analytics service gives every aggregation type its own meaning.
 */
export async function sumApprovedValues(
  db: Kysely<Database>,
  indicatorCodes: readonly string[],
): Promise<HeadlineFigure[]> {
  if (indicatorCodes.length === 0) return [];
  // From the value_cell roll-up: one row per unit and quarter instead of one per option.
  const rows = await db
    .selectFrom('value_cell as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .select((eb) => [
      'i.code',
      eb.fn.sum<string | number | null>('dv.value_sum').as('total'),
      eb.fn.min('dv.period_id').as('first_period'),
      eb.fn.max('dv.period_id').as('last_period'),
    ])
    .where('i.code', 'in', [...indicatorCodes])
    .where('i.aggregation_type', '=', 'sum')
    .where('r.status', 'in', [...APPROVED_STATUSES])
    .groupBy('i.code')
    .execute();
  return indicatorCodes.map((code) => {
    const row = rows.find((candidate) => candidate.code === code);
    return {
      indicator: code,
      value: row?.total == null ? null : Number(row.total),
      periods: row ? { from: String(row.first_period), to: String(row.last_period) } : null,
    };
  });
}
