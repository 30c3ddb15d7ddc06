// `npm run db:seed` loads the demo programme into the (migrated, empty) database of DATABASE_URL.
// `--as-of 2026-11-28` pins "today", so the eight quarters of data are the same on every run.
import { openDatabase } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';

const asOfIndex = process.argv.indexOf('--as-of');
const asOfArg = asOfIndex >= 0 ? process.argv[asOfIndex + 1] : undefined;
const asOf = asOfArg ? new Date(`${asOfArg}T12:00:00Z`) : new Date();
if (Number.isNaN(asOf.getTime())) {
  console.error(`--as-of expects a date like 2026-11-28, got "${asOfArg}"`);
  process.exit(2);
}

const handle = openDatabase(process.env.DATABASE_URL);
try {
  await migrateToLatest(handle.db);
  if (!(await isDatabaseEmpty(handle.db))) {
    console.error(`${handle.location} already has org units: the demo loads into an empty database only.`);
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify(await seedDemo(handle.db, { asOf }), null, 2));
  }
} finally {
  await handle.close();
}
