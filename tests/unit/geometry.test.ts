import { describe, expect, test } from 'vitest';
import { type AreaGeometry, containsPoint, labelPoint, mergeGeometries } from '../../db/geometry';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};
const withHole: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ],
};
// A "C" shape whose centroid falls in the gap.
const cShape: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 8],
      [10, 8],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};

describe('containsPoint', () => {
  test.each([
    [square, [5, 5], true],
    [square, [11, 5], false],
    [withHole, [5, 5], false],
    [withHole, [2, 2], true],
    [
      mergeGeometries([
        square,
        {
          type: 'Polygon',
          coordinates: [
            [
              [20, 20],
              [30, 20],
              [30, 30],
              [20, 20],
            ],
          ],
        },
      ]),
      [25, 22],
      true,
    ],
  ] as const)('%#', (geometry, point, expected) => {
    expect(containsPoint(geometry, [point[0], point[1]])).toBe(expected);
  });
});

describe('labelPoint', () => {
  test('is the centroid of a convex shape', () => {
    expect(labelPoint(square)).toEqual([5, 5]);
  });
  test('lies inside a concave shape whose centroid does not', () => {
    expect(containsPoint(cShape, labelPoint(cShape))).toBe(true);
  });
  test('follows the largest polygon of a multipolygon', () => {
    const islands = mergeGeometries([
      square,
      {
        type: 'Polygon',
        coordinates: [
          [
            [50, 50],
            [51, 50],
            [51, 51],
            [50, 51],
            [50, 50],
          ],
        ],
      },
    ]);
    expect(labelPoint(islands)).toEqual([5, 5]);
  });
});
