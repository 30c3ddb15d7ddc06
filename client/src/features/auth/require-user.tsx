import { useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PagePending } from '../../app/fallbacks';
import { ErrorNotice } from '../../components/query-state';
import { Redirect } from '../../components/redirect';
import { type Me, useMe } from './session';

/** Renders `children` for a signed-in person; sends anyone else to sign in and back here after. */
export function RequireUser({ children }: { children: (user: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PagePending />;
  if (me.isError) {
    return (
      <ErrorNotice
        error={me.error}
        what={t('auth.sessionWhat')}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  const user = me.data.user;
  if (!user) {
    return (
      <Redirect go={(navigate) => navigate({ to: '/login', search: { redirect: location.href }, replace: true })} />
    );
  }
  return <>{children(user)}</>;
}
