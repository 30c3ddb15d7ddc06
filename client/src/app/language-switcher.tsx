import { rootRouteId, useRouteContext } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, rememberLocale } from '../i18n';
import { useLocale } from '../i18n/use-locale';
import { isLocale, LOCALES } from '../lib/locale';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { texts } = useRouteContext({ from: rootRouteId });
  const locale = useLocale();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          rememberLocale(next);
          void texts.switchLanguage(next);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
