import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { findUserById, listUsers, type UserWithUnit } from '../../db/queries/users';
import { type Database, LOCALES, ROLES } from '../../db/schema';
import type { SessionUser } from '../lib/env';
import { AppError, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { changeUser, createUser, resetPassword } from '../services/users';

const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    active: z.boolean(),
    canSignIn: z.boolean(),
    orgUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User', {
    example: {
      id: 6,
      email: 'local.naga@example.org',
      name: 'Naga City Migration Centre',
      role: 'local',
      locale: 'en',
      active: true,
      canSignIn: true,
      orgUnit: { code: 'PHL-naga-city', name: 'Naga City' },
      lastLoginAt: '2026-11-27T08:01:00.000Z',
      createdAt: '2026-01-10T12:00:00.000Z',
    },
  });

/** A newly created regional account (response examples in the API reference). */
const NEW_USER_EXAMPLE = {
  id: 112,
  email: 'region.albay@example.org',
  name: 'Albay Provincial Migration Desk',
  role: 'regional',
  locale: 'en',
  active: true,
  canSignIn: true,
  orgUnit: { code: 'PH-ALB', name: 'Albay' },
  lastLoginAt: null,
  createdAt: '2026-11-28T12:00:00.000Z',
} as const;

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 6 }),
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: 'All accounts (admins only)',
  request: { query: z.object({ role: z.enum(ROLES).optional() }) },
  responses: {
    200: {
      description: 'Accounts by email.',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(UserSchema) }).openapi({ example: { items: [NEW_USER_EXAMPLE] } }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: 'Create an account; without a password one is generated and returned once',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.email().max(254),
            name: z.string().trim().min(1).max(200),
            role: z.enum(ROLES),
            orgUnit: z.string().min(1).max(64).nullable().default(null),
            locale: z.enum(LOCALES).default('en'),
            password: z.string().max(1024).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created. `password` is the generated one (null when you chose it); it is not shown again.',
      content: {
        'application/json': {
          schema: z
            .object({ user: UserSchema, password: z.string().nullable() })
            .openapi({ example: { user: NEW_USER_EXAMPLE, password: 'q3Zt8vLkP2xW-9mRb7Yc' } }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  summary: "Change an account's name, role, unit, language or whether it is active",
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.string().trim().min(1).max(200).optional(),
              role: z.enum(ROLES).optional(),
              orgUnit: z.string().min(1).max(64).nullable().optional(),
              locale: z.enum(LOCALES).optional(),
              active: z.boolean().optional(),
            })
            .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
              message: 'Nothing to change: give at least one of name, role, orgUnit, locale or active.',
            }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The account after the change.',
      content: {
        'application/json': {
          schema: z
            .object({ user: UserSchema })
            .openapi({ example: { user: { ...NEW_USER_EXAMPLE, locale: 'fr', active: false } } }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const reset = createRoute({
  method: 'post',
  path: '/{id}/reset-password',
  tags: ['users'],
  summary: 'Generate a new password (returned once) and end the account’s sessions',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The new password.',
      content: {
        'application/json': {
          schema: z.object({ password: z.string() }).openapi({ example: { password: 'Hn4_sKe2LwQ8pZr6TtVa' } }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

function requireAdmin(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'sign_in_required', 'Sign in as an administrator.');
  if (user.role !== 'admin') throw new AppError(403, 'admins_only', 'Only administrators manage accounts.');
  return user;
}

function toUser(user: UserWithUnit) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    active: user.active,
    canSignIn: user.passwordHash !== null,
    orgUnit: user.orgUnit && { code: user.orgUnit.code, name: user.orgUnit.name },
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

async function findListed(db: Kysely<Database>, id: number) {
  const user = await findUserById(db, id);
  if (!user) throw new AppError(404, 'user_not_found', `No user has the id ${id}.`);
  return toUser(user);
}

export function userRoutes(db: Kysely<Database>, now: () => Date) {
  return createRouter()
    .openapi(list, async (c) => {
      requireAdmin(c.get('user'));
      const { role } = c.req.valid('query');
      return c.json({ items: (await listUsers(db, { role })).map(toUser) }, 200);
    })
    .openapi(create, async (c) => {
      const admin = requireAdmin(c.get('user'));
      const input = c.req.valid('json');
      const { id, password } = await createUser(db, input, admin.id, now());
      return c.json({ user: await findListed(db, id), password }, 201);
    })
    .openapi(update, async (c) => {
      const admin = requireAdmin(c.get('user'));
      const { id } = c.req.valid('param');
      await changeUser(db, id, c.req.valid('json'), admin.id, now());
      return c.json({ user: await findListed(db, id) }, 200);
    })
    .openapi(reset, async (c) => {
      const admin = requireAdmin(c.get('user'));
      const { id } = c.req.valid('param');
      return c.json({ password: await resetPassword(db, id, admin.id, now()) }, 200);
    });
}
