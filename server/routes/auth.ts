import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { type Database, LOCALES, ROLES } from '../../db/schema';
import type { AppEnv, SessionUser } from '../lib/env';
import { errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { login, logout, SESSION_COOKIE, SESSION_IDLE_MS, toSessionUser } from '../services/auth';

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  })
  .openapi('CurrentUser', {
    example: {
      id: 6,
      email: 'local.naga@example.org',
      name: 'Naga City Migration Centre',
      role: 'local',
      locale: 'en',
      orgUnit: { code: 'PHL-naga-city', name: 'Naga City' },
    },
  });

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with email and password; sets an httpOnly session cookie',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.string().trim().min(3).max(254).openapi({ example: 'local.naga@example.org' }),
            password: z.string().min(1).max(1024),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in.',
      content: {
        'application/json': {
          schema: z.object({ user: MeSchema }).openapi({
            example: {
              user: {
                id: 6,
                email: 'local.naga@example.org',
                name: 'Naga City Migration Centre',
                role: 'local',
                locale: 'en',
                orgUnit: { code: 'PHL-naga-city', name: 'Naga City' },
              },
            },
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out: the session is deleted on the server and the cookie cleared',
  responses: { 204: { description: 'Signed out (also when no one was signed in).' }, ...errorResponses(403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user, or null',
  responses: {
    200: {
      description: 'Who is signed in.',
      content: {
        'application/json': {
          schema: z.object({ user: MeSchema.nullable() }).openapi({
            example: {
              user: {
                id: 2,
                email: 'donor@example.org',
                name: 'Donor representative',
                role: 'donor',
                locale: 'en',
                orgUnit: null,
              },
            },
          }),
        },
      },
    },
    // The session is looked up in the database.
    ...errorResponses(),
  },
});

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

function isHttps(c: Context<AppEnv>, trustProxy: boolean): boolean {
  return new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');
}

export interface AuthOptions {
  now: () => Date;
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-For/-Proto. */
  trustProxy: boolean;
}

export function authRoutes(db: Kysely<Database>, { now, trustProxy }: AuthOptions) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await login(
        db,
        { email, password, address: clientAddress(c, trustProxy), userAgent: c.req.header('user-agent') ?? null },
        now(),
      );
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c, trustProxy),
        path: '/',
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return c.json({ user: toMe(toSessionUser(result.user)) }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await logout(db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => {
      const user = c.get('user');
      return c.json({ user: user && toMe(user) }, 200);
    });
}

/** What the client learns about the signed-in user: no path, no internal ids beyond the user's own. */
function toMe(user: SessionUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    orgUnit: user.orgUnit && { code: user.orgUnit.code, name: user.orgUnit.name },
  };
}
