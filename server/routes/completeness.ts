import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { lastCompleteQuarter, QUARTER_PATTERN, quarterId } from '../../db/periods';
import { type CompletenessCounts, countReports, emptyCounts } from '../../db/queries/completeness';
import { findOrgUnitRow, listOrgUnits } from '../../db/queries/org-units';
import { type Database, UNIT_KINDS } from '../../db/schema';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { LocaleQuery, QuarterListQuery, UnitRefSchema } from '../lib/schemas';

const CountsSchema = z
  .object({
    expected: z
      .number()
      .int()
      .openapi({
        description:
          'Unit-quarters expected to report: the unit is covered by a project active during the quarter whose ' +
          "results include an indicator of the unit's tier.",
      }),
    submitted: z.number().int().openapi({ description: 'Reports submitted, approved or accepted.' }),
    onTime: z.number().int().openapi({ description: "Submitted by the end of the quarter's deadline day (UTC)." }),
    late: z.number().int().openapi({ description: 'Submitted after the deadline.' }),
    approved: z.number().int().openapi({ description: 'Approved or accepted.' }),
    accepted: z.number().int(),
    missing: z.number().int().openapi({
      description: 'Deadline passed and not submitted: no report, or one still in draft or returned.',
    }),
    pending: z.number().int().openapi({ description: 'Not submitted yet, deadline not passed.' }),
    returned: z.number().int().openapi({ description: 'Reports currently returned for correction.' }),
    draft: z.number().int().openapi({ description: 'Reports currently in draft.' }),
  })
  .openapi('CompletenessCounts');

const CompletenessRowSchema = CountsSchema.extend({
  key: z.string().openapi({ description: 'Unit code or quarter id.' }),
  name: z.string(),
  kind: z.enum(UNIT_KINDS).nullable(),
  own: z.boolean().openapi({ description: "By unit: the row of the unit's own reports, apart from its children." }),
}).openapi('CompletenessRow');

const CompletenessSchema = z
  .object({
    orgUnit: UnitRefSchema.nullable().openapi({ description: 'Null: the whole programme.' }),
    periods: z.array(z.string()),
    by: z.enum(['unit', 'period']),
    today: z.string().openapi({ description: 'The date deadlines are judged against.' }),
    total: CountsSchema,
    rows: z.array(CompletenessRowSchema),
  })
  .openapi('Completeness', {
    example: {
      orgUnit: { code: 'PH-05', name: 'Bicol Region', kind: 'region', level: 2 },
      periods: ['2026Q2'],
      by: 'unit',
      today: '2026-11-28',
      total: {
        expected: 11,
        submitted: 8,
        onTime: 6,
        late: 2,
        approved: 4,
        accepted: 1,
        missing: 3,
        pending: 0,
        returned: 1,
        draft: 0,
      },
      rows: [
        {
          key: 'PH-05',
          name: 'Bicol Region',
          kind: 'region',
          own: true,
          expected: 1,
          submitted: 1,
          onTime: 1,
          late: 0,
          approved: 1,
          accepted: 0,
          missing: 0,
          pending: 0,
          returned: 0,
          draft: 0,
        },
      ],
    },
  });

const completeness = createRoute({
  method: 'get',
  path: '/',
  tags: ['analytics'],
  summary: 'Reporting completeness and timeliness per child unit (over its subtree) or per quarter',
  description:
    'Counts unit-quarters over the subtree of `orgUnit`. Every expected unit-quarter is exactly one of ' +
    'submitted (on time or late), missing or pending: expected = submitted + missing + pending.',
  request: {
    query: z.object({
      orgUnit: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Omit for the whole programme.', example: 'PH-05' }),
      period: z
        .string()
        .regex(QUARTER_PATTERN, 'Expected a quarter like 2026Q3')
        .optional()
        .openapi({ description: 'One quarter. Default: the last complete quarter.', example: '2026Q3' }),
      periods: QuarterListQuery.optional().openapi({ description: 'Several quarters instead of `period`.' }),
      by: z.enum(['unit', 'period']).default('unit').openapi({
        description: 'Rows per child unit, or per quarter (timeliness over time).',
      }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'Counts for the whole subtree and per row.',
      content: { 'application/json': { schema: CompletenessSchema } },
    },
    ...errorResponses(400, 404),
  },
});

type Row = z.infer<typeof CompletenessRowSchema>;

export function completenessRoutes(db: Kysely<Database>, now: () => Date) {
  return createRouter().openapi(completeness, async (c) => {
    const query = c.req.valid('query');
    if (query.period !== undefined && query.periods !== undefined) {
      const message = 'Give either period or periods, not both';
      return c.json(errorBody('invalid_request', `${message}.`, [{ field: 'periods', message }]), 400);
    }
    const today = now();
    const quarters = query.periods ?? [query.period ?? quarterId(lastCompleteQuarter(today))];
    const scope = query.orgUnit === undefined ? null : await findOrgUnitRow(db, query.orgUnit);
    if (scope === undefined) {
      return c.json(errorBody('org_unit_not_found', `No org unit has the code "${query.orgUnit}".`), 404);
    }

    const { locale } = query;
    const [counts, self, children] = await Promise.all([
      countReports(db, {
        scope: scope && { id: scope.id, path: scope.path },
        quarters,
        by: query.by,
        today: today.toISOString().slice(0, 10),
      }),
      scope === null ? undefined : listOrgUnits(db, { codes: [scope.code], locale }).then(([unit]) => unit),
      query.by !== 'unit'
        ? []
        : listOrgUnits(db, scope === null ? { level: 1, locale } : { parent: scope.code, locale }),
    ]);

    const rowOf = (key: string, name: string, kind: Row['kind'], own: boolean, bucket: string | null): Row => {
      const found: CompletenessCounts = counts.rows.get(bucket) ?? emptyCounts();
      return { key, name, kind, own, ...found };
    };
    const rows =
      query.by === 'period'
        ? quarters.map((quarter) => rowOf(quarter, quarter, null, false, quarter))
        : [
            ...(self && counts.rows.has(null) ? [rowOf(self.code, self.name, self.kind, true, null)] : []),
            ...children.map((unit) => rowOf(unit.code, unit.name, unit.kind, false, unit.code)),
          ];

    c.header('Cache-Control', 'private, no-cache');
    return c.json(
      {
        orgUnit: self ? { code: self.code, name: self.name, kind: self.kind, level: self.level } : null,
        periods: quarters,
        by: query.by,
        today: today.toISOString().slice(0, 10),
        total: counts.total,
        rows,
      },
      200,
    );
  });
}
