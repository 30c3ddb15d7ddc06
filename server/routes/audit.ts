import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { PERIOD_ID_PATTERN } from '../../db/periods';
import { listAudit } from '../../db/queries/audit';
import { findIndicatorId } from '../../db/queries/indicators';
import { findOrgUnitRow } from '../../db/queries/org-units';
import type { Database } from '../../db/schema';
import { AppError, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { assertCanRead } from '../services/reports';

const AuditItemSchema = z
  .object({
    id: z.number().int(),
    entityType: z.string(),
    entityKey: z.string(),
    action: z.string(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    actor: z.string().nullable(),
    orgUnit: z.string().nullable(),
    period: z.string().nullable(),
    indicator: z.string().nullable(),
    at: z.string(),
  })
  .openapi('AuditEntry', {
    example: {
      id: 41,
      entityType: 'data_value',
      entityKey: 'MIG_SERVED/PHL-naga-city/2026Q3/F_Y18_59_RETURNEE',
      action: 'update',
      oldValue: { value: 40, numerator: null, denominator: null, comment: null },
      newValue: { value: 42, numerator: null, denominator: null, comment: 'Checked against the register' },
      actor: 'Naga City Migration Centre',
      orgUnit: 'PHL-naga-city',
      period: '2026Q3',
      indicator: 'MIG_SERVED',
      at: '2026-10-12T08:30:00.000Z',
    },
  });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary: 'The audit trail of values and report steps, newest first, within your scope',
  request: {
    query: z.object({
      orgUnit: z.string().min(1).max(64).optional().openapi({ example: 'PHL-naga-city' }),
      period: z.string().regex(PERIOD_ID_PATTERN, 'Expected a period like 2026Q3').optional(),
      indicator: z.string().min(1).max(64).optional().openapi({ example: 'MIG_SERVED' }),
      limit: z.coerce.number().int().min(1).max(5000).default(200),
    }),
  },
  responses: {
    200: {
      description: 'Audit entries.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(AuditItemSchema) }).openapi({
            example: {
              items: [
                {
                  id: 57,
                  entityType: 'report',
                  entityKey: 'PHL-naga-city/2026Q3',
                  action: 'return',
                  oldValue: { status: 'submitted' },
                  newValue: { status: 'returned' },
                  actor: 'Bicol Migration and Development Council',
                  orgUnit: 'PHL-naga-city',
                  period: '2026Q3',
                  indicator: null,
                  at: '2026-10-28T13:45:43.786Z',
                },
              ],
            },
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function auditRoutes(db: Kysely<Database>) {
  return createRouter().openapi(list, async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError(401, 'sign_in_required', 'Sign in to read the audit trail.');
    const query = c.req.valid('query');
    const code = query.orgUnit ?? user.orgUnit?.code;
    const unit = code === undefined ? undefined : await findOrgUnitRow(db, code);
    if (code !== undefined && !unit)
      throw new AppError(404, 'org_unit_not_found', `No org unit has the code "${code}".`);
    if (unit) assertCanRead(unit, user);
    else if (user.role !== 'admin') throw new AppError(403, 'out_of_scope', 'Name an org unit within your scope.');
    const indicatorId = query.indicator === undefined ? undefined : await findIndicatorId(db, query.indicator);
    if (query.indicator !== undefined && indicatorId === undefined) {
      throw new AppError(404, 'indicator_not_found', `No indicator has the code "${query.indicator}".`);
    }
    const items = await listAudit(db, {
      // An explicit unit filters to that unit exactly; the default (your own unit) covers your subtree.
      path: query.orgUnit === undefined ? (unit?.path ?? null) : null,
      orgUnitId: query.orgUnit === undefined ? undefined : unit?.id,
      periodId: query.period,
      indicatorId,
      limit: query.limit,
    });
    return c.json({ items }, 200);
  });
}
