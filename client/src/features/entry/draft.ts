// The entry form's state, kept apart from React so the rules are testable: what the server has,
// what the person typed, which version each change is based on, and what to send next.
//
// A change is sent with the version the row had when the person first changed it, not the latest
// one the form has seen: that is what lets the server refuse to overwrite someone else's newer
// value (409 version_conflict) instead of silently losing it.
import {
  type CellInput,
  hasValue,
  inputFromStored,
  type Parsed,
  type Payload,
  parseCell,
  samePayload,
  type ValueType,
} from './values';

export interface FieldSpec {
  code: string;
  valueType: ValueType;
  stageMax: number | null;
  /** The disaggregation's option codes, in order; `TOTAL` alone for a plain field. */
  options: string[];
}

export interface Context {
  specs: FieldSpec[];
  decimalMark: '.' | ',';
}

export interface ServerRow {
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface StoredRow extends ServerRow {
  indicator: string;
  option: string;
}

export interface Conflict {
  indicator: string;
  option: string;
  yours: Payload;
  /** The value someone else saved meanwhile; null when they cleared it. */
  theirs: ServerRow | null;
}

export interface DraftState {
  server: Record<string, ServerRow>;
  inputs: Record<string, CellInput>;
  /** Indicator code → the comment typed for it (stored on one of its rows). */
  comments: Record<string, string>;
  bases: Record<string, number | null>;
  conflicts: Record<string, Conflict>;
  /** Rows the server refused (400), with its message, until the person edits them again. */
  rejected: Record<string, string>;
}

export interface ValueWrite extends Payload {
  indicator: string;
  option: string;
  version: number | null;
}

export function rowKey(indicator: string, option: string): string {
  return `${indicator}/${option}`;
}

function indexRows(rows: readonly StoredRow[]): Record<string, ServerRow> {
  const server: Record<string, ServerRow> = {};
  for (const { indicator, option, ...row } of rows) server[rowKey(indicator, option)] = row;
  return server;
}

export function initialDraft(values: readonly StoredRow[]): DraftState {
  return { server: indexRows(values), inputs: {}, comments: {}, bases: {}, conflicts: {}, rejected: {} };
}

/** The row holding the indicator's saved comment: the first, in option order, that has one. */
function serverCommentRow(state: DraftState, spec: FieldSpec): string | null {
  for (const option of spec.options) {
    const comment = state.server[rowKey(spec.code, option)]?.comment;
    if (comment?.trim()) return option;
  }
  return null;
}

export function serverComment(state: DraftState, spec: FieldSpec): string {
  const option = serverCommentRow(state, spec);
  return option === null ? '' : (state.server[rowKey(spec.code, option)]?.comment ?? '');
}

export function commentOf(state: DraftState, spec: FieldSpec): string {
  return state.comments[spec.code] ?? serverComment(state, spec);
}

export function inputOf(state: DraftState, spec: FieldSpec, option: string, decimalMark: '.' | ','): CellInput {
  const key = rowKey(spec.code, option);
  return state.inputs[key] ?? inputFromStored(state.server[key], spec.valueType, decimalMark);
}

export interface DesiredRow {
  key: string;
  option: string;
  parsed: Parsed;
  /** What should be stored; null while the text is invalid. */
  payload: Payload | null;
}

/**
 * What every row of an indicator should hold. The comment belongs to the indicator but is stored on
 * one row that has a value: where it already is, else the first filled one.
 */
export function desiredRows(state: DraftState, spec: FieldSpec, decimalMark: '.' | ','): DesiredRow[] {
  const parsed = spec.options.map((option) => ({
    option,
    key: rowKey(spec.code, option),
    parsed: parseCell(inputOf(state, spec, option, decimalMark), spec.valueType, decimalMark, spec.stageMax),
  }));
  const filled = (option: string | null) => parsed.find((row) => row.option === option && hasValue(row.parsed));
  const holder = filled(serverCommentRow(state, spec)) ?? parsed.find((row) => hasValue(row.parsed));
  const comment = commentOf(state, spec).trim() || null;
  return parsed.map(({ option, key, parsed: result }) => ({
    key,
    option,
    parsed: result,
    payload: result.ok
      ? {
          value: result.value,
          numerator: result.numerator,
          denominator: result.denominator,
          comment: holder?.key === key ? comment : null,
        }
      : null,
  }));
}

function serverPayload(row: ServerRow | undefined): Payload | null {
  return row
    ? { value: row.value, numerator: row.numerator, denominator: row.denominator, comment: row.comment }
    : null;
}

export interface Changes {
  /** Rows to send now. */
  writes: ValueWrite[];
  /** Rows whose text is not valid for the type: kept on the device, not sent. */
  invalid: string[];
  /** Rows waiting for the person: a conflict to settle or a value the server refused. */
  held: string[];
  /** Indicators with a new comment but no value to hang it on. */
  commentsWithoutValue: string[];
}

export function collectChanges(state: DraftState, { specs, decimalMark }: Context): Changes {
  const changes: Changes = { writes: [], invalid: [], held: [], commentsWithoutValue: [] };
  for (const spec of specs) {
    const rows = desiredRows(state, spec, decimalMark);
    for (const row of rows) {
      if (!row.payload) {
        changes.invalid.push(row.key);
        continue;
      }
      const stored = state.server[row.key];
      if (samePayload(row.payload, serverPayload(stored))) continue;
      if (state.conflicts[row.key] || state.rejected[row.key] !== undefined) {
        changes.held.push(row.key);
        continue;
      }
      const version = row.key in state.bases ? (state.bases[row.key] ?? null) : (stored?.version ?? null);
      changes.writes.push({ indicator: spec.code, option: row.option, ...row.payload, version });
    }
    const typed = state.comments[spec.code];
    if (
      typed?.trim() &&
      typed.trim() !== serverComment(state, spec).trim() &&
      !rows.some((row) => hasValue(row.parsed))
    ) {
      changes.commentsWithoutValue.push(spec.code);
    }
  }
  return changes;
}

function sameInput(a: CellInput, b: CellInput): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
}

