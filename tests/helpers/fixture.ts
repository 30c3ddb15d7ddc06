// A small hand-built programme for tests whose expectations are computed by hand: a few units,
// indicators of every aggregation type, reports in chosen states, values, targets, projects and
// users. Everything is looked up by code, so a test reads like the table it was computed from.
import type { Kysely } from 'kysely';
import { hashPassword } from '../../db/passwords';
import { insertOrgUnit } from '../../db/queries/org-units';
import { ensurePeriods } from '../../db/queries/periods';
import { refreshValueCells } from '../../db/queries/value-cells';
import type {
  AggregationType,
  Database,
  Direction,
  Periodicity,
  ReportStatus,
  Role,
  TargetType,
  UnitKind,
  UnitTier,
  ValueType,
} from '../../db/schema';

const CREATED_AT = '2024-01-01T00:00:00.000Z';
export const FIXTURE_PASSWORD = 'fixture-pass';

export interface IndicatorSpec {
  code: string;
  valueType: ValueType;
  aggregationType: AggregationType;
  direction?: Direction;
  periodicity?: Periodicity;
  countThreshold?: number;
  stageMax?: number;
  /** A category code: the indicator is disaggregated by that one category. */
  category?: string;
  tiers?: UnitTier[];
}

/** One value: a number, or [numerator, denominator] for a ratio (the value is their percentage). */
export type ValueSpec = number | [number, number];

