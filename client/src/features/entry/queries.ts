// Requests of the entry form and the review pages. Types come from the server routes by inference.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';

export const reportKeys = {
  all: ['reports'] as const,
  detail: (orgUnit: string, period: string, locale: Locale) => ['reports', 'detail', orgUnit, period, locale] as const,
  /** Every language's copy of one report: a save or a step changes them all. */
  anyLocale: (orgUnit: string, period: string) => ['reports', 'detail', orgUnit, period] as const,
  list: (filter: { status: string | null; period: string | null }) => ['reports', 'list', filter] as const,
  audit: (orgUnit: string, period: string, indicator: string) => ['audit', orgUnit, period, indicator] as const,
  periods: ['periods', 'quarters'] as const,
};

function fetchReport(orgUnit: string, period: string, locale: Locale) {
  return parseResponse(api.api.reports[':orgUnit'][':period'].$get({ param: { orgUnit, period }, query: { locale } }));
}

export type ReportDetail = Awaited<ReturnType<typeof fetchReport>>;
export type Indicator = ReportDetail['indicators'][number];
export type StoredValue = ReportDetail['values'][number];
export type PreviousValue = ReportDetail['previousValues'][number];
export type ReportState = ReportDetail['report']['status'];
export type ReportAction = ReportDetail['allowedActions'][number];
export type WorkflowAction = Exclude<ReportAction, 'save'>;
export type Outlier = ReportDetail['outliers'][number];
export type ReportEvent = ReportDetail['events'][number];

export function useReport(orgUnit: string, period: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: reportKeys.detail(orgUnit, period, locale),
    queryFn: () => fetchReport(orgUnit, period, locale),
    // The form keeps its own copy of what it typed; a refetch on focus would only cost a weak
    // connection bytes. Saves and steps put fresh data into the cache themselves.
    refetchOnWindowFocus: false,
    staleTime: 30_000,
  });
}

export interface ValueWrite {
  indicator: string;
  option: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number | null;
}

export function saveValues(orgUnit: string, period: string, values: ValueWrite[]) {
  return parseResponse(
    api.api.reports[':orgUnit'][':period'].values.$put({ param: { orgUnit, period }, json: { values } }),
  );
}

export type ReturnNote = ReportDetail['returnNotes'][number];
/** A reviewer's note on one field, sent with a return. */
export interface FieldNote {
  indicator: string;
  comment: string;
}

export function runAction(
  orgUnit: string,
  period: string,
  action: WorkflowAction,
  comment: string | null,
  notes: readonly FieldNote[] = [],
) {
  return parseResponse(
    api.api.reports[':orgUnit'][':period'][':action'].$post({
      param: { orgUnit, period, action },
      json: notes.length > 0 ? { comment, notes: [...notes] } : { comment },
    }),
  );
}

/**
 * Puts a report the server sent back after a save or a step into the cache. Those answers name
 * things in the account's language, so only the state is taken; names stay in the page's language.
 */
export function storeReport(queryClient: QueryClient, locale: Locale, fresh: ReportDetail): void {
  const key = reportKeys.detail(fresh.unit.code, fresh.period.id, locale);
  queryClient.setQueryData<ReportDetail>(key, (old) =>
    old
      ? {
          ...old,
          report: fresh.report,
          allowedActions: fresh.allowedActions,
          values: fresh.values,
          events: fresh.events,
          returnNotes: fresh.returnNotes,
          outliers: fresh.outliers,
        }
      : fresh,
  );
  // Other languages' copies and the review lists are now out of date.
  void queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'reports' && query.queryKey[1] === 'list') ||
      (query.queryKey[0] === 'reports' &&
        query.queryKey[2] === fresh.unit.code &&
        query.queryKey[3] === fresh.period.id &&
        query.queryKey[4] !== locale),
  });
}

function fetchQuarters() {
  return parseResponse(api.api.periods.$get({ query: { type: 'quarter' } }));
}

export type Periods = Awaited<ReturnType<typeof fetchQuarters>>;

export function usePeriods() {
  return useQuery({ queryKey: reportKeys.periods, queryFn: fetchQuarters, staleTime: 60 * 60_000 });
}

function fetchAudit(orgUnit: string, period: string, indicator: string) {
  return parseResponse(api.api.audit.$get({ query: { orgUnit, period, indicator, limit: '50' } }));
}

export type AuditEntry = Awaited<ReturnType<typeof fetchAudit>>['items'][number];

export function useFieldHistory(orgUnit: string, period: string, indicator: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.audit(orgUnit, period, indicator),
    queryFn: () => fetchAudit(orgUnit, period, indicator),
    enabled,
  });
}
