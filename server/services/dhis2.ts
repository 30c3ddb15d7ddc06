// DHIS2 dataValueSets in both directions, with codes as identifiers (DHIS2's idScheme=CODE).
// Import: DHIS2's JSON or CSV → mapped codes → the same planning and writing as every other import
// (services/imports.ts, hence the entry form's rules) → DHIS2's import summary, with DHIS2's error
// codes for each conflict. Export: the values a reader may see, in the same JSON or CSV.
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { QUARTER_PATTERN } from '../../db/periods';
import { type Dhis2Mapping, findExistingCodes, listDhis2Mappings, replaceDhis2Mappings } from '../../db/queries/dhis2';
import {
  type ExportFilter,
  type ExportRow,
  findOrgUnitsByCodes,
  type IndicatorRef,
  iterateExport,
  listIndicatorRefs,
  listOptionCodes,
  listProjectIndicatorIds,
} from '../../db/queries/exchange';
import { TOTAL_OPTION } from '../../db/queries/indicators';
import type { Database, Dhis2MappingKind, ValuePart } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { type SessionUser, visibilityOf } from '../lib/env';
import { AppError, describeIssues } from '../lib/errors';
import { normaliseHeader } from '../lib/spreadsheet-readers';
import { type Cell, csvRecord, type TableColumn } from '../lib/spreadsheet-writers';
import { parseJsonText } from '../lib/uploads';
import {
  type CandidateValue,
  type ImportStrategy,
  MAX_COMMENT_LENGTH,
  type Problem,
  parseNumberCell,
  runImport,
  textCell,
} from './imports';

/** DHIS2's built-in category option combo: code 'default', the same uid on every instance. */
export const DEFAULT_COMBOS: ReadonlySet<string> = new Set(['default', 'HllvX50cXC0']);
export const DEFAULT_COMBO_CODE = 'default';
/** A percentage indicator travels as two data elements, its numerator and its denominator. */
export const PART_SUFFIXES = { numerator: '_NUM', denominator: '_DEN' } as const;

export const ATOMIC_MODES = ['ALL', 'NONE'] as const;
export type AtomicMode = (typeof ATOMIC_MODES)[number];

/** The most data values one request may carry. */
export const MAX_DATA_VALUES = 250_000;

// ---- the payload ----

const DataValueSchema = z
  .object({
    dataElement: z.string().min(1),
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    categoryOptionCombo: z.string().nullable().optional(),
    attributeOptionCombo: z.string().nullable().optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
    storedBy: z.string().nullable().optional(),
    created: z.string().nullable().optional(),
    lastUpdated: z.string().nullable().optional(),
    comment: z.string().nullable().optional(),
    followup: z.boolean().nullable().optional(),
    deleted: z.boolean().nullable().optional(),
  })
  .openapi('Dhis2DataValue', {
    example: {
      dataElement: 'MIG_SERVED',
      period: '2026Q2',
      orgUnit: 'PHL-naga-city',
      categoryOptionCombo: 'F_Y18_59_RETURNEE',
      attributeOptionCombo: 'default',
      value: '42',
      comment: 'From the help office register',
    },
  });

export const DataValueSetSchema = z
  .object({
    dataSet: z.string().optional(),
    completeDate: z.string().optional(),
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    attributeOptionCombo: z.string().optional(),
    dataValues: z.array(DataValueSchema).max(MAX_DATA_VALUES),
  })
  .openapi('Dhis2DataValueSet');

export type Dhis2DataValue = z.infer<typeof DataValueSchema>;
export type Dhis2DataValueSet = z.infer<typeof DataValueSetSchema>;

/** Parses DHIS2 JSON, saying where it breaks (line and column) when it is not JSON. */
export function parseDataValueSetJson(text: string): Dhis2DataValueSet {
  const json = parseJsonText(text, 'dataValueSet');
  const parsed = DataValueSetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new AppError(
      400,
      'invalid_data_value_set',
      `This is not a DHIS2 dataValueSet: ${issues
        .slice(0, 3)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ')}.`,
      issues,
    );
  }
  return parsed.data;
}

