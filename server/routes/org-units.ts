import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { findOrgUnit, listOrgUnits } from '../../db/queries/org-units';
import { type Database, UNIT_KINDS } from '../../db/schema';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { LocaleQuery, OrgUnitSummarySchema, UnitCodeParam } from '../lib/schemas';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['org units'],
  summary: 'Org units by parent, level, kind or name',
  request: {
    query: z.object({
      parent: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Code of the parent unit.', example: 'PH-05' }),
      level: z.coerce.number().int().min(1).max(10).optional().openapi({ description: '1 = country.', example: 2 }),
      kind: z.enum(UNIT_KINDS).optional(),
      q: z.string().min(1).max(100).optional().openapi({ description: 'Part of the name, any case.', example: 'naga' }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'Matching units, by level then name (at most 1,000).',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(OrgUnitSummarySchema) }).openapi({
            example: {
              items: [
                {
                  code: 'PH-ALB',
                  name: 'Albay',
                  kind: 'province',
                  level: 3,
                  tier: 'regional',
                  parentCode: 'PH-05',
                  latitude: 13.20937,
                  longitude: 123.56658,
                },
              ],
            },
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{code}',
  tags: ['org units'],
  summary: 'One org unit with its ancestors (root first) and children',
  request: { params: z.object({ code: UnitCodeParam }), query: z.object({ locale: LocaleQuery }) },
  responses: {
    200: {
      description: 'The unit.',
      content: {
        'application/json': {
          schema: z
            .object({
              unit: OrgUnitSummarySchema,
              ancestors: z.array(OrgUnitSummarySchema),
              children: z.array(OrgUnitSummarySchema),
            })
            .openapi('OrgUnitDetail', {
              example: {
                unit: {
                  code: 'PHL-naga-city',
                  name: 'Naga City',
                  kind: 'municipality',
                  level: 4,
                  tier: 'local',
                  parentCode: 'PH-CAS',
                  latitude: 13.61917,
                  longitude: 123.18139,
                },
                ancestors: [
                  {
                    code: 'PHL',
                    name: 'Philippines',
                    kind: 'country',
                    level: 1,
                    tier: 'national',
                    parentCode: null,
                    latitude: 15.95268,
                    longitude: 121.41794,
                  },
                ],
                children: [],
              },
            }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function orgUnitRoutes(db: Kysely<Database>) {
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      return c.json({ items: await listOrgUnits(db, query) }, 200);
    })
    .openapi(one, async (c) => {
      const { code } = c.req.valid('param');
      const { locale } = c.req.valid('query');
      const detail = await findOrgUnit(db, code, locale);
      if (!detail) return c.json(errorBody('org_unit_not_found', `No org unit has the code "${code}".`), 404);
      return c.json(detail, 200);
    });
}
