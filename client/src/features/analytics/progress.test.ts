import { expect, test } from 'vitest';
import { BAND_STYLE, PROGRESS_BANDS, progressBand } from './progress';

test.each([
  [null, 'noTarget'],
  [Number.NaN, 'noTarget'],
  [140, 'onTarget'],
  [100, 'onTarget'],
  [99.9, 'close'],
  [75, 'close'],
  [74.99, 'behind'],
  [50, 'behind'],
  [12, 'farBehind'],
  [0, 'farBehind'],
])('%s %% → %s', (progress, expected) => {
  expect(progressBand(progress)).toBe(expected);
});

test('every band has its own symbol and tint, so colour is never the only cue', () => {
  const symbols = PROGRESS_BANDS.map((band) => BAND_STYLE[band].symbol);
  const tints = PROGRESS_BANDS.map((band) => BAND_STYLE[band].background);
  expect(new Set(symbols).size).toBe(PROGRESS_BANDS.length);
  expect(new Set(tints).size).toBe(PROGRESS_BANDS.length);
});
