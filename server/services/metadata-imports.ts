// Admins load a programme's own metadata: indicators and targets from CSV/XLSX, org units with their
// boundaries from GeoJSON. Same pattern as the data-value import: every row checked, a dry run that
// says what would happen, and a commit that writes all rows in one transaction or none.
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { YEAR_PATTERN } from '../../db/periods';
import { type AuditEntry, insertAuditEntries } from '../../db/queries/audit';
import {
  findPeriodsByIds,
  findUnitsWithParents,
  type IndicatorRecord,
  listCodeIds,
  listIndicatorRecords,
  listTargetsOf,
  renameOrgUnit,
  replaceBoundary,
  saveIndicators,
  type TargetRef,
  upsertTargets,
} from '../../db/queries/exchange';
import { listIndicators } from '../../db/queries/indicators';
import { insertOrgUnit } from '../../db/queries/org-units';
import {
  AGGREGATION_TYPES,
  type Database,
  DIRECTIONS,
  PERIODICITIES,
  TARGET_TYPES,
  UNIT_KINDS,
  UNIT_TIERS,
  type UnitKind,
  type UnitTier,
  VALUE_TYPES,
} from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { SessionUser } from '../lib/env';
import { AppError } from '../lib/errors';
import { decodeUtf8, type RawCell, type RawTable, rowWidthProblem } from '../lib/spreadsheet-readers';
import { parseJsonText } from '../lib/uploads';
import { mapColumns, parseNumberCell, textCell } from './imports';
import { validateValue } from './reports';

export const METADATA_ACTIONS = ['insert', 'update', 'unchanged', 'rejected'] as const;
export type MetadataAction = (typeof METADATA_ACTIONS)[number];

export interface MetadataRow {
  row: number;
  action: MetadataAction;
  /** What the row is about: an indicator code, 'INDICATOR/UNIT/type/year', a unit code. */
  key: string;
  reason?: string;
}