const CSV_COLUMNS = {
  dataElement: ['dataelement'],
  period: ['period'],
  orgUnit: ['orgunit'],
  categoryOptionCombo: ['categoryoptioncombo', 'catoptcombo'],
  attributeOptionCombo: ['attributeoptioncombo', 'attroptcombo'],
  value: ['value'],
  storedBy: ['storedby'],
  lastUpdated: ['lastupdated'],
  comment: ['comment'],
  followup: ['followup'],
  deleted: ['deleted'],
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;
/** DHIS2's column order, for files without a header row. */
const CSV_ORDER = Object.keys(CSV_COLUMNS) as CsvColumn[];

/** Parses DHIS2's CSV (2.40+): the header is matched by name, in any case and order. */
export function parseDataValueSetCsv(
  rows: readonly { row: number; cells: (string | number | boolean | null)[] }[],
  header: readonly string[] | null,
): Dhis2DataValueSet {
  const index = new Map<CsvColumn, number>();
  if (header === null) {
    for (const [position, column] of CSV_ORDER.entries()) index.set(column, position);
  } else {
    for (const [position, name] of header.entries()) {
      const column = CSV_ORDER.find((key) => (CSV_COLUMNS[key] as readonly string[]).includes(normaliseHeader(name)));
      if (column !== undefined && !index.has(column)) index.set(column, position);
    }
    const missing = (['dataElement', 'period', 'orgUnit', 'value'] as const).filter((column) => !index.has(column));
    if (missing.length > 0) {
      throw new AppError(
        400,
        'missing_columns',
        `The CSV header lacks ${missing.join(', ')}. DHIS2 writes: ${CSV_ORDER.map((column) => column.toLowerCase()).join(',')}. ` +
          'A file without a header row needs firstRowIsHeader=false.',
        { missing, found: header },
      );
    }
  }
  // A row shorter or longer than the header is a broken file, not a value with empty cells: say where.
  const width = header?.length;
  const broken = width === undefined ? undefined : rows.find(({ cells }) => cells.length !== width);
  if (broken && width !== undefined) {
    throw new AppError(
      400,
      'malformed_csv',
      broken.cells.length < width
        ? `Row ${broken.row} has ${broken.cells.length} of the header's ${width} columns: the file may be truncated there. Nothing was imported.`
        : `Row ${broken.row} has ${broken.cells.length} columns but the header ${width}: a cell probably holds a comma without quotes around it. Nothing was imported.`,
      { row: broken.row, columns: broken.cells.length, headerColumns: width },
    );
  }
  const dataValues: Dhis2DataValue[] = rows.map(({ cells }) => {
    const text = (column: CsvColumn) => {
      const position = index.get(column);
      const cell = position === undefined ? null : cells[position];
      return cell === null || cell === undefined || String(cell).trim() === '' ? undefined : textCell(cell);
    };
    const flag = (column: CsvColumn) => {
      const value = text(column);
      return value === undefined ? undefined : /^true$/i.test(value);
    };
    return {
      dataElement: text('dataElement') ?? '',
      period: text('period'),
      orgUnit: text('orgUnit'),
      categoryOptionCombo: text('categoryOptionCombo'),
      attributeOptionCombo: text('attributeOptionCombo'),
      value: text('value') ?? null,
      storedBy: text('storedBy'),
      lastUpdated: text('lastUpdated'),
      comment: index.has('comment') ? (text('comment') ?? null) : undefined,
      followup: flag('followup'),
      deleted: flag('deleted'),
    };
  });
  return { dataValues };
}

// ---- the code mapping ----

export interface CodeMapping {
  dataElement: Map<string, { indicator: string; part: ValuePart }>;
  orgUnit: Map<string, string>;
  categoryOptionCombo: Map<string, string>;
  /** local → DHIS2, for exports: the first mapping row of each local code wins. */
  reverse: {
    dataElement: Map<string, string>;
    orgUnit: Map<string, string>;
    categoryOptionCombo: Map<string, string>;
  };
}

export async function loadCodeMapping(db: Kysely<Database>): Promise<CodeMapping> {
  const mapping: CodeMapping = {
    dataElement: new Map(),
    orgUnit: new Map(),
    categoryOptionCombo: new Map(),
    reverse: { dataElement: new Map(), orgUnit: new Map(), categoryOptionCombo: new Map() },
  };
  for (const row of await listDhis2Mappings(db)) {
    if (row.kind === 'dataElement') {
      mapping.dataElement.set(row.dhis2Code, { indicator: row.localCode, part: row.part });
      const key = `${row.localCode}/${row.part}`;
      if (!mapping.reverse.dataElement.has(key)) mapping.reverse.dataElement.set(key, row.dhis2Code);
    } else {
      mapping[row.kind].set(row.dhis2Code, row.localCode);
      if (!mapping.reverse[row.kind].has(row.localCode)) mapping.reverse[row.kind].set(row.localCode, row.dhis2Code);
    }
  }
  return mapping;
}

/** The indicator and figure a data element stands for: the mapping, else the code itself (or CODE_NUM/_DEN). */
function dataElementTarget(
  code: string,
  mapping: CodeMapping,
  indicators: ReadonlyMap<string, IndicatorRef>,
): { indicator: IndicatorRef; part: ValuePart } | undefined {
  const mapped = mapping.dataElement.get(code);
  if (mapped) {
    const indicator = indicators.get(mapped.indicator);
    return indicator && { indicator, part: mapped.part };
  }
  const direct = indicators.get(code);
  if (direct) return { indicator: direct, part: 'value' };
  for (const part of ['numerator', 'denominator'] as const) {
    const suffix = PART_SUFFIXES[part];
    if (!code.endsWith(suffix)) continue;
    const base = indicators.get(code.slice(0, -suffix.length));
    if (base?.valueType === 'percentage') return { indicator: base, part };
  }
  return undefined;
}

function dataElementOf(indicator: string, part: ValuePart, valueType: string, mapping: CodeMapping): string {
  const mapped = mapping.reverse.dataElement.get(`${indicator}/${part}`);
  if (mapped) return mapped;
  return valueType === 'percentage' && part !== 'value' ? `${indicator}${PART_SUFFIXES[part]}` : indicator;
}

// ---- the import summary ----

export interface Dhis2Conflict {
  object: string;
  objects: Record<string, string>;
  value: string;
  errorCode: string;
  property: string;
  indexes: number[];
}

export interface ImportSummaryMessage {
  httpStatus: 'OK' | 'Conflict';
  httpStatusCode: 200 | 409;
  status: 'OK' | 'WARNING' | 'ERROR';
  message: string;
  response: {
    responseType: 'ImportSummary';
    status: 'SUCCESS' | 'WARNING' | 'ERROR';
    importOptions: {
      idSchemes: { idScheme: 'CODE' };
      dryRun: boolean;
      async: false;
      importStrategy: ImportStrategy;
      atomicMode: AtomicMode;
    };
    description: string;
    importCount: { imported: number; updated: number; ignored: number; deleted: number };
    conflicts: Dhis2Conflict[];
    rejectedIndexes: number[];
    dataSetComplete: 'false';
  };
}

/** DHIS2's error codes (ErrorCode.java, data import E76xx); E8000+ are ours where DHIS2 has none. */
const CONFLICT_CODES: Record<Problem, { errorCode: string; property: string }> = {
  malformed: { errorCode: 'E7619', property: 'value' },
  unknown_indicator: { errorCode: 'E7610', property: 'dataElement' },
  unknown_period: { errorCode: 'E7611', property: 'period' },
  unknown_org_unit: { errorCode: 'E7612', property: 'orgUnit' },
  unknown_option: { errorCode: 'E7634', property: 'categoryOptionCombo' },
  out_of_scope: { errorCode: 'E7617', property: 'orgUnit' },
  missing_value: { errorCode: 'E7618', property: 'value' },
  invalid_value: { errorCode: 'E7619', property: 'value' },
  not_reported: { errorCode: 'E7636', property: 'dataElement' },
  future_period: { errorCode: 'E7641', property: 'period' },
  locked: { errorCode: 'E7642', property: 'period' },
  duplicate: { errorCode: 'E8000', property: 'dataElement' },
};

interface ConflictInput {
  index: number;
  errorCode: string;
  property: string;
  value: string;
  objects: Record<string, string>;
}

function addConflict(
  conflicts: ConflictInput[],
  index: number,
  objects: Record<string, string>,
  errorCode: string,
  property: string,
  value: string,
): void {
  conflicts.push({ index, errorCode, property, value, objects });
}

function conflictObject(input: ConflictInput): string {
  return input.objects[input.property] ?? Object.values(input.objects)[0] ?? '';
}

/** Identical conflicts (same code, object and message) are reported once, with every index (as DHIS2 2.40 does). */
function groupConflicts(inputs: readonly ConflictInput[]): Dhis2Conflict[] {
  const groups = new Map<string, Dhis2Conflict>();
  for (const input of [...inputs].sort((a, b) => a.index - b.index)) {
    const object = conflictObject(input);
    const key = `${input.errorCode}\u0000${object}\u0000${input.value}`;
    const group = groups.get(key);
    if (group) group.indexes.push(input.index);
    else {
      groups.set(key, {
        object,
        objects: input.objects,
        value: input.value,
        errorCode: input.errorCode,
        property: input.property,
        indexes: [input.index],
      });
    }
  }
  return [...groups.values()];
}

export interface Dhis2ImportOptions {
  now: Date;
  dryRun: boolean;
  importStrategy: ImportStrategy;
  atomicMode: AtomicMode;
}

const PART_BITS: Record<ValuePart, number> = { value: 1, numerator: 2, denominator: 4 };

/** Imports a dataValueSet and answers as DHIS2 would. */
export async function importDataValueSet(
  db: Kysely<Database>,
  user: SessionUser,
  set: Dhis2DataValueSet,
  options: Dhis2ImportOptions,
): Promise<ImportSummaryMessage> {
  const [mapping, indicatorRefs, optionCodes] = await Promise.all([
    loadCodeMapping(db),
    listIndicatorRefs(db),
    listOptionCodes(db),
  ]);
  const indicators = new Map(indicatorRefs.map((indicator) => [indicator.code, indicator]));
  const knownOptions = new Set(optionCodes);
  const conflicts: ConflictInput[] = [];
  const total = set.dataValues.length;

  let dataSetIndicators: Set<number> | undefined;
  if (set.dataSet !== undefined) {
    const ids = await listProjectIndicatorIds(db, set.dataSet);
    if (!ids) {
      return summarise(
        options,
        total,
        { imported: 0, updated: 0, deleted: 0 },
        set.dataValues.map((_, index) => ({
          index,
          errorCode: 'E7600',
          property: 'dataSet',
          value: `Data set not found or not accessible: \`${set.dataSet}\` (data sets are project codes here).`,
          objects: { dataSet: set.dataSet ?? '' },
        })),
      );
    }
    dataSetIndicators = new Set(ids);
  }

  // Values of one key (indicator × unit × period × option) merge: a percentage's numerator and
  // denominator arrive as two data values and are stored as one.
  interface Merged {
    candidate: CandidateValue;
    indexes: number[];
    /** The parts received so far, as bits of PART_BITS (a Set per value costs a 100,000-value payload dearly). */
    parts: number;
    objects: Record<string, string>;
  }
  const merged = new Map<string, Merged>();
  const byRow = new Map<number, Merged>();
  for (const [index, dataValue] of set.dataValues.entries()) {
    const period = dataValue.period ?? set.period ?? '';
    const orgUnit = dataValue.orgUnit ?? set.orgUnit ?? '';
    const combo = dataValue.categoryOptionCombo ?? '';
    const attribute = dataValue.attributeOptionCombo ?? set.attributeOptionCombo ?? '';
    const objects: Record<string, string> = {
      dataElement: dataValue.dataElement,
      period,
      orgUnit,
      categoryOptionCombo: combo || DEFAULT_COMBO_CODE,
    };

    const target = dataElementTarget(dataValue.dataElement, mapping, indicators);
    if (!target) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7610',
        'dataElement',
        `Data element not found or not accessible: \`${dataValue.dataElement}\``,
      );
      continue;
    }
    const { indicator, part } = target;
    if ((indicator.valueType === 'percentage') !== (part !== 'value')) {
      addConflict(
        conflicts,
        index,
        objects,
        'E8001',
        'dataElement',
        indicator.valueType === 'percentage'
          ? `${indicator.code} is a percentage: send its numerator (${dataElementOf(indicator.code, 'numerator', 'percentage', mapping)}) and denominator (${dataElementOf(indicator.code, 'denominator', 'percentage', mapping)}), not the percentage.`
          : `The mapping sends a ${part} to ${indicator.code}, which is not a percentage.`,
      );
      continue;
    }
    if (dataSetIndicators && !dataSetIndicators.has(indicator.id)) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7633',
        'dataElement',
        `Data element: \`${dataValue.dataElement}\` is not part of dataset: \`${set.dataSet}\``,
      );
      continue;
    }
    if (period === '') {
      addConflict(
        conflicts,
        index,
        objects,
        'E7611',
        'period',
        'Period not valid: `` (no period on the value or the data value set)',
      );
      continue;
    }
    if (!QUARTER_PATTERN.test(period)) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7611',
        'period',
        `Period not valid: \`${period}\`: only quarterly periods (2024Q1) are reported here.`,
      );
      continue;
    }
    if (orgUnit === '') {
      addConflict(
        conflicts,
        index,
        objects,
        'E7612',
        'orgUnit',
        'Organisation unit not found or not accessible: `` (no org unit given)',
      );
      continue;
    }
    if (attribute !== '' && !DEFAULT_COMBOS.has(attribute)) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7615',
        'attributeOptionCombo',
        `Attribute option combo not found or not accessible for writing data: \`${attribute}\` (only the default is used here)`,
      );
      continue;
    }
    const option =
      DEFAULT_COMBOS.has(combo) || combo === '' ? TOTAL_OPTION : (mapping.categoryOptionCombo.get(combo) ?? combo);
    if (!knownOptions.has(option)) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7613',
        'categoryOptionCombo',
        `Category option combo not found or not accessible for writing data: \`${combo}\``,
      );
      continue;
    }
    const deleting = dataValue.deleted === true || options.importStrategy === 'DELETE';
    let figure: number | undefined;
    if (!deleting) {
      const parsed = parseNumberCell(dataValue.value ?? null, indicator.valueType === 'yes_no');
      if (parsed === undefined) {
        addConflict(
          conflicts,
          index,
          objects,
          'E7618',
          'value',
          `Data value or comment not specified for data element: \`${dataValue.dataElement}\``,
        );
        continue;
      }
      if (typeof parsed === 'object') {
        addConflict(
          conflicts,
          index,
          objects,
          'E7619',
          'value',
          `Value must match data element's \`${indicator.valueType}\` type constraints: ${parsed.error}`,
        );
        continue;
      }
      figure = parsed;
    }
    if ((dataValue.comment?.length ?? 0) > MAX_COMMENT_LENGTH) {
      addConflict(
        conflicts,
        index,
        objects,
        'E7620',
        'comment',
        `Invalid comment: longer than ${MAX_COMMENT_LENGTH} characters`,
      );
      continue;
    }
    const unitCode = mapping.orgUnit.get(orgUnit) ?? orgUnit;
    const key = `${indicator.code}\u0000${unitCode}\u0000${period}\u0000${option}`;
    let entry = merged.get(key);
    if (!entry) {
      entry = {
        candidate: { row: index, indicator: indicator.code, orgUnit: unitCode, period, option },
        indexes: [],
        parts: 0,
        objects,
      };
      merged.set(key, entry);
      byRow.set(index, entry);
    }
    if (entry.parts & PART_BITS[part]) {
      addConflict(
        conflicts,
        index,
        objects,
        'E8000',
        'dataElement',
        `Duplicate data value: the same data element, period, org unit and category option combo as index ${entry.indexes[0]}`,
      );
      continue;
    }
    entry.parts |= PART_BITS[part];
    entry.indexes.push(index);
    const { candidate } = entry;
    if (deleting) candidate.delete = true;
    if (figure !== undefined) candidate[part] = figure;
    if (dataValue.comment !== undefined) candidate.comment = dataValue.comment ?? null;
  }

  const atomic = options.atomicMode === 'ALL';
  const candidates = [...merged.values()].map((entry) => entry.candidate);
  // Under atomicMode=ALL a conflict found while reading already means nothing is written.
  const dryRun = options.dryRun || (atomic && conflicts.length > 0);
  const { plan } = await runImport(db, user, candidates, {
    now: options.now,
    dryRun,
    atomic,
    strategy: options.importStrategy === 'DELETE' ? 'DELETE' : options.importStrategy,
  });

  const counts = { imported: 0, updated: 0, deleted: 0 };
  for (const outcome of plan.outcomes) {
    const entry = byRow.get(outcome.row);
    if (!entry) continue;
    if (outcome.action === 'rejected') {
      const code = CONFLICT_CODES[outcome.problem ?? 'malformed'];
      const errorCode = outcome.problem === 'locked' && outcome.reportState === 'submitted' ? 'E7643' : code.errorCode;
      for (const index of entry.indexes) {
        conflicts.push({
          index,
          errorCode,
          property: code.property,
          value: outcome.reason ?? '',
          objects: entry.objects,
        });
      }
      continue;
    }
    const n = entry.indexes.length;
    if (outcome.action === 'insert') counts.imported += n;
    else if (outcome.action === 'update') counts.updated += n;
    else if (outcome.action === 'delete') counts.deleted += n;
  }
  if (atomic && conflicts.length > 0)
    return summarise(options, total, { imported: 0, updated: 0, deleted: 0 }, conflicts);
  return summarise(options, total, counts, conflicts);
}

