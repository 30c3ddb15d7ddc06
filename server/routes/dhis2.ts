import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { listDhis2Mappings } from '../../db/queries/dhis2';
import { type Database, DHIS2_MAPPING_KINDS, VALUE_PARTS } from '../../db/schema';
import type { AppEnv, SessionUser } from '../lib/env';
import { AppError, ErrorSchema, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { decodeUtf8, parseCsv } from '../lib/spreadsheet-readers';
import { DEFAULT_MAX_UPLOAD_BYTES, readUpload, uploadLimit } from '../lib/uploads';
import {
  ATOMIC_MODES,
  DataValueSetSchema,
  dhis2ExportFilter,
  dhis2ExportStream,
  importDataValueSet,
  loadCodeMapping,
  MAX_DATA_VALUES,
  parseDataValueSetCsv,
  parseDataValueSetJson,
  saveCodeMapping,
} from '../services/dhis2';
import { IMPORT_STRATEGIES } from '../services/imports';
import { PeriodListQuery } from './exports';

const flag = (fallback: 'true' | 'false', description: string) =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((value) => value === 'true')
    .openapi({ description });

/** DHIS2 clients send enumerations in capitals; accept any case. */
const upperEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
  description: string,
) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(values))
    .openapi({ type: 'string', enum: [...values], description });

const ImportQuery = z.object({
  dryRun: flag('false', 'Check everything and answer with the summary, writing nothing.'),
  importStrategy: upperEnum(
    IMPORT_STRATEGIES,
    'CREATE_AND_UPDATE',
    'CREATE only adds values, UPDATE only changes stored ones, DELETE deletes the values listed.',
  ),
  atomicMode: upperEnum(
    ATOMIC_MODES,
    'ALL',
    'ALL (default): any conflict and nothing is imported. NONE: the values without conflicts are imported.',
  ),
  firstRowIsHeader: flag('true', 'CSV only: false when the file has no header row (DHIS2 column order).'),
  idScheme: z.string().optional().openapi({ description: 'Only CODE is supported (codes are the identifiers).' }),
  dataElementIdScheme: z.string().optional(),
  orgUnitIdScheme: z.string().optional(),
  categoryOptionComboIdScheme: z.string().optional(),
});

const ConflictSchema = z.object({
  object: z.string(),
  objects: z.record(z.string(), z.string()),
  value: z.string(),
  errorCode: z.string(),
  property: z.string(),
  indexes: z.array(z.number().int()),
});

const ImportSummarySchema = z
  .object({
    httpStatus: z.enum(['OK', 'Conflict']),
    httpStatusCode: z.union([z.literal(200), z.literal(409)]),
    status: z.enum(['OK', 'WARNING', 'ERROR']),
    message: z.string(),
    response: z.object({
      responseType: z.literal('ImportSummary'),
      status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
      importOptions: z.object({
        idSchemes: z.object({ idScheme: z.literal('CODE') }),
        dryRun: z.boolean(),
        async: z.literal(false),
        importStrategy: z.enum(IMPORT_STRATEGIES),
        atomicMode: z.enum(ATOMIC_MODES),
      }),
      description: z.string(),
      importCount: z.object({
        imported: z.number().int(),
        updated: z.number().int(),
        ignored: z.number().int(),
        deleted: z.number().int(),
      }),
      conflicts: z.array(ConflictSchema),
      rejectedIndexes: z.array(z.number().int()),
      dataSetComplete: z.literal('false'),
    }),
  })
  .openapi('Dhis2ImportSummary', {
    example: {
      httpStatus: 'Conflict',
      httpStatusCode: 409,
      status: 'ERROR',
      message: 'One more conflicts encountered, please check import summary.',
      response: {
        responseType: 'ImportSummary',
        status: 'ERROR',
        importOptions: {
          idSchemes: { idScheme: 'CODE' },
          dryRun: false,
          async: false,
          importStrategy: 'CREATE_AND_UPDATE',
          atomicMode: 'ALL',
        },
        description: 'Import process failed: conflicts were found and atomicMode=ALL, so no value was imported',
        importCount: { imported: 0, updated: 0, ignored: 2, deleted: 0 },
        conflicts: [
          {
            object: 'XX-99',
            objects: { dataElement: 'MIG_SERVED', period: '2026Q2', orgUnit: 'XX-99', categoryOptionCombo: 'default' },
            value: 'No org unit has the code "XX-99".',
            errorCode: 'E7612',
            property: 'orgUnit',
            indexes: [1],
          },
        ],
        rejectedIndexes: [1],
        dataSetComplete: 'false',
      },
    },
  });

