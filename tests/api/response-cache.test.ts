// Shared public answers (server/lib/response-cache.ts) are never stale: any committed change to a
// table they read — through the API or with SQL behind its back — moves the data generation on in
// the same transaction, and the next read computes afresh. Staff answers are never shared.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readGeneration } from '../../db/queries/generation';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';
import { logQueries } from '../helpers/query-log';

type Analytics = { total: { value: number | null; values: number } };
type ReportDetail = {
  outliers: { indicator: string }[];
  values: { indicator: string; option: string; value: number; version: number }[];
};

const NAGA_Q3 = '/api/analytics?indicator=MIG_SERVED&orgUnit=PHL-naga-city&periods=2026Q3';

describe.each(ENGINES)('shared answers on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  let cold: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    // A second server on the same database: what one writes, the other's cache must notice.
    cold = createTestApp(handle);
    for (const who of ['local.naga', 'region.bicol', 'donor']) cookies[who] = await signIn(app, `${who}@example.org`);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const read = async (path: string, who?: string, via = app) => {
    const response = await via.request(path, { headers: who ? { cookie: cookies[who] ?? '' } : {} });
    expect(response.status, path).toBe(200);
    return { cache: response.headers.get('x-cache'), body: (await response.json()) as Analytics };
  };

  test('a second anonymous read is served from the cache, with the same answer', async () => {
    const first = await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL');
    const second = await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL');
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    // A hit carries the route's own headers: a shared proxy still must not keep it.
    const hit = await app.request('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL');
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(hit.headers.get('cache-control')).toBe('private, no-cache');
    expect(hit.headers.get('content-type')).toMatch(/^application\/json/);
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
    // Donors see approved data only too, and share answers among donors (not with anonymous readers).
    expect((await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL', 'donor')).cache).toBe('miss');
    expect((await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL', 'donor')).cache).toBe('hit');
  });

  test('readers arriving while an answer is computed wait for it rather than compute it again', async () => {
    const log = logQueries(handle);
    const logged = createTestApp(log.handle);
    const path = '/api/analytics?indicator=MIG_SERVED&orgUnit=ECU&by=unit';
    const responses = await Promise.all(Array.from({ length: 8 }, () => logged.request(path)));
    const caches = responses.map((response) => response.headers.get('x-cache'));
    expect(caches.filter((cache) => cache === 'miss')).toHaveLength(1);
    expect(caches.filter((cache) => cache === 'hit')).toHaveLength(7);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(log.statements().filter((statement) => statement.includes('value_cell'))).toHaveLength(1);
  });

  test('a route and its sub-paths share one cache pattern, met once per request', async () => {
    for (const path of ['/api/indicators', '/api/periods?type=quarter', '/api/completeness?by=unit']) {
      const first = await app.request(path);
      const second = await app.request(path);
      expect([first.headers.get('x-cache'), second.headers.get('x-cache')], path).toEqual(['miss', 'hit']);
    }
  });

  test('staff answers depend on their scope and are never shared', async () => {
    for (let i = 0; i < 2; i++) expect((await read(NAGA_Q3, 'local.naga')).cache).toBeNull();
  });

  test('an approval through the API shows in the next public read', async () => {
    const before = await read(NAGA_Q3);
    expect(before.body.total.values).toBe(0); // returned, not public
    const generation = await readGeneration(handle.db);
    // Naga explains its outliers and resubmits, and Bicol approves — on the other server.
    const send = async (who: string, method: string, path: string, body: unknown) => {
      const response = await cold.request(`/api/reports/PHL-naga-city/2026Q3${path}`, {
        method,
        headers: { cookie: cookies[who] ?? '', origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as ReportDetail };
    };
    const detail = (await send('local.naga', 'GET', '', undefined)).body;
    const explained = detail.outliers.map((outlier) => {
      const value = detail.values.find((candidate) => candidate.indicator === outlier.indicator);
      return { ...value, comment: 'Checked with the help office register.' };
    });
    if (explained.length > 0)
      expect((await send('local.naga', 'PUT', '/values', { values: explained })).status).toBe(200);
    expect((await send('local.naga', 'POST', '/submit', {})).status).toBe(200);
    expect((await send('region.bicol', 'POST', '/approve', {})).status).toBe(200);
    expect(BigInt(await readGeneration(handle.db))).toBeGreaterThan(BigInt(generation));
    const after = await read(NAGA_Q3);
    expect(after.cache).toBe('miss');
    expect(after.body.total.values).toBeGreaterThan(0);
    expect((await read(NAGA_Q3)).cache).toBe('hit');
  });

  test('a change made with SQL behind the API also moves the generation on', async () => {
    await read('/api/indicators');
    expect((await read('/api/indicators')).cache).toBe('hit');
    await handle.db
      .updateTable('indicator')
      .set({ name: 'Migrants served (renamed)' })
      .where('code', '=', 'MIG_SERVED')
      .execute();
    const renamed = await app.request('/api/indicators');
    expect(renamed.headers.get('x-cache')).toBe('miss');
    expect(await renamed.text()).toContain('Migrants served (renamed)');
  });

  test('a sign-in changes no public answer, so it keeps the cache', async () => {
    await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL');
    await signIn(app, 'donor@example.org');
    expect((await read('/api/analytics?indicator=MIG_SERVED&orgUnit=PHL')).cache).toBe('hit');
  });
});
