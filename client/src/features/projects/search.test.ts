import { defaultParseSearch } from '@tanstack/react-router';
import { expect, test } from 'vitest';
import { type ProjectSearch, parseProjectSearch, parseProjectsSearch } from './search';

test.each([
  [{}, {}],
  [{ country: 'PHL' }, { country: 'PHL' }],
  [{ country: 'PH-05' }, { country: 'PH-05' }],
  [{ country: '' }, {}],
  [{ country: 42 }, {}],
  [{ country: ['PHL', 'CRI'] }, {}],
  [{ country: 'PHL&x=1' }, {}],
  [{ country: '../admin' }, {}],
  [{ country: 'CRI', page: 2 }, { country: 'CRI' }],
])('%j → %j', (search, expected) => {
  expect(parseProjectsSearch(search)).toEqual(expected);
});

test.each<[string, ProjectSearch]>([
  ['', {}],
  [
    '?indicator=MIG_SERVED&breakdown=SEX,AGE&from=2025Q1&to=2025Q4',
    { indicator: 'MIG_SERVED', breakdown: 'SEX,AGE', from: '2025Q1', to: '2025Q4' },
  ],
  ['?breakdown=SEX', { breakdown: 'SEX' }],
  ['?breakdown=SEX,SEX', { breakdown: 'SEX' }],
  ['?breakdown=SEX,AGE,MIG_STATUS', {}],
  ['?breakdown=SEX,%3Cb%3E', {}],
  ['?breakdown=', {}],
  ['?to=2024Q1&from=2025Q1', { from: '2024Q1', to: '2025Q1' }],
])('project page %s', (url, expected) => {
  expect(parseProjectSearch(defaultParseSearch(url))).toEqual(expected);
});
