// Runs the browser journeys (Playwright + Debian's chromium) against `npm start` on a free port and a
// throwaway SQLite file. Without /usr/bin/chromium it says so loudly and skips — except under CI=1,
// where a missing browser fails the run. It never downloads a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const message = `browser journeys: ${CHROMIUM} not found (install it with: apt-get install chromium)`;
  if (process.env.CI) {
    console.error(`FAILED: ${message}`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED ${message}.\n*** .ci/run installs it and runs them.\n`);
  process.exit(0);
}

const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'm4d-e2e-'));
const result = spawnSync(
  'npx',
  ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, E2E_PORT: String(port), E2E_DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}` },
  },
);
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
