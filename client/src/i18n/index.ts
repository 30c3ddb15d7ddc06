// i18next wiring for the browser. All three languages are bundled (a few KB each), so switching
// language never waits on the network for interface texts.
import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLocale, LOCALE_STORAGE_KEY, LOCALES, type Locale } from '../lib/locale';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

export const resources = {
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
} as const;

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

export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  instance.on('languageChanged', reflectInDocument);
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
