// Metadata a request describes its answer with (indicator descriptions, org units, breakdown rows),
// kept while nothing it was read from has changed, so a dashboard request costs its figures and one
// small read instead of a dozen metadata statements.
//
// Keyed by the data generation (migration 0006), which every transaction changing an indicator, a
// unit, a translation or any other table the public answers read moves on, at commit on PostgreSQL.
// The generation lives in the database, so a change made by another server process (or a CLI import)
// is seen by the next request here. The generation is read before the metadata: a change committed
// in between can only put newer metadata under the older number, which a reader seeing the newer
// number never uses (the reasoning of server/lib/response-cache.ts).
//
// Only the latest generation seen is kept: a new one empties the memo, so memory is bounded by
// `maxEntries` (least recently used go first) and a restored backup's older generation cannot meet
// entries computed since. Inside a transaction there is no memo: on PostgreSQL the transaction's own
// uncommitted changes have not moved the generation yet.
//
// Values are shared by every request that reads them: callers must not mutate them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { currentGeneration } from './generation-reads';

export interface MetadataMemoOptions {
  /**
   * Entries kept for the current generation. Default 1,000; the largest, a programme-wide breakdown by
   * municipality, is some 2,000 short rows.
   */
  maxEntries?: number;
}

/** The memo as one request sees it: every value as of the generation the request read. */
export interface MetadataView {
  /** The value of a key, computed (once, however many requests ask at the same time) on a miss. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface MetadataMemo {
  /** Reads the generation (one statement) and returns the view valid for it. */
  view(db: Kysely<Database>): Promise<MetadataView>;
}

export const DEFAULT_METADATA_ENTRIES = 1000;

/** Computes every time: for transactions, and for callers without a memo. */
export const NO_MEMO: MetadataView = { get: (_key, compute) => compute() };

export function createMetadataMemo(options: MetadataMemoOptions = {}): MetadataMemo {
  const maxEntries = options.maxEntries ?? DEFAULT_METADATA_ENTRIES;
  let generation: string | undefined;
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  // Promises, so that readers arriving while a value is being read wait for it instead of reading it again.
  let entries = new Map<string, Promise<unknown>>();

  const viewOf = (read: string): MetadataView => ({
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (read !== generation) {
        // Another generation: newer (a change was committed), or older (a request that read the
        // generation just before the change). Either way the entries kept belong to another one.
        generation = read;
        entries = new Map();
      }
      const mine = entries;
      const hit = mine.get(key);
      if (hit) {
        mine.delete(key);
        mine.set(key, hit);
        return hit as Promise<T>;
      }
      const pending = compute();
      mine.set(key, pending);
      // A failed read is not remembered: the next request tries again.
      pending.catch(() => {
        if (mine.get(key) === pending) mine.delete(key);
      });
      for (const oldest of mine.keys()) {
        if (mine.size <= maxEntries) break;
        mine.delete(oldest);
      }
      return pending;
    },
  });

  return {
    async view(db) {
      if (db.isTransaction) return NO_MEMO;
      return viewOf(await currentGeneration(db));
    },
  };
}