const post = createRoute({
  method: 'post',
  path: '/dataValueSets',
  tags: ['dhis2'],
  summary: 'Import a DHIS2 dataValueSet (JSON or CSV) and answer with DHIS2’s import summary',
  description:
    'As DHIS2 2.40+ sends it, with codes as identifiers (idScheme=CODE). dataElement → indicator, orgUnit → unit, ' +
    'categoryOptionCombo → disaggregation option (default/HllvX50cXC0 → TOTAL), through the admin-managed mapping ' +
    '(`/api/dhis2/mappings`) or by identical code; a percentage indicator X travels as X_NUM and X_DEN. Only quarterly ' +
    'periods (2024Q1). dataSet is a project code. The entry form’s rules apply: your own unit (admins anywhere), reports ' +
    'not yet submitted, values valid for their type. Conflicts carry DHIS2 error codes (E7610 data element, E7611 period, ' +
    'E7612 org unit, E7617 out of your hierarchy, E7619 value type, E7636 not reported there, E7642/E7643 locked); ' +
    'E8000 marks a duplicate in the payload, E8001 a percentage sent as one figure. A value with `deleted: true` (or ' +
    'importStrategy=DELETE) deletes the stored value, both figures of a percentage. storedBy, created, lastUpdated, ' +
    'followup and completeDate are read but not stored: the audit log records who imported what, and a report is ' +
    'submitted through the workflow, not by an import. The payload may take up to the import limit ' +
    '(M4D_MAX_IMPORT_BYTES, 50 MB by default); larger is 413. DHIS2’s XML format is not read (415).',
  request: {
    query: ImportQuery,
    body: {
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Dhis2DataValueSet' } },
        'application/csv': {
          schema: {
            type: 'string',
            example:
              'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\n' +
              'MIG_SERVED,2026Q2,PHL-naga-city,F_Y18_59_RETURNEE,default,42,,,,false,false\n',
          },
        },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    200: {
      description: 'Imported without conflicts.',
      content: { 'application/json': { schema: ImportSummarySchema } },
    },
    409: {
      description:
        'Conflicts: with atomicMode=ALL nothing was imported (status ERROR); with NONE the rest was (WARNING).',
      content: { 'application/json': { schema: ImportSummarySchema } },
    },
    ...errorResponses(400, 401, 403, 413),
    415: { description: 'Not JSON or CSV, or not UTF-8.', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const ExportQuery = z.object({
  dataSet: z.string().min(1).max(64).optional().openapi({ description: 'A project code.', example: 'PHL-BICOL' }),
  period: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({
      type: 'string',
      description: 'Quarters (2024Q1) or years; repeat the parameter or separate by commas.',
    }),
  orgUnit: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ type: 'string', description: 'Org unit codes; repeat or separate by commas.', example: 'PH-05' }),
  children: flag('false', 'Include every unit below the org units.'),
  dataElement: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ type: 'string', description: 'Data element (indicator) codes; repeat or separate by commas.' }),
});

const Dhis2ExportSchema = z
  .object({
    dataValues: z.array(
      z.object({
        dataElement: z.string(),
        period: z.string(),
        orgUnit: z.string(),
        categoryOptionCombo: z.string(),
        attributeOptionCombo: z.string(),
        value: z.string(),
        storedBy: z.string().optional(),
        created: z.string(),
        lastUpdated: z.string(),
        comment: z.string().optional(),
        followup: z.boolean(),
      }),
    ),
  })
  .openapi('Dhis2DataValueSetExport', {
    example: {
      dataValues: [
        {
          dataElement: 'MIG_SERVED',
          period: '2026Q2',
          orgUnit: 'PHL-naga-city',
          categoryOptionCombo: 'F_Y18_59_RETURNEE',
          attributeOptionCombo: 'default',
          value: '42',
          storedBy: 'local.naga@example.org',
          created: '2026-07-03T14:15:55.653Z',
          lastUpdated: '2026-07-03T14:15:55.653Z',
          followup: false,
        },
      ],
    },
  });

function exportRoute<const Path extends string>(path: Path, format: 'json' | 'csv' | 'negotiated') {
  return createRoute({
    method: 'get',
    path,
    tags: ['dhis2'],
    summary:
      format === 'negotiated'
        ? 'Export data values as a DHIS2 dataValueSet (JSON; CSV with Accept: text/csv)'
        : `Export data values as a DHIS2 dataValueSet in ${format.toUpperCase()}`,
    description:
      'The values you may see (donors and anonymous readers: approved only), with DHIS2 codes after the mapping. ' +
      'Streamed page by page. Percentage indicators come as two data elements, X_NUM and X_DEN.',
    request: { query: ExportQuery },
    responses: {
      200: {
        description: 'The data value set.',
        content: {
          ...(format !== 'csv' && { 'application/json': { schema: Dhis2ExportSchema } }),
          ...(format !== 'json' && { 'text/csv': { schema: z.string() } }),
        },
      },
      ...errorResponses(400, 404),
    },
  });
}

const MappingSchema = z
  .object({
    kind: z.enum(DHIS2_MAPPING_KINDS),
    dhis2Code: z.string().min(1).max(100),
    localCode: z.string().min(1).max(128),
    part: z
      .enum(VALUE_PARTS)
      .optional()
      .openapi({ description: 'Data elements of percentage indicators: numerator or denominator.' }),
  })
  .openapi('Dhis2Mapping', { example: { kind: 'orgUnit', dhis2Code: 'OU_NAGA', localCode: 'PHL-naga-city' } });

const MappingListSchema = z.object({ items: z.array(MappingSchema.extend({ part: z.enum(VALUE_PARTS) })) }).openapi({
  example: {
    items: [
      { kind: 'orgUnit', dhis2Code: 'OU_NAGA', localCode: 'PHL-naga-city', part: 'value' },
      { kind: 'dataElement', dhis2Code: 'DE_BUDGET_NUM', localCode: 'BUDGET_SHARE', part: 'numerator' },
    ],
  },
});

const getMappings = createRoute({
  method: 'get',
  path: '/mappings',
  tags: ['dhis2'],
  summary: 'The DHIS2 code mapping (codes without a mapping stand for themselves)',
  responses: {
    200: { description: 'Every mapping.', content: { 'application/json': { schema: MappingListSchema } } },
    ...errorResponses(401, 403),
  },
});

const putMappings = createRoute({
  method: 'put',
  path: '/mappings',
  tags: ['dhis2'],
  summary: 'Replace the DHIS2 code mapping (admins): all items are checked, then saved together',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ items: z.array(MappingSchema).max(100_000) }) } },
    },
  },
  responses: {
    200: { description: 'The mapping as saved.', content: { 'application/json': { schema: MappingListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

function requireAdmin(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'sign_in_required', 'Sign in as an admin.');
  if (user.role !== 'admin') throw new AppError(403, 'admin_only', 'Only admins manage the DHIS2 mapping.');
  return user;
}

/** `a,b` or `?x=a&x=b` → [a, b]. */
function listParam(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

/** `<` first (after a BOM or blanks): an XML document whatever the declared type. */
function startsLikeXml(bytes: Uint8Array): boolean {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x3c) return true;
    // Blanks and a UTF-8 byte order mark may come first.
    if (![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte)) return false;
  }
  return false;
}

function wantsCsv(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  return /(text|application)\/csv/i.test(accept) && !/application\/json/i.test(accept);
}

export function dhis2Routes(db: Kysely<Database>, options: { now: () => Date; maxUploadBytes?: number | undefined }) {
  const maxBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  // The routes below call it rather than take it as their handler: a handler typed Context<AppEnv>
  // makes its route's path `string` in AppType, which hid the POST on the same path from hc<AppType>.
  const exportHandler = (format: 'json' | 'csv' | 'negotiated') => async (c: Context<AppEnv>) => {
    const raw = c.req.queries();
    const query = ExportQuery.safeParse({
      dataSet: c.req.query('dataSet'),
      period: raw.period,
      orgUnit: raw.orgUnit,
      children: c.req.query('children'),
      dataElement: raw.dataElement,
    });
    if (!query.success)
      throw new AppError(400, 'invalid_request', query.error.issues.map((issue) => issue.message).join('; '));
    const periodText = listParam(query.data.period)?.join(',');
    const periods = periodText === undefined ? undefined : PeriodListQuery.safeParse(periodText);
    if (periods && !periods.success) {
      throw new AppError(400, 'invalid_request', `period: ${periods.error.issues[0]?.message ?? 'invalid'}`);
    }
    const user = c.get('user');
    const mapping = await loadCodeMapping(db);
    const filter = await dhis2ExportFilter(
      db,
      user,
      {
        dataSet: query.data.dataSet,
        periods: periods?.data,
        orgUnits: listParam(query.data.orgUnit),
        children: query.data.children,
        dataElements: listParam(query.data.dataElement),
      },
      mapping,
    );
    const csv = format === 'csv' || (format === 'negotiated' && wantsCsv(c));
    const stream = dhis2ExportStream(db, filter, mapping, {
      format: csv ? 'csv' : 'json',
      withStoredBy: user !== null && user.role !== 'donor',
    });
    return c.body(stream, 200, {
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  };

  const router = createRouter();
  router.use('/dataValueSets', uploadLimit(maxBytes));
  router.openAPIRegistry.register('Dhis2DataValueSet', DataValueSetSchema);
  return router
    .openapi(post, async (c) => {
      const user = c.get('user');
      if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to import data.');
      if (user.role === 'donor')
        throw new AppError(403, 'not_allowed', 'Donors read approved data; they do not enter it.');
      const query = c.req.valid('query');
      for (const scheme of [
        query.idScheme,
        query.dataElementIdScheme,
        query.orgUnitIdScheme,
        query.categoryOptionComboIdScheme,
      ]) {
        if (scheme !== undefined && scheme.toUpperCase() !== 'CODE') {
          throw new AppError(
            400,
            'unsupported_id_scheme',
            `Only idScheme=CODE is supported (got ${scheme}): identifiers are codes here.`,
          );
        }
      }
      const upload = await readUpload(c, maxBytes);
      const type = upload.contentType ?? '';
      const isCsv = /(text|application)\/csv/.test(type) || /\.csv$/i.test(upload.filename ?? '');
      const isJson = /json/.test(type) || /\.json$/i.test(upload.filename ?? '');
      if (/xml/.test(type) || /\.xml$/i.test(upload.filename ?? '') || startsLikeXml(upload.bytes)) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'DHIS2’s XML dataValueSet is not read here: send the same data as JSON or CSV ' +
            '(in DHIS2, export with format JSON or CSV, or call /api/dataValueSets.json), with idScheme=CODE.',
        );
      }
      if (!isCsv && !isJson) {
        throw new AppError(
          415,
          'unsupported_media_type',
          `Send the dataValueSet as application/json or as CSV (application/csv or text/csv), not ${type || 'an undeclared type'}.`,
        );
      }
      if (upload.bytes.length === 0)
        throw new AppError(400, 'empty_file', 'The request body is empty: expected a dataValueSet.');
      const text = decodeUtf8(upload.bytes);
      let set: ReturnType<typeof parseDataValueSetJson>;
      if (isCsv) {
        const table = parseCsv(text, MAX_DATA_VALUES);
        const rows = query.firstRowIsHeader ? table.rows : [{ row: 1, cells: table.header }, ...table.rows];
        set = parseDataValueSetCsv(rows, query.firstRowIsHeader ? table.header : null);
      } else {
        set = parseDataValueSetJson(text);
      }
      if (set.dataValues.length === 0) throw new AppError(400, 'no_rows', 'The dataValueSet has no dataValues.');
      const summary = await importDataValueSet(db, user, set, {
        now: options.now(),
        dryRun: query.dryRun,
        importStrategy: query.importStrategy,
        atomicMode: query.atomicMode,
      });
      return summary.httpStatusCode === 200 ? c.json(summary, 200) : c.json(summary, 409);
    })
    .openapi(exportRoute('/dataValueSets', 'negotiated'), (c) => exportHandler('negotiated')(c))
    .openapi(exportRoute('/dataValueSets.json', 'json'), (c) => exportHandler('json')(c))
    .openapi(exportRoute('/dataValueSets.csv', 'csv'), (c) => exportHandler('csv')(c))
    .openapi(getMappings, async (c) => {
      requireAdmin(c.get('user'));
      return c.json({ items: await listDhis2Mappings(db) }, 200);
    })
    .openapi(putMappings, async (c) => {
      requireAdmin(c.get('user'));
      const { items } = c.req.valid('json');
      return c.json({ items: await saveCodeMapping(db, items, options.now()) }, 200);
    });
}
