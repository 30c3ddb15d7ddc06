import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface AuditEntry {
  entityType: string;
  entityKey: string;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  actorId: number | null;
  orgUnitId: number | null;
  periodId: string | null;
  indicatorId: number | null;
}

export async function insertAuditEntries(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
  now: string,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 500).map((entry) => ({
          entity_type: entry.entityType,
          entity_key: entry.entityKey,
          action: entry.action,
          old_value: entry.oldValue === null || entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
          new_value: entry.newValue === null || entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
          actor_id: entry.actorId,
          org_unit_id: entry.orgUnitId,
          period_id: entry.periodId,
          indicator_id: entry.indicatorId,
          created_at: now,
        })),
      )
      .execute();
  }
}

export interface AuditItem {
  id: number;
  entityType: string;
  entityKey: string;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  actor: string | null;
  orgUnit: string | null;
  period: string | null;
  indicator: string | null;
  at: string;
}

export async function listAudit(
  db: Kysely<Database>,
  filter: {
    path: string | null;
    orgUnitId?: number | undefined;
    periodId?: string | undefined;
    indicatorId?: number | undefined;
    limit: number;
  },
): Promise<AuditItem[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .leftJoin('org_unit as o', 'o.id', 'a.org_unit_id')
    .leftJoin('indicator as i', 'i.id', 'a.indicator_id')
    .select([
      'a.id',
      'a.entity_type',
      'a.entity_key',
      'a.action',
      'a.old_value',
      'a.new_value',
      'u.name as actor',
      'o.code as org_unit',
      'a.period_id',
      'i.code as indicator',
      'a.created_at',
    ]);
  if (filter.path !== null) query = query.where('o.path', 'like', `${filter.path}%`);
  if (filter.orgUnitId !== undefined) query = query.where('a.org_unit_id', '=', filter.orgUnitId);
  if (filter.periodId !== undefined) query = query.where('a.period_id', '=', filter.periodId);
  if (filter.indicatorId !== undefined) query = query.where('a.indicator_id', '=', filter.indicatorId);
  const rows = await query.orderBy('a.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    action: row.action,
    oldValue: row.old_value === null ? null : JSON.parse(row.old_value),
    newValue: row.new_value === null ? null : JSON.parse(row.new_value),
    actor: row.actor,
    orgUnit: row.org_unit,
    period: row.period_id,
    indicator: row.indicator,
    at: row.created_at,
  }));
}
