import type { Kysely } from 'kysely';
import type { Database, ReportStatus } from '../schema';

/** Report states whose values donors may see. */
export const APPROVED_STATUSES: readonly ReportStatus[] = ['approved', 'accepted'];

/**
 * Which values a reader sees: approved ones only, everything, or everything within a subtree
 * (materialised path) and approved ones elsewhere.
 */
export type Visibility = { kind: 'approved' } | { kind: 'all' } | { kind: 'subtree'; path: string };

export interface DataValueFilter {
  indicator?: string | undefined;
  /** A unit code; with `subtree`, its descendants too. */
  orgUnit?: string | undefined;
  subtree?: boolean | undefined;
  periods?: readonly string[] | undefined;
  visibility: Visibility;
  limit: number;
  offset: number;
}

export interface DataValueItem {
  indicator: string;
  orgUnit: string;
  period: string;
  option: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
  updatedAt: string;
  /** The state of the unit's report for the period; null when no report exists yet. */
  reportStatus: ReportStatus | null;
}

export async function listDataValues(
  db: Kysely<Database>,
  filter: DataValueFilter,
): Promise<{ items: DataValueItem[]; total: number }> {
  let query = db
    .selectFrom('data_value as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
    .leftJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    );
  if (filter.indicator) query = query.where('i.code', '=', filter.indicator);
  if (filter.orgUnit) {
    const unit = await db
      .selectFrom('org_unit')
      .select(['id', 'path'])
      .where('code', '=', filter.orgUnit)
      .executeTakeFirst();
    if (!unit) return { items: [], total: 0 };
    query = filter.subtree ? query.where('u.path', 'like', `${unit.path}%`) : query.where('u.id', '=', unit.id);
  }
  if (filter.periods) query = query.where('dv.period_id', 'in', filter.periods.length ? [...filter.periods] : ['']);
  const { visibility } = filter;
  if (visibility.kind === 'approved') query = query.where('r.status', 'in', [...APPROVED_STATUSES]);
  if (visibility.kind === 'subtree') {
    query = query.where((eb) =>
      eb.or([eb('r.status', 'in', [...APPROVED_STATUSES]), eb('u.path', 'like', `${visibility.path}%`)]),
    );
  }

  const [rows, count] = await Promise.all([
    query
      .select([
        'i.code as indicator',
        'u.code as org_unit',
        'dv.period_id',
        'o.code as option',
        'dv.value',
        'dv.numerator',
        'dv.denominator',
        'dv.comment',
        'dv.version',
        'dv.updated_at',
        'r.status as report_status',
      ])
      .orderBy('dv.period_id')
      .orderBy('u.code')
      .orderBy('i.code')
      .orderBy('o.sort_order')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((row) => ({
      indicator: row.indicator,
      orgUnit: row.org_unit,
      period: row.period_id,
      option: row.option,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      comment: row.comment,
      version: row.version,
      updatedAt: row.updated_at,
      reportStatus: row.report_status,
    })),
  };
}
