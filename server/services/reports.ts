// The rules of quarterly reporting: who may do what to which report, how values are validated and
// saved without lost updates, and the workflow draft → submitted → approved → accepted.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect';
import { addQuarters, parseQuarter, quarterId } from '../../db/periods';
import {
  insertAuditEntries,
  insertValueAuditEntries,
  type ValueAuditEntry,
  type ValueSnapshot,
} from '../../db/queries/audit';
import {
  deleteDataValuesAt,
  insertDataValues,
  type NewValue,
  updateDataValuesAt,
  type ValueChange,
} from '../../db/queries/exchange';
import { type IndicatorSummary, listIndicators } from '../../db/queries/indicators';
import { findOrgUnitRow, tierOf } from '../../db/queries/org-units';
import { findPeriod } from '../../db/queries/periods';
import { listProjects } from '../../db/queries/projects';
import {
  createReport,
  ensureReport,
  findReport,
  listFormIndicators,
  listReportEvents,
  listReportingIndicators,
  listStandingReturnNotes,
  listUnitTargets,
  listUnitValues,
  type StoredValue,
  touchReport,
  transitionReport,
  type ValueWrite,
} from '../../db/queries/reports';
import { refreshReportCells } from '../../db/queries/value-cells';
import type { Database, Locale, OrgUnitRow, PeriodRow, ReportAction, ReportRow, ReportStatus } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { SessionUser } from '../lib/env';
import { AppError } from '../lib/errors';

export type WorkflowAction = Exclude<ReportAction, 'create'>;
export type ReportState = ReportStatus | 'not_started';
export type AllowedAction = 'save' | WorkflowAction;

