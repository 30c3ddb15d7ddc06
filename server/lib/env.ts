import type { Visibility } from '../../db/queries/data-values';
import type { Locale, Role } from '../../db/schema';

/** The signed-in person as every route sees it; null for an anonymous reader. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The unit the user is attached to (null for admins and programme-wide donors). */
  orgUnit: { id: number; code: string; name: string; path: string } | null;
  locale: Locale;
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
  };
}

/**
 * Which unapproved values this reader may see. Donors and anonymous readers see approved data only;
 * staff see drafts and submissions within their own subtree, admins everywhere. The rule reads the
 * role on the server, never a flag the client sends.
 */
export function visibilityOf(user: SessionUser | null): Visibility {
  if (user === null || user.role === 'donor') return { kind: 'approved' };
  if (user.role === 'admin') return { kind: 'all' };
  return user.orgUnit ? { kind: 'subtree', path: user.orgUnit.path } : { kind: 'approved' };
}
