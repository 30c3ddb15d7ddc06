// GET /api/analytics for a scorecard in one request: several indicators, a breakdown by the units of a
// level below the scope (by=unit&level=…), a project's covered units only, the bad input that goes with
// them, and the number of SQL statements such a request costs. Figures are computed by hand from the
// small programme of tests/helpers/fixture.ts (its comment has the tables), and cross-checked against
// the single-unit, single-indicator answers on the fixture and the demo seed. On every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, signIn } from '../helpers/app';
import { createMigratedDatabase, createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { buildSmallProgramme, FIXTURE_PASSWORD } from '../helpers/fixture';
import { logQueries, type QueryLog } from '../helpers/query-log';

type Figure = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
  unitsMeeting: number | null;
  share: number | null;
  distribution: { stage: number; label: string | null; units: number }[];
  values: number;
  unapprovedValues: number;
  includesUnapproved: boolean;
  baseline: number | null;
  target: number | null;
  progress: number | null;
};
type Row = Figure & { key: string; name: string; kind: string | null; parentCode: string | null; own: boolean };
type Figures = { indicator: { code: string; aggregationType: string }; total: Figure; rows: Row[] };
type Analytics = Figures & {
  orgUnit: { code: string } | null;
  periods: string[];
  by: string;
  level: string | null;
  project: { code: string; name: string } | null;
  indicators: Figures[];
};
type ErrorBody = {
  error: {
    code: string;
    message: string;
    details?: { field: string; message: string; allowed?: string[]; unknown?: string[] }[];
  };
};

type Reader = 'donor' | 'admin' | 'staff';
type App = ReturnType<typeof createTestApp>;

const RANGE = 'periods=2025Q3..2026Q1';
const ALL = 'SERVED,WAIT,STAGE,PEAK,OFFICE,SHARE,TRAINED';
const close = (value: number) => expect.closeTo(value, 9);

async function read<T = Analytics>(app: App, path: string, cookie?: string): Promise<{ status: number; body: T }> {
  const response = await app.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, body: (await response.json()) as T };
}

/** The start of each statement, for a failure message. */
const outline = (statements: string[]) => statements.map((statement) => statement.slice(0, 120)).join('\n');

/** [value, target] per row key, '(own)' for the row of values above the level. */
function valueTargets(figures: Figures): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    figures.rows.map((row) => [row.own ? `(own) ${row.key}` : row.key, [row.value, row.target]]),
  );
}

