import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/dialect';
import { createRouter } from '../lib/router';

const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() })
  .openapi('Health', { example: { status: 'ok', database: 'sqlite', version: '0.1.0' } });

const UnavailableSchema = z.object({
  status: z.literal('unavailable'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

const health = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'The server answers and the database is reachable.',
      content: { 'application/json': { schema: HealthSchema } },
    },
    503: {
      description: 'The database cannot be reached.',
      content: { 'application/json': { schema: UnavailableSchema } },
    },
  },
});

export function healthRoutes(handle: DatabaseHandle, version: string) {
  return createRouter().openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(handle.db);
      return c.json({ status: 'ok' as const, database: handle.engine, version }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, database: handle.engine, version }, 503);
    }
  });
}