export interface MetadataReport {
  dryRun: boolean;
  committed: boolean;
  counts: { rows: number; insert: number; update: number; unchanged: number; rejected: number };
  rows: MetadataRow[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function reportOf(rows: MetadataRow[], dryRun: boolean): MetadataReport {
  const counts = { rows: rows.length, insert: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.action]++;
  return { dryRun, committed: !dryRun && counts.rejected === 0, counts, rows };
}

function refuse(report: MetadataReport, what: string): never {
  const first = report.rows.find((row) => row.action === 'rejected');
  throw new AppError(
    422,
    'import_rejected',
    `${report.counts.rejected} of ${report.counts.rows} ${what} cannot be imported, so nothing was written. ` +
      `First: row ${first?.row} (${first?.key}): ${first?.reason}`,
    report,
  );
}

function oneOf<T extends string>(
  values: readonly T[],
  text: string,
  column: string,
  problems: string[],
): T | undefined {
  const found = values.find((value) => value === text.toLowerCase());
  if (found === undefined) problems.push(`${column} "${text}" is not one of ${values.join(', ')}.`);
  return found;
}

function numberOrNull(cell: RawCell | undefined, column: string, problems: string[]): number | null {
  const parsed = parseNumberCell(cell, false);
  if (typeof parsed === 'object') {
    problems.push(`${column}: ${parsed.error}`);
    return null;
  }
  return parsed ?? null;
}

// ---- indicators ----

const INDICATOR_COLUMNS = {
  code: ['code'],
  name: ['name'],
  shortName: ['shortname'],
  description: ['description'],
  unit: ['unit'],
  valueType: ['valuetype'],
  aggregationType: ['aggregationtype'],
  direction: ['direction'],
  periodicity: ['periodicity'],
  disaggregation: ['disaggregation'],
  theme: ['theme'],
  tiers: ['tiers'],
  countThreshold: ['countthreshold'],
  stageMax: ['stagemax'],
  minValue: ['minvalue'],
  maxValue: ['maxvalue'],
} as const;
type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** Does the stored indicator already have every field of the record? (Only the record's fields count.) */
function sameIndicator(stored: IndicatorRecord, record: IndicatorRecord): boolean {
  const { tiers, ...fields } = record;
  return (
    (Object.keys(fields) as (keyof typeof fields)[]).every((key) => stored[key] === fields[key]) &&
    [...stored.tiers].sort().join() === [...tiers].sort().join()
  );
}

export async function importIndicatorTable(
  db: Kysely<Database>,
  user: SessionUser,
  table: RawTable,
  options: { now: Date; dryRun: boolean },
): Promise<MetadataReport> {
  const { index } = mapColumns<IndicatorColumn>(table.header, INDICATOR_COLUMNS, [
    'code',
    'name',
    'valueType',
    'aggregationType',
  ]);
  return inTransaction(db, async (trx) => {
    const [existing, disaggregations, themes] = await Promise.all([
      listIndicatorRecords(trx),
      listCodeIds(trx, 'disaggregation'),
      listCodeIds(trx, 'theme'),
    ]);
    const existingOf = new Map(existing.map((record) => [record.code, record]));
    const rows: MetadataRow[] = [];
    const records: Parameters<typeof saveIndicators>[1][number][] = [];
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const cell = (column: IndicatorColumn) => {
        const position = index[column];
        return position === undefined ? undefined : cells[position];
      };
      const text = (column: IndicatorColumn) => textCell(cell(column));
      const problems: string[] = [];
      const widthProblem = rowWidthProblem(table, cells);
      if (widthProblem) problems.push(widthProblem);
      const code = text('code');
      if (!CODE.test(code)) problems.push(`The code "${code}" must be 1–64 letters, digits, _ . or -.`);
      const first = seen.get(code);
      if (first !== undefined) problems.push(`The code ${code} is on row ${first} already.`);
      seen.set(code, row);
      const name = text('name');
      if (name === '' || name.length > 200) problems.push('The name must have 1–200 characters.');
      const before = existingOf.get(code);
      // A column the file does not have keeps what is stored (or the default for a new indicator).
      const given = (column: IndicatorColumn) => index[column] !== undefined && text(column) !== '';
      const valueType = oneOf(VALUE_TYPES, text('valueType'), 'value_type', problems);
      const aggregationType = oneOf(AGGREGATION_TYPES, text('aggregationType'), 'aggregation_type', problems);
      const direction = given('direction')
        ? oneOf(DIRECTIONS, text('direction'), 'direction', problems)
        : (before?.direction ?? 'higher');
      const periodicity = given('periodicity')
        ? oneOf(PERIODICITIES, text('periodicity'), 'periodicity', problems)
        : (before?.periodicity ?? 'quarterly');
      const disaggregation = given('disaggregation') ? text('disaggregation') : (before?.disaggregation ?? 'default');
      const disaggregationId = disaggregations.get(disaggregation);
      if (disaggregationId === undefined) problems.push(`No disaggregation has the code "${disaggregation}".`);
      const theme = index.theme !== undefined ? text('theme') || null : (before?.theme ?? null);
      const themeId = theme === null ? null : themes.get(theme);
      if (themeId === undefined) problems.push(`No theme has the code "${theme}".`);
      const tiers = given('tiers')
        ? text('tiers')
            .split(/[;|,\s]+/)
            .filter(Boolean)
            .flatMap((tier) => {
              const found = oneOf(UNIT_TIERS, tier, 'tier', problems);
              return found === undefined ? [] : [found];
            })
        : (before?.tiers ?? ['local']);
      const figure = (column: 'countThreshold' | 'stageMax' | 'minValue' | 'maxValue', label: string) =>
        index[column] !== undefined ? numberOrNull(cell(column), label, problems) : (before?.[column] ?? null);
      const countThreshold = figure('countThreshold', 'count_threshold');
      const stageMax = figure('stageMax', 'stage_max');
      const minValue = figure('minValue', 'min_value');
      const maxValue = figure('maxValue', 'max_value');
      if (valueType === 'stage' && (stageMax === null || !Number.isInteger(stageMax) || stageMax < 1)) {
        problems.push('A stage indicator needs stage_max, a whole number of 1 or more.');
      }
      if (aggregationType === 'count' && countThreshold === null) {
        problems.push('A count indicator needs count_threshold (a unit counts when its value reaches it).');
      }
      if (minValue !== null && maxValue !== null && minValue > maxValue) problems.push('min_value is above max_value.');
      if (before?.hasValues && valueType !== undefined && before.valueType !== valueType) {
        problems.push(`${code} has data values as ${before.valueType}: its value type cannot change to ${valueType}.`);
      }
      if (before?.hasValues && before.disaggregation !== disaggregation) {
        problems.push(
          `${code} has data values broken down by ${before.disaggregation}: its disaggregation cannot change.`,
        );
      }
      if (
        problems.length > 0 ||
        valueType === undefined ||
        aggregationType === undefined ||
        direction === undefined ||
        periodicity === undefined ||
        disaggregationId === undefined ||
        themeId === undefined
      ) {
        rows.push({ row, action: 'rejected', key: code, reason: problems.join(' ') });
        continue;
      }
      const record: IndicatorRecord = {
        code,
        name,
        shortName: given('shortName') ? text('shortName') : (before?.shortName ?? name.slice(0, 60)),
        description: index.description !== undefined ? text('description') : (before?.description ?? ''),
        unit: index.unit !== undefined ? text('unit') : (before?.unit ?? ''),
        valueType,
        aggregationType,
        direction,
        periodicity,
        disaggregation,
        theme,
        tiers: [...new Set<UnitTier>(tiers)],
        countThreshold,
        stageMax: valueType === 'stage' ? stageMax : null,
        minValue,
        maxValue,
      };
      if (before && sameIndicator(before, record)) {
        rows.push({ row, action: 'unchanged', key: code });
        continue;
      }
      rows.push({ row, action: before ? 'update' : 'insert', key: code });
      records.push({ ...record, id: before?.id ?? null, disaggregationId, themeId });
    }
    const report = reportOf(rows, options.dryRun);
    if (options.dryRun) return report;
    if (report.counts.rejected > 0) refuse(report, 'indicator row(s)');
    const nowIso = options.now.toISOString();
    const ids = await saveIndicators(trx, records, nowIso);
    await insertAuditEntries(
      trx,
      records.map(
        (record): AuditEntry => ({
          entityType: 'indicator',
          entityKey: record.code,
          action: record.id === null ? 'create' : 'update',
          oldValue: existingOf.get(record.code) ?? null,
          newValue: record,
          actorId: user.id,
          orgUnitId: null,
          periodId: null,
          indicatorId: ids.get(record.code) ?? null,
        }),
      ),
      nowIso,
    );
    return report;
  });
}

// ---- targets ----

const TARGET_COLUMNS = {
  indicator: ['indicator', 'indicatorcode'],
  orgUnit: ['orgunit', 'orgunitcode', 'unit'],
  type: ['type'],
  year: ['year', 'period'],
  value: ['value'],
  numerator: ['numerator'],
  denominator: ['denominator'],
} as const;
type TargetColumn = keyof typeof TARGET_COLUMNS;

export async function importTargetTable(
  db: Kysely<Database>,
  user: SessionUser,
  table: RawTable,
  options: { now: Date; dryRun: boolean },
): Promise<MetadataReport> {
  const { index } = mapColumns<TargetColumn>(table.header, TARGET_COLUMNS, ['indicator', 'orgUnit', 'type', 'year']);
  const column = (cells: RawCell[], name: TargetColumn) => {
    const position = index[name];
    return position === undefined ? undefined : cells[position];
  };
  return inTransaction(db, async (trx) => {
    const indicatorCodes = [...new Set(table.rows.map(({ cells }) => textCell(column(cells, 'indicator'))))];
    const unitCodes = table.rows.map(({ cells }) => textCell(column(cells, 'orgUnit')));
    const years = table.rows.map(({ cells }) => textCell(column(cells, 'year')));
    const [indicators, units, periods, refs] = await Promise.all([
      listIndicators(trx, { codes: indicatorCodes, locale: 'en' }),
      findUnitsWithParents(trx, unitCodes),
      findPeriodsByIds(trx, years),
      listIndicatorRecords(trx),
    ]);
    const indicatorOf = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    const idOf = new Map(refs.map((ref) => [ref.code, ref.id]));
    const unitOf = new Map(units.map((unit) => [unit.code, unit]));
    const yearPeriods = new Set(periods.filter((period) => period.type === 'year').map((period) => period.id));
    const stored = await listTargetsOf(
      trx,
      indicators.map((indicator) => idOf.get(indicator.code) ?? 0),
      units.map((unit) => unit.id),
    );
    const storedOf = new Map(
      stored.map((target) => [`${target.indicatorId}/${target.unitId}/${target.type}/${target.periodId}`, target]),
    );
    const rows: MetadataRow[] = [];
    const writes: TargetRef[] = [];
    const seen = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const indicatorCode = textCell(column(cells, 'indicator'));
      const unitCode = textCell(column(cells, 'orgUnit'));
      const typeText = textCell(column(cells, 'type'));
      const year = textCell(column(cells, 'year'));
      const key = `${indicatorCode}/${unitCode}/${typeText}/${year}`;
      const problems: string[] = [];
      const widthProblem = rowWidthProblem(table, cells);
      if (widthProblem) problems.push(widthProblem);
      const indicator = indicatorOf.get(indicatorCode);
      if (!indicator) problems.push(`No indicator has the code "${indicatorCode}".`);
      const unit = unitOf.get(unitCode);
      if (!unit) problems.push(`No org unit has the code "${unitCode}".`);
      const type = oneOf(TARGET_TYPES, typeText, 'type', problems);
      if (!YEAR_PATTERN.test(year))
        problems.push(`"${year}" is not a year like 2026: targets and baselines are yearly.`);
      else if (!yearPeriods.has(year)) problems.push(`The year ${year} is not set up.`);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`Row ${first} has the same indicator, unit, type and year.`);
      seen.set(key, row);
      const value = numberOrNull(column(cells, 'value'), 'value', problems);
      const numerator = numberOrNull(column(cells, 'numerator'), 'numerator', problems);
      const denominator = numberOrNull(column(cells, 'denominator'), 'denominator', problems);
      let figures: { value: number; numerator: number | null; denominator: number | null } | undefined;
      if (indicator && problems.length === 0) {
        // A percentage target may be the percentage itself; otherwise the entry form's type rules apply.
        const bare = indicator.valueType === 'percentage' && numerator === null && denominator === null;
        const validated = validateValue(bare ? { ...indicator, valueType: 'number' } : indicator, {
          indicator: indicator.code,
          option: 'TOTAL',
          value,
          numerator,
          denominator,
        });
        if (typeof validated === 'string') problems.push(validated);
        else if (validated === null) problems.push('No value: give a value (or numerator and denominator).');
        else figures = { value: validated.value, numerator: validated.numerator, denominator: validated.denominator };
      }
      const indicatorId = idOf.get(indicatorCode);
      if (problems.length > 0 || !figures || !unit || !type || indicatorId === undefined) {
        rows.push({ row, action: 'rejected', key, reason: problems.join(' ') });
        continue;
      }
      const target: TargetRef = { indicatorId, unitId: unit.id, type, periodId: year, ...figures };
      const before = storedOf.get(`${indicatorId}/${unit.id}/${type}/${year}`);
      if (
        before &&
        before.value === target.value &&
        before.numerator === target.numerator &&
        before.denominator === target.denominator
      ) {
        rows.push({ row, action: 'unchanged', key });
        continue;
      }
      rows.push({ row, action: before ? 'update' : 'insert', key });
      writes.push(target);
    }
    const report = reportOf(rows, options.dryRun);
    if (options.dryRun) return report;
    if (report.counts.rejected > 0) refuse(report, 'target row(s)');
    await upsertTargets(trx, writes);
    const nowIso = options.now.toISOString();
    await insertAuditEntries(
      trx,
      writes.map((target) => ({
        entityType: 'target',
        entityKey: `${target.indicatorId}/${target.unitId}/${target.type}/${target.periodId}`,
        action: 'import',
        oldValue: storedOf.get(`${target.indicatorId}/${target.unitId}/${target.type}/${target.periodId}`) ?? null,
        newValue: target,
        actorId: user.id,
        orgUnitId: target.unitId,
        periodId: target.periodId,
        indicatorId: target.indicatorId,
      })),
      nowIso,
    );
    return report;
  });
}

