import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface NewSession {
  id: string;
  userId: number;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Kysely<Database>, session: NewSession, now: string): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: now,
      expires_at: session.expiresAt,
      last_seen_at: now,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function touchSession(db: Kysely<Database>, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}

export async function recordFailedLogin(
  db: Kysely<Database>,
  email: string,
  address: string,
  now: string,
): Promise<void> {
  await db.insertInto('login_attempt').values({ email, address, created_at: now }).execute();
}

/** Failed sign-ins since a time, for one account (`email`) or one client address (`address`). */
export async function countFailedLogins(
  db: Kysely<Database>,
  by: 'email' | 'address',
  value: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where(by, '=', value)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearFailedLogins(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('email', '=', email).execute();
}