/**
 * Drops typed text that now equals the server's (nothing left to save there), and records the base
 * version of every row that started to differ; forgets it once the row matches again.
 */
export function reconcile(state: DraftState, context: Context): DraftState {
  const inputs = { ...state.inputs };
  const comments = { ...state.comments };
  const bySpec = new Map(context.specs.map((spec) => [spec.code, spec]));
  for (const [key, input] of Object.entries(inputs)) {
    const spec = bySpec.get(key.split('/')[0] ?? '');
    if (!spec) continue;
    if (sameInput(input, inputFromStored(state.server[key], spec.valueType, context.decimalMark))) delete inputs[key];
  }
  for (const spec of context.specs) {
    if (comments[spec.code] !== undefined && comments[spec.code] === serverComment(state, spec))
      delete comments[spec.code];
  }
  const next = { ...state, inputs, comments };
  const differing = new Set(Object.keys(inputs));
  for (const spec of context.specs) {
    for (const row of desiredRows(next, spec, context.decimalMark)) {
      if (row.payload && !samePayload(row.payload, serverPayload(next.server[row.key]))) differing.add(row.key);
    }
  }
  const bases: Record<string, number | null> = {};
  for (const key of differing) {
    bases[key] = key in state.bases ? (state.bases[key] ?? null) : (next.server[key]?.version ?? null);
  }
  for (const key of Object.keys(state.conflicts)) {
    if (key in state.bases && !(key in bases)) bases[key] = state.bases[key] ?? null;
  }
  return { ...next, bases };
}

export interface ConflictReport {
  indicator: string;
  option: string;
  yours: Partial<Payload>;
  theirs: StoredRow | null;
}

export type DraftAction =
  | { type: 'input'; key: string; input: CellInput }
  | { type: 'comment'; indicator: string; text: string }
  /** A save went through: `values` is the report's fresh state, `sent` the rows that were in it. */
  | { type: 'saved'; values: readonly StoredRow[]; sent: readonly string[] }
  /** The server's state, fetched again; the person's changes stay on top of it. */
  | { type: 'refresh'; values: readonly StoredRow[] }
  | { type: 'conflicts'; conflicts: readonly ConflictReport[] }
  | { type: 'resolve'; key: string; keep: 'mine' | 'theirs' }
  | { type: 'rejected'; rows: readonly { key: string; message: string }[] }
  | { type: 'restore'; saved: SavedDraft };

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function toPayload(partial: Partial<Payload>): Payload {
  return {
    value: partial.value ?? null,
    numerator: partial.numerator ?? null,
    denominator: partial.denominator ?? null,
    comment: partial.comment ?? null,
  };
}

