import type { Kysely } from 'kysely';
import type { AggregationType, Database, Direction, Locale, Periodicity, UnitTier, ValueType } from '../schema';
import { findTranslations, pick } from './translations';

export interface CodeName {
  code: string;
  name: string;
}

/** One cell of a disaggregation and, per category, the option of that category it belongs to. */
export interface DisaggregationOption extends CodeName {
  /** Category code → category option code, in category order: `{ SEX: 'F', AGE: 'Y18_59' }`; `{}` for 'TOTAL'. */
  categoryOptions: Record<string, string>;
}

export interface DisaggregationDetail extends CodeName {
  categories: (CodeName & { options: CodeName[] })[];
  /** Every cell of the combination, e.g. F / 18-59 / RETURNEE; the default has one, 'TOTAL'. */
  options: DisaggregationOption[];
}

export interface IndicatorSummary {
  code: string;
  name: string;
  shortName: string;
  description: string;
  unit: string;
  valueType: ValueType;
  aggregationType: AggregationType;
  direction: Direction;
  periodicity: Periodicity;
  countThreshold: number | null;
  stageMax: number | null;
  /** Labels of stages 0..stageMax for 'stage' indicators; empty otherwise. */
  stages: { stage: number; label: string }[];
  /** Soft limits: a value outside them needs a comment before submission. */
  minValue: number | null;
  maxValue: number | null;
  theme: CodeName | null;
  tiers: UnitTier[];
  disaggregation: DisaggregationDetail;
}

export const DEFAULT_DISAGGREGATION = 'default';
export const TOTAL_OPTION = 'TOTAL';

export interface IndicatorFilter {
  codes?: readonly string[] | undefined;
  theme?: string | undefined;
  tier?: UnitTier | undefined;
  locale: Locale;
}

export async function listIndicators(db: Kysely<Database>, filter: IndicatorFilter): Promise<IndicatorSummary[]> {
  return (await describeIndicators(db, filter)).map((indicator) => indicator.summary);
}

/** An indicator's description with the ids the SQL of its figures reads. */
export interface DescribedIndicator {
  id: number;
  disaggregationId: number;
  summary: IndicatorSummary;
}

/** listIndicators, each with its ids (analytics reads the indicator's rows once for both). */
export async function describeIndicators(db: Kysely<Database>, filter: IndicatorFilter): Promise<DescribedIndicator[]> {
  let query = db
    .selectFrom('indicator as i')
    .leftJoin('theme as t', 't.id', 'i.theme_id')
    .selectAll('i')
    .select(['t.code as theme_code', 't.name as theme_name']);
  if (filter.codes) query = query.where('i.code', 'in', filter.codes.length ? [...filter.codes] : ['']);
  if (filter.theme) query = query.where('t.code', '=', filter.theme);
  if (filter.tier) {
    const tier = filter.tier;
    query = query.where('i.id', 'in', (sub) =>
      sub.selectFrom('indicator_tier').select('indicator_id').where('tier', '=', tier),
    );
  }
  const rows = await query.orderBy('i.code').execute();
  if (rows.length === 0) return [];

  const ids = rows.map((row) => row.id);
  const [tiers, stages, disaggregations, translations, themeTranslations] = await Promise.all([
    db.selectFrom('indicator_tier').select(['indicator_id', 'tier']).where('indicator_id', 'in', ids).execute(),
    db
      .selectFrom('indicator_stage')
      .select(['id', 'indicator_id', 'stage', 'label'])
      .where('indicator_id', 'in', ids)
      .orderBy('stage')
      .execute(),
    loadDisaggregations(db, [...new Set(rows.map((row) => row.disaggregation_id))], filter.locale),
    findTranslations(db, 'indicator', ids, filter.locale),
    findTranslations(
      db,
      'theme',
      rows.flatMap((row) => (row.theme_id === null ? [] : [row.theme_id])),
      filter.locale,
    ),
  ]);

  const stageNames = await findTranslations(
    db,
    'indicator_stage',
    stages.map((stage) => stage.id),
    filter.locale,
  );
  const summaryOf = (row: (typeof rows)[number]): IndicatorSummary => ({
    code: row.code,
    name: pick(translations, row.id, 'name', row.name),
    shortName: pick(translations, row.id, 'short_name', row.short_name),
    description: pick(translations, row.id, 'description', row.description),
    unit: pick(translations, row.id, 'unit', row.unit),
    valueType: row.value_type,
    aggregationType: row.aggregation_type,
    direction: row.direction,
    periodicity: row.periodicity,
    countThreshold: row.count_threshold,
    stageMax: row.stage_max,
    stages: stages
      .filter((stage) => stage.indicator_id === row.id)
      .map((stage) => ({ stage: stage.stage, label: pick(stageNames, stage.id, 'name', stage.label) })),
    minValue: row.min_value,
    maxValue: row.max_value,
    theme:
      row.theme_id === null || row.theme_code === null || row.theme_name === null
        ? null
        : { code: row.theme_code, name: pick(themeTranslations, row.theme_id, 'name', row.theme_name) },
    tiers: tiers.filter((tier) => tier.indicator_id === row.id).map((tier) => tier.tier),
    disaggregation: disaggregations.get(row.disaggregation_id) as DisaggregationDetail,
  });
  return rows.map((row) => ({
    id: row.id,
    disaggregationId: row.disaggregation_id,
    summary: summaryOf(row),
  }));
}

