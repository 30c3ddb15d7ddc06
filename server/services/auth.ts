// Sign-in rules: scrypt-hashed passwords, database sessions behind an opaque cookie token, the same
// answer for an unknown email and a wrong password, and a rate limit per account and per address.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from '../../db/passwords';
import {
  clearFailedLogins,
  countFailedLogins,
  deleteSession,
  insertSession,
  recordFailedLogin,
  touchSession,
} from '../../db/queries/sessions';
import {
  findUserByEmail,
  findUserBySession,
  normaliseEmail,
  recordLogin,
  type UserWithUnit,
} from '../../db/queries/users';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../lib/env';
import { AppError } from '../lib/errors';

export const SESSION_COOKIE = 'm4d_session';
/** A session ends after this long without a request (a shared office computer left signed in). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Sliding the expiry writes to the database; doing it at most this often keeps reads read-only. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toSessionUser(user: UserWithUnit): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    orgUnit: user.orgUnit,
  };
}

export interface LoginRequest {
  email: string;
  password: string;
  address: string;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserWithUnit;
}

export async function login(db: Kysely<Database>, request: LoginRequest, now: Date): Promise<LoginResult> {
  const email = normaliseEmail(request.email);
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const [byAccount, byAddress] = await Promise.all([
    countFailedLogins(db, 'email', email, since),
    countFailedLogins(db, 'address', request.address, since),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    const minutes = Math.ceil(LOGIN_WINDOW_MS / 60_000);
    throw new AppError(
      429,
      'too_many_attempts',
      `Too many failed sign-ins ${byAccount >= MAX_FAILURES_PER_ACCOUNT ? 'for this account' : 'from this address'}. ` +
        `Wait ${minutes} minutes and try again, or ask an administrator to reset your password.`,
      { retryAfterSeconds: minutes * 60 },
    );
  }

  const user = await findUserByEmail(db, email);
  const valid = user?.passwordHash
    ? await verifyPassword(request.password, user.passwordHash)
    : await verifyPassword(request.password, await decoyHash).then(() => false);
  if (!user || !valid || !user.active) {
    await recordFailedLogin(db, email, request.address, now.toISOString());
    throw new AppError(401, 'invalid_credentials', 'The email or the password is not right.');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await insertSession(
    db,
    {
      id: sessionIdOf(token),
      userId: user.id,
      expiresAt: expiresAt.toISOString(),
      ip: request.address,
      userAgent: request.userAgent,
    },
    now.toISOString(),
  );
  await Promise.all([recordLogin(db, user.id, now.toISOString()), clearFailedLogins(db, email)]);
  return { token, expiresAt, user };
}

/** The signed-in user for a cookie token, sliding the session's expiry; null when it is not live. */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | null> {
  const id = sessionIdOf(token);
  const found = await findUserBySession(db, id, now.toISOString());
  if (!found) return null;
  if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(db, id, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  }
  return toSessionUser(found.user);
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, sessionIdOf(token));
}
