import { describe, expect, test } from 'vitest';
import { crossTabulate, lowestCommonAncestor, uncoveredInScope } from './framework';

// PHL → PH-05 → PH-CAS → naga, pili; PH-05 → PH-ALB → daraga; PHL → PH-07 → cebu
const parentOf = new Map<string, string | null>([
  ['PHL', null],
  ['PH-05', 'PHL'],
  ['PH-CAS', 'PH-05'],
  ['PH-ALB', 'PH-05'],
  ['PH-07', 'PHL'],
  ['naga', 'PH-CAS'],
  ['pili', 'PH-CAS'],
  ['daraga', 'PH-ALB'],
  ['cebu', 'PH-07'],
]);

describe('lowestCommonAncestor', () => {
  test.each<[string[], string | null]>([
    [['naga', 'pili'], 'PH-CAS'],
    [['naga', 'daraga'], 'PH-05'],
    [['naga', 'cebu'], 'PHL'],
    [['naga'], 'naga'],
    [['naga', 'PH-05'], 'PH-05'],
    [['naga', 'elsewhere'], null],
    [[], null],
  ])('%j → %s', (codes, expected) => {
    expect(lowestCommonAncestor(codes, parentOf)).toBe(expected);
  });
});

test('uncoveredInScope lists the municipalities a scope adds to the project', () => {
  const units = [
    { code: 'naga', kind: 'municipality' },
    { code: 'pili', kind: 'municipality' },
    { code: 'daraga', kind: 'municipality' },
    { code: 'cebu', kind: 'municipality' },
    { code: 'PH-CAS', kind: 'province' },
  ];
  const kinds = new Set(['municipality']);
  expect(uncoveredInScope('PH-05', new Set(['naga', 'daraga']), units, kinds, parentOf)).toEqual(['pili']);
  expect(uncoveredInScope('PH-CAS', new Set(['naga', 'pili']), units, kinds, parentOf)).toEqual([]);
});

describe('crossTabulate', () => {
  const categories = [
    {
      code: 'SEX',
      name: 'Sex',
      options: [
        { code: 'F', name: 'Female' },
        { code: 'M', name: 'Male' },
      ],
    },
    {
      code: 'AGE',
      name: 'Age',
      options: [
        { code: 'Y0_17', name: '0–17' },
        { code: 'Y18P', name: '18+' },
      ],
    },
    {
      code: 'ST',
      name: 'Status',
      options: [
        { code: 'A', name: 'A' },
        { code: 'B', name: 'B' },
      ],
    },
  ];
  const values = new Map<string, number | null>([
    ['F_Y0_17_A', 1],
    ['F_Y0_17_B', 2],
    ['F_Y18P_A', 3],
    ['F_Y18P_B', null],
    ['M_Y0_17_A', 10],
    ['M_Y0_17_B', 20],
    ['M_Y18P_A', null],
    ['M_Y18P_B', null],
  ]);

  test('age rows × sex series, summing over the status; all-missing cells stay missing', () => {
    expect(crossTabulate(categories, values, 'AGE', 'SEX')).toEqual({
      series: [
        { key: 'F', name: 'Female' },
        { key: 'M', name: 'Male' },
      ],
      data: [
        { label: '0–17', F: 3, M: 30 },
        { label: '18+', F: 3, M: null },
      ],
    });
  });

  test.each([
    ['the same category twice', 'SEX', 'SEX'],
    ['an unknown category', 'AGE', 'COLOUR'],
  ])('null for %s', (_name, rows, series) => {
    expect(crossTabulate(categories, values, rows, series)).toBeNull();
  });

  test('null when option codes do not follow the convention', () => {
    expect(crossTabulate(categories, new Map([['female-young-a', 1]]), 'AGE', 'SEX')).toBeNull();
  });
});
