import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../lib/env';
import { AppError, ErrorSchema, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { readTable, XLSX_TYPE } from '../lib/spreadsheet-readers';
import { DEFAULT_MAX_UPLOAD_BYTES, readUpload, uploadLimit } from '../lib/uploads';
import { importDataValueTable, MAX_IMPORT_ROWS, PROBLEMS, ROW_ACTIONS } from '../services/imports';
import {
  importIndicatorTable,
  importOrgUnitGeoJson,
  importTargetTable,
  METADATA_ACTIONS,
} from '../services/metadata-imports';

const FiguresSchema = z.object({
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  comment: z.string().nullable(),
});

const RowOutcomeSchema = z.object({
  row: z.number().int().openapi({ description: 'The row number a spreadsheet shows (the header is row 1).' }),
  action: z.enum(ROW_ACTIONS),
  indicator: z.string(),
  orgUnit: z.string(),
  period: z.string(),
  option: z.string(),
  value: FiguresSchema.nullable(),
  previous: FiguresSchema.nullable(),
  reason: z.string().optional(),
  problem: z.enum(PROBLEMS).optional(),
  firstRow: z.number().int().optional(),
  reportState: z.string().optional(),
});

const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    format: z.enum(['csv', 'xlsx']),
    columns: z.object({ used: z.array(z.string()), ignored: z.array(z.string()) }),
    counts: z.object({
      rows: z.number().int(),
      insert: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    draftReports: z.number().int(),
    rows: z.array(RowOutcomeSchema),
    rowsOmitted: z.number().int(),
  })
  .openapi('DataValueImportReport', {
    example: {
      dryRun: true,
      committed: false,
      format: 'csv',
      columns: { used: ['indicator', 'org_unit', 'period', 'option', 'value'], ignored: ['report_status'] },
      counts: { rows: 2, insert: 1, update: 0, unchanged: 0, rejected: 1 },
      draftReports: 1,
      rows: [
        {
          row: 2,
          action: 'insert',
          indicator: 'MIG_SERVED',
          orgUnit: 'PHL-naga-city',
          period: '2026Q3',
          option: 'F_Y18_59_RETURNEE',
          value: { value: 42, numerator: null, denominator: null, comment: null },
          previous: null,
        },
        {
          row: 3,
          action: 'rejected',
          indicator: 'MIG_SERVED',
          orgUnit: 'PHL-pili',
          period: '2026Q3',
          option: 'TOTAL',
          value: null,
          previous: null,
          problem: 'out_of_scope',
          reason: "Only PHL-pili's own staff can enter its values (you enter those of PHL-naga-city).",
        },
      ],
      rowsOmitted: 0,
    },
  });

const MetadataReportSchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    counts: z.object({
      rows: z.number().int(),
      insert: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    rows: z.array(
      z.object({
        row: z.number().int(),
        action: z.enum(METADATA_ACTIONS),
        key: z.string(),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi('MetadataImportReport', {
    example: {
      dryRun: true,
      committed: false,
      counts: { rows: 3, insert: 1, update: 1, unchanged: 0, rejected: 1 },
      rows: [
        { row: 2, action: 'insert', key: 'PHL-bula' },
        { row: 3, action: 'update', key: 'PHL-naga-city' },
        {
          row: 4,
          action: 'rejected',
          key: 'PHL-nowhere',
          reason: 'The parent PH-XXX is neither stored nor in the file.',
        },
      ],
    },
  });

const DryRunQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .openapi({
      description: 'true (default): report what would happen, write nothing. false: commit, all or nothing.',
    }),
});

const FILE_BODY = {
  required: true,
  description: 'The file: as a multipart form field named "file", or as the raw body with its content type.',
  content: {
    'multipart/form-data': {
      schema: { type: 'object' as const, properties: { file: { type: 'string' as const, format: 'binary' } } },
    },
    'text/csv': { schema: { type: 'string' as const } },
    [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
  },
};

const GEOJSON_BODY = {
  required: true,
  description:
    'A GeoJSON FeatureCollection, as a multipart field "file" or the raw body (application/geo+json or application/json).',
  content: {
    'application/geo+json': { schema: { type: 'object' as const } },
    'multipart/form-data': {
      schema: { type: 'object' as const, properties: { file: { type: 'string' as const, format: 'binary' } } },
    },
  },
};

const rejectedResponse = {
  422: {
    description:
      'A confirmed import (dryRun=false) with rejected rows: nothing was written; `details` holds the full report with each rejected row and its reason.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  415: {
    description:
      'The file is in an encoding or format the import does not read (UTF-16, Latin-1, .xls); the message says how to save it.',
    content: { 'application/json': { schema: ErrorSchema } },
  },
};

const dataValues = createRoute({
  method: 'post',
  path: '/data-values',
  tags: ['imports'],
  summary: 'Import data values from CSV or XLSX: dry run, then an all-or-nothing commit',
  description:
    'Columns are found by header name: indicator, orgUnit (or org_unit), period, option (default TOTAL), value, ' +
    'numerator and denominator (percentages), comment; other columns are ignored. The rules are those of the entry form: ' +
    'you write only units you could save in the form (your own unit; admins anywhere), into reports that are not started, ' +
    'draft or returned, indicators the unit reports that quarter, values valid for their type. Drafts are created where ' +
    'no report exists; every change is audited. CSV must be UTF-8 (a BOM is fine); the delimiter is detected. ' +
    'A file may hold 250,000 rows and take up to the import limit (M4D_MAX_IMPORT_BYTES, 50 MB by default); larger is 413.',
  request: { query: DryRunQuery, body: FILE_BODY },
  responses: {
    200: {
      description: 'What the import does (dry run) or did (commit), row by row.',
      content: { 'application/json': { schema: ImportReportSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 413),
    ...rejectedResponse,
  },
});

// The path's literal type matters: a plain `string` would widen every path of the router in the
// client's typed API, and /data-values would seem to answer the metadata report.
function metadataRoute<Path extends string>(
  path: Path,
  summary: string,
  description: string,
  body: typeof FILE_BODY | typeof GEOJSON_BODY,
) {
  return createRoute({
    method: 'post',
    path,
    tags: ['imports'],
    summary,
    description: `${description} Admins only. Dry run by default; dryRun=false commits all rows or none.`,
    request: { query: DryRunQuery, body },
    responses: {
      200: { description: 'Row by row.', content: { 'application/json': { schema: MetadataReportSchema } } },
      ...errorResponses(400, 401, 403, 413),
      ...rejectedResponse,
    },
  });
}

const indicators = metadataRoute(
  '/indicators',
  'Import indicators from CSV or XLSX',
  'Columns: code, name, value_type, aggregation_type (required); short_name, description, unit, direction, periodicity, ' +
    'disaggregation (code, default "default"), theme (code), tiers ("local;regional"), count_threshold, stage_max, ' +
    'min_value, max_value. New codes are added, existing ones updated (a column the file lacks keeps the stored value); the value type and disaggregation of an ' +
    'indicator that has data cannot change.',
  FILE_BODY,
);

const targets = metadataRoute(
  '/targets',
  'Import baselines and targets from CSV or XLSX',
  'Columns: indicator, org_unit, type (baseline or target), year, and value (or numerator and denominator for percentages). ' +
    'One row per indicator × unit × type × year: new rows are added, existing ones updated.',
  FILE_BODY,
);

const orgUnits = metadataRoute(
  '/org-units',
  'Import org units with boundaries from GeoJSON',
  'A FeatureCollection; each feature has properties code, name, kind (country, region, province, municipality) and ' +
    'parent (a code already stored or earlier in the file; none for a country), and a Polygon or MultiPolygon geometry. ' +
    'A code that exists gets its name and boundary replaced (its place in the tree is kept).',
  GEOJSON_BODY,
);

function requireWriter(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to import data.');
  if (user.role === 'donor') throw new AppError(403, 'not_allowed', 'Donors read approved data; they do not enter it.');
  return user;
}

function requireAdmin(user: SessionUser | null): SessionUser {
  const writer = requireWriter(user);
  if (writer.role !== 'admin') throw new AppError(403, 'admin_only', 'Only admins import metadata.');
  return writer;
}

export function importRoutes(db: Kysely<Database>, options: { now: () => Date; maxUploadBytes?: number | undefined }) {
  const maxBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const tableOf = async (c: Parameters<typeof readUpload>[0]) => {
    const upload = await readUpload(c, maxBytes);
    return readTable(upload.bytes, { ...upload, maxRows: MAX_IMPORT_ROWS });
  };
  const router = createRouter();
  router.use('*', uploadLimit(maxBytes));
  return router
    .openapi(dataValues, async (c) => {
      const user = requireWriter(c.get('user'));
      const { dryRun } = c.req.valid('query');
      const table = await tableOf(c);
      return c.json(await importDataValueTable(db, user, table, { now: options.now(), dryRun }), 200);
    })
    .openapi(indicators, async (c) => {
      const user = requireAdmin(c.get('user'));
      const { dryRun } = c.req.valid('query');
      const table = await tableOf(c);
      return c.json(await importIndicatorTable(db, user, table, { now: options.now(), dryRun }), 200);
    })
    .openapi(targets, async (c) => {
      const user = requireAdmin(c.get('user'));
      const { dryRun } = c.req.valid('query');
      const table = await tableOf(c);
      return c.json(await importTargetTable(db, user, table, { now: options.now(), dryRun }), 200);
    })
    .openapi(orgUnits, async (c) => {
      const user = requireAdmin(c.get('user'));
      const { dryRun } = c.req.valid('query');
      const upload = await readUpload(c, maxBytes);
      return c.json(await importOrgUnitGeoJson(db, user, upload.bytes, { now: options.now(), dryRun }), 200);
    });
}
