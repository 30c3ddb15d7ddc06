// `npm run screenshots`: every page of the product in English and Spanish, plus the entry form on a
// 360-px phone, as JPEGs of the first screen in docs/screenshots/ (small enough to keep in git). It
// also weighs each page's JavaScript (gzip, after scrolling to the end) and prints a table. Starts
// the product (`npm start`) on a free port with a throwaway demo database and drives Debian's
// Chromium (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const PAGES = [
  { name: 'overview', path: '/' },
  { name: 'countries', path: '/countries' },
  { name: 'country-philippines', path: '/countries/PHL' },
  { name: 'region-bicol', path: '/regions/PH-05', as: 'region.bicol@example.org' },
  { name: 'municipality-naga', path: '/countries/PHL-naga-city' },
  { name: 'projects', path: '/projects' },
  { name: 'project-bicol', path: '/projects/PHL-BICOL' },
  { name: 'explorer', path: '/explorer?indicator=MIG_SERVED' },
  { name: 'entry-upala', path: '/entry/CRI-upala/2026Q3', as: 'local.upala@example.org' },
  { name: 'entry-naga-returned', path: '/entry/PHL-naga-city/2026Q3', as: 'local.naga@example.org' },
  { name: 'review-queue', path: '/review?period=2026Q3', as: 'region.bicol@example.org' },
  { name: 'review-report', path: '/review/PHL-legazpi-city/2026Q3', as: 'region.bicol@example.org' },
  { name: 'admin-users', path: '/admin', as: 'admin@example.org' },
  { name: 'about', path: '/about' },
  { name: 'sign-in', path: '/login' },
];
const LANGUAGES = [
  { code: 'en', locale: 'en-GB' },
  { code: 'es', locale: 'es-ES' },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within two minutes`);
}

/** Scrolls through the page so what loads when it comes into view is drawn, then back to the top. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

/** Gzipped bytes of every script the page asked for, by the browser's own resource list. */
async function scriptWeight(page, context) {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => entry.name),
  );
  const sizes = await Promise.all(
    [...new Set(urls)].map(async (url) => gzipSync(await (await context.request.get(url)).body()).length),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'm4d-screenshots-'));
// `npm start`'s own script, run directly so that stopping it stops the server (npm would leave it).
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}` },
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const weights = [];
try {
  await waitFor(`${base}/api/health`, server);
  mkdirSync(OUT, { recursive: true });
  for (const language of LANGUAGES) {
    for (const { name, path, as, viewport } of [
      ...PAGES,
      {
        name: 'entry-phone',
        path: '/entry/CRI-upala/2026Q3',
        as: 'local.upala@example.org',
        viewport: { width: 360, height: 740 },
      },
    ]) {
      const context = await browser.newContext({
        baseURL: base,
        locale: language.locale,
        viewport: viewport ?? { width: 1280, height: 900 },
      });
      if (as) {
        const response = await context.request.post('/api/auth/login', {
          data: { email: as, password: 'm4d-demo' },
          headers: { origin: base },
        });
        if (response.status() !== 200) throw new Error(`sign-in as ${as}: ${response.status()}`);
      }
      const page = await context.newPage();
      await page.goto(path);
      await settle(page);
      if (language.code === 'en') weights.push({ name, path, kb: (await scriptWeight(page, context)) / 1024 });
      const file = join(OUT, `${name}-${language.code}.jpg`);
      await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
      console.log(file);
      await context.close();
    }
  }
  console.log('\n| page | path | JavaScript (gzip) |\n| --- | --- | --- |');
  for (const { name, path, kb } of weights) console.log(`| ${name} | \`${path}\` | ${kb.toFixed(1)} KB |`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
