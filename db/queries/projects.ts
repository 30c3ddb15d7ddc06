import type { Kysely } from 'kysely';
import type { AggregationType, Database, Locale, ResultType, ValueType } from '../schema';
import type { CodeName } from './indicators';
import { listOrgUnits, type OrgUnitSummary } from './org-units';
import { findTranslations, pick } from './translations';

export interface ProjectSummary {
  code: string;
  name: string;
  description: string;
  illustrative: boolean;
  country: CodeName;
  leadUnit: CodeName;
  startDate: string;
  endDate: string;
  budget: number;
  currency: string;
  /** IATI ActivityStatus code. */
  status: number;
  iatiIdentifier: string | null;
  themes: CodeName[];
  coveredUnitCount: number;
}

export interface ResultFramework {
  code: string;
  type: ResultType;
  title: string;
  description: string;
  indicators: { code: string; name: string; unit: string; valueType: ValueType; aggregationType: AggregationType }[];
}

export interface ProjectDetail {
  project: ProjectSummary;
  results: ResultFramework[];
  coveredUnits: OrgUnitSummary[];
}

export interface ProjectFilter {
  country?: string | undefined;
  codes?: readonly string[] | undefined;
  locale: Locale;
}

export async function listProjects(db: Kysely<Database>, filter: ProjectFilter): Promise<ProjectSummary[]> {
  let query = db
    .selectFrom('project as p')
    .innerJoin('org_unit as c', 'c.id', 'p.country_id')
    .innerJoin('org_unit as l', 'l.id', 'p.lead_unit_id')
    .selectAll('p')
    .select(['c.id as country_unit_id', 'c.code as country_code', 'c.name as country_name'])
    .select(['l.id as lead_unit_id', 'l.code as lead_code', 'l.name as lead_name'])
    .select((eb) =>
      eb
        .selectFrom('project_unit as pu')
        .select(eb.fn.countAll<string | number>().as('n'))
        .whereRef('pu.project_id', '=', 'p.id')
        .as('covered_unit_count'),
    );
  if (filter.country) query = query.where('c.code', '=', filter.country);
  if (filter.codes) query = query.where('p.code', 'in', filter.codes.length ? [...filter.codes] : ['']);
  const rows = await query.orderBy('c.name').orderBy('p.code').execute();
  if (rows.length === 0) return [];

  const ids = rows.map((row) => row.id);
  const themes = await db
    .selectFrom('project_theme as pt')
    .innerJoin('theme as t', 't.id', 'pt.theme_id')
    .select(['pt.project_id', 't.id', 't.code', 't.name'])
    .where('pt.project_id', 'in', ids)
    .orderBy('t.code')
    .execute();
  const [projectNames, unitNames, themeNames] = await Promise.all([
    findTranslations(db, 'project', ids, filter.locale),
    findTranslations(
      db,
      'org_unit',
      rows.flatMap((row) => [row.country_unit_id, row.lead_unit_id]),
      filter.locale,
    ),
    findTranslations(
      db,
      'theme',
      themes.map((theme) => theme.id),
      filter.locale,
    ),
  ]);

  return rows.map((row) => ({
    code: row.code,
    name: pick(projectNames, row.id, 'name', row.name),
    description: pick(projectNames, row.id, 'description', row.description),
    illustrative: row.illustrative === 1,
    country: { code: row.country_code, name: pick(unitNames, row.country_unit_id, 'name', row.country_name) },
    leadUnit: { code: row.lead_code, name: pick(unitNames, row.lead_unit_id, 'name', row.lead_name) },
    startDate: row.start_date,
    endDate: row.end_date,
    budget: row.budget,
    currency: row.currency,
    status: row.status,
    iatiIdentifier: row.iati_identifier,
    themes: themes
      .filter((theme) => theme.project_id === row.id)
      .map((theme) => ({ code: theme.code, name: pick(themeNames, theme.id, 'name', theme.name) })),
    coveredUnitCount: Number(row.covered_unit_count ?? 0),
  }));
}

export async function findProject(
  db: Kysely<Database>,
  code: string,
  locale: Locale,
): Promise<ProjectDetail | undefined> {
  const [project] = await listProjects(db, { codes: [code], locale });
  if (!project) return undefined;

  const results = await db
    .selectFrom('result as r')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .selectAll('r')
    .where('p.code', '=', code)
    .orderBy('r.sort_order')
    .execute();
  const resultIds = results.map((result) => result.id);
  const links =
    resultIds.length === 0
      ? []
      : await db
          .selectFrom('result_indicator as ri')
          .innerJoin('indicator as i', 'i.id', 'ri.indicator_id')
          .select(['ri.result_id', 'i.id', 'i.code', 'i.name', 'i.unit', 'i.value_type', 'i.aggregation_type'])
          .where('ri.result_id', 'in', resultIds)
          .orderBy('ri.sort_order')
          .execute();
  const [resultTexts, indicatorTexts, unitRows] = await Promise.all([
    findTranslations(db, 'result', resultIds, locale),
    findTranslations(
      db,
      'indicator',
      links.map((link) => link.id),
      locale,
    ),
    db
      .selectFrom('project_unit as pu')
      .innerJoin('project as p', 'p.id', 'pu.project_id')
      .innerJoin('org_unit as u', 'u.id', 'pu.org_unit_id')
      .select('u.code')
      .where('p.code', '=', code)
      .execute(),
  ]);
  const covered = await listOrgUnits(db, { codes: unitRows.map((row) => row.code), locale });

  return {
    project,
    results: results.map((result) => ({
      code: result.code,
      type: result.type,
      title: pick(resultTexts, result.id, 'name', result.title),
      description: pick(resultTexts, result.id, 'description', result.description),
      indicators: links
        .filter((link) => link.result_id === result.id)
        .map((link) => ({
          code: link.code,
          name: pick(indicatorTexts, link.id, 'name', link.name),
          unit: pick(indicatorTexts, link.id, 'unit', link.unit),
          valueType: link.value_type,
          aggregationType: link.aggregation_type,
        })),
    })),
    coveredUnits: covered,
  };
}
