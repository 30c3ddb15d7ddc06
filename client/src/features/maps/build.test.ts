import { expect, test } from 'vitest';
import type { AnalyticsRow } from '../analytics/queries';
import { type Formatters, positionsOf, toAreas, toPoints, toUnitRows } from './build';
import { classify } from './classify';
import type { BoundaryFeature, PointFeature } from './queries';

const format: Formatters = {
  figure: (value) => (value === null ? 'No data' : `${value} people`),
  classRange: (from, to) => `${from}–${to}`,
  areaLabel: (name, value, index, count) =>
    index === null ? `${name}: ${value}` : `${name}: ${value} (${index + 1}/${count})`,
};

const row = (key: string, value: number | null, own = false) =>
  ({ key, name: key, kind: 'region', own, value, target: 100, progress: value, unitsReporting: 1 }) as AnalyticsRow;

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
} as BoundaryFeature['geometry'];
const feature = (code: string) =>
  ({
    type: 'Feature',
    id: code,
    properties: { code, name: code, kind: 'region', level: 2, parentCode: 'X' },
    geometry: square,
  }) as BoundaryFeature;

test('areas: one per outline with a figure row; own rows and outlines without rows are left out', () => {
  const rows = [row('A', 10), row('B', null), row('X', 5, true)];
  const classes = classify([10, null], 'quantile');
  const areas = toAreas([feature('A'), feature('B'), feature('C')], rows, classes, format);
  expect(areas.map((area) => [area.code, area.label, area.missing])).toEqual([
    ['A', 'A: 10 people (1/1)', false],
    ['B', 'B: No data', true],
  ]);
});

test('unit rows carry the class text and colour of their value; own rows get none', () => {
  const classes = classify([10, 40], 'quantile', 2);
  const rows = toUnitRows([row('A', 10), row('B', 40), row('X', 5, true)], classes, format, {
    indicator: 'MIG_SERVED',
  });
  expect(rows.map((unit) => [unit.code, unit.classText, unit.own, unit.valueText])).toEqual([
    ['A', '10–10', false, '10 people'],
    ['B', '40–40', false, '40 people'],
    ['X', null, true, '5 people'],
  ]);
  expect(rows[0]?.linkSearch).toEqual({ indicator: 'MIG_SERVED' });
});

test('points: GeoJSON [lon, lat] becomes Leaflet [lat, lon]; only units with a figure are drawn', () => {
  const points = [
    {
      type: 'Feature',
      id: 'naga',
      properties: { code: 'naga', name: 'Naga', kind: 'municipality', level: 4, parentCode: 'P' },
      geometry: { type: 'Point', coordinates: [123.18, 13.62] },
    },
    {
      type: 'Feature',
      id: 'pili',
      properties: { code: 'pili', name: 'Pili', kind: 'municipality', level: 4, parentCode: 'P' },
      geometry: { type: 'Point', coordinates: [123.27, 13.55] },
    },
  ] as PointFeature[];
  expect(positionsOf(points).get('naga')).toEqual([13.62, 123.18]);
  const drawn = toPoints(
    points,
    new Map([['naga', { value: null, label: 'Naga: no data' }]]),
    () => 5,
    () => '#000',
    'naga',
  );
  expect(drawn).toEqual([
    {
      code: 'naga',
      position: [13.62, 123.18],
      radius: 5,
      fill: '#000',
      label: 'Naga: no data',
      missing: true,
      highlighted: true,
    },
  ]);
});
