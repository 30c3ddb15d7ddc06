import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { BREAKDOWNS, type Breakdown, type Figure } from '../../db/queries/analytics';
import { AGGREGATION_TYPES, type Database, DIRECTIONS, PERIODICITIES, UNIT_KINDS, VALUE_TYPES } from '../../db/schema';
import { visibilityOf } from '../lib/env';
import { errorBody, errorResponses } from '../lib/errors';
import { createMetadataMemo } from '../lib/metadata-memo';
import { createRouter } from '../lib/router';
import { CodeNameSchema, LocaleQuery, QuarterListQuery, UnitRefSchema } from '../lib/schemas';
import { type AnalyticsResult, analyse, type IndicatorAnalytics } from '../services/analytics';

/** The most indicators one request may name: a scorecard's columns, with room to spare. */
const MAX_INDICATORS = 50;

/** `indicator=MIG_SERVED,REFERRALS`: one or more codes, comma-separated like every list in a query string. */
const IndicatorListQuery = z
  .string()
  .max(4000)
  .transform((value, ctx) => {
    const codes = value
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== '');
    const tooLong = codes.find((code) => code.length > 64);
    const problem =
      codes.length === 0
        ? 'Expected at least one indicator code, e.g. MIG_SERVED'
        : codes.length > MAX_INDICATORS
          ? `${codes.length} indicators named; at most ${MAX_INDICATORS} per request`
          : tooLong !== undefined
            ? `"${tooLong.slice(0, 16)}…" is longer than an indicator code (64 characters)`
            : undefined;
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return codes;
  })
  .openapi({
    type: 'string',
    description:
      `One indicator code, or several separated by commas (at most ${MAX_INDICATORS}). The top-level \`indicator\`, ` +
      '`total` and `rows` describe the first; `indicators` has every one, in the order named.',
    example: 'MIG_SERVED,REFERRALS',
  });

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
  parentCode: z
    .string()
    .nullable()
    .openapi({ description: "By unit: the unit's parent (e.g. the province of a municipality). Null otherwise." }),
  own: z.boolean().openapi({
    description:
      "By unit: true for the row of the unit's own values (e.g. a regional council's report), apart from " +
      "its children's subtrees; with `level`, of every value above that level (the unit's own and " +
      "intermediate units').",
  }),
}).openapi('AnalyticsRow');

const AnalyticsIndicatorSchema = z
  .object({
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
  })
  .openapi('AnalyticsIndicator');

const IndicatorFiguresSchema = z
  .object({ indicator: AnalyticsIndicatorSchema, total: FigureSchema, rows: z.array(RowSchema) })
  .openapi('AnalyticsIndicatorFigures');

const AnalyticsObjectSchema = z.object({
  indicator: AnalyticsIndicatorSchema.openapi({ description: 'The first indicator named.' }),
  orgUnit: UnitRefSchema.nullable().openapi({ description: 'Null: the whole programme.' }),
  periods: z.array(z.string()).openapi({ description: 'The quarters aggregated, in time order.' }),
  by: z.enum(BREAKDOWNS),
  level: z
    .enum(UNIT_KINDS)
    .nullable()
    .openapi({ description: 'By unit: the kind of the rows’ units when asked for; null: the children.' }),
  category: CodeNameSchema.nullable(),
  project: CodeNameSchema.nullable().openapi({ description: 'The project whose covered units alone count.' }),
  visibility: z.enum(['approved', 'subtree', 'all']).openapi({
    description:
      'Which values this reader sees: approved ones only (donors, anonymous), unapproved ones too within ' +
      'their own subtree (staff), or everything (admins). Decided by the role on the server.',
  }),
  total: FigureSchema.openapi({ description: 'The first indicator over the whole selection.' }),
  rows: z.array(RowSchema).openapi({ description: "The first indicator's rows." }),
  indicators: z.array(IndicatorFiguresSchema).openapi({
    description: 'Every indicator named, in that order, each with its total and rows (the same rows for each).',
  }),
});
type FigureExample = z.input<typeof FigureSchema>;
type RowExample = z.input<typeof RowSchema>;