describe.each(ENGINES)('analytics breakdowns on a hand-built programme on %s', (engine) => {
  let handle: TestDatabase;
  let app: App;
  let cookies: Record<Reader, string>;
  beforeAll(async () => {
    handle = await createMigratedDatabase(engine);
    await buildSmallProgramme(handle.db);
    app = createTestApp(handle);
    cookies = {
      donor: await signIn(app, 'donor@fixture.test', FIXTURE_PASSWORD),
      admin: await signIn(app, 'admin@fixture.test', FIXTURE_PASSWORD),
      staff: await signIn(app, 'staff.rb@fixture.test', FIXTURE_PASSWORD),
    };
  }, 120_000);
  afterAll(async () => handle.dispose());

  const analytics = (query: string, reader: Reader = 'donor') => read(app, `/api/analytics?${query}`, cookies[reader]);

  // XC's municipalities, 2025Q3..2026Q1, as a donor sees them (approved and accepted reports only).
  test.each<[string, Record<string, [unknown, unknown]>]>([
    [
      // A1 15+20+10, target 80·2/4 + 100/4; A2 2025Q3 only, target 40·2/4; A3 nothing approved, no target;
      // B1 2025Q3 + 2026Q1, target 40·2/4 + 60/4; B2 no values, target 20·2/4 + 20/4. RA's own 4 (2025Q4) is
      // above the level: it gets the scope's own row.
      'SERVED',
      {
        '(own) XC': [4, null],
        A1: [45, 65],
        A2: [10, 20],
        A3: [null, null],
        B1: [30, 35],
        B2: [null, 15],
      },
    ],
    [
      // each unit's mean over its approved quarters; targets over the same unit-quarters (B2 reported none)
      'WAIT',
      { A1: [20, close(44 / 3)], A2: [40, 30], A3: [null, null], B1: [15, 12], B2: [null, null] },
    ],
    // the latest approved stage and the target of that quarter's year
    ['STAGE', { A1: [3, 3], A2: [2, 2], A3: [null, null], B1: [2, 3], B2: [null, null] }],
    // the largest approved quarter (B1's 100 is in its returned 2025Q4); targets of every quarter in range
    ['PEAK', { A1: [70, 90], A2: [50, null], A3: [null, null], B1: [65, 60], B2: [null, null] }],
    // 1 when the latest approved value meets the threshold; the target of the latest quarter with one
    ['OFFICE', { A1: [1, 1], A2: [1, 1], A3: [null, null], B1: [0, 1], B2: [null, 0] }],
    // Σ numerator / Σ denominator: A1 40/200, A2 45/50, B1 20/400; targets weighted by those denominators
    ['SHARE', { A1: [20, 20], A2: [90, 80], A3: [null, null], B1: [5, 10], B2: [null, null] }],
    // annual, reported in Q4: B1's 2025Q4 report was returned
    ['TRAINED', { A1: [12, 20], A2: [null, null], A3: [null, null], B1: [null, 10], B2: [null, null] }],
  ])('by level, every indicator in one request: %s', async (code, expected) => {
    const { status, body } = await analytics(`indicator=${ALL}&orgUnit=XC&${RANGE}&by=unit&level=municipality`);
    expect(status).toBe(200);
    expect(body.level).toBe('municipality');
    expect(body.indicators.map((figures) => figures.indicator.code)).toEqual(ALL.split(','));
    const figures = body.indicators.find((entry) => entry.indicator.code === code);
    expect(figures && valueTargets(figures)).toEqual(expected);
  });

  test('by level: rows name their kind and parent; the first indicator is also the top-level answer', async () => {
    const { body } = await analytics(`indicator=SERVED,OFFICE&orgUnit=XC&${RANGE}&by=unit&level=municipality`);
    expect(body.rows.map((row) => [row.key, row.kind, row.parentCode, row.own])).toEqual([
      ['XC', 'country', null, true],
      ['A1', 'municipality', 'RA', false],
      ['A2', 'municipality', 'RA', false],
      ['A3', 'municipality', 'RA', false],
      ['B1', 'municipality', 'RB', false],
      ['B2', 'municipality', 'RB', false],
    ]);
    expect(body.indicators[0]).toEqual({ indicator: body.indicator, total: body.total, rows: body.rows });
    // Count: A1 and A2 meet the threshold of the three that reported; B1 does not.
    expect(body.indicators[1]?.rows.find((row) => row.key === 'B1')).toMatchObject({
      unitsMeeting: 0,
      share: 0,
      unitsReporting: 1,
    });
    expect(body.indicators[1]?.total).toMatchObject({ value: 2, unitsReporting: 3, share: close((2 / 3) * 100) });
  });

  test.each<[Reader, Record<string, [unknown, unknown]>, Partial<Figure>]>([
    // + A2 2025Q4 (5), A3's draft and submitted quarters (5), B1's returned 2025Q4 (10)
    [
      'admin',
      { '(own) XC': [4, null], A1: [45, 65], A2: [15, 20], A3: [5, null], B1: [40, 35], B2: [null, 15] },
      { value: 109, unapprovedValues: 8 },
    ],
    // staff of RB: unapproved values of RB's subtree only
    [
      'staff',
      { '(own) XC': [4, null], A1: [45, 65], A2: [10, 20], A3: [null, null], B1: [40, 35], B2: [null, 15] },
      { value: 99, unapprovedValues: 2 },
    ],
  ])('by level, visibility by role (%s)', async (reader, expected, total) => {
    const { body } = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=unit&level=municipality`, reader);
    expect(valueTargets(body)).toEqual(expected);
    expect(body.total).toMatchObject({ ...total, includesUnapproved: true });
    const flagged = body.rows.filter((row) => row.includesUnapproved).map((row) => row.key);
    expect(flagged).toEqual(reader === 'admin' ? ['A2', 'A3', 'B1'] : ['B1']);
  });

  test.each(ALL.split(','))(
    "by level, %s: each row is that unit's own answer, and the total the scope's",
    async (code) => {
      const { body } = await analytics(`indicator=${code}&orgUnit=XC&${RANGE}&by=unit&level=municipality`, 'admin');
      const alone = await analytics(`indicator=${code}&orgUnit=XC&${RANGE}`, 'admin');
      expect(body.total).toEqual(alone.body.total);
      for (const row of body.rows.filter((candidate) => !candidate.own)) {
        const { key, name, kind, parentCode, own, ...figure } = row;
        const unit = await analytics(`indicator=${code}&orgUnit=${key}&${RANGE}`, 'admin');
        expect(figure, key).toEqual(unit.body.total);
      }
    },
  );

  test('by level under a region, and over the whole programme', async () => {
    const ra = await analytics(`indicator=SERVED&orgUnit=RA&${RANGE}&by=unit&level=municipality`);
    expect(valueTargets(ra.body)).toEqual({ '(own) RA': [4, null], A1: [45, 65], A2: [10, 20], A3: [null, null] });
    // Without orgUnit, values above the level (RA's own) count in the total but have no row.
    const programme = await analytics(`indicator=SERVED&${RANGE}&by=unit&level=municipality`);
    expect(programme.body.orgUnit).toBeNull();
    expect(programme.body.rows.map((row) => row.key)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    expect(programme.body.total).toMatchObject({ value: 89, target: 135 });
    const regions = await analytics(`indicator=SERVED&${RANGE}&by=unit&level=region`);
    expect(valueTargets(regions.body)).toEqual({ RA: [59, 85], RB: [30, 50] });
  });

  test.each<[string, string, string, Record<string, [unknown, unknown]>, Partial<Figure>]>([
    // P1 covers RA, A1, A2, A3: RA's own 4 + A1 45 + A2 10; targets A1 65 + A2 20; baseline A1's
    ['P1', 'SERVED', '', {}, { value: 59, target: 85, baseline: 45, unitsReporting: 3 }],
    ['P1', 'SERVED', '&by=unit', { RA: [59, 85] }, { value: 59 }],
    [
      'P1',
      'SERVED',
      '&by=unit&level=municipality',
      { '(own) XC': [4, null], A1: [45, 65], A2: [10, 20], A3: [null, null] },
      { value: 59 },
    ],
    // P2 covers XC itself, B1 and B2: B1 30, targets B1 35 + B2 15
    ['P2', 'SERVED', '&by=unit', { RB: [30, 50] }, { value: 30, target: 50, baseline: 15 }],
    ['P2', 'SERVED', '&by=unit&level=municipality', { B1: [30, 35], B2: [null, 15] }, { value: 30 }],
    // average over the covered units only: (A1 20 + A2 40) / 2, targets (44/3 + 30) / 2
    ['P1', 'WAIT', '', {}, { value: 30, target: close((44 / 3 + 30) / 2) }],
    ['P2', 'WAIT', '&by=unit&level=municipality', { B1: [15, 12], B2: [null, null] }, { value: 15, target: 12 }],
  ])('project %s, %s%s: only the covered units count', async (project, code, breakdown, rows, total) => {
    const { status, body } = await analytics(`indicator=${code}&orgUnit=XC&${RANGE}&project=${project}${breakdown}`);
    expect(status).toBe(200);
    expect(body.project).toEqual({ code: project, name: `Project ${project}` });
    expect(valueTargets(body)).toEqual(rows);
    expect(body.total).toMatchObject(total);
  });

  test.each([
    ['none', ''],
    ['unit', '&by=unit'],
    ['level', '&by=unit&level=municipality'],
    ['period', '&by=period'],
    ['project', '&by=unit&project=P1'],
  ])('several indicators answer as each alone (%s)', async (_name, breakdown) => {
    const { body } = await analytics(`indicator=${ALL}&orgUnit=XC&${RANGE}${breakdown}`, 'admin');
    expect(body.indicators).toHaveLength(7);
    for (const figures of body.indicators) {
      const alone = await analytics(`indicator=${figures.indicator.code}&orgUnit=XC&${RANGE}${breakdown}`, 'admin');
      expect(figures, figures.indicator.code).toEqual({
        indicator: alone.body.indicator,
        total: alone.body.total,
        rows: alone.body.rows,
      });
    }
  });

  test('a code named twice counts once; a category shared by every indicator collapses their options', async () => {
    const twice = await analytics(`indicator=SERVED,SERVED&orgUnit=XC&${RANGE}`);
    expect(twice.body.indicators.map((figures) => figures.indicator.code)).toEqual(['SERVED']);
    const bySex = await analytics(`indicator=SERVED&orgUnit=XC&${RANGE}&by=option&category=SEX`);
    expect(bySex.body.indicators[0]?.rows.map((row) => [row.key, row.value])).toEqual([
      ['F', 46],
      ['M', 43],
    ]);
  });

  test.each<[string, number, string, string, Record<string, unknown>?]>([
    ['indicator=SERVED,NOPE,ZIP&orgUnit=XC', 404, 'indicator_not_found', 'NOPE', { unknown: ['NOPE', 'ZIP'] }],
    ['indicator=SERVED&orgUnit=XC&project=NOPE', 404, 'project_not_found', 'NOPE'],
    ['indicator=SERVED&orgUnit=NOPE&by=unit&level=municipality', 404, 'org_unit_not_found', 'NOPE'],
    ['indicator=SERVED,WAIT&orgUnit=XC&by=option', 400, 'invalid_breakdown', 'WAIT', { field: 'by' }],
    [
      'indicator=SERVED&orgUnit=RA&by=unit&level=region',
      400,
      'invalid_level',
      'municipality',
      { field: 'level', allowed: ['municipality'] },
    ],
    [
      'indicator=SERVED&orgUnit=XC&by=unit&level=country',
      400,
      'invalid_level',
      'region, municipality',
      { field: 'level', allowed: ['region', 'municipality'] },
    ],
    [
      'indicator=SERVED&by=unit&level=province',
      400,
      'invalid_level',
      'the programme',
      { field: 'level', allowed: ['country', 'region', 'municipality'] },
    ],
    [
      'indicator=SERVED&orgUnit=A1&by=unit&level=municipality',
      400,
      'invalid_level',
      'A1 has no units below it',
      { field: 'level', allowed: [] },
    ],
    ['indicator=SERVED&orgUnit=XC&level=municipality', 400, 'invalid_level', 'by=unit', { field: 'level' }],
    ['indicator=SERVED&orgUnit=XC&by=period&level=municipality', 400, 'invalid_level', 'by=unit'],
  ])('%s → %i %s', async (query, status, code, mentioned, detail) => {
    const { status: actual, body } = await read<ErrorBody>(app, `/api/analytics?${query}`);
    expect(actual).toBe(status);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(mentioned);
    if (detail) expect(body.error.details?.[0]).toMatchObject(detail);
  });

  test.each([
    ['indicator=,', 'indicator'],
    [`indicator=${Array.from({ length: 51 }, (_, i) => `I${i}`).join(',')}`, 'indicator'],
    [`indicator=SERVED,${'X'.repeat(65)}`, 'indicator'],
    ['indicator=SERVED&by=unit&level=village', 'level'],
    ['indicator=SERVED&project=', 'project'],
    ['indicator=SERVED,WAIT&by=unit&level=municipality&periods=2026Q1..2025Q1', 'periods'],
    ['indicator=SERVED,WAIT&by=unit&level=municipality&periods=2025Q5', 'periods'],
    ['indicator=SERVED,WAIT&by=unit&level=municipality&periods=1995..2030', 'periods'],
  ])('%s → 400 naming %s', async (query, field) => {
    const { status, body } = await read<ErrorBody>(app, `/api/analytics?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details?.some((detail) => detail.field === field)).toBe(true);
    expect(body.error.message).toContain(field);
  });
});

