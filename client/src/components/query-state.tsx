// Loading, error and empty states for one panel. An error stays inside the panel whose request
// failed, with its own retry, so the rest of the page keeps working.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFailure } from '../lib/api';

export function LoadingStatus({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="loading" aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('common.loading')}
      </p>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}

export function SkeletonLines({ lines = 3 }: { lines?: number }) {
  return (
    <div className="skeleton-lines">
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders that never reorder.
        <span key={index} className="skeleton skeleton-line" />
      ))}
    </div>
  );
}

export function SkeletonTable({ rows = 5 }: { rows?: number }) {
  return (
    <div className="skeleton-table">
      <span className="skeleton skeleton-row skeleton-head" />
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders that never reorder.
        <span key={index} className="skeleton skeleton-row" />
      ))}
    </div>
  );
}

export function ErrorNotice({
  error,
  what,
  onRetry,
  retrying,
}: {
  error: unknown;
  /** What failed to load, as a noun phrase: "the list of projects". */
  what: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  const failure = describeFailure(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('common.loadError', { what })}</p>
      <p>{failure.status === null ? t('common.networkError') : t('common.serverError', { status: failure.status })}</p>
      {failure.message ? (
        <p className="notice-detail">{t('common.serverMessage', { message: failure.message })}</p>
      ) : null}
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? t('common.retrying') : t('common.retry')}
      </button>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}

/**
 * Renders a query's data through `children`, or the state that stands in for it. `isEmpty` and
 * `empty` give an empty state that says why there is nothing to show.
 */
export function QueryState<T>({
  query,
  what,
  skeleton,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  skeleton: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingStatus>{skeleton}</LoadingStatus>;
  if (query.isError) {
    return (
      <ErrorNotice error={query.error} what={what} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
