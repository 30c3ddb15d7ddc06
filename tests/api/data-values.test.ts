import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, getJson } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type Values = {
  total: number;
  items: {
    indicator: string;
    orgUnit: string;
    period: string;
    option: string;
    value: number;
    reportStatus: string | null;
  }[];
};

describe.each(ENGINES)('data values and programme summary on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('anonymous readers get approved and accepted values only', async () => {
    const { body } = await getJson<Values>(app, '/api/data-values?orgUnit=PHL&children=true&limit=10000');
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((item) => item.reportStatus))).toEqual(new Set(['approved', 'accepted']));

    // Naga City's latest report was returned: its values exist but are not public.
    const stored = await handle.db
      .selectFrom('data_value as dv')
      .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
      .select('dv.id')
      .where('u.code', '=', 'PHL-naga-city')
      .where('dv.period_id', '=', '2026Q3')
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    const naga = await getJson<Values>(app, '/api/data-values?orgUnit=PHL-naga-city&periods=2026Q3');
    expect(naga.body.total).toBe(0);
  });

  test('a subtree includes units below; without children only the unit itself', async () => {
    const subtree = await getJson<Values>(
      app,
      '/api/data-values?orgUnit=PH-05&children=true&indicator=MIG_SERVED&limit=10000',
    );
    const units = new Set(subtree.body.items.map((item) => item.orgUnit));
    expect(units.size).toBeGreaterThan(3);
    const own = await getJson<Values>(app, '/api/data-values?orgUnit=PH-05&indicator=MIG_SERVED');
    expect(own.body.total).toBe(0); // the regional council does not report people served itself
    expect(subtree.body.items.every((item) => item.indicator === 'MIG_SERVED')).toBe(true);
  });

  test('filters by periods, pages with limit/offset and reports the total', async () => {
    const first = await getJson<Values>(app, '/api/data-values?periods=2025Q1,2025Q2&limit=50');
    expect(first.body.items).toHaveLength(50);
    expect(first.body.total).toBeGreaterThan(50);
    expect(first.body.items.every((item) => ['2025Q1', '2025Q2'].includes(item.period))).toBe(true);
    const second = await getJson<Values>(app, '/api/data-values?periods=2025Q1,2025Q2&limit=50&offset=50');
    expect(second.body.total).toBe(first.body.total);
    expect(second.body.items[0]).not.toEqual(first.body.items[0]);
  });

  test('the programme summary adds approved values of additive headline indicators', async () => {
    type Summary = {
      demo: boolean;
      totals: {
        countries: number;
        municipalities: number;
        projects: number;
        illustrativeProjects: number;
        budget: number;
      };
      headline: { indicator: { code: string; aggregationType: string }; value: number | null }[];
      countries: { code: string; projects: number; municipalities: number; budget: number }[];
    };
    const { status, body } = await getJson<Summary>(app, '/api/programme/summary');
    expect(status).toBe(200);
    expect(body.demo).toBe(true);
    expect(body.totals).toMatchObject({ countries: 8, projects: 15, illustrativeProjects: 11 });
    expect(body.countries.reduce((sum, country) => sum + country.projects, 0)).toBe(15);
    expect(body.countries.reduce((sum, country) => sum + country.municipalities, 0)).toBe(body.totals.municipalities);
    expect(body.countries.reduce((sum, country) => sum + country.budget, 0)).toBeCloseTo(body.totals.budget);

    // Recompute the people-served figure from the raw rows the long way.
    const raw = await handle.db
      .selectFrom('data_value as dv')
      .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
      .innerJoin('report as r', (join) =>
        join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
      )
      .select(['dv.value', 'r.status'])
      .where('i.code', '=', 'MIG_SERVED')
      .execute();
    const expected = raw
      .filter((row) => row.status === 'approved' || row.status === 'accepted')
      .reduce((sum, row) => sum + row.value, 0);
    const everything = raw.reduce((sum, row) => sum + row.value, 0);
    const served = body.headline.find((figure) => figure.indicator.code === 'MIG_SERVED');
    expect(served?.value).toBe(expected);
    expect(expected).toBeLessThan(everything);
    expect(body.headline.map((figure) => figure.indicator.code)[0]).toBe('MIG_SERVED');
  });
});
