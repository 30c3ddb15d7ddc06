// Configuration from the environment, read and checked once at start-up.
import { readFileSync } from 'node:fs';

export interface ServerConfig {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Load the demo programme into an empty database (default on; DEMO=off for a real install). */
  demo: boolean;
  /** Behind a reverse proxy (TRUST_PROXY=on): client address and HTTPS from X-Forwarded-* headers. */
  trustProxy: boolean;
  /** Largest file one import takes (M4D_MAX_IMPORT_BYTES); other requests keep the app-wide limit. */
  maxImportBytes: number | undefined;
  version: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${value}"`);
  return port;
}

function parseSwitch(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be on or off, got "${value}"`);
}

const SIZE_UNITS: Record<string, number> = { '': 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size in bytes: `52428800`, `50MB`, `512 KB` (units of 1024). */
export function parseSize(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^(\d+)\s*(kb|mb|gb)?$/i.exec(value.trim());
  const bytes = match ? Number(match[1]) * (SIZE_UNITS[(match[2] ?? '').toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(`${name} must be a size like 52428800, 50MB or 512KB, got "${value}"`);
  }
  return bytes;
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    databaseUrl: env.DATABASE_URL,
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    demo: parseSwitch('DEMO', env.DEMO, true),
    trustProxy: parseSwitch('TRUST_PROXY', env.TRUST_PROXY, false),
    maxImportBytes: parseSize('M4D_MAX_IMPORT_BYTES', env.M4D_MAX_IMPORT_BYTES),
    version: readVersion(),
  };
}
