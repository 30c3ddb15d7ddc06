// Checkpoints of a SQLite file's write-ahead log, moved off the request path.
//
// In WAL mode a commit appends pages to the log; a checkpoint copies them back into the database file
// and syncs it. By default the connection that commits past 1,000 logged pages runs the checkpoint
// itself, synchronously: with better-sqlite3 that stops the event loop, and the request that happened
// to cross the line pays for everybody's pages (a form save of 15 ms took 45 when it did — the save's
// p95 in the bench). PostgreSQL has a checkpointer process for this; here a worker thread with a
// connection of its own runs a PASSIVE checkpoint every `intervalMs` — it never waits for a lock and
// never blocks readers or writers — and the application's connection checkpoints only if the worker
// stops. Nothing changes for durability: a checkpoint only moves committed pages, and a crash at any
// point leaves a log SQLite replays on the next open.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** SQLite's own default: the connection checkpoints once the log holds this many pages. */
const INLINE_CHECKPOINT_PAGES = 1000;
/** A log is cut back to this size when it restarts, so one big import does not leave a big file behind. */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

export interface CheckpointerOptions {
  /** Time between checkpoints, ms. */
  intervalMs?: number;
}

// CommonJS, evaluated as the worker's script: no loader, whatever runs the parent (tsx, vitest, node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint runs) or the file is being replaced: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Starts checkpointing `file` in a worker thread and hands the connection's own checkpoints to it.
 * Returns the function that stops the worker (after one last checkpoint) and gives the checkpoints
 * back to the connection. If the worker fails, the connection takes them back by itself.
 */
export function checkpointInBackground(
  connection: SQLite.Database,
  file: string,
  options: CheckpointerOptions = {},
): () => Promise<void> {
  connection.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs: options.intervalMs ?? 200 },
  });
  // The application's connection may already be closed when the worker goes.
  const checkpointInline = () => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
  };
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    console.error(`sqlite: the background checkpointer stopped (${error.message}); checkpoints run inline again`);
  });
  worker.once('exit', checkpointInline);
  worker.unref();
  connection.pragma('wal_autocheckpoint = 0');
  return async () => {
    // Unreferenced, the worker would not keep the process alive for its last checkpoint: a script
    // whose last step is closing the database would end there, the close unsettled (exit code 13).
    worker.ref();
    worker.postMessage('stop');
    await exited;
  };
}
