// Starts the built server like `npm start` does, on a free port with a temporary SQLite file, and
// checks that the API and the client answer. Used by .ci/run after `npm run build`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function expectOk(url: string, check: (body: string) => boolean, what: string): Promise<void> {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok || !check(body))
    throw new Error(`${url}: ${response.status}, expected ${what}; got ${body.slice(0, 200)}`);
  console.log(`ok  ${url} (${what})`);
}

const dir = mkdtempSync(join(tmpdir(), 'm4d-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'smoke.sqlite')}` },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  await waitFor(`${base}/api/health`, child, 120);
  await expectOk(`${base}/api/health`, (body) => JSON.parse(body).status === 'ok', 'status ok');
  await expectOk(`${base}/`, (body) => body.includes('<div id="root">'), 'the client');
  await expectOk(`${base}/api/org-units`, (body) => JSON.parse(body).items.length >= 8, 'org units');
  await expectOk(`${base}/api/programme/summary`, (body) => JSON.parse(body).totals.projects === 15, '15 projects');
  console.log('smoke test passed');
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
