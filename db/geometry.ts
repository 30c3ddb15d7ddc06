// Minimal GeoJSON geometry helpers for the shipped boundaries (WGS84 lon/lat, RFC 7946).

export type Position = [number, number];
export type Ring = Position[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: AreaGeometry;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

function polygonsOf(geometry: AreaGeometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Ray casting; a point inside an outer ring and outside its holes is inside. */
function inRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function containsPoint(geometry: AreaGeometry, point: Position): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  );
}

function ringArea(ring: Ring): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    area += xj * yi - xi * yj;
  }
  return area / 2;
}

/** Centroid of the largest polygon's outer ring: a label point that is not dragged to the sea by islands. */
export function labelPoint(geometry: AreaGeometry): Position {
  let best: Ring | undefined;
  for (const [outer] of polygonsOf(geometry)) {
    if (outer && (!best || Math.abs(ringArea(outer)) > Math.abs(ringArea(best)))) best = outer;
  }
  if (!best) throw new Error('geometry has no rings');
  const area = ringArea(best);
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [xi, yi] = best[i] as Position;
    const [xj, yj] = best[j] as Position;
    const cross = xj * yi - xi * yj;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  const centroid: Position = [cx / (6 * area), cy / (6 * area)];
  if (containsPoint(geometry, centroid)) return round(centroid);
  // A concave outline can put its centroid outside: take the middle of the widest stretch of the
  // horizontal line through the centroid that lies inside the ring.
  const y = centroid[1];
  const crossings: number[] = [];
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [xi, yi] = best[i] as Position;
    const [xj, yj] = best[j] as Position;
    if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  crossings.sort((a, b) => a - b);
  let widest: Position = centroid;
  let width = -1;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const [left, right] = [crossings[k] as number, crossings[k + 1] as number];
    if (right - left > width) {
      width = right - left;
      widest = [(left + right) / 2, y];
    }
  }
  return round(widest);
}

function round([x, y]: Position): Position {
  return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5];
}

/** Joins polygons into one MultiPolygon (no dissolve: shared edges stay, which a choropleth does not mind). */
export function mergeGeometries(geometries: AreaGeometry[]): MultiPolygonGeometry {
  return { type: 'MultiPolygon', coordinates: geometries.flatMap(polygonsOf) };
}
