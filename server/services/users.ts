// Accounts: who may hold which role at which kind of unit, and passwords that are never stored plain.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../db/passwords';
import { insertAuditEntries } from '../../db/queries/audit';
import { findOrgUnitRow } from '../../db/queries/org-units';
import { deleteSessionsOfUser } from '../../db/queries/sessions';
import { findUserByEmail, findUserById, insertUser, type UserChanges, updateUser } from '../../db/queries/users';
import type { Database, Locale, OrgUnitRow, Role, UnitKind } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../lib/errors';

/** The kinds of unit each role can be attached to; admins and donors work programme-wide. */
export const UNIT_KINDS_OF_ROLE: Record<Role, readonly UnitKind[]> = {
  local: ['municipality'],
  regional: ['region', 'province'],
  national: ['country'],
  donor: [],
  admin: [],
};

export const MIN_PASSWORD_LENGTH = 10;

export function generatePassword(): string {
  // 15 random bytes → 20 URL-safe characters: easy to copy, hard to guess.
  return randomBytes(15).toString('base64url');
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(400, 'weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function resolveUnitForRole(
  db: Kysely<Database>,
  role: Role,
  unitCode: string | null,
): Promise<OrgUnitRow | null> {
  const kinds = UNIT_KINDS_OF_ROLE[role];
  if (kinds.length === 0) {
    if (unitCode !== null)
      throw new AppError(400, 'unit_not_allowed', `A ${role} account is programme-wide: leave the org unit empty.`);
    return null;
  }
  if (unitCode === null)
    throw new AppError(400, 'unit_required', `A ${role} account needs an org unit (${kinds.join(' or ')}).`);
  const unit = await findOrgUnitRow(db, unitCode);
  if (!unit) throw new AppError(404, 'org_unit_not_found', `No org unit has the code "${unitCode}".`);
  if (!kinds.includes(unit.kind)) {
    throw new AppError(
      400,
      'unit_kind_mismatch',
      `A ${role} account belongs to a ${kinds.join(' or ')}; ${unitCode} is a ${unit.kind}.`,
    );
  }
  return unit;
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  orgUnit: string | null;
  locale: Locale;
  password?: string | undefined;
}

/** Creates an account; without a password, generates one to hand over once. */
export async function createUser(
  db: Kysely<Database>,
  input: CreateUserInput,
  actorId: number | null,
  now: Date,
): Promise<{ id: number; password: string | null }> {
  if (input.password !== undefined) checkPassword(input.password);
  const unit = await resolveUnitForRole(db, input.role, input.orgUnit);
  if (await findUserByEmail(db, input.email)) {
    throw new AppError(409, 'email_taken', `An account with ${input.email.trim().toLowerCase()} already exists.`);
  }
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await inTransaction(db, async (trx) => {
    const created = await insertUser(
      trx,
      {
        email: input.email,
        name: input.name,
        role: input.role,
        orgUnitId: unit?.id ?? null,
        locale: input.locale,
        passwordHash,
      },
      now.toISOString(),
    );
    await insertAuditEntries(
      trx,
      [
        {
          entityType: 'user',
          entityKey: input.email.trim().toLowerCase(),
          action: 'create',
          oldValue: null,
          newValue: { role: input.role, orgUnit: input.orgUnit },
          actorId,
          orgUnitId: unit?.id ?? null,
          periodId: null,
          indicatorId: null,
        },
      ],
      now.toISOString(),
    );
    return created;
  });
  return { id, password: input.password === undefined ? password : null };
}

export interface ChangeUserInput {
  name?: string | undefined;
  role?: Role | undefined;
  orgUnit?: string | null | undefined;
  locale?: Locale | undefined;
  active?: boolean | undefined;
}

export async function changeUser(
  db: Kysely<Database>,
  id: number,
  input: ChangeUserInput,
  actorId: number,
  now: Date,
): Promise<void> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError(404, 'user_not_found', `No user has the id ${id}.`);
  if (id === actorId && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw new AppError(409, 'self_lockout', 'You cannot deactivate yourself or remove your own admin role.');
  }
  const role = input.role ?? user.role;
  const unitCode = input.orgUnit !== undefined ? input.orgUnit : (user.orgUnit?.code ?? null);
  const roleOrUnitChanges = input.role !== undefined || input.orgUnit !== undefined;
  const unit = roleOrUnitChanges ? await resolveUnitForRole(db, role, unitCode) : undefined;
  const changes: UserChanges = {
    name: input.name,
    role: input.role,
    orgUnitId: unit === undefined ? undefined : (unit?.id ?? null),
    locale: input.locale,
    active: input.active,
  };
  await inTransaction(db, async (trx) => {
    await updateUser(trx, id, changes);
    // A changed role, unit or a deactivation takes effect now, not when old sessions expire.
    if (roleOrUnitChanges || input.active === false) await deleteSessionsOfUser(trx, id);
    await insertAuditEntries(
      trx,
      [
        {
          entityType: 'user',
          entityKey: user.email,
          action: 'update',
          oldValue: { name: user.name, role: user.role, orgUnit: user.orgUnit?.code ?? null, active: user.active },
          newValue: input,
          actorId,
          orgUnitId: unit?.id ?? user.orgUnit?.id ?? null,
          periodId: null,
          indicatorId: null,
        },
      ],
      now.toISOString(),
    );
  });
}

/** Sets a new generated password, ends the user's sessions, and returns the password once. */
export async function resetPassword(db: Kysely<Database>, id: number, actorId: number, now: Date): Promise<string> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError(404, 'user_not_found', `No user has the id ${id}.`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await updateUser(trx, id, { passwordHash });
    await deleteSessionsOfUser(trx, id);
    await insertAuditEntries(
      trx,
      [
        {
          entityType: 'user',
          entityKey: user.email,
          action: 'reset_password',
          oldValue: null,
          newValue: null,
          actorId,
          orgUnitId: user.orgUnit?.id ?? null,
          periodId: null,
          indicatorId: null,
        },
      ],
      now.toISOString(),
    );
  });
  return password;
}
