// The demo programme: the eight JMDI countries, their regions and municipalities, 15 projects,
// the indicators and eight quarters of reports in every state. Deterministic for a given `asOf`
// date: values come from PRNGs keyed by (indicator, unit, period), never from Math.random.
import type { Kysely, Transaction } from 'kysely';
import { loadAdmin1, loadCountries, loadPhlProvinces, loadPlaces } from '../geo/index';
import { type AreaGeometry, labelPoint, mergeGeometries } from '../geometry';
import { hashPassword } from '../passwords';
import { lastCompleteQuarter, type Quarter, quarterDates, quarterId, quartersEndingWith } from '../periods';
import { DEFAULT_DISAGGREGATION, TOTAL_OPTION } from '../queries/indicators';
import { insertBoundary, insertOrgUnit, tierOf } from '../queries/org-units';
import { ensurePeriods } from '../queries/periods';
import { setSetting } from '../queries/settings';
import { insertTranslations, type NewTranslation } from '../queries/translations';
import { rebuildValueCells } from '../queries/value-cells';
import type { Database, Locale, ReportStatus, Role, TranslatableEntity, UnitKind } from '../schema';
import { categories, disaggregations, indicators, themes } from './content/indicators';
import { extraMunicipalities } from './content/municipalities';
import { projects } from './content/projects';
import type { IndicatorContent, Text } from './content/types';
import { between, randomFor, weighted } from './random';

export const DEMO_PASSWORD = 'm4d-demo'; // demo seed only: printed by `npm start`, never used by a real install
export const QUARTERS_OF_DATA = 8;

/** The accounts DESIGN.md lists; every other seeded user has no password and cannot sign in. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; unit: string | null }[] = [
  { email: 'admin@example.org', name: 'Programme administrator', role: 'admin', unit: null },
  { email: 'donor@example.org', name: 'Donor representative', role: 'donor', unit: null },
  { email: 'national.phl@example.org', name: 'Commission on Filipinos Overseas (CFO)', role: 'national', unit: 'PHL' },
  {
    email: 'national.cri@example.org',
    name: 'Dirección General de Migración, Costa Rica',
    role: 'national',
    unit: 'CRI',
  },
  {
    email: 'region.bicol@example.org',
    name: 'Bicol Migration and Development Council',
    role: 'regional',
    unit: 'PH-05',
  },
  { email: 'local.naga@example.org', name: 'Naga City Migration Centre', role: 'local', unit: 'PHL-naga-city' },
  { email: 'local.upala@example.org', name: 'Municipalidad de Upala', role: 'local', unit: 'CRI-upala' },
  { email: 'region.alajuela@example.org', name: 'Consejo Regional de Alajuela', role: 'regional', unit: 'CR-A' },
  { email: 'local.sedhiou@example.org', name: 'Commune de Sédhiou', role: 'local', unit: 'SEN-sedhiou' },
];

const COUNTRY_NAMES: Record<string, Text> = {
  CRI: { en: 'Costa Rica', es: 'Costa Rica', fr: 'Costa Rica' },
  ECU: { en: 'Ecuador', es: 'Ecuador', fr: 'Équateur' },
  SLV: { en: 'El Salvador', es: 'El Salvador', fr: 'Salvador' },
  MAR: { en: 'Morocco', es: 'Marruecos', fr: 'Maroc' },
  NPL: { en: 'Nepal', es: 'Nepal', fr: 'Népal' },
  PHL: { en: 'Philippines', es: 'Filipinas', fr: 'Philippines' },
  SEN: { en: 'Senegal', es: 'Senegal', fr: 'Sénégal' },
  TUN: { en: 'Tunisia', es: 'Túnez', fr: 'Tunisie' },
};

/** Demo showcases: the key municipalities' latest report is in a state a journey can start from. */
const LATEST_REPORT_STATES: Record<string, ReportStatus | 'missing'> = {
  'PHL-naga-city': 'returned',
  'CRI-upala': 'draft',
  'SEN-sedhiou': 'missing',
  'PHL-legazpi-city': 'submitted',
  'CRI-los-chiles': 'submitted',
};

