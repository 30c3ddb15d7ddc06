// The same map as area-map.tsx, drawn as plain SVG: no zoom or pan, and no map library. For views that
// need nothing more than shaded outlines and points in a fixed frame — the programme overview's eight
// countries — so the donors' landing page stays within its JavaScript budget (Leaflet is ~44 KB gzip).
// It takes the same finished props as the Leaflet map and draws the same accessible shapes.
import './map.css';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { AreaMapProps, MapArea } from './area-map';
import { projectFrame, svgPath } from './svg-projection';

const VIEW = { width: 960, height: 400, padding: 12 };

interface Hover {
  label: string;
  /** Position in the frame, as fractions of its width and height. */
  x: number;
  y: number;
}

function activateOnKey(event: KeyboardEvent, activate: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    activate();
  }
}

export default function SvgMap({ label, hint, credits, areas, points, onActivate, wide }: AreaMapProps) {
  const creditsId = useId();
  const [hover, setHover] = useState<Hover | null>(null);
  const frame = useMemo(
    () =>
      projectFrame(
        [
          ...areas.map((area: MapArea) => area.geometry),
          ...points.map((point) => ({ type: 'Point' as const, coordinates: [point.position[1], point.position[0]] })),
        ],
        VIEW,
      ),
    [areas, points],
  );
  const show = (text: string, x: number, y: number) => setHover({ label: text, x: x / VIEW.width, y: y / VIEW.height });

  return (
    <section
      className={wide ? 'area-map area-map-wide svg-map' : 'area-map svg-map'}
      aria-label={`${label}. ${hint}`}
      aria-describedby={creditsId}
    >
      {/* A group of controls, not an image: an image's children would be hidden from assistive technology. */}
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset> */}
      <svg
        viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-label={label}
      >
        {areas.map((area) => {
          const d = svgPath(area.geometry, frame.project);
          if (!area.interactive) return <path key={area.code} d={d} className="map-context" />;
          const [x, y] = frame.centre(area.geometry);
          const activate = () => onActivate?.(area.code);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, tabindex and keys make it one
            <path
              key={area.code}
              d={d}
              className={area.missing ? 'map-area map-area-missing' : 'map-area'}
              fill={area.fill}
              role="button"
              tabIndex={0}
              aria-label={area.label}
              onClick={activate}
              onKeyDown={(event) => activateOnKey(event, activate)}
              onPointerEnter={() => show(area.label, x, y)}
              onPointerLeave={() => setHover(null)}
              onFocus={() => show(area.label, x, y)}
              onBlur={() => setHover(null)}
            />
          );
        })}
        {points.map((point) => {
          const [x, y] = frame.project([point.position[1], point.position[0]]);
          const activate = () => onActivate?.(point.code);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, tabindex and keys make it one
            <circle
              key={point.code}
              cx={x}
              cy={y}
              r={point.radius}
              className={point.highlighted ? 'map-point map-point-highlighted' : 'map-point'}
              fill={point.fill}
              fillOpacity={point.missing ? 0 : 0.85}
              role="button"
              tabIndex={0}
              aria-label={point.label}
              onClick={activate}
              onKeyDown={(event) => activateOnKey(event, activate)}
              onPointerEnter={() => show(point.label, x, y)}
              onPointerLeave={() => setHover(null)}
              onFocus={() => show(point.label, x, y)}
              onBlur={() => setHover(null)}
            />
          );
        })}
      </svg>
      {hover ? (
        // The shape's own aria-label says the same to screen readers; this is for the eyes.
        <p
          className="svg-map-tooltip"
          aria-hidden="true"
          style={{ left: `${hover.x * 100}%`, top: `${hover.y * 100}%` }}
        >
          {hover.label}
        </p>
      ) : null}
      {/* The credits are built from escaped texts and fixed links (map-panel.tsx, useMapCredits). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own escaped credits, no user input */}
      <p id={creditsId} className="svg-map-credits" dangerouslySetInnerHTML={{ __html: credits }} />
    </section>
  );
}
