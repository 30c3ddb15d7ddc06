// The routes' JavaScript budgets, measured the way a person's browser meets them: every script the
// page asked for (the browser's own resource list), fetched again and gzipped. The run fails when a
// route goes over: entry ≤ 150 KB (staff on phones and weak connections), overview ≤ 300 KB (the
// donors' landing page, scrolled to the end so its map and chart are in). The figures are printed
// and attached to the report, and recorded in docs/measurements.md.
import { gzipSync } from 'node:zlib';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

const KB = 1024;

async function weighScripts(page: Page, context: BrowserContext, route: string): Promise<number> {
  await page.waitForLoadState('networkidle');
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => entry.name),
  );
  const sizes = await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const body = await (await context.request.get(url)).body();
      return { file: new URL(url).pathname.split('/').at(-1) ?? url, gzip: gzipSync(body).length };
    }),
  );
  const total = sizes.reduce((sum, script) => sum + script.gzip, 0);
  const largest = [...sizes].sort((a, b) => b.gzip - a.gzip);
  const description = `${(total / KB).toFixed(1)} kB gzip in ${sizes.length} files: ${largest
    .map((size) => `${size.file} ${(size.gzip / KB).toFixed(1)}`)
    .join(', ')}`;
  test.info().annotations.push({ type: `${route} JavaScript`, description });
  console.log(`${route}: ${description}`);
  return total;
}

test('the entry route loads at most 150 KB of gzipped JavaScript', async ({ browser, baseURL }) => {
  // The dashboards' texts, maps and charts stay out of it (i18n/index.ts, vite.config.ts).
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const signedIn = await context.request.post('/api/auth/login', {
    data: { email: 'local.upala@example.org', password: 'm4d-demo' },
    headers: { origin: baseURL ?? '' },
  });
  expect(signedIn.status()).toBe(200);
  const page = await context.newPage();
  // Home for local staff: the quarter being reported, whatever state another journey left it in
  // (a locked report loads the same code; dialogs and history load only when used).
  await page.goto('/entry');
  await expect(page.getByRole('heading', { level: 1, name: /^Upala · / })).toBeVisible();
  await expect(page.locator('.field-card').first()).toBeVisible();
  expect(await weighScripts(page, context, 'entry route')).toBeLessThanOrEqual(150 * KB);
  await context.close();
});

test('the overview loads at most 300 KB of gzipped JavaScript, map and chart included', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('path.map-area[role="button"]')).toHaveCount(8, { timeout: 30_000 });
  // Scroll to the end, so everything that loads when it comes into view has loaded.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
  });
  await expect(page.getByRole('heading', { name: /by quarter: actual and target/ })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
  expect(await weighScripts(page, context, 'overview')).toBeLessThanOrEqual(300 * KB);
  await context.close();
});