const EXAMPLE_SERVED = {
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
} satisfies z.input<typeof AnalyticsIndicatorSchema>;

const NO_RATIO = { numerator: null, denominator: null, unitsMeeting: null, share: null, distribution: [] };

const EXAMPLE_SERVED_TOTAL: FigureExample = {
  value: 520,
  ...NO_RATIO,
  unitsReporting: 3,
  values: 90,
  unapprovedValues: 0,
  includesUnapproved: false,
  baseline: 1344.75,
  target: 2507.5,
  progress: 20.74,
};

const EXAMPLE_SERVED_ROWS: RowExample[] = [
  {
    key: 'PH-ALB',
    name: 'Albay',
    kind: 'province',
    parentCode: 'PH-05',
    own: false,
    value: 385,
    ...NO_RATIO,
    unitsReporting: 2,
    values: 60,
    unapprovedValues: 0,
    includesUnapproved: false,
    baseline: 582.5,
    target: 1086.25,
    progress: 35.44,
  },
];

const EXAMPLE_SINGLE: z.input<typeof AnalyticsObjectSchema> = {
  indicator: EXAMPLE_SERVED,
  orgUnit: { code: 'PH-05', name: 'Bicol Region', kind: 'region', level: 2 },
  periods: ['2026Q2'],
  by: 'unit',
  level: null,
  category: null,
  project: null,
  visibility: 'approved',
  total: EXAMPLE_SERVED_TOTAL,
  rows: EXAMPLE_SERVED_ROWS,
  indicators: [{ indicator: EXAMPLE_SERVED, total: EXAMPLE_SERVED_TOTAL, rows: EXAMPLE_SERVED_ROWS }],
};

const EXAMPLE_COUNCIL = {
  code: 'MIG_COUNCIL',
  name: 'Municipal migration council functioning',
  shortName: 'Migration council',
  unit: 'yes/no',
  valueType: 'yes_no',
  aggregationType: 'count',
  direction: 'higher',
  periodicity: 'quarterly',
  countThreshold: 1,
  stageMax: null,
} satisfies z.input<typeof AnalyticsIndicatorSchema>;

const APPROVED = { unapprovedValues: 0, includesUnapproved: false };
const CALABANGA: Pick<RowExample, 'key' | 'name' | 'kind' | 'parentCode' | 'own'> = {
  key: 'PHL-calabanga',
  name: 'Calabanga',
  kind: 'municipality',
  parentCode: 'PH-CAS',
  own: false,
};
const DARAGA: Pick<RowExample, 'key' | 'name' | 'kind' | 'parentCode' | 'own'> = {
  key: 'PHL-daraga',
  name: 'Daraga',
  kind: 'municipality',
  parentCode: 'PH-ALB',
  own: false,
};
const SCORECARD_SERVED = {
  indicator: EXAMPLE_SERVED,
  total: {
    value: 2253,
    ...NO_RATIO,
    unitsReporting: 9,
    values: 360,
    ...APPROVED,
    baseline: 2689.5,
    target: 5015,
    progress: 44.93,
  },
  rows: [
    {
      ...CALABANGA,
      value: 237,
      ...NO_RATIO,
      unitsReporting: 1,
      values: 60,
      ...APPROVED,
      baseline: 155,
      target: 289,
      progress: 82.01,
    },
    {
      ...DARAGA,
      value: 288,
      ...NO_RATIO,
      unitsReporting: 1,
      values: 30,
      ...APPROVED,
      baseline: 391.5,
      target: 730.5,
      progress: 39.43,
    },
  ],
} satisfies z.input<typeof IndicatorFiguresSchema>;
const COUNT = { numerator: null, denominator: null, distribution: [] };
const SCORECARD_COUNCIL = {
  indicator: EXAMPLE_COUNCIL,
  total: {
    value: 7,
    ...COUNT,
    unitsReporting: 9,
    unitsMeeting: 7,
    share: 77.78,
    values: 9,
    ...APPROVED,
    baseline: 0,
    target: 10,
    progress: 70,
  },
  rows: [
    {
      ...CALABANGA,
      value: 0,
      ...COUNT,
      unitsReporting: 1,
      unitsMeeting: 0,
      share: 0,
      values: 1,
      ...APPROVED,
      baseline: 0,
      target: 1,
      progress: 0,
    },
    {
      ...DARAGA,
      value: 1,
      ...COUNT,
      unitsReporting: 1,
      unitsMeeting: 1,
      share: 100,
      values: 1,
      ...APPROVED,
      baseline: 0,
      target: 1,
      progress: 100,
    },
  ],
} satisfies z.input<typeof IndicatorFiguresSchema>;