/** What a reviewer said when returning a report, and the field the note is about. */
const RETURN_COMMENTS: readonly { comment: string; field: { indicator: string; note: string } }[] = [
  {
    comment: 'The number of people served is much lower than last quarter; please check the transit figures.',
    field: { indicator: 'MIG_SERVED', note: 'Much lower than last quarter: were the people in transit counted?' },
  },
  {
    comment: 'Please add the sex breakdown for the officials trained, and explain the drop in referrals.',
    field: { indicator: 'REFERRALS', note: 'Referrals dropped by half: please explain in the comment.' },
  },
  {
    comment: 'Diaspora investment looks duplicated from last quarter; please confirm with the finance office.',
    field: { indicator: 'DIASPORA_USD', note: 'Same amount as last quarter: please confirm with the finance office.' },
  },
  {
    comment: 'The budget share needs the total municipal budget as denominator, not the social budget.',
    field: { indicator: 'BUDGET_SHARE', note: 'Use the total municipal budget as denominator, not the social budget.' },
  },
];

const VALUE_COMMENTS = [
  'Includes a mobile outreach day at the border crossing.',
  'Office closed two weeks for renovation.',
  'Figures confirmed with the help office register.',
  'Seasonal agricultural workers arrived earlier this year.',
];

export interface SeedSummary {
  countries: number;
  regions: number;
  provinces: number;
  municipalities: number;
  indicators: number;
  projects: number;
  dataValues: number;
  reports: Record<ReportStatus | 'missing', number>;
  periods: { from: string; to: string };
}

export interface SeedOptions {
  /** "Today" for the demo: eight quarters of data end with the last quarter complete on this date. */
  asOf: Date;
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst()) === undefined;
}

export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<SeedSummary> {
  // Hash outside the transaction: scrypt is deliberately slow and must not hold a write lock.
  const passwordHashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) passwordHashes.set(account.email, await hashPassword(DEMO_PASSWORD));
  return db.transaction().execute((trx) => seedInTransaction(trx, options, passwordHashes));
}

