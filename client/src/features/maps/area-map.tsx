// The Leaflet map. Loaded lazily (leaflet is ~45 KB gzip): pages render their text and tables first
// and import this only where a map is drawn. It takes finished props — colours, labels, radii — and
// knows nothing about indicators.
import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import type { BoundaryFeature } from './queries';
import { readTileConfig } from './tile-config';

export interface MapArea {
  code: string;
  geometry: BoundaryFeature['geometry'];
  fill: string;
  /** Read by screen readers (aria-label) and shown as the tooltip: name, value, class. */
  label: string;
  /** False for context outlines (the unit being looked at), drawn without fill and not focusable. */
  interactive: boolean;
  /** Dashed outline: no data for this unit. */
  missing?: boolean;
}

export interface MapPoint {
  code: string;
  /** [latitude, longitude] */
  position: [number, number];
  radius: number;
  fill: string;
  label: string;
  highlighted?: boolean;
  missing?: boolean;
}

export interface AreaMapProps {
  /** The map's accessible name: "Map: people served by country". */
  label: string;
  /** How to use the map from the keyboard, read with the map's name. */
  hint: string;
  /** Credits for the shipped geography, shown in the attribution control. */
  credits: string;
  areas: MapArea[];
  points: MapPoint[];
  /** Click, Enter or Space on an interactive area or point. */
  onActivate?: ((code: string) => void) | undefined;
  /** Refit the view only when this changes (a new unit), not on every new indicator. */
  fitKey: string;
  /** A wide, low frame (the programme's countries across three continents). */
  wide?: boolean | undefined;
}

const TILES = readTileConfig(import.meta.env);
const OUTLINE = '#35495e';

function makeAccessible(layer: L.Path, label: string, activate: () => void) {
  const element = layer.getElement();
  if (!element) return;
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  element.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  });
}

function Layers({ areas, points, onActivate, fitKey }: Omit<AreaMapProps, 'label' | 'hint' | 'credits' | 'wide'>) {
  const map = useMap();
  // The latest handler, without redrawing every layer when only the callback's identity changes.
  const activateRef = useRef(onActivate);
  useEffect(() => {
    activateRef.current = onActivate;
  }, [onActivate]);
  const fittedFor = useRef<string | null>(null);

  useEffect(() => {
    const group = L.featureGroup();
    const focusable: [L.Path, string, string][] = [];
    for (const area of areas) {
      const layer = L.geoJSON(area.geometry, {
        interactive: area.interactive,
        style: area.interactive
          ? {
              // A dark hairline keeps small units (El Salvador on a world view) visible at any fill.
              color: '#4a5565',
              weight: 0.8,
              className: 'map-area',
              fillColor: area.fill,
              fillOpacity: 0.9,
              dashArray: area.missing ? '4 3' : undefined,
            }
          : { color: OUTLINE, weight: 2, fill: false, dashArray: '6 4' },
      });
      if (area.interactive) {
        layer.eachLayer((child) => {
          if (!(child instanceof L.Path)) return;
          child.bindTooltip(area.label, { sticky: true });
          child.on('click', () => activateRef.current?.(area.code));
          focusable.push([child, area.label, area.code]);
        });
      }
      group.addLayer(layer);
    }
    for (const point of points) {
      const marker = L.circleMarker(point.position, {
        className: 'map-point',
        radius: point.radius,
        color: point.highlighted ? '#000000' : OUTLINE,
        weight: point.highlighted ? 3 : 1.5,
        fillColor: point.fill,
        fillOpacity: point.missing ? 0 : 0.85,
      });
      marker.bindTooltip(point.label);
      marker.on('click', () => activateRef.current?.(point.code));
      focusable.push([marker, point.label, point.code]);
      group.addLayer(marker);
    }
    group.addTo(map);
    // Elements exist only once the layers are on the map.
    for (const [layer, label, code] of focusable) makeAccessible(layer, label, () => activateRef.current?.(code));

    if (fittedFor.current !== fitKey) {
      const bounds = group.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16], maxZoom: 9, animate: false });
        fittedFor.current = fitKey;
      }
    }
    return () => {
      group.remove();
    };
  }, [map, areas, points, fitKey]);
  return null;
}

function Describe({ label, hint, credits }: Pick<AreaMapProps, 'label' | 'hint' | 'credits'>) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', `${label}. ${hint}`);
    map.attributionControl.addAttribution(credits);
    return () => {
      map.attributionControl.removeAttribution(credits);
    };
  }, [map, label, hint, credits]);
  return null;
}

export default function AreaMap({ label, hint, credits, areas, points, onActivate, fitKey, wide }: AreaMapProps) {
  return (
    <MapContainer
      className={wide ? 'area-map area-map-wide' : 'area-map'}
      center={[10, 0]}
      zoom={2}
      minZoom={1}
      maxZoom={12}
      // Fractional zoom, so eight countries on three continents fill the frame instead of a zoom level too far out.
      zoomSnap={0.25}
      zoomDelta={0.5}
      // A page scrolls with the wheel; zoom with the buttons, the keyboard or a pinch instead.
      scrollWheelZoom={false}
      worldCopyJump
    >
      {TILES ? <TileLayer url={TILES.url} attribution={TILES.attribution} /> : null}
      <Describe label={label} hint={hint} credits={credits} />
      <Layers areas={areas} points={points} onActivate={onActivate} fitKey={fitKey} />
    </MapContainer>
  );
}