/** Abridged: the real answer has a row for each of the ten municipalities the project covers in Bicol. */
const EXAMPLE_SCORECARD: z.input<typeof AnalyticsObjectSchema> = {
  indicator: EXAMPLE_SERVED,
  orgUnit: { code: 'PH-05', name: 'Bicol Region', kind: 'region', level: 2 },
  periods: ['2026Q1', '2026Q2'],
  by: 'unit',
  level: 'municipality',
  category: null,
  project: { code: 'PHL-BICOL', name: 'Bicol: migration and development councils from city to nation' },
  visibility: 'approved',
  total: SCORECARD_SERVED.total,
  rows: SCORECARD_SERVED.rows,
  indicators: [SCORECARD_SERVED, SCORECARD_COUNCIL],
};

const AnalyticsSchema = AnalyticsObjectSchema.openapi('Analytics', { example: EXAMPLE_SINGLE });

const analytics = createRoute({
  method: 'get',
  path: '/',
  tags: ['analytics'],
  summary:
    'Indicators aggregated up the org-unit tree and over quarters, by unit, level, quarter or option, with ' +
    'baseline, target and progress',
  description: [
    'Computed live from the data values: a saved value is in the next response.',
    '',
    '**One request for a scorecard.** `indicator` takes several codes, `by=unit&level=municipality` makes a ' +
      'row of every municipality below `orgUnit` (across its provinces), and `project` keeps only the units a ' +
      'project covers. The answer costs a fixed number of SQL statements however many units and indicators ' +
      'it holds.',
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
    '',
    '**Errors.** An unknown indicator, unit or project is a 404 (`indicator_not_found`, `org_unit_not_found`, ' +
      '`project_not_found`). A malformed, reversed or too long `periods` is a 400 naming the field. A breakdown ' +
      'that does not fit is a 400 whose `details` list the allowed values: `by=option` for an indicator without ' +
      'disaggregation (`invalid_breakdown`), a `category` not shared by the indicators (`invalid_category`), a ' +
      '`level` that is not a kind of unit below `orgUnit` (`invalid_level`).',
  ].join('\n'),
  request: {
    query: z.object({
      indicator: IndicatorListQuery,
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
      level: z
        .enum(UNIT_KINDS)
        .optional()
        .openapi({
          description:
            'With by=unit: one row per unit of this kind below `orgUnit` (each over its own subtree) instead of ' +
            'per child, e.g. every municipality of a region across its provinces. A kind, not a depth: ' +
            'municipalities are deeper in some countries than in others.',
          example: 'municipality',
        }),
      category: z.string().min(1).max(64).optional().openapi({
        description: "With by=option: collapse the options to one category's (e.g. SEX).",
        example: 'SEX',
      }),
      project: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({
          description:
            'Only the values, baselines and targets of the units the project covers (the units themselves, not ' +
            'their subtrees); by unit, only the units that are or hold a covered unit.',
          example: 'PHL-BICOL',
        }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'Per indicator, the total and one row per bucket.',
      content: {
        'application/json': {
          schema: AnalyticsSchema,
          examples: {
            children: {
              summary: 'One indicator by child unit: indicator=MIG_SERVED&orgUnit=PH-05&by=unit&periods=2026Q2',
              value: EXAMPLE_SINGLE,
            },
            scorecard: {
              summary:
                'A scorecard, municipalities × indicators (abridged): indicator=MIG_SERVED,MIG_COUNCIL&orgUnit=PH-05' +
                '&by=unit&level=municipality&project=PHL-BICOL&periods=2026Q1..2026Q2',
              value: EXAMPLE_SCORECARD,
            },
          },
        },
      },
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

/** One indicator's total and rows, the rows in the same order for every indicator. */
function figuresOf(item: IndicatorAnalytics, result: AnalyticsResult, by: Breakdown) {
  const { described, aggregate, empty } = item;
  const stageLabels = new Map(described.stages.map((stage) => [stage.stage, stage.label]));
  const rowOf = (
    bucket: string | null,
    unit: { key: string; name: string; kind?: Row['kind']; parentCode?: string | null; own?: boolean },
  ): Row => ({
    key: unit.key,
    name: unit.name,
    kind: unit.kind ?? null,
    parentCode: unit.parentCode ?? null,
    own: unit.own ?? false,
    ...present(aggregate.rows.get(bucket) ?? empty, stageLabels),
  });
  let rows: Row[] = [];
  if (by === 'unit') {
    const { scope } = result;
    // The values above the rows' units (a council's own report) get a row of their own, only when there are any.
    const own = scope && aggregate.rows.has(null) ? [rowOf(null, { ...scope, key: scope.code, own: true })] : [];
    rows = [...own, ...result.units.map((unit) => rowOf(unit.code, { ...unit, key: unit.code }))];
  } else if (by === 'period') {
    rows = result.quarters.map((quarter) => rowOf(quarter, { key: quarter, name: quarter }));
  } else if (by === 'option') {
    const categories = described.disaggregation.categories;
    const options =
      categories.find((category) => category.code === result.category?.code)?.options ??
      described.disaggregation.options;
    rows = options.map((option) => rowOf(option.code, { key: option.code, name: option.name }));
  }
  return {
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
    total: present(aggregate.total, stageLabels),
    rows,
  };
}

export function analyticsRoutes(db: Kysely<Database>, now: () => Date) {
  // Indicator descriptions, units and breakdown rows, read once per data generation.
  const memo = createMetadataMemo();
  return createRouter().openapi(analytics, async (c) => {
    const query = c.req.valid('query');
    const visibility = visibilityOf(c.get('user'));
    const outcome = await analyse(
      db,
      {
        indicators: query.indicator,
        orgUnit: query.orgUnit,
        periods: query.periods,
        by: query.by,
        level: query.level,
        category: query.category,
        project: query.project,
        locale: query.locale,
      },
      visibility,
      now(),
      memo,
    );
    if (!outcome.ok) return outcome.status === 404 ? c.json(outcome.error, 404) : c.json(outcome.error, 400);
    const { result } = outcome;
    const indicators = result.indicators.map((item) => figuresOf(item, result, query.by));
    const [first] = indicators;
    if (!first) return c.json(errorBody('invalid_request', 'Name at least one indicator.'), 400);

    c.header('Cache-Control', 'private, no-cache');
    return c.json(
      {
        indicator: first.indicator,
        orgUnit: result.scope && {
          code: result.scope.code,
          name: result.scope.name,
          kind: result.scope.kind,
          level: result.scope.level,
        },
        periods: result.quarters,
        by: query.by,
        level: query.level ?? null,
        category: result.category,
        project: result.project,
        visibility: visibility.kind,
        total: first.total,
        rows: first.rows,
        indicators,
      },
      200,
    );
  });
}
