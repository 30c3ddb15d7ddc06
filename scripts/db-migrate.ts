// `npm run db:migrate` brings the database of DATABASE_URL to the latest schema;
// `npm run db:migrate -- --down` rolls every migration back (development only: it drops all data).
import { openDatabase } from '../db/dialect';
import { migrateDownAll, migrateToLatest } from '../db/migrate';

const handle = openDatabase(process.env.DATABASE_URL);
try {
  const down = process.argv.includes('--down');
  const ran = down ? await migrateDownAll(handle.db) : await migrateToLatest(handle.db);
  console.log(ran.length === 0 ? `${handle.engine} (${handle.location}): already up to date` : ran.join('\n'));
} finally {
  await handle.close();
}
