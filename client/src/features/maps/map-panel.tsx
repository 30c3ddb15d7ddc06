// A map with its legend. The map itself loads lazily: Leaflet where people zoom and pan (a country's
// regions and municipalities), plain SVG for a fixed frame (the programme's eight countries). The
// legend and the page's table of values are plain HTML that show at once and say everything the
// colours say.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary, useRetryableLazy } from '../../components/panel-boundary';
import { LoadingStatus } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue } from '../../lib/format';
import type { AreaMapProps } from './area-map';
import type { Classification } from './classify';
import { NO_DATA_COLOUR } from './classify';

const LOADERS = {
  leaflet: () => import('./area-map'),
  svg: () => import('./svg-map'),
};

/** Leaflet's attribution control takes HTML; our texts are escaped before they go in. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function useMapCredits(): string {
  const { t } = useTranslation();
  return [
    `${escapeHtml(t('map.boundariesCredit'))} <a href="https://www.naturalearthdata.com/">Natural Earth</a>`,
    `${escapeHtml(t('map.placesCredit'))} <a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>)`,
  ].join(' · ');
}

export function MapSkeleton() {
  return (
    <LoadingStatus>
      <span className="skeleton skeleton-map" />
    </LoadingStatus>
  );
}

export function MapPanel({
  legend,
  draw = 'leaflet',
  ...map
}: AreaMapProps & {
  legend: React.ReactNode;
  /** 'svg' for a fixed frame without zoom, and without the map library's weight. */
  draw?: keyof typeof LOADERS;
}) {
  const { t } = useTranslation();
  const [AreaMap, retry] = useRetryableLazy(LOADERS[draw]);
  return (
    <div className={map.wide ? 'map-layout map-layout-wide' : 'map-layout'}>
      <div className="map-frame">
        <PanelBoundary what={t('map.what')} onRetry={retry}>
          <Suspense fallback={<MapSkeleton />}>
            <AreaMap {...map} />
          </Suspense>
        </PanelBoundary>
      </div>
      {legend}
    </div>
  );
}

export function ChoroplethLegend({
  title,
  unit,
  classes,
  missing,
  pointsNote,
}: {
  title: string;
  unit: string;
  /** The classes of the shaded areas; null on a map of points only. */
  classes: Classification | null;
  /** Units without a value: a "no data" entry appears only when there are some. */
  missing: number;
  pointsNote?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = (value: number) => formatIndicatorValue(value, locale);
  return (
    <div className="map-legend">
      <p className="map-legend-title">{title}</p>
      <p className="map-legend-unit">{t('map.legendUnit', { unit })}</p>
      {classes === null ? null : classes.bins.length === 0 ? (
        <p className="muted">{t('map.noClasses')}</p>
      ) : (
        <ul>
          {classes.bins.map((bin) => (
            <li key={`${bin.from}-${bin.to}`}>
              <span className="swatch" style={{ background: bin.colour }} aria-hidden="true" />
              {bin.from === bin.to ? format(bin.from) : t('map.range', { from: format(bin.from), to: format(bin.to) })}{' '}
              <span className="muted">({t('map.unitCount', { count: bin.count })})</span>
            </li>
          ))}
          {missing > 0 ? (
            <li>
              <span className="swatch swatch-missing" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
              {t('dash.noData')} <span className="muted">({t('map.unitCount', { count: missing })})</span>
            </li>
          ) : null}
        </ul>
      )}
      {pointsNote ? <p className="map-legend-note">{pointsNote}</p> : null}
    </div>
  );
}
