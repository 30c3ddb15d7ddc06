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

export const IMPORT_KINDS = ['dataValues', 'indicators', 'targets', 'orgUnits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const PATHS: Record<ImportKind, string> = {
  dataValues: '/api/imports/data-values',
  indicators: '/api/imports/indicators',
  targets: '/api/imports/targets',
  orgUnits: '/api/imports/org-units',
};

const SPREADSHEET = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the file picker offers for each kind. */
export const ACCEPT: Record<ImportKind, string> = {
  dataValues: SPREADSHEET,
  indicators: SPREADSHEET,
  targets: SPREADSHEET,
  orgUnits: '.geojson,.json,application/geo+json,application/json',
};

/** Everyone who may write imports data values; metadata is the admins' alone. */
export function kindsFor(role: Role): ImportKind[] {
  if (role === 'admin') return [...IMPORT_KINDS];
  return role === 'donor' ? [] : ['dataValues'];
}

export function importUrl(kind: ImportKind, dryRun: boolean): string {
  return `${PATHS[kind]}?dryRun=${dryRun}`;
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

/** A report of either shape, tagged so the page knows which columns to show. */
export type ImportReport =
  | { shape: 'dataValues'; report: DataValueReport }
  | { shape: 'metadata'; report: MetadataReport };

export function isImportReportFor(kind: ImportKind) {
  return (value: unknown): value is ImportReport['report'] =>
    kind === 'dataValues' ? isDataValueReport(value) : isMetadataReport(value);
}

export function tagReport(report: DataValueReport | MetadataReport): ImportReport {
  return 'columns' in report ? { shape: 'dataValues', report } : { shape: 'metadata', report };
}

/** The rows the server refused, in file order (the report lists up to 1,000 of them). */
export function rejectedRows<Row extends { action: string }>(rows: Row[]): Row[] {
  return rows.filter((row) => row.action === 'rejected');
}
