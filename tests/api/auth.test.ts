import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { MAX_FAILURES_PER_ACCOUNT } from '../../server/services/auth';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, TEST_AS_OF, type TestDatabase } from '../helpers/database';

function post(path: string, body: unknown, headers: Record<string, string> = {}): RequestInit & { path: string } {
  return {
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  };
}

describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const request = ({ path, ...init }: RequestInit & { path: string }) => app.request(path, init);

  test('a demo account signs in; the cookie is httpOnly, SameSite=Lax, not Secure over plain http', async () => {
    const response = await request(post('/api/auth/login', { email: 'Local.Naga@example.org ', password: 'm4d-demo' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string; role: string; orgUnit: { code: string } } };
    expect(body.user).toMatchObject({
      email: 'local.naga@example.org',
      role: 'local',
      orgUnit: { code: 'PHL-naga-city' },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^m4d_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(cookie).toMatch(/Max-Age=\d+/);
  });

  test('the cookie is Secure over HTTPS', async () => {
    const response = await app.request('https://m4d.example.org/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://m4d.example.org' },
      body: JSON.stringify({ email: 'donor@example.org', password: 'm4d-demo' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  test('me answers who is signed in; logout ends the session on the server', async () => {
    const cookie = await signIn(app, 'region.bicol@example.org');
    const me = await app.request('/api/auth/me', { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      user: { role: 'regional', orgUnit: { code: 'PH-05', name: 'Bicol Region' } },
    });

    const out = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/m4d_session=;.*Max-Age=0/);
    // The old cookie replayed after logout is worthless: the session row is gone.
    const replay = await app.request('/api/auth/me', { headers: { cookie } });
    expect(await replay.json()).toEqual({ user: null });
  });

  test('an unknown email and a wrong password get the same answer', async () => {
    const unknown = await request(
      post('/api/auth/login', { email: 'nobody@example.org', password: 'm4d-demo' }, { 'x-forwarded-for': '10.0.0.1' }),
    );
    const wrong = await request(
      post('/api/auth/login', { email: 'admin@example.org', password: 'not-it' }, { 'x-forwarded-for': '10.0.0.2' }),
    );
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  test('a deactivated account cannot sign in, and its open sessions stop working', async () => {
    const cookie = await signIn(app, 'national.cri@example.org');
    await handle.db
      .updateTable('app_user')
      .set({ active: 0 })
      .where('email', '=', 'national.cri@example.org')
      .execute();
    try {
      const me = await app.request('/api/auth/me', { headers: { cookie } });
      expect(await me.json()).toEqual({ user: null });
      const again = await request(post('/api/auth/login', { email: 'national.cri@example.org', password: 'm4d-demo' }));
      expect(again.status).toBe(401);
    } finally {
      await handle.db
        .updateTable('app_user')
        .set({ active: 1 })
        .where('email', '=', 'national.cri@example.org')
        .execute();
    }
  });

  test('sign-in is rate-limited per account, with a message saying what to do', async () => {
    const email = 'local.upala@example.org';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const response = await request(post('/api/auth/login', { email, password: `guess-${i}` }));
      expect(response.status).toBe(401);
    }
    // Even the right password is refused now: the attacker must not learn it was right.
    const blocked = await request(post('/api/auth/login', { email, password: 'm4d-demo' }));
    expect(blocked.status).toBe(429);
    const body = (await blocked.json()) as {
      error: { code: string; message: string; details: { retryAfterSeconds: number } };
    };
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/Wait 15 minutes/);
    expect(body.error.details.retryAfterSeconds).toBe(900);
    expect(blocked.headers.get('retry-after')).toBe('900');
    // Other accounts are unaffected.
    await expect(signIn(app, 'local.sedhiou@example.org')).resolves.toMatch(/^m4d_session=/);
  });

  test('sign-in is rate-limited per address across accounts', async () => {
    const limited = createApp(handle, { log: () => {}, now: () => TEST_AS_OF, trustProxy: true });
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 20; i++) {
      const response = await limited.request(
        '/api/auth/login',
        post('/api/auth/login', { email: `user${i}@example.org`, password: 'x' }, from),
      );
      expect(response.status).toBe(401);
    }
    const blocked = await limited.request(
      '/api/auth/login',
      post('/api/auth/login', { email: 'admin@example.org', password: 'm4d-demo' }, from),
    );
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/from this address/);
  });

  test('a session expires after 12 idle hours', async () => {
    let now = new Date(TEST_AS_OF);
    const clocked = createApp(handle, { log: () => {}, now: () => now });
    const cookie = await signIn(clocked, 'donor@example.org');
    now = new Date(TEST_AS_OF.getTime() + 11 * 3_600_000);
    expect(await (await clocked.request('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({
      user: { role: 'donor' },
    });
    // The request at 11 h slid the expiry; 13 h after it, the session is gone.
    now = new Date(now.getTime() + 13 * 3_600_000);
    expect(await (await clocked.request('/api/auth/me', { headers: { cookie } })).json()).toEqual({ user: null });
  });

  test.each([
    ['a foreign origin', { origin: 'https://evil.example' }, 403],
    ['no origin, with the session cookie', {}, 403],
    ['no origin, same-origin fetch metadata', { 'sec-fetch-site': 'same-origin' }, 204],
    ['our own origin', { origin: ORIGIN }, 204],
  ])('a cookie-authenticated write from %s → %i', async (_name, headers, status) => {
    const cookie = await signIn(app, 'admin@example.org');
    const response = await app.request('/api/auth/logout', { method: 'POST', headers: { cookie, ...headers } });
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_origin_write');
      // The session survived the forged request.
      expect(await (await app.request('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({
        user: { role: 'admin' },
      });
    }
  });

  test.each([
    ['malformed JSON', '{"email": ', 400],
    ['a missing password', JSON.stringify({ email: 'admin@example.org' }), 400],
    ['a number as email', JSON.stringify({ email: 42, password: 'x' }), 400],
  ])('login with %s → %i naming the problem', async (_name, body, status) => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body,
    });
    expect(response.status).toBe(status);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe.each(ENGINES)('who sees unapproved values (%s)', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  type Values = { total: number; items: { orgUnit: string; reportStatus: string }[] };
  const nagaQ3 = '/api/data-values?orgUnit=PHL-naga-city&periods=2026Q3&limit=10000';

  test.each([
    ['anonymous', null, 0],
    ['donor', 'donor@example.org', 0],
    ['Naga City staff (own unit)', 'local.naga@example.org', 1],
    ['the Bicol council (its subtree)', 'region.bicol@example.org', 1],
    ['Upala staff (another country)', 'local.upala@example.org', 0],
    ['admin', 'admin@example.org', 1],
  ])("%s and Naga City's returned 2026Q3 report", async (_who, email, visible) => {
    const headers: Record<string, string> = email ? { cookie: await signIn(app, email) } : {};
    const body = (await (await app.request(nagaQ3, { headers })).json()) as Values;
    if (visible) {
      expect(body.total).toBeGreaterThan(0);
      expect(new Set(body.items.map((item) => item.reportStatus))).toEqual(new Set(['returned']));
    } else {
      expect(body.total).toBe(0);
    }
  });
});
