// Requests for the dashboards: small pure functions turn view state into API queries (tested in
// queries.test.ts), thin hooks fetch. Response types come from the server routes by inference.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';
import { type PeriodRange, periodsParam } from './search';

export const BREAKDOWNS = ['none', 'unit', 'period', 'option'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The kinds of unit a by-unit breakdown can list (`level`), as the API's request schema says. */
export type UnitLevel = NonNullable<InferRequestType<typeof api.api.analytics.$get>['query']['level']>;

export interface AnalyticsParams {
  /** One indicator code, or several joined by commas (`codes.join(',')`): answered in `indicators`, in order. */
  indicator: string;
  /** Unit whose subtree is aggregated; null or absent for the whole programme. */
  orgUnit?: string | null;
  periods: PeriodRange;
  by: Breakdown;
  /** With by=unit: a row per unit of this kind below `orgUnit` (every municipality of a region), not per child. */
  level?: UnitLevel | null;
  /** With by=option: one category's options (SEX) instead of every combination. */
  category?: string | null;
  /** Only the values, baselines and targets of the units this project covers. */
  project?: string | null;
}

/** The API query for an analytics view. Only what is set goes into the URL, so cache keys stay stable. */
export function analyticsQuery(params: AnalyticsParams, locale: Locale) {
  return {
    indicator: params.indicator,
    periods: periodsParam(params.periods),
    by: params.by,
    locale,
    ...(params.orgUnit ? { orgUnit: params.orgUnit } : {}),
    // The API refuses a level or category with a breakdown it does not apply to.
    ...(params.by === 'unit' && params.level ? { level: params.level } : {}),
    ...(params.by === 'option' && params.category ? { category: params.category } : {}),
    ...(params.project ? { project: params.project } : {}),
  };
}

export interface CompletenessParams {
  orgUnit?: string | null;
  periods: PeriodRange;
  by: 'unit' | 'period';
}

export function completenessQuery(params: CompletenessParams, locale: Locale) {
  return {
    periods: periodsParam(params.periods),
    by: params.by,
    locale,
    ...(params.orgUnit ? { orgUnit: params.orgUnit } : {}),
  };
}

type AnalyticsQuery = ReturnType<typeof analyticsQuery>;
type CompletenessQuery = ReturnType<typeof completenessQuery>;

function fetchAnalytics(query: AnalyticsQuery) {
  return parseResponse(api.api.analytics.$get({ query }));
}

function fetchCompleteness(query: CompletenessQuery) {
  return parseResponse(api.api.completeness.$get({ query }));
}

function fetchQuarters() {
  return parseResponse(api.api.periods.$get({ query: { type: 'quarter' } }));
}

function fetchIndicators(locale: Locale) {
  return parseResponse(api.api.indicators.$get({ query: { locale } }));
}

export type Analytics = Awaited<ReturnType<typeof fetchAnalytics>>;
export type AnalyticsRow = Analytics['rows'][number];
export type AnalyticsFigure = Analytics['total'];
export type AnalyticsIndicator = Analytics['indicator'];
/** One indicator's total and rows, from a request naming several (`indicators`, in the order asked). */
export type AnalyticsIndicatorFigures = Analytics['indicators'][number];
export type Completeness = Awaited<ReturnType<typeof fetchCompleteness>>;
export type CompletenessRow = Completeness['rows'][number];
export type CompletenessCounts = Completeness['total'];
export type Indicator = Awaited<ReturnType<typeof fetchIndicators>>['items'][number];

export const analyticsKeys = {
  analytics: (query: AnalyticsQuery) => {
    const { locale, ...rest } = query;
    return ['analytics', 'figures', rest, locale] as const;
  },
  completeness: (query: CompletenessQuery) => {
    const { locale, ...rest } = query;
    return ['analytics', 'completeness', rest, locale] as const;
  },
  quarters: ['periods', 'quarters'] as const,
  indicators: (locale: Locale) => ['indicators', 'list', locale] as const,
};

function analyticsOptions(params: AnalyticsParams, locale: Locale) {
  const query = analyticsQuery(params, locale);
  const queryKey = analyticsKeys.analytics(query);
  return {
    queryKey,
    queryFn: () => fetchAnalytics(query),
    placeholderData: keepAcrossLocales<Analytics, typeof queryKey>(queryKey),
  };
}

/** Indicators aggregated as the view asks; `null` params wait (e.g. for the period range). */
export function useAnalytics(params: AnalyticsParams | null) {
  const locale = useLocale();
  const fallback = analyticsOptions({ indicator: '', periods: {}, by: 'none' }, locale);
  return useQuery({ ...(params ? analyticsOptions(params, locale) : fallback), enabled: params !== null });
}

/** Several analytics requests at once, where one cannot answer them all (e.g. a trend per municipality). */
export function useAnalyticsList(list: AnalyticsParams[]) {
  const locale = useLocale();
  return useQueries({ queries: list.map((params) => analyticsOptions(params, locale)) });
}

/** The rows of several by-unit breakdowns, joined; the same array while no answer changes. */
function joinRows(results: { data?: Analytics | undefined; isPending: boolean }[]) {
  return {
    rows: results.flatMap((result) => result.data?.rows ?? []),
    pending: results.some((result) => result.isPending),
    indicator: results.find((result) => result.data)?.data?.indicator,
  };
}

export function useAnalyticsRows(list: AnalyticsParams[]) {
  const locale = useLocale();
  return useQueries({ queries: list.map((params) => analyticsOptions(params, locale)), combine: joinRows });
}

export function useCompleteness(params: CompletenessParams | null) {
  const locale = useLocale();
  const query = completenessQuery(params ?? { periods: {}, by: 'unit' }, locale);
  const queryKey = analyticsKeys.completeness(query);
  return useQuery({
    queryKey,
    queryFn: () => fetchCompleteness(query),
    placeholderData: keepAcrossLocales<Completeness, typeof queryKey>(queryKey),
    enabled: params !== null,
  });
}

/** The reporting quarters up to the one being reported now; the period pickers offer these. */
export function useQuarters() {
  return useQuery({
    queryKey: analyticsKeys.quarters,
    queryFn: fetchQuarters,
    // Quarters change once a quarter; an hour is plenty.
    staleTime: 60 * 60_000,
    select: (data) => ({
      reporting: data.reporting,
      quarters: data.items.filter((item) => item.id <= data.reporting).map((item) => item.id),
    }),
  });
}

export function useIndicators() {
  const locale = useLocale();
  const queryKey = analyticsKeys.indicators(locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchIndicators(locale),
    placeholderData: keepAcrossLocales(queryKey),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}