async function loadDisaggregations(
  db: Kysely<Database>,
  ids: number[],
  locale: Locale,
): Promise<Map<number, DisaggregationDetail>> {
  const [disaggregations, categories, options] = await Promise.all([
    db.selectFrom('disaggregation').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('disaggregation_category as dc')
      .innerJoin('category as c', 'c.id', 'dc.category_id')
      .innerJoin('category_option as co', 'co.category_id', 'c.id')
      .select([
        'dc.disaggregation_id',
        'c.id as category_id',
        'c.code as category_code',
        'c.name as category_name',
        'co.id as option_id',
        'co.code as option_code',
        'co.name as option_name',
      ])
      .where('dc.disaggregation_id', 'in', ids)
      .orderBy('dc.sort_order')
      .orderBy('co.sort_order')
      .execute(),
    db
      .selectFrom('disaggregation_option')
      .selectAll()
      .where('disaggregation_id', 'in', ids)
      .orderBy('sort_order')
      .execute(),
  ]);
  const [disaggregationNames, categoryNames, categoryOptionNames] = await Promise.all([
    findTranslations(db, 'disaggregation', ids, locale),
    findTranslations(
      db,
      'category',
      categories.map((row) => row.category_id),
      locale,
    ),
    findTranslations(
      db,
      'category_option',
      categories.map((row) => row.option_id),
      locale,
    ),
  ]);
  // Option-combination names are composed from the translated category options, so they follow the
  // locale; the same items say which category option each combination stands for.
  const optionItems =
    options.length === 0
      ? []
      : await db
          .selectFrom('disaggregation_option_item')
          .select(['option_id', 'category_option_id'])
          .where(
            'option_id',
            'in',
            options.map((option) => option.id),
          )
          .execute();

  const itemsOf = new Map<number, Set<number>>(); // option id → its category option ids
  for (const item of optionItems) {
    itemsOf.set(item.option_id, (itemsOf.get(item.option_id) ?? new Set()).add(item.category_option_id));
  }

  const result = new Map<number, DisaggregationDetail>();
  for (const disaggregation of disaggregations) {
    const mine = categories.filter((row) => row.disaggregation_id === disaggregation.id);
    const categoryList: DisaggregationDetail['categories'] = [];
    for (const row of mine) {
      let category = categoryList.find((entry) => entry.code === row.category_code);
      if (!category) {
        category = {
          code: row.category_code,
          name: pick(categoryNames, row.category_id, 'name', row.category_name),
          options: [],
        };
        categoryList.push(category);
      }
      category.options.push({
        code: row.option_code,
        name: pick(categoryOptionNames, row.option_id, 'name', row.option_name),
      });
    }
    const describeOption = (option: { id: number; code: string; name: string }): DisaggregationOption => {
      const items = itemsOf.get(option.id) ?? new Set<number>();
      const parts = mine.filter((row) => items.has(row.option_id));
      return {
        code: option.code,
        name:
          locale === 'en' || parts.length === 0
            ? option.name
            : parts.map((row) => pick(categoryOptionNames, row.option_id, 'name', row.option_name)).join(' / '),
        categoryOptions: Object.fromEntries(parts.map((row) => [row.category_code, row.option_code])),
      };
    };
    result.set(disaggregation.id, {
      code: disaggregation.code,
      name: pick(disaggregationNames, disaggregation.id, 'name', disaggregation.name),
      categories: categoryList,
      options: options.filter((option) => option.disaggregation_id === disaggregation.id).map(describeOption),
    });
  }
  return result;
}

export async function findIndicatorId(db: Kysely<Database>, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

/** Every (indicator, disaggregation option) pair of some indicators, with their ids, for writes. */
export async function listIndicatorOptions(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<{ indicator: string; indicatorId: number; option: string; optionId: number }[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('disaggregation_option as o')
    .innerJoin('indicator as i', 'i.disaggregation_id', 'o.disaggregation_id')
    .select(['i.code as indicator', 'i.id as indicator_id', 'o.code as option', 'o.id as option_id'])
    .where('i.code', 'in', [...codes])
    .execute();
  return rows.map((row) => ({
    indicator: row.indicator,
    indicatorId: row.indicator_id,
    option: row.option,
    optionId: row.option_id,
  }));
}
