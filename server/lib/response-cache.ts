// Answers to public dashboard reads, kept while nothing they were computed from has changed.
//
// Every table the public API reads moves `data_generation.n` on in the changing transaction (triggers,
// migration 0006). A cached answer is keyed by that number, so the first read after any committed
// change — from this process or another one on the same database — computes afresh: the dashboards
// stay live, and a hundred donors opening the overview cost one computation, not a hundred.
//
// Only readers who see approved data alone (anonymous readers and donors) share answers; staff and
// admins, whose answers depend on their scope, always compute. Reading the generation before the
// answer is computed makes a race harmless: a change committed meanwhile can only put newer figures
// under the older number, which the next reader (seeing the newer number) never uses.
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AppEnv, visibilityOf } from './env';
import { currentGeneration } from './generation-reads';

export interface ResponseCacheOptions {
  /** Total size of the bodies kept, in bytes (least recently used go first). Default 32 MB. */
  maxBytes?: number;
  /** Answers that default to "the last complete quarters" change with the date, not only the data. */
  now?: () => Date;
}

interface Entry {
  generation: string;
  /** Encoded once: a hit sends these bytes as they are (a 0.5 MB answer costs no new string or buffer). */
  body: Uint8Array<ArrayBuffer>;
  /** The route's own headers (content type, cache-control, vary), replayed on every hit. */
  headers: [string, string][];
}

/** Headers that belong to one response or one reader, never replayed. */
const PER_RESPONSE = new Set(['set-cookie', 'x-cache', 'content-length', 'date']);

export const DEFAULT_RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

export function responseCache(db: Kysely<Database>, options: ResponseCacheOptions = {}): MiddlewareHandler<AppEnv> {
  const maxBytes = options.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // Misses being computed, by generation and key: readers arriving meanwhile wait for that answer
  // instead of computing it again (a hundred readers opening the overview at once compute it once).
  const inflight = new Map<string, Promise<Entry | null>>();
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.byteLength;
    entries.delete(key);
  };

  return async (c, next) => {
    const user = c.get('user');
    if (c.req.method !== 'GET' || visibilityOf(user).kind !== 'approved') return next();
    const key = [
      (options.now?.() ?? new Date()).toISOString().slice(0, 10),
      user?.role ?? 'anonymous',
      user?.orgUnit?.code ?? '',
      user?.locale ?? '',
      c.req.header('accept-language') ?? '',
      c.req.header('accept') ?? '',
      c.req.url,
    ].join('\n');
    const generation = await currentGeneration(db);
    const hit = entries.get(key);
    if (hit && hit.generation === generation) {
      entries.delete(key);
      entries.set(key, hit);
      c.header('x-cache', 'hit');
      return c.body(hit.body, 200, Object.fromEntries(hit.headers));
    }
    const flight = `${generation}\n${key}`;
    const pending = inflight.get(flight);
    if (pending) {
      const shared = await pending;
      if (shared) {
        c.header('x-cache', 'hit');
        return c.body(shared.body, 200, Object.fromEntries(shared.headers));
      }
      return next();
    }
    let settle: (entry: Entry | null) => void = () => {};
    inflight.set(flight, new Promise((resolve) => (settle = resolve)));
    let stored: Entry | null = null;
    try {
      await next();
      const contentType = c.res.headers.get('content-type') ?? '';
      // JSON answers only: streams (exports) and files are not held in memory.
      if (c.res.status !== 200 || !contentType.startsWith('application/json')) return;
      const body = new Uint8Array(await c.res.clone().arrayBuffer());
      const headers = [...c.res.headers.entries()].filter(([name]) => !PER_RESPONSE.has(name.toLowerCase()));
      stored = { generation, body, headers };
      c.res.headers.set('x-cache', 'miss');
      forget(key);
      if (body.byteLength > maxBytes / 4) return;
      entries.set(key, stored);
      bytes += body.byteLength;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        forget(oldest);
      }
    } finally {
      inflight.delete(flight);
      settle(stored);
    }
  };
}
