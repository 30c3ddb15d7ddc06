// Each value_cell row carries whether its unit's report for the quarter is approved (or accepted),
// and a read of cells no longer looks a report up per cell. Donors and the public see approved cells
// only, so every public aggregate checked the report of each of its cells: for a programme over 24
// quarters that is 40,000 report lookups, three quarters of the time spent reading cells (SQLite).
//
// The flag follows the report: triggers on report set it whenever a report is created, changes status
// (or key) or is deleted, whatever wrote it; refreshing cells computes it from the report
// (db/queries/value-cells.ts), and `npm run db:verify` checks it against the reports.
//
// The cells are read as a range (indicator, quarter) and then every column: on SQLite the table
// becomes WITHOUT ROWID, so the primary key is the table and a read touches no second b-tree; on
// PostgreSQL an index on the same key includes the columns read, for index-only scans.
//
// Targets and baselines are read the same way (an indicator's targets of some years, its baselines):
// the unique key leads with the unit, so each aggregate read every target of the indicator, all years.
import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect';

const APPROVED = sql`('approved', 'accepted')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('target_indicator_period_idx')
    .on('target')
    .columns(['indicator_id', 'type', 'period_id', 'org_unit_id', 'value'])
    .execute();
  if (engineOf(db) === 'sqlite') {
    await sql`
      create table value_cell_new (
        indicator_id integer not null,
        period_id text not null,
        org_unit_id integer not null,
        value_sum double precision not null,
        numerator_sum double precision,
        denominator_sum double precision,
        value_count integer not null,
        approved integer not null default 0,
        constraint value_cell_pk primary key (indicator_id, period_id, org_unit_id)
      ) without rowid
    `.execute(db);
    await sql`
      insert into value_cell_new
      select c.indicator_id, c.period_id, c.org_unit_id, c.value_sum, c.numerator_sum, c.denominator_sum,
             c.value_count, coalesce(r.status in ${APPROVED}, 0)
      from value_cell c
      left join report r on r.org_unit_id = c.org_unit_id and r.period_id = c.period_id
    `.execute(db);
    await sql`drop table value_cell`.execute(db);
    await sql`alter table value_cell_new rename to value_cell`.execute(db);
    await sql`create index value_cell_unit_period_idx on value_cell (org_unit_id, period_id)`.execute(db);
    await sql`
      create trigger report_insert_cell_approval after insert on report begin
        update value_cell set approved = (new.status in ${APPROVED})
        where org_unit_id = new.org_unit_id and period_id = new.period_id;
      end
    `.execute(db);
    await sql`
      create trigger report_update_cell_approval after update of status, org_unit_id, period_id on report begin
        update value_cell set approved = 0
        where org_unit_id = old.org_unit_id and period_id = old.period_id;
        update value_cell set approved = (new.status in ${APPROVED})
        where org_unit_id = new.org_unit_id and period_id = new.period_id;
      end
    `.execute(db);
    await sql`
      create trigger report_delete_cell_approval after delete on report begin
        update value_cell set approved = 0
        where org_unit_id = old.org_unit_id and period_id = old.period_id;
      end
    `.execute(db);
    return;
  }
  await sql`alter table value_cell add column approved integer not null default 0`.execute(db);
  await sql`
    update value_cell c set approved = 1
    from report r
    where r.org_unit_id = c.org_unit_id and r.period_id = c.period_id and r.status in ${APPROVED}
  `.execute(db);
  await sql`
    create index value_cell_read_idx on value_cell (indicator_id, period_id)
    include (org_unit_id, approved, value_sum, numerator_sum, denominator_sum, value_count)
  `.execute(db);
  await sql`
    create function sync_cell_approval() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update value_cell set approved = 0
        where org_unit_id = old.org_unit_id and period_id = old.period_id and approved <> 0;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update value_cell set approved = case when new.status in ${APPROVED} then 1 else 0 end
        where org_unit_id = new.org_unit_id and period_id = new.period_id;
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger report_cell_approval after insert or delete or update of status, org_unit_id, period_id
    on report for each row execute function sync_cell_approval()
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('target_indicator_period_idx').execute();
  if (engineOf(db) === 'sqlite') {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`drop trigger if exists ${sql.id(`report_${event}_cell_approval`)}`.execute(db);
    }
    await sql`
      create table value_cell_old (
        indicator_id integer not null,
        period_id text not null,
        org_unit_id integer not null,
        value_sum double precision not null,
        numerator_sum double precision,
        denominator_sum double precision,
        value_count integer not null,
        constraint value_cell_pk primary key (indicator_id, period_id, org_unit_id)
      )
    `.execute(db);
    await sql`
      insert into value_cell_old
      select indicator_id, period_id, org_unit_id, value_sum, numerator_sum, denominator_sum, value_count
      from value_cell
    `.execute(db);
    await sql`drop table value_cell`.execute(db);
    await sql`alter table value_cell_old rename to value_cell`.execute(db);
    await sql`create index value_cell_unit_period_idx on value_cell (org_unit_id, period_id)`.execute(db);
    return;
  }
  await sql`drop trigger if exists report_cell_approval on report`.execute(db);
  await sql`drop function if exists sync_cell_approval()`.execute(db);
  await sql`drop index if exists value_cell_read_idx`.execute(db);
  await sql`alter table value_cell drop column approved`.execute(db);
}
