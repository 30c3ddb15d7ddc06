import { expect, test } from 'vitest';
import { parseProjectsSearch } from './search';

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
