import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { lastCompleteQuarter, quarterId } from '../../db/periods';
import { listPeriods } from '../../db/queries/periods';
import { type Database, PERIOD_TYPES } from '../../db/schema';
import { errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');

const PeriodSchema = z
  .object({
    id: z.string(),
    type: z.enum(PERIOD_TYPES),
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    deadline: z.string().nullable(),
  })
  .openapi('Period', {
    example: {
      id: '2026Q3',
      type: 'quarter',
      year: 2026,
      quarter: 3,
      startDate: '2026-07-01',
      endDate: '2026-09-30',
      deadline: '2026-10-30',
    },
  });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['periods'],
  summary: 'Reporting quarters and years, with deadlines and the current reporting quarter',
  request: {
    query: z.object({
      type: z.enum(PERIOD_TYPES).optional(),
      from: IsoDate.optional().openapi({ description: 'Periods starting on or after this date.' }),
      to: IsoDate.optional().openapi({ description: 'Periods ending on or before this date.' }),
    }),
  },
  responses: {
    200: {
      description: 'Periods in time order. `reporting` is the last complete quarter: the one being reported now.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PeriodSchema), reporting: z.string(), today: z.string() }).openapi({
            example: {
              items: [
                {
                  id: '2026Q3',
                  type: 'quarter',
                  year: 2026,
                  quarter: 3,
                  startDate: '2026-07-01',
                  endDate: '2026-09-30',
                  deadline: '2026-10-30',
                },
              ],
              reporting: '2026Q3',
              today: '2026-11-28',
            },
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

export function periodRoutes(db: Kysely<Database>, now: () => Date) {
  return createRouter().openapi(list, async (c) => {
    const query = c.req.valid('query');
    const today = now();
    return c.json(
      {
        items: await listPeriods(db, query),
        reporting: quarterId(lastCompleteQuarter(today)),
        today: today.toISOString().slice(0, 10),
      },
      200,
    );
  });
}
