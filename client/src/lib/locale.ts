// Which language the interface speaks. Pure functions only: the browser wiring (localStorage,
// navigator, <html lang>) lives in ../i18n/index.ts so this stays testable in Node.

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Key under which the user's explicit choice is remembered in localStorage. */
export const LOCALE_STORAGE_KEY = 'm4d-monitor.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag such as `es-419` or `fr_CA` to a supported locale by its primary language
 * subtag; the regional variants all read the same bundled texts.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

export interface LocaleSources {
  /** What the user picked earlier (raw localStorage value, possibly stale or garbage). */
  stored?: string | null | undefined;
  /** The browser's preferences, most preferred first (`navigator.languages`, else `[navigator.language]`). */
  preferred?: readonly string[] | null | undefined;
}

/** Stored choice, then the first browser preference we support, then English. */
export function chooseLocale({ stored, preferred }: LocaleSources): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of preferred ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
