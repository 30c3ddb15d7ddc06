// Shapes shared by several routes. Response types reach the client through AppType inference.
import { z } from '@hono/zod-openapi';
import { addQuarters, compareQuarters, parseQuarter, type Quarter, quarterId, YEAR_PATTERN } from '../../db/periods';
import {
  AGGREGATION_TYPES,
  DIRECTIONS,
  LOCALES,
  PERIODICITIES,
  REPORT_STATUSES,
  RESULT_TYPES,
  UNIT_KINDS,
  UNIT_TIERS,
  VALUE_TYPES,
} from '../../db/schema';

export const LocaleQuery = z
  .enum(LOCALES)
  .default('en')
  .openapi({ description: 'Language of names and descriptions.', example: 'es' });

export const UnitCodeParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'code', in: 'path' }, example: 'PHL-naga-city' });

export const CodeNameSchema = z.object({ code: z.string(), name: z.string() }).openapi('CodeName');

export const OrgUnitSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    level: z.number().int(),
    tier: z.enum(UNIT_TIERS),
    parentCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .openapi('OrgUnit', {
    example: {
      code: 'PHL-naga-city',
      name: 'Naga City',
      kind: 'municipality',
      level: 4,
      tier: 'local',
      parentCode: 'PH-CAS',
      latitude: 13.61917,
      longitude: 123.18139,
    },
  });

export const DisaggregationOptionSchema = CodeNameSchema.extend({
  categoryOptions: z.record(z.string(), z.string()).openapi({
    description:
      'Which option of each category this combination stands for, category code → category option code, in ' +
      "category order; empty for the default disaggregation's single TOTAL option.",
    example: { SEX: 'F', AGE: 'Y18_59' },
  }),
}).openapi('DisaggregationOption');

export const DisaggregationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    categories: z.array(CodeNameSchema.extend({ options: z.array(CodeNameSchema) })),
    options: z.array(DisaggregationOptionSchema).openapi({
      description: 'Every combination of one option per category: the cells values are entered and broken down by.',
    }),
  })
  .openapi('Disaggregation');

export const IndicatorSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    description: z.string(),
    unit: z.string(),
    valueType: z.enum(VALUE_TYPES),
    aggregationType: z.enum(AGGREGATION_TYPES),
    direction: z.enum(DIRECTIONS),
    periodicity: z.enum(PERIODICITIES),
    countThreshold: z.number().nullable(),
    stageMax: z.number().int().nullable(),
    stages: z.array(z.object({ stage: z.number().int(), label: z.string() })),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    theme: CodeNameSchema.nullable(),
    tiers: z.array(z.enum(UNIT_TIERS)),
    disaggregation: DisaggregationSchema,
  })
  .openapi('Indicator');

export const ProjectSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    illustrative: z.boolean(),
    country: CodeNameSchema,
    leadUnit: CodeNameSchema,
    startDate: z.string(),
    endDate: z.string(),
    budget: z.number(),
    currency: z.string(),
    status: z.number().int().openapi({ description: 'IATI ActivityStatus code (1 pipeline … 4 closed).' }),
    iatiIdentifier: z.string().nullable(),
    themes: z.array(CodeNameSchema),
    coveredUnitCount: z.number().int(),
  })
  .openapi('ProjectSummary');

export const ResultSchema = z
  .object({
    code: z.string(),
    type: z.enum(RESULT_TYPES),
    title: z.string(),
    description: z.string(),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        valueType: z.enum(VALUE_TYPES),
        aggregationType: z.enum(AGGREGATION_TYPES),
      }),
    ),
  })
  .openapi('Result');

export const ReportStatusSchema = z.enum(REPORT_STATUSES);

/** Comma-separated list in a query string, each item matching `pattern`: `periods=2025Q1,2025Q2`. */
export function csvList(pattern: RegExp, expected: string, max = 200) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(z.string().regex(pattern, expected)).min(1).max(max));
}

/** Comma-separated list of enumeration values: `status=submitted,returned`. */
export function csvEnum<const T extends readonly [string, ...string[]]>(values: T, max = 50) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(z.enum(values)).min(1).max(max));
}

/** The most quarters, first to last, one analytics or completeness request may span: ten years. */
export const MAX_QUARTER_SPAN = 40;

function quarterBounds(token: string): [Quarter, Quarter] | undefined {
  const quarter = parseQuarter(token);
  if (quarter) return [quarter, quarter];
  if (!YEAR_PATTERN.test(token)) return undefined;
  const year = Number(token);
  return [
    { year, quarter: 1 },
    { year, quarter: 4 },
  ];
}

function quarterIndex({ year, quarter }: Quarter): number {
  return year * 4 + quarter - 1;
}

/**
 * '2025Q1,2025Q2' | '2025' (its four quarters) | '2025Q3..2026Q2' (a range, years allowed at either end),
 * mixed freely → the distinct quarter ids in time order, or what is wrong, in words a person can act on.
 */
export function expandQuarters(value: string): { quarters: string[] } | { error: string } {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return { error: 'Expected at least one period, e.g. 2025Q3 or 2025' };
  const quarters = new Map<number, string>();
  for (const item of items) {
    const [fromText = '', toText, ...rest] = item.split('..');
    const from = quarterBounds(fromText);
    const to = toText === undefined ? from : quarterBounds(toText);
    if (!from || !to || rest.length > 0) {
      return { error: `"${item}" is not a quarter (2025Q3), a year (2025) or a range (2025Q1..2026Q2)` };
    }
    const [start, end] = [from[0], to[1]];
    if (start.year < 1990 || end.year > 2100) return { error: `"${item}" is outside the years 1990–2100` };
    if (compareQuarters(start, end) > 0) return { error: `The range "${item}" is reversed: it ends before it starts` };
    const length = quarterIndex(end) - quarterIndex(start) + 1;
    if (length > MAX_QUARTER_SPAN) return spanError(length);
    for (let offset = 0; offset < length; offset++) {
      quarters.set(quarterIndex(start) + offset, quarterId(addQuarters(start, offset)));
    }
  }
  const indexes = [...quarters.keys()].sort((a, b) => a - b);
  const span = (indexes.at(-1) ?? 0) - (indexes[0] ?? 0) + 1;
  if (span > MAX_QUARTER_SPAN) return spanError(span);
  return { quarters: indexes.map((index) => quarters.get(index) ?? '') };
}

function spanError(span: number) {
  return { error: `The periods span ${span} quarters; at most ${MAX_QUARTER_SPAN} (ten years) per request` };
}

/** A query parameter holding quarters, years and ranges; parsed to the quarter ids they cover. */
export const QuarterListQuery = z
  .string()
  .max(1000)
  .transform((value, ctx) => {
    const result = expandQuarters(value);
    if ('error' in result) {
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return result.quarters;
  })
  .openapi({
    type: 'string',
    description:
      'Comma-separated quarters (2025Q3), years (2025 = its four quarters) and ranges (2025Q3..2026Q2), ' +
      `spanning at most ${MAX_QUARTER_SPAN} quarters.`,
    example: '2025Q3..2026Q2',
  });

/** A unit as analytics and completeness responses name it. */
export const UnitRefSchema = z
  .object({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), level: z.number().int() })
  .openapi('UnitRef');
