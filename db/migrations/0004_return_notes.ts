// A reviewer who returns a report can point at the fields it concerns: one note per indicator,
// attached to the 'return' event, shown to the local staff beside each field.
import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('report_event_note'))
    .addColumn('report_event_id', 'integer', (col) => col.notNull().references('report_event.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('comment', 'text', (col) => col.notNull())
    .addUniqueConstraint('report_event_note_unique', ['report_event_id', 'indicator_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_event_note').execute();
}