function summarise(
  options: Dhis2ImportOptions,
  total: number,
  counts: { imported: number; updated: number; deleted: number },
  conflictInputs: readonly ConflictInput[],
): ImportSummaryMessage {
  const conflicts = groupConflicts(conflictInputs);
  const ignored = total - counts.imported - counts.updated - counts.deleted;
  const failed = conflicts.length > 0 && options.atomicMode === 'ALL';
  const status = conflicts.length === 0 ? 'SUCCESS' : failed ? 'ERROR' : 'WARNING';
  return {
    httpStatus: conflicts.length === 0 ? 'OK' : 'Conflict',
    httpStatusCode: conflicts.length === 0 ? 200 : 409,
    status: status === 'SUCCESS' ? 'OK' : status,
    message:
      conflicts.length === 0
        ? 'Import was successful.'
        : 'One more conflicts encountered, please check import summary.',
    response: {
      responseType: 'ImportSummary',
      status,
      importOptions: {
        idSchemes: { idScheme: 'CODE' },
        dryRun: options.dryRun,
        async: false,
        importStrategy: options.importStrategy,
        atomicMode: options.atomicMode,
      },
      description:
        status === 'SUCCESS'
          ? options.dryRun
            ? 'Dry run completed successfully: nothing was written'
            : 'Import process completed successfully'
          : failed
            ? 'Import process failed: conflicts were found and atomicMode=ALL, so no value was imported'
            : options.dryRun
              ? 'Dry run completed with conflicts: nothing was written'
              : 'Import process completed with conflicts: the values without conflicts were imported',
      importCount: { imported: counts.imported, updated: counts.updated, ignored, deleted: counts.deleted },
      conflicts,
      rejectedIndexes: [...new Set(conflictInputs.map((conflict) => conflict.index))].sort((a, b) => a - b),
      dataSetComplete: 'false',
    },
  };
}

