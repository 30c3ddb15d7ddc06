import { useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';

export const programmeKeys = {
  summary: (locale: Locale) => ['programme', 'summary', locale] as const,
};

function fetchProgrammeSummary(locale: Locale) {
  return parseResponse(api.api.programme.summary.$get({ query: { locale } }));
}

/** Inferred from the server route; never written out by hand. */
export type ProgrammeSummary = Awaited<ReturnType<typeof fetchProgrammeSummary>>;

export function useProgrammeSummary() {
  const locale = useLocale();
  const queryKey = programmeKeys.summary(locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchProgrammeSummary(locale),
    placeholderData: keepAcrossLocales(queryKey),
  });
}

/**
 * Whether the server runs the demo programme. Shares the summary's cache entry, so the header
 * badge costs no request on the overview.
 */
export function useIsDemo(): boolean {
  const locale = useLocale();
  const queryKey = programmeKeys.summary(locale);
  const { data } = useQuery({
    queryKey,
    queryFn: () => fetchProgrammeSummary(locale),
    placeholderData: keepAcrossLocales(queryKey),
    select: (summary) => summary.demo,
  });
  return data === true;
}
