import { expect, test } from 'vitest';
import type { Analytics } from '../analytics/queries';
import { buildScorecard } from './scorecard';

const figure = (value: number | null, progress: number | null) => ({
  value,
  target: progress === null || value === null ? null : (value * 100) / progress,
  progress,
  includesUnapproved: false,
  unapprovedValues: 0,
  unitsReporting: value === null ? 0 : 1,
});

function answer(indicator: string, rows: [string, boolean, number | null, number | null][]): Analytics {
  return {
    indicator: { code: indicator },
    rows: rows.map(([key, own, value, progress]) => ({ key, own, name: key, ...figure(value, progress) })),
  } as unknown as Analytics;
}

test('joins each parent breakdown onto its municipalities, leaves out own rows and missing answers', () => {
  const rows = buildScorecard(
    [
      { code: 'pili', name: 'Pili' },
      { code: 'naga', name: 'Naga City' },
      { code: 'daraga', name: 'Daraga' },
    ],
    [
      answer('SERVED', [
        ['PH-CAS', true, 5, null],
        ['naga', false, 40, 80],
        ['pili', false, null, null],
      ]),
      answer('SERVED', [['daraga', false, 12, 120]]),
      answer('TRAINED', [['naga', false, 3, 50]]),
      undefined,
    ],
  );
  expect(rows.map((row) => row.name)).toEqual(['Daraga', 'Naga City', 'Pili']);
  expect(rows[0]?.cells.SERVED?.progress).toBe(120);
  expect(rows[0]?.cells.TRAINED).toBeUndefined();
  expect(rows[1]?.cells.SERVED?.value).toBe(40);
  expect(rows[1]?.cells.TRAINED?.progress).toBe(50);
  expect(rows[2]?.cells.SERVED).toEqual(figure(null, null));
  expect(rows.some((row) => row.code === 'PH-CAS')).toBe(false);
});
