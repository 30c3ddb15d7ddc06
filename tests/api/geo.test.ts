// GET /api/geo/boundaries and /api/geo/points on the demo seed: the eight countries, Bicol's provinces,
// Naga City's point, localised names, caching and bad input. On every engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AreaGeometry, containsPoint } from '../../db/geometry';
import { createTestApp, getJson } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type Properties = { code: string; name: string; kind: string; level: number; parentCode: string | null };
type Collection<G> = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: Properties; geometry: G }[];
};
type Boundaries = Collection<AreaGeometry>;
type Points = Collection<{ type: 'Point'; coordinates: [number, number] }>;
type ErrorBody = { error: { code: string; message: string; details?: { field: string }[] } };

describe.each(ENGINES)('maps on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  test('level 1: the eight programme countries with their outlines, cacheable', async () => {
    const response = await app.request('/api/geo/boundaries?level=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await response.json()) as Boundaries;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((feature) => feature.id).sort()).toEqual([
      'CRI',
      'ECU',
      'MAR',
      'NPL',
      'PHL',
      'SEN',
      'SLV',
      'TUN',
    ]);
    for (const feature of body.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.properties).toMatchObject({ code: feature.id, kind: 'country', level: 1, parentCode: null });
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(feature.geometry.coordinates.length).toBeGreaterThan(0);
    }
  });

  test("a parent's children: Bicol's provinces, and Naga City lies inside Camarines Sur", async () => {
    const { status, body } = await getJson<Boundaries>(app, '/api/geo/boundaries?parent=PH-05');
    expect(status).toBe(200);
    expect(body.features.map((feature) => [feature.id, feature.properties.name, feature.properties.kind])).toEqual([
      ['PH-ALB', 'Albay', 'province'],
      ['PH-CAS', 'Camarines Sur', 'province'],
      ['PH-SOR', 'Sorsogon', 'province'],
    ]);
    expect(body.features.every((feature) => feature.properties.parentCode === 'PH-05')).toBe(true);
    const camarinesSur = body.features.find((feature) => feature.id === 'PH-CAS');
    const naga = await getJson<Points>(app, '/api/geo/points?parent=PH-CAS');
    const point = naga.body.features.find((feature) => feature.id === 'PHL-naga-city');
    expect(camarinesSur && point && containsPoint(camarinesSur.geometry, point.geometry.coordinates)).toBe(true);
  });

  test('units without an outline are left out of boundaries', async () => {
    // Camarines Sur's children are cities: points only.
    const { body } = await getJson<Boundaries>(app, '/api/geo/boundaries?parent=PH-CAS');
    expect(body.features).toEqual([]);
  });

  test('names follow ?locale=', async () => {
    const es = await getJson<Boundaries>(app, '/api/geo/boundaries?level=1&locale=es');
    expect(es.body.features.find((feature) => feature.id === 'MAR')?.properties.name).toBe('Marruecos');
    const fr = await getJson<Points>(app, '/api/geo/points?kind=country&locale=fr');
    expect(fr.body.features.find((feature) => feature.id === 'SEN')?.properties.name).toBe('Sénégal');
  });

  test("points: a subtree's municipalities, lon/lat in GeoJSON order, cacheable", async () => {
    const response = await app.request('/api/geo/points?parent=PH-05&kind=municipality');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await response.json()) as Points;
    expect(body.features.length).toBe(10);
    expect(body.features.every((feature) => feature.properties.kind === 'municipality')).toBe(true);
    const naga = body.features.find((feature) => feature.id === 'PHL-naga-city');
    expect(naga).toMatchObject({
      type: 'Feature',
      properties: { code: 'PHL-naga-city', name: 'Naga City', level: 4, parentCode: 'PH-CAS' },
      geometry: { type: 'Point' },
    });
    const [lon, lat] = naga?.geometry.coordinates ?? [0, 0];
    expect(lon).toBeCloseTo(123.18, 1);
    expect(lat).toBeCloseTo(13.62, 1);

    // Without a kind, the provinces in between come too; the parent itself never does.
    const all = await getJson<Points>(app, '/api/geo/points?parent=PH-05');
    expect(all.body.features.map((feature) => feature.properties.kind)).toContain('province');
    expect(all.body.features.map((feature) => feature.id)).not.toContain('PH-05');
    const leaf = await getJson<Points>(app, '/api/geo/points?parent=PHL-naga-city');
    expect(leaf.body.features).toEqual([]);
  });

  test.each([
    ['/api/geo/boundaries?parent=NOPE', 'NOPE'],
    ['/api/geo/points?parent=NOPE', 'NOPE'],
  ])('%s → 404 org_unit_not_found', async (path, code) => {
    const { status, body } = await getJson<ErrorBody>(app, path);
    expect(status).toBe(404);
    expect(body.error.code).toBe('org_unit_not_found');
    expect(body.error.message).toContain(code);
  });

  test.each([
    ['/api/geo/boundaries', 'parent'],
    ['/api/geo/boundaries?parent=PHL&level=2', 'level'],
    ['/api/geo/boundaries?level=0', 'level'],
    ['/api/geo/boundaries?level=two', 'level'],
    ['/api/geo/boundaries?level=1&locale=xx', 'locale'],
    ['/api/geo/points?kind=galaxy', 'kind'],
    [`/api/geo/points?parent=${'x'.repeat(100)}`, 'parent'],
  ])('%s → 400 naming %s', async (path, field) => {
    const { status, body } = await getJson<ErrorBody>(app, path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details?.some((detail) => detail.field === field)).toBe(true);
  });

  test('the OpenAPI document describes the analytics, completeness and map routes', async () => {
    type Doc = { paths: Record<string, { get?: { summary?: string; description?: string } }> };
    const { body } = await getJson<Doc>(app, '/api/openapi.json');
    for (const path of ['/api/analytics', '/api/completeness', '/api/geo/boundaries', '/api/geo/points']) {
      expect(body.paths[path]?.get?.summary, path).toBeTruthy();
    }
    expect(body.paths['/api/analytics']?.get?.description).toContain('Progress');
  });
});
