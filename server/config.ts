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
    version: readVersion(),
  };
}