// ---- export ----

export interface Dhis2ExportQuery {
  dataSet?: string | undefined;
  periods?: readonly string[] | undefined;
  orgUnits?: readonly string[] | undefined;
  children: boolean;
  dataElements?: readonly string[] | undefined;
}

export interface Dhis2ExportValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  storedBy?: string;
  created: string;
  lastUpdated: string;
  comment?: string;
  followup: boolean;
}

/** Resolves an export query (DHIS2 codes) to a filter on local ids; unknown codes are a 404. */
export async function dhis2ExportFilter(
  db: Kysely<Database>,
  user: SessionUser | null,
  query: Dhis2ExportQuery,
  mapping: CodeMapping,
): Promise<ExportFilter> {
  const filter: ExportFilter = { visibility: visibilityOf(user), periods: query.periods };
  if (query.orgUnits?.length) {
    const codes = query.orgUnits.map((code) => mapping.orgUnit.get(code) ?? code);
    const units = await findOrgUnitsByCodes(db, codes);
    const unknown = codes.filter((code) => !units.some((unit) => unit.code === code));
    if (unknown.length > 0) {
      throw new AppError(
        404,
        'org_unit_not_found',
        `No org unit has the code(s) ${unknown.map((code) => `"${code}"`).join(', ')}.`,
      );
    }
    if (query.children) filter.unitPaths = units.map((unit) => unit.path);
    else filter.unitIds = units.map((unit) => unit.id);
  }
  let indicatorIds: Set<number> | undefined;
  if (query.dataSet !== undefined) {
    const ids = await listProjectIndicatorIds(db, query.dataSet);
    if (!ids) throw new AppError(404, 'data_set_not_found', `No data set (project) has the code "${query.dataSet}".`);
    indicatorIds = new Set(ids);
  }
  if (query.dataElements?.length) {
    const indicators = new Map((await listIndicatorRefs(db)).map((indicator) => [indicator.code, indicator]));
    const wanted = new Set<number>();
    for (const code of query.dataElements) {
      const target = dataElementTarget(code, mapping, indicators);
      if (!target)
        throw new AppError(404, 'data_element_not_found', `No data element (indicator) has the code "${code}".`);
      wanted.add(target.indicator.id);
    }
    indicatorIds = indicatorIds ? new Set([...indicatorIds].filter((id) => wanted.has(id))) : wanted;
  }
  if (indicatorIds) filter.indicatorIds = [...indicatorIds];
  return filter;
}

