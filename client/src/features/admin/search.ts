// The accounts page's URL state: `/admin?role=local&unit=PHL-naga-city&status=inactive&q=naga`.
// Anything unknown is dropped rather than shown as an empty list.
// It loads with the app shell (router.tsx, for validateSearch): keep its imports light.
import { ROLES, type Role } from '../auth/session';

/** `unit=none` lists the programme-wide accounts (donors, admins). */
export const NO_UNIT = 'none';
export const ACCOUNT_STATUSES = ['active', 'inactive'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface AdminSearch {
  role?: Role;
  unit?: string;
  status?: AccountStatus;
  q?: string;
}

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

function isStatus(value: unknown): value is AccountStatus {
  return (ACCOUNT_STATUSES as readonly unknown[]).includes(value);
}

export function parseAdminSearch(search: Record<string, unknown>): AdminSearch {
  const parsed: AdminSearch = {};
  if (isRole(search.role)) parsed.role = search.role;
  if (typeof search.unit === 'string' && /^[\w.-]{1,64}$/.test(search.unit)) parsed.unit = search.unit;
  if (isStatus(search.status)) parsed.status = search.status;
  if (typeof search.q === 'string' && search.q.trim()) parsed.q = search.q.slice(0, 200);
  return parsed;
}

interface Filterable {
  role: Role;
  active: boolean;
  orgUnit: { code: string } | null;
}

/** The role, unit and status filters; the free-text one is the table's own. */
export function filterAccounts<T extends Filterable>(accounts: readonly T[], filter: AdminSearch): T[] {
  return accounts.filter(
    (account) =>
      (!filter.role || account.role === filter.role) &&
      (!filter.unit || (account.orgUnit?.code ?? NO_UNIT) === filter.unit) &&
      (!filter.status || account.active === (filter.status === 'active')),
  );
}

/**
 * The units accounts belong to, each once, by name: the choices of the unit filter. A name two
 * units share (Alajuela the province and the canton) gets the unit's code, to tell them apart.
 */
export function unitsOf(
  accounts: readonly { orgUnit: { code: string; name: string } | null }[],
  locale: string,
): { code: string; label: string }[] {
  const units = new Map<string, string>();
  for (const { orgUnit } of accounts) if (orgUnit) units.set(orgUnit.code, orgUnit.name);
  const names = [...units.values()];
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  return [...units]
    .sort(([codeA, a], [codeB, b]) => a.localeCompare(b, locale) || codeA.localeCompare(codeB))
    .map(([code, name]) => ({ code, label: shared.has(name) ? `${name} (${code})` : name }));
}
