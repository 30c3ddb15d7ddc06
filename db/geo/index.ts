// The boundary and place files shipped with the product (see SOURCES.md beside this file for
// sources, licences and processing). Read once, on demand, by the seed and the tests.
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from '../geometry';

const here = new URL('.', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, here), 'utf8')) as T;
}

export interface CountryProperties {
  iso3: string;
  iso2: string;
  iso_n3: string;
  name: string;
}

export interface Admin1Properties {
  iso3: string;
  code: string;
  name: string;
  type: string;
  iso_3166_2: string | null;
  legacy: boolean;
  disputed: boolean;
  note: string | null;
}

export interface PhlProvinceProperties {
  iso3: 'PHL';
  code: string;
  iso_3166_2: string;
  name: string;
  type: string;
  region_code: string;
  region_name: string;
}

export interface Place {
  id: string;
  name: string;
  kind: 'key' | 'capital' | 'city';
  iso3: string;
  iso2: string;
  admin1_code: string;
  admin1_name: string;
  lat: number;
  lon: number;
  geonameid: number;
  province_name?: string;
  phl_provinces_code?: string;
  phl_provinces_name?: string;
}

export const loadCountries = () => readJson<FeatureCollection<CountryProperties>>('countries.geojson');
export const loadAdmin1 = () => readJson<FeatureCollection<Admin1Properties>>('admin1.geojson');
export const loadPhlProvinces = () => readJson<FeatureCollection<PhlProvinceProperties>>('phl_provinces.geojson');
export const loadPlaces = () => readJson<Place[]>('places.json');

export const GEO_CREDITS =
  'Boundaries: Natural Earth (public domain), naturalearthdata.com. Places: GeoNames (geonames.org), CC BY 4.0.';
