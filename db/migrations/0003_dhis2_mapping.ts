// The code mapping between a DHIS2 instance and this programme, managed by admins. Without a row,
// codes map to themselves (DHIS2 idScheme=CODE): a data element to the indicator of the same code,
// an org unit to the unit, a category option combo to the disaggregation option.
import type { Kysely } from 'kysely';
import { addIdColumn, oneOf } from '../dialect';

const KINDS = ['dataElement', 'orgUnit', 'categoryOptionCombo'] as const;
const PARTS = ['value', 'numerator', 'denominator'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('dhis2_mapping'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('dhis2_code', 'text', (col) => col.notNull())
    .addColumn('local_code', 'text', (col) => col.notNull())
    // Which figure of a percentage indicator a data element carries; 'value' for every other mapping.
    .addColumn('part', 'text', (col) => col.notNull().defaultTo('value'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('dhis2_mapping_code_unique', ['kind', 'dhis2_code'])
    .addCheckConstraint('dhis2_mapping_kind_check', oneOf('kind', KINDS))
    .addCheckConstraint('dhis2_mapping_part_check', oneOf('part', PARTS))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dhis2_mapping').execute();
}
