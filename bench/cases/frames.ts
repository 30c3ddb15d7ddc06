// Frame times while scrolling the product's biggest table in Chromium: the explorer
// (client/src/features/explorer) showing every municipality × quarter of an indicator, and the same at
// its 100,000-row cap, served by the real server (built client included) on the bench database and
// signed in as the bench administrator. A script in the page moves the table's scrollTop on every
// animation frame at a steady speed and records the time between frames. Baseline: the same scroll,
// same page, same browser, of the same table showing one region (about 100 rows), interleaved with it.
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import type { ProgrammePlan } from '../generate';
import type { FrameCase, SectionResult } from '../results';
import type { RunningServer } from '../server';
import { summariseFrames } from '../stats';

const CHROMIUM = '/usr/bin/chromium';
/** As tests/e2e/playwright.config.ts launches it: Debian's build, kept off the network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 900 };
/** The explorer stops reading values here (MAX_ROWS in client/src/features/explorer/queries.ts). */
const EXPLORER_MAX_ROWS = 100_000;
/** The explorer's table heads itself with two rows: the column names and the column filters. */
const HEADER_ROWS = 2;
/** What the budget is about: a table this long or longer. */
export const BIG_TABLE_ROWS = 10_000;
/** The baseline table: one region's rows, the region chosen as the one nearest this many. */
const BASELINE_ROWS = 100;
/** A mouse wheel turned briskly: about 55 of the table's 36-px rows a second. */
const STEADY_SPEED = 2_000;
/** Each case runs this many times on each side, alternating baseline and ours; frames are pooled. */
const ROUNDS = 3;
/** A municipality reports one value a quarter: one row per municipality and quarter. */
const UNITS_BY_QUARTERS_INDICATOR = 'DIASPORA_USD';
/** 30 breakdown options per municipality and quarter: enough to reach the explorer's cap. */
const CAP_INDICATOR = 'MIG_SERVED';

export interface FramesOptions {
  /** Seconds of scrolling per run. */
  seconds: number;
}

export interface ScrollRun {
  frameMs: number[];
  longTasks: number;
}

/**
 * Runs in the page (as source text: the bench's TypeScript loader would add helpers the page lacks).
 * From the top, moves the table's scrollTop on every animation frame to where `speed` px/s has taken
 * it by that frame's time, folding back at either end (so a short table scrolls at the same speed),
 * for `seconds`; returns the times between frames, by requestAnimationFrame's own timestamps.
 */
const SCROLL_SCRIPT = `async ({ speed, seconds }) => {
  const scroller = document.querySelector('.pivot-scroll');
  if (!scroller) throw new Error('no .pivot-scroll on the page');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const range = scroller.scrollHeight - scroller.clientHeight;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
  observer.observe({ type: 'longtask' });
  const frameMs = [];
  const start = await frame();
  let last = start;
  while (last - start < seconds * 1000) {
    const lap = ((speed * (last - start)) / 1000) % (2 * range);
    scroller.scrollTop = lap <= range ? lap : 2 * range - lap;
    const now = await frame();
    frameMs.push(now - last);
    last = now;
  }
  longTasks += observer.takeRecords().length;
  observer.disconnect();
  return { frameMs, longTasks };
}`;

