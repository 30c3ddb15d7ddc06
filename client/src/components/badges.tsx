import { useTranslation } from 'react-i18next';

/** Marks the projects that were invented for the demo, so nobody reads them as real practice. */
export function IllustrativeBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-illustrative" title={t('common.illustrativeDescription')}>
      {t('common.illustrative')}
      <span className="visually-hidden">: {t('common.illustrativeDescription')}</span>
    </span>
  );
}
