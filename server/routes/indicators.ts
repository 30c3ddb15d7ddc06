import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { listIndicators } from '../../db/queries/indicators';
import { type Database, UNIT_TIERS } from '../../db/schema';
import { errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { IndicatorSchema, LocaleQuery } from '../lib/schemas';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['indicators'],
  summary: 'Indicators with their value type, aggregation type and disaggregation',
  description:
    "A disaggregated indicator's `disaggregation.options` are the combinations values are entered for " +
    '(e.g. F_Y18_59_RETURNEE); each says in `categoryOptions` which option of every category it belongs to ' +
    '(`{ SEX: "F", AGE: "Y18_59", MIG_STATUS: "RETURNEE" }`), so a sex × age grid is built from the metadata ' +
    'rather than from the shape of the codes.',
  request: {
    query: z.object({
      theme: z.string().min(1).max(64).optional().openapi({ example: 'DIASPORA' }),
      tier: z.enum(UNIT_TIERS).optional().openapi({ description: 'Only indicators reported at this tier.' }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'Indicators by code.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(IndicatorSchema) }).openapi({
            example: {
              items: [
                {
                  code: 'REFERRALS',
                  name: 'Referrals of migrants to health, legal and social services',
                  shortName: 'Referrals',
                  description:
                    'Referrals made by the help office to a health centre, legal aid provider or social service ' +
                    'and confirmed by the receiving service.',
                  unit: 'referrals',
                  valueType: 'integer',
                  aggregationType: 'sum',
                  direction: 'higher',
                  periodicity: 'quarterly',
                  countThreshold: null,
                  stageMax: null,
                  stages: [],
                  minValue: 5,
                  maxValue: 500,
                  theme: { code: 'SERVICES', name: 'Access to services' },
                  tiers: ['local'],
                  disaggregation: {
                    code: 'SEX',
                    name: 'By sex',
                    categories: [
                      {
                        code: 'SEX',
                        name: 'Sex',
                        options: [
                          { code: 'F', name: 'Female' },
                          { code: 'M', name: 'Male' },
                        ],
                      },
                    ],
                    options: [
                      { code: 'F', name: 'Female', categoryOptions: { SEX: 'F' } },
                      { code: 'M', name: 'Male', categoryOptions: { SEX: 'M' } },
                    ],
                  },
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

export function indicatorRoutes(db: Kysely<Database>) {
  return createRouter().openapi(list, async (c) => {
    const query = c.req.valid('query');
    return c.json({ items: await listIndicators(db, query) }, 200);
  });
}
