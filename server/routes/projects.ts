import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { findOrgUnitRow } from '../../db/queries/org-units';
import { findProject, listProjects } from '../../db/queries/projects';
import type { Database } from '../../db/schema';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { LocaleQuery, OrgUnitSummarySchema, ProjectSummarySchema, ResultSchema } from '../lib/schemas';

/** One project as the list and the detail show it (examples in the API reference). */
const PROJECT_EXAMPLE = {
  code: 'PHL-BICOL',
  name: 'Bicol: migration and development councils from city to nation',
  description:
    'Naga City set up a local Migration and Development Council and helped the cities and municipalities of ' +
    'Camarines Sur, Albay and Sorsogon to create their own.',
  illustrative: false,
  country: { code: 'PHL', name: 'Philippines' },
  leadUnit: { code: 'PHL-naga-city', name: 'Naga City' },
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  budget: 1800000,
  currency: 'USD',
  status: 2,
  iatiIdentifier: 'XM-DAC-41114-M4D-DEMO-PHL-BICOL',
  themes: [
    { code: 'COORDINATION', name: 'Multi-level coordination' },
    { code: 'DIASPORA', name: 'Diaspora engagement and investment' },
  ],
  coveredUnitCount: 12,
};

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['projects'],
  summary: 'Projects, optionally of one country',
  request: {
    query: z.object({
      country: z.string().min(1).max(64).optional().openapi({ description: 'Country code (ISO3).', example: 'PHL' }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'Projects by country then code.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ProjectSummarySchema) }).openapi({ example: { items: [PROJECT_EXAMPLE] } }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

const one = createRoute({
  method: 'get',
  path: '/{code}',
  tags: ['projects'],
  summary: 'One project with its results framework and covered units',
  request: {
    params: z.object({
      code: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: 'code', in: 'path' }, example: 'PHL-BICOL' }),
    }),
    query: z.object({ locale: LocaleQuery }),
  },
  responses: {
    200: {
      description: 'The project.',
      content: {
        'application/json': {
          schema: z
            .object({
              project: ProjectSummarySchema,
              results: z.array(ResultSchema),
              coveredUnits: z.array(OrgUnitSummarySchema),
            })
            .openapi('ProjectDetail', {
              example: {
                project: PROJECT_EXAMPLE,
                results: [
                  {
                    code: 'R1',
                    type: 'output',
                    title: 'Local migration and development councils set up',
                    description:
                      'Each participating city and municipality has a functioning council, trained staff and a ' +
                      'development plan that addresses migration.',
                    indicators: [
                      {
                        code: 'MIG_COUNCIL',
                        name: 'Municipal migration council functioning',
                        unit: 'yes/no',
                        valueType: 'yes_no',
                        aggregationType: 'count',
                      },
                    ],
                  },
                ],
                coveredUnits: [
                  {
                    code: 'PHL-naga-city',
                    name: 'Naga City',
                    kind: 'municipality',
                    level: 4,
                    tier: 'local',
                    parentCode: 'PH-CAS',
                    latitude: 13.61917,
                    longitude: 123.18139,
                  },
                ],
              },
            }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

export function projectRoutes(db: Kysely<Database>) {
  return createRouter()
    .openapi(list, async (c) => {
      const { country, locale } = c.req.valid('query');
      if (country !== undefined) {
        const unit = await findOrgUnitRow(db, country);
        if (unit?.kind !== 'country') {
          return c.json(errorBody('country_not_found', `No country has the code "${country}".`), 404);
        }
      }
      return c.json({ items: await listProjects(db, { country, locale }) }, 200);
    })
    .openapi(one, async (c) => {
      const { code } = c.req.valid('param');
      const { locale } = c.req.valid('query');
      const detail = await findProject(db, code, locale);
      if (!detail) return c.json(errorBody('project_not_found', `No project has the code "${code}".`), 404);
      return c.json(detail, 200);
    });
}
