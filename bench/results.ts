// What a bench run measured, and the budgets of DESIGN.md / issue 6 checked against it. Pure data and
// functions: the report writer (report.ts) and tests/unit/bench-report.test.ts use them.
import type { FrameSummary, Summary } from './stats';

export const SECTIONS = ['analytics', 'map', 'scorecard', 'save', 'import', 'load', 'frames'] as const;
export type Section = (typeof SECTIONS)[number];

export const BUDGETS = {
  aggregateP95: { label: 'Analytics aggregate p95 ≤ 50 ms', limit: 50, unit: 'ms', atMost: true },
  aggregateRatio: { label: 'Analytics aggregate ≤ 3× its raw SQL (median ratio)', limit: 3, unit: '×', atMost: true },
  mapP95: { label: "A country map's whole payload p95 ≤ 100 ms", limit: 100, unit: 'ms', atMost: true },
  saveP95: { label: 'Saving a full quarterly form p95 ≤ 30 ms', limit: 30, unit: 'ms', atMost: true },
  importRate: { label: 'Bulk import ≥ 100,000 values/s', limit: 100_000, unit: 'values/s', atMost: false },
  importRatio: { label: 'Bulk import ≥ 0.5× raw insert rate', limit: 0.5, unit: '×', atMost: false },
  loadErrors: { label: 'Overview under load: 0 errors', limit: 0, unit: 'errors', atMost: true },
  loadP99: { label: 'Overview under load: p99 ≤ 100 ms', limit: 100, unit: 'ms', atMost: true },
  serverRss: { label: 'Server RSS ≤ 300 MB', limit: 300, unit: 'MB', atMost: true },
  // 30 fps: a frame late by one 60 Hz vsync (33.3 ms, read as 33.4 on rAF's 0.1 ms clock) still meets it.
  framesP95: {
    label: 'Scrolling a 10,000+ row table: p95 frame ≤ 33 ms (30 fps)',
    limit: 33.4,
    unit: 'ms',
    atMost: true,
  },
} as const;
export type BudgetId = keyof typeof BUDGETS;

/** One measured figure against one budget. */
export interface Check {
  budget: BudgetId;
  value: number;
  /** Which case the figure comes from, e.g. 'programme, 24 quarters'. */
  where: string;
}

export function isMet(check: Pick<Check, 'budget' | 'value'>): boolean {
  const budget = BUDGETS[check.budget];
  return budget.atMost ? check.value <= budget.limit : check.value >= budget.limit;
}

/** A case timed against its baseline (durations in ms). */
export interface TimedCase {
  name: string;
  ours: Summary;
  baseline: Summary;
  /** ours.median / baseline.median */
  ratio: number;
  checks: Check[];
  /** Requests, values or bytes behind one run, e.g. '28 requests, 1.2 MB'. */
  detail?: string;
  /** Anything a reader must know: figures that disagree with the baseline, a skipped part. */
  note?: string;
}

export interface ImportCase {
  name: string;
  rows: number;
  /** Seconds per run. */
  ours: Summary;
  baseline: Summary;
  /** Values per second of the median run. */
  oursRate: number;
  baselineRate: number;
  /** oursRate / baselineRate */
  ratio: number;
  checks: Check[];
  note?: string;
}

export interface LoadRun {
  name: string;
  paths: string[];
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts plus non-2xx answers. */
  errors: number;
  /** Peak resident memory of the server process while this ran, MB. */
  peakRssMb: number;
}

export interface LoadCase {
  ours: LoadRun;
  baseline: LoadRun;
  /** Resident memory of the idle server before the runs, MB. */
  idleRssMb: number;
  checks: Check[];
}

/** Scrolling one table in Chromium, frame by frame, beside the same scroll of a small table. */
export interface FrameCase {
  name: string;
  /** Rows of the table scrolled (its aria-rowcount less the header rows). */
  rows: number;
  baselineRows: number;
  /** Scroll speed, px/s, on this table and on the baseline's. */
  speed: number;
  baselineSpeed: number;
  ours: FrameSummary;
  baseline: FrameSummary;
  /** ours.p95 / baseline.p95 */
  ratio: number;
  checks: Check[];
  note?: string;
}

export type SectionResult =
  | { section: 'analytics' | 'map' | 'scorecard' | 'save'; title: string; baselineName: string; cases: TimedCase[] }
  | { section: 'import'; title: string; baselineName: string; cases: ImportCase[] }
  | { section: 'load'; title: string; baselineName: string; load: LoadCase }
  | { section: 'frames'; title: string; baselineName: string; cases: FrameCase[]; note?: string };

export interface DataSummary {
  scale: number;
  seed: number;
  countries: number;
  regions: number;
  municipalities: number;
  indicators: number;
  quarters: string;
  values: number;
  reports: number;
  targets: number;
  /** Seconds to generate and load; null when an existing database was reused. */
  loadSeconds: number | null;
}

export interface EngineResult {
  engine: 'sqlite' | 'postgres';
  version: string;
  data: DataSummary;
  sections: SectionResult[];
}

export interface BudgetVerdict {
  budget: BudgetId;
  label: string;
  /** The worst figure over the cases that have this budget. */
  worst: Check;
  met: boolean;
}

export function checksOf(section: SectionResult): Check[] {
  if (section.section === 'load') return section.load.checks;
  return section.cases.flatMap((item) => item.checks);
}

/** Per budget, the worst case of a run: a budget is met when every case meets it. */
export function verdicts(result: EngineResult): BudgetVerdict[] {
  const worst = new Map<BudgetId, Check>();
  for (const check of result.sections.flatMap(checksOf)) {
    const current = worst.get(check.budget);
    const atMost = BUDGETS[check.budget].atMost;
    if (!current || (atMost ? check.value > current.value : check.value < current.value))
      worst.set(check.budget, check);
  }
  return (Object.keys(BUDGETS) as BudgetId[]).flatMap((budget) => {
    const check = worst.get(budget);
    return check ? [{ budget, label: BUDGETS[budget].label, worst: check, met: isMet(check) }] : [];
  });
}