describe.each(ENGINES)('a scorecard request on the demo programme on %s', (engine) => {
  let seeded: TestDatabase;
  let log: QueryLog;
  let app: App;
  let all: { code: string; aggregationType: string; periodicity: string; tiers: string[] }[];
  beforeAll(async () => {
    seeded = await createSeededDatabase(engine);
    log = logQueries(seeded);
    app = createTestApp(log.handle);
    all = (await read<{ items: typeof all }>(app, '/api/indicators')).body.items;
  }, 120_000);
  afterAll(async () => seeded.dispose());

  /**
   * The statements one request executes on a new app, its metadata memo empty as after any change to the
   * data (an anonymous reader: no session lookup); with `warm`, those of the same request asked again
   * (the public-answer cache off: the answer is computed).
   */
  async function statementsOf(query: string, warm = false): Promise<string[]> {
    const fresh = createTestApp(log.handle, { responseCache: !warm });
    if (warm) await read(fresh, `/api/analytics?${query}`);
    log.reset();
    const { status } = await read(fresh, `/api/analytics?${query}`);
    expect(status, query).toBe(200);
    return log.statements();
  }

  test('Bicol: every municipality × every local indicator of the project, as the one-by-one answers', async () => {
    const local = all.filter((indicator) => indicator.tiers.includes('local')).map((indicator) => indicator.code);
    const query = `orgUnit=PH-05&by=unit&level=municipality&project=PHL-BICOL&periods=2026`;
    const { body } = await read(app, `/api/analytics?indicator=${local.join(',')}&${query}`);
    expect(body.indicators).toHaveLength(local.length);
    const municipalities = body.rows.filter((row) => !row.own);
    expect(municipalities).toHaveLength(10); // the ten the project covers, across Albay, Camarines Sur, Sorsogon
    expect(new Set(municipalities.map((row) => row.parentCode))).toEqual(new Set(['PH-ALB', 'PH-CAS', 'PH-SOR']));
    for (const code of ['MIG_SERVED', 'MIG_COUNCIL', 'LDP_STAGE']) {
      const figures = body.indicators.find((entry) => entry.indicator.code === code);
      expect(
        figures?.rows.some((row) => row.value !== null),
        code,
      ).toBe(true);
      for (const row of figures?.rows.filter((candidate) => !candidate.own) ?? []) {
        const { key, name, kind, parentCode, own, ...figure } = row;
        const alone = await read(app, `/api/analytics?indicator=${code}&orgUnit=${key}&periods=2026`);
        expect(figure, `${code} ${key}`).toEqual(alone.body.total);
      }
    }
  });

  test('the number of SQL statements depends on neither the units nor the indicators', async () => {
    const sums = all.filter((i) => i.aggregationType === 'sum' && i.periodicity === 'quarterly').map((i) => i.code);
    const shapes = new Set(all.map((indicator) => `${indicator.aggregationType}/${indicator.periodicity}`));
    expect(sums.length).toBeGreaterThan(5);
    expect(shapes.size).toBeGreaterThan(3);
    const scorecard = (codes: string[], orgUnit: string) =>
      statementsOf(`indicator=${codes.join(',')}&orgUnit=${orgUnit}&by=unit&level=municipality&periods=2025`);

    const one = await scorecard(['MIG_SERVED'], 'PH-05');
    // Same aggregation type: the same statements, whatever the number of indicators…
    expect(await scorecard(sums, 'PH-05')).toHaveLength(one.length);
    // …and of units: 10 municipalities in Bicol, 14 in the Philippines.
    expect(await scorecard(sums, 'PHL')).toHaveLength(one.length);
    // Every indicator of the demo: one more statement per other aggregation shape, not per indicator.
    const everything = await scorecard(
      all.map((indicator) => indicator.code),
      'PHL',
    );
    expect(everything.length, outline(everything)).toBe(one.length + shapes.size - 1);
    // By period a shape takes two statements (the breakdown, and the total over the whole range).
    const byPeriod = await statementsOf(`indicator=${sums.join(',')}&orgUnit=PHL&by=period&periods=2025`);
    expect(byPeriod.length).toBeLessThanOrEqual(one.length + 1);
    // What that constant is, so a change to it is a decision: the aggregate, and metadata lookups.
    // The aggregate reads the value_cell roll-up, never the values themselves.
    expect(one.filter((statement) => statement.includes('value_cell'))).toHaveLength(1);
    expect(one.filter((statement) => statement.includes('data_value'))).toHaveLength(0);
    expect(one.length, outline(one)).toBeLessThanOrEqual(20);
    // Asked again, the data unchanged: the data generation and the aggregate; the metadata is remembered.
    const again = await statementsOf(
      `indicator=MIG_SERVED&orgUnit=PH-05&by=unit&level=municipality&periods=2025`,
      true,
    );
    expect(again.map((statement) => statement.slice(0, 60)).sort(), outline(again)).toEqual([
      expect.stringContaining('data_generation'),
      expect.stringMatching(/^with "raw_cell"/),
    ]);
  });
});

