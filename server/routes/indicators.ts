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
      content: { 'application/json': { schema: z.object({ items: z.array(IndicatorSchema) }) } },
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
