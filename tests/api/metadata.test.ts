// Org units, indicators, projects and periods through the real app, on every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, getJson } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type Unit = { code: string; name: string; kind: string; level: number; tier: string; parentCode: string | null };
type ErrorBody = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

describe.each(ENGINES)('metadata API on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('GET /api/health names the engine', async () => {
    const { status, body } = await getJson(app, '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', database: engine, version: 'test' });
  });

  test('org units by level, by parent and by name', async () => {
    const countries = await getJson<{ items: Unit[] }>(app, '/api/org-units?level=1');
    expect(countries.body.items.map((unit) => unit.code).sort()).toEqual([
      'CRI',
      'ECU',
      'MAR',
      'NPL',
      'PHL',
      'SEN',
      'SLV',
      'TUN',
    ]);
    expect(countries.body.items.every((unit) => unit.tier === 'national' && unit.parentCode === null)).toBe(true);

    const bicol = await getJson<{ items: Unit[] }>(app, '/api/org-units?parent=PH-05');
    expect(bicol.body.items.map((unit) => unit.code).sort()).toEqual(expect.arrayContaining(['PH-CAS', 'PH-ALB']));
    expect(bicol.body.items.every((unit) => unit.parentCode === 'PH-05')).toBe(true);

    const search = await getJson<{ items: Unit[] }>(app, '/api/org-units?q=NAGA');
    expect(search.body.items.map((unit) => unit.code)).toContain('PHL-naga-city');
    expect(search.body.items.every((unit) => unit.name.toLowerCase().includes('naga'))).toBe(true);
    // % and _ are matched literally, not as wildcards that would match every name.
    for (const wildcard of ['%25', '_']) {
      const none = await getJson<{ items: Unit[] }>(app, `/api/org-units?q=${wildcard}`);
      expect(none.body.items).toEqual([]);
    }
  });

  test('one unit with its ancestors root first and its children', async () => {
    const naga = await getJson<{ unit: Unit; ancestors: Unit[]; children: Unit[] }>(
      app,
      '/api/org-units/PHL-naga-city',
    );
    expect(naga.status).toBe(200);
    expect(naga.body.unit).toMatchObject({
      code: 'PHL-naga-city',
      name: 'Naga City',
      kind: 'municipality',
      tier: 'local',
      level: 4,
    });
    expect(naga.body.ancestors.map((unit) => unit.code)).toEqual(['PHL', 'PH-05', 'PH-CAS']);
    expect(naga.body.children).toEqual([]);

    const cas = await getJson<{ unit: Unit; children: Unit[] }>(app, '/api/org-units/PH-CAS');
    expect(cas.body.children.map((unit) => unit.code)).toContain('PHL-naga-city');
  });

  test('names follow ?locale=', async () => {
    const fr = await getJson<{ unit: Unit }>(app, '/api/org-units/MAR?locale=fr');
    expect(fr.body.unit.name).toBe('Maroc');
    const es = await getJson<{ unit: Unit }>(app, '/api/org-units/MAR?locale=es');
    expect(es.body.unit.name).toBe('Marruecos');
    const en = await getJson<{ unit: Unit }>(app, '/api/org-units/MAR');
    expect(en.body.unit.name).toBe('Morocco');
  });

  test('indicators with disaggregation options, filtered by tier, translated', async () => {
    type Indicator = {
      code: string;
      name: string;
      tiers: string[];
      disaggregation: { code: string; options: { code: string; name: string }[]; categories: { code: string }[] };
    };
    const all = await getJson<{ items: Indicator[] }>(app, '/api/indicators');
    const served = all.body.items.find((indicator) => indicator.code === 'MIG_SERVED');
    expect(served?.disaggregation.categories.map((category) => category.code)).toEqual(['SEX', 'AGE', 'MIG_STATUS']);
    expect(served?.disaggregation.options).toHaveLength(2 * 3 * 5);
    const council = all.body.items.find((indicator) => indicator.code === 'MIG_COUNCIL');
    expect(council?.disaggregation.options.map((option) => option.code)).toEqual(['TOTAL']);

    const national = await getJson<{ items: Indicator[] }>(app, '/api/indicators?tier=national');
    expect(national.body.items.length).toBeGreaterThan(0);
    expect(national.body.items.every((indicator) => indicator.tiers.includes('national'))).toBe(true);
    expect(national.body.items.length).toBeLessThan(all.body.items.length);

    const fr = await getJson<{ items: Indicator[] }>(app, '/api/indicators?locale=fr');
    const servedFr = fr.body.items.find((indicator) => indicator.code === 'MIG_SERVED');
    expect(servedFr?.name).not.toBe(served?.name);
    expect(servedFr?.disaggregation.options[0]?.name).toBe('Femme / 0 à 17 ans / Personne immigrée');
  });

  test('projects, by country, and one with its results framework and covered units', async () => {
    type Project = { code: string; illustrative: boolean; country: { code: string }; coveredUnitCount: number };
    const all = await getJson<{ items: Project[] }>(app, '/api/projects');
    expect(all.body.items).toHaveLength(15);
    const phl = await getJson<{ items: Project[] }>(app, '/api/projects?country=PHL');
    expect(phl.body.items.length).toBeGreaterThan(0);
    expect(phl.body.items.every((project) => project.country.code === 'PHL')).toBe(true);

    type Detail = {
      project: Project;
      results: { code: string; indicators: { code: string }[] }[];
      coveredUnits: Unit[];
    };
    const bicol = await getJson<Detail>(app, '/api/projects/PHL-BICOL');
    expect(bicol.status).toBe(200);
    expect(bicol.body.project.illustrative).toBe(false);
    expect(bicol.body.results.length).toBeGreaterThanOrEqual(2);
    expect(bicol.body.results.every((result) => result.indicators.length > 0)).toBe(true);
    expect(bicol.body.coveredUnits.map((unit) => unit.code)).toEqual(
      expect.arrayContaining(['PHL', 'PH-05', 'PHL-naga-city']),
    );
    expect(bicol.body.coveredUnits).toHaveLength(bicol.body.project.coveredUnitCount);
  });

  test('periods with deadlines; the reporting quarter is the last complete one', async () => {
    type Periods = { items: { id: string; type: string; deadline: string | null }[]; reporting: string; today: string };
    const { body } = await getJson<Periods>(app, '/api/periods?type=quarter&from=2026-01-01&to=2026-12-31');
    expect(body.items.map((period) => period.id)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(body.items[2]?.deadline).toBe('2026-10-30');
    expect(body.reporting).toBe('2026Q3');
    expect(body.today).toBe('2026-11-28');
  });

  test.each([
    ['/api/org-units/NOPE', 404, 'org_unit_not_found'],
    ['/api/projects/NOPE', 404, 'project_not_found'],
    ['/api/projects?country=PH-05', 404, 'country_not_found'],
    ['/api/data-values?indicator=NOPE', 404, 'indicator_not_found'],
    ['/api/data-values?orgUnit=NOPE', 404, 'org_unit_not_found'],
  ])('%s → %i %s', async (path, status, code) => {
    const response = await getJson<ErrorBody>(app, path);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toMatch(/NOPE|PH-05/);
  });

  test.each([
    ['/api/org-units?level=abc', 'level'],
    ['/api/org-units?level=0', 'level'],
    ['/api/org-units?kind=galaxy', 'kind'],
    ['/api/org-units?locale=de', 'locale'],
    ['/api/indicators?tier=planetary', 'tier'],
    ['/api/periods?from=28/11/2026', 'from'],
    ['/api/data-values?periods=2026-Q1', 'periods'],
    ['/api/data-values?limit=-5', 'limit'],
    ['/api/data-values?children=maybe', 'children'],
    [`/api/org-units?q=${'x'.repeat(500)}`, 'q'],
  ])('%s → 400 naming %s', async (path, field) => {
    const response = await getJson<ErrorBody>(app, path);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.details?.some((detail) => detail.field.split('.')[0] === field)).toBe(true);
    expect(response.body.error.message).toContain(field);
  });
});
