import { describe, expect, test } from 'vitest';
import { type Geometry, projectFrame, svgPath } from './svg-projection';

const VIEW = { width: 200, height: 100, padding: 10 };
const square = (west: number, south: number, size: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

describe('projectFrame', () => {
  test('fits the geometries inside the padding, centred, north up', () => {
    // Two squares at the equator, 40° apart: the width decides the scale.
    const frame = projectFrame([square(0, 0, 10), square(40, 0, 10)], VIEW);
    const [westX, southY] = frame.project([0, 0]);
    const [eastX, northY] = frame.project([50, 10]);
    expect(westX).toBeCloseTo(10, 0);
    expect(eastX).toBeCloseTo(190, 0);
    expect(northY).toBeLessThan(southY);
    // Centred vertically: the same space above and below.
    expect(northY).toBeCloseTo(VIEW.height - southY, 5);
  });

  test('narrows longitudes by the cosine of the middle latitude', () => {
    const atEquator = projectFrame([square(0, -5, 10)], VIEW);
    const at60 = projectFrame([square(0, 55, 10)], VIEW);
    const width = (frame: ReturnType<typeof projectFrame>, south: number) =>
      frame.project([10, south])[0] - frame.project([0, south])[0];
    const height = (frame: ReturnType<typeof projectFrame>, south: number) =>
      frame.project([0, south])[1] - frame.project([0, south + 10])[1];
    expect(width(atEquator, -5) / height(atEquator, -5)).toBeCloseTo(1, 2);
    expect(width(at60, 55) / height(at60, 55)).toBeCloseTo(Math.cos((60 * Math.PI) / 180), 2);
  });

  test('a lone point sits in the middle of the frame', () => {
    const frame = projectFrame([{ type: 'Point', coordinates: [123.2, 13.6] }], VIEW);
    const [x, y] = frame.project([123.2, 13.6]);
    expect(x).toBeCloseTo(100, 5);
    expect(y).toBeCloseTo(50, 5);
  });

  test("a shape's centre is the middle of its own box", () => {
    const frame = projectFrame([square(0, 0, 10), square(40, 0, 10)], VIEW);
    expect(frame.centre(square(40, 0, 10))).toEqual(frame.project([45, 5]));
  });
});

describe('svgPath', () => {
  test('draws every ring of every polygon, closed, rounded to a tenth', () => {
    const project = (position: readonly number[]): [number, number] => [
      (position[0] ?? 0) + 0.04,
      (position[1] ?? 0) * 2,
    ];
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
          ],
          [
            [5.2, 5.2],
            [5.4, 5.2],
            [5.4, 5.4],
          ],
        ],
      ],
    };
    expect(svgPath(multi, project)).toBe('M0 0L1 0L1 2ZM5 10L6 10L6 12ZM5.2 10.4L5.4 10.4L5.4 10.8Z');
  });
});
