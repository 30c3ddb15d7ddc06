import { createApp } from '../../server/app';
import type { TestDatabase } from './database';
import { TEST_AS_OF } from './database';

export function createTestApp(handle: TestDatabase, options: { clientDir?: string } = {}) {
  return createApp(handle, { version: 'test', log: () => {}, now: () => TEST_AS_OF, ...options });
}

export async function getJson<T = unknown>(
  app: ReturnType<typeof createTestApp>,
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}
