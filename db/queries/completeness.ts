// Reporting completeness and timeliness. A unit is expected to report a quarter when a project that
// covers it (project_unit) is active during the quarter (its dates overlap the quarter's) and that
// project's results include at least one indicator of the unit's tier. One statement: the expected
// unit-quarters, each with its report (if any), counted per child unit or per quarter.
import type { Expression, Kysely, SqlBool } from 'kysely';
import { type Database, type ReportStatus, UNIT_KINDS, UNIT_TIERS } from '../schema';
import { tierOf } from './org-units';

export interface CompletenessCounts {
  /** Unit-quarters expected to report. */
  expected: number;
  /** Reports submitted, approved or accepted. */
  submitted: number;
  /** Submitted on or before the quarter's deadline (the whole deadline day, UTC). */
  onTime: number;
  /** Submitted after the deadline. */
  late: number;
  /** Approved or accepted. */
  approved: number;
  accepted: number;
  /** Not submitted once the deadline has passed: no report, or one still in draft or returned. */
  missing: number;
  /** Not submitted, deadline not yet passed. */
  pending: number;
  /** Reports in these states now (whatever the deadline). */
  returned: number;
  draft: number;
}

export interface CompletenessQuery {
  /** The unit whose subtree is counted; null for the whole programme. */
  scope: { id: number; path: string } | null;
  quarters: readonly string[];
  by: 'unit' | 'period';
  /** 'YYYY-MM-DD': a deadline before today has passed. */
  today: string;
}

export interface Completeness {
  total: CompletenessCounts;
  /** By child unit code (null: the scope unit's own reports) or by quarter id; empty buckets are absent. */
  rows: Map<string | null, CompletenessCounts>;
}

const SUBMITTED: readonly ReportStatus[] = ['submitted', 'approved', 'accepted'];
const APPROVED: readonly ReportStatus[] = ['approved', 'accepted'];
const NOT_SUBMITTED: readonly ReportStatus[] = ['draft', 'returned'];

const COUNT_KEYS = [
  'expected',
  'submitted',
  'onTime',
  'late',
  'approved',
  'accepted',
  'missing',
  'pending',
  'returned',
  'draft',
] as const satisfies readonly (keyof CompletenessCounts)[];

export function emptyCounts(): CompletenessCounts {
  return {
    expected: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    approved: 0,
    accepted: 0,
    missing: 0,
    pending: 0,
    returned: 0,
    draft: 0,
  };
}

export async function countReports(db: Kysely<Database>, query: CompletenessQuery): Promise<Completeness> {
  const { scope } = query;
  const rows = await db
    .with('expected', (qc) =>
      qc
        .selectFrom('project_unit as pu')
        .innerJoin('project as pr', 'pr.id', 'pu.project_id')
        .innerJoin('org_unit as u', 'u.id', 'pu.org_unit_id')
        .innerJoin('period as p', (join) =>
          join
            .on('p.id', 'in', [...query.quarters])
            .onRef('pr.start_date', '<=', 'p.end_date')
            .onRef('pr.end_date', '>=', 'p.start_date'),
        )
        .$if(scope !== null, (qb) => qb.where('u.path', 'like', `${scope?.path}%`))
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('result as res')
              .innerJoin('result_indicator as ri', 'ri.result_id', 'res.id')
              .innerJoin('indicator_tier as it', 'it.indicator_id', 'ri.indicator_id')
              .select('res.id')
              .whereRef('res.project_id', '=', 'pr.id')
              .where((eb) =>
                eb.or(
                  UNIT_TIERS.map((tier) =>
                    eb.and([
                      eb('it.tier', '=', tier),
                      eb(
                        'u.kind',
                        'in',
                        UNIT_KINDS.filter((kind) => tierOf(kind) === tier),
                      ),
                    ]),
                  ),
                ),
              ),
          ),
        )
        .select(['pu.org_unit_id as unit_id', 'p.id as period_id'])
        .distinct(),
    )
    .selectFrom('expected as e')
    .innerJoin('period as p', 'p.id', 'e.period_id')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'e.unit_id').onRef('r.period_id', '=', 'e.period_id'),
    )
    .leftJoin('org_unit as ch', (join) =>
      (scope === null ? join.on('ch.parent_id', 'is', null) : join.on('ch.parent_id', '=', scope.id)).on((eb) =>
        // The scope's child whose subtree holds the unit; substr and length read the same on both engines.
        eb(
          eb.fn<string>('substr', ['u.path', eb.lit(1), eb.fn<number>('length', ['ch.path'])]),
          '=',
          eb.ref('ch.path'),
        ),
      ),
    )
    .select((eb) => {
      const count = (condition: Expression<SqlBool>) =>
        eb.fn.sum<number | string | null>(eb.case().when(condition).then(1).else(0).end());
      const submitted = eb('r.status', 'in', [...SUBMITTED]);
      return [
        (query.by === 'unit' ? eb.ref('ch.code') : eb.ref('e.period_id').$castTo<string | null>()).as('bucket'),
        eb.fn.countAll<number | string>().as('expected'),
        count(submitted).as('submitted'),
        count(
          eb.and([
            submitted,
            eb(eb.fn<string>('substr', ['r.submitted_at', eb.lit(1), eb.lit(10)]), '<=', eb.ref('p.deadline')),
          ]),
        ).as('on_time'),
        count(eb('r.status', 'in', [...APPROVED])).as('approved'),
        count(eb('r.status', '=', 'accepted')).as('accepted'),
        count(eb('r.status', '=', 'returned')).as('returned'),
        count(eb('r.status', '=', 'draft')).as('draft'),
        count(
          eb.and([
            eb.or([eb('r.id', 'is', null), eb('r.status', 'in', [...NOT_SUBMITTED])]),
            eb('p.deadline', '<', query.today),
          ]),
        ).as('missing'),
      ];
    })
    .groupBy(query.by === 'unit' ? 'ch.code' : 'e.period_id')
    .execute();

  const total = emptyCounts();
  const result = new Map<string | null, CompletenessCounts>();
  for (const row of rows) {
    const expected = Number(row.expected);
    const submitted = Number(row.submitted ?? 0);
    const onTime = Number(row.on_time ?? 0);
    const missing = Number(row.missing ?? 0);
    const counts: CompletenessCounts = {
      expected,
      submitted,
      onTime,
      late: submitted - onTime,
      approved: Number(row.approved ?? 0),
      accepted: Number(row.accepted ?? 0),
      missing,
      pending: expected - submitted - missing,
      returned: Number(row.returned ?? 0),
      draft: Number(row.draft ?? 0),
    };
    result.set(row.bucket, counts);
    for (const key of COUNT_KEYS) total[key] += counts[key];
  }
  return { total, rows: result };
}