async function seedInTransaction(
  trx: Transaction<Database>,
  { asOf }: SeedOptions,
  passwordHashes: Map<string, string>,
): Promise<SeedSummary> {
  const createdAt = asOf.toISOString();
  const last = lastCompleteQuarter(asOf);
  const quarters = quartersEndingWith(last, QUARTERS_OF_DATA);
  const first = quarters[0] as Quarter;
  await ensurePeriods(trx, first.year - 2, last.year + 2);

  const translations: NewTranslation[] = [];
  const translate = (
    entityType: TranslatableEntity,
    entityId: number,
    field: 'name' | 'short_name' | 'description' | 'unit',
    text: Text,
  ) => {
    for (const locale of ['es', 'fr'] as const satisfies readonly Locale[]) {
      translations.push({ entityType, entityId, field, locale, value: text[locale] });
    }
  };

  // ---- org units ----
  const units = new Map<string, { id: number; kind: UnitKind; parentCode: string | null; countryCode: string }>();
  const addUnit = async (
    code: string,
    name: string,
    kind: UnitKind,
    parentCode: string | null,
    point: [number, number] | null,
    isoCode: string | null,
  ) => {
    const parent = parentCode === null ? undefined : units.get(parentCode);
    if (parentCode !== null && !parent) throw new Error(`seed: parent ${parentCode} of ${code} is missing`);
    const row = await insertOrgUnit(
      trx,
      {
        code,
        name,
        kind,
        parentId: parent?.id ?? null,
        isoCode,
        longitude: point?.[0] ?? null,
        latitude: point?.[1] ?? null,
      },
      createdAt,
    );
    units.set(code, { id: row.id, kind, parentCode, countryCode: parent?.countryCode ?? code });
    return row.id;
  };

  for (const feature of loadCountries().features) {
    const { iso3, iso2 } = feature.properties;
    const names = COUNTRY_NAMES[iso3];
    if (!names) throw new Error(`seed: no names for country ${iso3}`);
    const id = await addUnit(iso3, names.en, 'country', null, labelPoint(feature.geometry), iso2);
    await insertBoundary(trx, id, feature.geometry, 'Natural Earth 1:10m Admin-0 v4.1.0 (public domain)');
    translate('org_unit', id, 'name', names);
  }
  for (const feature of loadAdmin1().features) {
    const { code, name, iso3, iso_3166_2 } = feature.properties;
    const id = await addUnit(code, name, 'region', iso3, labelPoint(feature.geometry), iso_3166_2);
    await insertBoundary(trx, id, feature.geometry, 'Natural Earth 1:10m Admin-1 (public domain)');
  }

  // Philippine provinces, only where the demo has municipalities: region → province → city.
  const phlFeatures = loadPhlProvinces().features;
  const places = loadPlaces();
  const provinceNames = new Map<string, string>();
  for (const place of places) {
    const feature = phlFeatures.find((candidate) => candidate.properties.code === place.phl_provinces_code);
    if (feature && place.province_name) provinceNames.set(feature.properties.iso_3166_2, place.province_name);
  }
  for (const extra of extraMunicipalities) {
    if (extra.provinceCode && !provinceNames.has(extra.provinceCode)) {
      const province = phlFeatures.find(
        (candidate) =>
          candidate.properties.iso_3166_2 === extra.provinceCode && candidate.properties.type === 'Province',
      );
      provinceNames.set(extra.provinceCode, province?.properties.name ?? extra.provinceCode);
    }
  }
  for (const [isoCode, name] of provinceNames) {
    const parts = phlFeatures.filter((feature) => feature.properties.iso_3166_2 === isoCode);
    const regionCode = parts[0]?.properties.region_code;
    if (!regionCode) throw new Error(`seed: province ${isoCode} not in phl_provinces.geojson`);
    const geometry: AreaGeometry =
      parts.length === 1 ? (parts[0]?.geometry as AreaGeometry) : mergeGeometries(parts.map((part) => part.geometry));
    const id = await addUnit(isoCode, name, 'province', regionCode, labelPoint(geometry), isoCode);
    await insertBoundary(trx, id, geometry, 'Natural Earth 1:10m Admin-1 provinces (public domain)');
  }

  for (const place of places) {
    const province = phlFeatures.find((feature) => feature.properties.code === place.phl_provinces_code);
    const parent = province ? province.properties.iso_3166_2 : place.admin1_code;
    await addUnit(place.id, place.name, 'municipality', parent, [place.lon, place.lat], null);
  }
  for (const extra of extraMunicipalities) {
    await addUnit(
      extra.code,
      extra.name,
      'municipality',
      extra.provinceCode ?? extra.admin1Code,
      [extra.lon, extra.lat],
      null,
    );
  }

  // ---- themes, disaggregations, indicators ----
  const themeIds = new Map<string, number>();
  for (const theme of themes) {
    const row = await trx
      .insertInto('theme')
      .values({ code: theme.code, name: theme.name.en, description: theme.description.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    themeIds.set(theme.code, row.id);
    translate('theme', row.id, 'name', theme.name);
    translate('theme', row.id, 'description', theme.description);
  }

  const categoryOptions = new Map<string, { id: number; code: string; name: Text }[]>();
  const categoryIds = new Map<string, number>();
  for (const category of categories) {
    const row = await trx
      .insertInto('category')
      .values({ code: category.code, name: category.name.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(category.code, row.id);
    translate('category', row.id, 'name', category.name);
    const options = [];
    for (const [index, option] of category.options.entries()) {
      const inserted = await trx
        .insertInto('category_option')
        .values({ category_id: row.id, code: option.code, name: option.name.en, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      translate('category_option', inserted.id, 'name', option.name);
      options.push({ id: inserted.id, code: option.code, name: option.name });
    }
    categoryOptions.set(category.code, options);
  }

  /** Option ids of each disaggregation, in order, with relative weights for splitting totals. */
  const disaggregationOptions = new Map<string, { id: number; code: string; weight: number }[]>();
  const insertDisaggregation = async (code: string, name: Text, categoryCodes: string[]) => {
    const row = await trx
      .insertInto('disaggregation')
      .values({ code, name: name.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    translate('disaggregation', row.id, 'name', name);
    for (const [index, categoryCode] of categoryCodes.entries()) {
      await trx
        .insertInto('disaggregation_category')
        .values({ disaggregation_id: row.id, category_id: categoryIds.get(categoryCode) as number, sort_order: index })
        .execute();
    }
    // The cartesian product of the categories' options: F/0-17/IMMIGRANT, F/0-17/RETURNEE, …
    let combos: { id: number; code: string; name: Text }[][] = [[]];
    for (const categoryCode of categoryCodes) {
      const options = categoryOptions.get(categoryCode) ?? [];
      combos = combos.flatMap((combo) => options.map((option) => [...combo, option]));
    }
    const inserted = [];
    for (const [index, combo] of combos.entries()) {
      const comboCode = combo.length === 0 ? TOTAL_OPTION : combo.map((option) => option.code).join('_');
      const comboName = combo.length === 0 ? 'Total' : combo.map((option) => option.name.en).join(' / ');
      const option = await trx
        .insertInto('disaggregation_option')
        .values({ disaggregation_id: row.id, code: comboCode, name: comboName, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (combo.length > 0) {
        await trx
          .insertInto('disaggregation_option_item')
          .values(combo.map((item) => ({ option_id: option.id, category_option_id: item.id })))
          .execute();
      }
      const weight = randomFor('weight', code, comboCode)() * 0.8 + 0.2;
      inserted.push({ id: option.id, code: comboCode, weight });
    }
    disaggregationOptions.set(code, inserted);
    return row.id;
  };
  const disaggregationIds = new Map<string, number>();
  disaggregationIds.set(
    DEFAULT_DISAGGREGATION,
    await insertDisaggregation(
      DEFAULT_DISAGGREGATION,
      { en: 'None (total)', es: 'Ninguna (total)', fr: 'Aucune (total)' },
      [],
    ),
  );
  for (const disaggregation of disaggregations) {
    disaggregationIds.set(
      disaggregation.code,
      await insertDisaggregation(disaggregation.code, disaggregation.name, disaggregation.categories),
    );
  }

  const indicatorIds = new Map<string, number>();
  for (const indicator of indicators) {
    const row = await trx
      .insertInto('indicator')
      .values({
        code: indicator.code,
        name: indicator.name.en,
        short_name: indicator.shortName.en,
        description: indicator.description.en,
        unit: indicator.unit.en,
        value_type: indicator.valueType,
        aggregation_type: indicator.aggregationType,
        direction: indicator.direction,
        periodicity: indicator.periodicity,
        theme_id: themeIds.get(indicator.theme) ?? null,
        disaggregation_id: disaggregationIds.get(indicator.disaggregation ?? DEFAULT_DISAGGREGATION) as number,
        count_threshold: indicator.countThreshold ?? null,
        stage_max: indicator.stages ? indicator.stages.length - 1 : null,
        // Values beyond what a municipality plausibly reports in a quarter need a comment.
        min_value: indicator.valueType === 'yes_no' || indicator.valueType === 'stage' ? null : indicator.typical.min,
        max_value:
          indicator.valueType === 'yes_no' || indicator.valueType === 'stage' ? null : indicator.typical.max * 2,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorIds.set(indicator.code, row.id);
    await trx
      .insertInto('indicator_tier')
      .values(indicator.tiers.map((tier) => ({ indicator_id: row.id, tier })))
      .execute();
    translate('indicator', row.id, 'name', indicator.name);
    translate('indicator', row.id, 'short_name', indicator.shortName);
    translate('indicator', row.id, 'description', indicator.description);
    translate('indicator', row.id, 'unit', indicator.unit);
    for (const [stage, label] of (indicator.stages ?? []).entries()) {
      const inserted = await trx
        .insertInto('indicator_stage')
        .values({ indicator_id: row.id, stage, label: label.en })
        .returning('id')
        .executeTakeFirstOrThrow();
      translate('indicator_stage', inserted.id, 'name', label);
    }
  }

  // ---- projects ----
  /** Which indicators each unit reports in each quarter, from the projects covering it. */
  const reporting = new Map<string, Map<string, Set<string>>>(); // unit → period → indicator codes
  for (const project of projects) {
    const country = units.get(project.country);
    const lead = units.get(project.leadUnit);
    if (!country || !lead) throw new Error(`seed: project ${project.code} refers to unknown units`);
    const row = await trx
      .insertInto('project')
      .values({
        code: project.code,
        name: project.name.en,
        description: project.description.en,
        country_id: country.id,
        lead_unit_id: lead.id,
        start_date: project.startDate,
        end_date: project.endDate,
        budget: project.budgetUsd,
        currency: 'USD',
        status: activityStatus(project.startDate, project.endDate, asOf),
        iati_identifier: project.iatiIdentifier,
        illustrative: project.illustrative ? 1 : 0,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    translate('project', row.id, 'name', project.name);
    translate('project', row.id, 'description', project.description);
    await trx
      .insertInto('project_unit')
      .values(
        project.coveredUnits.map((code) => {
          const unit = units.get(code);
          if (!unit) throw new Error(`seed: project ${project.code} covers unknown unit ${code}`);
          return { project_id: row.id, org_unit_id: unit.id };
        }),
      )
      .execute();
    await trx
      .insertInto('project_theme')
      .values(project.themes.map((code) => ({ project_id: row.id, theme_id: themeIds.get(code) as number })))
      .execute();
    for (const [index, result] of project.results.entries()) {
      const inserted = await trx
        .insertInto('result')
        .values({
          project_id: row.id,
          code: result.code,
          type: result.type,
          title: result.title.en,
          description: result.description.en,
          sort_order: index,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      translate('result', inserted.id, 'name', result.title);
      translate('result', inserted.id, 'description', result.description);
      await trx
        .insertInto('result_indicator')
        .values(
          result.indicators.map((code, order) => {
            const indicatorId = indicatorIds.get(code);
            if (indicatorId === undefined)
              throw new Error(`seed: result ${project.code}/${result.code} uses unknown ${code}`);
            return { result_id: inserted.id, indicator_id: indicatorId, sort_order: order };
          }),
        )
        .execute();
    }

    const projectIndicators = project.results.flatMap((result) => result.indicators);
    for (const quarter of quarters) {
      const { start, end } = quarterDates(quarter);
      if (project.startDate > end || project.endDate < start) continue;
      for (const code of project.coveredUnits) {
        const unit = units.get(code);
        if (!unit) continue;
        const tier = tierOf(unit.kind);
        const codes = projectIndicators.filter((indicatorCode) =>
          indicators.find((indicator) => indicator.code === indicatorCode)?.tiers.includes(tier),
        );
        if (codes.length === 0) continue;
        const byPeriod = reporting.get(code) ?? new Map<string, Set<string>>();
        const set = byPeriod.get(quarterId(quarter)) ?? new Set<string>();
        for (const indicatorCode of codes) set.add(indicatorCode);
        byPeriod.set(quarterId(quarter), set);
        reporting.set(code, byPeriod);
      }
    }
  }

  // ---- users: the demo accounts, plus one password-less officer per reporting unit for the history ----
  const userIds = new Map<string, number>(); // unit code (or role for unit-less) → user id
  for (const account of DEMO_ACCOUNTS) {
    const row = await trx
      .insertInto('app_user')
      .values({
        email: account.email,
        name: account.name,
        password_hash: passwordHashes.get(account.email) ?? null,
        role: account.role,
        org_unit_id: account.unit === null ? null : (units.get(account.unit)?.id ?? null),
        locale:
          account.unit?.startsWith('CR') || account.unit?.startsWith('EC')
            ? 'es'
            : account.unit?.startsWith('SEN')
              ? 'fr'
              : 'en',
        active: 1,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds.set(account.unit ?? account.role, row.id);
  }
  const officerOf = async (unitCode: string): Promise<number> => {
    const existing = userIds.get(unitCode);
    if (existing !== undefined) return existing;
    const unit = units.get(unitCode);
    if (!unit) throw new Error(`seed: unknown unit ${unitCode}`);
    const tier = tierOf(unit.kind);
    const row = await trx
      .insertInto('app_user')
      .values({
        email: `staff.${unitCode.toLowerCase()}@example.org`,
        name: `Officer, ${unitCode} (demo)`,
        password_hash: null,
        role: tier,
        org_unit_id: unit.id,
        locale: ['CRI', 'ECU', 'SLV'].includes(unit.countryCode)
          ? 'es'
          : ['SEN', 'MAR', 'TUN'].includes(unit.countryCode)
            ? 'fr'
            : 'en',
        active: 1,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds.set(unitCode, row.id);
    return row.id;
  };
  /** The reviewer one level up: a municipality's region, a region's country. */
  const reviewerOf = (unitCode: string): string | null => {
    let current = units.get(unitCode);
    while (current?.parentCode) {
      const parent = units.get(current.parentCode);
      if (parent && parent.kind !== 'province') return current.parentCode;
      current = parent;
    }
    return null;
  };

  // ---- baselines and targets ----
  const years = [...new Set(quarters.map((quarter) => quarter.year))];
  const targetRows = [];
  for (const [unitCode, byPeriod] of reporting) {
    const unit = units.get(unitCode);
    if (!unit) continue;
    const codes = new Set([...byPeriod.values()].flatMap((set) => [...set]));
    for (const code of codes) {
      const indicator = indicators.find((candidate) => candidate.code === code) as IndicatorContent;
      const scale = unitScale(unitCode);
      targetRows.push({
        indicator_id: indicatorIds.get(code) as number,
        org_unit_id: unit.id,
        type: 'baseline' as const,
        period_id: String((years[0] as number) - 1),
        ...targetValue(indicator, scale, -1),
      });
      for (const [index, year] of years.entries()) {
        targetRows.push({
          indicator_id: indicatorIds.get(code) as number,
          org_unit_id: unit.id,
          type: 'target' as const,
          period_id: String(year),
          ...targetValue(indicator, scale, index),
        });
      }
    }
  }
  await insertInChunks(trx, 'target', targetRows);

  // ---- reports and values ----
  const reportCounts: SeedSummary['reports'] = {
    draft: 0,
    submitted: 0,
    returned: 0,
    approved: 0,
    accepted: 0,
    missing: 0,
  };
  const valueRows = [];
  for (const [unitCode, byPeriod] of reporting) {
    const unit = units.get(unitCode);
    if (!unit) continue;
    const officer = await officerOf(unitCode);
    const reviewerUnit = reviewerOf(unitCode);
    const reviewer = reviewerUnit === null ? null : await officerOf(reviewerUnit);
    const national = await officerOf(unit.countryCode);
    for (const quarter of quarters) {
      const period = quarterId(quarter);
      const codes = byPeriod.get(period);
      if (!codes) continue;
      const age = (last.year - quarter.year) * 4 + (last.quarter - quarter.quarter);
      const status = reportStateFor(unitCode, period, age, unit.kind === 'country');
      reportCounts[status]++;
      if (status === 'missing') continue;

      const dates = quarterDates(quarter);
      const random = randomFor('report', unitCode, period);
      const day = (date: string, days: number) =>
        new Date(Date.parse(date) + days * 86_400_000 + random() * 8 * 3_600_000).toISOString();
      const late = random() < 0.15;
      const createdOn = day(dates.end, 3 + random() * 10);
      const submittedOn = day(dates.deadline, late ? 3 + random() * 20 : -2 - random() * 12);
      const approvedOn = day(submittedOn, 2 + random() * 10);
      const acceptedOn = day(approvedOn, 5 + random() * 15);
      const returnedOn = day(submittedOn, 1 + random() * 5);
      // A reviewer comments on what the report contains.
      const relevant = RETURN_COMMENTS.filter((candidate) => codes.has(candidate.field.indicator));
      const returned = relevant[Math.floor(random() * relevant.length)];
      const returnComment = returned?.comment ?? 'Please check the figures against the register.';
      const lastTouched = {
        draft: createdOn,
        returned: returnedOn,
        submitted: submittedOn,
        approved: approvedOn,
        accepted: acceptedOn,
      }[status];

      const report = await trx
        .insertInto('report')
        .values({
          org_unit_id: unit.id,
          period_id: period,
          status,
          last_comment: status === 'returned' ? returnComment : null,
          submitted_at: ['submitted', 'approved', 'accepted'].includes(status) ? submittedOn : null,
          approved_at: ['approved', 'accepted'].includes(status) ? approvedOn : null,
          accepted_at: status === 'accepted' ? acceptedOn : null,
          created_at: createdOn,
          updated_at: lastTouched,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const events: {
        action: 'create' | 'submit' | 'approve' | 'return' | 'accept';
        from: ReportStatus | null;
        to: ReportStatus;
        actor: number | null;
        at: string;
        comment: string | null;
      }[] = [{ action: 'create', from: null, to: 'draft', actor: officer, at: createdOn, comment: null }];
      if (status === 'returned') {
        events.push({
          action: 'submit',
          from: 'draft',
          to: 'submitted',
          actor: officer,
          at: submittedOn,
          comment: null,
        });
        events.push({
          action: 'return',
          from: 'submitted',
          to: 'returned',
          actor: reviewer ?? national,
          at: returnedOn,
          comment: returnComment,
        });
      }
      if (['submitted', 'approved', 'accepted'].includes(status)) {
        events.push({
          action: 'submit',
          from: 'draft',
          to: 'submitted',
          actor: officer,
          at: submittedOn,
          comment: null,
        });
      }
      if (['approved', 'accepted'].includes(status)) {
        events.push({
          action: 'approve',
          from: 'submitted',
          to: 'approved',
          actor: reviewer ?? national,
          at: approvedOn,
          comment: null,
        });
      }
      if (status === 'accepted') {
        events.push({
          action: 'accept',
          from: 'approved',
          to: 'accepted',
          actor: national,
          at: acceptedOn,
          comment: null,
        });
      }
      await trx
        .insertInto('report_event')
        .values(
          events.map((event) => ({
            report_id: report.id,
            action: event.action,
            from_status: event.from,
            to_status: event.to,
            actor_id: event.actor,
            comment: event.comment,
            created_at: event.at,
          })),
        )
        .execute();
      // The note on the field it concerns.
      const fieldNote = returned?.field;
      if (status === 'returned' && fieldNote) {
        const returnEvent = await trx
          .selectFrom('report_event')
          .select('id')
          .where('report_id', '=', report.id)
          .where('action', '=', 'return')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('report_event_note')
          .values({
            report_event_id: returnEvent.id,
            indicator_id: indicatorIds.get(fieldNote.indicator) as number,
            comment: fieldNote.note,
          })
          .execute();
      }

      for (const code of codes) {
        const indicator = indicators.find((candidate) => candidate.code === code) as IndicatorContent;
        if (indicator.periodicity === 'annual' && quarter.quarter !== 4) continue;
        const valueRandom = randomFor('value', code, unitCode, period);
        // Realistic gaps: a draft is half-filled; a few fields stay empty in any report.
        if (valueRandom() < (status === 'draft' ? 0.4 : 0.04)) continue;
        const generated = generateValue(indicator, unitCode, quarters.indexOf(quarter));
        const comment =
          valueRandom() < 0.05 ? (VALUE_COMMENTS[Math.floor(valueRandom() * VALUE_COMMENTS.length)] as string) : null;
        const options = disaggregationOptions.get(indicator.disaggregation ?? DEFAULT_DISAGGREGATION) ?? [];
        const parts = splitTotal(generated.value, options, indicator.valueType === 'integer', valueRandom);
        for (const [index, option] of options.entries()) {
          valueRows.push({
            indicator_id: indicatorIds.get(code) as number,
            org_unit_id: unit.id,
            period_id: period,
            option_id: option.id,
            value: parts[index] as number,
            numerator: generated.numerator,
            denominator: generated.denominator,
            comment: index === 0 ? comment : null,
            created_by: officer,
            updated_by: officer,
            created_at: createdOn,
            updated_at: createdOn,
          });
        }
      }
    }
  }
  await insertInChunks(trx, 'data_value', valueRows);
  await rebuildValueCells(trx);

  await insertTranslations(trx, translations);
  await setSetting(trx, 'demo', 'true');
  await setSetting(trx, 'demo_as_of', asOf.toISOString().slice(0, 10));

  const kinds = [...units.values()].map((unit) => unit.kind);
  return {
    countries: kinds.filter((kind) => kind === 'country').length,
    regions: kinds.filter((kind) => kind === 'region').length,
    provinces: kinds.filter((kind) => kind === 'province').length,
    municipalities: kinds.filter((kind) => kind === 'municipality').length,
    indicators: indicators.length,
    projects: projects.length,
    dataValues: valueRows.length,
    reports: reportCounts,
    periods: { from: quarterId(first), to: quarterId(last) },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: rows are checked by the callers' table types
async function insertInChunks(trx: Transaction<Database>, table: 'target' | 'data_value', rows: any[]): Promise<void> {
  // PostgreSQL allows 65,535 bind parameters per statement; 500 rows × 13 columns stays far below.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/**
 * IATI activity status as of the demo's "today": pipeline before the start, implementation while it
 * runs, finalisation for six months after the end, closed afterwards.
 */
function activityStatus(startDate: string, endDate: string, asOf: Date): number {
  const today = asOf.toISOString().slice(0, 10);
  if (today < startDate) return 1;
  if (today <= endDate) return 2;
  const sixMonthsAfter = new Date(Date.parse(endDate) + 183 * 86_400_000).toISOString().slice(0, 10);
  return today <= sixMonthsAfter ? 3 : 4;
}

/** A unit's size relative to the typical municipality, stable per unit (0.5–1.8). */
function unitScale(unitCode: string): number {
  return 0.5 + randomFor('scale', unitCode)() * 1.3;
}

function reportStateFor(unitCode: string, period: string, age: number, national: boolean): ReportStatus | 'missing' {
  const showcase = LATEST_REPORT_STATES[unitCode];
  if (age === 0 && showcase) return showcase;
  const random = randomFor('state', unitCode, period);
  if (age >= 4)
    return weighted(random, { accepted: national ? 0 : 80, approved: national ? 95 : 14, missing: 3, submitted: 3 });
  if (age >= 2) return weighted(random, { accepted: 35, approved: 45, submitted: 10, returned: 4, missing: 6 });
  if (age === 1)
    return weighted(random, { accepted: 10, approved: 40, submitted: 28, returned: 8, draft: 6, missing: 8 });
  return weighted(random, { approved: 15, submitted: 35, returned: 10, draft: 25, missing: 15 });
}

interface Generated {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** One unit's value for one quarter: a trend toward the target with noise, within the indicator's range. */
function generateValue(indicator: IndicatorContent, unitCode: string, quarterIndex: number): Generated {
  const random = randomFor('generate', indicator.code, unitCode, quarterIndex);
  const { value: typical, min, max } = indicator.typical;
  const scale = unitScale(unitCode);
  const trend = 0.8 + 0.05 * quarterIndex;
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  switch (indicator.valueType) {
    case 'yes_no': {
      // Councils get set up and stay: once a unit says yes, later quarters say yes too.
      const start = randomFor('yes-from', indicator.code, unitCode)();
      return { value: start < 0.3 + quarterIndex * 0.08 ? 1 : 0, numerator: null, denominator: null };
    }
    case 'stage': {
      const stageMax = (indicator.stages?.length ?? 5) - 1;
      const startStage = Math.floor(randomFor('stage-from', indicator.code, unitCode)() * 2);
      const speed = 0.2 + randomFor('stage-speed', indicator.code, unitCode)() * 0.35;
      return {
        value: Math.min(stageMax, startStage + Math.floor(quarterIndex * speed)),
        numerator: null,
        denominator: null,
      };
    }
    case 'percentage': {
      const denominator = Math.round((indicator.typicalDenominator ?? 100) * scale * between(random, 0.9, 1.1));
      const share = clamp((typical / 100) * trend * between(random, 0.8, 1.2), min / 100, max / 100);
      const numerator = Math.round(denominator * share);
      return { value: round2((numerator / denominator) * 100), numerator, denominator };
    }
    case 'integer':
      return {
        value: Math.round(clamp(typical * scale * trend * between(random, 0.7, 1.3), min, max * 1.5)),
        numerator: null,
        denominator: null,
      };
    case 'number': {
      const additive = indicator.aggregationType === 'sum' || indicator.aggregationType === 'max';
      const raw = additive
        ? typical * scale * trend * between(random, 0.6, 1.4)
        : typical +
          (indicator.direction === 'higher' ? 1 : -1) * (max - min) * 0.015 * quarterIndex +
          between(random, -0.08, 0.08) * (max - min);
      const value = clamp(raw, min, additive ? max * 1.5 : max);
      return {
        value: typical >= 1000 ? Math.round(value / 100) * 100 : round2(value),
        numerator: null,
        denominator: null,
      };
    }
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Splits a total across disaggregation options by weight; integers keep their exact sum. */
function splitTotal(total: number, options: { weight: number }[], integer: boolean, random: () => number): number[] {
  if (options.length <= 1) return [total];
  const weights = options.map((option) => option.weight * (0.7 + random() * 0.6));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  if (!integer) return exact.map(round2);
  const floors = exact.map(Math.floor);
  let remainder = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction);
  for (const { index } of order) {
    if (remainder <= 0) break;
    floors[index] = (floors[index] as number) + 1;
    remainder--;
  }
  return floors;
}

/** Baseline (yearIndex -1) and yearly targets, on the same scale as the generated values. */
function targetValue(
  indicator: IndicatorContent,
  scale: number,
  yearIndex: number,
): { value: number; numerator: number | null; denominator: number | null } {
  const { value: typical, max } = indicator.typical;
  const growth = 1 + 0.15 * (yearIndex + 1);
  const none = { numerator: null, denominator: null };
  const quartersPerYear = indicator.periodicity === 'annual' ? 1 : 4;
  switch (indicator.aggregationType) {
    case 'sum': {
      const yearly = typical * scale * quartersPerYear * (yearIndex < 0 ? 0.7 : 0.9 * growth);
      return { value: typical >= 1000 ? Math.round(yearly / 1000) * 1000 : Math.round(yearly), ...none };
    }
    case 'max':
      return { value: Math.round(typical * scale * (yearIndex < 0 ? 0.8 : growth)), ...none };
    case 'average':
      return {
        value: round2(
          Math.min(
            max,
            typical *
              (indicator.direction === 'higher'
                ? yearIndex < 0
                  ? 0.9
                  : 1 + 0.05 * (yearIndex + 1)
                : yearIndex < 0
                  ? 1.2
                  : 1 - 0.1 * (yearIndex + 1)),
          ),
        ),
        ...none,
      };
    case 'count':
      return { value: yearIndex < 0 ? 0 : 1, ...none };
    case 'last':
      return { value: Math.min((indicator.stages?.length ?? 5) - 1, yearIndex < 0 ? 0 : 2 + yearIndex), ...none };
    case 'ratio': {
      const share = Math.min(max, typical * (yearIndex < 0 ? 0.7 : growth));
      return { value: round2(share), numerator: null, denominator: null };
    }
  }
}
