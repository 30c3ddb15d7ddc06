// The value_cell roll-up (migration 0005): per indicator × unit × quarter, the options combined.
// Every write to data_value refreshes the cells of the reports it touched, in its own transaction,
// so analytics read live figures; verifyValueCells recomputes them all to prove it.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema';
import { APPROVED_STATUSES } from './data-values';
import { bumpGeneration } from './generation';

/** A unit's quarterly report: the cells of all its indicators are refreshed together. */
export interface CellKey {
  unitId: number;
  periodId: string;
}

/**
 * The cells the values add up to, as value_cell stores them: the one definition of the roll-up that
 * refreshing, rebuilding and verifying share (migrations 0005 and 0008 state it once more, frozen in
 * time). A cell is approved while its unit's report for the quarter is approved or accepted
 * (triggers on report keep that true afterwards).
 */
function cellsFromValues(where: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  return sql`
    select c.indicator_id, c.period_id, c.org_unit_id, c.value_sum, c.numerator_sum, c.denominator_sum,
           c.value_count,
           case when exists (
             select 1 from report r
             where r.org_unit_id = c.org_unit_id and r.period_id = c.period_id
               and r.status in (${sql.join(APPROVED_STATUSES)})
           ) then 1 else 0 end as approved
    from (
      select indicator_id, period_id, org_unit_id, sum(value) as value_sum, sum(numerator) as numerator_sum,
             sum(denominator) as denominator_sum, count(*) as value_count
      from data_value ${where}
      group by indicator_id, period_id, org_unit_id
    ) c
    -- An INSERT … SELECT … ON CONFLICT needs the SELECT's WHERE on SQLite (else ON reads as a join's).
    where true
  `;
}

const INSERT_CELLS = sql`
  insert into value_cell (indicator_id, period_id, org_unit_id, value_sum, numerator_sum, denominator_sum, value_count, approved)
`;

/** Report keys per statement: two parameters each, far below either engine's limit. */
const KEYS_PER_STATEMENT = 500;

/**
 * Recomputes the cells of these reports from their values: cells of indicators that lost their last
 * value disappear, new ones appear. Two statements per 500 reports; call it inside the transaction
 * that wrote the values.
 */
export async function refreshValueCells(db: Kysely<Database>, keys: Iterable<CellKey>): Promise<void> {
  const unique = new Map<string, CellKey>();
  for (const key of keys) unique.set(`${key.unitId}/${key.periodId}`, key);
  const all = [...unique.values()];
  // The cells change public answers: the shared-answer cache must see it (triggers do it for the
  // other tables; here it is once per refresh rather than once per row).
  if (all.length > 0) await bumpGeneration(db);
  for (let start = 0; start < all.length; start += KEYS_PER_STATEMENT) {
    const chunk = all.slice(start, start + KEYS_PER_STATEMENT);
    await sql`delete from value_cell where (org_unit_id, period_id) in (${keyList(chunk)})`.execute(db);
    await sql`${INSERT_CELLS} ${cellsFromValues(sql`where (org_unit_id, period_id) in (${keyList(chunk)})`)}`.execute(
      db,
    );
  }
}

/**
 * Refreshes the cells of one report after a write that knows which indicators it touched (the entry
 * form): their cells are upserted from their values in one statement, and those of indicators that
 * lost values (`deletedFrom`) go when none is left — a second statement only when something was
 * deleted. Computed from the stored values, as refreshValueCells does, so a concurrent writer's
 * committed values count too. Call it inside the transaction that wrote the values.
 */
export async function refreshReportCells(
  db: Kysely<Database>,
  key: CellKey,
  touched: readonly number[],
  deletedFrom: readonly number[] = [],
): Promise<void> {
  if (touched.length === 0) return;
  await bumpGeneration(db);
  const ids = (list: readonly number[]) => sql.join([...new Set(list)]);
  const report = sql`org_unit_id = ${key.unitId} and period_id = ${key.periodId}`;
  await sql`${INSERT_CELLS} ${cellsFromValues(sql`where ${report} and indicator_id in (${ids(touched)})`)}
    on conflict (indicator_id, period_id, org_unit_id) do update set
      value_sum = excluded.value_sum, numerator_sum = excluded.numerator_sum,
      denominator_sum = excluded.denominator_sum, value_count = excluded.value_count,
      approved = excluded.approved`.execute(db);
  if (deletedFrom.length === 0) return;
  await sql`
    delete from value_cell where ${report} and indicator_id in (${ids(deletedFrom)})
      and not exists (
        select 1 from data_value v
        where v.indicator_id = value_cell.indicator_id and v.org_unit_id = value_cell.org_unit_id
          and v.period_id = value_cell.period_id
      )
  `.execute(db);
}

