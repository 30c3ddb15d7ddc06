// Map geometry from GET /api/geo: shipped GeoJSON, so maps never need the network beyond our API.
import { useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { keepAcrossLocales } from '../../lib/query';

export type BoundaryScope = { parent: string } | { level: number };

export interface PointScope {
  /** Units anywhere below this one; the whole programme when absent. */
  parent?: string | undefined;
  kind?: 'country' | 'region' | 'province' | 'municipality' | undefined;
}

function fetchBoundaries(scope: BoundaryScope, locale: Locale) {
  const query = 'parent' in scope ? { parent: scope.parent, locale } : { level: String(scope.level), locale };
  return parseResponse(api.api.geo.boundaries.$get({ query }));
}

function fetchPoints(scope: PointScope, locale: Locale) {
  return parseResponse(
    api.api.geo.points.$get({
      query: { locale, ...(scope.parent ? { parent: scope.parent } : {}), ...(scope.kind ? { kind: scope.kind } : {}) },
    }),
  );
}

export type Boundaries = Awaited<ReturnType<typeof fetchBoundaries>>;
export type BoundaryFeature = Boundaries['features'][number];
export type Points = Awaited<ReturnType<typeof fetchPoints>>;
export type PointFeature = Points['features'][number];

export const geoKeys = {
  boundaries: (scope: BoundaryScope, locale: Locale) => ['geo', 'boundaries', scope, locale] as const,
  points: (scope: PointScope, locale: Locale) =>
    ['geo', 'points', { parent: scope.parent ?? null, kind: scope.kind ?? null }, locale] as const,
};

// Outlines change only when an admin loads new ones (the server lets browsers keep them an hour).
const GEO_STALE_TIME = 60 * 60_000;

export function useBoundaries(scope: BoundaryScope | null) {
  const locale = useLocale();
  const effective = scope ?? { level: 1 };
  const queryKey = geoKeys.boundaries(effective, locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchBoundaries(effective, locale),
    placeholderData: keepAcrossLocales(queryKey),
    staleTime: GEO_STALE_TIME,
    enabled: scope !== null,
  });
}

export function usePoints(scope: PointScope | null) {
  const locale = useLocale();
  const effective = scope ?? {};
  const queryKey = geoKeys.points(effective, locale);
  return useQuery({
    queryKey,
    queryFn: () => fetchPoints(effective, locale),
    placeholderData: keepAcrossLocales(queryKey),
    staleTime: GEO_STALE_TIME,
    enabled: scope !== null,
  });
}
