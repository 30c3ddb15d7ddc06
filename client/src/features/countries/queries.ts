import { useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';

export const orgUnitKeys = {
  detail: (code: string, locale: Locale) => ['org-units', 'detail', code, locale] as const,
};

function fetchOrgUnit(code: string, locale: Locale) {
  return parseResponse(api.api['org-units'][':code'].$get({ param: { code }, query: { locale } }));
}

export type OrgUnitDetail = Awaited<ReturnType<typeof fetchOrgUnit>>;
export type OrgUnitSummary = OrgUnitDetail['unit'];

/** A country, or any unit inside one, with its ancestors (root first) and its children. */
export function useCountry(code: string) {
  const locale = useLocale();
  const queryKey = orgUnitKeys.detail(code, locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchOrgUnit(code, locale),
    placeholderData: keepAcrossLocales(queryKey),
  });
}
