import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { PERIOD_ID_PATTERN } from '../../db/periods';
import { listDataValues } from '../../db/queries/data-values';
import { findIndicatorId } from '../../db/queries/indicators';
import { findOrgUnitRow } from '../../db/queries/org-units';
import type { Database } from '../../db/schema';
import { visibilityOf } from '../lib/env';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { csvList, ReportStatusSchema } from '../lib/schemas';

const DataValueSchema = z
  .object({
    indicator: z.string(),
    orgUnit: z.string(),
    period: z.string(),
    option: z.string(),
    value: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    comment: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    reportStatus: ReportStatusSchema.nullable(),
  })
  .openapi('DataValue', {
    example: {
      indicator: 'MIG_SERVED',
      orgUnit: 'PHL-naga-city',
      period: '2026Q2',
      option: 'F_Y18_59_RETURNEE',
      value: 42,
      numerator: null,
      denominator: null,
      comment: null,
      version: 1,
      updatedAt: '2026-07-14T09:12:00.000Z',
      reportStatus: 'approved',
    },
  });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['data values'],
  summary: 'Raw data values: approved ones, plus unapproved ones within your own scope when signed in as staff',
  request: {
    query: z.object({
      indicator: z.string().min(1).max(64).optional().openapi({ example: 'MIG_SERVED' }),
      orgUnit: z.string().min(1).max(64).optional().openapi({ example: 'PH-05' }),
      children: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true')
        .openapi({ description: 'Include every unit below orgUnit.' }),
      periods: csvList(PERIOD_ID_PATTERN, 'Expected a period like 2025Q3 or 2025')
        .optional()
        .openapi({ description: 'Comma-separated periods.', example: '2026Q1,2026Q2', type: 'string' }),
      limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: {
      description: 'One page of values and the total number matching.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(DataValueSchema), total: z.number().int() }).openapi({
            example: {
              items: [
                {
                  indicator: 'MIG_SERVED',
                  orgUnit: 'PHL-naga-city',
                  period: '2024Q4',
                  option: 'F_Y0_17_IMMIGRANT',
                  value: 4,
                  numerator: null,
                  denominator: null,
                  comment: null,
                  version: 1,
                  updatedAt: '2025-01-03T14:15:55.653Z',
                  reportStatus: 'accepted',
                },
              ],
              total: 150,
            },
          }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function dataValueRoutes(db: Kysely<Database>) {
  return createRouter().openapi(list, async (c) => {
    const query = c.req.valid('query');
    if (query.indicator !== undefined && (await findIndicatorId(db, query.indicator)) === undefined) {
      return c.json(errorBody('indicator_not_found', `No indicator has the code "${query.indicator}".`), 404);
    }
    if (query.orgUnit !== undefined && (await findOrgUnitRow(db, query.orgUnit)) === undefined) {
      return c.json(errorBody('org_unit_not_found', `No org unit has the code "${query.orgUnit}".`), 404);
    }
    const result = await listDataValues(db, {
      indicator: query.indicator,
      orgUnit: query.orgUnit,
      subtree: query.children,
      periods: query.periods,
      visibility: visibilityOf(c.get('user')),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(result, 200);
  });
}
