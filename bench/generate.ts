// The bench programme, generated deterministically: the same scale, seed and quarters give the same
// units, projects, reports and values on every machine (PRNGs keyed by unit and quarter, as in the demo
// seed, so generation order changes nothing). Pure: nothing here touches a database (see populate.ts).
//
// At scale 1: the eight demo countries and their 129 first-level regions with their Natural Earth
// outlines, 2,000 municipalities (the demo's 75 × ~27) spread over the regions, the 40 indicators of
// content.ts, three projects per country, 24 quarters of reports and several million values.
import { loadAdmin1, loadCountries } from '../db/geo/index';
import { type AreaGeometry, labelPoint } from '../db/geometry';
import {
  addQuarters,
  lastCompleteQuarter,
  parseQuarter,
  quarterDates,
  quarterId,
  quartersEndingWith,
} from '../db/periods';
import type { IndicatorContent } from '../db/seed/content/types';
import { between, randomFor, weighted } from '../db/seed/random';
import { HEADLINE_INDICATORS, indicators, optionCodes } from './content';

export const MUNICIPALITIES_AT_SCALE_1 = 2000;
export const QUARTERS_OF_DATA = 24;
export const PROJECTS_PER_COUNTRY = 3;
export const DEFAULT_SEED = 20260101;

export type PlanKind = 'country' | 'region' | 'municipality';
export type PlanTier = 'national' | 'regional' | 'local';
export type PlanStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted';

export interface PlanUnit {
  code: string;
  name: string;
  kind: PlanKind;
  /** Index of the parent in `units`; null for a country. */
  parent: number | null;
  /** Index of the unit's country in `units`. */
  country: number;
  /** [longitude, latitude] */
  point: [number, number];
  isoCode: string | null;
  geometry: AreaGeometry | null;
}

export interface PlanIndicator {
  content: IndicatorContent;
  /** Option codes of its disaggregation ('TOTAL' when it has none). */
  options: string[];
}

export interface PlanProject {
  code: string;
  name: string;
  country: number;
  lead: number;
  /** Unit indices: the country, its regions of this project and their municipalities. */
  units: number[];
  /** Index of its first quarter in `quarters`; it runs past the open quarter. */
  startQuarter: number;
  startDate: string;
  endDate: string;
  budget: number;
  /** Indicator indices of its results framework, split into results in `results`. */
  indicators: number[];
}

export interface ProgrammePlan {
  scale: number;
  seed: number;
  /** The quarters with reports and values, oldest first; the last one is being reported now. */
  quarters: string[];
  /** The quarter in progress: no reports yet, open for entry (form saves and imports use it). */
  openQuarter: string;
  /** Countries, then regions, then municipalities. */
  units: PlanUnit[];
  indicators: PlanIndicator[];
  projects: PlanProject[];
  /** Per unit: indices of the projects covering it. */
  projectsOf: number[][];
}

export interface PlanOptions {
  scale: number;
  seed?: number;
  /** "Today": the data ends with the last quarter complete on this date. */
  asOf: Date;
}

// ---- the plan ----

export function planProgramme({ scale, seed = DEFAULT_SEED, asOf }: PlanOptions): ProgrammePlan {
  if (!(scale > 0)) throw new Error(`scale must be above 0, got ${scale}`);
  const last = lastCompleteQuarter(asOf);
  const quarters = quartersEndingWith(last, QUARTERS_OF_DATA).map(quarterId);
  const openQuarter = quarterId(addQuarters(last, 1));
  const units = planUnits(Math.max(1, Math.round(MUNICIPALITIES_AT_SCALE_1 * scale)), seed);
  const planIndicators = indicators.map((content) => ({ content, options: optionCodes(content.disaggregation) }));
  const projects = planProjects(units, planIndicators, quarters, openQuarter, seed);
  const projectsOf: number[][] = units.map(() => []);
  for (const [index, project] of projects.entries()) {
    for (const unit of project.units) projectsOf[unit]?.push(index);
  }
  return { scale, seed, quarters, openQuarter, units, indicators: planIndicators, projects, projectsOf };
}