/** The state machine: each action, the states it starts from, and where it leads. */
export const TRANSITIONS: Record<WorkflowAction, Partial<Record<ReportState, ReportStatus>>> = {
  submit: { not_started: 'submitted', draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned', approved: 'returned' },
  accept: { approved: 'accepted' },
  // Undoing a decision steps back one level: an approval back to the unit, an acceptance back to approved.
  reopen: { approved: 'returned', accepted: 'approved' },
};

export const COMMENT_REQUIRED: ReadonlySet<WorkflowAction> = new Set(['return', 'reopen']);
const EDITABLE: ReadonlySet<ReportState> = new Set(['not_started', 'draft', 'returned']);

/** How far a value may move from last quarter before it needs an explanation. */
export const OUTLIER_FACTOR = 3;

type Unit = Pick<OrgUnitRow, 'id' | 'code' | 'kind' | 'path'>;

function isWithin(unit: Unit, user: SessionUser): boolean {
  return user.orgUnit !== null && unit.path.startsWith(user.orgUnit.path);
}

/** The unit's own staff: local, regional and national users attached to exactly this unit. */
function isOwner(unit: Unit, user: SessionUser): boolean {
  return (
    user.orgUnit?.id === unit.id && (user.role === 'local' || user.role === 'regional' || user.role === 'national')
  );
}

/** A council or commission above the unit: reviews (approves or returns) what it submits. */
function isReviewer(unit: Unit, user: SessionUser): boolean {
  return (user.role === 'regional' || user.role === 'national') && isWithin(unit, user) && user.orgUnit?.id !== unit.id;
}

/** The national level above the unit: accepts approved reports, the final step. */
function isAcceptor(unit: Unit, user: SessionUser): boolean {
  return user.role === 'national' && isWithin(unit, user) && user.orgUnit?.id !== unit.id;
}

function mayAct(action: AllowedAction, unit: Unit, user: SessionUser, state: ReportState): boolean {
  if (user.role === 'admin') return true;
  switch (action) {
    case 'save':
    case 'submit':
      return isOwner(unit, user);
    case 'approve':
      return isReviewer(unit, user);
    case 'return':
      return state === 'approved' ? isAcceptor(unit, user) : isReviewer(unit, user);
    case 'accept':
      return isAcceptor(unit, user);
    case 'reopen':
      return state === 'accepted' ? isAcceptor(unit, user) : isReviewer(unit, user);
  }
}

/** What this user may do to this report now, in workflow order. */
export function allowedActions(unit: Unit, user: SessionUser, state: ReportState): AllowedAction[] {
  const candidates: AllowedAction[] = ['save', 'submit', 'approve', 'return', 'accept', 'reopen'];
  return candidates.filter((action) => {
    const possible = action === 'save' ? EDITABLE.has(state) : TRANSITIONS[action][state] !== undefined;
    return possible && mayAct(action, unit, user, state);
  });
}

/** May this user read this unit's reports? Staff within their subtree, admins everywhere; donors never. */
export function assertCanRead(unit: Unit, user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to see reports.');
  if (user.role === 'admin' || (user.role !== 'donor' && isWithin(unit, user))) return user;
  throw new AppError(
    403,
    'out_of_scope',
    user.role === 'donor'
      ? 'Donors see approved figures in the dashboards, not individual reports.'
      : `${unit.code} is outside your scope (${user.orgUnit?.code ?? 'no unit'} and the units below it).`,
  );
}

export interface ReportContext {
  unit: OrgUnitRow;
  period: PeriodRow;
  report: ReportRow | undefined;
  state: ReportState;
}

export async function loadReportContext(
  db: Kysely<Database>,
  unitCode: string,
  periodId: string,
  today: Date,
): Promise<ReportContext> {
  const unit = await findOrgUnitRow(db, unitCode);
  if (!unit) throw new AppError(404, 'org_unit_not_found', `No org unit has the code "${unitCode}".`);
  const period = await findPeriod(db, periodId);
  if (!period) throw new AppError(404, 'period_not_found', `No reporting quarter "${periodId}" is set up.`);
  if (period.start_date > today.toISOString().slice(0, 10)) {
    throw new AppError(
      400,
      'period_in_future',
      `${periodId} has not started yet; reports cover quarters that have begun.`,
    );
  }
  const report = await findReport(db, unit.id, period.id);
  return { unit, period, report, state: report?.status ?? 'not_started' };
}

export function previousQuarter(periodId: string): string | null {
  const quarter = parseQuarter(periodId);
  return quarter ? quarterId(addQuarters(quarter, -1)) : null;
}

/** The indicators this unit reports this quarter, in full, plus which project asks for each. */
export async function reportingIndicators(db: Kysely<Database>, context: ReportContext, locale: Locale) {
  const links = await listReportingIndicators(
    db,
    { id: context.unit.id, tier: tierOf(context.unit.kind) },
    { startDate: context.period.start_date, endDate: context.period.end_date, quarter: context.period.quarter },
  );
  const indicators = await listIndicators(db, { codes: links.map((link) => link.code), locale });
  return { links, indicators };
}

// ---- saving values ----

export interface ValueInput {
  indicator: string;
  option: string;
  /** null clears the value. For percentage indicators, give numerator and denominator instead. */
  value?: number | null | undefined;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  comment?: string | null | undefined;
  /** The version the form loaded; null or absent for a value that did not exist. */
  version?: number | null | undefined;
}

export interface RowProblem {
  row: number;
  indicator: string;
  option: string;
  message: string;
}

/** Checks a value against its indicator's type; returns what to store, null to clear, or a problem. */
export function validateValue(
  indicator: Pick<IndicatorSummary, 'valueType' | 'stageMax'>,
  input: ValueInput,
): ValueWrite | null | string {
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  if (indicator.valueType === 'percentage') {
    const { numerator, denominator } = input;
    if (numerator == null && denominator == null && input.value == null) return null;
    if (numerator == null || denominator == null) return 'Give both the numerator and the denominator.';
    if (!Number.isFinite(numerator) || numerator < 0) return 'The numerator must be a number of 0 or more.';
    if (!Number.isFinite(denominator) || denominator <= 0) return 'The denominator must be a number above 0.';
    const value = Math.round((numerator / denominator) * 100 * 10_000) / 10_000;
    return { indicatorId: 0, optionId: 0, value, numerator, denominator, comment };
  }
  const { value } = input;
  if (value == null) return null;
  if (!Number.isFinite(value)) return 'Enter a number.';
  switch (indicator.valueType) {
    case 'integer':
      if (!Number.isInteger(value) || value < 0) return 'Enter a whole number of 0 or more.';
      break;
    case 'number':
      if (value < 0) return 'Enter a number of 0 or more.';
      break;
    case 'yes_no':
      if (value !== 0 && value !== 1) return 'Answer yes (1) or no (0).';
      break;
    case 'stage':
      if (!Number.isInteger(value) || value < 0 || value > (indicator.stageMax ?? 4)) {
        return `Choose a stage from 0 to ${indicator.stageMax ?? 4}.`;
      }
      break;
  }
  return { indicatorId: 0, optionId: 0, value, numerator: null, denominator: null, comment };
}

function keyOf(indicator: string, option: string): string {
  return `${indicator}/${option}`;
}

export interface SaveResult {
  saved: number;
  /** The report as the save left it (created, or marked as changed). */
  report: ReportRow;
}

export async function saveValues(
  db: Kysely<Database>,
  context: ReportContext,
  user: SessionUser,
  inputs: readonly ValueInput[],
  now: Date,
): Promise<SaveResult> {
  const { unit, period } = context;
  if (!mayAct('save', unit, user, context.state)) {
    throw new AppError(403, 'out_of_scope', `Only ${unit.code}'s own staff can enter its values.`);
  }
  if (!EDITABLE.has(context.state)) {
    throw new AppError(
      409,
      'report_locked',
      `The ${period.id} report of ${unit.code} is ${context.state}: its values are locked. ` +
        'The reviewing level can return or reopen it for changes.',
      { status: context.state },
    );
  }

  const byCode = await listFormIndicators(
    db,
    { id: unit.id, tier: tierOf(unit.kind) },
    { startDate: period.start_date, endDate: period.end_date, quarter: period.quarter },
  );

  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const writes: { input: ValueInput; write: ValueWrite | null }[] = [];
  for (const [row, input] of inputs.entries()) {
    const problem = (message: string) => {
      problems.push({ row, indicator: input.indicator, option: input.option, message });
    };
    const indicator = byCode.get(input.indicator);
    if (!indicator) {
      problem(`${input.indicator} is not reported by ${unit.code} in ${period.id}.`);
      continue;
    }
    const optionId = indicator.options.get(input.option);
    if (optionId === undefined) {
      const valid = [...indicator.options.keys()];
      const listed = `${valid.slice(0, 5).join(', ')}${valid.length > 5 ? '…' : ''}`;
      problem(`"${input.option}" is not a breakdown of ${input.indicator}; use one of ${listed}.`);
      continue;
    }
    const key = keyOf(input.indicator, input.option);
    if (seen.has(key)) {
      problem(`${key} appears twice in this batch.`);
      continue;
    }
    seen.add(key);
    const validated = validateValue(indicator, input);
    if (typeof validated === 'string') {
      problem(validated);
      continue;
    }
    writes.push({
      input,
      write: validated && { ...validated, indicatorId: indicator.id, optionId },
    });
  }
  if (problems.length > 0) {
    throw new AppError(400, 'invalid_values', `${problems.length} value(s) cannot be saved: ${problems[0]?.message}`, {
      problems,
    });
  }

  const nowIso = now.toISOString();
  let stored = new Map<string, StoredValue>();
  try {
    return await inTransaction(db, async (trx) => {
      // A form opened on a quarter without a report usually still has none: create it in one go.
      const created = context.report ? undefined : await createReport(trx, unit.id, period.id, user.id, nowIso);
      const report = created ?? (await ensureReport(trx, unit.id, period.id, user.id, nowIso));
      // Re-read the state inside the transaction: a submission may have landed since the check above.
      if (!EDITABLE.has(report.status)) {
        throw new AppError(409, 'report_locked', `The ${period.id} report of ${unit.code} was just ${report.status}.`, {
          status: report.status,
        });
      }
      stored = new Map(
        (await listUnitValues(trx, unit.id, period.id)).map((value) => [keyOf(value.indicator, value.option), value]),
      );
      const conflicts: Conflict[] = [];
      const inserts: NewValue[] = [];
      const updates: ValueChange[] = [];
      const deletes: { id: number; version: number }[] = [];
      const audit: ValueAuditEntry[] = [];
      // The indicators whose cells the writes change, and those of them that lose values.
      const touched = new Set<number>();
      const lost = new Set<number>();
      for (const { input, write } of writes) {
        const existing = stored.get(keyOf(input.indicator, input.option));
        const expected = input.version ?? null;
        if ((existing?.version ?? null) !== expected) {
          conflicts.push({ indicator: input.indicator, option: input.option, yours: input, theirs: existing ?? null });
          continue;
        }
        const base = {
          entityKey: `${input.indicator}/${unit.code}/${period.id}/${input.option}`,
          actorId: user.id,
          orgUnitId: unit.id,
          periodId: period.id,
        };
        if (!existing && write) {
          inserts.push({
            ...snapshotOf(write),
            indicatorId: write.indicatorId,
            optionId: write.optionId,
            unitId: unit.id,
            periodId: period.id,
          });
          audit.push({
            ...base,
            action: 'create',
            oldValue: null,
            newValue: snapshotOf(write),
            indicatorId: write.indicatorId,
          });
          touched.add(write.indicatorId);
        } else if (existing && write) {
          const unchanged =
            existing.value === write.value &&
            existing.numerator === write.numerator &&
            existing.denominator === write.denominator &&
            existing.comment === write.comment;
          if (unchanged) continue;
          updates.push({ ...snapshotOf(write), id: existing.id, expectedVersion: existing.version });
          audit.push({
            ...base,
            action: 'update',
            oldValue: snapshotOf(existing),
            newValue: snapshotOf(write),
            indicatorId: existing.indicatorId,
          });
          touched.add(existing.indicatorId);
        } else if (existing && !write) {
          deletes.push({ id: existing.id, version: existing.version });
          audit.push({
            ...base,
            action: 'delete',
            oldValue: snapshotOf(existing),
            newValue: null,
            indicatorId: existing.indicatorId,
          });
          touched.add(existing.indicatorId);
          lost.add(existing.indicatorId);
        }
      }
      // Nothing of the batch is written: the person chooses between the two values first.
      if (conflicts.length > 0) throw versionConflict(conflicts);
      const saved = inserts.length + updates.length + deletes.length;
      if (saved === 0) return { saved, report };

      // A handful of statements whatever the form's size: each kind of write in bulk, at the versions
      // read above. A count that falls short means someone wrote in between: name what changed.
      let complete: boolean;
      try {
        await insertDataValues(trx, inserts, user.id, nowIso);
        complete =
          (await updateDataValuesAt(trx, updates, user.id, nowIso)) === updates.length &&
          (await deleteDataValuesAt(trx, deletes)) === deletes.length;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        complete = false;
      }
      if (!complete) throw new ChangedMeanwhile();
      await insertValueAuditEntries(trx, audit, nowIso);
      const changed = await touchReport(trx, report.id, nowIso);
      await refreshReportCells(trx, { unitId: unit.id, periodId: period.id }, [...touched], [...lost]);
      return { saved, report: changed };
    });
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    // The transaction is rolled back (on PostgreSQL a failed statement aborts it): compare what was
    // read with what is stored now, outside it.
    throw versionConflict(db.isTransaction ? [] : await changedSince(db, unit.id, period.id, writes, stored));
  }
}

/** A bulk write found a value changed since it was read: rolled back, then reported as conflicts. */
class ChangedMeanwhile extends Error {}

type Conflict = { indicator: string; option: string; yours: ValueInput; theirs: StoredValue | null };

function versionConflict(conflicts: readonly Conflict[]): AppError {
  return new AppError(
    409,
    'version_conflict',
    `${conflicts.length} value(s) were changed by someone else since you loaded the form. Choose which to keep.`,
    { conflicts },
  );
}

/** The figures the audit log and the bulk writers take from a value. */
function snapshotOf(value: ValueSnapshot): ValueSnapshot {
  return { value: value.value, numerator: value.numerator, denominator: value.denominator, comment: value.comment };
}

/**
 * The values of a batch that someone else changed after `stored` was read (re-read outside the
 * failed transaction), as version conflicts showing both values.
 */
async function changedSince(
  db: Kysely<Database>,
  unitId: number,
  periodId: string,
  writes: readonly { input: ValueInput }[],
  stored: ReadonlyMap<string, StoredValue>,
): Promise<Conflict[]> {
  const now = new Map(
    (await listUnitValues(db, unitId, periodId)).map((value) => [keyOf(value.indicator, value.option), value]),
  );
  return writes.flatMap(({ input }) => {
    const key = keyOf(input.indicator, input.option);
    const theirs = now.get(key) ?? null;
    return (theirs?.version ?? null) === (stored.get(key)?.version ?? null)
      ? []
      : [{ indicator: input.indicator, option: input.option, yours: input, theirs }];
  });
}

// ---- workflow ----

export interface Outlier {
  indicator: string;
  value: number;
  previous: number | null;
  reason: 'jump' | 'drop' | 'above_limit' | 'below_limit';
}

/** Indicator totals far from last quarter or outside the soft limits, without an explaining comment. */
export function findUnexplainedOutliers(
  indicators: readonly IndicatorSummary[],
  current: readonly StoredValue[],
  previous: readonly StoredValue[],
): Outlier[] {
  const outliers: Outlier[] = [];
  for (const indicator of indicators) {
    if (indicator.valueType === 'yes_no' || indicator.valueType === 'stage') continue;
    const rows = current.filter((value) => value.indicator === indicator.code);
    if (rows.length === 0 || rows.some((row) => (row.comment ?? '').trim() !== '')) continue;
    const total =
      indicator.valueType === 'percentage' ? (rows[0]?.value ?? 0) : rows.reduce((sum, row) => sum + row.value, 0);
    const before = previous.filter((value) => value.indicator === indicator.code);
    const last =
      before.length === 0
        ? null
        : indicator.valueType === 'percentage'
          ? (before[0]?.value ?? 0)
          : before.reduce((sum, row) => sum + row.value, 0);
    if (last !== null && last > 0 && total > last * OUTLIER_FACTOR)
      outliers.push({ indicator: indicator.code, value: total, previous: last, reason: 'jump' });
    else if (last !== null && last > 0 && total < last / OUTLIER_FACTOR)
      outliers.push({ indicator: indicator.code, value: total, previous: last, reason: 'drop' });
    else if (indicator.maxValue !== null && total > indicator.maxValue)
      outliers.push({ indicator: indicator.code, value: total, previous: last, reason: 'above_limit' });
    else if (indicator.minValue !== null && total < indicator.minValue)
      outliers.push({ indicator: indicator.code, value: total, previous: last, reason: 'below_limit' });
  }
  return outliers;
}

/** What a person says with a workflow step: a comment, and for a return, notes on single fields. */
export interface StepInput {
  comment: string | null;
  notes?: readonly FieldNoteInput[] | undefined;
}

export interface FieldNoteInput {
  indicator: string;
  comment: string;
}

export async function transition(
  db: Kysely<Database>,
  context: ReportContext,
  user: SessionUser,
  action: WorkflowAction,
  { comment, notes = [] }: StepInput,
  now: Date,
): Promise<ReportStatus> {
  const { unit, period, state } = context;
  const to = TRANSITIONS[action][state];
  if (to === undefined) {
    const allowed = allowedActions(unit, user, state).filter((candidate) => candidate !== 'save');
    throw new AppError(
      409,
      'invalid_transition',
      `Cannot ${action} the ${period.id} report of ${unit.code}: it is ${state.replace('_', ' ')}. ` +
        (allowed.length > 0 ? `Allowed now: ${allowed.join(', ')}.` : 'You can take no workflow step on it now.'),
      { status: state, allowed },
    );
  }
  if (!mayAct(action, unit, user, state)) {
    throw new AppError(
      403,
      'not_allowed',
      `Your role (${user.role}${user.orgUnit ? ` at ${user.orgUnit.code}` : ''}) cannot ${action} reports of ${unit.code}.`,
    );
  }
  if (COMMENT_REQUIRED.has(action) && !comment?.trim()) {
    throw new AppError(
      400,
      'comment_required',
      `Say why you ${action} the report: the comment goes to the people who fix it.`,
    );
  }
  const noteRows = notes.length > 0 ? await resolveFieldNotes(db, context, action, notes) : [];
  if (action === 'submit') {
    const { indicators } = await reportingIndicators(db, context, 'en');
    const current = await listUnitValues(db, unit.id, period.id);
    if (current.length === 0) throw new AppError(409, 'empty_report', 'Enter at least one value before submitting.');
    const previousId = previousQuarter(period.id);
    const previous = previousId ? await listUnitValues(db, unit.id, previousId) : [];
    const outliers = findUnexplainedOutliers(indicators, current, previous);
    if (outliers.length > 0) {
      throw new AppError(
        409,
        'comments_required',
        `${outliers.length} value(s) are far from last quarter or outside the expected range: add a comment to ${outliers
          .map((outlier) => outlier.indicator)
          .join(', ')} before submitting.`,
        { outliers },
      );
    }
  }
  const nowIso = now.toISOString();
  await inTransaction(db, async (trx) => {
    const report = context.report ?? (await ensureReport(trx, unit.id, period.id, user.id, nowIso));
    const from = report.status;
    const moved = await transitionReport(
      trx,
      report.id,
      { action, from, to, actorId: user.id, comment: comment?.trim() || null, notes: noteRows },
      nowIso,
    );
    if (!moved)
      throw new AppError(
        409,
        'invalid_transition',
        `The ${period.id} report of ${unit.code} changed meanwhile; reload it.`,
      );
    await insertAuditEntries(
      trx,
      [
        {
          entityType: 'report',
          entityKey: `${unit.code}/${period.id}`,
          action,
          oldValue: { status: from },
          newValue: {
            status: to,
            comment: comment?.trim() || null,
            ...(notes.length > 0 && { notes: notes.map(({ indicator, comment }) => ({ indicator, comment })) }),
          },
          actorId: user.id,
          orgUnitId: unit.id,
          periodId: period.id,
          indicatorId: null,
        },
      ],
      nowIso,
    );
  });
  return to;
}

/**
 * Field notes name indicators of this report, once each, and come only with a return: the
 * reviewer points at what to fix. Anything else is refused with the codes that would be accepted.
 */
async function resolveFieldNotes(
  db: Kysely<Database>,
  context: ReportContext,
  action: WorkflowAction,
  notes: readonly FieldNoteInput[],
): Promise<{ indicatorId: number; comment: string }[]> {
  if (action !== 'return') {
    throw new AppError(400, 'notes_not_allowed', `Field notes go with a return, not with ${action}.`);
  }
  const { links } = await reportingIndicators(db, context, 'en');
  const ids = new Map(links.map((link) => [link.code, link.indicatorId]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const rows: { indicatorId: number; comment: string }[] = [];
  for (const [index, note] of notes.entries()) {
    const id = ids.get(note.indicator);
    const text = note.comment.trim();
    if (id === undefined) problems.push(`notes[${index}].indicator: ${note.indicator} is not in this report.`);
    else if (seen.has(note.indicator)) problems.push(`notes[${index}].indicator: ${note.indicator} has two notes.`);
    else if (!text) problems.push(`notes[${index}].comment: say what to fix in ${note.indicator}.`);
    else rows.push({ indicatorId: id, comment: text });
    seen.add(note.indicator);
  }
  if (problems.length > 0) {
    throw new AppError(400, 'invalid_notes', `The field notes cannot be sent: ${problems.join(' ')}`, {
      problems,
      allowed: [...ids.keys()],
    });
  }
  return rows;
}

// ---- reading ----

/** Everything the entry form and the reviewer need about one report, for this user. */
export async function describeReport(db: Kysely<Database>, context: ReportContext, user: SessionUser, locale: Locale) {
  const { unit, period, report, state } = context;
  const previousId = previousQuarter(period.id);
  const { links, indicators } = await reportingIndicators(db, context, locale);
  const [values, previous, targets, events, returnNotes, projects] = await Promise.all([
    listUnitValues(db, unit.id, period.id),
    previousId ? listUnitValues(db, unit.id, previousId) : Promise.resolve([]),
    listUnitTargets(db, unit.id, period.year),
    report ? listReportEvents(db, report.id) : Promise.resolve([]),
    report ? listStandingReturnNotes(db, report.id) : Promise.resolve([]),
    listProjects(db, { codes: [...new Set(links.map((link) => link.projectCode))], locale }),
  ]);
  const sections: { project: { code: string; name: string }; indicators: string[] }[] = [];
  for (const link of links) {
    let section = sections.find((candidate) => candidate.project.code === link.projectCode);
    if (!section) {
      const project = projects.find((candidate) => candidate.code === link.projectCode);
      section = { project: { code: link.projectCode, name: project?.name ?? link.projectCode }, indicators: [] };
      sections.push(section);
    }
    section.indicators.push(link.code);
  }
  const plain = (value: StoredValue) => ({
    indicator: value.indicator,
    option: value.option,
    value: value.value,
    numerator: value.numerator,
    denominator: value.denominator,
    comment: value.comment,
  });
  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind, tier: tierOf(unit.kind) },
    period: {
      id: period.id,
      startDate: period.start_date,
      endDate: period.end_date,
      deadline: period.deadline,
      previous: previousId,
    },
    report: {
      status: state,
      lastComment: report?.last_comment ?? null,
      submittedAt: report?.submitted_at ?? null,
      approvedAt: report?.approved_at ?? null,
      acceptedAt: report?.accepted_at ?? null,
      updatedAt: report?.updated_at ?? null,
    },
    allowedActions: allowedActions(unit, user, state),
    sections,
    indicators,
    values: values.map((value) => ({
      ...plain(value),
      version: value.version,
      updatedAt: value.updatedAt,
      updatedBy: value.updatedBy,
    })),
    previousValues: previous.map(plain),
    targets,
    events,
    returnNotes,
    outliers: findUnexplainedOutliers(indicators, values, previous),
  };
}
