import { useQuery } from '@tanstack/react-query';
import { api, parseResponse } from '../../lib/api';
import { reportKeys } from '../entry/queries';
import { type StatusFilter, toListQuery } from './search';

function fetchQueue(status: StatusFilter, period: string | undefined) {
  return parseResponse(api.api.reports.$get({ query: toListQuery(status, period) }));
}

export type QueueItem = Awaited<ReturnType<typeof fetchQueue>>['items'][number];

export function useReviewQueue(status: StatusFilter, period: string | undefined) {
  return useQuery({
    queryKey: reportKeys.list({ status, period: period ?? null }),
    queryFn: () => fetchQueue(status, period),
  });
}

export type BatchAction = 'approve' | 'return' | 'accept';

export function runBatch(action: BatchAction, reports: { orgUnit: string; period: string }[], comment: string | null) {
  return parseResponse(api.api.reports.batch[':action'].$post({ param: { action }, json: { reports, comment } }));
}
