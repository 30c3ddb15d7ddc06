// Shapes of the demo programme's hand-written content. The seed (db/seed/demo.ts) turns these into rows.
// Everything here is plain data: no randomness, no dates computed from "now".

export type Locale = 'en' | 'es' | 'fr';
/** A translatable text: English is the default, Spanish and French complete the demo. */
export type Text = Record<Locale, string>;

export type UnitTier = 'national' | 'regional' | 'local';
export type ValueType = 'integer' | 'number' | 'percentage' | 'yes_no' | 'stage';
export type AggregationType = 'sum' | 'average' | 'last' | 'max' | 'count' | 'ratio';
export type Direction = 'higher' | 'lower';

export interface ThemeContent {
  code: string;
  name: Text;
  description: Text;
}

export interface CategoryContent {
  code: string; // e.g. 'SEX'
  name: Text;
  options: { code: string; name: Text }[]; // e.g. { code: 'F', name: { en: 'Female', ... } }
}

export interface DisaggregationContent {
  code: string; // e.g. 'SEX_AGE_STATUS'
  name: Text;
  categories: string[]; // category codes, in order; options are their cartesian product
}

export interface IndicatorContent {
  code: string;
  name: Text;
  shortName: Text;
  description: Text;
  /** Unit of measure shown next to values, e.g. { en: 'people', es: 'personas', fr: 'personnes' } */
  unit: Text;
  valueType: ValueType;
  aggregationType: AggregationType;
  direction: Direction;
  theme: string; // theme code
  /** Disaggregation code, or null for a single total. */
  disaggregation: string | null;
  /** Which tiers report it: municipalities, regional councils, national commissions. */
  tiers: UnitTier[];
  periodicity: 'quarterly' | 'annual';
  /** For 'count': a unit counts when its value >= threshold (yes/no: 1). */
  countThreshold?: number;
  /** For 'stage': the highest stage (stages run 0..max), with a label for each stage. */
  stages?: Text[];
  /** Plausible size of one unit's quarterly value, used by the generator (typical, min, max). */
  typical: { value: number; min: number; max: number };
  /** For 'percentage': plausible denominator per quarter (e.g. total municipal budget in USD). */
  typicalDenominator?: number;
}

export interface ResultContent {
  code: string; // unique within the project, e.g. 'R1'
  type: 'output' | 'outcome' | 'impact';
  title: Text;
  description: Text;
  indicators: string[]; // indicator codes
}

export interface ProjectContent {
  code: string; // e.g. 'CRI-UPALA'
  name: Text;
  description: Text;
  /** true for the projects invented to fill the demo; the four documented JMDI practices are false. */
  illustrative: boolean;
  country: string; // ISO3
  leadUnit: string; // org unit code (a municipality, region or country code)
  coveredUnits: string[]; // org unit codes of the municipalities (and regions/country for multi-level projects)
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD
  budgetUsd: number;
  themes: string[]; // theme codes
  iatiIdentifier: string; // e.g. 'XM-DAC-41114-PROJECT-00099999-CRI-UPALA' (demo identifiers, clearly fictional numbering)
  /** IATI activity status code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed */
  status: 1 | 2 | 3 | 4;
  results: ResultContent[];
}

/** Local units added to the GeoNames places so the demo looks like a programme. */
export interface ExtraMunicipalityContent {
  code: string; // ISO3-slug, like places.json ids
  name: string;
  iso3: string;
  admin1Code: string; // code in admin1.geojson
  /** Philippines only: province (iso_3166_2 in phl_provinces.geojson, e.g. 'PH-CAS'). */
  provinceCode?: string;
  lat: number;
  lon: number;
}
