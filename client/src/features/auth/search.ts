// The sign-in page's URL state: `/login?redirect=/entry/PHL-naga-city/2026Q3`. Only a path on this
// site is kept, so a crafted link cannot send someone elsewhere after they sign in.

export interface LoginSearch {
  redirect?: string;
}

const MAX_REDIRECT_LENGTH = 500;

/** A path on this site, or null: no scheme, no host (`//evil`, `/\evil`), no sign-in loop. */
export function safeRedirect(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and backslashes have no place in our paths and are how parsers get confused.
  if ([...value].some((char) => char < ' ' || char === '\\')) return null;
  const path = value.split(/[?#]/, 1)[0] ?? '';
  if (path === '/login' || path.startsWith('/login/')) return null;
  return value;
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const redirect = safeRedirect(search.redirect);
  return redirect ? { redirect } : {};
}
