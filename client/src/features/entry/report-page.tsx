import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { EmptyState } from '../../components/query-state';
import { RequireUser } from '../auth/require-user';
import { parseReportParams } from './params';
import { type ReportMode, ReportScreen } from './report-screen';

const entryRoute = getRouteApi('/entry/$orgUnit/$period');

/** `/entry/$orgUnit/$period` (and, with mode review, the reviewer's copy of the same report). */
export function ReportPage({ mode = 'entry', params }: { mode?: ReportMode; params: Record<string, unknown> }) {
  const { t } = useTranslation();
  const parsed = parseReportParams(params);
  if (!parsed) {
    return (
      <>
        <PageHeader title={t('entry.unavailableTitle')} />
        <EmptyState>{t('entry.badAddress')}</EmptyState>
      </>
    );
  }
  return (
    <RequireUser>
      {(user) => <ReportScreen orgUnit={parsed.orgUnit} period={parsed.period} user={user} mode={mode} />}
    </RequireUser>
  );
}

export function EntryReportPage() {
  return <ReportPage params={entryRoute.useParams()} />;
}
