// Reading DHIS2's import summary for a person: where in the file each conflict is, and what to do
// about it. DHIS2 names a conflict by an error code and the codes it could not use; the advice
// turns that into a next step (correct the file, ask for a mapping, reopen a report).
import type { Role } from '../auth/session';
import type { Dhis2Conflict, Dhis2Summary } from './kinds';

export type Dhis2Format = 'json' | 'csv';

/** As the server decides: CSV by its declared type or its name, JSON otherwise. */
export function dhis2FormatOf(file: { name: string; type: string }): Dhis2Format {
  return /(text|application)\/csv/i.test(file.type) || /\.csv$/i.test(file.name) ? 'csv' : 'json';
}

/** Where a conflict's values are: JSON by their number in dataValues (from 1), CSV by line. */
export interface Places {
  format: Dhis2Format;
  numbers: number[];
  /** How many more there are than listed. */
  more: number;
}

/** The most places listed per conflict: a code missing everywhere can hit thousands of values. */
export const MAX_PLACES = 10;

/**
 * DHIS2's indexes count the data values from 0. A person counts from 1; in a CSV with its header
 * row (as DHIS2 writes it) value 0 is on line 2.
 */
export function placesOf(indexes: readonly number[], format: Dhis2Format): Places {
  const shift = format === 'csv' ? 2 : 1;
  return {
    format,
    numbers: indexes.slice(0, MAX_PLACES).map((index) => index + shift),
    more: Math.max(0, indexes.length - MAX_PLACES),
  };
}

export const ADVICE = [
  'dataElement',
  'dataElementAdmin',
  'orgUnit',
  'orgUnitAdmin',
  'combo',
  'comboAdmin',
  'attributeCombo',
  'period',
  'future',
  'dataSet',
  'notInDataSet',
  'outOfScope',
  'value',
  'notReported',
  'locked',
  'submitted',
  'duplicate',
  'percentage',
  'comment',
  'other',
] as const;
export type Advice = (typeof ADVICE)[number];

/** The error codes of server/services/dhis2.ts (DHIS2's E76xx; E8000+ where DHIS2 has none). */
const ADVICE_BY_CODE: Record<string, Advice> = {
  E7600: 'dataSet',
  E7610: 'dataElement',
  E7611: 'period',
  E7612: 'orgUnit',
  E7613: 'combo',
  E7615: 'attributeCombo',
  E7617: 'outOfScope',
  E7618: 'value',
  E7619: 'value',
  E7620: 'comment',
  E7633: 'notInDataSet',
  E7634: 'combo',
  E7636: 'notReported',
  E7641: 'future',
  E7642: 'locked',
  E7643: 'submitted',
  E8000: 'duplicate',
  E8001: 'percentage',
};

/** Codes an admin can map to ours (the DHIS2 mapping) themselves; others are told to ask one. */
const ADMIN_ADVICE: Partial<Record<Advice, Advice>> = {
  dataElement: 'dataElementAdmin',
  orgUnit: 'orgUnitAdmin',
  combo: 'comboAdmin',
};

export function adviceFor(conflict: Pick<Dhis2Conflict, 'errorCode'>, role: Role): Advice {
  const advice = ADVICE_BY_CODE[conflict.errorCode] ?? 'other';
  return role === 'admin' ? (ADMIN_ADVICE[advice] ?? advice) : advice;
}

export interface ConflictRow {
  id: string;
  places: Places;
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  /** The code the conflict is about (what to map or correct). */
  code: string;
  errorCode: string;
  /** The server's own words. */
  problem: string;
  advice: Advice;
}

export function conflictRows(summary: Dhis2Summary, format: Dhis2Format, role: Role): ConflictRow[] {
  return summary.response.conflicts.map((conflict, position) => ({
    id: String(position),
    places: placesOf(conflict.indexes, format),
    dataElement: conflict.objects.dataElement ?? '',
    period: conflict.objects.period ?? '',
    orgUnit: conflict.objects.orgUnit ?? '',
    categoryOptionCombo: conflict.objects.categoryOptionCombo ?? '',
    code: conflict.object,
    errorCode: conflict.errorCode,
    problem: conflict.value,
    advice: adviceFor(conflict, role),
  }));
}

export type Dhis2Stage = 'checked' | 'imported' | 'refused';

export interface Dhis2Outcome {
  stage: Dhis2Stage;
  /** Values in the file: DHIS2 counts every one as imported, updated, deleted or ignored. */
  values: number;
  /** Values written (or, in a check, that would be). */
  changes: number;
  /** Values named by at least one conflict. */
  conflicting: number;
  /** A check may be confirmed: it writes something, and conflicts do not stop the whole file. */
  canConfirm: boolean;
}

export function readDhis2Summary(summary: Dhis2Summary): Dhis2Outcome {
  const { importCount, importOptions, conflicts, rejectedIndexes, status } = summary.response;
  const changes = importCount.imported + importCount.updated + importCount.deleted;
  // A real run refused under atomicMode=ALL wrote nothing: not "done", and not a check either.
  const stage: Dhis2Stage = importOptions.dryRun ? 'checked' : status === 'ERROR' ? 'refused' : 'imported';
  return {
    stage,
    values: changes + importCount.ignored,
    changes,
    conflicting: rejectedIndexes.length,
    canConfirm: stage === 'checked' && changes > 0 && (conflicts.length === 0 || importOptions.atomicMode === 'NONE'),
  };
}
