// `/entry`: the signed-in person's own unit and the quarter being reported now.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PagePending } from '../../app/fallbacks';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { Redirect } from '../../components/redirect';
import { RequireUser } from '../auth/require-user';
import { canEnterData, type Me } from '../auth/session';
import { usePeriods } from './queries';

export function EntryPage() {
  return <RequireUser>{(user) => <DefaultReport user={user} />}</RequireUser>;
}

function DefaultReport({ user }: { user: Me }) {
  const { t } = useTranslation();
  const periods = usePeriods();
  if (!user.orgUnit || !canEnterData(user.role)) {
    return (
      <>
        <PageHeader title={t('nav.entry')} />
        <p className="notice notice-info">{t('entry.noUnit')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </>
    );
  }
  const unit = user.orgUnit.code;
  return (
    <QueryState query={periods} what={t('entry.periodsWhat')} skeleton={<PagePending />}>
      {(data) => (
        <Redirect
          go={(navigate) =>
            navigate({
              to: '/entry/$orgUnit/$period',
              params: { orgUnit: unit, period: data.reporting },
              replace: true,
            })
          }
        />
      )}
    </QueryState>
  );
}
