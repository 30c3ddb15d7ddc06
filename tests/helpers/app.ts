import type { DatabaseHandle } from '../../db/dialect';
import { type AppOptions, createApp } from '../../server/app';
import { TEST_AS_OF } from './database';

export function createTestApp(handle: DatabaseHandle, options: Pick<AppOptions, 'clientDir' | 'responseCache'> = {}) {
  return createApp(handle, { version: 'test', log: () => {}, now: () => TEST_AS_OF, ...options });
}

export async function getJson<T = unknown>(
  app: ReturnType<typeof createTestApp>,
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}

export const ORIGIN = 'http://localhost';

/** Signs in through the API and returns the Cookie header value for later requests. */
export async function signIn(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  email: string,
  password = 'm4d-demo',
): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}