/** `values (1, '2026Q1'), (2, '2026Q1')`: a list both engines compare a row value against. */
function keyList(keys: readonly CellKey[]): RawBuilder<unknown> {
  return sql`values ${sql.join(keys.map((key) => sql`(cast(${key.unitId} as integer), cast(${key.periodId} as text))`))}`;
}

/** Rebuilds every cell from the values (after a bulk load that bypassed the write paths). */
export async function rebuildValueCells(db: Kysely<Database>): Promise<void> {
  await bumpGeneration(db);
  await db.deleteFrom('value_cell').execute();
  await sql`${INSERT_CELLS} ${cellsFromValues()}`.execute(db);
}

/** A cell whose stored roll-up differs from the recomputation of its values. */
export interface CellMismatch {
  indicatorId: number;
  unitId: number;
  periodId: string;
  /** What value_cell holds (null: no row) and what the values add up to (null: no values). */
  stored: { sum: number; count: number; approved: boolean } | null;
  computed: { sum: number; count: number; approved: boolean } | null;
}

/**
 * Compares every stored cell with a full recomputation from data_value (and its approval with the
 * report's status). Sums are compared with a
 * relative tolerance of 1e-9: adding the same doubles in another order may change the last bits.
 */
export async function verifyValueCells(db: Kysely<Database>, limit = 20): Promise<CellMismatch[]> {
  const rows = await sql<{
    indicator_id: number;
    org_unit_id: number;
    period_id: string;
    s_sum: number | null;
    s_num: number | null;
    s_den: number | null;
    s_count: number | string | null;
    s_approved: number | string | null;
    c_sum: number | null;
    c_num: number | null;
    c_den: number | null;
    c_count: number | string | null;
    c_approved: number | string | null;
  }>`
    -- Both sides as one list grouped by cell (a sort), not a full outer join: SQLite runs that as a
    -- scan of one side per row of the other, hours at a million cells.
    with sides as (
      select indicator_id, period_id, org_unit_id, value_sum, numerator_sum, denominator_sum, value_count,
             approved, 1 as stored
      from value_cell
      union all
      select indicator_id, period_id, org_unit_id, value_sum, numerator_sum, denominator_sum, value_count,
             approved, 0 as stored
      from (${cellsFromValues()}) computed
    ),
    paired as (
      select indicator_id, org_unit_id, period_id,
             max(case when stored = 1 then value_sum end) as s_sum,
             max(case when stored = 1 then numerator_sum end) as s_num,
             max(case when stored = 1 then denominator_sum end) as s_den,
             max(case when stored = 1 then value_count end) as s_count,
             max(case when stored = 1 then approved end) as s_approved,
             max(case when stored = 0 then value_sum end) as c_sum,
             max(case when stored = 0 then numerator_sum end) as c_num,
             max(case when stored = 0 then denominator_sum end) as c_den,
             max(case when stored = 0 then value_count end) as c_count,
             max(case when stored = 0 then approved end) as c_approved
      from sides
      group by indicator_id, org_unit_id, period_id
    )
    select * from paired
    where s_count is null or c_count is null
       or s_count <> c_count
       or s_approved <> c_approved
       or abs(s_sum - c_sum) > 1e-9 * (1 + abs(c_sum))
       or (s_num is null) <> (c_num is null)
       or abs(s_num - c_num) > 1e-9 * (1 + abs(c_num))
       or (s_den is null) <> (c_den is null)
       or abs(s_den - c_den) > 1e-9 * (1 + abs(c_den))
    limit ${limit}
  `.execute(db);
  return rows.rows.map((row) => ({
    indicatorId: Number(row.indicator_id),
    unitId: Number(row.org_unit_id),
    periodId: String(row.period_id),
    stored:
      row.s_count == null
        ? null
        : { sum: Number(row.s_sum), count: Number(row.s_count), approved: Number(row.s_approved) === 1 },
    computed:
      row.c_count == null
        ? null
        : { sum: Number(row.c_sum), count: Number(row.c_count), approved: Number(row.c_approved) === 1 },
  }));
}