export function fixtureBuilder(db: Kysely<Database>) {
  const units = new Map<string, { id: number; path: string }>();
  const indicators = new Map<string, { id: number; disaggregationId: number }>();
  const options = new Map<string, number>(); // 'disaggregation code/option code' → option id
  const categories = new Map<string, { id: number; disaggregationId: number }>();
  let defaultDisaggregation: number | undefined;

  const unitId = (code: string) => {
    const unit = units.get(code);
    if (!unit) throw new Error(`fixture: unknown unit ${code}`);
    return unit.id;
  };
  const indicatorOf = (code: string) => {
    const indicator = indicators.get(code);
    if (!indicator) throw new Error(`fixture: unknown indicator ${code}`);
    return indicator;
  };

  async function disaggregation(code: string, optionCodes: string[], categoryId?: number): Promise<number> {
    const row = await db
      .insertInto('disaggregation')
      .values({ code, name: code })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (categoryId !== undefined) {
      await db
        .insertInto('disaggregation_category')
        .values({ disaggregation_id: row.id, category_id: categoryId, sort_order: 0 })
        .execute();
    }
    for (const [index, optionCode] of optionCodes.entries()) {
      const option = await db
        .insertInto('disaggregation_option')
        .values({ disaggregation_id: row.id, code: optionCode, name: optionCode, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      options.set(`${row.id}/${optionCode}`, option.id);
      if (categoryId !== undefined) {
        const categoryOption = await db
          .selectFrom('category_option')
          .select('id')
          .where('category_id', '=', categoryId)
          .where('code', '=', optionCode)
          .executeTakeFirstOrThrow();
        await db
          .insertInto('disaggregation_option_item')
          .values({ option_id: option.id, category_option_id: categoryOption.id })
          .execute();
      }
    }
    return row.id;
  }

  return {
    units,
    unitId,

    async periods(fromYear: number, toYear: number) {
      await ensurePeriods(db, fromYear, toYear);
    },

    async unit(code: string, kind: UnitKind, parent: string | null, point?: [number, number]) {
      const row = await insertOrgUnit(
        db,
        {
          code,
          name: `Unit ${code}`,
          kind,
          parentId: parent === null ? null : unitId(parent),
          longitude: point?.[0] ?? null,
          latitude: point?.[1] ?? null,
        },
        CREATED_AT,
      );
      units.set(code, { id: row.id, path: row.path });
    },

    /** A category with its options, and a disaggregation by it alone. */
    async category(code: string, optionCodes: string[]) {
      const row = await db
        .insertInto('category')
        .values({ code, name: code })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [index, optionCode] of optionCodes.entries()) {
        await db
          .insertInto('category_option')
          .values({ category_id: row.id, code: optionCode, name: `Option ${optionCode}`, sort_order: index })
          .execute();
      }
      categories.set(code, { id: row.id, disaggregationId: await disaggregation(code, optionCodes, row.id) });
    },

    async indicator(spec: IndicatorSpec) {
      defaultDisaggregation ??= await disaggregation('default', ['TOTAL']);
      const category = spec.category === undefined ? undefined : categories.get(spec.category);
      if (spec.category !== undefined && !category) throw new Error(`fixture: unknown category ${spec.category}`);
      const disaggregationId = category?.disaggregationId ?? defaultDisaggregation;
      const row = await db
        .insertInto('indicator')
        .values({
          code: spec.code,
          name: `Indicator ${spec.code}`,
          short_name: spec.code,
          description: '',
          unit: '',
          value_type: spec.valueType,
          aggregation_type: spec.aggregationType,
          direction: spec.direction ?? 'higher',
          periodicity: spec.periodicity ?? 'quarterly',
          theme_id: null,
          disaggregation_id: disaggregationId,
          count_threshold: spec.countThreshold ?? null,
          stage_max: spec.stageMax ?? null,
          created_at: CREATED_AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('indicator_tier')
        .values((spec.tiers ?? ['local']).map((tier) => ({ indicator_id: row.id, tier })))
        .execute();
      indicators.set(spec.code, { id: row.id, disaggregationId });
    },

    async report(unit: string, period: string, status: ReportStatus, submittedAt?: string) {
      const submitted = submittedAt ?? null;
      await db
        .insertInto('report')
        .values({
          org_unit_id: unitId(unit),
          period_id: period,
          status,
          submitted_at: status === 'draft' ? null : submitted,
          approved_at: status === 'approved' || status === 'accepted' ? submitted : null,
          accepted_at: status === 'accepted' ? submitted : null,
          created_at: CREATED_AT,
          updated_at: CREATED_AT,
        })
        .execute();
    },

    /** Values of one indicator × unit × period: one per option, in the disaggregation's order, or one TOTAL. */
    async values(indicatorCode: string, unit: string, period: string, byOption: Record<string, ValueSpec>) {
      const indicator = indicatorOf(indicatorCode);
      for (const [optionCode, spec] of Object.entries(byOption)) {
        const optionId = options.get(`${indicator.disaggregationId}/${optionCode}`);
        if (optionId === undefined) throw new Error(`fixture: ${indicatorCode} has no option ${optionCode}`);
        const [value, numerator, denominator] =
          typeof spec === 'number' ? [spec, null, null] : [(spec[0] / spec[1]) * 100, spec[0], spec[1]];
        await db
          .insertInto('data_value')
          .values({
            indicator_id: indicator.id,
            org_unit_id: unitId(unit),
            period_id: period,
            option_id: optionId,
            value,
            numerator,
            denominator,
            created_at: CREATED_AT,
            updated_at: CREATED_AT,
          })
          .execute();
      }
      // The app's write paths keep the analytics roll-up in step; a fixture writing values directly must too.
      await refreshValueCells(db, [{ unitId: unitId(unit), periodId: period }]);
    },

    async target(indicatorCode: string, unit: string, type: TargetType, year: number, value: number) {
      await db
        .insertInto('target')
        .values({
          indicator_id: indicatorOf(indicatorCode).id,
          org_unit_id: unitId(unit),
          type,
          period_id: String(year),
          value,
          numerator: null,
          denominator: null,
        })
        .execute();
    },

    /** A project over some units whose single result measures some indicators. */
    async project(
      code: string,
      spec: { country: string; start: string; end: string; units: string[]; indicators: string[] },
    ) {
      const row = await db
        .insertInto('project')
        .values({
          code,
          name: `Project ${code}`,
          description: '',
          country_id: unitId(spec.country),
          lead_unit_id: unitId(spec.units[0] ?? spec.country),
          start_date: spec.start,
          end_date: spec.end,
          budget: 0,
          currency: 'USD',
          status: 2,
          iati_identifier: null,
          illustrative: 0,
          created_at: CREATED_AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('project_unit')
        .values(spec.units.map((unit) => ({ project_id: row.id, org_unit_id: unitId(unit) })))
        .execute();
      const result = await db
        .insertInto('result')
        .values({ project_id: row.id, code: 'R1', type: 'output', title: 'Result', description: '', sort_order: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('result_indicator')
        .values(
          spec.indicators.map((indicator, index) => ({
            result_id: result.id,
            indicator_id: indicatorOf(indicator).id,
            sort_order: index,
          })),
        )
        .execute();
    },

    /** A user who can sign in with FIXTURE_PASSWORD. */
    async user(email: string, role: Role, unit: string | null) {
      await db
        .insertInto('app_user')
        .values({
          email,
          name: email,
          password_hash: await hashPassword(FIXTURE_PASSWORD),
          role,
          org_unit_id: unit === null ? null : unitId(unit),
          locale: 'en',
          active: 1,
          created_at: CREATED_AT,
        })
        .execute();
    },
  };
}

export type FixtureBuilder = ReturnType<typeof fixtureBuilder>;

/**
 * The small programme the analytics and completeness tests compute by hand.
 *
 *   XC (country) ── RA (region) ── A1, A2, A3 (municipalities)
 *                └─ RB (region) ── B1, B2
 *
 * Reports (submitted_at in brackets; deadlines 2025Q3 → 2025-10-30, 2025Q4 → 2026-01-30, 2026Q1 → 2026-04-30):
 *
 *   unit  2025Q3                    2025Q4                         2026Q1
 *   A1    accepted (2025-10-20)     approved (2026-01-30 23:59:59)  approved (2026-05-01 00:00:01)
 *   A2    approved (2025-11-15)     submitted (2026-01-10)          —
 *   A3    draft                     submitted (2026-01-20)          —
 *   B1    approved (2025-10-01)     returned                        accepted (2026-04-01)
 *   B2    —                         —                               —
 *   RA    —                         approved (2026-01-05)           —
 *
 * So donors see A1 (all quarters), A2 2025Q3, B1 2025Q3 and 2026Q1, RA 2025Q4; A3 only has unapproved data.
 *
 * Values (F/M for SERVED; [numerator, denominator] for SHARE):
 *
 *   indicator (type)   unit  2025Q3      2025Q4       2026Q1
 *   SERVED (sum)       A1    10/5        8/12         7/3
 *                      A2    4/6         2/3
 *                      A3    1/1         3/0
 *                      B1    6/4         5/5          9/11
 *                      RA                2/2
 *   WAIT (average,     A1    10          20           30
 *     lower is better) A2    40          50
 *                      A3    5
 *                      B1    12          99           18
 *   STAGE (last, 0–4)  A1    1           2            3
 *                      A2    2           3
 *                      A3    1           4
 *                      B1    0           1            2
 *   PEAK (max)         A1    30          70           40
 *                      A2    50          90
 *                      B1    60          100          65
 *   OFFICE (count ≥ 1) A1    0           1            1
 *                      A2    1           0
 *                      A3    1
 *                      B1    1                        0
 *   SHARE (ratio)      A1    10/100      30/100
 *                      A2    45/50       0/50
 *                      B1    2/200                    18/200
 *   TRAINED (sum,      A1                12
 *     annual: in Q4)   B1                8
 *
 * Targets and baselines (yearly):
 *
 *   SERVED  target 2025: A1 80, A2 40, B1 40, B2 20; 2026: A1 100, B1 60, B2 20; baseline 2024: A1 60, B1 20
 *   WAIT    target 2025: A1 16, A2 30, B1 14, B2 50; 2026: A1 12, B1 10
 *   STAGE   target 2025: A1 2, A2 2, B1 1; 2026: A1 3, B1 3
 *   PEAK    target 2025: A1 80, B1 60; 2026: A1 90
 *   OFFICE  target 2025: A1 1, A2 1, B1 1, B2 1; 2026: A1 1, B1 1, B2 0
 *   SHARE   target 2025: A1 20, A2 80, B1 10; 2026: B1 10
 *   TRAINED target 2025: A1 20, B1 10; 2026: A1 30
 *
 * Projects: P1 (2025-01-01 … 2026-03-31) covers RA, A1, A2, A3 and measures SERVED and OFFICE (OFFICE is
 * also a regional indicator, so RA is expected to report); P2 (2025-07-15 … 2026-12-31) covers XC, B1, B2
 * and measures WAIT only (local), so the country XC is not expected to report.
 *
 * Users (password FIXTURE_PASSWORD): admin@fixture.test, donor@fixture.test, staff.rb@fixture.test
 * (regional, RB).
 */
export async function buildSmallProgramme(db: Kysely<Database>): Promise<FixtureBuilder> {
  const f = fixtureBuilder(db);
  await f.periods(2024, 2027);
  await f.unit('XC', 'country', null, [10, 10]);
  await f.unit('RA', 'region', 'XC', [11, 11]);
  await f.unit('RB', 'region', 'XC', [12, 12]);
  for (const code of ['A1', 'A2', 'A3']) await f.unit(code, 'municipality', 'RA', [11.5, 11.5]);
  await f.unit('B1', 'municipality', 'RB', [12.5, 12.5]);
  await f.unit('B2', 'municipality', 'RB');

  await f.category('SEX', ['F', 'M']);
  await f.indicator({ code: 'SERVED', valueType: 'integer', aggregationType: 'sum', category: 'SEX' });
  await f.indicator({ code: 'WAIT', valueType: 'number', aggregationType: 'average', direction: 'lower' });
  await f.indicator({ code: 'STAGE', valueType: 'stage', aggregationType: 'last', stageMax: 4 });
  await f.indicator({ code: 'PEAK', valueType: 'integer', aggregationType: 'max' });
  await f.indicator({
    code: 'OFFICE',
    valueType: 'yes_no',
    aggregationType: 'count',
    countThreshold: 1,
    tiers: ['local', 'regional'],
  });
  await f.indicator({ code: 'SHARE', valueType: 'percentage', aggregationType: 'ratio' });
  await f.indicator({ code: 'TRAINED', valueType: 'integer', aggregationType: 'sum', periodicity: 'annual' });

  const reports: [string, string, ReportStatus, string?][] = [
    ['A1', '2025Q3', 'accepted', '2025-10-20T10:00:00.000Z'],
    ['A1', '2025Q4', 'approved', '2026-01-30T23:59:59.000Z'],
    ['A1', '2026Q1', 'approved', '2026-05-01T00:00:01.000Z'],
    ['A2', '2025Q3', 'approved', '2025-11-15T10:00:00.000Z'],
    ['A2', '2025Q4', 'submitted', '2026-01-10T10:00:00.000Z'],
    ['A3', '2025Q3', 'draft'],
    ['A3', '2025Q4', 'submitted', '2026-01-20T10:00:00.000Z'],
    ['B1', '2025Q3', 'approved', '2025-10-01T10:00:00.000Z'],
    ['B1', '2025Q4', 'returned', '2026-01-15T10:00:00.000Z'],
    ['B1', '2026Q1', 'accepted', '2026-04-01T10:00:00.000Z'],
    ['RA', '2025Q4', 'approved', '2026-01-05T10:00:00.000Z'],
  ];
  for (const [unit, period, status, submittedAt] of reports) await f.report(unit, period, status, submittedAt);

  const quarters = ['2025Q3', '2025Q4', '2026Q1'] as const;
  const table: Record<string, Record<string, (ValueSpec | Record<string, ValueSpec> | null)[]>> = {
    SERVED: {
      A1: [
        { F: 10, M: 5 },
        { F: 8, M: 12 },
        { F: 7, M: 3 },
      ],
      A2: [{ F: 4, M: 6 }, { F: 2, M: 3 }, null],
      A3: [{ F: 1, M: 1 }, { F: 3, M: 0 }, null],
      B1: [
        { F: 6, M: 4 },
        { F: 5, M: 5 },
        { F: 9, M: 11 },
      ],
      RA: [null, { F: 2, M: 2 }, null],
    },
    WAIT: { A1: [10, 20, 30], A2: [40, 50, null], A3: [5, null, null], B1: [12, 99, 18] },
    STAGE: { A1: [1, 2, 3], A2: [2, 3, null], A3: [1, 4, null], B1: [0, 1, 2] },
    PEAK: { A1: [30, 70, 40], A2: [50, 90, null], B1: [60, 100, 65] },
    OFFICE: { A1: [0, 1, 1], A2: [1, 0, null], A3: [1, null, null], B1: [1, null, 0] },
    SHARE: {
      A1: [[10, 100], [30, 100], null],
      A2: [[45, 50], [0, 50], null],
      B1: [[2, 200], null, [18, 200]],
    },
    TRAINED: { A1: [null, 12, null], B1: [null, 8, null] },
  };
  for (const [indicator, byUnit] of Object.entries(table)) {
    for (const [unit, row] of Object.entries(byUnit)) {
      for (const [index, cell] of row.entries()) {
        const period = quarters[index];
        if (cell === null || cell === undefined || period === undefined) continue;
        const byOption = typeof cell === 'number' || Array.isArray(cell) ? { TOTAL: cell } : cell;
        await f.values(indicator, unit, period, byOption);
      }
    }
  }

  const targets: [string, string, TargetType, number, number][] = [
    ['SERVED', 'A1', 'target', 2025, 80],
    ['SERVED', 'A2', 'target', 2025, 40],
    ['SERVED', 'B1', 'target', 2025, 40],
    ['SERVED', 'B2', 'target', 2025, 20],
    ['SERVED', 'A1', 'target', 2026, 100],
    ['SERVED', 'B1', 'target', 2026, 60],
    ['SERVED', 'B2', 'target', 2026, 20],
    ['SERVED', 'A1', 'baseline', 2025, 60],
    // An older baseline of the same unit: only the latest (2025) counts, so no expected figure moves.
    ['SERVED', 'A1', 'baseline', 2024, 999],
    ['SERVED', 'B1', 'baseline', 2024, 20],
    ['WAIT', 'A1', 'target', 2025, 16],
    ['WAIT', 'A2', 'target', 2025, 30],
    ['WAIT', 'B1', 'target', 2025, 14],
    ['WAIT', 'B2', 'target', 2025, 50],
    ['WAIT', 'A1', 'target', 2026, 12],
    ['WAIT', 'B1', 'target', 2026, 10],
    ['STAGE', 'A1', 'target', 2025, 2],
    ['STAGE', 'A2', 'target', 2025, 2],
    ['STAGE', 'B1', 'target', 2025, 1],
    ['STAGE', 'A1', 'target', 2026, 3],
    ['STAGE', 'B1', 'target', 2026, 3],
    ['PEAK', 'A1', 'target', 2025, 80],
    ['PEAK', 'B1', 'target', 2025, 60],
    ['PEAK', 'A1', 'target', 2026, 90],
    ['OFFICE', 'A1', 'target', 2025, 1],
    ['OFFICE', 'A2', 'target', 2025, 1],
    ['OFFICE', 'B1', 'target', 2025, 1],
    ['OFFICE', 'B2', 'target', 2025, 1],
    ['OFFICE', 'A1', 'target', 2026, 1],
    ['OFFICE', 'B1', 'target', 2026, 1],
    ['OFFICE', 'B2', 'target', 2026, 0],
    ['SHARE', 'A1', 'target', 2025, 20],
    ['SHARE', 'A2', 'target', 2025, 80],
    ['SHARE', 'B1', 'target', 2025, 10],
    ['SHARE', 'B1', 'target', 2026, 10],
    ['TRAINED', 'A1', 'target', 2025, 20],
    ['TRAINED', 'B1', 'target', 2025, 10],
    ['TRAINED', 'A1', 'target', 2026, 30],
  ];
  for (const [indicator, unit, type, year, value] of targets) await f.target(indicator, unit, type, year, value);

  await f.project('P1', {
    country: 'XC',
    start: '2025-01-01',
    end: '2026-03-31',
    units: ['RA', 'A1', 'A2', 'A3'],
    indicators: ['SERVED', 'OFFICE'],
  });
  await f.project('P2', {
    country: 'XC',
    start: '2025-07-15',
    end: '2026-12-31',
    units: ['XC', 'B1', 'B2'],
    indicators: ['WAIT'],
  });

  await f.user('admin@fixture.test', 'admin', null);
  await f.user('donor@fixture.test', 'donor', null);
  await f.user('staff.rb@fixture.test', 'regional', 'RB');
  return f;
}
