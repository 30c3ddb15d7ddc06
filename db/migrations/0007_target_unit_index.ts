// A unit's targets and baselines, as the entry form and report review read them (beside each field):
// without this index both engines read every target of the programme (431,840 at bench scale) to
// find a unit's few dozen — the largest part of opening or saving a form there.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('target_unit_idx').on('target').columns(['org_unit_id', 'type', 'period_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('target_unit_idx').execute();
}
