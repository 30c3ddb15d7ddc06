// Backups of the configured database. SQLite: the online backup API copies a consistent snapshot page
// by page while the server keeps reading and writing (a plain file copy of a WAL database can tear).
// PostgreSQL: pg_dump does the same job better than anything we could write, so we print its commands.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { parseDatabaseUrl } from './dialect';

export const DEFAULT_BACKUP_DIR = './backups';

/** backups/m4d-20261128T114200Z.sqlite: sortable, and no colons (Windows, scp). */
export function defaultBackupPath(now: Date, dir = DEFAULT_BACKUP_DIR): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return join(dir, `m4d-${stamp}.sqlite`);
}

export interface BackupResult {
  source: string;
  destination: string;
  pages: number;
}

/**
 * Copies the SQLite database in `sourceFile` to `destination` with SQLite's online backup, on a
 * connection of its own: other connections (a running server) may keep writing meanwhile, and the copy
 * holds every transaction committed when it finished, WAL included.
 */
export async function backupSqliteFile(sourceFile: string, destination: string): Promise<BackupResult> {
  const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    mkdirSync(dirname(resolve(destination)), { recursive: true });
    const { totalPages } = await source.backup(destination);
    return { source: sourceFile, destination, pages: totalPages };
  } finally {
    source.close();
  }
}

export interface PostgresBackupCommands {
  dump: string;
  restore: string;
  /** Where the password comes from, since the commands never carry it. */
  note: string;
}

/** A shell word that survives any characters (single quotes, with embedded ones escaped). */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The pg_dump / pg_restore commands for a connection string, with its password removed. */
export function postgresBackupCommands(connectionString: string, file: string): PostgresBackupCommands {
  const url = new URL(connectionString);
  const hadPassword = url.password !== '';
  url.password = '';
  const target = shellQuote(url.toString());
  const archive = shellQuote(file);
  return {
    // -Fc: the custom format, compressed, restorable selectively and in parallel by pg_restore.
    dump: `pg_dump --format=custom --no-owner --file=${archive} ${target}`,
    // --clean --if-exists replaces what the target database holds; --single-transaction: all or nothing.
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${target} ${archive}`,
    note: hadPassword
      ? 'The password was left out: supply it with PGPASSWORD or ~/.pgpass.'
      : 'Authentication as configured for the server (peer, trust, ~/.pgpass or PGPASSWORD).',
  };
}

export type BackupPlan =
  | { engine: 'sqlite'; source: string; destination: string }
  | { engine: 'postgres'; commands: PostgresBackupCommands };

/** What `npm run db:backup` does for a DATABASE_URL (see server/config.ts and db/dialect.ts). */
export function planBackup(databaseUrl: string | undefined, out: string | undefined, now: Date): BackupPlan {
  const { engine, target } = parseDatabaseUrl(databaseUrl);
  if (engine === 'postgres') {
    const file = out ?? defaultBackupPath(now).replace(/\.sqlite$/, '.dump');
    return { engine, commands: postgresBackupCommands(target, file) };
  }
  if (target === ':memory:') throw new Error('An in-memory database has nothing on disk to back up.');
  return { engine, source: target, destination: out ?? defaultBackupPath(now) };
}
