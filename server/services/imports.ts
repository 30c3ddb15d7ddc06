// Importing data values in bulk — from a spreadsheet here, from DHIS2 in services/dhis2.ts — under
// exactly the rules of the entry form (services/reports.ts): a user writes only units the form would
// let them save (allowedActions), into reports still open for entry, indicators the unit reports that
// quarter, values checked by validateValue; drafts are created where none exist, every change is
// audited. What differs is the shape of the work: codes are resolved in a few queries, existing values
// read in bulk, the rules decided once per unit × quarter rather than once per row, and the writes go
// out through the bulk-write seam (db/dialect.ts) in one transaction.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect';
import { QUARTER_PATTERN } from '../../db/periods';
import { insertValueAuditEntries, type ValueAuditEntry } from '../../db/queries/audit';
import {
  createDraftReports,
  deleteDataValuesAt,
  findOrgUnitsByCodes,
  findPeriodsByIds,
  insertDataValues,
  listIndicatorRefs,
  listReportingLinks,
  listReportsOf,
  listStoredValues,
  type NewValue,
  type ReportingLink,
  type ReportRef,
  type StoredValueRef,
  touchReports,
  type UnitRef,
  updateDataValuesAt,
  type ValueChange,
} from '../../db/queries/exchange';
import { type IndicatorSummary, listIndicatorOptions, listIndicators, TOTAL_OPTION } from '../../db/queries/indicators';
import { tierOf } from '../../db/queries/org-units';
import { type CellKey, refreshValueCells } from '../../db/queries/value-cells';
import type { Database, PeriodRow } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { SessionUser } from '../lib/env';
import { AppError } from '../lib/errors';
import { normaliseHeader, type RawCell, type RawTable, restoreText, rowWidthProblem } from '../lib/spreadsheet-readers';
import { allowedActions, type ReportState, validateValue } from './reports';

/** The most data rows one file may hold; more is refused with 413 (split the file). */
export const MAX_IMPORT_ROWS = 250_000;

export const IMPORT_STRATEGIES = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof IMPORT_STRATEGIES)[number];

/** How far a percentage in a file may be from numerator/denominator: a spreadsheet's two-decimal rounding. */
const PERCENT_TOLERANCE = 0.01;

/** One value to write, as read from a file: codes, not ids. */
export interface CandidateValue {
  /** What the report calls this value: the row number of a spreadsheet, the index of a DHIS2 payload. */
  row: number;
  indicator: string;
  orgUnit: string;
  period: string;
  option: string;
  /** `undefined`: not given. For percentages, a part not given keeps the stored one. */
  value?: number | undefined;
  numerator?: number | undefined;
  denominator?: number | undefined;
  /** `undefined` keeps the stored comment; null or '' clears it. */
  comment?: string | null | undefined;
  delete?: boolean | undefined;
}

export const PROBLEMS = [
  'malformed',
  'unknown_indicator',
  'unknown_org_unit',
  'unknown_period',
  'future_period',
  'unknown_option',
  'out_of_scope',
  'not_reported',
  'locked',
  'duplicate',
  'invalid_value',
  'missing_value',
] as const;
export type Problem = (typeof PROBLEMS)[number];

