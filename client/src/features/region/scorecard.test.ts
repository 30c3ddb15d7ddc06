import { expect, test } from 'vitest';
import type { AnalyticsIndicatorFigures } from '../analytics/queries';
import { buildScorecard } from './scorecard';

type Row = AnalyticsIndicatorFigures['rows'][number];

const figure = (value: number | null, progress: number | null) => ({
  value,
  target: progress === null || value === null ? null : (value * 100) / progress,
  progress,
  includesUnapproved: false,
  unapprovedValues: 0,
  unitsReporting: value === null ? 0 : 1,
});

/** A row as the API gives it: [unit, parent, own, value, progress]. */
function row([key, parentCode, own, value, progress]: [string, string, boolean, number | null, number | null]): Row {
  return {
    key,
    name: key,
    kind: own ? 'region' : 'municipality',
    parentCode,
    own,
    numerator: null,
    denominator: null,
    unitsMeeting: null,
    share: null,
    distribution: [],
    values: value === null ? 0 : 4,
    baseline: null,
    ...figure(value, progress),
  };
}

function indicator(code: string, rows: Row[]): AnalyticsIndicatorFigures {
  return {
    indicator: {
      code,
      name: code,
      shortName: code,
      unit: 'people',
      valueType: 'integer',
      aggregationType: 'sum',
      direction: 'higher',
      periodicity: 'quarterly',
      countThreshold: null,
      stageMax: null,
    },
    total: rows[0] ?? row(['PH-05', 'PHL', true, null, null]),
    rows,
  };
}

// One answer for the region, by unit at municipal level: the same rows for each indicator, across provinces.
const served = indicator('SERVED', [
  row(['PH-05', 'PHL', true, 5, null]),
  row(['naga', 'PH-CAS', false, 40, 80]),
  row(['pili', 'PH-CAS', false, null, null]),
  row(['daraga', 'PH-ALB', false, 12, 120]),
]);
const trained = indicator('TRAINED', [
  row(['PH-05', 'PHL', true, 1, null]),
  row(['naga', 'PH-CAS', false, 3, 50]),
  row(['pili', 'PH-CAS', false, null, null]),
  row(['daraga', 'PH-ALB', false, null, null]),
]);

test('a cell per municipality and indicator, across provinces, sorted by name', () => {
  const rows = buildScorecard(
    [
      { code: 'pili', name: 'Pili' },
      { code: 'naga', name: 'Naga City' },
      { code: 'daraga', name: 'Daraga' },
    ],
    [served, trained],
  );
  expect(rows.map((scorecardRow) => scorecardRow.name)).toEqual(['Daraga', 'Naga City', 'Pili']);
  expect(rows[0]?.cells.SERVED?.progress).toBe(120);
  expect(rows[0]?.cells.TRAINED).toEqual(figure(null, null));
  expect(rows[1]?.cells.SERVED?.value).toBe(40);
  expect(rows[1]?.cells.TRAINED?.progress).toBe(50);
  expect(rows[2]?.cells.SERVED).toEqual(figure(null, null));
});

test("the region's own values are no municipality's row", () => {
  const rows = buildScorecard([{ code: 'naga', name: 'Naga City' }], [served, trained]);
  expect(rows.map((scorecardRow) => scorecardRow.code)).toEqual(['naga']);
  expect(rows[0]?.cells.SERVED?.value).toBe(40);
  // Even when the own row carries a unit code that is also listed, it is not taken for that unit.
  const ownOnly = indicator('SERVED', [row(['naga', 'PH-CAS', true, 99, 99])]);
  expect(buildScorecard([{ code: 'naga', name: 'Naga City' }], [ownOnly])[0]?.cells).toEqual({});
});

test('a municipality the answer has no row for, and no answer yet, leave the cells empty', () => {
  const municipalities = [{ code: 'tabaco', name: 'Tabaco City' }];
  expect(buildScorecard(municipalities, [served])).toEqual([{ code: 'tabaco', name: 'Tabaco City', cells: {} }]);
  expect(buildScorecard(municipalities, [])).toEqual([{ code: 'tabaco', name: 'Tabaco City', cells: {} }]);
});
