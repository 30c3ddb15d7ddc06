// HTTP under load: the real server in its own process, autocannon on loopback with many connections,
// each repeating the requests the overview page makes (client/src/features/programme, analytics, maps),
// as an anonymous donor. Baseline: the bare health route of the same server, same connections and time.
import autocannon from 'autocannon';
import { HEADLINE_INDICATORS } from '../content';
import { DASHBOARD_QUARTERS, lastQuarters } from '../context';
import type { ProgrammePlan } from '../generate';
import type { LoadRun, SectionResult } from '../results';
import type { RunningServer } from '../server';

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The indicator the overview's map and trend show (the first headline indicator by default). */
  indicator: string;
}

/** What the overview asks for on first load, in the order the page asks. */
export function overviewPaths(plan: ProgrammePlan, indicator: string): string[] {
  const { param } = lastQuarters(plan, DASHBOARD_QUARTERS);
  const reporting = plan.quarters[plan.quarters.length - 1] as string;
  return [
    '/api/auth/me',
    '/api/programme/summary?locale=en',
    '/api/periods?type=quarter',
    '/api/indicators?locale=en',
    ...HEADLINE_INDICATORS.map((code) => `/api/analytics?indicator=${code}&periods=${param}&by=none&locale=en`),
    `/api/completeness?periods=${reporting}&by=unit&locale=en`,
    '/api/geo/boundaries?level=1&locale=en',
    '/api/geo/points?locale=en',
    `/api/analytics?indicator=${indicator}&periods=${param}&by=unit&locale=en`,
    `/api/analytics?indicator=${indicator}&periods=${param}&by=period&locale=en`,
  ];
}

async function hammer(
  server: RunningServer,
  name: string,
  paths: readonly string[],
  connections: number,
  seconds: number,
): Promise<LoadRun> {
  const stopWatching = server.watchPeak();
  const result = await autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const peakRssMb = stopWatching();
  return {
    name,
    paths: [...paths],
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb,
  };
}

export async function runLoad(
  server: RunningServer,
  plan: ProgrammePlan,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<SectionResult> {
  const paths = overviewPaths(plan, options.indicator);
  // Every path must answer before it is hammered (a 4xx would pass for a fast answer); twice, one
  // client at a time, also warms the server up without leaving requests queued.
  for (let round = 0; round < 2; round++) {
    for (const path of [...paths, '/api/health']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`bench: ${path} answered ${response.status}`);
    }
  }
  const idleRssMb = server.rssMb();
  const stopWatching = server.watchPeak();
  // The bare route first: an overloaded server goes on answering requests queued by a run after the
  // run ends (autocannon re-sends a timed-out request on a new connection), which would slow whatever
  // came next. The server is stopped after the overview run.
  log(`load: ${options.connections} connections × ${options.seconds} s on the bare route, then on the overview`);
  const baseline = await hammer(
    server,
    'bare route: /api/health',
    ['/api/health'],
    options.connections,
    options.seconds,
  );
  const ours = await hammer(server, 'overview requests', paths, options.connections, options.seconds);
  log(`load: overview ${Math.round(ours.requestsPerSecond)} req/s, p99 ${ours.p99} ms, ${ours.errors} errors`);
  const peak = Math.max(ours.peakRssMb, baseline.peakRssMb, stopWatching());
  return {
    section: 'load',
    title: `HTTP under load: the real server process (server/index.ts), autocannon on 127.0.0.1, ${options.connections} connections × ${options.seconds} s`,
    baselineName: '`GET /api/health` (one trivial query) on the same server, same connections and duration.',
    load: {
      ours,
      baseline,
      idleRssMb,
      checks: [
        { budget: 'loadErrors', value: ours.errors, where: 'overview requests' },
        { budget: 'loadP99', value: ours.p99, where: 'overview requests' },
        { budget: 'serverRss', value: peak, where: 'peak over both runs' },
      ],
    },
  };
}
