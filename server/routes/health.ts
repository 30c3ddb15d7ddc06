import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/dialect';
import { createRouter } from '../lib/router';

const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() })
  .openapi('Health', { example: { status: 'ok', database: 'sqlite', version: '0.1.0' } });

const UnavailableSchema = z
  .object({
    status: z.literal('unavailable'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
    message: z.string(),
  })
  .openapi('HealthUnavailable', {
    example: {
      status: 'unavailable',
      database: 'postgres',
      version: '0.1.0',
      message: 'The server is up, but its database cannot be reached; the server log says why.',
    },
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
      description: 'The database cannot be reached; `Retry-After` says when to ask again.',
      headers: z.object({ 'Retry-After': z.string() }),
      content: { 'application/json': { schema: UnavailableSchema } },
    },
  },
});

export function healthRoutes(handle: DatabaseHandle, version: string) {
  return createRouter().openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(handle.db);
      return c.json({ status: 'ok' as const, database: handle.engine, version }, 200);
    } catch (error) {
      // The reason (host, port, database name) is for the operator, not for whoever polls.
      console.error(
        `health: the database does not answer: ${error instanceof Error ? error.message || error.name : error}`,
      );
      c.header('Retry-After', '5');
      return c.json(
        {
          status: 'unavailable' as const,
          database: handle.engine,
          version,
          message: 'The server is up, but its database cannot be reached; the server log says why.',
        },
        503,
      );
    }
  });
}
