// i18next wiring for the browser. The interface texts come in parts, one chunk per part and
// language: `core` (the shell, sign-in, entry, review) before the first render, `dashboards` with
// the first dashboard page, `admin` with the Admin page and `imports` with the Import page (router.tsx) and `exports` (the XLSX file's
// "About" sheet) on the first export. The entry route's budget (150 KB gzip) carries neither
// the other languages nor the dashboards' texts. All parts share the one `translation` namespace, so
// a key reads the same wherever it is used; i18n/parts.test.ts keeps dashboard keys out of the
// pages that load without them.
import { createInstance, type i18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLocale, DEFAULT_LOCALE, isLocale, LOCALE_STORAGE_KEY, LOCALES, type Locale } from '../lib/locale';

export type TextPart = 'core' | 'dashboards' | 'admin' | 'imports' | 'exports';
type Loader = () => Promise<{ default: ResourceLanguage }>;

const LOADERS: Record<TextPart, Record<Locale, Loader>> = {
  core: {
    en: () => import('./texts/core/en.json'),
    es: () => import('./texts/core/es.json'),
    fr: () => import('./texts/core/fr.json'),
  },
  dashboards: {
    en: () => import('./texts/dashboards/en.json'),
    es: () => import('./texts/dashboards/es.json'),
    fr: () => import('./texts/dashboards/fr.json'),
  },
  admin: {
    en: () => import('./texts/admin/en.json'),
    es: () => import('./texts/admin/es.json'),
    fr: () => import('./texts/admin/fr.json'),
  },
  imports: {
    en: () => import('./texts/imports/en.json'),
    es: () => import('./texts/imports/es.json'),
    fr: () => import('./texts/imports/fr.json'),
  },
  exports: {
    en: () => import('./texts/exports/en.json'),
    es: () => import('./texts/exports/es.json'),
    fr: () => import('./texts/exports/fr.json'),
  },
};

/**
 * The interface texts of one i18next instance, loaded by part. It is handed around explicitly
 * (router context, `useInterfaceTexts`): react-i18next gives components a copy of the instance, so
 * the instance's identity cannot carry this state.
 */
export class InterfaceTexts {
  /** The parts asked for, so a language switch brings all of them along. */
  private readonly wanted = new Set<TextPart>();
  /** Loads in flight or done, by part and language: a part is fetched once. */
  private readonly loads = new Map<string, Promise<void>>();

  constructor(readonly i18n: i18n) {}

  /** Makes sure a part is loaded in the current language; resolves at once when it already is. */
  load(part: TextPart): Promise<void> {
    this.wanted.add(part);
    return this.loadPart(part, this.locale());
  }

  /** Loads every part used so far in the new language, then switches, so no key shows between. */
  async switchLanguage(locale: Locale): Promise<void> {
    await Promise.all([...this.wanted].map((part) => this.loadPart(part, locale)));
    await this.i18n.changeLanguage(locale);
  }

  private locale(): Locale {
    const language = this.i18n.resolvedLanguage ?? this.i18n.language;
    return isLocale(language) ? language : DEFAULT_LOCALE;
  }

  private loadPart(part: TextPart, locale: Locale): Promise<void> {
    const key = `${part}/${locale}`;
    const started = this.loads.get(key);
    if (started) return started;
    const load = LOADERS[part][locale]().then(({ default: texts }) => {
      // Deep merge into the one namespace; the parts have disjoint top-level groups.
      this.i18n.addResourceBundle(locale, 'translation', texts, true, false);
    });
    // A failed fetch (offline, a new release) may be retried by the next navigation.
    load.catch(() => this.loads.delete(key));
    this.loads.set(key, load);
    return load;
  }
}

/** Endonyms: each language is offered in its own name, whatever the current interface language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames); fall back to the browser language.
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the page still switches language.
  }
}

export function detectLocale(): Locale {
  return chooseLocale({
    stored: readStoredLocale(),
    preferred: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
}

function reflectInDocument(locale: string): void {
  document.documentElement.lang = locale;
}

export async function createInterfaceTexts(locale: Locale): Promise<InterfaceTexts> {
  const instance = createInstance();
  instance.on('languageChanged', reflectInDocument);
  await instance.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  const texts = new InterfaceTexts(instance);
  // Every language is complete (i18n/resources.test.ts), so English is needed only when it is chosen.
  await texts.load('core');
  reflectInDocument(locale);
  return texts;
}
