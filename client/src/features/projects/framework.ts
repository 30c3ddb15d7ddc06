// Pure helper of the project page: the sex × age cross-tabulation of a disaggregated indicator.

export interface CategoryShape {
  code: string;
  name: string;
  options: { code: string; name: string }[];
}

export interface DisaggregationShape {
  categories: readonly CategoryShape[];
  /** The combinations values are given for, each with its option of every category (`{ SEX: 'F', AGE: 'Y18_59' }`). */
  options: readonly { code: string; categoryOptions: Record<string, string> }[];
}

export interface CrossTab {
  /** One row per option of the row category: `{ label, [seriesOptionCode]: value }`. */
  data: Record<string, string | number | null>[];
  series: { key: string; name: string }[];
}

/**
 * Sums the values of a disaggregation's combined options (keyed by option code, as the API's by-option
 * rows are) into rows × series, adding up the other categories. Which cell an option falls in comes from
 * its `categoryOptions`, never from the shape of its code. Only meaningful for additive (sum) indicators.
 * Null when a value's option is unknown or does not name both categories, rather than a silently wrong table.
 */
export function crossTabulate(
  disaggregation: DisaggregationShape,
  values: ReadonlyMap<string, number | null>,
  rowCategory: string,
  seriesCategory: string,
): CrossTab | null {
  const { categories, options } = disaggregation;
  const rowCat = categories.find((category) => category.code === rowCategory);
  const seriesCat = categories.find((category) => category.code === seriesCategory);
  if (!rowCat || !seriesCat || rowCat === seriesCat) return null;

  const optionOf = new Map(options.map((option) => [option.code, option.categoryOptions]));
  const rowCodes = new Set(rowCat.options.map((option) => option.code));
  const seriesCodes = new Set(seriesCat.options.map((option) => option.code));
  const totals = new Map<string, number | null>();
  for (const [code, value] of values) {
    const categoryOptions = optionOf.get(code);
    const row = categoryOptions?.[rowCat.code];
    const series = categoryOptions?.[seriesCat.code];
    if (row === undefined || series === undefined || !rowCodes.has(row) || !seriesCodes.has(series)) return null;
    const key = JSON.stringify([row, series]);
    const sum = totals.get(key) ?? null;
    totals.set(key, value === null ? sum : (sum ?? 0) + value);
  }
  return {
    series: seriesCat.options.map((option) => ({ key: option.code, name: option.name })),
    data: rowCat.options.map((rowOption) => ({
      label: rowOption.name,
      ...Object.fromEntries(
        seriesCat.options.map((seriesOption) => [
          seriesOption.code,
          totals.get(JSON.stringify([rowOption.code, seriesOption.code])) ?? null,
        ]),
      ),
    })),
  };
}
