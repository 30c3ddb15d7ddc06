// GET /api/analytics at each level (programme, country, region) over 1, 4 and 24 quarters, as a donor
// sees it (approved values only), against one hand-written SQL statement computing the same total,
// value count, units reporting and target from the raw rows.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { type BenchContext, largestUnit, lastQuarters, requestText } from '../context';
import { QUARTERS_OF_DATA } from '../generate';
import { samplePair } from '../measure';
import type { Check, SectionResult, TimedCase } from '../results';
import { slowdown } from '../stats';

export interface RawAggregate {
  value: number | null;
  values: number;
  units: number;
  target: number | null;
}

/**
 * The baseline: approved values of one indicator in a subtree and quarters, summed, and the yearly
 * targets of the subtree spread over the quarters (¼ per quarter of a quarterly sum indicator).
 */
export async function rawAggregate(
  db: Kysely<Database>,
  query: { indicatorId: number; quarters: readonly string[]; path: string | null },
): Promise<RawAggregate> {
  const quarters = sql.join(query.quarters.map((quarter) => sql`${quarter}`));
  const inScope = (column: string) =>
    query.path === null
      ? sql``
      : sql`and ${sql.ref(column)} in (select id from org_unit where path like ${`${query.path}%`})`;
  const result = await sql<{
    value: number | string | null;
    n: number | string;
    units: number | string;
    target: number | string | null;
  }>`
    select a.value, a.n, a.units, b.target
    from (
      select sum(dv.value) as value, count(*) as n, count(distinct dv.org_unit_id) as units
      from data_value dv
      join report r on r.org_unit_id = dv.org_unit_id and r.period_id = dv.period_id
      where dv.indicator_id = ${query.indicatorId} and dv.period_id in (${quarters})
        and r.status in ('approved', 'accepted') ${inScope('dv.org_unit_id')}
    ) a
    cross join (
      select sum(t.value) / 4 as target
      from target t
      join period y on y.id = t.period_id
      join period q on q.year = y.year and q.type = 'quarter'
      where t.indicator_id = ${query.indicatorId} and t.type = 'target' and q.id in (${quarters})
        ${inScope('t.org_unit_id')}
    ) b
  `.execute(db);
  const row = result.rows[0];
  return {
    value: row?.value == null ? null : Number(row.value),
    values: Number(row?.n ?? 0),
    units: Number(row?.units ?? 0),
    target: row?.target == null ? null : Number(row.target),
  };
}

interface ApiTotal {
  total: { value: number | null; values: number; unitsReporting: number; target: number | null };
}

/** Where the API's total and the raw query disagree (they must not: both read the same rows). */
function differences(api: ApiTotal['total'], raw: RawAggregate): string[] {
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  const found: string[] = [];
  if (!close(api.value, raw.value)) found.push(`value ${api.value} vs raw ${raw.value}`);
  if (api.values !== raw.values) found.push(`values ${api.values} vs raw ${raw.values}`);
  if (api.unitsReporting !== raw.units) found.push(`units ${api.unitsReporting} vs raw ${raw.units}`);
  if (!close(api.target, raw.target)) found.push(`target ${api.target} vs raw ${raw.target}`);
  return found;
}

export async function runAnalytics(ctx: BenchContext): Promise<SectionResult> {
  const { db } = ctx.bench.handle;
  const indicator = await db
    .selectFrom('indicator')
    .select(['id', 'aggregation_type'])
    .where('code', '=', ctx.indicator)
    .executeTakeFirstOrThrow();
  if (indicator.aggregation_type !== 'sum')
    throw new Error(`bench: --indicator must be a sum indicator (the baseline sums)`);
  const levels: { name: string; code: string | null }[] = [
    { name: 'programme', code: null },
    { name: `country ${largestUnit(ctx.plan, 'country').unit.code}`, code: largestUnit(ctx.plan, 'country').unit.code },
    { name: `region ${largestUnit(ctx.plan, 'region').unit.code}`, code: largestUnit(ctx.plan, 'region').unit.code },
  ];
  const cases: TimedCase[] = [];
  for (const level of levels) {
    const path =
      level.code === null
        ? null
        : (await db.selectFrom('org_unit').select('path').where('code', '=', level.code).executeTakeFirstOrThrow())
            .path;
    for (const count of [1, 4, QUARTERS_OF_DATA]) {
      const { param, quarters } = lastQuarters(ctx.plan, count);
      const url =
        `/api/analytics?indicator=${ctx.indicator}&periods=${param}&by=none&locale=en` +
        (level.code === null ? '' : `&orgUnit=${level.code}`);
      const raw = () => rawAggregate(db, { indicatorId: indicator.id, quarters, path });
      const api = (JSON.parse(await requestText(ctx.app, url)) as ApiTotal).total;
      const mismatch = differences(api, await raw());
      const name = `${level.name}, ${count} quarter${count === 1 ? '' : 's'}`;
      ctx.log(`analytics: ${name}`);
      const { ours, baseline } = await samplePair(() => requestText(ctx.app, url), raw, ctx.sampling);
      const ratio = slowdown(ours.median, baseline.median);
      const checks: Check[] = [
        { budget: 'aggregateP95', value: ours.p95, where: name },
        { budget: 'aggregateRatio', value: ratio, where: name },
      ];
      cases.push({
        name,
        ours,
        baseline,
        ratio,
        checks,
        detail: `${api.values.toLocaleString('en')} values`,
        ...(mismatch.length > 0 ? { note: `the API and the raw query disagree: ${mismatch.join('; ')}` } : {}),
      });
    }
  }
  return {
    section: 'analytics',
    title: `Analytics aggregate: \`GET /api/analytics?indicator=${ctx.indicator}&by=none\` (in-process app.request, anonymous = approved values)`,
    baselineName:
      'one hand-written SQL statement over data_value ⋈ report (approved) giving the same total, value count, ' +
      'units reporting and target; the run checks that both give the same figures.',
    cases,
  };
}
