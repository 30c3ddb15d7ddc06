// The optional background tile layer. Maps work without one (outlines from our API on a plain
// background); an installation that wants streets sets VITE_TILE_URL (and its attribution, which the
// tile provider's licence requires) at build time.

export interface TileConfig {
  url: string;
  attribution: string;
}

/** Reads the build's environment; a URL that is not http(s) with {z}/{x}/{y} is ignored, not half-used. */
export function readTileConfig(env: Record<string, unknown>): TileConfig | null {
  const url = typeof env.VITE_TILE_URL === 'string' ? env.VITE_TILE_URL.trim() : '';
  if (!/^https?:\/\/\S+$/.test(url) || !['{z}', '{x}', '{y}'].every((part) => url.includes(part))) return null;
  const attribution = typeof env.VITE_TILE_ATTRIBUTION === 'string' ? env.VITE_TILE_ATTRIBUTION.trim() : '';
  return { url, attribution };
}
