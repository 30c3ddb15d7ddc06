// The rules of the account form, as pure functions: which kind of unit each role belongs to, what
// a form must hold before it is sent, which fields an edit changes, and which field a refusal from
// the server is about. The server checks all of it again (server/services/users.ts); these only let
// the form say so before, and next to, the field concerned.
import type { Locale } from '../../lib/locale';
import type { Role } from '../auth/session';

export { ROLES } from '../auth/session';

import type { UnitKind } from './queries';

/**
 * The same table as the server's `UNIT_KINDS_OF_ROLE` (roles.test.ts compares them): the kinds of
 * unit each role can be attached to. Donors and admins work programme-wide, without a unit.
 */
export const UNIT_KINDS_OF_ROLE: Record<Role, readonly UnitKind[]> = {
  local: ['municipality'],
  regional: ['region', 'province'],
  national: ['country'],
  donor: [],
  admin: [],
};

export function needsUnit(role: Role): boolean {
  return UNIT_KINDS_OF_ROLE[role].length > 0;
}

/** A unit chosen in the form. `kinds` is what it may be: exactly its kind when picked from the list. */
export interface UnitChoice {
  code: string;
  name: string;
  kinds: readonly UnitKind[];
}

/** An account's current unit: its kind is one of those its role allows (the server saw to that). */
export function currentUnit(role: Role, unit: { code: string; name: string } | null): UnitChoice | null {
  return unit ? { code: unit.code, name: unit.name, kinds: UNIT_KINDS_OF_ROLE[role] } : null;
}

/** The unit that stays chosen when the role changes: kept only if it fits the new role. */
export function unitForRole(role: Role, unit: UnitChoice | null): UnitChoice | null {
  if (!unit) return null;
  const allowed = UNIT_KINDS_OF_ROLE[role];
  return unit.kinds.some((kind) => allowed.includes(kind)) ? unit : null;
}

export type FormField = 'email' | 'name' | 'role' | 'orgUnit' | 'locale';

/** What is wrong with a field; admin.errors.<problem> says it in words. */
export type FieldProblem = 'emailInvalid' | 'emailTaken' | 'nameRequired' | 'unitRequired' | 'unitRefused';

export type FieldProblems = Partial<Record<FormField, FieldProblem>>;

export interface AccountValues {
  email: string;
  name: string;
  role: Role;
  unit: UnitChoice | null;
  locale: Locale;
}

// Deliberately loose: one @, something on each side, a dot in the domain. The server decides.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems the form can see before sending; an edit has no email field. */
export function checkAccount(values: AccountValues, mode: 'create' | 'edit'): FieldProblems {
  const problems: FieldProblems = {};
  if (mode === 'create') {
    if (!EMAIL.test(values.email.trim())) problems.email = 'emailInvalid';
  }
  if (!values.name.trim()) problems.name = 'nameRequired';
  if (needsUnit(values.role) && !unitForRole(values.role, values.unit)) problems.orgUnit = 'unitRequired';
  return problems;
}

export interface ExistingAccount {
  name: string;
  role: Role;
  locale: Locale;
  orgUnit: { code: string } | null;
}

export interface AccountChanges {
  name?: string;
  role?: Role;
  orgUnit?: string | null;
  locale?: Locale;
}

/**
 * The PATCH body of an edit: only what changed. Role and unit travel together, because the server
 * checks the pair (a new role without its new unit would be refused).
 */
export function changesOf(account: ExistingAccount, values: AccountValues): AccountChanges {
  const changes: AccountChanges = {};
  const name = values.name.trim();
  if (name !== account.name) changes.name = name;
  const unit = unitForRole(values.role, values.unit)?.code ?? null;
  if (values.role !== account.role || unit !== (account.orgUnit?.code ?? null)) {
    changes.role = values.role;
    changes.orgUnit = unit;
  }
  if (values.locale !== account.locale) changes.locale = values.locale;
  return changes;
}

const PROBLEM_OF_CODE: Record<string, [FormField, FieldProblem]> = {
  email_taken: ['email', 'emailTaken'],
  unit_required: ['orgUnit', 'unitRequired'],
  unit_kind_mismatch: ['orgUnit', 'unitRefused'],
  org_unit_not_found: ['orgUnit', 'unitRefused'],
  unit_not_allowed: ['orgUnit', 'unitRefused'],
};

/** What a malformed field (a 400 `invalid_request` naming it) means for the person typing. */
const PROBLEM_OF_INVALID: Partial<Record<FormField, FieldProblem>> = {
  email: 'emailInvalid',
  name: 'nameRequired',
  orgUnit: 'unitRefused',
};

const FORM_FIELDS: readonly string[] = ['email', 'name', 'role', 'orgUnit', 'locale'] satisfies FormField[];

function isFormField(value: unknown): value is FormField {
  return typeof value === 'string' && FORM_FIELDS.includes(value);
}

/**
 * Places a refusal from the server next to the field it concerns. Empty when the refusal is about
 * no field the form can explain; the form then shows the server's message on its own.
 */
export function problemsFromApi(code: string | null, details: unknown): FieldProblems {
  const known = code ? PROBLEM_OF_CODE[code] : undefined;
  if (known) return { [known[0]]: known[1] };
  if (code !== 'invalid_request' || !Array.isArray(details)) return {};
  const problems: FieldProblems = {};
  for (const issue of details) {
    const field: unknown = typeof issue === 'object' && issue !== null && 'field' in issue ? issue.field : null;
    if (!isFormField(field) || problems[field]) continue;
    const problem = PROBLEM_OF_INVALID[field];
    if (problem) problems[field] = problem;
  }
  return problems;
}