/** One stored value as DHIS2 data values: two for a percentage (numerator, denominator). */
export function toDhis2Values(row: ExportRow, mapping: CodeMapping, withStoredBy: boolean): Dhis2ExportValue[] {
  const base = {
    period: row.period,
    orgUnit: mapping.reverse.orgUnit.get(row.orgUnit) ?? row.orgUnit,
    categoryOptionCombo:
      mapping.reverse.categoryOptionCombo.get(row.option) ??
      (row.option === TOTAL_OPTION ? DEFAULT_COMBO_CODE : row.option),
    attributeOptionCombo: DEFAULT_COMBO_CODE,
    ...(withStoredBy && row.updatedBy !== null && { storedBy: row.updatedBy }),
    created: row.createdAt,
    lastUpdated: row.updatedAt,
    ...(row.comment !== null && { comment: row.comment }),
    followup: false,
  };
  const figures: [ValuePart, number | null][] =
    row.valueType === 'percentage'
      ? [
          ['numerator', row.numerator],
          ['denominator', row.denominator],
        ]
      : [['value', row.value]];
  return figures.flatMap(([part, figure]) => {
    if (figure === null) return [];
    const { period, orgUnit, categoryOptionCombo, attributeOptionCombo, ...rest } = base;
    return [
      {
        dataElement: dataElementOf(row.indicator, part, row.valueType, mapping),
        period,
        orgUnit,
        categoryOptionCombo,
        attributeOptionCombo,
        value: row.valueType === 'yes_no' ? String(figure === 1) : String(figure),
        ...rest,
      },
    ];
  });
}

