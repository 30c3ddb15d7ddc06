import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { expect, test } from 'vitest';
import { type CountrySearch, parseCountrySearch } from './search';

test.each<[string, CountrySearch]>([
  ['', {}],
  [
    '?indicator=OFFICIALS_TRAINED&from=2025Q1&to=2025Q4&classes=quantile&sort=-progress',
    { indicator: 'OFFICIALS_TRAINED', from: '2025Q1', to: '2025Q4', classes: 'quantile', sort: '-progress' },
  ],
  ['?to=2025Q4', { to: '2025Q4' }],
  ['?from=2025Q4&to=2024Q1', { from: '2024Q1', to: '2025Q4' }],
  ['?sort=-budget,name', { sort: 'name' }],
  ['?indicator=&classes=equal', {}],
  // The router JSON-decodes values: a quoted code is still that code; an object is not a code.
  ['?indicator=%22MIG%22', { indicator: 'MIG' }],
  ['?indicator=%7B%22a%22%3A1%7D', {}],
])('%s', (url, expected) => {
  expect(parseCountrySearch(defaultParseSearch(url))).toEqual(expected);
});

test.each<CountrySearch>([
  { indicator: 'MIG_SERVED', sort: '-value,name' },
  { from: '2024Q4', to: '2026Q3', classes: 'ckmeans' },
])('state → URL → the same state: %j', (state) => {
  expect(parseCountrySearch(defaultParseSearch(defaultStringifySearch(state)))).toEqual(state);
});