describe('the OpenAPI document of GET /api/analytics', () => {
  type Parameter = {
    name: string;
    in: string;
    description?: string;
    schema?: { enum?: string[]; example?: unknown };
  };
  type Operation = {
    summary: string;
    description: string;
    parameters: Parameter[];
    responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: Analytics }> }> }>;
  };
  let operation: Operation;
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createMigratedDatabase('sqlite');
    const document = (
      await read<{ paths: Record<string, { get: Operation }> }>(createTestApp(handle), '/api/openapi.json')
    ).body;
    operation = document.paths['/api/analytics']?.get as Operation;
  });
  afterAll(async () => handle.dispose());

  test.each(['indicator', 'level', 'project'])('describes the %s parameter, with an example', (name) => {
    const parameter = operation.parameters.find((candidate) => candidate.name === name);
    expect(parameter?.in).toBe('query');
    expect(parameter?.description?.length).toBeGreaterThan(40);
    expect(parameter?.schema?.example).toBeDefined();
  });

  test('level takes the unit kinds; the summary and the errors say what is new', () => {
    const level = operation.parameters.find((candidate) => candidate.name === 'level');
    expect(level?.schema?.enum).toEqual(['country', 'region', 'province', 'municipality']);
    expect(operation.summary).toMatch(/level/);
    for (const code of ['indicator_not_found', 'project_not_found', 'invalid_level', 'invalid_breakdown']) {
      expect(operation.description).toContain(code);
    }
  });

  test('a scorecard example answers two indicators by municipality with the same rows', () => {
    const examples = operation.responses['200']?.content?.['application/json']?.examples ?? {};
    const scorecard = examples.scorecard?.value;
    expect(scorecard?.level).toBe('municipality');
    expect(scorecard?.indicators.map((figures) => figures.indicator.code)).toEqual(['MIG_SERVED', 'MIG_COUNCIL']);
    const keys = scorecard?.indicators.map((figures) => figures.rows.map((row) => row.key));
    expect(keys?.[0]).toEqual(keys?.[1]);
    expect(scorecard?.indicators[0]?.rows).toEqual(scorecard?.rows);
    expect(examples.children?.value.indicators).toHaveLength(1);
  });
});
