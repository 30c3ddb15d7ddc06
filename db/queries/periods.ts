import type { Kysely } from 'kysely';
import { quarterDates, quarterId } from '../periods';
import type { Database, PeriodRow, PeriodType } from '../schema';

export interface PeriodSummary {
  id: string;
  type: PeriodType;
  year: number;
  quarter: number | null;
  startDate: string;
  endDate: string;
  deadline: string | null;
}

/** Creates the quarter and year rows for every year in [fromYear, toYear] that is not there yet. */
export async function ensurePeriods(db: Kysely<Database>, fromYear: number, toYear: number): Promise<void> {
  const rows = [];
  for (let year = fromYear; year <= toYear; year++) {
    rows.push({
      id: String(year),
      type: 'year' as const,
      year,
      quarter: null,
      start_date: `${year}-01-01`,
      end_date: `${year}-12-31`,
      deadline: null,
    });
    for (const quarter of [1, 2, 3, 4] as const) {
      const dates = quarterDates({ year, quarter });
      rows.push({
        id: quarterId({ year, quarter }),
        type: 'quarter' as const,
        year,
        quarter,
        start_date: dates.start,
        end_date: dates.end,
        deadline: dates.deadline,
      });
    }
  }
  await db
    .insertInto('period')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function listPeriods(
  db: Kysely<Database>,
  filter: { type?: PeriodType | undefined; from?: string | undefined; to?: string | undefined },
): Promise<PeriodSummary[]> {
  let query = db.selectFrom('period').selectAll();
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.from) query = query.where('start_date', '>=', filter.from);
  if (filter.to) query = query.where('end_date', '<=', filter.to);
  const rows = await query.orderBy('start_date').orderBy('type', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    year: row.year,
    quarter: row.quarter,
    startDate: row.start_date,
    endDate: row.end_date,
    deadline: row.deadline,
  }));
}

export async function periodExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('period').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findPeriod(db: Kysely<Database>, id: string): Promise<PeriodRow | undefined> {
  return db.selectFrom('period').selectAll().where('id', '=', id).executeTakeFirst();
}
