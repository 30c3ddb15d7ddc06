// Integrity of the demo programme, on every engine: the tree, the maps, the metadata and the reports.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AreaGeometry, containsPoint } from '../../db/geometry';
import { ancestorIdsOf } from '../../db/queries/org-units';
import { REPORT_STATUSES } from '../../db/schema';
import { QUARTERS_OF_DATA, seedDemo } from '../../db/seed/demo';
import {
  createMigratedDatabase,
  createSeededDatabase,
  ENGINES,
  TEST_AS_OF,
  type TestDatabase,
} from '../helpers/database';

describe.each(ENGINES)('demo seed on %s', (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('the eight JMDI countries, each with regions and at least 6 municipalities; 60+ municipalities in all', async () => {
    const units = await handle.db.selectFrom('org_unit').select(['id', 'code', 'kind', 'path']).execute();
    const countries = units
      .filter((unit) => unit.kind === 'country')
      .map((unit) => unit.code)
      .sort();
    expect(countries).toEqual(['CRI', 'ECU', 'MAR', 'NPL', 'PHL', 'SEN', 'SLV', 'TUN']);
    const municipalities = units.filter((unit) => unit.kind === 'municipality');
    expect(municipalities.length).toBeGreaterThanOrEqual(60);
    for (const country of units.filter((unit) => unit.kind === 'country')) {
      const inside = (kind: string) =>
        units.filter((unit) => unit.kind === kind && unit.path.startsWith(country.path)).length;
      expect(inside('region'), country.code).toBeGreaterThan(0);
      expect(inside('municipality'), country.code).toBeGreaterThanOrEqual(6);
    }
  });

  test("every unit's parent chain reaches its country, and path and level agree with it", async () => {
    const units = await handle.db
      .selectFrom('org_unit')
      .select(['id', 'code', 'kind', 'level', 'parent_id', 'path'])
      .execute();
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const unit of units) {
      const chain = [unit.id];
      let current = unit;
      while (current.parent_id !== null) {
        const parent = byId.get(current.parent_id);
        expect(parent, `${unit.code} has a dangling parent`).toBeDefined();
        if (!parent) break;
        chain.unshift(parent.id);
        current = parent;
      }
      expect(current.kind, `${unit.code}'s root`).toBe('country');
      expect(ancestorIdsOf(unit.path)).toEqual(chain);
      expect(unit.level).toBe(chain.length);
    }
  });

  test("every municipality lies inside its region's polygon (coastal GeoNames points within 2 km)", async () => {
    const rows = await handle.db
      .selectFrom('org_unit as m')
      .innerJoin('org_unit as r', (join) => join.on('r.kind', '=', 'region'))
      .innerJoin('org_unit_boundary as b', 'b.org_unit_id', 'r.id')
      .select([
        'm.code',
        'm.path',
        'm.latitude',
        'm.longitude',
        'r.code as region',
        'r.path as region_path',
        'b.geometry',
      ])
      .where('m.kind', '=', 'municipality')
      .execute();
    const mine = rows.filter((row) => row.path.startsWith(row.region_path));
    const municipalities = new Set(rows.map((row) => row.code));
    expect(mine.length).toBe(municipalities.size);
    // SOURCES.md: Guayaquil and Esmeraldas sit on the coast, 0.5–2 km outside the simplified outline.
    const coastal = new Set(['ECU-guayaquil', 'ECU-esmeraldas']);
    for (const row of mine) {
      const geometry = JSON.parse(row.geometry) as AreaGeometry;
      const point: [number, number] = [row.longitude as number, row.latitude as number];
      const near = [-0.02, 0, 0.02].some((dx) =>
        [-0.02, 0, 0.02].some((dy) => containsPoint(geometry, [point[0] + dx, point[1] + dy])),
      );
      if (coastal.has(row.code)) expect(near, `${row.code} near ${row.region}`).toBe(true);
      else expect(containsPoint(geometry, point), `${row.code} inside ${row.region}`).toBe(true);
    }
  });

  test('the four documented practices and illustrative projects in the other countries: 15 in all', async () => {
    const projects = await handle.db
      .selectFrom('project as p')
      .innerJoin('org_unit as c', 'c.id', 'p.country_id')
      .select(['p.code', 'p.illustrative', 'c.code as country'])
      .execute();
    expect(projects).toHaveLength(15);
    const documented = projects
      .filter((project) => project.illustrative === 0)
      .map((project) => project.code)
      .sort();
    expect(documented).toEqual(['CRI-UPALA', 'ECU-PICHINCHA', 'PHL-BICOL', 'SEN-SEDHIOU']);
    for (const country of ['SLV', 'MAR', 'NPL', 'TUN']) {
      const here = projects.filter((project) => project.country === country);
      expect(here.length, country).toBeGreaterThan(0);
      expect(
        here.every((project) => project.illustrative === 1),
        country,
      ).toBe(true);
    }
  });

  test('indicators cover every value type and aggregation type', async () => {
    const rows = await handle.db.selectFrom('indicator').select(['value_type', 'aggregation_type']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.length).toBeLessThanOrEqual(25);
    expect(new Set(rows.map((row) => row.value_type))).toEqual(
      new Set(['integer', 'number', 'percentage', 'yes_no', 'stage']),
    );
    expect(new Set(rows.map((row) => row.aggregation_type))).toEqual(
      new Set(['sum', 'average', 'last', 'max', 'count', 'ratio']),
    );
  });

  test('every indicator has baselines and yearly targets where it is reported', async () => {
    const indicators = await handle.db.selectFrom('indicator').select(['id', 'code']).execute();
    const targets = await handle.db
      .selectFrom('target')
      .select(['indicator_id', 'org_unit_id', 'type', 'period_id'])
      .execute();
    const reported = await handle.db
      .selectFrom('data_value')
      .select(['indicator_id', 'org_unit_id'])
      .distinct()
      .execute();
    for (const indicator of indicators) {
      const mine = targets.filter((target) => target.indicator_id === indicator.id);
      expect(
        mine.some((target) => target.type === 'baseline'),
        `${indicator.code} baseline`,
      ).toBe(true);
      expect(
        new Set(mine.filter((target) => target.type === 'target').map((target) => target.period_id)),
        `${indicator.code} targets`,
      ).toEqual(new Set(['2024', '2025', '2026']));
    }
    for (const pair of reported) {
      const has = (type: string) =>
        targets.some(
          (target) =>
            target.indicator_id === pair.indicator_id &&
            target.org_unit_id === pair.org_unit_id &&
            target.type === type,
        );
      expect(has('baseline') && has('target')).toBe(true);
    }
  });

  test('eight quarters of values up to the last complete quarter, reports in every state, and missing reports', async () => {
    const periods = await handle.db
      .selectFrom('data_value')
      .select('period_id')
      .distinct()
      .orderBy('period_id')
      .execute();
    expect(periods.map((row) => row.period_id)).toHaveLength(QUARTERS_OF_DATA);
    expect(periods[0]?.period_id).toBe('2024Q4');
    expect(periods.at(-1)?.period_id).toBe('2026Q3');

    const statuses = await handle.db.selectFrom('report').select('status').distinct().execute();
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(REPORT_STATUSES));
    const returned = await handle.db
      .selectFrom('report')
      .select('last_comment')
      .where('status', '=', 'returned')
      .execute();
    expect(returned.every((row) => (row.last_comment ?? '').length > 10)).toBe(true);

    // "Missing": a unit that reports in the latest quarter has no report for it (Sédhiou, by design).
    const sedhiou = await handle.db
      .selectFrom('report as r')
      .innerJoin('org_unit as u', 'u.id', 'r.org_unit_id')
      .select('r.period_id')
      .where('u.code', '=', 'SEN-sedhiou')
      .execute();
    expect(sedhiou.map((row) => row.period_id)).not.toContain('2026Q3');
    expect(sedhiou.map((row) => row.period_id)).toContain('2026Q2');
  });

  test('every report has a consistent event history ending in its current state', async () => {
    const reports = await handle.db.selectFrom('report').select(['id', 'status']).execute();
    const events = await handle.db
      .selectFrom('report_event')
      .select(['report_id', 'to_status', 'from_status', 'actor_id', 'created_at'])
      .orderBy('id')
      .execute();
    for (const report of reports) {
      const mine = events.filter((event) => event.report_id === report.id);
      expect(mine[0]?.to_status).toBe('draft');
      expect(mine.at(-1)?.to_status).toBe(report.status);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i]?.from_status).toBe(mine[i - 1]?.to_status);
        expect((mine[i]?.created_at ?? '') >= (mine[i - 1]?.created_at ?? '')).toBe(true);
      }
      expect(mine.every((event) => event.actor_id !== null)).toBe(true);
    }
  });

  test('names of indicators, projects, themes and results exist in English, Spanish and French', async () => {
    for (const [table, entity] of [
      ['indicator', 'indicator'],
      ['project', 'project'],
      ['theme', 'theme'],
      ['result', 'result'],
    ] as const) {
      const ids = (await handle.db.selectFrom(table).select('id').execute()).map((row) => row.id);
      const translations = await handle.db
        .selectFrom('translation')
        .select(['entity_id', 'locale', 'value'])
        .where('entity_type', '=', entity)
        .where('field', '=', 'name')
        .execute();
      for (const locale of ['es', 'fr']) {
        const translated = new Set(
          translations.filter((row) => row.locale === locale && row.value.trim() !== '').map((row) => row.entity_id),
        );
        expect(
          ids.filter((id) => !translated.has(id)),
          `${table} without ${locale} name`,
        ).toEqual([]);
      }
    }
  });

  test('the demo accounts of DESIGN.md can sign in; other seeded staff cannot', async () => {
    const users = await handle.db.selectFrom('app_user').select(['email', 'password_hash']).execute();
    const withPassword = users
      .filter((user) => user.password_hash !== null)
      .map((user) => user.email)
      .sort();
    expect(withPassword).toEqual(
      [
        'admin@example.org',
        'donor@example.org',
        'local.naga@example.org',
        'local.sedhiou@example.org',
        'local.upala@example.org',
        'national.cri@example.org',
        'national.phl@example.org',
        'region.alajuela@example.org',
        'region.bicol@example.org',
      ].sort(),
    );
    const hashes = users.flatMap((user) => (user.password_hash ? [user.password_hash] : []));
    expect(new Set(hashes).size).toBe(hashes.length); // per-user salt
  });
});

test('the seed is deterministic for a given date', async () => {
  const checksum = async () => {
    const handle = await createMigratedDatabase('sqlite');
    try {
      await seedDemo(handle.db, { asOf: TEST_AS_OF });
      const rows = await handle.db
        .selectFrom('data_value as dv')
        .innerJoin('org_unit as u', 'u.id', 'dv.org_unit_id')
        .innerJoin('report as r', (join) =>
          join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
        )
        .select(['u.code', 'dv.period_id', 'dv.indicator_id', 'dv.option_id', 'dv.value', 'r.status'])
        .orderBy('dv.id')
        .execute();
      return JSON.stringify(rows);
    } finally {
      await handle.dispose();
    }
  };
  const [first, second] = [await checksum(), await checksum()];
  expect(first.length).toBeGreaterThan(100_000);
  expect(second).toBe(first);
}, 60_000);
