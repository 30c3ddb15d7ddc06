import { describe, expect, test } from 'vitest';
import { buildGrid, type Disaggregation, gridTotals, nextCell } from './grid';

const sex = {
  code: 'SEX',
  name: 'Sex',
  options: [
    { code: 'F', name: 'Female' },
    { code: 'M', name: 'Male' },
  ],
};
const age = {
  code: 'AGE',
  name: 'Age',
  options: [
    { code: 'Y0_17', name: '0–17' },
    { code: 'Y18_59', name: '18–59' },
    { code: 'Y60P', name: '60+' },
  ],
};
const status = {
  code: 'MIG',
  name: 'Status',
  options: ['IMMIGRANT', 'RETURNEE', 'TRANSIT', 'REFUGEE', 'FAMILY_EMIGRANT'].map((code) => ({ code, name: code })),
};

/** Every combination of the categories' options, coded as the demo codes them (F_Y18_59_RETURNEE). */
function combos(categories: Disaggregation['categories']): Disaggregation {
  const parts = categories.reduce<{ category: string; code: string }[][]>(
    (all, category) =>
      all.flatMap((prefix) =>
        category.options.map((option) => [...prefix, { category: category.code, code: option.code }]),
      ),
    [[]],
  );
  return {
    categories,
    options: parts.map((combination) => ({
      code: combination.map((part) => part.code).join('_'),
      name: combination.map((part) => part.code).join(' / '),
      categoryOptions: Object.fromEntries(combination.map((part) => [part.category, part.code])),
    })),
  };
}

