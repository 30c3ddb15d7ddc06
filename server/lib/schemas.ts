// Shapes shared by several routes. Response types reach the client through AppType inference.
import { z } from '@hono/zod-openapi';
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

export const DisaggregationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    categories: z.array(CodeNameSchema.extend({ options: z.array(CodeNameSchema) })),
    options: z.array(CodeNameSchema),
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
