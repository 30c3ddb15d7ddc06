// QueryState for a panel that needs several requests: the skeleton until all have answered, one
// contained error (retrying only the failed ones) if any failed.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice, LoadingStatus } from './query-state';

export function QueriesState({
  queries,
  what,
  skeleton,
  children,
}: {
  queries: readonly UseQueryResult<unknown>[];
  what: string;
  skeleton: ReactNode;
  children: () => ReactNode;
}) {
  const failed = queries.filter((query) => query.isError);
  if (failed.length > 0) {
    return (
      <ErrorNotice
        error={failed[0]?.error}
        what={what}
        retrying={failed.some((query) => query.isFetching)}
        onRetry={() => {
          for (const query of failed) void query.refetch();
        }}
      />
    );
  }
  if (queries.some((query) => query.isPending)) return <LoadingStatus>{skeleton}</LoadingStatus>;
  return <>{children()}</>;
}
