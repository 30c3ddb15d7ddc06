// GET /api/indicators: each disaggregation option says which option of every category it stands for,
// so a client builds a sex × age grid from metadata, not from the shape of option codes. On every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, getJson } from '../helpers/app';
import { createMigratedDatabase, createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { buildSmallProgramme } from '../helpers/fixture';

type Option = { code: string; name: string; categoryOptions: Record<string, string> };
type Category = { code: string; name: string; options: { code: string; name: string }[] };
type Indicator = { code: string; disaggregation: { code: string; categories: Category[]; options: Option[] } };
type Row = { key: string; value: number | null };
type Analytics = { rows: Row[] };

describe.each(ENGINES)('disaggregation options and their categories on %s', (engine) => {
  let fixture: TestDatabase;
  let seeded: TestDatabase;
  let small: ReturnType<typeof createTestApp>;
  let demo: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    [fixture, seeded] = await Promise.all([createMigratedDatabase(engine), createSeededDatabase(engine)]);
    await buildSmallProgramme(fixture.db);
    small = createTestApp(fixture);
    demo = createTestApp(seeded);
  }, 120_000);
  afterAll(async () => Promise.all([fixture.dispose(), seeded.dispose()]));

  const indicator = async (app: ReturnType<typeof createTestApp>, code: string, locale = 'en') => {
    const { body } = await getJson<{ items: Indicator[] }>(app, `/api/indicators?locale=${locale}`);
    const found = body.items.find((item) => item.code === code);
    if (!found) throw new Error(`no indicator ${code}`);
    return found;
  };

  test.each<[string, Pick<Option, 'code' | 'categoryOptions'>[]]>([
    [
      'SERVED',
      [
        { code: 'F', categoryOptions: { SEX: 'F' } },
        { code: 'M', categoryOptions: { SEX: 'M' } },
      ],
    ],
    // The default disaggregation: one option, no category.
    ['WAIT', [{ code: 'TOTAL', categoryOptions: {} }]],
  ])('%s', async (code, expected) => {
    const { disaggregation } = await indicator(small, code);
    expect(
      disaggregation.options.map(({ code: option, categoryOptions }) => ({ code: option, categoryOptions })),
    ).toEqual(expected);
  });

  test('sex × age × status: every option names one option of each category, in category order, once', async () => {
    const { disaggregation } = await indicator(demo, 'MIG_SERVED');
    const categories = disaggregation.categories.map((category) => category.code);
    expect(categories).toEqual(['SEX', 'AGE', 'MIG_STATUS']);
    expect(disaggregation.options).toHaveLength(30);
    expect(disaggregation.options.find((option) => option.code === 'F_Y0_17_IMMIGRANT')?.categoryOptions).toEqual({
      SEX: 'F',
      AGE: 'Y0_17',
      MIG_STATUS: 'IMMIGRANT',
    });
    const combinations = new Set<string>();
    for (const option of disaggregation.options) {
      expect(Object.keys(option.categoryOptions), option.code).toEqual(categories);
      for (const category of disaggregation.categories) {
        const chosen = option.categoryOptions[category.code];
        expect(
          category.options.map((candidate) => candidate.code),
          option.code,
        ).toContain(chosen);
      }
      combinations.add(JSON.stringify(option.categoryOptions));
    }
    expect(combinations.size).toBe(30);
  });

  test('the membership does not change with the language; the names do', async () => {
    const [en, es] = await Promise.all([indicator(demo, 'MIG_SERVED'), indicator(demo, 'MIG_SERVED', 'es')]);
    expect(es.disaggregation.options.map((option) => option.categoryOptions)).toEqual(
      en.disaggregation.options.map((option) => option.categoryOptions),
    );
    expect(es.disaggregation.options.map((option) => option.name)).not.toEqual(
      en.disaggregation.options.map((option) => option.name),
    );
  });

  test('a sex × age grid built from the membership adds up to the analytics by category', async () => {
    const { disaggregation } = await indicator(demo, 'MIG_SERVED');
    const path = '/api/analytics?indicator=MIG_SERVED&orgUnit=PH-05&periods=2025&by=option';
    const options = (await getJson<Analytics>(demo, path)).body.rows;
    const membership = new Map(disaggregation.options.map((option) => [option.code, option.categoryOptions]));
    const grid = new Map<string, number>();
    for (const row of options) {
      const of = membership.get(row.key);
      const cell = `${of?.SEX}|${of?.AGE}`;
      grid.set(cell, (grid.get(cell) ?? 0) + (row.value ?? 0));
    }
    expect(grid.size).toBe(6); // F, M × 0–17, 18–59, 60+
    for (const category of ['SEX', 'AGE'] as const) {
      const collapsed = (await getJson<Analytics>(demo, `${path}&category=${category}`)).body.rows;
      for (const row of collapsed) {
        const cells = [...grid].filter(([cell]) => cell.split('|')[category === 'SEX' ? 0 : 1] === row.key);
        expect(row.value, `${category} ${row.key}`).toBe(cells.reduce((sum, [, value]) => sum + value, 0));
      }
    }
  });
});
