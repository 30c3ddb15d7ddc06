// Small route-level states that ship in the entry chunk: they must show even when a page's
// chunk fails to load.
import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('routeError.title')}</p>
      <p>{t('routeError.body')}</p>
      {error instanceof Error && error.message ? <p className="notice-detail">{error.message}</p> : null}
      <button
        type="button"
        className="button"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('routeError.retry')}
      </button>
    </div>
  );
}

export function PagePending() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page-pending">
      {t('app.loadingPage')}
    </p>
  );
}
