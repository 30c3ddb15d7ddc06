import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type User = {
  id: number;
  email: string;
  role: string;
  active: boolean;
  canSignIn: boolean;
  orgUnit: { code: string } | null;
};
type ErrorBody = { error: { code: string; message: string } };

describe.each(ENGINES)('account administration on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  let admin: string;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    admin = await signIn(app, 'admin@example.org');
  }, 120_000);
  afterAll(async () => handle.dispose());

  const call = async <T>(method: string, path: string, body?: unknown, cookie = admin) => {
    const response = await app.request(path, {
      method,
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  test('an admin creates an account with a generated password that works once handed over', async () => {
    const created = await call<{ user: User; password: string }>('POST', '/api/users', {
      email: 'Officer.Pili@Example.org',
      name: 'Pili officer',
      role: 'local',
      orgUnit: 'PHL-pili',
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'officer.pili@example.org',
      role: 'local',
      active: true,
      canSignIn: true,
      orgUnit: { code: 'PHL-pili' },
    });
    expect(created.body.password.length).toBeGreaterThanOrEqual(16);
    await expect(signIn(app, 'officer.pili@example.org', created.body.password)).resolves.toMatch(/^m4d_session=/);

    const again = await call<ErrorBody>('POST', '/api/users', {
      email: 'officer.pili@example.org',
      name: 'Dup',
      role: 'donor',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
  });

  test.each([
    [{ role: 'local', orgUnit: 'PH-05' }, 'unit_kind_mismatch'],
    [{ role: 'regional', orgUnit: null }, 'unit_required'],
    [{ role: 'donor', orgUnit: 'PHL' }, 'unit_not_allowed'],
    [{ role: 'local', orgUnit: 'PHL-pili', password: 'short' }, 'weak_password'],
  ])('role and unit must fit: %o → %s', async (fields, code) => {
    const response = await call<ErrorBody>('POST', '/api/users', {
      email: `x${Math.random()}@example.org`,
      name: 'X',
      ...fields,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });

  test('resetting a password ends the sessions; deactivating too; an admin cannot lock themself out', async () => {
    const users = await call<{ items: User[] }>('GET', '/api/users');
    const upala = users.body.items.find((user) => user.email === 'local.upala@example.org');
    const me = users.body.items.find((user) => user.email === 'admin@example.org');
    expect(upala && me).toBeTruthy();
    if (!upala || !me) return;

    const session = await signIn(app, 'local.upala@example.org');
    const reset = await call<{ password: string }>('POST', `/api/users/${upala.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(await (await app.request('/api/auth/me', { headers: { cookie: session } })).json()).toEqual({ user: null });
    const fresh = await signIn(app, 'local.upala@example.org', reset.body.password);

    const off = await call<{ user: User }>('PATCH', `/api/users/${upala.id}`, { active: false });
    expect(off.body.user.active).toBe(false);
    expect(await (await app.request('/api/auth/me', { headers: { cookie: fresh } })).json()).toEqual({ user: null });

    const self = await call<ErrorBody>('PATCH', `/api/users/${me.id}`, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('self_lockout');

    const missing = await call<ErrorBody>('PATCH', '/api/users/999999', { name: 'Nobody' });
    expect(missing.status).toBe(404);
  });

  test('a change that names nothing to change is a 400 saying what to give, not a server error', async () => {
    const users = await call<{ items: User[] }>('GET', '/api/users');
    const naga = users.body.items.find((user) => user.email === 'local.naga@example.org');
    if (!naga) throw new Error('the demo has local.naga@example.org');
    for (const body of [{}, { name: undefined }]) {
      const empty = await call<ErrorBody>('PATCH', `/api/users/${naga.id}`, body);
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toMatch(/Nothing to change/);
    }
    const after = await call<{ items: User[] }>('GET', '/api/users');
    expect(after.body.items.find((user) => user.id === naga.id)).toEqual(naga);
  });

  test('the audit trail records account changes', async () => {
    const audit = await call<{ items: { entityType: string; action: string }[] }>('GET', '/api/audit?limit=50');
    expect(audit.body.items.filter((item) => item.entityType === 'user').map((item) => item.action)).toEqual(
      expect.arrayContaining(['create', 'reset_password', 'update']),
    );
  });
});
