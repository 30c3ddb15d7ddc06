// Failed sign-ins, kept in the database (not in memory) so the rate limit holds across several
// server instances behind one load balancer.
import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('login_attempt'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_email_idx').on('login_attempt').columns(['email', 'created_at']).execute();
  await db.schema
    .createIndex('login_attempt_address_idx')
    .on('login_attempt')
    .columns(['address', 'created_at'])
    .execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('session_expires_idx').execute();
  await db.schema.dropTable('login_attempt').execute();
}
