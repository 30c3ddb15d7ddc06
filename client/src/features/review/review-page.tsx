// `/review`: the reports in the reviewer's subtree, filtered by status and quarter, with batch steps.
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/action-dialog';
import { readApiError } from '../../components/api-error';
import { DataTable } from '../../components/data-table';
import { usePeriodLabel } from '../../components/formatted';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { formatNumber } from '../../lib/format';
import { RequireUser } from '../auth/require-user';
import { canReview, type Me } from '../auth/session';
import { openQuarters } from '../entry/params';
import { reportKeys, usePeriods } from '../entry/queries';
import { queueColumns, queueRowId, type Selection, SelectionContext } from './columns';
import { type BatchAction, type QueueItem, runBatch, useReviewQueue } from './queries';
import { defaultStatus, QUEUE_STATUSES, type StatusFilter } from './search';

const route = getRouteApi('/review');

export function ReviewPage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(user) =>
        canReview(user.role) ? (
          <ReviewQueue user={user} />
        ) : (
          <>
            <PageHeader title={t('review.title')} />
            <p className="notice notice-info">{t('review.notReviewer')}</p>
          </>
        )
      }
    </RequireUser>
  );
}

function ReviewQueue({ user }: { user: Me }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const status = search.status ?? defaultStatus(user.role);
  const queue = useReviewQueue(status, search.period);
  return (
    <>
      <PageHeader title={t('review.title')}>
        <p className="lede">{t('review.intro', { unit: user.orgUnit?.name ?? t('review.programme') })}</p>
      </PageHeader>
      <Filters status={status} period={search.period} />
      <section className="panel" aria-label={t('review.listLabel')}>
        <QueryState query={queue} what={t('review.what')} skeleton={<SkeletonTable rows={8} />}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>{t('review.empty')}</EmptyState>
            ) : (
              <Queue items={data.items} total={data.total} user={user} status={status} period={search.period} />
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function Filters({ status, period }: { status: StatusFilter; period: string | undefined }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const statusId = useId();
  const periodId = useId();
  const periodLabel = usePeriodLabel();
  const periods = usePeriods();
  const quarters = periods.data ? openQuarters(periods.data.items, periods.data.today, 12) : [];
  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        <div className="field">
          <label htmlFor={statusId}>{t('review.statusFilter')}</label>
          <select
            id={statusId}
            value={status}
            onChange={(event) =>
              void navigate({
                search: (previous) => ({ ...previous, status: event.target.value as StatusFilter }),
                replace: true,
              })
            }
          >
            {QUEUE_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`reportStatus.${option}`)}
              </option>
            ))}
            <option value="all">{t('review.allStatuses')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={periodId}>{t('review.periodFilter')}</label>
          <select
            id={periodId}
            value={period ?? ''}
            onChange={(event) =>
              void navigate({
                search: (previous) => ({ ...previous, period: event.target.value || undefined }),
                replace: true,
              })
            }
          >
            <option value="">{t('review.allQuarters')}</option>
            {quarters.map((quarter) => (
              <option key={quarter.id} value={quarter.id}>
                {periodLabel(quarter.id)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

function batchActionsFor(role: Me['role']): BatchAction[] {
  return role === 'national' || role === 'admin' ? ['accept', 'approve', 'return'] : ['approve', 'return'];
}

function Queue({
  items,
  total,
  user,
  status,
  period,
}: {
  items: QueueItem[];
  /** How many reports the filters select; more than `items` when the server cut the list. */
  total: number;
  user: Me;
  status: StatusFilter;
  period: string | undefined;
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<BatchAction | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const [done, setDone] = useState('');
  // Only rows still listed count: a filter change must not act on reports one can no longer see.
  const chosen = items.filter((item) => selected.has(queueRowId(item)));

  const selection = useMemo<Selection>(
    () => ({
      selected,
      visible: items,
      toggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      toggleAll: (on) => setSelected(on ? new Set(items.map(queueRowId)) : new Set()),
    }),
    [selected, items],
  );

  const confirm = async (comment: string) => {
    if (!action) return;
    setPending(true);
    setError(null);
    try {
      const result = await runBatch(
        action,
        chosen.map((item) => ({ orgUnit: item.orgUnit.code, period: item.period })),
        comment || null,
      );
      setDone(t(`review.batchDone.${action}`, { count: result.done }));
      setSelected(new Set());
      setAction(null);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    } catch (failure) {
      const { status, message } = readApiError(failure);
      setError(
        <>
          <p>{status === null ? t('common.networkError') : t('review.batchFailed')}</p>
          {message ? <p className="notice-detail">{t('common.serverMessage', { message })}</p> : null}
        </>,
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <SelectionContext.Provider value={selection}>
      <p role="status" className={done ? 'notice notice-success' : 'visually-hidden'}>
        {done}
      </p>
      <div className="batch-bar">
        <p className="toolbar-count">
          {total > items.length
            ? t('review.countOf', {
                total: formatNumber(total, locale),
                shown: formatNumber(items.length, locale),
                selected: chosen.length,
              })
            : t('review.count', { count: items.length, selected: chosen.length })}
        </p>
        <div className="workflow-buttons">
          {batchActionsFor(user.role).map((candidate) => (
            <button
              key={candidate}
              type="button"
              className={`button${candidate === 'return' ? '' : ' button-primary'}`}
              disabled={chosen.length === 0}
              onClick={() => {
                setError(null);
                setDone('');
                setAction(candidate);
              }}
            >
              {t(`review.batch.${candidate}`, { count: chosen.length })}
            </button>
          ))}
        </div>
      </div>
      {total > items.length ? (
        <p className="notice notice-warning">
          {t('review.truncated', { total: formatNumber(total, locale), shown: formatNumber(items.length, locale) })}
        </p>
      ) : null}
      <DataTable
        data={items}
        columns={queueColumns}
        caption={t('review.listLabel')}
        getRowId={queueRowId}
        exportContext={{
          title: t('review.title'),
          filters: [
            [t('review.statusFilter'), status === 'all' ? t('review.allStatuses') : t(`reportStatus.${status}`)],
            [t('review.periodFilter'), period ? periodLabel(period) : t('review.allQuarters')],
          ],
        }}
      />
      <ActionDialog
        open={action !== null}
        title={action ? t(`review.batchDialog.${action}`, { count: chosen.length }) : ''}
        description={
          <ul className="batch-list">
            {chosen.map((item) => (
              <li key={queueRowId(item)}>
                {item.orgUnit.name} · <QuarterText period={item.period} />
              </li>
            ))}
          </ul>
        }
        commentLabel={action === 'return' ? t('workflow.dialog.return.comment') : t('review.batchComment')}
        commentRequired={action === 'return'}
        confirmLabel={action ? t(`review.batch.${action}`, { count: chosen.length }) : ''}
        pending={pending}
        error={error}
        onConfirm={(comment) => void confirm(comment)}
        onCancel={() => setAction(null)}
      />
    </SelectionContext.Provider>
  );
}

function QuarterText({ period }: { period: string }) {
  return <>{usePeriodLabel()(period)}</>;
}
