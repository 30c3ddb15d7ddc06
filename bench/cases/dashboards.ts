// Whole dashboard payloads, requested as the pages request them (client/src/features/countries and
// region): a country's map and a region's scorecard, each timed from the first request to the last
// answer, the requests of one wave in parallel as a browser sends them.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import {
  type BenchContext,
  DASHBOARD_QUARTERS,
  largestUnit,
  lastQuarters,
  municipalitiesBelow,
  requestText,
} from '../context';
import { type PlanUnit, type ProgrammePlan, tierOf } from '../generate';
import { samplePair } from '../measure';
import type { SectionResult } from '../results';
import { slowdown } from '../stats';

/** Sends each wave's requests together, the next wave once all have answered; returns the bytes read. */
async function fetchWaves(ctx: BenchContext, waves: readonly (readonly string[])[]): Promise<number> {
  let bytes = 0;
  for (const wave of waves) {
    const bodies = await Promise.all(wave.map((path) => requestText(ctx.app, path)));
    for (const body of bodies) bytes += Buffer.byteLength(body);
  }
  return bytes;
}

function describeWaves(waves: readonly (readonly string[])[], bytes: number): string {
  const requests = waves.reduce((sum, wave) => sum + wave.length, 0);
  return `${requests} requests, ${(bytes / 1e6).toFixed(2)} MB`;
}

const quarterList = (quarters: readonly string[]) => sql.join(quarters.map((quarter) => sql`${quarter}`));

/**
 * The units of a subtree as an id list: with it the data_value key (indicator, unit, period, option)
 * is searched unit by unit, as a person writing this SQL by hand would make sure of.
 */
const inSubtree = (column: string, path: string) =>
  sql`${sql.ref(column)} in (select id from org_unit where path like ${`${path}%`})`;

/** Approved values of one indicator in a subtree summed per unit and per parent unit, in one statement. */
async function rawFigures(db: Kysely<Database>, indicatorId: number, path: string, quarters: readonly string[]) {
  return Promise.all([
    sql`
      with per_unit as materialized (
        select dv.org_unit_id, sum(dv.value) as value, count(*) as n
        from data_value dv
        join report r on r.org_unit_id = dv.org_unit_id and r.period_id = dv.period_id
        where dv.indicator_id = ${indicatorId} and dv.period_id in (${quarterList(quarters)})
          and r.status in ('approved', 'accepted') and ${inSubtree('dv.org_unit_id', path)}
        group by dv.org_unit_id
      )
      select 'unit' as level, org_unit_id as unit_id, value, n from per_unit
      union all
      select 'parent', u.parent_id, sum(p.value), sum(p.n)
      from per_unit p join org_unit u on u.id = p.org_unit_id
      group by u.parent_id`.execute(db),
    sql`
      select t.org_unit_id, sum(t.value) / 4 as target
      from target t
      join period y on y.id = t.period_id
      join period q on q.year = y.year and q.type = 'quarter'
      where t.indicator_id = ${indicatorId} and t.type = 'target' and q.id in (${quarterList(quarters)})
        and ${inSubtree('t.org_unit_id', path)}
      group by t.org_unit_id`.execute(db),
  ]);
}

async function unitRow(db: Kysely<Database>, code: string) {
  return db.selectFrom('org_unit').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
}

export async function runMap(ctx: BenchContext): Promise<SectionResult> {
  const { db } = ctx.bench.handle;
  const { unit: country } = largestUnit(ctx.plan, 'country');
  const { param, quarters } = lastQuarters(ctx.plan, DASHBOARD_QUARTERS);
  const analytics = (orgUnit: string, level?: string) =>
    `/api/analytics?indicator=${ctx.indicator}&orgUnit=${orgUnit}&periods=${param}&by=unit${level ? `&level=${level}` : ''}&locale=en`;
  // client/src/features/countries/country-page.tsx: outlines of the children and of the context, the
  // municipalities as points, the figures of the children, and every municipality's figure in one
  // breakdown at the municipal level.
  const waves = [
    [
      `/api/geo/boundaries?parent=${country.code}&locale=en`,
      '/api/geo/boundaries?level=1&locale=en',
      `/api/geo/points?parent=${country.code}&kind=municipality&locale=en`,
      analytics(country.code),
      analytics(country.code, 'municipality'),
    ],
  ];
  const row = await unitRow(db, country.code);
  const indicatorId = (
    await db.selectFrom('indicator').select('id').where('code', '=', ctx.indicator).executeTakeFirstOrThrow()
  ).id;
  const raw = () =>
    Promise.all([
      sql`select u.code, u.name, b.geometry from org_unit u join org_unit_boundary b on b.org_unit_id = u.id where u.parent_id = ${row.id}`.execute(
        db,
      ),
      sql`select u.code, u.name, b.geometry from org_unit u join org_unit_boundary b on b.org_unit_id = u.id where u.level = 1`.execute(
        db,
      ),
      sql`select code, name, latitude, longitude from org_unit where path like ${`${row.path}%`} and kind = 'municipality'`.execute(
        db,
      ),
      rawFigures(db, indicatorId, row.path, quarters),
    ]);
  const bytes = await fetchWaves(ctx, waves);
  ctx.log(`map: ${country.code}, ${describeWaves(waves, bytes)}`);
  const { ours, baseline } = await samplePair(() => fetchWaves(ctx, waves), raw, ctx.sampling);
  const name = `country ${country.code}, ${DASHBOARD_QUARTERS} quarters`;
  return {
    section: 'map',
    title: `A country's map: its outlines, points and figures (${ctx.indicator}, by unit), as the country page loads them`,
    baselineName:
      'hand-written SQL reading the same outlines and points, summing the same approved values per municipality ' +
      'and per region, and their targets (five statements, run concurrently as the requests are).',
    cases: [
      {
        name,
        ours,
        baseline,
        ratio: slowdown(ours.median, baseline.median),
        checks: [{ budget: 'mapP95', value: ours.p95, where: name }],
        detail: describeWaves(waves, bytes),
      },
    ],
  };
}

