import { describe, expect, test } from 'vitest';
import { crossTabulate, type DisaggregationShape } from './framework';

describe('crossTabulate', () => {
  const sex = {
    code: 'SEX',
    name: 'Sex',
    options: [
      { code: 'F', name: 'Female' },
      { code: 'M', name: 'Male' },
    ],
  };
  const categories = [
    sex,
    {
      code: 'AGE',
      name: 'Age',
      options: [
        { code: 'Y0_17', name: '0–17' },
        { code: 'Y18_59', name: '18–59' },
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
  /** The demo's codes: the category options joined by "_" in category order. */
  const combination = (sex: string, age: string, status: string) => ({
    code: `${sex}_${age}_${status}`,
    categoryOptions: { SEX: sex, AGE: age, ST: status },
  });
  const disaggregation: DisaggregationShape = {
    categories,
    options: ['F', 'M'].flatMap((sex) =>
      ['Y0_17', 'Y18_59'].flatMap((age) => ['A', 'B'].map((status) => combination(sex, age, status))),
    ),
  };
  const values = new Map<string, number | null>([
    ['F_Y0_17_A', 1],
    ['F_Y0_17_B', 2],
    ['F_Y18_59_A', 3],
    ['F_Y18_59_B', null],
    ['M_Y0_17_A', 10],
    ['M_Y0_17_B', 20],
    ['M_Y18_59_A', null],
    ['M_Y18_59_B', null],
  ]);

  test('age rows × sex series, summing over the status; all-missing cells stay missing', () => {
    expect(crossTabulate(disaggregation, values, 'AGE', 'SEX')).toEqual({
      series: [
        { key: 'F', name: 'Female' },
        { key: 'M', name: 'Male' },
      ],
      data: [
        { label: '0–17', F: 3, M: 30 },
        { label: '18–59', F: 3, M: null },
      ],
    });
  });

  test('status rows × age series: a code like Y18_59 is one age group, not two parts', () => {
    expect(crossTabulate(disaggregation, values, 'ST', 'AGE')?.data).toEqual([
      { label: 'A', Y0_17: 11, Y18_59: 3 },
      { label: 'B', Y0_17: 22, Y18_59: null },
    ]);
  });

  test('cells come from categoryOptions even where splitting the codes on "_" would mislead', () => {
    // Age Y18 × status 59_B and age Y18_59 × status B would both glue into F_Y18_59_B: here the first
    // has that code and the second another one; the cells follow the metadata, not the code.
    const ages = {
      code: 'AGE',
      name: 'Age',
      options: [
        { code: 'Y18', name: '18' },
        { code: 'Y18_59', name: '18–59' },
      ],
    };
    const statuses = {
      code: 'ST',
      name: 'Status',
      options: [
        { code: '59_B', name: 'x' },
        { code: 'B', name: 'y' },
      ],
    };
    const shape: DisaggregationShape = {
      categories: [sex, ages, statuses],
      options: [
        { code: 'F_Y18_59_B', categoryOptions: { SEX: 'F', AGE: 'Y18', ST: '59_B' } },
        { code: 'F_Y18_B', categoryOptions: { SEX: 'F', AGE: 'Y18', ST: 'B' } },
        { code: 'F_Y18_59_59_B', categoryOptions: { SEX: 'F', AGE: 'Y18_59', ST: '59_B' } },
        { code: 'F_OLDER_B', categoryOptions: { SEX: 'F', AGE: 'Y18_59', ST: 'B' } },
      ],
    };
    const counts = new Map([
      ['F_Y18_59_B', 1],
      ['F_Y18_B', 2],
      ['F_Y18_59_59_B', 4],
      ['F_OLDER_B', 8],
    ]);
    expect(crossTabulate(shape, counts, 'AGE', 'ST')?.data).toEqual([
      { label: '18', '59_B': 1, B: 2 },
      { label: '18–59', '59_B': 4, B: 8 },
    ]);
  });

  test.each([
    ['the same category twice', 'SEX', 'SEX'],
    ['an unknown category', 'AGE', 'COLOUR'],
  ])('null for %s', (_name, rows, series) => {
    expect(crossTabulate(disaggregation, values, rows, series)).toBeNull();
  });

  test.each([
    ['a value of an option the disaggregation does not have', new Map([['female-young-a', 1]])],
    ['a value of the default TOTAL option', new Map([['TOTAL', 5]])],
  ])('null for %s, rather than a table that leaves it out', (_name, unknown) => {
    const shape = { categories, options: [...disaggregation.options, { code: 'TOTAL', categoryOptions: {} }] };
    expect(crossTabulate(shape, unknown, 'AGE', 'SEX')).toBeNull();
  });
});
