import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { listIndicators } from '../../db/queries/indicators';
import { listCountryOverviews, sumApprovedValues, summariseProgramme } from '../../db/queries/programme';
import { listProjects } from '../../db/queries/projects';
import { getSetting } from '../../db/queries/settings';
import { AGGREGATION_TYPES, type Database, VALUE_TYPES } from '../../db/schema';
import { errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { LocaleQuery, ProjectSummarySchema } from '../lib/schemas';

/** Programme-wide headline figures on the landing page; additive indicators only. */
export const HEADLINE_INDICATORS = ['MIG_SERVED', 'OFFICIALS_TRAINED', 'DIASPORA_USD', 'COORD_MEETINGS'] as const;

const headlineOrder = (code: string): number => (HEADLINE_INDICATORS as readonly string[]).indexOf(code);

const SummarySchema = z
  .object({
    demo: z.boolean(),
    totals: z.object({
      countries: z.number().int(),
      regions: z.number().int(),
      municipalities: z.number().int(),
      projects: z.number().int(),
      illustrativeProjects: z.number().int(),
      indicators: z.number().int(),
      budget: z.number(),
      currency: z.string(),
    }),
    headline: z.array(
      z.object({
        indicator: z.object({
          code: z.string(),
          name: z.string(),
          unit: z.string(),
          valueType: z.enum(VALUE_TYPES),
          aggregationType: z.enum(AGGREGATION_TYPES),
        }),
        value: z.number().nullable(),
        periods: z.object({ from: z.string(), to: z.string() }).nullable(),
      }),
    ),
    countries: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        projects: z.number().int(),
        municipalities: z.number().int(),
        budget: z.number(),
      }),
    ),
    projects: z.array(ProjectSummarySchema),
  })
  .openapi('ProgrammeSummary', {
    example: {
      demo: true,
      totals: {
        countries: 8,
        regions: 129,
        municipalities: 75,
        projects: 15,
        illustrativeProjects: 11,
        indicators: 22,
        budget: 14270000,
        currency: 'USD',
      },
      headline: [
        {
          indicator: {
            code: 'MIG_SERVED',
            name: 'Migrants and family members served by help offices and mobility units',
            unit: 'people',
            valueType: 'integer',
            aggregationType: 'sum',
          },
          value: 52700,
          periods: { from: '2024Q4', to: '2026Q3' },
        },
      ],
      countries: [{ code: 'CRI', name: 'Costa Rica', projects: 2, municipalities: 11, budget: 1770000 }],
      projects: [
        {
          code: 'CRI-UPALA',
          name: "Upala: migrants' rights in local development",
          description:
            "The border canton of Upala wrote migrants' rights into its cantonal development plan and budget.",
          illustrative: false,
          country: { code: 'CRI', name: 'Costa Rica' },
          leadUnit: { code: 'CRI-upala', name: 'Upala' },
          startDate: '2024-01-15',
          endDate: '2026-12-31',
          budget: 1150000,
          currency: 'USD',
          status: 2,
          iatiIdentifier: 'XM-DAC-41114-M4D-DEMO-CRI-UPALA',
          themes: [{ code: 'RIGHTS', name: "Migrants' rights and protection" }],
          coveredUnitCount: 4,
        },
      ],
    },
  });

const summary = createRoute({
  method: 'get',
  path: '/summary',
  tags: ['programme'],
  summary: 'Programme totals, headline figures from approved reports, countries and projects',
  request: { query: z.object({ locale: LocaleQuery }) },
  responses: {
    200: { description: 'The landing page in one call.', content: { 'application/json': { schema: SummarySchema } } },
    ...errorResponses(400),
  },
});

export function programmeRoutes(db: Kysely<Database>) {
  return createRouter().openapi(summary, async (c) => {
    const { locale } = c.req.valid('query');
    const [totals, countries, projects, indicators, figures, demo] = await Promise.all([
      summariseProgramme(db),
      listCountryOverviews(db, locale),
      listProjects(db, { locale }),
      listIndicators(db, { codes: HEADLINE_INDICATORS, locale }),
      sumApprovedValues(db, HEADLINE_INDICATORS),
      getSetting(db, 'demo'),
    ]);
    const ordered = [...indicators].sort((a, b) => headlineOrder(a.code) - headlineOrder(b.code));
    const headline = ordered.map((indicator) => {
      const figure = figures.find((candidate) => candidate.indicator === indicator.code);
      return {
        indicator: {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          valueType: indicator.valueType,
          aggregationType: indicator.aggregationType,
        },
        value: figure?.value ?? null,
        periods: figure?.periods ?? null,
      };
    });
    return c.json({ demo: demo === 'true', totals, headline, countries, projects }, 200);
  });
}
