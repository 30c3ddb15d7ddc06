// The built client (dist/client), rebuilt when it is missing or older than its sources: `npm start`
// and the bench's frame-time section (bench/cases/frames.ts) serve what this leaves.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtIndex = join(root, 'dist/client/index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

export function isClientStale(): boolean {
  const sources = [join(root, 'client'), join(root, 'vite.config.ts')];
  return !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
}

/** Builds the client when it is stale; says so first, as a build takes a while. True when it built. */
export async function buildClientIfStale(log: (line: string) => void): Promise<boolean> {
  if (!isClientStale()) return false;
  log('building the client (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
