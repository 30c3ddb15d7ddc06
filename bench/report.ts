// docs/benchmarks.md from a run's results: machine, data, the budgets met or not, one table per section.
import {
  BUDGETS,
  type Check,
  type EngineResult,
  type FrameCase,
  type ImportCase,
  isMet,
  type LoadCase,
  type SectionResult,
  type TimedCase,
  verdicts,
} from './results';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews absolute times. */
  loadStart: number;
  loadEnd: number;
}

export interface RunReport {
  date: string;
  command: string;
  /** The code measured: commit, and whether the working tree differed from it. */
  code: string;
  machine: Machine;
  engines: EngineResult[];
}

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en');
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en');
}

function formatFigure(check: Pick<Check, 'budget' | 'value'>): string {
  const { unit } = BUDGETS[check.budget];
  if (unit === 'ms') return `${formatMs(check.value)} ms`;
  if (unit === '×') return formatRatio(check.value);
  // One decimal: 300.4 MB is over a 300 MB budget and must not read as 300.
  if (unit === 'MB') return `${check.value.toFixed(1)} MB`;
  return `${formatCount(check.value)} ${unit}`;
}

function verdict(check: Check): string {
  return `${isMet(check) ? 'met' : '**not met**'}: ${formatFigure(check)}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function checksCell(checks: readonly Check[]): string {
  if (checks.length === 0) return '–';
  return checks.map((check) => `${isMet(check) ? 'met' : '**not met**'} (${shortLabel(check)})`).join(', ');
}

function shortLabel(check: Check): string {
  const { limit, unit, atMost } = BUDGETS[check.budget];
  const figure = unit === '×' ? formatRatio(limit) : unit === 'ms' ? `${limit} ms` : `${formatCount(limit)} ${unit}`;
  const measure = check.budget.endsWith('P95') ? 'p95' : check.budget.endsWith('Ratio') ? 'ratio' : '';
  return `${measure ? `${measure} ` : ''}${atMost ? '≤' : '≥'} ${figure}`;
}

function timedTable(cases: readonly TimedCase[]): string {
  return table(
    ['case', 'runs', 'median ms', 'p95 ms', 'baseline median ms', 'baseline p95 ms', 'ratio', 'budgets', 'per run'],
    cases.map((item) => [
      item.name,
      String(item.ours.n),
      formatMs(item.ours.median),
      formatMs(item.ours.p95),
      formatMs(item.baseline.median),
      formatMs(item.baseline.p95),
      formatRatio(item.ratio),
      checksCell(item.checks),
      item.detail ?? '',
    ]),
  );
}

function importTable(cases: readonly ImportCase[]): string {
  return table(
    ['case', 'rows', 'runs', 'median s', 'values/s', 'raw insert median s', 'raw values/s', 'ratio', 'budgets'],
    cases.map((item) => [
      item.name,
      formatCount(item.rows),
      String(item.ours.n),
      item.ours.median.toFixed(2),
      formatCount(item.oursRate),
      item.baseline.median.toFixed(2),
      formatCount(item.baselineRate),
      formatRatio(item.ratio),
      checksCell(item.checks),
    ]),
  );
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)} %`;
}

function framesTable(cases: readonly FrameCase[]): string {
  const figures = (frames: FrameCase['ours']) => [
    formatCount(frames.frames),
    formatMs(frames.median),
    formatMs(frames.p95),
    formatMs(frames.p99),
    formatShare(frames.overFrame),
    formatShare(frames.over50),
    formatMs(frames.longest),
    formatCount(frames.longTasks),
  ];
  return table(
    [
      'case',
      'rows',
      'scroll px/s',
      'frames',
      'median ms',
      'p95 ms',
      'p99 ms',
      '> 16.7 ms',
      '> 50 ms',
      'longest ms',
      'long tasks',
      'ratio (p95)',
      'budgets',
    ],
    cases.flatMap((item) => [
      [
        item.name,
        formatCount(item.rows),
        formatCount(item.speed),
        ...figures(item.ours),
        formatRatio(item.ratio),
        checksCell(item.checks),
      ],
      [
        '↳ baseline',
        formatCount(item.baselineRows),
        formatCount(item.baselineSpeed),
        ...figures(item.baseline),
        '',
        '',
      ],
    ]),
  );
}