describe('buildGrid', () => {
  test('sex × age × status: sex goes across (fewest options), 15 rows down, codes keep category order', () => {
    const grid = buildGrid(combos([sex, age, status]));
    expect(grid?.across).toBe('Sex');
    expect(grid?.down).toEqual(['Age', 'Status']);
    expect(grid?.columns.map((column) => column.code)).toEqual(['F', 'M']);
    expect(grid?.rows).toHaveLength(15);
    expect(grid?.rows[0]).toEqual({
      key: '["Y0_17","IMMIGRANT"]',
      labels: ['0–17', 'IMMIGRANT'],
      cells: ['F_Y0_17_IMMIGRANT', 'M_Y0_17_IMMIGRANT'],
    });
    expect(grid?.rows[14]?.cells).toEqual(['F_Y60P_FAMILY_EMIGRANT', 'M_Y60P_FAMILY_EMIGRANT']);
  });

  test('one category: one row across', () => {
    const grid = buildGrid(combos([sex]));
    expect(grid?.rows).toEqual([{ key: 'all', labels: [], cells: ['F', 'M'] }]);
  });

  test('the smallest category is across even when it is not first or last', () => {
    const grid = buildGrid(combos([age, sex, status]));
    expect(grid?.across).toBe('Sex');
    expect(grid?.rows[0]?.cells).toEqual(['Y0_17_F_IMMIGRANT', 'Y0_17_M_IMMIGRANT']);
  });

  test('cells come from categoryOptions, whatever the shape of the option codes', () => {
    // Codes as another system might give them (category order reversed, or opaque ids): the grid is the same.
    const grid = buildGrid({
      categories: [sex, age],
      options: [
        { code: 'Y0_17_F', name: '', categoryOptions: { SEX: 'F', AGE: 'Y0_17' } },
        { code: 'Y0_17_M', name: '', categoryOptions: { SEX: 'M', AGE: 'Y0_17' } },
        { code: 'Y18_59_F', name: '', categoryOptions: { SEX: 'F', AGE: 'Y18_59' } },
        { code: 'Y18_59_M', name: '', categoryOptions: { SEX: 'M', AGE: 'Y18_59' } },
        { code: 'cOc60F', name: '', categoryOptions: { SEX: 'F', AGE: 'Y60P' } },
        { code: 'cOc60M', name: '', categoryOptions: { SEX: 'M', AGE: 'Y60P' } },
      ],
    });
    expect(grid?.rows.map((row) => row.cells)).toEqual([
      ['Y0_17_F', 'Y0_17_M'],
      ['Y18_59_F', 'Y18_59_M'],
      ['cOc60F', 'cOc60M'],
    ]);
  });

  test('codes that would mislead splitting on "_": each cell gets its own option', () => {
    // Age Y18 × status 59_PLUS and age Y18_59 × status PLUS both join to Y18_59_PLUS; only one of them
    // can have that code, and gluing codes together would put it in both cells.
    const ageGroups = {
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
        { code: '59_PLUS', name: 'a' },
        { code: 'PLUS', name: 'b' },
      ],
    };
    const option = (code: string, age: string, status: string) => ({
      code,
      name: code,
      categoryOptions: { SEX: 'F', AGE: age, ST: status },
    });
    const grid = buildGrid({
      categories: [{ code: 'SEX', name: 'Sex', options: [{ code: 'F', name: 'Female' }] }, ageGroups, statuses],
      options: [
        option('F_Y18_59_PLUS', 'Y18', '59_PLUS'),
        option('F_Y18_PLUS', 'Y18', 'PLUS'),
        option('F_Y18_59_59_PLUS', 'Y18_59', '59_PLUS'),
        option('F_AGE2_PLUS', 'Y18_59', 'PLUS'),
      ],
    });
    expect(grid?.rows.map((row) => [row.labels, row.cells])).toEqual([
      [['18', 'a'], ['F_Y18_59_PLUS']],
      [['18', 'b'], ['F_Y18_PLUS']],
      [['18–59', 'a'], ['F_Y18_59_59_PLUS']],
      [['18–59', 'b'], ['F_AGE2_PLUS']],
    ]);
  });

  test.each([
    [
      'no categories (a plain total)',
      { categories: [], options: [{ code: 'TOTAL', name: 'Total', categoryOptions: {} }] },
    ],
    [
      'options that say no category option',
      {
        categories: [sex],
        options: [
          { code: 'F', name: 'F', categoryOptions: {} },
          { code: 'M', name: 'M', categoryOptions: {} },
        ],
      },
    ],
    [
      'two options for the same cell',
      {
        categories: [sex],
        options: [
          { code: 'F', name: 'F', categoryOptions: { SEX: 'F' } },
          { code: 'F2', name: 'F', categoryOptions: { SEX: 'F' } },
          { code: 'M', name: 'M', categoryOptions: { SEX: 'M' } },
        ],
      },
    ],
    [
      'a missing combination',
      { categories: [sex], options: [{ code: 'F', name: 'F', categoryOptions: { SEX: 'F' } }] },
    ],
  ])('%s → no grid', (_name, disaggregation) => {
    expect(buildGrid(disaggregation)).toBeNull();
  });
});

describe('gridTotals', () => {
  const grid = buildGrid(combos([sex, age]));
  if (!grid) throw new Error('grid expected');

  test('row, column and grand totals; empty cells count as nothing', () => {
    const values: Record<string, number | null> = {
      F_Y0_17: 3,
      M_Y0_17: 4,
      F_Y18_59: 10,
      M_Y18_59: null,
      F_Y60P: 0,
      M_Y60P: 2,
    };
    expect(gridTotals(grid, (option) => values[option] ?? null)).toEqual({
      rows: [7, 10, 2],
      columns: [13, 6],
      total: 19,
    });
  });

  test('an empty grid totals zero', () => {
    expect(gridTotals(grid, () => null)).toEqual({ rows: [0, 0, 0], columns: [0, 0], total: 0 });
  });
});

describe('nextCell', () => {
  const size = { rows: 3, columns: 2 };
  test.each([
    [{ row: 0, column: 0 }, false, { row: 1, column: 0 }],
    [{ row: 2, column: 0 }, false, { row: 0, column: 1 }],
    [{ row: 2, column: 1 }, false, null],
    [{ row: 0, column: 1 }, true, { row: 2, column: 0 }],
    [{ row: 0, column: 0 }, true, null],
  ])('from %j (backwards: %s) → %j', (at, backwards, expected) => {
    expect(nextCell(at, size, backwards)).toEqual(expected);
  });
});