/** The scorecard's indicators: local ones in the frameworks of projects covering the municipalities. */
function scorecardIndicators(plan: ProgrammePlan, municipalities: readonly number[]): string[] {
  const projects = new Set(municipalities.flatMap((unit) => plan.projectsOf[unit] ?? []));
  const chosen = new Set<number>();
  for (const project of projects) {
    for (const indicator of plan.projects[project]?.indicators ?? []) {
      if (plan.indicators[indicator]?.content.tiers.includes(tierOf('municipality'))) chosen.add(indicator);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((indicator) => plan.indicators[indicator]?.content.code ?? '');
}

export async function runScorecard(ctx: BenchContext): Promise<SectionResult> {
  const { db } = ctx.bench.handle;
  const { index, unit: region } = largestUnit(ctx.plan, 'region');
  const country = ctx.plan.units[region.country] as PlanUnit;
  const { param, quarters } = lastQuarters(ctx.plan, DASHBOARD_QUARTERS);
  const municipalities = municipalitiesBelow(ctx.plan, index);
  const codes = scorecardIndicators(ctx.plan, municipalities);
  const projects = ctx.plan.projects.filter((project) => project.country === region.country).map((p) => p.code);
  // client/src/features/region: the unit, its municipalities, the country's projects and indicators;
  // then each project's framework; then one breakdown by unit per scorecard indicator.
  const waves = [
    [
      `/api/org-units/${region.code}?locale=en`,
      `/api/geo/points?parent=${region.code}&kind=municipality&locale=en`,
      `/api/projects?country=${country.code}&locale=en`,
      '/api/indicators?locale=en',
    ],
    projects.map((code) => `/api/projects/${code}?locale=en`),
    codes.map((code) => `/api/analytics?indicator=${code}&orgUnit=${region.code}&periods=${param}&by=unit&locale=en`),
  ];
  const row = await unitRow(db, region.code);
  const indicatorIds = (await db.selectFrom('indicator').select('id').where('code', 'in', codes).execute()).map(
    (r) => r.id,
  );
  const ids = sql.join(indicatorIds.map((id) => sql`${id}`));
  const raw = () =>
    Promise.all([
      sql`
        select dv.indicator_id, dv.org_unit_id, sum(dv.value) as total, avg(dv.value) as mean, max(dv.value) as top,
               sum(dv.numerator) as num, sum(dv.denominator) as den, count(*) as n
        from data_value dv
        join report r on r.org_unit_id = dv.org_unit_id and r.period_id = dv.period_id
        where dv.indicator_id in (${ids}) and dv.period_id in (${quarterList(quarters)})
          and r.status in ('approved', 'accepted') and ${inSubtree('dv.org_unit_id', row.path)}
        group by dv.indicator_id, dv.org_unit_id`.execute(db),
      sql`
        select t.indicator_id, t.org_unit_id, sum(t.value) as target
        from target t
        join period y on y.id = t.period_id
        join period q on q.year = y.year and q.type = 'quarter'
        where t.indicator_id in (${ids}) and t.type = 'target' and q.id in (${quarterList(quarters)})
          and ${inSubtree('t.org_unit_id', row.path)}
        group by t.indicator_id, t.org_unit_id`.execute(db),
    ]);
  const bytes = await fetchWaves(ctx, waves);
  ctx.log(`scorecard: ${region.code}, ${describeWaves(waves, bytes)}`);
  const { ours, baseline } = await samplePair(() => fetchWaves(ctx, waves), raw, ctx.sampling);
  return {
    section: 'scorecard',
    title: `A region's scorecard: ${codes.length} indicators × ${municipalities.length} municipalities, as the region page loads it`,
    baselineName:
      'two hand-written SQL statements: the approved values of every scorecard indicator per municipality (sum, ' +
      'mean, max, numerator, denominator, count) and their targets. No budget of its own: each of its analytics ' +
      'requests is a dashboard aggregate (≤ 50 ms p95).',
    cases: [
      {
        name: `region ${region.code}, ${DASHBOARD_QUARTERS} quarters`,
        ours,
        baseline,
        ratio: slowdown(ours.median, baseline.median),
        checks: [],
        detail: describeWaves(waves, bytes),
      },
    ],
  };
}
