import { describe, expect, test } from 'vitest';
import { classify, NO_DATA_COLOUR, pointRadius, sequentialPalette } from './classify';

const ranges = (values: (number | null)[], method: 'quantile' | 'ckmeans', max?: number) =>
  classify(values, method, max).bins.map(({ from, to, count }) => [from, to, count]);

describe('classify', () => {
  test.each<[string, (number | null)[], 'quantile' | 'ckmeans', number | undefined, number[][]]>([
    [
      'ckmeans finds the natural groups',
      [1, 2, 3, 50, 51, 52, 100, 101],
      'ckmeans',
      3,
      [
        [1, 3, 3],
        [50, 52, 3],
        [100, 101, 2],
      ],
    ],
    [
      'quantiles split the units into groups of equal size',
      [10, 20, 30, 40, 50, 60, 70, 80],
      'quantile',
      4,
      [
        [10, 20, 2],
        [30, 40, 2],
        [50, 60, 2],
        [70, 80, 2],
      ],
    ],
    [
      'nulls are left out, never counted as 0',
      [null, 5, null, 7],
      'quantile',
      5,
      [
        [5, 5, 1],
        [7, 7, 1],
      ],
    ],
    [
      'never more classes than distinct values',
      [3, 3, 3, 8],
      'ckmeans',
      5,
      [
        [3, 3, 3],
        [8, 8, 1],
      ],
    ],
    [
      'repeated values do not swallow the other classes',
      [0, 0, 0, 0, 0, 0, 9],
      'quantile',
      5,
      [
        [0, 0, 6],
        [9, 9, 1],
      ],
    ],
    [
      'ties stay in one class',
      [1, 1, 1, 1, 2, 3, 4, 5],
      'quantile',
      4,
      [
        [1, 1, 4],
        [2, 2, 1],
        [3, 3, 1],
        [4, 5, 2],
      ],
    ],
    ['one value, one class', [42], 'quantile', 5, [[42, 42, 1]]],
    ['no values, no classes', [null, null], 'ckmeans', 5, []],
  ])('%s', (_name, values, method, max, expected) => {
    expect(ranges(values, method, max)).toEqual(expected);
  });

  test('colours darken with the class and missing values are grey', () => {
    const classes = classify([1, 2, 3, 50, 51, 52, 100, 101], 'ckmeans', 3);
    const palette = sequentialPalette(3);
    expect(classes.colourOf(2)).toBe(palette[0]);
    expect(classes.colourOf(51)).toBe(palette[1]);
    expect(classes.colourOf(5000)).toBe(palette[2]);
    expect(classes.colourOf(null)).toBe(NO_DATA_COLOUR);
    expect(classes.classOf(null)).toBeNull();
    expect(classes.bins.map((bin) => bin.colour)).toEqual(palette);
  });
});

test.each([
  [1, 1],
  [2, 2],
  [5, 5],
  [9, 9],
])('sequentialPalette(%d) has %d distinct colours', (count, expected) => {
  expect(new Set(sequentialPalette(count)).size).toBe(expected);
});

test('pointRadius grows with the square root of the value', () => {
  const radius = pointRadius([0, 100, 400, null]);
  expect(radius(0)).toBe(3);
  expect(radius(400)).toBe(13);
  expect(radius(100)).toBeCloseTo(3 + 10 / 2);
  expect(radius(null)).toBe(3);
});
