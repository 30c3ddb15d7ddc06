// From API responses to what the map and its table draw: pure functions, so the joins (features to
// figures, units to coordinates) are tested without a browser.
import type { AnalyticsRow } from '../analytics/queries';
import type { UnitFigureRow } from '../analytics/unit-columns';
import type { CountrySearch } from '../countries/search';
import type { MapArea, MapPoint } from './area-map';
import type { Classification } from './classify';
import type { BoundaryFeature, PointFeature } from './queries';

export interface Formatters {
  /** A figure in the indicator's terms: "1,234 people", "No data". */
  figure: (value: number | null) => string;
  /** A class's range as the legend writes it. */
  classRange: (from: number, to: number) => string;
  /** "Philippines: 1,234 people (class 3 of 5, 40 % of target)": read aloud and shown as the tooltip. */
  areaLabel: (name: string, valueText: string, classIndex: number | null, classCount: number) => string;
}

export function toUnitRows(
  rows: readonly AnalyticsRow[],
  classes: Classification | null,
  format: Formatters,
  linkSearch: CountrySearch | null,
): UnitFigureRow[] {
  return rows.map((row) => {
    const index = classes && !row.own ? classes.classOf(row.value) : null;
    const bin = index === null || !classes ? undefined : classes.bins[index];
    return {
      code: row.key,
      name: row.name,
      kind: row.kind,
      own: row.own,
      value: row.value,
      valueText: format.figure(row.value),
      target: row.target,
      targetText: row.target === null ? '–' : format.figure(row.target),
      progress: row.progress,
      unitsReporting: row.unitsReporting,
      classText: bin ? format.classRange(bin.from, bin.to) : null,
      colour: bin ? bin.colour : null,
      includesUnapproved: row.includesUnapproved,
      unapprovedValues: row.unapprovedValues,
      linkSearch,
    };
  });
}

/** Outlines coloured by their unit's figure; outlines without a figure row are not drawn as data. */
export function toAreas(
  features: readonly BoundaryFeature[],
  rows: readonly AnalyticsRow[],
  classes: Classification,
  format: Formatters,
): MapArea[] {
  const byCode = new Map(rows.filter((row) => !row.own).map((row) => [row.key, row]));
  return features.flatMap((feature) => {
    const row = byCode.get(feature.properties.code);
    if (!row) return [];
    const valueText = format.figure(row.value);
    return [
      {
        code: feature.properties.code,
        geometry: feature.geometry,
        fill: classes.colourOf(row.value),
        label: format.areaLabel(row.name, valueText, classes.classOf(row.value), classes.bins.length),
        interactive: true,
        missing: row.value === null,
      },
    ];
  });
}

/** [latitude, longitude] by unit code, from GeoJSON's [longitude, latitude]. */
export function positionsOf(points: readonly PointFeature[]): Map<string, [number, number]> {
  return new Map(
    points.map((point) => [point.properties.code, [point.geometry.coordinates[1], point.geometry.coordinates[0]]]),
  );
}

export function toPoints(
  points: readonly PointFeature[],
  figures: ReadonlyMap<string, { value: number | null; label: string }>,
  radius: (value: number | null) => number,
  colourOf: (value: number | null) => string,
  highlight?: string,
): MapPoint[] {
  return points.flatMap((point) => {
    const figure = figures.get(point.properties.code);
    if (!figure) return [];
    return [
      {
        code: point.properties.code,
        position: [point.geometry.coordinates[1], point.geometry.coordinates[0]],
        radius: radius(figure.value),
        fill: colourOf(figure.value),
        label: figure.label,
        missing: figure.value === null,
        highlighted: point.properties.code === highlight,
      },
    ];
  });
}
