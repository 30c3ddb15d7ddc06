import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { PERIOD_ID_PATTERN, QUARTER_PATTERN } from '../../db/periods';
import { findOrgUnitRow } from '../../db/queries/org-units';
import { countReports, listReports } from '../../db/queries/reports';
import { type Database, REPORT_STATUSES, UNIT_KINDS, UNIT_TIERS } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { SessionUser } from '../lib/env';
import { AppError, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { csvEnum, csvList, IndicatorSchema, LocaleQuery, ReportStatusSchema } from '../lib/schemas';
import {
  assertCanRead,
  describeReport,
  loadReportContext,
  saveValues,
  transition,
  type WorkflowAction,
} from '../services/reports';

const ReportStateSchema = z.enum([...REPORT_STATUSES, 'not_started']);
const ActionSchema = z.enum(['submit', 'approve', 'return', 'accept', 'reopen']);

const PathParams = z.object({
  orgUnit: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'orgUnit', in: 'path' }, example: 'PHL-naga-city' }),
  period: z
    .string()
    .regex(QUARTER_PATTERN, 'Expected a quarter like 2026Q3')
    .openapi({ param: { name: 'period', in: 'path' }, example: '2026Q3' }),
});

const PlainValue = z.object({
  indicator: z.string(),
  option: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  comment: z.string().nullable(),
});

/** Naga City's returned 2026Q3 report, cut to one indicator (the example in the API reference). */
const REPORT_EXAMPLE = {
  unit: { code: 'PHL-naga-city', name: 'Naga City', kind: 'municipality', tier: 'local' },
  period: { id: '2026Q3', startDate: '2026-07-01', endDate: '2026-09-30', deadline: '2026-10-30', previous: '2026Q2' },
  report: {
    status: 'returned',
    lastComment: 'Diaspora investment looks duplicated from last quarter; please confirm with the finance office.',
    submittedAt: null,
    approvedAt: null,
    acceptedAt: null,
    updatedAt: '2026-10-28T13:45:43.786Z',
  },
  allowedActions: ['save', 'submit'],
  sections: [
    {
      project: { code: 'PHL-BICOL', name: 'Bicol: migration and development councils from city to nation' },
      indicators: ['COORD_MEETINGS'],
    },
  ],
  indicators: [
    {
      code: 'COORD_MEETINGS',
      name: 'Multi-level coordination meetings held',
      shortName: 'Coordination meetings',
      description:
        'Meetings on migration and development that bring together at least two levels of government ' +
        '(municipal, regional or national), with an agenda and minutes.',
      unit: 'meetings',
      valueType: 'integer',
      aggregationType: 'sum',
      direction: 'higher',
      periodicity: 'quarterly',
      countThreshold: null,
      stageMax: null,
      stages: [],
      minValue: 0,
      maxValue: 24,
      theme: { code: 'COORDINATION', name: 'Multi-level coordination' },
      tiers: ['local', 'national'],
      disaggregation: {
        code: 'default',
        name: 'None (total)',
        categories: [],
        options: [{ code: 'TOTAL', name: 'Total' }],
      },
    },
  ],
  values: [
    {
      indicator: 'COORD_MEETINGS',
      option: 'TOTAL',
      value: 5,
      numerator: null,
      denominator: null,
      comment: null,
      version: 1,
      updatedAt: '2026-10-03T15:34:35.327Z',
      updatedBy: 'Naga City Migration Centre',
    },
  ],
  previousValues: [
    { indicator: 'COORD_MEETINGS', option: 'TOTAL', value: 4, numerator: null, denominator: null, comment: null },
  ],
  targets: [
    { indicator: 'COORD_MEETINGS', type: 'baseline', year: '2023', value: 8 },
    { indicator: 'COORD_MEETINGS', type: 'target', year: '2026', value: 14 },
  ],
  events: [
    {
      action: 'create',
      from: null,
      to: 'draft',
      actor: 'Naga City Migration Centre',
      comment: null,
      at: '2026-10-03T15:34:35.327Z',
    },
    {
      action: 'return',
      from: 'submitted',
      to: 'returned',
      actor: 'Bicol Migration and Development Council',
      comment: 'Diaspora investment looks duplicated from last quarter; please confirm with the finance office.',
      at: '2026-10-28T13:45:43.786Z',
    },
  ],
  returnNotes: [
    {
      indicator: 'COORD_MEETINGS',
      comment: 'Were the two meetings with the national commission counted?',
      actor: 'Bicol Migration and Development Council',
      at: '2026-10-28T13:45:43.786Z',
    },
  ],
  outliers: [],
} as const;

const ReportDetailSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), tier: z.enum(UNIT_TIERS) }),
    period: z.object({
      id: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      deadline: z.string().nullable(),
      previous: z.string().nullable(),
    }),
    report: z.object({
      status: ReportStateSchema,
      lastComment: z.string().nullable(),
      submittedAt: z.string().nullable(),
      approvedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
    allowedActions: z.array(z.enum(['save', 'submit', 'approve', 'return', 'accept', 'reopen'])),
    sections: z.array(
      z.object({ project: z.object({ code: z.string(), name: z.string() }), indicators: z.array(z.string()) }),
    ),
    indicators: z.array(IndicatorSchema),
    values: z.array(
      PlainValue.extend({ version: z.number().int(), updatedAt: z.string(), updatedBy: z.string().nullable() }),
    ),
    previousValues: z.array(PlainValue),
    targets: z.array(
      z.object({ indicator: z.string(), type: z.enum(['baseline', 'target']), year: z.string(), value: z.number() }),
    ),
    events: z.array(
      z.object({
        action: z.string(),
        from: ReportStatusSchema.nullable(),
        to: ReportStatusSchema,
        actor: z.string().nullable(),
        comment: z.string().nullable(),
        at: z.string(),
      }),
    ),
    returnNotes: z
      .array(z.object({ indicator: z.string(), comment: z.string(), actor: z.string().nullable(), at: z.string() }))
      .openapi({ description: "The reviewer's notes on single fields from the latest return, until resubmitted." }),
    outliers: z.array(
      z.object({
        indicator: z.string(),
        value: z.number(),
        previous: z.number().nullable(),
        reason: z.enum(['jump', 'drop', 'above_limit', 'below_limit']),
      }),
    ),
  })
  .openapi('ReportDetail', { example: REPORT_EXAMPLE });

