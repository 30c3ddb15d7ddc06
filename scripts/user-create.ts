// `npm run user:create -- --email ada@example.org --role admin [--org-unit CODE] [--name "Ada"] [--locale es]`
// Creates an account on the database of DATABASE_URL (migrating it first). The password comes from
// the M4D_PASSWORD environment variable, or is generated and printed once.
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import { LOCALES, type Locale, ROLES, type Role } from '../db/schema';
import { AppError } from '../server/lib/errors';
import { createUser } from '../server/services/users';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    'org-unit': { type: 'string' },
    name: { type: 'string' },
    locale: { type: 'string', default: 'en' },
  },
});

function fail(message: string): never {
  console.error(message);
  console.error(
    'usage: npm run user:create -- --email ada@example.org --role admin [--org-unit CODE] [--name "Ada"] [--locale en|es|fr]',
  );
  process.exit(2);
}

const email = values.email ?? fail('--email is required');
const role = (ROLES as readonly string[]).includes(values.role ?? '')
  ? (values.role as Role)
  : fail(`--role must be one of ${ROLES.join(', ')}`);
const locale = (LOCALES as readonly string[]).includes(values.locale ?? '')
  ? (values.locale as Locale)
  : fail(`--locale must be one of ${LOCALES.join(', ')}`);

const handle = openDatabase(process.env.DATABASE_URL);
try {
  await migrateToLatest(handle.db);
  const { password } = await createUser(
    handle.db,
    {
      email,
      name: values.name ?? email,
      role,
      orgUnit: values['org-unit'] ?? null,
      locale,
      password: process.env.M4D_PASSWORD,
    },
    null,
    new Date(),
  );
  console.log(`created ${role} ${email} on ${handle.engine} (${handle.location})`);
  if (password) console.log(`password (shown once; keep it safe, an admin can reset it): ${password}`);
} catch (error) {
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await handle.close();
}
