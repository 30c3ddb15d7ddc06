import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { indicators } from '../../bench/content';
import {
  allocate,
  formValues,
  generateReports,
  generateTargets,
  type ProgrammePlan,
  planProgramme,
  reportedIndicators,
  splitInteger,
} from '../../bench/generate';
import { mulberry32 } from '../../db/seed/random';

const AS_OF = new Date('2026-11-28T00:00:00Z');

function fingerprint(plan: ProgrammePlan): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(plan.units.map(({ geometry, ...unit }) => unit)));
  hash.update(JSON.stringify(plan.projects));
  for (const report of generateReports(plan)) hash.update(JSON.stringify(report));
  for (const target of generateTargets(plan)) hash.update(JSON.stringify(target));
  return hash.digest('hex');
}

describe('the bench programme generator', () => {
  const tiny = planProgramme({ scale: 0.01, asOf: AS_OF });

  test('has the shape of the bench scale at any scale: 8 countries, 129 regions, 40 indicators, 24 quarters', () => {
    const kinds = tiny.units.map((unit) => unit.kind);
    expect(kinds.filter((kind) => kind === 'country')).toHaveLength(8);
    expect(kinds.filter((kind) => kind === 'region')).toHaveLength(129);
    expect(kinds.filter((kind) => kind === 'municipality')).toHaveLength(20);
    expect(tiny.indicators).toHaveLength(40);
    expect(tiny.quarters).toHaveLength(24);
    expect(tiny.quarters.at(-1)).toBe('2026Q3');
    expect(tiny.openQuarter).toBe('2026Q4');
  });

  test.each([
    [0.05, 100],
    [1, 2000],
    [2.5, 5000],
  ])('scale %d gives %i municipalities', (scale, municipalities) => {
    const plan = planProgramme({ scale, asOf: AS_OF });
    expect(plan.units.filter((unit) => unit.kind === 'municipality')).toHaveLength(municipalities);
  });

  test('is deterministic: the same scale, seed and date give the same rows', () => {
    expect(fingerprint(planProgramme({ scale: 0.01, asOf: AS_OF }))).toBe(fingerprint(tiny));
  });

  test('another seed gives another programme', () => {
    expect(fingerprint(planProgramme({ scale: 0.01, seed: 7, asOf: AS_OF }))).not.toBe(fingerprint(tiny));
  });

  test('codes are unique and every municipality hangs under a region of its own country', () => {
    const codes = tiny.units.map((unit) => unit.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const unit of tiny.units.filter((candidate) => candidate.kind === 'municipality')) {
      const region = tiny.units[unit.parent ?? -1];
      expect(region?.kind).toBe('region');
      expect(region?.country).toBe(unit.country);
    }
  });

  test('a full local form is about 200 values (the open quarter is a Q4: annual indicators too)', () => {
    const full = indicators
      .filter((indicator) => indicator.tiers.includes('local'))
      .reduce((sum, indicator) => sum + (tiny.indicators.find((i) => i.content === indicator)?.options.length ?? 0), 0);
    expect(full).toBe(197);
    const largest = Math.max(
      ...tiny.units.flatMap((unit, index) =>
        unit.kind === 'municipality' ? [formValues(tiny, index, tiny.quarters.length).length] : [],
      ),
    );
    expect(largest).toBe(full);
  });

  test('values are valid for their indicator and only for indicators the unit reports that quarter', () => {
    let checked = 0;
    for (const report of generateReports(tiny)) {
      const reported = new Set(reportedIndicators(tiny, report.unit, report.quarter));
      for (const value of report.values) {
        expect(reported.has(value.indicator)).toBe(true);
        const { content, options } = tiny.indicators[value.indicator] ?? {};
        expect(value.option).toBeLessThan(options?.length ?? 0);
        if (content?.valueType === 'integer') expect(Number.isInteger(value.value) && value.value >= 0).toBe(true);
        if (content?.valueType === 'yes_no') expect([0, 1]).toContain(value.value);
        if (content?.valueType === 'percentage') {
          expect(value.value).toBeCloseTo(((value.numerator ?? 0) / (value.denominator ?? 1)) * 100, 3);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('draft and missing reports exist in the quarter being reported, none in the open quarter', () => {
    const last = tiny.quarters.length - 1;
    const statuses = new Set([...generateReports(tiny)].filter((r) => r.quarter === last).map((r) => r.status));
    expect(statuses.has('draft') || statuses.has('submitted')).toBe(true);
    expect([...generateReports(tiny)].some((report) => report.quarter > last)).toBe(false);
  });

  test.each([
    [10, [1, 1, 1]],
    [7, [3, 1]],
    [0, [1, 2]],
    [2000, [0.4, 1.2, 0.9, 1.4]],
  ])('allocate(%i, %j) adds up exactly', (total, weights) => {
    const counts = allocate(total, weights);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(counts.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
  });

  test('splitInteger keeps the total of a disaggregated value', () => {
    const parts = splitInteger(101, 30, mulberry32(1));
    expect(parts).toHaveLength(30);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(101);
  });
});