const ReportListSchema = z
  .object({
    items: z.array(
      z.object({
        orgUnit: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
        period: z.string(),
        status: ReportStatusSchema,
        lastComment: z.string().nullable(),
        submittedAt: z.string().nullable(),
        updatedAt: z.string(),
        deadline: z.string().nullable(),
        values: z.number().int(),
      }),
    ),
    total: z.number().int().openapi({ description: 'How many reports the filters select, listed or not.' }),
    truncated: z
      .boolean()
      .openapi({ description: 'true when `items` holds only the first `limit` of them: narrow the filters.' }),
  })
  .openapi({
    example: {
      items: [
        {
          orgUnit: { code: 'PHL-legazpi-city', name: 'Legazpi City', kind: 'municipality' },
          period: '2026Q3',
          status: 'submitted',
          lastComment: null,
          submittedAt: '2026-10-21T08:02:11.000Z',
          updatedAt: '2026-10-21T08:02:11.000Z',
          deadline: '2026-10-30',
          values: 38,
        },
      ],
      total: 1,
      truncated: false,
    },
  });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['reports'],
  summary: 'Reports in a subtree by period and status (the review queue)',
  request: {
    query: z.object({
      orgUnit: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'Defaults to your own unit.', example: 'PH-05' }),
      period: csvList(PERIOD_ID_PATTERN, 'Expected quarters like 2026Q3')
        .optional()
        .openapi({ type: 'string', example: '2026Q3' }),
      status: csvEnum(REPORT_STATUSES).optional().openapi({ type: 'string', example: 'submitted' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(5000)
        .default(500)
        .openapi({ description: 'The most reports listed; `total` and `truncated` say how many there are.' }),
    }),
  },
  responses: {
    200: {
      description: 'Reports, latest period first.',
      content: { 'application/json': { schema: ReportListSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{orgUnit}/{period}',
  tags: ['reports'],
  summary: "One quarterly report: indicators, values, last quarter's values, targets, state, history",
  request: { params: PathParams, query: z.object({ locale: LocaleQuery }) },
  responses: {
    200: {
      description: 'The report as the signed-in user may see and act on it.',
      content: { 'application/json': { schema: ReportDetailSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const ValueInputSchema = z
  .object({
    indicator: z.string().min(1).max(64),
    option: z.string().min(1).max(128).default('TOTAL'),
    value: z.number().nullable().optional(),
    numerator: z.number().nullable().optional(),
    denominator: z.number().nullable().optional(),
    comment: z.string().max(2000).nullable().optional(),
    version: z.number().int().min(1).nullable().optional(),
  })
  .openapi('ValueInput', {
    example: { indicator: 'MIG_SERVED', option: 'F_Y18_59_RETURNEE', value: 42, comment: null, version: 3 },
  });

const save = createRoute({
  method: 'put',
  path: '/{orgUnit}/{period}/values',
  tags: ['reports'],
  summary: 'Save a batch of values as a draft: all or nothing, with optimistic versions',
  request: {
    params: PathParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ values: z.array(ValueInputSchema).min(1).max(5000) }) } },
    },
  },
  responses: {
    200: {
      description: 'Saved; the body has the fresh report (new versions).',
      content: {
        'application/json': {
          schema: z
            .object({ saved: z.number().int(), report: ReportDetailSchema })
            .openapi({ example: { saved: 1, report: REPORT_EXAMPLE } }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const act = createRoute({
  method: 'post',
  path: '/{orgUnit}/{period}/{action}',
  tags: ['reports'],
  summary:
    'A workflow step: submit, approve, return (comment required, field notes optional), accept, reopen (reason required)',
  request: {
    params: PathParams.extend({ action: ActionSchema.openapi({ param: { name: 'action', in: 'path' } }) }),
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              comment: z.string().max(2000).nullable().optional(),
              notes: z
                .array(z.object({ indicator: z.string().min(1).max(64), comment: z.string().max(2000) }))
                .max(200)
                .optional()
                .openapi({ description: 'With a return only: notes on single fields, shown beside each field.' }),
            })
            .openapi({
              example: {
                comment: 'Please check the budget share before resubmitting.',
                notes: [{ indicator: 'BUDGET_SHARE', comment: 'Use the total municipal budget as denominator.' }],
              },
            }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The report after the step.', content: { 'application/json': { schema: ReportDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const batch = createRoute({
  method: 'post',
  path: '/batch/{action}',
  tags: ['reports'],
  summary: 'The same workflow step on several reports at once: all or nothing',
  request: {
    params: z.object({ action: ActionSchema.openapi({ param: { name: 'action', in: 'path' } }) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            reports: z
              .array(
                z.object({
                  orgUnit: z.string().min(1).max(64),
                  period: z.string().regex(QUARTER_PATTERN, 'Expected a quarter like 2026Q3'),
                }),
              )
              .min(1)
              .max(500),
            comment: z.string().max(2000).nullable().optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Every report moved.',
      content: {
        'application/json': { schema: z.object({ done: z.number().int() }).openapi({ example: { done: 3 } }) },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to work with reports.');
  return user;
}

export function reportRoutes(db: Kysely<Database>, now: () => Date) {
  return createRouter()
    .openapi(list, async (c) => {
      const user = requireUser(c.get('user'));
      const query = c.req.valid('query');
      const code = query.orgUnit ?? user.orgUnit?.code;
      let path: string | null = null;
      if (code !== undefined) {
        const unit = await findOrgUnitRow(db, code);
        if (!unit) throw new AppError(404, 'org_unit_not_found', `No org unit has the code "${code}".`);
        assertCanRead(unit, user);
        path = unit.path;
      } else if (user.role !== 'admin') {
        assertCanRead({ id: -1, code: '(programme)', kind: 'country', path: '/' }, user);
      }
      const filter = { path, periods: query.period, statuses: query.status };
      const items = await listReports(db, { ...filter, limit: query.limit });
      // Counted only when the list is full: a shorter list is all there is.
      const total = items.length < query.limit ? items.length : await countReports(db, filter);
      return c.json({ items, total, truncated: total > items.length }, 200);
    })
    .openapi(detail, async (c) => {
      const user = requireUser(c.get('user'));
      const { orgUnit, period } = c.req.valid('param');
      const { locale } = c.req.valid('query');
      const context = await loadReportContext(db, orgUnit, period, now());
      assertCanRead(context.unit, user);
      return c.json(await describeReport(db, context, user, locale), 200);
    })
    .openapi(save, async (c) => {
      const user = requireUser(c.get('user'));
      const { orgUnit, period } = c.req.valid('param');
      const { values } = c.req.valid('json');
      const context = await loadReportContext(db, orgUnit, period, now());
      assertCanRead(context.unit, user);
      const { saved, report } = await saveValues(db, context, user, values, now());
      // The unit and quarter are as loaded; the report is as the save left it.
      const fresh = { ...context, report, state: report.status };
      return c.json({ saved, report: await describeReport(db, fresh, user, user.locale) }, 200);
    })
    .openapi(act, async (c) => {
      const user = requireUser(c.get('user'));
      const { orgUnit, period, action } = c.req.valid('param');
      const body = c.req.valid('json');
      const context = await loadReportContext(db, orgUnit, period, now());
      assertCanRead(context.unit, user);
      await transition(db, context, user, action, { comment: body?.comment ?? null, notes: body?.notes }, now());
      const fresh = await loadReportContext(db, orgUnit, period, now());
      return c.json(await describeReport(db, fresh, user, user.locale), 200);
    })
    .openapi(batch, async (c) => {
      const user = requireUser(c.get('user'));
      const { action } = c.req.valid('param');
      const { reports, comment } = c.req.valid('json');
      const done = await transitionMany(db, user, action, reports, comment ?? null, now());
      return c.json({ done }, 200);
    });
}

/** Checks every report first and moves them all, or none: a reviewer's batch is one decision. */
async function transitionMany(
  db: Kysely<Database>,
  user: SessionUser,
  action: WorkflowAction,
  reports: readonly { orgUnit: string; period: string }[],
  comment: string | null,
  today: Date,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    for (const { orgUnit, period } of reports) {
      const context = await loadReportContext(trx, orgUnit, period, today);
      assertCanRead(context.unit, user);
      try {
        await transition(trx, context, user, action, { comment }, today);
      } catch (error) {
        if (error instanceof AppError) {
          throw new AppError(
            error.status,
            error.code,
            `${orgUnit} ${period}: ${error.message} Nothing in the batch was changed.`,
            error.details,
          );
        }
        throw error;
      }
    }
    return reports.length;
  });
}
