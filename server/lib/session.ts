import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { resolveSession, SESSION_COOKIE } from '../services/auth';
import type { AppEnv } from './env';
import { errorBody } from './errors';

/** Puts the signed-in user (or null) on the context for every route. */
export function sessionMiddleware(db: Kysely<Database>, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', token ? await resolveSession(db, token, now()) : null);
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated writes: a state-changing request must come from our own
 * origin. Browsers send `Origin` on every cross-site POST/PUT/DELETE, so a foreign or missing origin
 * on a request that carries our cookie is refused. Requests without the cookie (scripts using the
 * API) have nothing to forge and pass.
 */
export function originCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const expected = new URL(c.req.url).origin;
    const carriesCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    const sameSite = c.req.header('sec-fetch-site') === 'same-origin';
    if (origin !== undefined ? origin === expected : !carriesCookie || sameSite) return next();
    return c.json(
      errorBody(
        'cross_origin_write',
        `Refused a ${c.req.method} from ${origin ?? 'an unknown origin'}: changes must come from this site (${expected}).`,
      ),
      403,
    );
  };
}