export function draftReducer(context: Context) {
  return (state: DraftState, action: DraftAction): DraftState => {
    switch (action.type) {
      case 'input':
        return reconcile(
          {
            ...state,
            inputs: { ...state.inputs, [action.key]: action.input },
            rejected: without(state.rejected, action.key),
          },
          context,
        );
      case 'comment': {
        const rejected = Object.fromEntries(
          Object.entries(state.rejected).filter(([key]) => !key.startsWith(`${action.indicator}/`)),
        );
        return reconcile(
          { ...state, comments: { ...state.comments, [action.indicator]: action.text }, rejected },
          context,
        );
      }
      case 'saved': {
        let bases = state.bases;
        let rejected = state.rejected;
        for (const key of action.sent) {
          bases = without(bases, key);
          rejected = without(rejected, key);
        }
        return reconcile({ ...state, server: indexRows(action.values), bases, rejected }, context);
      }
      case 'refresh':
        return reconcile({ ...state, server: indexRows(action.values) }, context);
      case 'conflicts': {
        const server = { ...state.server };
        const conflicts = { ...state.conflicts };
        for (const { indicator, option, yours, theirs } of action.conflicts) {
          const key = rowKey(indicator, option);
          if (theirs) {
            const { indicator: _i, option: _o, ...row } = theirs;
            server[key] = row;
          } else {
            delete server[key];
          }
          const mine = toPayload(yours);
          // Someone saved exactly what this person typed: nothing to choose.
          if (samePayload(mine, serverPayload(server[key]))) continue;
          conflicts[key] = { indicator, option, yours: mine, theirs: server[key] ?? null };
        }
        return reconcile({ ...state, server, conflicts }, context);
      }
      case 'resolve': {
        const conflict = state.conflicts[action.key];
        if (!conflict) return state;
        const conflicts = without(state.conflicts, action.key);
        if (action.keep === 'mine') {
          // Overwrite theirs on purpose: the next save is based on the version they saved.
          return reconcile(
            { ...state, conflicts, bases: { ...state.bases, [action.key]: conflict.theirs?.version ?? null } },
            context,
          );
        }
        const comments =
          conflict.yours.comment !== (conflict.theirs?.comment ?? null)
            ? without(state.comments, conflict.indicator)
            : state.comments;
        return reconcile(
          {
            ...state,
            conflicts,
            comments,
            inputs: without(state.inputs, action.key),
            bases: without(state.bases, action.key),
          },
          context,
        );
      }
      case 'rejected': {
        const rejected = { ...state.rejected };
        for (const row of action.rows) rejected[row.key] = row.message;
        return { ...state, rejected };
      }
      case 'restore': {
        const { inputs, comments, bases } = action.saved;
        return reconcile(
          {
            ...state,
            inputs: { ...inputs, ...state.inputs },
            comments: { ...comments, ...state.comments },
            bases: { ...bases, ...state.bases },
          },
          context,
        );
      }
    }
  };
}

// ---- keeping unsaved changes on the device ----

/** What survives a reload when a save failed: the typed text and the versions it is based on. */
export interface SavedDraft {
  inputs: Record<string, CellInput>;
  comments: Record<string, string>;
  bases: Record<string, number | null>;
}

export function toSavedDraft(state: DraftState): SavedDraft | null {
  const pending = Object.keys(state.inputs).length + Object.keys(state.comments).length;
  return pending === 0 ? null : { inputs: state.inputs, comments: state.comments, bases: state.bases };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string');
}

/** Reads what `toSavedDraft` wrote, dropping anything malformed (storage is not ours alone). */
export function parseSavedDraft(json: string | null): SavedDraft | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const raw = data as Record<string, unknown>;
  const inputs: Record<string, CellInput> = {};
  if (typeof raw.inputs === 'object' && raw.inputs !== null) {
    for (const [key, value] of Object.entries(raw.inputs)) {
      if (isStringRecord(value) && key.includes('/')) {
        inputs[key] = {
          value: value.value ?? '',
          numerator: value.numerator ?? '',
          denominator: value.denominator ?? '',
        };
      }
    }
  }
  const comments = isStringRecord(raw.comments) ? raw.comments : {};
  const bases: Record<string, number | null> = {};
  if (typeof raw.bases === 'object' && raw.bases !== null) {
    for (const [key, value] of Object.entries(raw.bases)) {
      if (value === null || (typeof value === 'number' && Number.isInteger(value))) bases[key] = value;
    }
  }
  if (Object.keys(inputs).length + Object.keys(comments).length === 0) return null;
  return { inputs, comments, bases };
}

export function draftStorageKey(userId: number, orgUnit: string, period: string): string {
  return `m4d:entry-draft:v1:${userId}:${orgUnit}:${period}`;
}

// ---- what to do when a save fails ----

export type SaveFailure = 'retry' | 'conflict' | 'invalid' | 'locked' | 'signedOut' | 'refused';

export function classifySaveFailure(status: number | null, code: string | null): SaveFailure {
  if (status === null || status >= 500 || status === 408 || status === 429) return 'retry';
  if (status === 409 && code === 'version_conflict') return 'conflict';
  if (status === 409) return 'locked';
  if (status === 400 && code === 'invalid_values') return 'invalid';
  if (status === 401) return 'signedOut';
  return 'refused';
}

/** Waits between automatic retries: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt));
}
