// `npm run db:backup [-- --out file]` backs up the database of DATABASE_URL. SQLite: an online backup
// (safe while the server runs) to backups/m4d-<UTC time>.sqlite. PostgreSQL: prints the pg_dump and
// pg_restore commands for the configured database, without its password. Restoring a SQLite backup is
// copying the file back over the database while the server is stopped (README "Backup and restore").
import { backupSqliteFile, planBackup } from '../db/backup';

const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;
if (outIndex >= 0 && !out) {
  console.error('--out expects a file name, e.g. --out backups/before-upgrade.sqlite');
  process.exit(2);
}

try {
  const plan = planBackup(process.env.DATABASE_URL, out, new Date());
  if (plan.engine === 'postgres') {
    console.log('PostgreSQL: back up with pg_dump and restore with pg_restore.\n');
    console.log(`  backup:   ${plan.commands.dump}`);
    console.log(`  restore:  ${plan.commands.restore}\n`);
    console.log(plan.commands.note);
  } else {
    const result = await backupSqliteFile(plan.source, plan.destination);
    console.log(`${result.source} → ${result.destination} (${result.pages} pages)`);
  }
} catch (error) {
  console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
