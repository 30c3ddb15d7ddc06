// Who is signed in. The layout reads it on every page, so this module stays small: it ships in
// the entry chunk.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, parseResponse } from '../../lib/api';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

function fetchMe() {
  return parseResponse(api.api.auth.me.$get());
}

export type MeResponse = Awaited<ReturnType<typeof fetchMe>>;
export type Me = NonNullable<MeResponse['user']>;
export type Role = Me['role'];

/** Every role, in the order forms offer them: most accounts are local staff. */
export const ROLES = ['local', 'regional', 'national', 'donor', 'admin'] as const satisfies readonly Role[];

export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: fetchMe,
    // The session slides on every request; re-asking every few minutes notices an expiry soon enough.
    staleTime: 5 * 60_000,
  });
}

/** Staff attached to a unit enter its quarterly values. */
export function canEnterData(role: Role): boolean {
  return role === 'local' || role === 'regional' || role === 'national';
}

/** Councils and commissions review the units below them; admins may act anywhere. */
export function canReview(role: Role): boolean {
  return role === 'regional' || role === 'national' || role === 'admin';
}

/** Where a person lands after signing in when no page asked for it. */
export function homeFor(role: Role): '/entry' | '/' {
  return canEnterData(role) ? '/entry' : '/';
}

/**
 * A new person at the keyboard: forget everything fetched for the previous one. Queries in use are
 * reset (and refetched) rather than removed, so the components showing them notice.
 */
export function startSession(queryClient: QueryClient, user: Me | null): void {
  queryClient.setQueryData<MeResponse>(authKeys.me, { user });
  queryClient.getMutationCache().clear();
  void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me[0] });
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  await parseResponse(api.api.auth.logout.$post());
  startSession(queryClient, null);
}