// ---- org units from GeoJSON ----

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

/** A linear ring of RFC 7946 §3.1.6: four or more positions, the last equal to the first. */
function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring has fewer than 4 positions';
  if (!ring.every(isPosition)) return 'a position is not [longitude, latitude] within ±180/±90';
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'a ring is not closed (its last position must equal the first)';
  return undefined;
}

function polygonProblem(polygon: unknown): string | undefined {
  if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon has no rings';
  for (const ring of polygon) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return undefined;
}

/** Checks a geometry: Polygon or MultiPolygon only (points, lines and collections are not boundaries). */
export function geometryProblem(geometry: unknown): string | undefined {
  const parsed = GeometrySchema.safeParse(geometry);
  if (!parsed.success) return 'The feature has no geometry.';
  const { type, coordinates } = parsed.data;
  if (type === 'Polygon') {
    const problem = polygonProblem(coordinates);
    return problem && `The Polygon is invalid: ${problem}.`;
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'The MultiPolygon has no polygons.';
    for (const polygon of coordinates) {
      const problem = polygonProblem(polygon);
      if (problem) return `The MultiPolygon is invalid: ${problem}.`;
    }
    return undefined;
  }
  return `The geometry is a ${String(type)}; a boundary must be a Polygon or MultiPolygon.`;
}

