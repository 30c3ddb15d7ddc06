import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { expect, test } from 'vitest';
import { type OverviewSearch, parseOverviewSearch } from './search';

// Real query strings through the router's own parser, as a shared link arrives.
test.each<[string, OverviewSearch]>([
  ['', {}],
  [
    '?indicator=MIG_SERVED&from=2025Q1&to=2026Q2&classes=ckmeans',
    { indicator: 'MIG_SERVED', from: '2025Q1', to: '2026Q2', classes: 'ckmeans' },
  ],
  ['?from=2026Q2&to=2025Q1', { from: '2025Q1', to: '2026Q2' }],
  ['?classes=jenks&indicator=%3Cscript%3E', {}],
  ['?from=2025&to=Q3', {}],
  [
    '?cq=%20sen%20&csort=-budget&pq=Bicol&psort=country,-budget',
    { cq: 'sen', csort: '-budget', pq: 'Bicol', psort: 'country,-budget' },
  ],
  ['?csort=population&psort=-', {}],
  ['?indicator=MIG_SERVED&utm_source=mail', { indicator: 'MIG_SERVED' }],
])('%s', (url, expected) => {
  expect(parseOverviewSearch(defaultParseSearch(url))).toEqual(expected);
});

test.each<OverviewSearch>([
  { indicator: 'DIASPORA_USD', from: '2025Q3', to: '2025Q3', classes: 'quantile' },
  { cq: '2025', psort: '-budget' },
  { pq: 'Sédhiou & co' },
])('state → URL → the same state: %j', (state) => {
  expect(parseOverviewSearch(defaultParseSearch(defaultStringifySearch(state)))).toEqual(state);
});
