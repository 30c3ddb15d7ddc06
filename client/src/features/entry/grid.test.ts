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

function combos(categories: Disaggregation['categories']): Disaggregation {
  const codes = categories.reduce<string[][]>(
    (all, category) => all.flatMap((prefix) => category.options.map((option) => [...prefix, option.code])),
    [[]],
  );
  return { categories, options: codes.map((parts) => ({ code: parts.join('_'), name: parts.join(' / ') })) };
}

describe('buildGrid', () => {
  test('sex × age × status: sex goes across (fewest options), 15 rows down, codes keep category order', () => {
    const grid = buildGrid(combos([sex, age, status]));
    expect(grid?.across).toBe('Sex');
    expect(grid?.down).toEqual(['Age', 'Status']);
    expect(grid?.columns.map((column) => column.code)).toEqual(['F', 'M']);
    expect(grid?.rows).toHaveLength(15);
    expect(grid?.rows[0]).toEqual({
      key: 'Y0_17_IMMIGRANT',
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

  test.each([
    ['no categories (a plain total)', { categories: [], options: [{ code: 'TOTAL', name: 'Total' }] }],
    [
      'options that are not the combinations',
      {
        categories: [sex],
        options: [
          { code: 'WOMEN', name: 'W' },
          { code: 'MEN', name: 'M' },
        ],
      },
    ],
    ['a missing combination', { categories: [sex], options: [{ code: 'F', name: 'F' }] }],
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