export const DHIS2_CSV_COLUMNS: TableColumn[] = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
].map((header) => ({ header, type: 'text' as const }));

export function dhis2CsvCells(value: Dhis2ExportValue): Cell[] {
  return [
    value.dataElement,
    value.period,
    value.orgUnit,
    value.categoryOptionCombo,
    value.attributeOptionCombo,
    value.value,
    value.storedBy ?? null,
    value.lastUpdated,
    value.comment ?? null,
    String(value.followup),
    'false',
  ];
}

/** The export as a stream of DHIS2 JSON or CSV, page by page. */
export function dhis2ExportStream(
  db: Kysely<Database>,
  filter: ExportFilter,
  mapping: CodeMapping,
  options: { format: 'json' | 'csv'; withStoredBy: boolean },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = iterateExport(db, filter);
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(
            encoder.encode(
              options.format === 'json'
                ? '{"dataValues":['
                : csvRecord(DHIS2_CSV_COLUMNS.map((column) => column.header)),
            ),
          );
          return;
        }
        try {
          const next = await pages.next();
          if (next.done) {
            if (options.format === 'json') controller.enqueue(encoder.encode(']}'));
            controller.close();
            return;
          }
          const values = next.value.flatMap((row) => toDhis2Values(row, mapping, options.withStoredBy));
          let text = '';
          if (options.format === 'json') {
            if (values.length > 0) text = (first ? '' : ',') + values.map((value) => JSON.stringify(value)).join(',');
            if (values.length > 0) first = false;
          } else {
            text = values.map((value) => csvRecord(dhis2CsvCells(value), DHIS2_CSV_COLUMNS)).join('');
          }
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return();
      },
    },
    { highWaterMark: 1 },
  );
}

