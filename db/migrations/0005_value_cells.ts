// A roll-up kept in every write's own transaction: one row per indicator × unit × quarter, the
// options of a disaggregated indicator combined (Σ value, Σ numerator, Σ denominator, how many values).
// It is the first level of the analytics pipeline (db/queries/analytics.ts), stored instead of
// recomputed: a disaggregated indicator has up to a few dozen values per cell, so reading cells
// instead of values cuts a programme-wide aggregate's reads by that factor. Its key leads with the
// indicator and the quarter, which is how every dashboard asks ("this indicator, these quarters,
// the units below here"). db/queries/value-cells.ts keeps it; `npm run db:verify` recomputes it.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('value_cell')
    .addColumn('indicator_id', 'integer', (col) => col.notNull())
    .addColumn('period_id', 'text', (col) => col.notNull())
    .addColumn('org_unit_id', 'integer', (col) => col.notNull())
    .addColumn('value_sum', 'double precision', (col) => col.notNull())
    .addColumn('numerator_sum', 'double precision')
    .addColumn('denominator_sum', 'double precision')
    .addColumn('value_count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('value_cell_pk', ['indicator_id', 'period_id', 'org_unit_id'])
    .execute();
  // Refreshing a report's cells after its values change finds them by unit and quarter.
  await db.schema
    .createIndex('value_cell_unit_period_idx')
    .on('value_cell')
    .columns(['org_unit_id', 'period_id'])
    .execute();
  await sql`
    insert into value_cell (indicator_id, period_id, org_unit_id, value_sum, numerator_sum, denominator_sum, value_count)
    select indicator_id, period_id, org_unit_id, sum(value), sum(numerator), sum(denominator), count(*)
    from data_value
    group by indicator_id, period_id, org_unit_id
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('value_cell').execute();
}
