// The real server as a child process (server/index.ts, exactly as `npm start` runs it, without the
// demo), on a free loopback port, with its resident memory read from /proc while it runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** Resident memory now, MB. */
  rssMb(): number;
  /** Samples memory every `everyMs` until the returned function is called; it returns the peak, MB. */
  watchPeak(everyMs?: number): () => number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process from /proc (Linux), in MB; 0 elsewhere. */
export function residentMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `bench: the server exited (${child.exitCode}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`bench: the server did not answer /api/health within 2 minutes; see ${logFile}`);
}

/** Starts `node --import tsx server/index.ts` on the database; its log goes to `logDir/server.log`. */
export async function startServer(databaseUrl: string, logDir: string): Promise<RunningServer> {
  const port = await freePort();
  const logFile = join(logDir, 'server.log');
  const log = openSync(logFile, 'a');
  // The heap limit `npm start` sets (package.json): V8 then collects before the process grows.
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: 'off' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('bench: could not start the server');
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    pid,
    rssMb: () => residentMb(pid),
    watchPeak(everyMs = 200) {
      let peak = residentMb(pid);
      const timer = setInterval(() => {
        peak = Math.max(peak, residentMb(pid));
      }, everyMs);
      return () => {
        clearInterval(timer);
        return Math.max(peak, residentMb(pid));
      };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