function loadTable(load: LoadCase): string {
  const rows = [load.ours, load.baseline].map((run) => [
    run.name,
    `${run.connections} × ${run.seconds} s`,
    formatCount(run.requests),
    formatCount(run.requestsPerSecond),
    formatMs(run.p50),
    formatMs(run.p99),
    formatCount(run.errors),
    String(Math.round(run.peakRssMb)),
  ]);
  const ratio = load.baseline.requestsPerSecond / load.ours.requestsPerSecond;
  return [
    table(['run', 'connections × duration', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'peak RSS MB'], rows),
    '',
    `Throughput ratio (bare route ÷ overview): ${formatRatio(ratio)}; p99 ratio: ${formatRatio(load.ours.p99 / load.baseline.p99)}. ` +
      `Idle server RSS before the runs: ${Math.round(load.idleRssMb)} MB. Budgets: ${checksCell(load.checks)}.`,
    '',
    `Overview requests, in the order each connection repeats them: ${load.ours.paths.map((path) => `\`${path}\``).join(', ')}.`,
  ].join('\n');
}

function sectionMarkdown(section: SectionResult): string {
  const body =
    section.section === 'load'
      ? loadTable(section.load)
      : section.section === 'import'
        ? importTable(section.cases)
        : section.section === 'frames'
          ? framesTable(section.cases)
          : timedTable(section.cases);
  const notes =
    section.section === 'load'
      ? []
      : [
          ...(section.section === 'frames' && section.note ? [`- ${section.note}`] : []),
          ...section.cases.flatMap((item) => (item.note ? [`- ${item.name}: ${item.note}`] : [])),
        ];
  return [
    `### ${section.title}`,
    '',
    `Baseline: ${section.baselineName}`,
    '',
    body,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

function engineMarkdown(result: EngineResult): string {
  const { data } = result;
  const loaded =
    data.loadSeconds === null
      ? 'reused from an earlier run'
      : `generated and loaded in ${Math.round(data.loadSeconds)} s`;
  return [
    `## ${ENGINE_NAMES[result.engine]}`,
    '',
    `${result.version}. Scale ${data.scale} (seed ${data.seed}): ${data.countries} countries, ${data.regions} regions, ` +
      `${formatCount(data.municipalities)} municipalities, ${data.indicators} indicators, quarters ${data.quarters}; ` +
      `${formatCount(data.values)} values, ${formatCount(data.reports)} reports, ${formatCount(data.targets)} targets; ${loaded}.`,
    '',
    ...result.sections.flatMap((section) => [sectionMarkdown(section), '']),
  ].join('\n');
}

function budgetTable(engines: readonly EngineResult[]): string {
  const perEngine = engines.map((engine) => new Map(verdicts(engine).map((item) => [item.budget, item])));
  const budgets = (Object.keys(BUDGETS) as (keyof typeof BUDGETS)[]).filter((budget) =>
    perEngine.some((map) => map.has(budget)),
  );
  return table(
    ['budget', ...engines.map((engine) => ENGINE_NAMES[engine.engine])],
    budgets.map((budget) => [
      BUDGETS[budget].label,
      ...perEngine.map((map) => {
        const item = map.get(budget);
        return item ? `${verdict(item.worst)} (${item.worst.where})` : 'not run';
      }),
    ]),
  );
}

export function renderReport(report: RunReport): string {
  const { machine } = report;
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${report.date} (see \`bench/README.md\`); do not edit by hand, run it again. ` +
      'Every figure stands beside a baseline measured in the same run, interleaved with it: on this shared ' +
      'machine the ratios mean more than the absolute times. Budgets: DESIGN.md and issue 6; a budget is met ' +
      'when its worst case meets it.',
    '',
    table(
      ['machine', ''],
      [
        ['CPU', `${machine.cpu} × ${machine.cores}`],
        ['memory', `${machine.memoryGb.toFixed(0)} GB`],
        ['Node', machine.node],
        ['OS', machine.os],
        ['load average (1 min) at start / end', `${machine.loadStart.toFixed(1)} / ${machine.loadEnd.toFixed(1)}`],
        ['code', report.code],
        ['command', `\`${report.command}\``],
      ],
    ),
    '',
    '## Budgets',
    '',
    budgetTable(report.engines),
    '',
    ...report.engines.map(engineMarkdown),
  ].join('\n');
}
