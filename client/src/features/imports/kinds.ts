// What the import page can import, and where each goes. The server checks every request again
// (local staff write their own unit; only admins import metadata); this only decides what to offer.
import type { InferResponseType } from 'hono/client';
import { isRecord } from '../../components/api-error';
import type { api } from '../../lib/api';
import type { Role } from '../auth/session';

type Imports = (typeof api)['api']['imports'];
export type DataValueReport = InferResponseType<Imports['data-values']['$post'], 200>;
export type DataValueRow = DataValueReport['rows'][number];
export type MetadataReport = InferResponseType<Imports['indicators']['$post'], 200>;
export type MetadataRow = MetadataReport['rows'][number];
/** DHIS2's import summary: 200 without conflicts, 409 with them (DHIS2's own convention), same body. */
export type Dhis2Summary = InferResponseType<(typeof api)['api']['dhis2']['dataValueSets']['$post'], 200>;
export type Dhis2Conflict = Dhis2Summary['response']['conflicts'][number];
export type Dhis2ImportStrategy = Dhis2Summary['response']['importOptions']['importStrategy'];
export type Dhis2AtomicMode = Dhis2Summary['response']['importOptions']['atomicMode'];

export const IMPORT_KINDS = ['dataValues', 'dhis2', 'indicators', 'targets', 'orgUnits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const PATHS: Record<ImportKind, string> = {
  dataValues: '/api/imports/data-values',
  dhis2: '/api/dhis2/dataValueSets',
  indicators: '/api/imports/indicators',
  targets: '/api/imports/targets',
  orgUnits: '/api/imports/org-units',
};

const SPREADSHEET = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the file picker offers for each kind. */
export const ACCEPT: Record<ImportKind, string> = {
  dataValues: SPREADSHEET,
  // DHIS2 exports JSON or CSV; its XML the server refuses with a message saying so.
  dhis2: '.json,.csv,application/json,text/csv',
  indicators: SPREADSHEET,
  targets: SPREADSHEET,
  orgUnits: '.geojson,.json,application/geo+json,application/json',
};

/** Everyone who may write imports data values (from a spreadsheet or DHIS2); metadata is the admins' alone. */
export function kindsFor(role: Role): ImportKind[] {
  if (role === 'admin') return [...IMPORT_KINDS];
  return role === 'donor' ? [] : ['dataValues', 'dhis2'];
}

/** DHIS2's import options the page offers; the check and the confirmation send the same ones. */
export interface Dhis2Options {
  importStrategy: Dhis2ImportStrategy;
  atomicMode: Dhis2AtomicMode;
}

export const DHIS2_DEFAULTS: Dhis2Options = { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' };
export const DHIS2_STRATEGIES: readonly Dhis2ImportStrategy[] = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'];
export const DHIS2_ATOMIC_MODES: readonly Dhis2AtomicMode[] = ['ALL', 'NONE'];

export function importUrl(kind: ImportKind, dryRun: boolean, dhis2: Dhis2Options = DHIS2_DEFAULTS): string {
  const query = new URLSearchParams({ dryRun: String(dryRun) });
  if (kind === 'dhis2') {
    query.set('importStrategy', dhis2.importStrategy);
    query.set('atomicMode', dhis2.atomicMode);
  }
  return `${PATHS[kind]}?${query}`;
}

/**
 * Answers besides 2xx whose body is the report rather than an error: DHIS2 answers a payload with
 * conflicts 409 and its import summary, which lists them.
 */
export function reportStatusesFor(kind: ImportKind): readonly number[] {
  return kind === 'dhis2' ? [409] : [];
}

function hasCounts(value: unknown): value is Record<string, unknown> & { counts: Record<string, unknown> } {
  return (
    isRecord(value) &&
    isRecord(value.counts) &&
    ['rows', 'insert', 'update', 'unchanged', 'rejected'].every(
      (key) => isRecord(value.counts) && typeof value.counts[key] === 'number',
    ) &&
    Array.isArray(value.rows) &&
    typeof value.dryRun === 'boolean'
  );
}

export function isDataValueReport(value: unknown): value is DataValueReport {
  return hasCounts(value) && isRecord(value.columns) && typeof value.draftReports === 'number';
}

export function isMetadataReport(value: unknown): value is MetadataReport {
  return hasCounts(value) && !('columns' in value);
}

export function isDhis2Summary(value: unknown): value is Dhis2Summary {
  if (!isRecord(value) || !isRecord(value.response)) return false;
  const { importCount, importOptions, conflicts } = value.response;
  return (
    isRecord(importCount) &&
    ['imported', 'updated', 'ignored', 'deleted'].every((key) => typeof importCount[key] === 'number') &&
    isRecord(importOptions) &&
    typeof importOptions.dryRun === 'boolean' &&
    Array.isArray(conflicts)
  );
}

/** A report of any shape, tagged so the page knows which columns to show. */
export type ImportReport =
  | { shape: 'dataValues'; report: DataValueReport }
  | { shape: 'metadata'; report: MetadataReport }
  | { shape: 'dhis2'; report: Dhis2Summary };

export function isImportReportFor(kind: ImportKind) {
  return (value: unknown): value is ImportReport['report'] => {
    if (kind === 'dhis2') return isDhis2Summary(value);
    return kind === 'dataValues' ? isDataValueReport(value) : isMetadataReport(value);
  };
}

export function tagReport(report: ImportReport['report']): ImportReport {
  if ('response' in report) return { shape: 'dhis2', report };
  return 'columns' in report ? { shape: 'dataValues', report } : { shape: 'metadata', report };
}

/** The rows the server refused, in file order (the report lists up to 1,000 of them). */
export function rejectedRows<Row extends { action: string }>(rows: Row[]): Row[] {
  return rows.filter((row) => row.action === 'rejected');
}
