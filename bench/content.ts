// The bench programme's metadata: the demo's themes, categories and 22 indicators (db/seed/content), plus
// 18 synthetic indicators that bring the catalogue to 40 and a municipality's full quarterly form to
// about 200 values — several of them disaggregated by sex × age (6 options) or sex × age × migration
// status (30 options), like MIG_SERVED.
import {
  categories as demoCategories,
  disaggregations as demoDisaggregations,
  indicators as demoIndicators,
  themes as demoThemes,
} from '../db/seed/content/indicators';
import type {
  AggregationType,
  CategoryContent,
  DisaggregationContent,
  IndicatorContent,
  Text,
  ThemeContent,
  ValueType,
} from '../db/seed/content/types';

/** The disaggregation of indicators without one (a single 'TOTAL' option), as the demo seed names it. */
export const NO_DISAGGREGATION = 'default';

export const HEADLINE_INDICATORS = ['MIG_SERVED', 'OFFICIALS_TRAINED', 'DIASPORA_USD', 'COORD_MEETINGS'] as const;

const same = (text: string): Text => ({ en: text, es: text, fr: text });

export const themes: readonly ThemeContent[] = demoThemes;
export const categories: readonly CategoryContent[] = demoCategories;
export const disaggregations: readonly DisaggregationContent[] = [
  ...demoDisaggregations,
  { code: 'SEX_AGE', name: same('By sex and age group'), categories: ['SEX', 'AGE'] },
];

interface SyntheticSpec {
  valueType: ValueType;
  aggregationType: AggregationType;
  disaggregation: string | null;
  typical: IndicatorContent['typical'];
  count: number;
}

// Chosen so that the full local form is 197 values: the demo's 54 + 3×30 + 7×6 + 3×2 + 5×1.
const SYNTHETIC: readonly SyntheticSpec[] = [
  {
    valueType: 'integer',
    aggregationType: 'sum',
    disaggregation: 'SEX_AGE_STATUS',
    typical: { value: 90, min: 5, max: 400 },
    count: 3,
  },
  {
    valueType: 'integer',
    aggregationType: 'sum',
    disaggregation: 'SEX_AGE',
    typical: { value: 40, min: 0, max: 200 },
    count: 6,
  },
  {
    valueType: 'integer',
    aggregationType: 'max',
    disaggregation: 'SEX_AGE',
    typical: { value: 25, min: 0, max: 120 },
    count: 1,
  },
  {
    valueType: 'integer',
    aggregationType: 'sum',
    disaggregation: 'SEX',
    typical: { value: 30, min: 0, max: 150 },
    count: 3,
  },
  {
    valueType: 'number',
    aggregationType: 'average',
    disaggregation: null,
    typical: { value: 12, min: 1, max: 60 },
    count: 2,
  },
  {
    valueType: 'percentage',
    aggregationType: 'ratio',
    disaggregation: null,
    typical: { value: 35, min: 5, max: 90 },
    count: 1,
  },
  {
    valueType: 'yes_no',
    aggregationType: 'count',
    disaggregation: null,
    typical: { value: 1, min: 0, max: 1 },
    count: 1,
  },
  {
    valueType: 'stage',
    aggregationType: 'last',
    disaggregation: null,
    typical: { value: 2, min: 0, max: 4 },
    count: 1,
  },
];

const STAGE_LABELS = ['Not started', 'Planned', 'Started', 'Advanced', 'Completed'].map(same);

function syntheticIndicators(): IndicatorContent[] {
  const result: IndicatorContent[] = [];
  for (const spec of SYNTHETIC) {
    for (let i = 0; i < spec.count; i++) {
      const number = String(result.length + 1).padStart(2, '0');
      const theme = themes[result.length % themes.length] as ThemeContent;
      result.push({
        code: `BENCH_${number}`,
        name: same(`Bench indicator ${number} (${spec.aggregationType}, ${spec.disaggregation ?? 'total'})`),
        shortName: same(`Bench ${number}`),
        description: same('Synthetic indicator of the benchmark programme.'),
        unit: same(spec.valueType === 'percentage' ? '%' : 'units'),
        valueType: spec.valueType,
        aggregationType: spec.aggregationType,
        direction: 'higher',
        theme: theme.code,
        disaggregation: spec.disaggregation,
        tiers: ['local'],
        periodicity: 'quarterly',
        ...(spec.aggregationType === 'count' ? { countThreshold: 1 } : {}),
        ...(spec.valueType === 'stage' ? { stages: STAGE_LABELS } : {}),
        ...(spec.valueType === 'percentage' ? { typicalDenominator: 400 } : {}),
        typical: spec.typical,
      });
    }
  }
  return result;
}

export const indicators: readonly IndicatorContent[] = [...demoIndicators, ...syntheticIndicators()];

/** Option codes of a disaggregation, in the order the demo seed creates them (cartesian product). */
export function optionCodes(disaggregation: string | null): string[] {
  if (disaggregation === null || disaggregation === NO_DISAGGREGATION) return ['TOTAL'];
  const spec = disaggregations.find((candidate) => candidate.code === disaggregation);
  if (!spec) throw new Error(`bench: unknown disaggregation ${disaggregation}`);
  let combos: string[][] = [[]];
  for (const categoryCode of spec.categories) {
    const category = categories.find((candidate) => candidate.code === categoryCode);
    if (!category) throw new Error(`bench: unknown category ${categoryCode}`);
    combos = combos.flatMap((combo) => category.options.map((option) => [...combo, option.code]));
  }
  return combos.map((combo) => combo.join('_'));
}
