// Fits GeoJSON into a fixed SVG frame: an equirectangular projection scaled by the cosine of the
// middle latitude, which keeps shapes recognisable over the programme's latitudes (−5° to 35°) and
// needs no projection library. Pure functions, tested without a browser.

type Position = readonly number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] };

export interface Frame {
  /** [longitude, latitude] → [x, y] in the frame. */
  project: (position: Position) => [number, number];
  /** The middle of a geometry's bounding box, in the frame (where its tooltip goes). */
  centre: (geometry: Geometry) => [number, number];
}

function positionsOf(geometry: Geometry): readonly Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

interface Bounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

function boundsOf(positions: readonly Position[]): Bounds | null {
  if (positions.length === 0) return null;
  let bounds: Bounds = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const [lon = 0, lat = 0] of positions) {
    bounds = {
      west: Math.min(bounds.west, lon),
      east: Math.max(bounds.east, lon),
      south: Math.min(bounds.south, lat),
      north: Math.max(bounds.north, lat),
    };
  }
  return bounds;
}

/** A projection that fits every geometry into the frame, centred, with padding on every side. */
export function projectFrame(
  geometries: readonly Geometry[],
  view: { width: number; height: number; padding: number },
): Frame {
  const bounds = boundsOf(geometries.flatMap(positionsOf)) ?? { west: -180, east: 180, south: -60, north: 80 };
  const middle = ((bounds.north + bounds.south) / 2) * (Math.PI / 180);
  const stretch = Math.cos(middle);
  // A single point has no extent: give it a degree around it.
  const spanX = Math.max((bounds.east - bounds.west) * stretch, 1);
  const spanY = Math.max(bounds.north - bounds.south, 1);
  const scale = Math.min((view.width - 2 * view.padding) / spanX, (view.height - 2 * view.padding) / spanY);
  const offsetX = (view.width - spanX * scale) / 2;
  const offsetY = (view.height - spanY * scale) / 2;
  const centreLon = (bounds.east + bounds.west) / 2;
  const centreLat = (bounds.north + bounds.south) / 2;
  const project = ([lon = 0, lat = 0]: Position): [number, number] => [
    offsetX + ((lon - centreLon) * stretch + spanX / 2) * scale,
    offsetY + (centreLat - lat + spanY / 2) * scale,
  ];
  return {
    project,
    centre: (geometry) => {
      const own = boundsOf(positionsOf(geometry));
      return own ? project([(own.west + own.east) / 2, (own.south + own.north) / 2]) : project([centreLon, centreLat]);
    },
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

function ringPath(ring: readonly Position[], project: Frame['project']): string {
  return `${ring
    .map((position, index) => {
      const [x, y] = project(position);
      return `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
    })
    .join('')}Z`;
}

/** An SVG path for a polygon or multipolygon; holes are rings of their own (draw with evenodd). */
export function svgPath(geometry: Geometry, project: Frame['project']): string {
  switch (geometry.type) {
    case 'Point':
      return '';
    case 'Polygon':
      return geometry.coordinates.map((ring) => ringPath(ring, project)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.map((ring) => ringPath(ring, project))).join('');
  }
}