const GeometrySchema = z.object({ type: z.unknown(), coordinates: z.unknown() });
const FeatureSchema = z.object({
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: z.unknown(),
});
const CollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

interface UnitFeature {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  geometry: unknown;
}

export async function importOrgUnitGeoJson(
  db: Kysely<Database>,
  user: SessionUser,
  bytes: Uint8Array,
  options: { now: Date; dryRun: boolean },
): Promise<MetadataReport> {
  if (bytes.length === 0)
    throw new AppError(400, 'empty_file', 'The file is empty: expected a GeoJSON FeatureCollection.');
  const parsed = CollectionSchema.safeParse(
    parseJsonText(
      decodeUtf8(bytes),
      'GeoJSON file',
      'A KML or GML boundary file converts to GeoJSON with QGIS (Export → Save Features As) or ogr2ogr.',
    ),
  );
  if (!parsed.success) {
    throw new AppError(
      400,
      'invalid_geojson',
      'Expected a GeoJSON FeatureCollection: { "type": "FeatureCollection", "features": [...] }.',
    );
  }
  const collection = parsed.data;
  if (collection.features.length === 0) throw new AppError(400, 'no_rows', 'The FeatureCollection has no features.');

  const rows: MetadataRow[] = [];
  const features: UnitFeature[] = [];
  const seen = new Map<string, number>();
  for (const [position, feature] of collection.features.entries()) {
    // Features are counted from 1, as a person reading the file would.
    const row = position + 1;
    const parsedFeature = FeatureSchema.safeParse(feature);
    const properties = parsedFeature.success ? (parsedFeature.data.properties ?? {}) : {};
    const text = (key: string) => {
      const value = properties[key];
      return typeof value === 'string' ? value.trim() : '';
    };
    const code = text('code');
    const problems: string[] = [];
    if (!CODE.test(code)) problems.push(`properties.code "${code}" must be 1–64 letters, digits, _ . or -.`);
    const first = seen.get(code);
    if (first !== undefined) problems.push(`Feature ${first} has the code ${code} already.`);
    seen.set(code, row);
    const name = text('name');
    if (name === '') problems.push('properties.name is missing.');
    const kind = oneOf(UNIT_KINDS, text('kind'), 'properties.kind', problems);
    const parent = text('parent') || null;
    if (kind === 'country' && parent !== null) problems.push('A country has no parent.');
    if (kind !== undefined && kind !== 'country' && parent === null)
      problems.push(`A ${kind} needs properties.parent.`);
    const geometry = parsedFeature.success ? parsedFeature.data.geometry : undefined;
    const geometryIssue = geometryProblem(geometry);
    if (geometryIssue) problems.push(geometryIssue);
    if (problems.length > 0 || kind === undefined) {
      rows.push({ row, action: 'rejected', key: code, reason: problems.join(' ') });
      continue;
    }
    features.push({ row, code, name, kind, parent, geometry });
    rows.push({ row, action: 'insert', key: code });
  }

  return inTransaction(db, async (trx) => {
    const known = new Map(
      (
        await findUnitsWithParents(trx, [
          ...features.map((f) => f.code),
          ...features.flatMap((f) => (f.parent ? [f.parent] : [])),
        ])
      ).map((unit) => [unit.code, unit]),
    );
    const inFile = new Map(features.map((feature) => [feature.code, feature]));
    const rowOf = new Map(rows.map((row) => [row.row, row]));
    const reject = (feature: UnitFeature, reason: string) => {
      const row = rowOf.get(feature.row);
      if (row) Object.assign(row, { action: 'rejected', reason });
    };
    // A parent must be stored already or come in the same file (in any order, without cycles).
    const depth = (feature: UnitFeature, trail: Set<string>): number | string => {
      if (feature.parent === null) return 0;
      if (known.has(feature.parent) && !inFile.has(feature.parent)) return 1;
      const parent = inFile.get(feature.parent);
      if (!parent) return `The parent ${feature.parent} is neither stored nor in the file.`;
      if (trail.has(parent.code)) return `The parents form a cycle through ${parent.code}.`;
      const above = depth(parent, new Set([...trail, feature.code]));
      return typeof above === 'string' ? above : above + 1;
    };
    const ordered: { feature: UnitFeature; depth: number }[] = [];
    for (const feature of features) {
      const stored = known.get(feature.code);
      if (stored) {
        if (stored.parentCode !== feature.parent) {
          reject(
            feature,
            `${feature.code} is stored under ${stored.parentCode ?? 'no parent'}; moving a unit is not supported.`,
          );
          continue;
        }
        if (stored.kind !== feature.kind) {
          reject(feature, `${feature.code} is stored as a ${stored.kind}; its kind cannot change to ${feature.kind}.`);
          continue;
        }
        const row = rowOf.get(feature.row);
        if (row) row.action = 'update';
        ordered.push({ feature, depth: 0 });
        continue;
      }
      const level = depth(feature, new Set());
      if (typeof level === 'string') reject(feature, level);
      else ordered.push({ feature, depth: level });
    }
    const report = reportOf(rows, options.dryRun);
    if (options.dryRun) return report;
    if (report.counts.rejected > 0) refuse(report, 'feature(s)');
    const nowIso = options.now.toISOString();
    const source = `GeoJSON import by ${user.email}, ${nowIso.slice(0, 10)}`;
    const audit: AuditEntry[] = [];
    for (const { feature } of ordered.sort((a, b) => a.depth - b.depth)) {
      const stored = known.get(feature.code);
      let id: number;
      if (stored) {
        id = stored.id;
        if (stored.name !== feature.name) await renameOrgUnit(trx, id, feature.name);
      } else {
        const parentId = feature.parent === null ? null : (known.get(feature.parent)?.id ?? null);
        const unit = await insertOrgUnit(
          trx,
          { code: feature.code, name: feature.name, kind: feature.kind, parentId },
          nowIso,
        );
        id = unit.id;
        known.set(unit.code, { ...unit, parentCode: feature.parent });
      }
      await replaceBoundary(trx, id, feature.geometry, source);
      audit.push({
        entityType: 'org_unit',
        entityKey: feature.code,
        action: stored ? 'update' : 'create',
        oldValue: stored ? { name: stored.name } : null,
        newValue: { name: feature.name, kind: feature.kind, parent: feature.parent, boundary: source },
        actorId: user.id,
        orgUnitId: id,
        periodId: null,
        indicatorId: null,
      });
    }
    await insertAuditEntries(trx, audit, nowIso);
    return report;
  });
}
