// Map features from the database: unit outlines (org_unit_boundary, GeoJSON text as loaded from the
// shipped Natural Earth files or by an admin) and unit points (latitude/longitude), names localised.
import type { Kysely } from 'kysely';
import type { AreaGeometry } from '../geometry';
import type { Database, Locale, UnitKind } from '../schema';
import { findTranslations, pick } from './translations';

export interface MapUnit {
  code: string;
  name: string;
  kind: UnitKind;
  level: number;
  parentCode: string | null;
}

export interface BoundaryFeature extends MapUnit {
  geometry: AreaGeometry;
}

export interface PointFeature extends MapUnit {
  /** [longitude, latitude], GeoJSON order. */
  coordinates: [number, number];
}

export interface BoundaryFilter {
  /** Children of this unit; null for the top level (countries) — or use `level`. */
  parentId?: number | null | undefined;
  level?: number | undefined;
  locale: Locale;
}

/** Units that have an outline, by name; units without one are left out (they are drawn as points). */
export async function listBoundaries(db: Kysely<Database>, filter: BoundaryFilter): Promise<BoundaryFeature[]> {
  const { parentId, level } = filter;
  const rows = await db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_boundary as b', 'b.org_unit_id', 'u.id')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.level', 'p.code as parent_code', 'b.geometry'])
    .$if(parentId === null, (qb) => qb.where('u.parent_id', 'is', null))
    .$if(typeof parentId === 'number', (qb) => qb.where('u.parent_id', '=', parentId ?? 0))
    .$if(level !== undefined, (qb) => qb.where('u.level', '=', level ?? 0))
    .orderBy('u.name')
    .execute();
  const names = await findTranslations(
    db,
    'org_unit',
    rows.map((row) => row.id),
    filter.locale,
  );
  return rows.flatMap((row) => {
    const geometry = parseGeometry(row.geometry);
    if (!geometry) return [];
    return [
      {
        code: row.code,
        name: pick(names, row.id, 'name', row.name),
        kind: row.kind,
        level: row.level,
        parentCode: row.parent_code,
        geometry,
      },
    ];
  });
}

export interface PointFilter {
  /** Units strictly below the unit with this materialised path; undefined for every unit. */
  belowPath?: string | undefined;
  kind?: UnitKind | undefined;
  locale: Locale;
}

/** Units with coordinates, by level then name. */
export async function listPoints(db: Kysely<Database>, filter: PointFilter): Promise<PointFeature[]> {
  const { belowPath, kind } = filter;
  const rows = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.level', 'p.code as parent_code', 'u.latitude', 'u.longitude'])
    .where('u.latitude', 'is not', null)
    .where('u.longitude', 'is not', null)
    .$if(belowPath !== undefined, (qb) =>
      qb.where('u.path', 'like', `${belowPath}%`).where('u.path', '<>', belowPath ?? ''),
    )
    .$if(kind !== undefined, (qb) => qb.where('u.kind', '=', kind ?? 'municipality'))
    .orderBy('u.level')
    .orderBy('u.name')
    .execute();
  const names = await findTranslations(
    db,
    'org_unit',
    rows.map((row) => row.id),
    filter.locale,
  );
  return rows.flatMap((row) =>
    row.latitude === null || row.longitude === null
      ? []
      : [
          {
            code: row.code,
            name: pick(names, row.id, 'name', row.name),
            kind: row.kind,
            level: row.level,
            parentCode: row.parent_code,
            coordinates: [row.longitude, row.latitude],
          },
        ],
  );
}

/** The stored text as an area geometry; anything else (a corrupt or foreign row) is skipped, not sent. */
function parseGeometry(text: string): AreaGeometry | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isAreaGeometry(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  if (!('type' in value) || !('coordinates' in value)) return false;
  return (value.type === 'Polygon' || value.type === 'MultiPolygon') && Array.isArray(value.coordinates);
}
