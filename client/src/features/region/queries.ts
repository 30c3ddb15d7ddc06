// What the regional scorecard needs besides analytics: which indicators the region's projects
// report at municipal level, and the reports waiting for the council's review.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';
import type { Indicator } from '../analytics/queries';
import { projectKeys } from '../projects/queries';

function fetchProject(code: string, locale: Locale) {
  return parseResponse(api.api.projects[':code'].$get({ param: { code }, query: { locale } }));
}

type ProjectDetail = Awaited<ReturnType<typeof fetchProject>>;

/**
 * The indicators the scorecard shows: those of the results frameworks of projects covering any of
 * the municipalities, reported at local level, in framework order, each once.
 */
export function scorecardIndicators(
  projects: readonly ProjectDetail[],
  municipalities: ReadonlySet<string>,
  indicators: readonly Pick<Indicator, 'code' | 'tiers'>[],
): string[] {
  const local = new Set(indicators.filter((indicator) => indicator.tiers.includes('local')).map((i) => i.code));
  const codes = new Set<string>();
  for (const project of projects) {
    if (!project.coveredUnits.some((unit) => municipalities.has(unit.code))) continue;
    for (const result of project.results) {
      for (const indicator of result.indicators) if (local.has(indicator.code)) codes.add(indicator.code);
    }
  }
  return [...codes];
}

/** Every project of a country with its results framework and covered units. */
export function useProjectDetails(codes: readonly string[]) {
  const locale = useLocale();
  return useQueries({
    queries: codes.map((code) => {
      const queryKey = projectKeys.detail(code, locale);
      return {
        queryKey,
        queryFn: () => fetchProject(code, locale),
        placeholderData: keepAcrossLocales<ProjectDetail, typeof queryKey>(queryKey),
      };
    }),
  });
}

function fetchSubmitted(orgUnit: string) {
  return parseResponse(api.api.reports.$get({ query: { orgUnit, status: 'submitted' } }));
}

export type SubmittedReport = Awaited<ReturnType<typeof fetchSubmitted>>['items'][number];

/** Reports submitted in the subtree and not yet approved. Staff only: the API answers 401 otherwise. */
export function useReportsToReview(orgUnit: string, enabled: boolean) {
  return useQuery({
    // Under ['reports', 'list'], so a review step's invalidation refreshes it too.
    queryKey: ['reports', 'list', { orgUnit, status: 'submitted' }] as const,
    queryFn: () => fetchSubmitted(orgUnit),
    enabled,
  });
}
