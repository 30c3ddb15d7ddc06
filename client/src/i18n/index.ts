// i18next wiring for the browser. Each language's texts are a chunk of their own, loaded before the
// first render and on a switch: the entry route's budget (150 KB gzip) cannot carry all three.
import { createInstance, type i18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLocale, LOCALE_STORAGE_KEY, LOCALES, type Locale } from '../lib/locale';

const LOADERS: Record<Locale, () => Promise<{ default: ResourceLanguage }>> = {
  en: () => import('./en.json'),
  es: () => import('./es.json'),
  fr: () => import('./fr.json'),
};

/** Makes sure a language's texts are loaded; resolves at once when they already are. */
export async function loadLanguage(instance: i18n, locale: Locale): Promise<void> {
  if (instance.hasResourceBundle(locale, 'translation')) return;
  const { default: texts } = await LOADERS[locale]();
  instance.addResourceBundle(locale, 'translation', texts);
}

/** Loads the language, then switches to it, so the page never shows keys in between. */
export async function switchLanguage(instance: i18n, locale: Locale): Promise<void> {
  await loadLanguage(instance, locale);
  await instance.changeLanguage(locale);
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

export async function createI18n(locale: Locale): Promise<i18n> {
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
  // Every language is complete (i18n/resources.test.ts), so English is needed only when it is chosen.
  await loadLanguage(instance, locale);
  reflectInDocument(locale);
  return instance;
}
