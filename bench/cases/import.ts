// Bulk import through the real path — POST /api/imports/data-values?dryRun=false with a CSV file: parse,
// plan every row under the entry form's rules, drafts, values, audit, in one transaction — against a
// raw prepared-statement insert of the same rows (ids resolved beforehand) with the same constraints.
// Each run writes the quarter in progress of many municipalities and is removed before the next one.

import { clearEntries } from '../cleanup';
import { type BenchContext, municipalities, ORIGIN, requestText } from '../context';
import { formValues, quarterIndex } from '../generate';
import { VALUE_COLUMNS } from '../populate';
import type { ImportCase, SectionResult } from '../results';
import { type Summary, summarise } from '../stats';

export const DEFAULT_IMPORT_ROWS = 100_000;
export const DEFAULT_IMPORT_RUNS = 3;

interface ImportRows {
  /** Municipality unit indices whose open quarter the rows fill. */
  units: number[];
  csv: string;
  raw: unknown[][];
}

/** Whole forms of the quarter in progress, unit after unit, until `target` rows. */
function importRows(ctx: BenchContext, target: number): ImportRows {
  const { plan } = ctx;
  const open = plan.openQuarter;
  const openIndex = quarterIndex(plan, open);
  const lines = ['indicator,orgUnit,period,option,value,numerator,denominator'];
  const raw: unknown[][] = [];
  const units: number[] = [];
  const now = new Date().toISOString();
  for (const unit of municipalities(plan)) {
    if (raw.length >= target) break;
    units.push(unit);
    const code = plan.units[unit]?.code ?? '';
    for (const value of formValues(plan, unit, openIndex, 1)) {
      const indicator = plan.indicators[value.indicator];
      const percentage = value.numerator !== null;
      lines.push(
        [
          indicator?.content.code,
          code,
          open,
          indicator?.options[value.option],
          value.value,
          percentage ? value.numerator : '',
          percentage ? value.denominator : '',
        ].join(','),
      );
      raw.push([
        ctx.ids.indicators[value.indicator],
        ctx.ids.units[unit],
        open,
        ctx.ids.options[value.indicator]?.[value.option],
        value.value,
        value.numerator,
        value.denominator,
        null,
        ctx.ids.admin,
        ctx.ids.admin,
        now,
        now,
      ]);
    }
  }
  return { units, csv: `${lines.join('\r\n')}\r\n`, raw };
}

function rate(rows: number, seconds: Summary): number {
  return rows / seconds.median;
}

export async function runImport(ctx: BenchContext, targetRows: number, runs: number): Promise<SectionResult> {
  const { db } = ctx.bench.handle;
  const rows = importRows(ctx, targetRows);
  const unitIds = rows.units.map((unit) => ctx.ids.units[unit] ?? 0);
  const periods = [ctx.plan.openQuarter];
  const count = rows.raw.length;
  ctx.log(`import: ${count.toLocaleString('en')} rows of ${rows.units.length} municipalities, ${runs} runs each`);
  await clearEntries(db, unitIds, periods);
  const importSeconds: number[] = [];
  const rawSeconds: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // Raw first, import second, alternately: both meet the same table, indexes and machine.
      let started = performance.now();
      await ctx.bench.bulk.insert('data_value', VALUE_COLUMNS, rows.raw);
      rawSeconds.push((performance.now() - started) / 1000);
      await clearEntries(db, unitIds, periods);

      started = performance.now();
      const body = await requestText(ctx.app, '/api/imports/data-values?dryRun=false', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', cookie: ctx.cookie, origin: ORIGIN },
        body: rows.csv,
      });
      importSeconds.push((performance.now() - started) / 1000);
      const inserted = (JSON.parse(body) as { counts: { insert: number } }).counts.insert;
      if (inserted !== count) throw new Error(`bench: the import inserted ${inserted} of ${count} rows`);
      await clearEntries(db, unitIds, periods);
      ctx.log(
        `import: run ${run + 1}: raw ${rawSeconds.at(-1)?.toFixed(2)} s, import ${importSeconds.at(-1)?.toFixed(2)} s`,
      );
    }
  } finally {
    await clearEntries(db, unitIds, periods);
  }
  const ours = summarise(importSeconds);
  const baseline = summarise(rawSeconds);
  const oursRate = rate(count, ours);
  const baselineRate = rate(count, baseline);
  const name = `CSV, ${rows.units.length} new reports`;
  const result: ImportCase = {
    name,
    rows: count,
    ours,
    baseline,
    oursRate,
    baselineRate,
    ratio: oursRate / baselineRate,
    checks: [
      { budget: 'importRate', value: oursRate, where: name },
      { budget: 'importRatio', value: oursRate / baselineRate, where: name },
    ],
  };
  return {
    section: 'import',
    title:
      'Bulk import: `POST /api/imports/data-values?dryRun=false`, a CSV file of whole quarterly forms (in-process app.request, administrator)',
    baselineName: `a raw prepared-statement insert of the same rows into data_value in one transaction, foreign keys checked (${ctx.bench.engine === 'sqlite' ? 'better-sqlite3: one prepared INSERT run per row' : 'pg: one prepared INSERT … SELECT FROM unnest($1…$12) per 10,000 rows'}).`,
    cases: [result],
  };
}
