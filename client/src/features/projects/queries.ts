import { useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';

export interface ProjectFilter {
  /** Country org-unit code; all countries when absent. */
  country?: string | undefined;
}

export const projectKeys = {
  list: (filter: ProjectFilter, locale: Locale) =>
    ['projects', 'list', { country: filter.country ?? null }, locale] as const,
  detail: (code: string, locale: Locale) => ['projects', 'detail', code, locale] as const,
};

function fetchProjects(filter: ProjectFilter, locale: Locale) {
  return parseResponse(api.api.projects.$get({ query: { locale, country: filter.country } }));
}

function fetchProject(code: string, locale: Locale) {
  return parseResponse(api.api.projects[':code'].$get({ param: { code }, query: { locale } }));
}

export type ProjectList = Awaited<ReturnType<typeof fetchProjects>>;
export type ProjectSummary = ProjectList['items'][number];
export type ProjectDetail = Awaited<ReturnType<typeof fetchProject>>;

export function useProjects(filter: ProjectFilter = {}) {
  const locale = useLocale();
  const queryKey = projectKeys.list(filter, locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchProjects(filter, locale),
    placeholderData: keepAcrossLocales(queryKey),
  });
}

export function useProject(code: string) {
  const locale = useLocale();
  const queryKey = projectKeys.detail(code, locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchProject(code, locale),
    placeholderData: keepAcrossLocales(queryKey),
  });
}
