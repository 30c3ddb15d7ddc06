// What every bench case gets: the database, the plan it was generated from, the application built on
// it (in this process, called through app.request as the tests do), and helpers to call it.
import { createApp } from '../server/app';
import type { BenchDatabase } from './database';
import type { PlanUnit, ProgrammePlan } from './generate';
import type { SampleOptions } from './measure';
import { BENCH_ADMIN, type PlanIds } from './populate';

export type App = ReturnType<typeof createApp>;

/** The origin app.request() sees; writes carrying the session cookie must come from it. */
export const ORIGIN = 'http://localhost';

export interface BenchContext {
  bench: BenchDatabase;
  plan: ProgrammePlan;
  ids: PlanIds;
  app: App;
  /** Session cookie of the bench administrator. */
  cookie: string;
  /** The indicator the dashboard cases aggregate. */
  indicator: string;
  sampling: SampleOptions;
  log: (line: string) => void;
}

export function buildApp(bench: BenchDatabase, now: Date): App {
  return createApp(bench.handle, {
    version: 'bench',
    log: () => {},
    now: () => now,
    maxBodyBytes: 256 * 1024 * 1024,
    // The in-process cases measure computing an answer, every run: no shared answers. The load case
    // runs the real server, shared answers and all, as readers meet it.
    responseCache: false,
  });
}

/** The body of a successful response; anything else stops the run (a case must measure real answers). */
export async function requestText(app: App, path: string, init?: RequestInit): Promise<string> {
  const response = await app.request(path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text;
}

export async function signIn(app: App): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`bench: sign-in failed (${response.status})`);
  return cookie;
}

/** `2025Q4..2026Q3` for the last `count` quarters of data, or one quarter id. */
export function lastQuarters(plan: ProgrammePlan, count: number): { param: string; quarters: string[] } {
  const quarters = plan.quarters.slice(-count);
  const first = quarters[0] as string;
  const last = quarters[quarters.length - 1] as string;
  return { param: first === last ? first : `${first}..${last}`, quarters };
}

/** The dashboards' default range: the last eight quarters (client/src/features/analytics/search.ts). */
export const DASHBOARD_QUARTERS = 8;

/** Every municipality's unit index. */
export function municipalities(plan: ProgrammePlan): number[] {
  return plan.units.flatMap((unit, index) => (unit.kind === 'municipality' ? [index] : []));
}

/** The municipalities of a country or region, by unit index. */
export function municipalitiesBelow(plan: ProgrammePlan, unit: number): number[] {
  return plan.units.flatMap((candidate, index) =>
    candidate.kind === 'municipality' && (candidate.parent === unit || candidate.country === unit) ? [index] : [],
  );
}

/** The unit of a kind with the most municipalities below it (ties: the first): the heaviest page. */
export function largestUnit(plan: ProgrammePlan, kind: 'country' | 'region'): { index: number; unit: PlanUnit } {
  let best = -1;
  let bestCount = -1;
  for (const [index, unit] of plan.units.entries()) {
    if (unit.kind !== kind) continue;
    const count = municipalitiesBelow(plan, index).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  const unit = plan.units[best];
  if (!unit) throw new Error(`bench: the plan has no ${kind}`);
  return { index: best, unit };
}
