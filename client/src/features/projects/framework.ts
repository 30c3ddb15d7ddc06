// Pure helpers of the project page: where a project's figures come from (the smallest unit whose
// subtree holds every covered unit of an indicator's level) and the sex × age cross-tabulation of a
// disaggregated indicator.

/** The chain from a unit up to its root, the unit first. */
function chainOf(code: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = code;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parentOf.get(current);
  }
  return chain;
}

/** The deepest unit that is, or is above, every unit given; null when they share no root. */
export function lowestCommonAncestor(
  codes: readonly string[],
  parentOf: ReadonlyMap<string, string | null>,
): string | null {
  const [first, ...rest] = codes;
  if (first === undefined) return null;
  let candidates = chainOf(first, parentOf);
  for (const code of rest) {
    const chain = new Set(chainOf(code, parentOf));
    candidates = candidates.filter((candidate) => chain.has(candidate));
  }
  return candidates[0] ?? null;
}

/** Units of the given kinds inside `scope`'s subtree that the project does not cover. */
export function uncoveredInScope(
  scope: string,
  covered: ReadonlySet<string>,
  units: readonly { code: string; kind: string }[],
  kinds: ReadonlySet<string>,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  return units
    .filter((unit) => kinds.has(unit.kind) && !covered.has(unit.code))
    .filter((unit) => chainOf(unit.code, parentOf).includes(scope))
    .map((unit) => unit.code);
}

export interface CategoryShape {
  code: string;
  name: string;
  options: { code: string; name: string }[];
}

export interface CrossTab {
  /** One row per option of the row category: `{ label, [seriesOptionCode]: value }`. */
  data: Record<string, string | number | null>[];
  series: { key: string; name: string }[];
}

/**
 * Sums the combined options of a disaggregation (codes are the category options' codes joined by
 * "_" in category order, as the API builds them: F_Y18_59_RETURNEE) into rows × series, adding up
 * the other categories. Only meaningful for additive (sum) indicators. Null when an option's code
 * does not follow the convention, rather than a silently wrong table.
 */
export function crossTabulate(
  categories: readonly CategoryShape[],
  values: ReadonlyMap<string, number | null>,
  rowCategory: string,
  seriesCategory: string,
): CrossTab | null {
  const rowIndex = categories.findIndex((category) => category.code === rowCategory);
  const seriesIndex = categories.findIndex((category) => category.code === seriesCategory);
  const rowCat = categories[rowIndex];
  const seriesCat = categories[seriesIndex];
  if (!rowCat || !seriesCat || rowIndex === seriesIndex) return null;

  const totals = new Map<string, number | null>();
  let combinations: string[][] = [[]];
  for (const category of categories) {
    combinations = combinations.flatMap((prefix) => category.options.map((option) => [...prefix, option.code]));
  }
  let matched = 0;
  for (const combination of combinations) {
    const code = combination.join('_');
    if (!values.has(code)) continue;
    matched += 1;
    const value = values.get(code) ?? null;
    const key = `${combination[rowIndex]}|${combination[seriesIndex]}`;
    const sum = totals.get(key) ?? null;
    totals.set(key, value === null ? sum : (sum ?? 0) + value);
  }
  if (matched !== values.size) return null;
  return {
    series: seriesCat.options.map((option) => ({ key: option.code, name: option.name })),
    data: rowCat.options.map((rowOption) => ({
      label: rowOption.name,
      ...Object.fromEntries(
        seriesCat.options.map((seriesOption) => [
          seriesOption.code,
          totals.get(`${rowOption.code}|${seriesOption.code}`) ?? null,
        ]),
      ),
    })),
  };
}