function planUnits(municipalities: number, seed: number): PlanUnit[] {
  const units: PlanUnit[] = [];
  const countryIndex = new Map<string, number>();
  for (const feature of loadCountries().features) {
    countryIndex.set(feature.properties.iso3, units.length);
    units.push({
      code: feature.properties.iso3,
      name: feature.properties.name,
      kind: 'country',
      parent: null,
      country: units.length,
      point: labelPoint(feature.geometry),
      isoCode: feature.properties.iso2,
      geometry: feature.geometry,
    });
  }
  const regions: number[] = [];
  for (const feature of loadAdmin1().features) {
    const country = countryIndex.get(feature.properties.iso3);
    if (country === undefined) throw new Error(`bench: region ${feature.properties.code} of unknown country`);
    regions.push(units.length);
    units.push({
      code: feature.properties.code,
      name: feature.properties.name,
      kind: 'region',
      parent: country,
      country,
      point: labelPoint(feature.geometry),
      isoCode: feature.properties.iso_3166_2,
      geometry: feature.geometry,
    });
  }
  const counts = allocate(
    municipalities,
    regions.map((region) => 0.4 + randomFor(seed, 'region-size', (units[region] as PlanUnit).code)()),
  );
  for (const [position, region] of regions.entries()) {
    const parent = units[region] as PlanUnit;
    for (let k = 1; k <= (counts[position] ?? 0); k++) {
      const random = randomFor(seed, 'place', parent.code, k);
      const [lon, lat] = parent.point;
      units.push({
        code: `${parent.code}-M${String(k).padStart(3, '0')}`,
        name: `${parent.name} ${k}`,
        kind: 'municipality',
        parent: region,
        country: parent.country,
        point: [
          round4(lon + between(random, -0.3, 0.3)),
          round4(Math.max(-89, Math.min(89, lat + between(random, -0.3, 0.3)))),
        ],
        isoCode: null,
        geometry: null,
      });
    }
  }
  return units;
}

/** Splits `total` into integers proportional to `weights` (largest remainder; deterministic). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  let remainder = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) }));
  order.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    remainder--;
  }
  return counts;
}

function planProjects(
  units: readonly PlanUnit[],
  planIndicators: readonly PlanIndicator[],
  quarters: readonly string[],
  openQuarter: string,
  seed: number,
): PlanProject[] {
  const projects: PlanProject[] = [];
  const open = parseQuarter(openQuarter);
  if (!open) throw new Error(`bench: bad quarter ${openQuarter}`);
  for (const [countryIndex, country] of units.entries()) {
    if (country.kind !== 'country') continue;
    const regions = units.flatMap((unit, index) =>
      unit.kind === 'region' && unit.parent === countryIndex ? [index] : [],
    );
    const count = Math.min(PROJECTS_PER_COUNTRY, regions.length);
    const first = projects.length;
    for (let p = 0; p < count; p++) {
      const random = randomFor(seed, 'project', country.code, p);
      // The first project of each country is the flagship: every indicator, from the first quarter.
      // The others report the headline indicators and about a third of the rest, and start later.
      const startQuarter = p === 0 ? 0 : Math.floor(between(random, p * 3 - 3, p * 6));
      const chosen = planIndicators.flatMap((indicator, index) => {
        const { code, tiers } = indicator.content;
        const always = p === 0 || !tiers.includes('local') || (HEADLINE_INDICATORS as readonly string[]).includes(code);
        return always || randomFor(seed, 'framework', country.code, p, code)() < 0.35 ? [index] : [];
      });
      const mine = regions.filter((_, position) => position % count === p);
      const start = parseQuarter(quarters[startQuarter] as string);
      if (!start) throw new Error('bench: bad quarter');
      projects.push({
        code: `${country.code}-P${p + 1}`,
        name: `${country.name} local migration governance ${p + 1}`,
        country: countryIndex,
        lead: mine[0] ?? countryIndex,
        units: [
          countryIndex,
          ...mine,
          ...units.flatMap((unit, index) =>
            unit.parent !== null && mine.includes(unit.parent) && unit.kind === 'municipality' ? [index] : [],
          ),
        ],
        startQuarter,
        startDate: quarterDates(start).start,
        endDate: quarterDates(addQuarters(open, 4 + Math.floor(random() * 5))).end,
        budget: Math.round(between(random, 0.5, 3) * 1_000_000),
        indicators: chosen,
      });
    }
    // A quarter of the municipalities are covered by a second project of their country too.
    for (let p = 0; p < count && count > 1; p++) {
      const project = projects[first + p] as PlanProject;
      const next = projects[first + ((p + 1) % count)] as PlanProject;
      for (const unit of project.units) {
        const candidate = units[unit] as PlanUnit;
        if (candidate.kind === 'municipality' && randomFor(seed, 'overlap', candidate.code)() < 0.25)
          next.units.push(unit);
      }
    }
  }
  return projects;
}

// ---- what each unit reports ----

export function tierOf(kind: PlanKind): PlanTier {
  return kind === 'country' ? 'national' : kind === 'region' ? 'regional' : 'local';
}

/** Index of a quarter id in the plan's quarters, `quarters.length` for the open quarter. */
export function quarterIndex(plan: ProgrammePlan, quarter: string): number {
  if (quarter === plan.openQuarter) return plan.quarters.length;
  const index = plan.quarters.indexOf(quarter);
  if (index < 0) throw new Error(`bench: ${quarter} is not a quarter of the plan`);
  return index;
}

