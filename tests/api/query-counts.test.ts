// How many SQL statements each dashboard endpoint issues, so an N+1 (a query per unit, per project, per
// indicator) cannot come back unnoticed. Every endpoint is asked the same question before and after
// the programme grows by a region of twelve reporting municipalities covered by a project: the count
// must not change, and it is pinned, so a change to it is a decision. The public-answer cache is off:
// every request computes. Each request is asked twice of a new app: cold (its metadata memo empty, as
// after any change to the data) and warm (the same request again, the data unchanged).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertBoundary, insertOrgUnit } from '../../db/queries/org-units';
import { insertTranslations } from '../../db/queries/translations';
import { refreshValueCells } from '../../db/queries/value-cells';
import { createApp } from '../../server/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { logQueries, type QueryLog } from '../helpers/query-log';

/** Endpoint → a request whose answer grows with the programme, and the most statements allowed, cold and warm. */
const ENDPOINTS: [name: string, path: string, cold: number, warm: number][] = [
  ['programme summary', '/api/programme/summary?locale=es', 25, 25],
  ['units below a unit', '/api/org-units?parent=PHL&locale=es', 2, 2],
  ['one unit with ancestors and children', '/api/org-units/PHL?locale=es', 3, 3],
  ['projects of a country', '/api/projects?country=PHL&locale=es', 6, 6],
  ['one project', '/api/projects/PHL-BICOL?locale=es', 12, 12],
  ['indicators', '/api/indicators?locale=es', 13, 13],
  ['quarters', '/api/periods?type=quarter', 1, 1],
  ['outlines', '/api/geo/boundaries?parent=PHL&locale=es', 3, 3],
  ['points', '/api/geo/points?parent=PHL&locale=es', 3, 3],
  ['completeness by unit', '/api/completeness?orgUnit=PHL&by=unit&periods=2026Q2', 4, 4],
  ['completeness by quarter', '/api/completeness?orgUnit=PHL&by=period&periods=2026Q1,2026Q2', 3, 3],
  ['analytics, children', '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=unit&periods=2026Q2&locale=es', 18, 2],
  [
    'analytics, every municipality',
    '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=unit&level=municipality&periods=2026Q2&locale=es',
    19,
    2,
  ],
  ['analytics, by quarter', '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=period&periods=2026Q1,2026Q2', 11, 3],
  [
    'analytics, by option',
    '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=option&category=SEX&periods=2026Q2',
    11,
    3,
  ],
];

const NOW = '2026-07-20T00:00:00.000Z';

/**
 * A statement with its parameters anonymised and their lists collapsed: `in ($3, $4, $5)` and
 * `in (?)` read alike. Statements run concurrently arrive in any order, so they are compared sorted.
 */
const shapeOf = (statement: string) => statement.replace(/\$\d+/g, '?').replace(/\(\?(?:, \?)*\)/g, '(…)');
const shapesOf = (statements: readonly string[]) => statements.map(shapeOf).sort().join('\n');

/** A new region of PHL with twelve municipalities (points, Spanish names), its outline, all covered by PHL-BICOL, each with an approved 2026Q2 report and values. */
async function growProgramme(db: TestDatabase['db']): Promise<void> {
  const phl = await db.selectFrom('org_unit').select('id').where('code', '=', 'PHL').executeTakeFirstOrThrow();
  const region = await insertOrgUnit(
    db,
    { code: 'PH-99', name: 'Grown region', kind: 'region', parentId: phl.id, longitude: null, latitude: null },
    NOW,
  );
  await insertBoundary(
    db,
    region.id,
    {
      type: 'Polygon',
      coordinates: [
        [
          [124, 12],
          [125, 12],
          [125, 13],
          [124, 13],
          [124, 12],
        ],
      ],
    },
    'test',
  );
  const project = await db.selectFrom('project').select('id').where('code', '=', 'PHL-BICOL').executeTakeFirstOrThrow();
  const indicator = await db
    .selectFrom('indicator')
    .select(['id', 'disaggregation_id'])
    .where('code', '=', 'MIG_SERVED')
    .executeTakeFirstOrThrow();
  const options = await db
    .selectFrom('disaggregation_option')
    .select('id')
    .where('disaggregation_id', '=', indicator.disaggregation_id)
    .limit(3)
    .execute();
  for (let i = 0; i < 12; i++) {
    const unit = await insertOrgUnit(
      db,
      {
        code: `PH-99-M${i}`,
        name: `Grown town ${i}`,
        kind: 'municipality',
        parentId: region.id,
        longitude: 124.5,
        latitude: 12.5,
      },
      NOW,
    );
    await insertTranslations(db, [
      { entityType: 'org_unit', entityId: unit.id, locale: 'es', field: 'name', value: `Pueblo ${i}` },
    ]);
    await db.insertInto('project_unit').values({ project_id: project.id, org_unit_id: unit.id }).execute();
    for (const period of ['2026Q1', '2026Q2']) {
      await db
        .insertInto('report')
        .values({
          org_unit_id: unit.id,
          period_id: period,
          status: 'approved',
          submitted_at: NOW,
          approved_at: NOW,
          created_at: NOW,
          updated_at: NOW,
        })
        .execute();
      await db
        .insertInto('data_value')
        .values(
          options.map((option) => ({
            indicator_id: indicator.id,
            org_unit_id: unit.id,
            period_id: period,
            option_id: option.id,
            value: 5 + i,
            created_at: NOW,
            updated_at: NOW,
          })),
        )
        .execute();
      await refreshValueCells(db, [{ unitId: unit.id, periodId: period }]);
    }
  }
}

describe.each(ENGINES)('statements per dashboard request on %s', (engine) => {
  let handle: TestDatabase;
  let log: QueryLog;
  let app: ReturnType<typeof createApp>;
  type Statements = { cold: string[]; warm: string[] };
  const before = new Map<string, Statements>();
  const after = new Map<string, Statements>();

  const statementsOf = async (path: string): Promise<Statements> => {
    const fresh = createApp(log.handle, { log: () => {}, responseCache: false });
    const once = async () => {
      log.reset();
      const response = await fresh.request(path);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${text}`);
      return log.statements();
    };
    return { cold: await once(), warm: await once() };
  };

  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    log = logQueries(handle);
    app = createApp(log.handle, { log: () => {}, responseCache: false });
    for (const [, path] of ENDPOINTS) before.set(path, await statementsOf(path));
    await growProgramme(handle.db);
    for (const [, path] of ENDPOINTS) after.set(path, await statementsOf(path));
  }, 180_000);
  afterAll(async () => handle.dispose());

  test.each(ENDPOINTS)(
    '%s: the same statements for a larger programme, at most the pinned number',
    (_name, path, cold, warm) => {
      for (const [state, pinned] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const few = before.get(path)?.[state] ?? [];
        const many = after.get(path)?.[state] ?? [];
        // The same statements; only their lists of ids (`in (?, ?, …)`) may grow.
        expect(shapesOf(many), `${state}, after the programme grew`).toBe(shapesOf(few));
        expect(few.length, `${state}:\n${few.join('\n')}`).toBeLessThanOrEqual(pinned);
      }
    },
  );

  test('the grown region is in the answers (the growth is real)', async () => {
    const response = await app.request(
      '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL&by=unit&level=municipality&periods=2026Q2',
    );
    expect(await response.text()).toContain('PH-99-M11');
  });
});
