// The data generation, read once for many concurrent requests.
//
// The response cache and the metadata memo check the generation on every request, so under load
// nearly every request held a pooled connection just to read one number: on PostgreSQL, with 100
// clients and a pool of 10, those reads queued behind each other and behind the real work. Here the
// requests that arrive while a read is running share the next one.
//
// Sharing never serves an answer older than the request: every caller gets the result of a read that
// began after it asked, so whatever was committed before the request arrived (the caller's own write,
// say) is seen. A caller that finds a read already running therefore waits for the read after it,
// never joins the one in flight: at most two reads' time, one statement for all of them.
//
// PostgreSQL only. SQLite reads the number in-process, in microseconds, on the one connection every
// query shares: there a shared read saves nothing, and waiting for the read after a running one only
// adds a second wait for that connection.
import type { Kysely } from 'kysely';
import { engineOf } from '../../db/dialect';
import { readGeneration } from '../../db/queries/generation';
import type { Database } from '../../db/schema';

/**
 * Wraps `read` so that concurrent callers share reads, each caller getting a read that started after
 * its call. A failed read fails the callers that shared it; the next call starts afresh.
 */
export function coalescingReads<T>(read: () => Promise<T>): () => Promise<T> {
  /** The read running now. */
  let running: Promise<T> | undefined;
  /** The read that starts when `running` ends, shared by everyone who asked meanwhile. */
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const current: Promise<T> = read().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  const ignore = () => {};
  return () => {
    if (running === undefined) return start();
    queued ??= running.then(ignore, ignore).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

const readers = new WeakMap<Kysely<Database>, () => Promise<string>>();

/** The data generation as of a read that began after this call (see above), shared with concurrent callers on PostgreSQL. */
export function currentGeneration(db: Kysely<Database>): Promise<string> {
  if (engineOf(db) === 'sqlite') return readGeneration(db);
  let reader = readers.get(db);
  if (reader === undefined) {
    reader = coalescingReads(() => readGeneration(db));
    readers.set(db, reader);
  }
  return reader();
}