// ---- the mapping API ----

export interface MappingInput {
  kind: Dhis2MappingKind;
  dhis2Code: string;
  localCode: string;
  part?: ValuePart | undefined;
}

/** Replaces the mapping after checking every row; any problem refuses the whole list. */
export async function saveCodeMapping(
  db: Kysely<Database>,
  inputs: readonly MappingInput[],
  now: Date,
): Promise<Dhis2Mapping[]> {
  const existing = await findExistingCodes(db, {
    indicators: inputs.filter((input) => input.kind === 'dataElement').map((input) => input.localCode),
    units: inputs.filter((input) => input.kind === 'orgUnit').map((input) => input.localCode),
    options: inputs.filter((input) => input.kind === 'categoryOptionCombo').map((input) => input.localCode),
  });
  const problems: { index: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const mappings: Dhis2Mapping[] = inputs.map((input, index) => {
    const part = input.part ?? 'value';
    const key = `${input.kind}/${input.dhis2Code}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ index, message: `${input.kind} "${input.dhis2Code}" is mapped twice (also item ${first}).` });
    else seen.set(key, index);
    if (input.kind === 'dataElement') {
      const valueType = existing.indicators.get(input.localCode);
      if (valueType === undefined) problems.push({ index, message: `No indicator has the code "${input.localCode}".` });
      else if ((valueType === 'percentage') !== (part !== 'value')) {
        problems.push({
          index,
          message:
            valueType === 'percentage'
              ? `${input.localCode} is a percentage: map a data element to its numerator or its denominator.`
              : `${input.localCode} is not a percentage: its data element carries the value (part "value").`,
        });
      }
    } else {
      if (part !== 'value')
        problems.push({ index, message: `Only data elements carry a part; ${input.kind} mappings use "value".` });
      const known = input.kind === 'orgUnit' ? existing.units : existing.options;
      if (!known.has(input.localCode)) {
        problems.push({
          index,
          message: `No ${input.kind === 'orgUnit' ? 'org unit' : 'disaggregation option'} has the code "${input.localCode}".`,
        });
      }
    }
    return { kind: input.kind, dhis2Code: input.dhis2Code, localCode: input.localCode, part };
  });
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_mapping',
      `${problems.length} mapping(s) cannot be saved, so none was: item ${problems[0]?.index}: ${problems[0]?.message}`,
      { problems },
    );
  }
  await inTransaction(db, (trx) => replaceDhis2Mappings(trx, mappings, now.toISOString()));
  return listDhis2Mappings(db);
}