async function scroll(page: Page, speed: number, seconds: number): Promise<ScrollRun> {
  // Only the tab in front gets animation frames at full rate; the others are throttled to one a second.
  await page.bringToFront();
  return page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify({ speed, seconds })})`) as Promise<ScrollRun>;
}

interface TableView {
  name: string;
  path: string;
  /** Rows the table must show, from the API's total for the same request. */
  rows: number;
}

interface OpenTable extends TableView {
  page: Page;
  /** Scrollable height, px. */
  range: number;
}

function explorerPath(indicator: string, plan: ProgrammePlan, unit?: string): string {
  const search = new URLSearchParams({
    indicator,
    from: plan.quarters[0] as string,
    to: plan.quarters[plan.quarters.length - 1] as string,
    ...(unit ? { unit } : {}),
  });
  return `/explorer?${search}`;
}

/** How many values the explorer's request matches: the API's total, as the explorer reads it. */
async function valueCount(context: BrowserContext, plan: ProgrammePlan, indicator: string, unit?: string) {
  const search = new URLSearchParams({
    indicator,
    periods: plan.quarters.join(','),
    limit: '1',
    ...(unit ? { orgUnit: unit, children: 'true' } : {}),
  });
  const response = await context.request.get(`/api/data-values?${search}`);
  if (!response.ok()) throw new Error(`bench: GET /api/data-values?${search} answered ${response.status()}`);
  const { total } = (await response.json()) as { total: number };
  return Math.min(total, EXPLORER_MAX_ROWS);
}

/** The region whose table is nearest BASELINE_ROWS rows (and long enough to scroll). */
async function baselineView(context: BrowserContext, plan: ProgrammePlan): Promise<TableView> {
  let best: TableView | null = null;
  for (const unit of plan.units) {
    if (unit.kind !== 'region') continue;
    const rows = await valueCount(context, plan, UNITS_BY_QUARTERS_INDICATOR, unit.code);
    if (rows < 40) continue;
    if (!best || Math.abs(rows - BASELINE_ROWS) < Math.abs(best.rows - BASELINE_ROWS)) {
      best = {
        name: `${unit.name}: municipalities × quarters`,
        path: explorerPath(UNITS_BY_QUARTERS_INDICATOR, plan, unit.code),
        rows,
      };
    }
  }
  if (!best) throw new Error('bench: no region has 40 rows or more to scroll');
  return best;
}

/** Opens a table and waits until every row is in its row model (aria-rowcount says how many). */
async function openTable(context: BrowserContext, view: TableView): Promise<OpenTable> {
  const page = await context.newPage();
  await page.goto(view.path);
  const table = page.locator('table.pivot-table');
  // The explorer reads 10,000 values a request: the cap takes ten, then builds the table.
  await table.waitFor({ timeout: 300_000 });
  const expected = String(view.rows + HEADER_ROWS);
  const deadline = Date.now() + 60_000;
  let rowCount = await table.getAttribute('aria-rowcount');
  while (rowCount !== expected && Date.now() < deadline) {
    await page.waitForTimeout(250);
    rowCount = await table.getAttribute('aria-rowcount');
  }
  if (rowCount !== expected) {
    throw new Error(`bench: ${view.path} shows aria-rowcount ${rowCount}, expected ${expected} (${view.rows} values)`);
  }
  await page.locator('.pivot-scroll').scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  const range = await page.locator('.pivot-scroll').evaluate((element) => element.scrollHeight - element.clientHeight);
  return { ...view, page, range };
}

/** Scrolled to the end, the last row is drawn: the virtual rows follow the scroll all the way. */
async function checkLastRow(table: OpenTable): Promise<void> {
  await table.page.locator('.pivot-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  const last = table.page.locator(`table.pivot-table tbody tr[aria-rowindex="${table.rows + HEADER_ROWS}"]`);
  await last.waitFor({ timeout: 10_000 });
}

/** A way of scrolling: its name, and its speed (px/s) on a given table. */
interface Pace {
  name: string;
  speed: (table: OpenTable, seconds: number) => number;
}

const PACES: readonly Pace[] = [
  // The same speed on both tables: the small one folds back at its ends and goes on.
  { name: 'steady scroll', speed: () => STEADY_SPEED },
  // The same gesture on both, as when dragging the scroll bar from top to bottom: on a long table
  // every frame draws rows no frame before it drew; on the short one most rows stay in view.
  { name: 'top to bottom', speed: (table, seconds) => table.range / seconds },
];

async function measure(
  ours: OpenTable,
  baseline: OpenTable,
  pace: Pace,
  seconds: number,
  log: (line: string) => void,
): Promise<FrameCase> {
  const oursSpeed = pace.speed(ours, seconds);
  const baselineSpeed = pace.speed(baseline, seconds);
  const oursFrames: number[] = [];
  const baselineFrames: number[] = [];
  let oursLongTasks = 0;
  let baselineLongTasks = 0;
  // One untimed run each: the first scroll through a table compiles and caches what later ones reuse.
  await scroll(baseline.page, baselineSpeed, 1);
  await scroll(ours.page, oursSpeed, 1);
  for (let round = 0; round < ROUNDS; round++) {
    const base = await scroll(baseline.page, baselineSpeed, seconds);
    baselineFrames.push(...base.frameMs);
    baselineLongTasks += base.longTasks;
    const run = await scroll(ours.page, oursSpeed, seconds);
    oursFrames.push(...run.frameMs);
    oursLongTasks += run.longTasks;
  }
  const oursSummary = summariseFrames(oursFrames, oursLongTasks);
  const baselineSummary = summariseFrames(baselineFrames, baselineLongTasks);
  const name = `${ours.name}, ${pace.name}`;
  log(
    `frames: ${name}: p95 ${oursSummary.p95.toFixed(1)} ms over ${oursSummary.frames} frames ` +
      `(baseline ${baselineSummary.p95.toFixed(1)} ms)`,
  );
  const big = ours.rows >= BIG_TABLE_ROWS;
  return {
    name,
    rows: ours.rows,
    baselineRows: baseline.rows,
    speed: Math.round(oursSpeed),
    baselineSpeed: Math.round(baselineSpeed),
    ours: oursSummary,
    baseline: baselineSummary,
    ratio: oursSummary.p95 / baselineSummary.p95,
    checks: big ? [{ budget: 'framesP95', value: oursSummary.p95, where: name }] : [],
    ...(big
      ? {}
      : {
          note: `${ours.rows.toLocaleString('en')} rows, fewer than ${BIG_TABLE_ROWS.toLocaleString('en')}: no budget checked (a larger --scale gives more)`,
        }),
  };
}

export async function runFrames(
  server: RunningServer,
  plan: ProgrammePlan,
  credentials: { email: string; password: string },
  options: FramesOptions,
  log: (line: string) => void,
): Promise<SectionResult> {
  const title = `Scrolling the explorer's table in Chromium (headless, ${VIEWPORT.width}×${VIEWPORT.height}), ${ROUNDS} × ${options.seconds} s per case and side`;
  const baselineName =
    'the same scroll of the same table showing one region (≈ 100 rows), same page and browser, interleaved with it.';
  if (!existsSync(CHROMIUM)) {
    return {
      section: 'frames',
      title,
      baselineName,
      cases: [],
      note: `not measured: ${CHROMIUM} not found (apt-get install chromium; the bench never downloads a browser)`,
    };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: VIEWPORT, locale: 'en-GB' });
    const signedIn = await context.request.post('/api/auth/login', {
      data: credentials,
      headers: { origin: server.baseUrl },
    });
    if (signedIn.status() !== 200) throw new Error(`bench: sign-in answered ${signedIn.status()}`);

    const views: TableView[] = [
      {
        name: 'every municipality × quarter',
        path: explorerPath(UNITS_BY_QUARTERS_INDICATOR, plan),
        rows: await valueCount(context, plan, UNITS_BY_QUARTERS_INDICATOR),
      },
      {
        name: 'every municipality × quarter × breakdown (the explorer’s cap)',
        path: explorerPath(CAP_INDICATOR, plan),
        rows: await valueCount(context, plan, CAP_INDICATOR),
      },
    ];
    const baseline = await openTable(context, await baselineView(context, plan));
    log(`frames: baseline ${baseline.name}, ${baseline.rows} rows`);
    const cases: FrameCase[] = [];
    for (const view of views) {
      log(`frames: opening ${view.name} (${view.rows.toLocaleString('en')} rows)`);
      const ours = await openTable(context, view);
      for (const pace of PACES) cases.push(await measure(ours, baseline, pace, options.seconds, log));
      await checkLastRow(ours);
      await ours.page.close();
    }
    await checkLastRow(baseline);
    return { section: 'frames', title, baselineName, cases };
  } finally {
    await browser.close();
  }
}
