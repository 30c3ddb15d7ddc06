// Command-line options of `npm run bench`, parsed and checked in one place (see bench/README.md).
import { parseArgs } from 'node:util';
import type { Engine } from '../db/dialect';
import { DEFAULT_IMPORT_ROWS, DEFAULT_IMPORT_RUNS } from './cases/import';
import { DEFAULT_SEED } from './generate';
import { DEFAULT_SAMPLING, type SampleOptions } from './measure';
import { SECTIONS, type Section } from './results';

export const DEFAULT_OUT = 'docs/benchmarks.md';
export const DEFAULT_SCROLL_SECONDS = 6;

export interface BenchOptions {
  scale: number;
  seed: number;
  engines: Engine[];
  /** PostgreSQL server to create the bench database on. */
  postgresUrl: string | undefined;
  sections: Section[];
  sampling: SampleOptions;
  indicator: string;
  connections: number;
  duration: number;
  importRows: number;
  importRuns: number;
  /** Seconds of scrolling per run of the frames section. */
  scrollSeconds: number;
  /** Where the Markdown report goes; null: only printed. */
  out: string | null;
  keep: boolean;
  /** An existing bench database (kept by `--keep`) to measure instead of generating one. */
  reuse: string | undefined;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]      (see bench/README.md)
  --scale <factor>        programme size; 1 = 2,000 municipalities, several million values (default 1)
  --seed <n>              generator seed (default ${DEFAULT_SEED})
  --engines <list>        sqlite,postgres (default: sqlite, plus postgres when DATABASE_URL is postgres://…)
  --only <list>           sections: ${SECTIONS.join(',')} (default: all)
  --iterations <n>        timed runs per case, at most (default ${DEFAULT_SAMPLING.iterations})
  --max-seconds <s>       stop a case's timed runs after this long, once ${DEFAULT_SAMPLING.minIterations} are in (default ${DEFAULT_SAMPLING.maxSeconds})
  --indicator <code>      sum indicator the dashboards aggregate (default MIG_SERVED)
  --connections <n>       autocannon connections (default 100)
  --duration <s>          autocannon seconds per run (default 30)
  --import-rows <n>       rows per import run (default ${DEFAULT_IMPORT_ROWS})
  --import-runs <n>       import runs (default ${DEFAULT_IMPORT_RUNS})
  --scroll-seconds <s>    seconds of scrolling per frames run (default ${DEFAULT_SCROLL_SECONDS})
  --out <file|->          report file; - prints only (default ${DEFAULT_OUT}, or - with --only or --reuse)
  --keep                  keep the generated databases and print their URLs
  --reuse <url>           measure a kept database (sqlite:/path or postgres://…) instead of generating one`;

function positive(name: string, text: string | undefined, fallback: number, integer = true): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got "${text}"`);
  }
  return value;
}

function list<T extends string>(name: string, text: string, allowed: readonly T[]): T[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0 || items.length === 0) {
    throw new Error(`--${name} takes ${allowed.join(', ')}; got "${text}"`);
  }
  return items as T[];
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      engines: { type: 'string' },
      only: { type: 'string' },
      iterations: { type: 'string' },
      'max-seconds': { type: 'string' },
      indicator: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      'import-rows': { type: 'string' },
      'import-runs': { type: 'string' },
      'scroll-seconds': { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const databaseUrl = env.DATABASE_URL;
  const postgresUrl = databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? databaseUrl : undefined;
  const reuse = values.reuse;
  const engines: Engine[] = reuse
    ? [/^postgres(ql)?:\/\//.test(reuse) ? 'postgres' : 'sqlite']
    : values.engines
      ? list('engines', values.engines, ['sqlite', 'postgres'] as const)
      : postgresUrl
        ? ['sqlite', 'postgres']
        : ['sqlite'];
  if (!reuse && engines.includes('postgres') && !postgresUrl) {
    throw new Error('PostgreSQL needs DATABASE_URL=postgres://… (the bench creates and drops its own database there)');
  }
  const sections = values.only ? list('only', values.only, SECTIONS) : [...SECTIONS];
  const partial = values.only !== undefined || reuse !== undefined;
  const out = values.out ?? (partial ? '-' : DEFAULT_OUT);
  const iterations = positive('iterations', values.iterations, DEFAULT_SAMPLING.iterations);
  return {
    scale: positive('scale', values.scale, 1, false),
    seed: positive('seed', values.seed, DEFAULT_SEED),
    engines,
    postgresUrl,
    sections,
    sampling: {
      ...DEFAULT_SAMPLING,
      iterations,
      minIterations: Math.min(DEFAULT_SAMPLING.minIterations, iterations),
      maxSeconds: positive('max-seconds', values['max-seconds'], DEFAULT_SAMPLING.maxSeconds, false),
    },
    indicator: values.indicator ?? 'MIG_SERVED',
    connections: positive('connections', values.connections, 100),
    duration: positive('duration', values.duration, 30),
    importRows: positive('import-rows', values['import-rows'], DEFAULT_IMPORT_ROWS),
    importRuns: positive('import-runs', values['import-runs'], DEFAULT_IMPORT_RUNS),
    scrollSeconds: positive('scroll-seconds', values['scroll-seconds'], DEFAULT_SCROLL_SECONDS, false),
    out: out === '-' ? null : out,
    keep: values.keep ?? false,
    reuse,
    help: values.help ?? false,
  };
}