export function quarterAt(plan: ProgrammePlan, index: number): string {
  return index === plan.quarters.length ? plan.openQuarter : (plan.quarters[index] as string);
}

/**
 * Indicator indices a unit reports in a quarter — the server's rule (listReportingIndicators): those
 * of projects covering the unit and running that quarter, at the unit's tier; annual ones only in Q4.
 */
export function reportedIndicators(plan: ProgrammePlan, unit: number, quarter: number): number[] {
  const tier = tierOf((plan.units[unit] as PlanUnit).kind);
  const isQ4 = quarterAt(plan, quarter).endsWith('Q4');
  const chosen = new Set<number>();
  for (const projectIndex of plan.projectsOf[unit] ?? []) {
    const project = plan.projects[projectIndex] as PlanProject;
    if (project.startQuarter > quarter) continue;
    for (const index of project.indicators) {
      const { content } = plan.indicators[index] as PlanIndicator;
      if (!content.tiers.includes(tier)) continue;
      if (content.periodicity === 'annual' && !isQ4) continue;
      chosen.add(index);
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

// ---- reports and values ----

export interface PlanValue {
  indicator: number;
  /** Index into the indicator's options. */
  option: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export interface PlanReport {
  unit: number;
  quarter: number;
  status: PlanStatus;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  acceptedAt: string | null;
  updatedAt: string;
  values: PlanValue[];
}

const COMMENTS = ['Figures confirmed with the help office register.', 'Office closed two weeks for renovation.'];

/** The report's state by its age in quarters (0 = the quarter being reported now), as in the demo seed. */
function statusFor(random: () => number, age: number, national: boolean): PlanStatus | 'missing' {
  if (age >= 4)
    return weighted(random, { accepted: national ? 0 : 80, approved: national ? 95 : 14, missing: 3, submitted: 3 });
  if (age >= 2) return weighted(random, { accepted: 35, approved: 45, submitted: 10, returned: 4, missing: 6 });
  if (age === 1)
    return weighted(random, { accepted: 10, approved: 40, submitted: 28, returned: 8, draft: 6, missing: 8 });
  return weighted(random, { approved: 15, submitted: 35, returned: 10, draft: 25, missing: 15 });
}

/** Every report of the programme with its values, unit by unit, quarter by quarter. */
export function* generateReports(plan: ProgrammePlan): Generator<PlanReport> {
  const last = plan.quarters.length - 1;
  for (let unit = 0; unit < plan.units.length; unit++) {
    const national = (plan.units[unit] as PlanUnit).kind === 'country';
    for (let quarter = 0; quarter <= last; quarter++) {
      const reported = reportedIndicators(plan, unit, quarter);
      if (reported.length === 0) continue;
      const random = randomFor(plan.seed, 'report', (plan.units[unit] as PlanUnit).code, quarter);
      const status = statusFor(random, last - quarter, national);
      if (status === 'missing') continue;
      const dates = reportDates(plan.quarters[quarter] as string, random);
      const skip = status === 'draft' ? 0.4 : 0.04;
      const values: PlanValue[] = [];
      for (const indicator of reported) {
        if (random() < skip) continue;
        pushValues(values, plan, unit, quarter, indicator, random);
      }
      yield {
        unit,
        quarter,
        status,
        createdAt: dates.created,
        submittedAt: status === 'draft' ? null : dates.submitted,
        approvedAt: status === 'approved' || status === 'accepted' ? dates.approved : null,
        acceptedAt: status === 'accepted' ? dates.accepted : null,
        updatedAt: {
          draft: dates.created,
          submitted: dates.submitted,
          returned: dates.returned,
          approved: dates.approved,
          accepted: dates.accepted,
        }[status],
        values,
      };
    }
  }
}

/**
 * A complete form: a value for every option of every indicator the unit reports that quarter. `salt`
 * varies the numbers (a second save of the same form changes every value).
 */
export function formValues(plan: ProgrammePlan, unit: number, quarter: number, salt = 0): PlanValue[] {
  const random = randomFor(plan.seed, 'form', (plan.units[unit] as PlanUnit).code, quarter, salt);
  const values: PlanValue[] = [];
  for (const indicator of reportedIndicators(plan, unit, quarter))
    pushValues(values, plan, unit, quarter, indicator, random);
  return values;
}

function reportDates(quarter: string, random: () => number) {
  const parsed = parseQuarter(quarter);
  if (!parsed) throw new Error(`bench: bad quarter ${quarter}`);
  const { end, deadline } = quarterDates(parsed);
  const day = (date: string, days: number) => new Date(Date.parse(date) + Math.round(days * 86_400_000)).toISOString();
  const created = day(end, 3 + random() * 10);
  const submitted = day(deadline, random() < 0.15 ? 3 + random() * 20 : -2 - random() * 12);
  const approved = day(submitted, 2 + random() * 10);
  return {
    created,
    submitted,
    approved,
    accepted: day(approved, 5 + random() * 15),
    returned: day(submitted, 1 + random() * 5),
  };
}

/** A unit's size relative to the typical municipality (0.5–1.8), stable per unit. */
function unitScale(plan: ProgrammePlan, unit: number): number {
  return 0.5 + randomFor(plan.seed, 'scale', (plan.units[unit] as PlanUnit).code)() * 1.3;
}

function pushValues(
  values: PlanValue[],
  plan: ProgrammePlan,
  unit: number,
  quarter: number,
  indicator: number,
  random: () => number,
): void {
  const { content, options } = plan.indicators[indicator] as PlanIndicator;
  const { value: typical, min, max } = content.typical;
  const trend = 0.8 + 0.02 * quarter;
  const comment = random() < 0.03 ? (COMMENTS[Math.floor(random() * COMMENTS.length)] as string) : null;
  const cell = (option: number, value: number, numerator: number | null = null, denominator: number | null = null) =>
    values.push({ indicator, option, value, numerator, denominator, comment: option === 0 ? comment : null });
  switch (content.valueType) {
    case 'yes_no':
      cell(0, random() < 0.3 + quarter * 0.025 ? 1 : 0);
      return;
    case 'stage':
      cell(0, Math.min((content.stages?.length ?? 5) - 1, Math.floor(quarter / 6 + random() * 1.5)));
      return;
    case 'percentage': {
      const denominator = Math.round(
        (content.typicalDenominator ?? 100) * unitScale(plan, unit) * between(random, 0.9, 1.1),
      );
      const share = Math.min(max, Math.max(min, typical * trend * between(random, 0.8, 1.2))) / 100;
      const numerator = Math.round(denominator * share);
      // The server's rounding (validateValue), so an import of these figures passes its consistency check.
      cell(0, Math.round((numerator / denominator) * 100 * 10_000) / 10_000, numerator, denominator);
      return;
    }
    case 'number':
    case 'integer': {
      const additive = content.aggregationType === 'sum' || content.aggregationType === 'max';
      const raw = additive
        ? typical * unitScale(plan, unit) * trend * between(random, 0.7, 1.3)
        : typical * between(random, 0.8, 1.2);
      const total = Math.min(max * 1.5, Math.max(min, raw));
      if (content.valueType === 'number') {
        // Numbers are not split: the demo's number indicators have no disaggregation.
        cell(0, Math.round(total * 100) / 100);
        return;
      }
      const parts = splitInteger(Math.round(total), options.length, random);
      for (const [option, part] of parts.entries()) cell(option, part);
      return;
    }
  }
}

/** Splits a whole number over `count` options with random weights; the parts add up to it exactly. */
export function splitInteger(total: number, count: number, random: () => number): number[] {
  if (count === 1) return [total];
  const weights = Array.from({ length: count }, () => 0.2 + random());
  return allocate(total, weights);
}

// ---- targets ----

export interface PlanTarget {
  unit: number;
  indicator: number;
  type: 'baseline' | 'target';
  /** A year: '2025'. */
  period: string;
  value: number;
}

/** A baseline (the year before the data) and a yearly target per unit and indicator it reports. */
export function* generateTargets(plan: ProgrammePlan): Generator<PlanTarget> {
  const firstYear = Number((plan.quarters[0] as string).slice(0, 4));
  const lastYear = Number(plan.openQuarter.slice(0, 4));
  for (let unit = 0; unit < plan.units.length; unit++) {
    const reported = new Set<number>();
    for (let quarter = 0; quarter <= plan.quarters.length; quarter++) {
      for (const indicator of reportedIndicators(plan, unit, quarter)) reported.add(indicator);
    }
    const scale = unitScale(plan, unit);
    for (const indicator of [...reported].sort((a, b) => a - b)) {
      const { content } = plan.indicators[indicator] as PlanIndicator;
      yield {
        unit,
        indicator,
        type: 'baseline',
        period: String(firstYear - 1),
        value: targetValue(content, scale, -1),
      };
      for (let year = firstYear; year <= lastYear; year++) {
        yield {
          unit,
          indicator,
          type: 'target',
          period: String(year),
          value: targetValue(content, scale, year - firstYear),
        };
      }
    }
  }
}

function targetValue(content: IndicatorContent, scale: number, yearIndex: number): number {
  const { value: typical, max } = content.typical;
  const growth = 1 + 0.1 * (yearIndex + 1);
  switch (content.aggregationType) {
    case 'sum':
      return Math.round(
        typical * scale * (content.periodicity === 'annual' ? 1 : 4) * (yearIndex < 0 ? 0.7 : 0.9 * growth),
      );
    case 'max':
      return Math.round(typical * scale * (yearIndex < 0 ? 0.8 : growth));
    case 'average':
    case 'ratio':
      return Math.round(Math.min(max, typical * (yearIndex < 0 ? 0.9 : growth)) * 100) / 100;
    case 'count':
      return yearIndex < 0 ? 0 : 1;
    case 'last':
      return Math.min((content.stages?.length ?? 5) - 1, yearIndex < 0 ? 0 : 1 + Math.floor(yearIndex / 2));
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
