// The bulk export of data values in long form (one row per value), as CSV or XLSX, streamed page by
// page from the database. What a reader sees follows visibilityOf: approved data only for donors and
// anonymous readers, drafts and submissions too within a staff member's subtree, everything for admins.
import type { Kysely } from 'kysely';
import { type ExportFilter, type ExportRow, iterateExport } from '../../db/queries/exchange';
import { findIndicatorId } from '../../db/queries/indicators';
import { findOrgUnitRow } from '../../db/queries/org-units';
import type { Database } from '../../db/schema';
import { type SessionUser, visibilityOf } from '../lib/env';
import { AppError } from '../lib/errors';
import { type Cell, csvStream, type TableColumn, xlsxStream } from '../lib/spreadsheet-writers';

export interface DataValueExportQuery {
  indicator?: string | undefined;
  orgUnit?: string | undefined;
  children: boolean;
  periods?: readonly string[] | undefined;
}

/** The columns of the long form; the import reads the same names back. */
export const DATA_VALUE_COLUMNS: TableColumn[] = [
  { header: 'indicator', type: 'text', width: 24 },
  { header: 'org_unit', type: 'text', width: 26 },
  { header: 'period', type: 'text', width: 9 },
  { header: 'option', type: 'text', width: 24 },
  { header: 'value', type: 'number', width: 12 },
  { header: 'numerator', type: 'number', width: 12 },
  { header: 'denominator', type: 'number', width: 13 },
  { header: 'report_status', type: 'text', width: 13 },
  { header: 'comment', type: 'text', width: 40 },
];

function cellsOf(row: ExportRow): Cell[] {
  return [
    row.indicator,
    row.orgUnit,
    row.period,
    row.option,
    row.value,
    row.numerator,
    row.denominator,
    row.reportStatus ?? 'not_started',
    row.comment,
  ];
}

async function* cellPages(db: Kysely<Database>, filter: ExportFilter): AsyncGenerator<Cell[][], void, undefined> {
  for await (const page of iterateExport(db, filter)) yield page.map(cellsOf);
}

export interface PreparedExport {
  filter: ExportFilter;
  approvedOnly: boolean;
  /** The filters in words, for the "About" sheet and the file name. */
  description: [string, string][];
  filename: string;
}

/** Checks the filters (unknown codes are a 404) and works out what this reader may see. */
export async function prepareDataValueExport(
  db: Kysely<Database>,
  user: SessionUser | null,
  query: DataValueExportQuery,
): Promise<PreparedExport> {
  const visibility = visibilityOf(user);
  const filter: ExportFilter = { visibility, periods: query.periods };
  if (query.indicator !== undefined) {
    const id = await findIndicatorId(db, query.indicator);
    if (id === undefined)
      throw new AppError(404, 'indicator_not_found', `No indicator has the code "${query.indicator}".`);
    filter.indicatorIds = [id];
  }
  if (query.orgUnit !== undefined) {
    const unit = await findOrgUnitRow(db, query.orgUnit);
    if (!unit) throw new AppError(404, 'org_unit_not_found', `No org unit has the code "${query.orgUnit}".`);
    if (query.children) filter.unitPaths = [unit.path];
    else filter.unitIds = [unit.id];
  }
  const approvedOnly = visibility.kind === 'approved';
  const nameParts = ['data-values', query.indicator, query.orgUnit, query.periods?.join('_')].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return {
    filter,
    approvedOnly,
    description: [
      ['Indicator', query.indicator ?? 'all'],
      [
        'Org unit',
        query.orgUnit === undefined ? 'all' : `${query.orgUnit}${query.children ? ' and every unit below it' : ''}`,
      ],
      ['Periods', query.periods?.join(', ') ?? 'all'],
      [
        'Data included',
        approvedOnly
          ? 'approved data only (approved and accepted reports)'
          : visibility.kind === 'all'
            ? 'all data, including drafts and submitted reports (see report_status)'
            : 'approved data, plus drafts and submitted reports within your own unit and below (see report_status)',
      ],
    ],
    filename: nameParts.join('_').replace(/[^\w.-]+/g, '-'),
  };
}

export function dataValueCsv(db: Kysely<Database>, prepared: PreparedExport, bom: boolean): ReadableStream<Uint8Array> {
  return csvStream(DATA_VALUE_COLUMNS, cellPages(db, prepared.filter), { bom });
}

export function dataValueXlsx(
  db: Kysely<Database>,
  prepared: PreparedExport,
  exportedAt: Date,
  version: string,
): ReadableStream<Uint8Array> {
  return xlsxStream({
    sheetName: 'Data values',
    columns: DATA_VALUE_COLUMNS,
    pages: cellPages(db, prepared.filter),
    about: (rowCount) => [
      ['Export', 'm4d-monitor data values (long form: one row per value)'],
      ['Exported at (UTC)', exportedAt.toISOString()],
      ['Approved data only', prepared.approvedOnly ? 'yes' : 'no'],
      ...prepared.description,
      ['Rows', rowCount],
      ['Application version', version],
    ],
  });
}
