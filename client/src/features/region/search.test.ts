import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { expect, test } from 'vitest';
import { parseRegionSearch, type RegionSearch } from './search';

test.each<[string, RegionSearch]>([
  ['', {}],
  [
    '?indicator=MIG_SERVED&from=2025Q4&to=2026Q3&municipality=PHL-naga-city',
    { indicator: 'MIG_SERVED', from: '2025Q4', to: '2026Q3', municipality: 'PHL-naga-city' },
  ],
  ['?municipality=../../etc', {}],
  ['?from=2026Q3&to=2025Q4', { from: '2025Q4', to: '2026Q3' }],
  ['?from=2026-Q3', {}],
])('%s', (url, expected) => {
  expect(parseRegionSearch(defaultParseSearch(url))).toEqual(expected);
});

test('state → URL → the same state', () => {
  const state: RegionSearch = { indicator: 'LDP_STAGE', from: '2025Q1', to: '2025Q1', municipality: 'CRI-upala' };
  expect(parseRegionSearch(defaultParseSearch(defaultStringifySearch(state)))).toEqual(state);
});