export const ROW_ACTIONS = ['insert', 'update', 'unchanged', 'delete', 'ignored', 'rejected'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

export interface Figures {
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

export interface RowOutcome {
  row: number;
  action: RowAction;
  indicator: string;
  orgUnit: string;
  period: string;
  option: string;
  /** What will be stored (insert, update, unchanged). */
  value: Figures | null;
  /** What is stored now (update, unchanged, delete). */
  previous: Figures | null;
  /** Why a row is rejected or ignored, in words a person can act on. */
  reason?: string;
  problem?: Problem;
  /** For a duplicate: the row it repeats. */
  firstRow?: number;
  /** For a locked report: its state. */
  reportState?: ReportState;
}

interface PendingWrite {
  outcome: RowOutcome;
  unit: UnitRef;
  periodId: string;
  indicatorId: number;
  optionId: number;
  existing: StoredValueRef | undefined;
  figures: Figures;
}

export interface ImportPlan {
  outcomes: RowOutcome[];
  writes: PendingWrite[];
  deletes: PendingWrite[];
  /** Unit × period pairs that get a new draft report when the plan is applied. */
  newReports: { unitId: number; periodId: string }[];
  /** Reports already there that the plan changes. */
  touchedReportIds: number[];
}

export function countOutcomes(outcomes: readonly RowOutcome[]): Record<RowAction, number> & { rows: number } {
  const counts = { rows: outcomes.length, insert: 0, update: 0, unchanged: 0, delete: 0, ignored: 0, rejected: 0 };
  for (const outcome of outcomes) counts[outcome.action]++;
  return counts;
}

function keyOf(a: string | number, b: string | number): string {
  return `${a}\u0000${b}`;
}

function figuresOf(value: Figures): Figures {
  return { value: value.value, numerator: value.numerator, denominator: value.denominator, comment: value.comment };
}

/** The rule of listReportingIndicators, over links read in bulk (tests check both agree everywhere). */
export function reportedIndicators(links: readonly ReportingLink[], unit: UnitRef, period: PeriodRow): Set<number> {
  const tier = tierOf(unit.kind);
  const ids = new Set<number>();
  for (const link of links) {
    if (link.tier !== tier) continue;
    if (link.projectStart > period.end_date || link.projectEnd < period.start_date) continue;
    if (link.periodicity === 'annual' && period.quarter !== 4) continue;
    ids.add(link.indicatorId);
  }
  return ids;
}

/** An indicator × option a file may name, numbered so per-pair lookups key on a number, not a string. */
interface OptionSlot {
  indicatorId: number;
  optionId: number;
  slot: number;
}

interface IndicatorPlan {
  summary: IndicatorSummary;
  options: Map<string, OptionSlot>;
}

/** What every row of one unit × quarter shares: worked out once, on the first such row. */
interface PairPlan {
  reported: Set<number>;
  report: ReportRef | undefined;
  state: ReportState;
  /** The form would refuse to save into this report (submitted or approved). */
  locked: boolean;
  /** Values stored now, and the first row that named each value, by option slot. */
  stored: Map<number, StoredValueRef>;
  firstRow: Map<number, number>;
  /** Whether the pair's new draft report or existing report is already in the plan. */
  counted: boolean;
}

interface UnitPlan {
  ref: UnitRef;
  /** The form's scope: may this user save this unit's values at all (whatever the report's state)? */
  mayEnter: boolean;
  pairs: Map<string, PairPlan>;
}

interface PlanContext {
  user: SessionUser;
  strategy: ImportStrategy;
  /** 'YYYY-MM-DD' */
  today: string;
  indicatorOf: Map<string, IndicatorPlan>;
  unitOf: Map<string, UnitPlan>;
  periodOf: Map<string, PeriodRow>;
  linksOf: Map<number, ReportingLink[]>;
  reportOf: Map<string, ReportRef>;
  /** Stored values by unit × period key, then option slot (each PairPlan takes its own map). */
  storedOf: Map<string, Map<number, StoredValueRef>>;
  touched: Set<number>;
}

function rejectRow(outcome: RowOutcome, problem: Problem, reason: string): RowOutcome {
  outcome.action = 'rejected';
  outcome.problem = problem;
  outcome.reason = reason;
  return outcome;
}

function rejectLocked(outcome: RowOutcome, unit: UnitRef, periodId: string, state: ReportState): RowOutcome {
  outcome.reportState = state;
  return rejectRow(
    outcome,
    'locked',
    `The ${periodId} report of ${unit.code} is ${state}: its values are locked. ` +
      'The reviewing level can return or reopen it for changes.',
  );
}

function pairPlanOf(context: PlanContext, unit: UnitPlan, period: PeriodRow): PairPlan {
  let pair = unit.pairs.get(period.id);
  if (pair) return pair;
  const key = keyOf(unit.ref.id, period.id);
  const report = context.reportOf.get(key);
  const state: ReportState = report?.status ?? 'not_started';
  pair = {
    reported: reportedIndicators(context.linksOf.get(unit.ref.id) ?? [], unit.ref, period),
    report,
    state,
    // allowedActions(…).includes('save'), as the form asks it: submitted and approved reports are locked.
    locked: !allowedActions(unit.ref, context.user, state).includes('save'),
    stored: context.storedOf.get(key) ?? new Map(),
    firstRow: new Map(),
    counted: false,
  };
  unit.pairs.set(period.id, pair);
  return pair;
}

/** Decides one candidate (a plain function, not a closure per row: this runs 100,000 times per file). */
function planOne(candidate: CandidateValue, context: PlanContext, plan: ImportPlan): RowOutcome {
  const { user } = context;
  const outcome: RowOutcome = {
    row: candidate.row,
    action: 'rejected',
    indicator: candidate.indicator,
    orgUnit: candidate.orgUnit,
    period: candidate.period,
    option: candidate.option,
    value: null,
    previous: null,
  };
  plan.outcomes.push(outcome);

  const indicatorPlan = context.indicatorOf.get(candidate.indicator);
  if (!indicatorPlan) {
    return rejectRow(outcome, 'unknown_indicator', `No indicator has the code "${candidate.indicator}".`);
  }
  const indicator = indicatorPlan.summary;
  const unitPlan = context.unitOf.get(candidate.orgUnit);
  if (!unitPlan) return rejectRow(outcome, 'unknown_org_unit', `No org unit has the code "${candidate.orgUnit}".`);
  const unit = unitPlan.ref;
  const period = context.periodOf.get(candidate.period);
  if (!period) {
    return rejectRow(
      outcome,
      'unknown_period',
      QUARTER_PATTERN.test(candidate.period)
        ? `No reporting quarter "${candidate.period}" is set up.`
        : `"${candidate.period}" is not a quarter: write periods like 2026Q3.`,
    );
  }
  if (period.start_date > context.today) {
    return rejectRow(
      outcome,
      'future_period',
      `${period.id} has not started yet; reports cover quarters that have begun.`,
    );
  }
  const option = indicatorPlan.options.get(candidate.option);
  if (!option) {
    const valid = indicator.disaggregation.options.map((entry) => entry.code);
    const listed = `${valid.slice(0, 5).join(', ')}${valid.length > 5 ? '…' : ''}`;
    return rejectRow(
      outcome,
      'unknown_option',
      `"${candidate.option}" is not a breakdown of ${indicator.code}; use one of ${listed}.`,
    );
  }
  if (!unitPlan.mayEnter) {
    return rejectRow(
      outcome,
      'out_of_scope',
      `Only ${unit.code}'s own staff can enter its values` +
        (user.orgUnit ? ` (you enter those of ${user.orgUnit.code}).` : '.'),
    );
  }
  const pair = pairPlanOf(context, unitPlan, period);
  if (!pair.reported.has(option.indicatorId)) {
    return rejectRow(outcome, 'not_reported', `${indicator.code} is not reported by ${unit.code} in ${period.id}.`);
  }
  const firstRow = pair.firstRow.get(option.slot);
  if (firstRow !== undefined) {
    outcome.firstRow = firstRow;
    return rejectRow(
      outcome,
      'duplicate',
      `The same indicator, unit, period and option as row ${firstRow}: keep one of them.`,
    );
  }
  pair.firstRow.set(option.slot, candidate.row);
  const { report, state, locked } = pair;
  // Submitted and approved reports are locked, as in the form; a row that would leave a locked
  // value exactly as it is writes nothing, so it passes as unchanged (re-importing an export works).

  const existing = pair.stored.get(option.slot);
  if (existing) outcome.previous = figuresOf(existing);
  const { strategy } = context;

  if (candidate.delete || strategy === 'DELETE') {
    if (!existing) {
      outcome.action = 'ignored';
      outcome.reason = 'No value is stored here, so there is nothing to delete.';
      return outcome;
    }
    if (locked) return rejectLocked(outcome, unit, period.id, state);
    outcome.action = 'delete';
    plan.deletes.push({
      outcome,
      unit,
      periodId: period.id,
      indicatorId: option.indicatorId,
      optionId: option.optionId,
      existing,
      figures: figuresOf(existing),
    });
    if (report) context.touched.add(report.id);
    return outcome;
  }
  if (strategy === 'CREATE' && existing) {
    outcome.action = 'ignored';
    outcome.reason = 'A value is stored already and importStrategy=CREATE only adds new values.';
    return outcome;
  }
  if (strategy === 'UPDATE' && !existing) {
    outcome.action = 'ignored';
    outcome.reason = 'No value is stored yet and importStrategy=UPDATE only changes existing values.';
    return outcome;
  }

  const percentage = indicator.valueType === 'percentage';
  const validated = validateValue(indicator, {
    indicator: indicator.code,
    option: candidate.option,
    value: candidate.value,
    numerator: percentage && candidate.numerator === undefined ? existing?.numerator : candidate.numerator,
    denominator: percentage && candidate.denominator === undefined ? existing?.denominator : candidate.denominator,
    comment: candidate.comment === undefined ? (existing?.comment ?? null) : candidate.comment,
  });
  if (typeof validated === 'string') return rejectRow(outcome, 'invalid_value', validated);
  if (validated === null) {
    return rejectRow(
      outcome,
      'missing_value',
      percentage
        ? `No numerator and denominator for ${indicator.code}: give both.`
        : 'No value: give a number (an empty cell does not delete a stored value).',
    );
  }
  // A percentage is computed from its numerator and denominator; a value that says otherwise (beyond
  // the rounding of a spreadsheet showing two decimals) would be silently lost, so it is refused.
  if (percentage && candidate.value !== undefined && Math.abs(candidate.value - validated.value) > PERCENT_TOLERANCE) {
    return rejectRow(
      outcome,
      'invalid_value',
      `${indicator.code} is a percentage computed from numerator and denominator (${validated.value}), not ${candidate.value}: ` +
        'change the numerator or the denominator instead.',
    );
  }
  const figures: Figures = {
    value: validated.value,
    numerator: validated.numerator,
    denominator: validated.denominator,
    comment: validated.comment,
  };
  if (
    existing &&
    existing.value === figures.value &&
    existing.numerator === figures.numerator &&
    existing.denominator === figures.denominator &&
    existing.comment === figures.comment
  ) {
    outcome.value = figures;
    outcome.action = 'unchanged';
    return outcome;
  }
  if (locked) return rejectLocked(outcome, unit, period.id, state);
  outcome.value = figures;
  outcome.action = existing ? 'update' : 'insert';
  plan.writes.push({
    outcome,
    unit,
    periodId: period.id,
    indicatorId: option.indicatorId,
    optionId: option.optionId,
    existing,
    figures,
  });
  if (!pair.counted) {
    pair.counted = true;
    if (report) context.touched.add(report.id);
    else plan.newReports.push({ unitId: unit.id, periodId: period.id });
  }
  return outcome;
}

/**
 * Decides, for every candidate, what an import would do — without writing. Reads what it needs in
 * a handful of queries; `db` may be a transaction, so a commit plans and applies on the same snapshot.
 */
export async function planImport(
  db: Kysely<Database>,
  user: SessionUser,
  candidates: readonly CandidateValue[],
  options: { today: Date; strategy?: ImportStrategy | undefined },
): Promise<ImportPlan> {
  const indicatorCodes = new Set<string>();
  const unitCodes = new Set<string>();
  const periodIds = new Set<string>();
  for (const candidate of candidates) {
    indicatorCodes.add(candidate.indicator);
    unitCodes.add(candidate.orgUnit);
    if (QUARTER_PATTERN.test(candidate.period)) periodIds.add(candidate.period);
  }
  const [summaries, optionRows, units, periods] = await Promise.all([
    listIndicators(db, { codes: [...indicatorCodes], locale: 'en' }),
    listIndicatorOptions(db, [...indicatorCodes]),
    findOrgUnitsByCodes(db, [...unitCodes]),
    findPeriodsByIds(db, [...periodIds]),
  ]);
  const unitIds = units.map((unit) => unit.id);
  const foundPeriods = periods.map((period) => period.id);
  const [links, reports, stored] = await Promise.all([
    listReportingLinks(db, unitIds),
    listReportsOf(db, unitIds, foundPeriods),
    listStoredValues(db, unitIds, foundPeriods),
  ]);
  const linksOf = new Map<number, ReportingLink[]>();
  for (const link of links) {
    const list = linksOf.get(link.unitId);
    if (list) list.push(link);
    else linksOf.set(link.unitId, [link]);
  }
  const indicatorOf = new Map<string, IndicatorPlan>(
    summaries.map((summary) => [summary.code, { summary, options: new Map() }]),
  );
  const slotOf = new Map<string, number>();
  for (const row of optionRows) {
    const slot = slotOf.size;
    slotOf.set(keyOf(row.indicatorId, row.optionId), slot);
    indicatorOf
      .get(row.indicator)
      ?.options.set(row.option, { indicatorId: row.indicatorId, optionId: row.optionId, slot });
  }
  const storedOf = new Map<string, Map<number, StoredValueRef>>();
  for (const value of stored) {
    const slot = slotOf.get(keyOf(value.indicatorId, value.optionId));
    if (slot === undefined) continue; // an indicator the file does not name
    const key = keyOf(value.unitId, value.periodId);
    let values = storedOf.get(key);
    if (!values) {
      values = new Map();
      storedOf.set(key, values);
    }
    values.set(slot, value);
  }
  const context: PlanContext = {
    user,
    strategy: options.strategy ?? 'CREATE_AND_UPDATE',
    today: options.today.toISOString().slice(0, 10),
    indicatorOf,
    unitOf: new Map(
      units.map((unit) => [
        unit.code,
        { ref: unit, mayEnter: allowedActions(unit, user, 'draft').includes('save'), pairs: new Map() },
      ]),
    ),
    periodOf: new Map(periods.map((period) => [period.id, period])),
    linksOf,
    reportOf: new Map(reports.map((report) => [keyOf(report.unitId, report.periodId), report])),
    storedOf,
    touched: new Set(),
  };
  const plan: ImportPlan = { outcomes: [], writes: [], deletes: [], newReports: [], touchedReportIds: [] };
  for (const candidate of candidates) planOne(candidate, context, plan);
  plan.touchedReportIds = [...context.touched];
  return plan;
}

function* auditEntriesOf(
  writes: readonly PendingWrite[],
  deletes: readonly PendingWrite[],
  userId: number,
): Generator<ValueAuditEntry> {
  for (const [pending, deleting] of [
    [writes, false],
    [deletes, true],
  ] as const) {
    for (const { outcome, unit, periodId, existing, figures, indicatorId } of pending) {
      yield {
        entityKey: `${outcome.indicator}/${unit.code}/${periodId}/${outcome.option}`,
        action: deleting ? 'delete' : existing ? 'update' : 'create',
        oldValue: existing ?? null,
        newValue: deleting ? null : figures,
        actorId: userId,
        orgUnitId: unit.id,
        periodId,
        indicatorId,
      };
    }
  }
}

function* newValuesOf(writes: readonly PendingWrite[]): Generator<NewValue> {
  for (const write of writes) {
    if (write.existing) continue;
    const { figures } = write;
    yield {
      indicatorId: write.indicatorId,
      unitId: write.unit.id,
      periodId: write.periodId,
      optionId: write.optionId,
      value: figures.value,
      numerator: figures.numerator,
      denominator: figures.denominator,
      comment: figures.comment,
    };
  }
}

function* changesOf(writes: readonly PendingWrite[]): Generator<ValueChange> {
  for (const { existing, figures } of writes) {
    if (!existing) continue;
    yield {
      id: existing.id,
      expectedVersion: existing.version,
      value: figures.value,
      numerator: figures.numerator,
      denominator: figures.denominator,
      comment: figures.comment,
    };
  }
}

/**
 * Writes a plan as the entry form would, in bulk: drafts (with their create events) where needed,
 * new values at version 1, changed values at their read version + 1, deletions, one audit entry per
 * change, and a new version of every report touched. Each step is a few statements whatever the
 * number of rows, fed row by row from the plan; a count that falls short means someone else wrote
 * meanwhile, and the caller's transaction is rolled back.
 */
export async function applyImport(
  trx: Kysely<Database>,
  plan: ImportPlan,
  user: SessionUser,
  now: Date,
): Promise<void> {
  const nowIso = now.toISOString();
  const created = await createDraftReports(trx, plan.newReports, user.id, nowIso);
  if (created.length !== plan.newReports.length) throw changedMeanwhile();
  const updates = plan.writes.filter((write) => write.existing).length;
  try {
    await insertDataValues(trx, newValuesOf(plan.writes), user.id, nowIso);
  } catch (error) {
    throw isUniqueViolation(error) ? changedMeanwhile() : error;
  }
  if ((await updateDataValuesAt(trx, changesOf(plan.writes), user.id, nowIso)) !== updates) throw changedMeanwhile();
  const deletes = plan.deletes.flatMap((entry) => (entry.existing ? [entry.existing] : []));
  if ((await deleteDataValuesAt(trx, deletes)) !== deletes.length) throw changedMeanwhile();
  await insertValueAuditEntries(trx, auditEntriesOf(plan.writes, plan.deletes, user.id), nowIso);
  await touchReports(trx, [...plan.touchedReportIds, ...created.map((report) => report.id)], nowIso);
  await refreshValueCells(trx, cellKeysOf(plan));
}

/** The reports whose analytics cells the plan changes. */
function* cellKeysOf(plan: ImportPlan): Generator<CellKey> {
  for (const write of plan.writes) yield { unitId: write.unit.id, periodId: write.periodId };
  for (const write of plan.deletes) if (write.existing) yield { unitId: write.unit.id, periodId: write.periodId };
}

function changedMeanwhile(): AppError {
  return new AppError(
    409,
    'changed_meanwhile',
    'Some of these values or reports were changed by someone else while the import ran. Nothing was written; run the import again.',
  );
}

/**
 * Plans and, unless it is a dry run, applies — in one transaction, so the plan is made on what the
 * commit writes over. With `atomic`, a plan with any rejected row writes nothing.
 */
export async function runImport(
  db: Kysely<Database>,
  user: SessionUser,
  candidates: readonly CandidateValue[],
  options: { now: Date; dryRun: boolean; atomic: boolean; strategy?: ImportStrategy | undefined },
): Promise<{ plan: ImportPlan; written: boolean }> {
  const planOptions = { today: options.now, strategy: options.strategy };
  if (options.dryRun) return { plan: await planImport(db, user, candidates, planOptions), written: false };
  return inTransaction(db, async (trx) => {
    const plan = await planImport(trx, user, candidates, planOptions);
    const rejected = plan.outcomes.some((outcome) => outcome.action === 'rejected');
    if (options.atomic && rejected) return { plan, written: false };
    if (plan.writes.length === 0 && plan.deletes.length === 0) return { plan, written: false };
    await applyImport(trx, plan, user, options.now);
    return { plan, written: true };
  });
}

// ---- cells ----

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a cell; undefined when the cell is empty; a message when it is not a number. */
export function parseNumberCell(cell: RawCell | undefined, yesNo: boolean): number | undefined | { error: string } {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return yesNo ? Number(cell) : { error: `"${cell}" is not a number.` };
  const text = cell.trim();
  if (text === '') return undefined;
  if (NUMBER.test(text)) return Number(text);
  if (yesNo && /^(true|yes)$/i.test(text)) return 1;
  if (yesNo && /^(false|no)$/i.test(text)) return 0;
  if (/^[+-]?\d{1,3}([,.\s]\d{3})+([.,]\d+)?$/.test(text) || /^[+-]?\d+,\d+$/.test(text)) {
    return {
      error: `"${text}" is not a number as the import reads them: write it without thousands separators and with a point for decimals (1234.5).`,
    };
  }
  return { error: `"${text}" is not a number.` };
}

/** Text from a cell: a code or a comment (the quote an export put before formula-like text is removed). */
export function textCell(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? cell : String(cell);
  // Only text that starts with a quote can carry an export's formula guard.
  return (text.charCodeAt(0) === 0x27 ? restoreText(text) : text).trim();
}

// ---- spreadsheets of data values ----

const DATA_VALUE_COLUMNS = {
  indicator: ['indicator', 'indicatorcode'],
  orgUnit: ['orgunit', 'orgunitcode', 'unit', 'unitcode'],
  period: ['period'],
  option: ['option', 'optioncode', 'categoryoptioncombo'],
  value: ['value'],
  numerator: ['numerator'],
  denominator: ['denominator'],
  comment: ['comment'],
} as const;
type DataValueColumn = keyof typeof DATA_VALUE_COLUMNS;

export const MAX_COMMENT_LENGTH = 2000;

const NUMBER_COLUMNS = ['value', 'numerator', 'denominator'] as const;

export function cellAt(cells: readonly RawCell[], position: number | undefined): RawCell | undefined {
  return position === undefined ? undefined : cells[position];
}

/** Finds each known column by name; refuses a file whose header lacks what a value needs. */
export function mapColumns<C extends string>(
  header: readonly string[],
  columns: Record<C, readonly string[]>,
  required: readonly C[],
): { index: Partial<Record<C, number>>; used: string[]; ignored: string[] } {
  const index: Partial<Record<C, number>> = {};
  const used: string[] = [];
  const ignored: string[] = [];
  for (const [position, name] of header.entries()) {
    const normalised = normaliseHeader(name);
    const column = (Object.keys(columns) as C[]).find((key) => columns[key].includes(normalised));
    if (column === undefined) {
      if (name !== '') ignored.push(name);
      continue;
    }
    if (index[column] !== undefined) {
      throw new AppError(400, 'duplicate_column', `The header names the column "${column}" twice (${name}). Keep one.`);
    }
    index[column] = position;
    used.push(name);
  }
  const missing = required.filter((column) => index[column] === undefined);
  if (missing.length > 0) {
    throw new AppError(
      400,
      'missing_columns',
      `The header row lacks the column(s) ${missing.join(', ')}. It has: ${header.join(', ') || '(nothing)'}. ` +
        `Expected a header like: ${(Object.keys(columns) as C[]).join(',')}.`,
      { missing, found: header },
    );
  }
  return { index, used, ignored };
}

export interface TableCandidates {
  candidates: CandidateValue[];
  /** Rows refused before planning (a cell that is not a number, a missing code). */
  malformed: RowOutcome[];
  used: string[];
  ignored: string[];
}

/** Turns the rows of an uploaded data-value table into candidates, and rows that cannot be read into rejections. */
export async function candidatesFromTable(db: Kysely<Database>, table: RawTable): Promise<TableCandidates> {
  const { index, used, ignored } = mapColumns<DataValueColumn>(table.header, DATA_VALUE_COLUMNS, [
    'indicator',
    'orgUnit',
    'period',
  ]);
  if (index.value === undefined && (index.numerator === undefined || index.denominator === undefined)) {
    throw new AppError(
      400,
      'missing_columns',
      `The header row needs a "value" column (or "numerator" and "denominator" for percentages). It has: ${table.header.join(', ')}.`,
      { missing: ['value'], found: table.header },
    );
  }
  const yesNo = new Set(
    (await listIndicatorRefs(db))
      .filter((indicator) => indicator.valueType === 'yes_no')
      .map((indicator) => indicator.code),
  );
  const candidates: CandidateValue[] = [];
  const malformed: RowOutcome[] = [];
  // Plain loops and few per-row objects: this runs for every row of a 250,000-row file.
  for (const { row, cells } of table.rows) {
    const indicator = textCell(cellAt(cells, index.indicator));
    const orgUnit = textCell(cellAt(cells, index.orgUnit));
    const period = textCell(cellAt(cells, index.period)).toUpperCase();
    const option = textCell(cellAt(cells, index.option)) || TOTAL_OPTION;
    const problems: string[] = [];
    const widthProblem = rowWidthProblem(table, cells);
    if (widthProblem) problems.push(widthProblem);
    if (indicator === '') problems.push('The indicator cell is empty.');
    if (orgUnit === '') problems.push('The orgUnit cell is empty.');
    if (period === '') problems.push('The period cell is empty.');
    const yes = yesNo.has(indicator);
    let value: number | undefined;
    let numerator: number | undefined;
    let denominator: number | undefined;
    for (const column of NUMBER_COLUMNS) {
      const parsed = parseNumberCell(cellAt(cells, index[column]), yes);
      if (typeof parsed === 'object') problems.push(`${column}: ${parsed.error}`);
      else if (column === 'value') value = parsed;
      else if (column === 'numerator') numerator = parsed;
      else denominator = parsed;
    }
    let comment: string | undefined;
    if (index.comment !== undefined) {
      comment = textCell(cellAt(cells, index.comment));
      if (comment.length > MAX_COMMENT_LENGTH) {
        problems.push(`The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);
      }
    }
    if (problems.length > 0) {
      malformed.push({
        row,
        action: 'rejected',
        indicator,
        orgUnit,
        period,
        option,
        value: null,
        previous: null,
        problem: 'malformed',
        reason: problems.join(' '),
      });
      continue;
    }
    candidates.push({ row, indicator, orgUnit, period, option, value, numerator, denominator, comment });
  }
  return { candidates, malformed, used, ignored };
}

/** How many rows of each kind a report lists: every rejected row up to a cap, and the first others. */
export const REPORTED_REJECTIONS = 1000;
export const REPORTED_OTHERS = 1000;

export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  format: 'csv' | 'xlsx';
  columns: { used: string[]; ignored: string[] };
  counts: { rows: number; insert: number; update: number; unchanged: number; rejected: number };
  /** Draft reports the import creates (or would create) for unit × quarter pairs that had none. */
  draftReports: number;
  rows: RowOutcome[];
  /** Rows not listed in `rows` (a large file's accepted rows beyond the first thousand). */
  rowsOmitted: number;
}

export function reportOf(
  outcomes: readonly RowOutcome[],
  details: Pick<ImportReport, 'dryRun' | 'committed' | 'format' | 'columns' | 'draftReports'>,
): ImportReport {
  const sorted = [...outcomes].sort((a, b) => a.row - b.row);
  let rejections = 0;
  let others = 0;
  const rows = sorted.filter((outcome) =>
    outcome.action === 'rejected' ? rejections++ < REPORTED_REJECTIONS : others++ < REPORTED_OTHERS,
  );
  const counts = countOutcomes(sorted);
  return {
    ...details,
    counts: {
      rows: counts.rows,
      insert: counts.insert,
      update: counts.update,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
    },
    rows,
    rowsOmitted: sorted.length - rows.length,
  };
}

/** The data-value import of a spreadsheet: dry run, or an all-or-nothing commit. */
export async function importDataValueTable(
  db: Kysely<Database>,
  user: SessionUser,
  table: RawTable,
  options: { now: Date; dryRun: boolean },
): Promise<ImportReport> {
  const { candidates, malformed, used, ignored } = await candidatesFromTable(db, table);
  // Rows that cannot be read already doom a commit: plan as a dry run so nothing is written.
  const dryRun = options.dryRun || malformed.length > 0;
  const { plan } = await runImport(db, user, candidates, { now: options.now, dryRun, atomic: true });
  const rejected = malformed.length + plan.outcomes.filter((outcome) => outcome.action === 'rejected').length;
  const report = reportOf([...malformed, ...plan.outcomes], {
    dryRun: options.dryRun,
    // A confirmed import with a rejected row writes nothing (runImport is atomic) and is refused below.
    committed: !options.dryRun && rejected === 0,
    format: table.format,
    columns: { used, ignored },
    draftReports: plan.newReports.length,
  });
  if (!options.dryRun && report.counts.rejected > 0) {
    const first = report.rows.find((row) => row.action === 'rejected');
    throw new AppError(
      422,
      'import_rejected',
      `${report.counts.rejected} of ${report.counts.rows} row(s) cannot be imported, so nothing was written. ` +
        `First: row ${first?.row}: ${first?.reason} Fix the rows listed and upload the file again.`,
      report,
    );
  }
  return report;
}
