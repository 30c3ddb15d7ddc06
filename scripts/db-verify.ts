// `npm run db:verify` checks the database of DATABASE_URL (any copy: a backup, a restored file) and
// exits 1 with a list of what is wrong. SQLite: integrity_check and foreign_key_check first; on both
// engines the invariants of reports and data values, and that every analytics roll-up cell equals a
// recomputation from the values (db/queries/integrity.ts).
// `npm run db:verify -- --rebuild-rollups` first rebuilds the roll-up from the values: for a database
// whose values were changed with SQL, behind the app's back.
import { existsSync } from 'node:fs';
import { openDatabase, parseDatabaseUrl } from '../db/dialect';
import { verifyDatabase } from '../db/queries/integrity';
import { rebuildValueCells } from '../db/queries/value-cells';

// Opening a missing SQLite file would create an empty one, which passes every check.
const { engine, target } = parseDatabaseUrl(process.env.DATABASE_URL);
if (engine === 'sqlite' && target !== ':memory:' && !existsSync(target)) {
  console.error(`db:verify: ${target} does not exist`);
  process.exit(2);
}

const handle = openDatabase(process.env.DATABASE_URL);
try {
  if (process.argv.includes('--rebuild-rollups')) {
    await handle.db.transaction().execute((trx) => rebuildValueCells(trx));
    console.log(`${handle.engine} (${handle.location}): value_cell rebuilt from data_value`);
  }
  const problems = await verifyDatabase(handle.db);
  if (problems.length === 0) {
    console.log(`${handle.engine} (${handle.location}): ok`);
  } else {
    console.error(`${handle.engine} (${handle.location}): ${problems.length} check(s) failed`);
    for (const problem of problems) {
      console.error(`\n✗ ${problem.check}: ${problem.count} row(s)`);
      for (const example of problem.examples) console.error(`    ${example}`);
    }
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`db:verify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
