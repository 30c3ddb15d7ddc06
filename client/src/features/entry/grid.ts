// A disaggregated indicator as a grid: one category across (the one with the fewest options, so
// the grid fits a phone), the others combined down the side, with row, column and grand totals.

interface CodeName {
  code: string;
  name: string;
}

export interface Disaggregation {
  categories: (CodeName & { options: CodeName[] })[];
  options: CodeName[];
}

export interface GridLayout {
  /** The category across the top, e.g. Sex. */
  across: string;
  /** The categories down the side, e.g. ["Age group", "Migration status"]. */
  down: string[];
  columns: CodeName[];
  /** Each row: its label parts (one per category down) and the option code of each column's cell. */
  rows: { key: string; labels: string[]; cells: string[] }[];
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

/**
 * Lays a disaggregation out as a grid, or returns null when it has no categories or its option
 * codes are not the categories' combinations joined by "_" (then the form lists the options).
 */
export function buildGrid(disaggregation: Disaggregation): GridLayout | null {
  const { categories, options } = disaggregation;
  if (categories.length === 0 || categories.some((category) => category.options.length === 0)) return null;
  const known = new Set(options.map((option) => option.code));
  let acrossIndex = categories.length - 1;
  categories.forEach((category, index) => {
    const current = categories[acrossIndex];
    if (current && category.options.length < current.options.length) acrossIndex = index;
  });
  const across = categories[acrossIndex];
  if (!across) return null;
  const downCategories = categories.filter((_, index) => index !== acrossIndex);
  const rows: GridLayout['rows'] = [];
  for (const combo of product(downCategories.map((category) => category.options))) {
    const cells: string[] = [];
    for (const column of across.options) {
      const parts = [...combo];
      parts.splice(acrossIndex, 0, column);
      const code = parts.map((part) => part.code).join('_');
      if (!known.has(code)) return null;
      cells.push(code);
    }
    rows.push({
      key: combo.map((part) => part.code).join('_') || 'all',
      labels: combo.map((part) => part.name),
      cells,
    });
  }
  if (rows.length * across.options.length !== options.length) return null;
  return { across: across.name, down: downCategories.map((category) => category.name), columns: across.options, rows };
}

export interface GridTotals {
  rows: number[];
  columns: number[];
  total: number;
}

/** Sums what is filled in; an empty or invalid cell counts as nothing. */
export function gridTotals(layout: GridLayout, amountOf: (option: string) => number | null): GridTotals {
  const columns = layout.columns.map(() => 0);
  const rows = layout.rows.map((row) =>
    row.cells.reduce((sum, option, index) => {
      const value = amountOf(option) ?? 0;
      columns[index] = (columns[index] ?? 0) + value;
      return sum + value;
    }, 0),
  );
  return { rows, columns, total: rows.reduce((sum, value) => sum + value, 0) };
}

/**
 * Where Enter goes from a cell: down the column, then to the top of the next column, like a paper
 * form filled column by column. Shift+Enter goes back the same way. Null past either end.
 */
export function nextCell(
  at: { row: number; column: number },
  size: { rows: number; columns: number },
  backwards = false,
): { row: number; column: number } | null {
  const index = at.column * size.rows + at.row + (backwards ? -1 : 1);
  if (index < 0 || index >= size.rows * size.columns) return null;
  return { row: index % size.rows, column: Math.floor(index / size.rows) };
}
