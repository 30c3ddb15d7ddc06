import type { Kysely, Updateable } from 'kysely';
import type { Database, Locale, Role, UserTable } from '../schema';

export interface UserWithUnit {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  passwordHash: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  orgUnit: { id: number; code: string; name: string; path: string } | null;
}

function usersWithUnits(db: Kysely<Database>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.locale',
      'u.active',
      'u.password_hash',
      'u.last_login_at',
      'u.created_at',
      'o.id as unit_id',
      'o.code as unit_code',
      'o.name as unit_name',
      'o.path as unit_path',
    ]);
}

type UserJoinRow = Awaited<ReturnType<ReturnType<typeof usersWithUnits>['executeTakeFirstOrThrow']>>;

function toUser(row: UserJoinRow): UserWithUnit {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    active: row.active === 1,
    passwordHash: row.password_hash,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    orgUnit:
      row.unit_id === null || row.unit_code === null || row.unit_name === null || row.unit_path === null
        ? null
        : { id: row.unit_id, code: row.unit_code, name: row.unit_name, path: row.unit_path },
  };
}

/** Emails are compared in lower case: people type them in any case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserWithUnit | undefined> {
  const row = await usersWithUnits(db).where('u.email', '=', normaliseEmail(email)).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserWithUnit | undefined> {
  const row = await usersWithUnits(db).where('u.id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The active user of a live (unexpired) session, with the session's times; one query per request. */
export async function findUserBySession(
  db: Kysely<Database>,
  sessionId: string,
  now: string,
): Promise<{ user: UserWithUnit; expiresAt: string; lastSeenAt: string } | undefined> {
  const row = await usersWithUnits(db)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select(['s.expires_at', 's.last_seen_at'])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', 1)
    .executeTakeFirst();
  return row && { user: toUser(row), expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
}

export async function listUsers(
  db: Kysely<Database>,
  filter: { role?: Role | undefined; withinPath?: string | undefined },
): Promise<UserWithUnit[]> {
  let query = usersWithUnits(db);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.withinPath) query = query.where('o.path', 'like', `${filter.withinPath}%`);
  const rows = await query.orderBy('u.email').execute();
  return rows.map(toUser);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  orgUnitId: number | null;
  locale: Locale;
  passwordHash: string | null;
}

export async function insertUser(db: Kysely<Database>, user: NewUser, now: string): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      email: normaliseEmail(user.email),
      name: user.name,
      role: user.role,
      org_unit_id: user.orgUnitId,
      locale: user.locale,
      password_hash: user.passwordHash,
      active: 1,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  orgUnitId?: number | null | undefined;
  locale?: Locale | undefined;
  active?: boolean | undefined;
  passwordHash?: string | undefined;
}

export async function updateUser(db: Kysely<Database>, id: number, changes: UserChanges): Promise<void> {
  const columns: Updateable<UserTable> = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.role !== undefined && { role: changes.role }),
    ...(changes.orgUnitId !== undefined && { org_unit_id: changes.orgUnitId }),
    ...(changes.locale !== undefined && { locale: changes.locale }),
    ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
    ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
  };
  // Nothing to change is no statement at all: `UPDATE … SET WHERE` is a syntax error.
  if (Object.keys(columns).length === 0) return;
  await db.updateTable('app_user').set(columns).where('id', '=', id).execute();
}

export async function recordLogin(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: now }).where('id', '=', id).execute();
}
