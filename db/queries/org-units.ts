import type { Kysely } from 'kysely';
import { containsInsensitive } from '../dialect';
import type { Database, Locale, OrgUnitRow, UnitKind, UnitTier } from '../schema';
import { findTranslations, pick, type Translations } from './translations';

export interface OrgUnitSummary {
  code: string;
  name: string;
  kind: UnitKind;
  level: number;
  tier: UnitTier;
  parentCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Which step of the multi-level chain a unit belongs to: country → national, municipality → local. */
export function tierOf(kind: UnitKind): UnitTier {
  if (kind === 'country') return 'national';
  if (kind === 'municipality') return 'local';
  return 'regional';
}

type UnitWithParent = OrgUnitRow & { parent_code: string | null };

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.code as parent_code');
}

function toSummary(row: UnitWithParent, translations: Translations): OrgUnitSummary {
  return {
    code: row.code,
    name: pick(translations, row.id, 'name', row.name),
    kind: row.kind,
    level: row.level,
    tier: tierOf(row.kind),
    parentCode: row.parent_code,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

async function summarise(db: Kysely<Database>, rows: UnitWithParent[], locale: Locale): Promise<OrgUnitSummary[]> {
  const translations = await findTranslations(
    db,
    'org_unit',
    rows.map((row) => row.id),
    locale,
  );
  return rows.map((row) => toSummary(row, translations));
}

export interface OrgUnitFilter {
  parent?: string | undefined;
  level?: number | undefined;
  kind?: UnitKind | undefined;
  q?: string | undefined;
  codes?: readonly string[] | undefined;
  locale: Locale;
  limit?: number;
}

export async function listOrgUnits(db: Kysely<Database>, filter: OrgUnitFilter): Promise<OrgUnitSummary[]> {
  let query = baseQuery(db);
  if (filter.parent !== undefined) query = query.where('p.code', '=', filter.parent);
  if (filter.level !== undefined) query = query.where('u.level', '=', filter.level);
  if (filter.kind !== undefined) query = query.where('u.kind', '=', filter.kind);
  if (filter.q) query = query.where(containsInsensitive('u.name', filter.q));
  if (filter.codes) query = query.where('u.code', 'in', filter.codes.length ? [...filter.codes] : ['']);
  const rows = await query
    .orderBy('u.level')
    .orderBy('u.name')
    .limit(filter.limit ?? 1000)
    .execute();
  return summarise(db, rows, filter.locale);
}

export async function findOrgUnitRow(db: Kysely<Database>, code: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A unit as a scope: its row for the SQL that reads its subtree, and its summary in the reader's language. */
export interface OrgUnitScope {
  id: number;
  path: string;
  level: number;
  summary: OrgUnitSummary;
}

/** One unit by code with what reading its subtree needs; undefined for an unknown code. */
export async function findOrgUnitScope(
  db: Kysely<Database>,
  code: string,
  locale: Locale,
): Promise<OrgUnitScope | undefined> {
  const row = await baseQuery(db).where('u.code', '=', code).executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await summarise(db, [row], locale);
  return summary && { id: row.id, path: row.path, level: row.level, summary };
}

export interface OrgUnitDetail {
  unit: OrgUnitSummary;
  ancestors: OrgUnitSummary[];
  children: OrgUnitSummary[];
}

/** One unit with its ancestors (root first) and children; undefined for an unknown code. */
export async function findOrgUnit(
  db: Kysely<Database>,
  code: string,
  locale: Locale,
): Promise<OrgUnitDetail | undefined> {
  const unit = await baseQuery(db).where('u.code', '=', code).executeTakeFirst();
  if (!unit) return undefined;
  const ancestorIds = ancestorIdsOf(unit.path).filter((id) => id !== unit.id);
  const [ancestors, children] = await Promise.all([
    ancestorIds.length === 0 ? [] : baseQuery(db).where('u.id', 'in', ancestorIds).orderBy('u.level').execute(),
    baseQuery(db).where('u.parent_id', '=', unit.id).orderBy('u.name').execute(),
  ]);
  const all = await summarise(db, [unit, ...ancestors, ...children], locale);
  return {
    unit: all[0] as OrgUnitSummary,
    ancestors: all.slice(1, 1 + ancestors.length),
    children: all.slice(1 + ancestors.length),
  };
}

/** '/1/12/40/' → [1, 12, 40] */
export function ancestorIdsOf(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  isoCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** Inserts a unit under its parent and sets its materialised path and level from the parent's. */
export async function insertOrgUnit(db: Kysely<Database>, unit: NewUnit, now: string): Promise<OrgUnitRow> {
  const parent =
    unit.parentId === null
      ? undefined
      : await db.selectFrom('org_unit').select(['path', 'level']).where('id', '=', unit.parentId).executeTakeFirst();
  if (unit.parentId !== null && !parent) throw new Error(`parent unit ${unit.parentId} does not exist`);
  // The path needs the new id; insert with a unique placeholder first, then set it.
  const inserted = await db
    .insertInto('org_unit')
    .values({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      level: parent ? parent.level + 1 : 1,
      parent_id: unit.parentId,
      path: `pending:${unit.code}`,
      iso_code: unit.isoCode ?? null,
      latitude: unit.latitude ?? null,
      longitude: unit.longitude ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .updateTable('org_unit')
    .set({ path: `${parent?.path ?? '/'}${inserted.id}/` })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertBoundary(
  db: Kysely<Database>,
  orgUnitId: number,
  geometry: unknown,
  source: string,
): Promise<void> {
  await db
    .insertInto('org_unit_boundary')
    .values({ org_unit_id: orgUnitId, geometry: JSON.stringify(geometry), source })
    .execute();
}

export async function countOrgUnitsByKind(db: Kysely<Database>): Promise<Record<UnitKind, number>> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['kind', db.fn.countAll<string | number>().as('n')])
    .groupBy('kind')
    .execute();
  const counts: Record<UnitKind, number> = { country: 0, region: 0, province: 0, municipality: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}
