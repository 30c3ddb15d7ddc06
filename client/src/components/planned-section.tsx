import { useTranslation } from 'react-i18next';
import { PageHeader } from './page-header';

/** Honest placeholder for a section later versions fill: says it is missing and what it will do. */
export function PlannedSection({ section }: { section: 'entry' | 'review' | 'admin' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`planned.${section}.title`)} />
      <div className="notice notice-info">
        <p className="notice-title">{t('planned.notYet')}</p>
        <p>{t(`planned.${section}.description`)}</p>
        <p>{t('planned.meanwhile')}</p>
      </div>
    </>
  );
}
