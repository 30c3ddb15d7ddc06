import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { PERIOD_ID_PATTERN } from '../../db/periods';
import type { Database } from '../../db/schema';
import { errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { XLSX_TYPE } from '../lib/spreadsheet-readers';
import { attachment } from '../lib/spreadsheet-writers';
import { dataValueCsv, dataValueXlsx, prepareDataValueExport } from '../services/exports';

/** Quarters, or years standing for their four quarters: '2025Q3,2026' → 2025Q3, 2026Q1…2026Q4. */
export const PeriodListQuery = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const items = value
      .split(',')
      .map((item) => item.trim().toUpperCase())
      .filter((item) => item !== '');
    const bad = items.find((item) => !PERIOD_ID_PATTERN.test(item));
    if (bad !== undefined || items.length === 0) {
      ctx.addIssue({ code: 'custom', message: `"${bad ?? value}" is not a quarter (2025Q3) or a year (2025)` });
      return z.NEVER;
    }
    return [
      ...new Set(items.flatMap((item) => (item.includes('Q') ? [item] : [1, 2, 3, 4].map((q) => `${item}Q${q}`)))),
    ];
  })
  .openapi({
    type: 'string',
    description: 'Comma-separated quarters (2025Q3) or years (2025).',
    example: '2025,2026Q1',
  });

const ExportQuery = z.object({
  indicator: z.string().min(1).max(64).optional().openapi({ example: 'MIG_SERVED' }),
  orgUnit: z.string().min(1).max(64).optional().openapi({ example: 'PH-05' }),
  children: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .openapi({ description: 'With orgUnit: include every unit below it.' }),
  periods: PeriodListQuery.optional(),
});

const DESCRIPTION =
  'One row per value (long form): indicator, org_unit, period, option, value, numerator, denominator, report_status, comment. ' +
  'Donors and anonymous readers get approved data only; staff also get drafts and submissions within their own unit and below; admins everything. ' +
  'Streamed from the database page by page, so any size can be exported. Text that a spreadsheet would run as a formula ' +
  '(starting with = + - @) is prefixed with a single quote; the import removes it again.';

const csv = createRoute({
  method: 'get',
  path: '/data-values.csv',
  tags: ['exports'],
  summary: 'All data values you may see as CSV (RFC 4180, UTF-8)',
  description: DESCRIPTION,
  request: {
    query: ExportQuery.extend({
      bom: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true')
        .openapi({ description: 'Start with a UTF-8 byte-order mark, so Excel reads accents correctly.' }),
    }),
  },
  responses: {
    200: {
      description: 'The CSV file, streamed.',
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example:
              'indicator,org_unit,period,option,value,numerator,denominator,report_status,comment\r\nMIG_SERVED,PHL-naga-city,2026Q2,F_Y18_59_RETURNEE,42,,,approved,\r\n',
          }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

const xlsx = createRoute({
  method: 'get',
  path: '/data-values.xlsx',
  tags: ['exports'],
  summary: 'All data values you may see as an XLSX workbook, with an "About" sheet',
  description: `${DESCRIPTION} Numbers are numeric cells, the header row is frozen, and a second sheet records the filters, the time of export and whether the data is approved only.`,
  request: { query: ExportQuery },
  responses: {
    200: {
      description: 'The workbook, streamed.',
      content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(400, 404),
  },
});

export function exportRoutes(db: Kysely<Database>, options: { now: () => Date; version: string }) {
  return createRouter()
    .openapi(csv, async (c) => {
      const query = c.req.valid('query');
      const prepared = await prepareDataValueExport(db, c.get('user'), query);
      return c.body(dataValueCsv(db, prepared, query.bom), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(`${prepared.filename}.csv`),
        'Cache-Control': 'no-store',
      });
    })
    .openapi(xlsx, async (c) => {
      const query = c.req.valid('query');
      const prepared = await prepareDataValueExport(db, c.get('user'), query);
      return c.body(dataValueXlsx(db, prepared, options.now(), options.version), 200, {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': attachment(`${prepared.filename}.xlsx`),
        'Cache-Control': 'no-store',
      });
    });
}
