// Puts back what the write cases wrote, so each case (and each run of it) starts from the same data.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

const CHUNK = 500;

/** Deletes the values, reports, report events and audit entries of some units in some quarters. */
export async function clearEntries(
  db: Kysely<Database>,
  unitIds: readonly number[],
  periods: readonly string[],
): Promise<void> {
  // By unit and period, so every delete uses the (org_unit_id, period_id) indexes, never a table scan.
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const units = unitIds.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('audit_log').where('org_unit_id', 'in', units).where('period_id', 'in', periods).execute();
      await trx.deleteFrom('data_value').where('org_unit_id', 'in', units).where('period_id', 'in', periods).execute();
      await trx.deleteFrom('value_cell').where('org_unit_id', 'in', units).where('period_id', 'in', periods).execute();
      const reports = trx
        .selectFrom('report')
        .select('id')
        .where('org_unit_id', 'in', units)
        .where('period_id', 'in', periods);
      await trx.deleteFrom('report_event').where('report_id', 'in', reports).execute();
      await trx.deleteFrom('report').where('org_unit_id', 'in', units).where('period_id', 'in', periods).execute();
    });
  }
}
