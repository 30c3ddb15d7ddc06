// Saving a full quarterly form through PUT /api/reports/{unit}/{quarter}/values — checks, the draft
// report, the values, the audit entries, everything the route answers with — against the bare upsert
// of the same values in one statement. Two cases: a new report (every value inserted), and a report
// whose every value changes (every value updated, versions checked).
import { type Kysely, sql } from 'kysely';
import { addQuarters, parseQuarter, quarterId } from '../../db/periods';
import type { Database } from '../../db/schema';
import { clearEntries } from '../cleanup';
import { type BenchContext, municipalities, ORIGIN, requestText } from '../context';
import { formValues, type PlanValue, type ProgrammePlan, quarterIndex } from '../generate';
import { samplePair } from '../measure';
import type { SectionResult, TimedCase } from '../results';
import { slowdown } from '../stats';

interface FormInput {
  indicator: string;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  version: number | null;
}

/** The values of a form, each changed by `change` (≥ 1) in a way its value type allows. */
function changed(plan: ProgrammePlan, values: readonly PlanValue[], change: number): PlanValue[] {
  return values.map((value) => {
    const { content } = plan.indicators[value.indicator] ?? {};
    switch (content?.valueType) {
      case 'yes_no':
        return { ...value, value: (value.value + change) % 2 };
      case 'stage':
        return { ...value, value: (value.value + change) % ((content.stages?.length ?? 5) || 1) };
      case 'percentage': {
        const numerator = (value.numerator ?? 0) + change;
        const denominator = value.denominator ?? 1;
        return { ...value, numerator, value: Math.round((numerator / denominator) * 100 * 10_000) / 10_000 };
      }
      default:
        return { ...value, value: value.value + change };
    }
  });
}

function inputsOf(plan: ProgrammePlan, values: readonly PlanValue[], version: number | null): FormInput[] {
  return values.map((value) => {
    const indicator = plan.indicators[value.indicator];
    return {
      indicator: indicator?.content.code ?? '',
      option: indicator?.options[value.option] ?? '',
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      version,
    };
  });
}

/** The baseline: one multi-row INSERT … ON CONFLICT DO UPDATE of the same values. */
async function bareUpsert(
  db: Kysely<Database>,
  ctx: BenchContext,
  unit: number,
  period: string,
  values: readonly PlanValue[],
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('data_value')
    .values(
      values.map((value) => ({
        indicator_id: ctx.ids.indicators[value.indicator] ?? 0,
        org_unit_id: ctx.ids.units[unit] ?? 0,
        period_id: period,
        option_id: ctx.ids.options[value.indicator]?.[value.option] ?? 0,
        value: value.value,
        numerator: value.numerator,
        denominator: value.denominator,
        comment: null,
        created_by: ctx.ids.admin,
        updated_by: ctx.ids.admin,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'org_unit_id', 'period_id', 'option_id']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        version: sql<number>`data_value.version + 1`,
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

export async function runSave(ctx: BenchContext): Promise<SectionResult> {
  const { plan } = ctx;
  const { db } = ctx.bench.handle;
  const open = plan.openQuarter;
  const openIndex = quarterIndex(plan, open);
  const next = quarterId(addQuarters(parseQuarter(open) ?? { year: 0, quarter: 1 }, 1));
  // The municipalities with the largest forms this quarter, one per timed or warm-up save.
  const needed = ctx.sampling.warmup + ctx.sampling.iterations + 1;
  const pool = municipalities(plan)
    .map((unit) => ({ unit, values: formValues(plan, unit, openIndex) }))
    .sort((a, b) => b.values.length - a.values.length || a.unit - b.unit)
    .slice(0, needed);
  const put = async (unit: number, inputs: readonly FormInput[]) => {
    const code = plan.units[unit]?.code ?? '';
    const body = await requestText(ctx.app, `/api/reports/${code}/${open}/values`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: ctx.cookie, origin: ORIGIN },
      body: JSON.stringify({ values: inputs }),
    });
    const saved = (JSON.parse(body) as { saved: number }).saved;
    if (saved !== inputs.length) throw new Error(`bench: ${code} saved ${saved} of ${inputs.length} values`);
  };
  const unitIds = pool.map(({ unit }) => ctx.ids.units[unit] ?? 0);
  await clearEntries(db, unitIds, [open, next]);
  const cases: TimedCase[] = [];
  try {
    // New reports: every save goes to another unit's empty form.
    let taken = 0;
    const take = () => pool[taken++ % pool.length] ?? { unit: 0, values: [] };
    let baselineTaken = 0;
    const takeBaseline = () => pool[baselineTaken++ % pool.length] ?? { unit: 0, values: [] };
    const sizes = pool.map((entry) => entry.values.length);
    const [fewest, most] = [Math.min(...sizes), Math.max(...sizes)];
    const size = fewest === most ? `${most} values` : `${fewest}–${most} values`;
    ctx.log(`save: new reports of ${size}`);
    const fresh = await samplePair(
      () => {
        const { unit, values } = take();
        return put(unit, inputsOf(plan, values, null));
      },
      () => {
        const { unit, values } = takeBaseline();
        return bareUpsert(db, ctx, unit, next, values);
      },
      ctx.sampling,
    );
    const freshName = 'new report, every value inserted';
    cases.push({
      name: freshName,
      ours: fresh.ours,
      baseline: fresh.baseline,
      ratio: slowdown(fresh.ours.median, fresh.baseline.median),
      checks: [{ budget: 'saveP95', value: fresh.ours.p95, where: freshName }],
      detail: size,
    });

    // The same form saved again and again, every value changed each time (an autosave after edits).
    const { unit, values } = pool[0] ?? { unit: 0, values: [] };
    let change = 0;
    let baselineChange = 0;
    ctx.log(`save: every value of a ${values.length}-value form changed`);
    const again = await samplePair(
      () => {
        change++;
        return put(unit, inputsOf(plan, changed(plan, values, change), change));
      },
      () => {
        baselineChange++;
        return bareUpsert(db, ctx, unit, next, changed(plan, values, baselineChange));
      },
      ctx.sampling,
    );
    const againName = 'existing report, every value updated';
    cases.push({
      name: againName,
      ours: again.ours,
      baseline: again.baseline,
      ratio: slowdown(again.ours.median, again.baseline.median),
      checks: [{ budget: 'saveP95', value: again.ours.p95, where: againName }],
      detail: `${values.length} values`,
    });
  } finally {
    await clearEntries(db, unitIds, [open, next]);
  }
  return {
    section: 'save',
    title: `Saving a full quarterly form: \`PUT /api/reports/{unit}/${open}/values\` as an administrator (in-process app.request)`,
    baselineName:
      'the bare upsert of the same values: one INSERT … ON CONFLICT DO UPDATE statement, no checks, no report, no audit.',
    cases,
  };
}
