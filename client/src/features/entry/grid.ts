// A disaggregated indicator as a grid: one category across (the one with the fewest options, so
// the grid fits a phone), the others combined down the side, with row, column and grand totals.

interface CodeName {
  code: string;
  name: string;
}

export interface Disaggregation {
  categories: (CodeName & { options: CodeName[] })[];
  /** The cells, each saying which option of every category it stands for (`{ SEX: 'F', AGE: 'Y18_59' }`). */
  options: (CodeName & { categoryOptions: Record<string, string> })[];
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

/** A cell's place in the grid: its category options in category order (codes may contain "_"). */
function placeKey(parts: readonly (string | undefined)[]): string {
  return JSON.stringify(parts);
}

/**
 * Lays a disaggregation out as a grid from each option's `categoryOptions`, or returns null when it
 * has no categories or its options are not exactly one per combination of the categories' options
 * (then the form lists the options).
 */
export function buildGrid(disaggregation: Disaggregation): GridLayout | null {
  const { categories, options } = disaggregation;
  if (categories.length === 0 || categories.some((category) => category.options.length === 0)) return null;
  const optionAt = new Map<string, string>();
  for (const option of options) {
    const place = placeKey(categories.map((category) => option.categoryOptions[category.code]));
    if (optionAt.has(place)) return null;
    optionAt.set(place, option.code);
  }
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
      const parts = combo.map((part) => part.code);
      parts.splice(acrossIndex, 0, column.code);
      const code = optionAt.get(placeKey(parts));
      if (code === undefined) return null;
      cells.push(code);
    }
    rows.push({
      key: combo.length === 0 ? 'all' : placeKey(combo.map((part) => part.code)),
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
