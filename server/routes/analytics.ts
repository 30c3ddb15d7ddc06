import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { lastCompleteQuarter, quarterId, quartersEndingWith } from '../../db/periods';
import {
  aggregateIndicator,
  BREAKDOWNS,
  emptyFigure,
  type Figure,
  findAnalyticsIndicator,
} from '../../db/queries/analytics';
import { listIndicators } from '../../db/queries/indicators';
import { findOrgUnitRow, listOrgUnits } from '../../db/queries/org-units';
import { AGGREGATION_TYPES, type Database, DIRECTIONS, PERIODICITIES, UNIT_KINDS, VALUE_TYPES } from '../../db/schema';
import { visibilityOf } from '../lib/env';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { CodeNameSchema, LocaleQuery, QuarterListQuery, UnitRefSchema } from '../lib/schemas';

/** Quarters analysed when the request names none: the last four complete ones. */
const DEFAULT_QUARTERS = 4;

const FigureSchema = z
  .object({
    value: z
      .number()
      .nullable()
      .openapi({
        description:
          "The aggregate in the indicator's own meaning: a total (sum), the mean of units' means over the " +
          'quarters (average), the mean latest stage (last), the largest value (max), the number of units whose ' +
          'latest value meets the threshold (count), or Σ numerator / Σ denominator × 100 (ratio). ' +
          'Null when no unit reported.',
      }),
    numerator: z.number().nullable().openapi({ description: 'Ratio indicators: Σ numerator.' }),
    denominator: z.number().nullable().openapi({ description: 'Ratio indicators: Σ denominator.' }),
    unitsReporting: z.number().int().openapi({ description: 'Units with at least one value you may see.' }),
    unitsMeeting: z.number().int().nullable().openapi({ description: 'Count indicators: the value.' }),
    share: z
      .number()
      .nullable()
      .openapi({ description: 'Count indicators: units meeting the threshold as a % of units reporting.' }),
    distribution: z
      .array(z.object({ stage: z.number(), label: z.string().nullable(), units: z.number().int() }))
      .openapi({ description: "Stage indicators: units per stage (each unit's latest). Empty otherwise." }),
    values: z.number().int().openapi({ description: 'Data values that went into the figure.' }),
    unapprovedValues: z.number().int().openapi({
      description: 'Of those, values from reports not approved or accepted (only ever > 0 for staff).',
    }),
    includesUnapproved: z.boolean(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    progress: z
      .number()
      .nullable()
      .openapi({
        description:
          'Percent of target: value / target × 100 when higher is better, target / value × 100 when lower is ' +
          'better (100 = on target). Null without a value or a target.',
      }),
  })
  .openapi('AnalyticsFigure');

const RowSchema = FigureSchema.extend({
  key: z.string().openapi({ description: 'Unit code, quarter id or option code.' }),
  name: z.string(),
  kind: z.enum(UNIT_KINDS).nullable().openapi({ description: 'By unit: the unit kind. Null otherwise.' }),
  own: z.boolean().openapi({
    description:
      "By unit: true for the row of the unit's own values (e.g. a regional council's report), apart from " +
      "its children's subtrees.",
  }),
}).openapi('AnalyticsRow');

const AnalyticsSchema = z
  .object({
    indicator: z.object({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      unit: z.string(),
      valueType: z.enum(VALUE_TYPES),
      aggregationType: z.enum(AGGREGATION_TYPES),
      direction: z.enum(DIRECTIONS),
      periodicity: z.enum(PERIODICITIES),
      countThreshold: z.number().nullable(),
      stageMax: z.number().int().nullable(),
    }),
    orgUnit: UnitRefSchema.nullable().openapi({ description: 'Null: the whole programme.' }),
    periods: z.array(z.string()).openapi({ description: 'The quarters aggregated, in time order.' }),
    by: z.enum(BREAKDOWNS),
    category: CodeNameSchema.nullable(),
    visibility: z.enum(['approved', 'subtree', 'all']).openapi({
      description:
        'Which values this reader sees: approved ones only (donors, anonymous), unapproved ones too within ' +
        'their own subtree (staff), or everything (admins). Decided by the role on the server.',
    }),
    total: FigureSchema,
    rows: z.array(RowSchema),
  })
  .openapi('Analytics', {
    example: {
      indicator: {
        code: 'MIG_SERVED',
        name: 'Migrants and family members served by help offices and mobility units',
        shortName: 'People served',
        unit: 'people',
        valueType: 'integer',
        aggregationType: 'sum',
        direction: 'higher',
        periodicity: 'quarterly',
        countThreshold: null,
        stageMax: null,
      },
      orgUnit: { code: 'PH-05', name: 'Bicol Region', kind: 'region', level: 2 },
      periods: ['2026Q2'],
      by: 'unit',
      category: null,
      visibility: 'approved',
      total: {
        value: 520,
        numerator: null,
        denominator: null,
        unitsReporting: 3,
        unitsMeeting: null,
        share: null,
        distribution: [],
        values: 90,
        unapprovedValues: 0,
        includesUnapproved: false,
        baseline: 1344.75,
        target: 2507.5,
        progress: 20.74,
      },
      rows: [
        {
          key: 'PH-ALB',
          name: 'Albay',
          kind: 'province',
          own: false,
          value: 385,
          numerator: null,
          denominator: null,
          unitsReporting: 2,
          unitsMeeting: null,
          share: null,
          distribution: [],
          values: 60,
          unapprovedValues: 0,
          includesUnapproved: false,
          baseline: 582.5,
          target: 1086.25,
          progress: 35.44,
        },
      ],
    },
  });

const analytics = createRoute({
  method: 'get',
  path: '/',
  tags: ['analytics'],
  summary: 'One indicator aggregated up the org-unit tree and over quarters, with baseline, target and progress',
  description: [
    'Computed live from the data values: a saved value is in the next response.',
    '',
    "**Over units and time.** A disaggregated indicator's options add up to its total for sum, ratio and max, and " +
      'are averaged for average, last and count. *sum*: Σ over units and quarters. *average*: each unit’s mean ' +
      'over the quarters it reported, then the mean over those units (units without data are left out, not ' +
      'counted as 0). *last*: each unit’s latest value in the range; the mean stage and the units per stage. ' +
      '*max*: the largest unit-quarter value. *count*: units whose latest value ≥ the threshold, and their share ' +
      'of units reporting. *ratio*: Σ numerator / Σ denominator × 100, never an average of percentages.',
    '',
    '**Baselines and targets** are yearly per unit and aggregate the same way. For a range, a quarterly sum ' +
      "indicator's yearly target counts ¼ per quarter in the range (a half year's target is half the year's); " +
      "an annual indicator's counts in Q4. Average, last and ratio targets cover exactly the unit-quarters that " +
      'reported (a ratio target is weighted by the actual denominator); sum, max and count targets cover every ' +
      'unit in scope with a target. The baseline is each unit’s latest, spread the same way. Option rows have ' +
      'no target.',
    '',
    '**Progress** is percent of target: value / target × 100 when higher is better, target / value × 100 when ' +
      'lower is better.',
    '',
    '**Visibility** follows the role: donors and anonymous readers see approved (and accepted) values only; ' +
      'staff also see unapproved values of their own subtree, counted in `unapprovedValues`.',
  ].join('\n'),
  request: {
    query: z.object({
      indicator: z.string().min(1).max(64).openapi({ example: 'MIG_SERVED' }),
      orgUnit: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Unit whose subtree is aggregated; omit for the whole programme.', example: 'PH-05' }),
      periods: QuarterListQuery.optional().openapi({
        description: 'Default: the last four complete quarters.',
      }),
      by: z.enum(BREAKDOWNS).default('none').openapi({
        description:
          'Rows per child unit (each over its subtree; children without data have value null), per quarter, or per disaggregation option.',
      }),
      category: z.string().min(1).max(64).optional().openapi({
        description: "With by=option: collapse the options to one category's (e.g. SEX).",
        example: 'SEX',
      }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'The total and one row per bucket.',
      content: { 'application/json': { schema: AnalyticsSchema } },
    },
    ...errorResponses(400, 404),
  },
});

type Row = z.infer<typeof RowSchema>;

/** The figure as the API shows it: stage labels in the reader's language, the unapproved flag. */
function present(figure: Figure, stageLabels: ReadonlyMap<number, string>) {
  return {
    ...figure,
    distribution: figure.distribution.map(({ stage, units }) => ({
      stage,
      label: stageLabels.get(stage) ?? null,
      units,
    })),
    includesUnapproved: figure.unapprovedValues > 0,
  };
}

export function analyticsRoutes(db: Kysely<Database>, now: () => Date) {
  return createRouter().openapi(analytics, async (c) => {
    const query = c.req.valid('query');
    const quarters =
      query.periods ?? quartersEndingWith(lastCompleteQuarter(now()), DEFAULT_QUARTERS).map((q) => quarterId(q));

    const [indicator, [described], scope] = await Promise.all([
      findAnalyticsIndicator(db, query.indicator),
      listIndicators(db, { codes: [query.indicator], locale: query.locale }),
      query.orgUnit === undefined ? null : findOrgUnitRow(db, query.orgUnit),
    ]);
    if (!indicator || !described) {
      return c.json(errorBody('indicator_not_found', `No indicator has the code "${query.indicator}".`), 404);
    }
    if (scope === undefined) {
      return c.json(errorBody('org_unit_not_found', `No org unit has the code "${query.orgUnit}".`), 404);
    }

    const categories = described.disaggregation.categories;
    if (query.by === 'option' && categories.length === 0) {
      const allowed = BREAKDOWNS.filter((by) => by !== 'option');
      return c.json(
        errorBody(
          'invalid_breakdown',
          `Indicator ${indicator.code} is not disaggregated: by must be one of ${allowed.join(', ')}.`,
          [{ field: 'by', message: `Expected one of: ${allowed.join(', ')}`, allowed }],
        ),
        400,
      );
    }
    const category = query.category === undefined ? undefined : categories.find((cat) => cat.code === query.category);
    if (query.category !== undefined && (query.by !== 'option' || !category)) {
      const allowed = categories.map((cat) => cat.code);
      const message =
        query.by !== 'option'
          ? 'category applies only with by=option'
          : allowed.length === 0
            ? `Indicator ${indicator.code} has no categories`
            : `Expected one of: ${allowed.join(', ')}`;
      return c.json(
        errorBody('invalid_category', `Invalid category "${query.category}": ${message}.`, [
          { field: 'category', message, allowed },
        ]),
        400,
      );
    }

    const visibility = visibilityOf(c.get('user'));
    const { locale } = query;
    const [aggregate, self, children] = await Promise.all([
      aggregateIndicator(db, {
        indicator,
        scope: scope && { id: scope.id, path: scope.path },
        quarters,
        by: query.by,
        category: category?.code,
        visibility,
      }),
      scope === null ? undefined : listOrgUnits(db, { codes: [scope.code], locale }).then(([unit]) => unit),
      query.by !== 'unit'
        ? []
        : listOrgUnits(db, scope === null ? { level: 1, locale } : { parent: scope.code, locale }),
    ]);

    const empty = emptyFigure(indicator);
    const stageLabels = new Map(described.stages.map((stage) => [stage.stage, stage.label]));
    const rowOf = (key: string, name: string, kind: Row['kind'], own: boolean, bucket: string | null): Row => ({
      key,
      name,
      kind,
      own,
      ...present(aggregate.rows.get(bucket) ?? empty, stageLabels),
    });
    let rows: Row[] = [];
    if (query.by === 'unit') {
      // The unit's own values (a council's own report) get a row of their own, only when there are any.
      const own = self && aggregate.rows.has(null) ? [rowOf(self.code, self.name, self.kind, true, null)] : [];
      rows = [...own, ...children.map((unit) => rowOf(unit.code, unit.name, unit.kind, false, unit.code))];
    } else if (query.by === 'period') {
      rows = quarters.map((quarter) => rowOf(quarter, quarter, null, false, quarter));
    } else if (query.by === 'option') {
      const options = category?.options ?? described.disaggregation.options;
      rows = options.map((option) => rowOf(option.code, option.name, null, false, option.code));
    }

    c.header('Cache-Control', 'private, no-cache');
    return c.json(
      {
        indicator: {
          code: described.code,
          name: described.name,
          shortName: described.shortName,
          unit: described.unit,
          valueType: described.valueType,
          aggregationType: described.aggregationType,
          direction: described.direction,
          periodicity: described.periodicity,
          countThreshold: described.countThreshold,
          stageMax: described.stageMax,
        },
        orgUnit: self ? { code: self.code, name: self.name, kind: self.kind, level: self.level } : null,
        periods: quarters,
        by: query.by,
        category: category ? { code: category.code, name: category.name } : null,
        visibility: visibility.kind,
        total: present(aggregate.total, stageLabels),
        rows,
      },
      200,
    );
  });
}
