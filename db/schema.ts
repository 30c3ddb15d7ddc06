// The database as Kysely sees it: one interface per table, snake_case as stored.
// Rows are mapped to camelCase once, in db/queries/. Booleans are stored as 0/1 integers and
// timestamps as ISO-8601 UTC text on both engines, so the two dialects read back the same values.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const UNIT_KINDS = ['country', 'region', 'province', 'municipality'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_TIERS = ['national', 'regional', 'local'] as const;
export type UnitTier = (typeof UNIT_TIERS)[number];

export const VALUE_TYPES = ['integer', 'number', 'percentage', 'yes_no', 'stage'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const AGGREGATION_TYPES = ['sum', 'average', 'last', 'max', 'count', 'ratio'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PERIODICITIES = ['quarterly', 'annual'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const PERIOD_TYPES = ['quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['create', 'submit', 'approve', 'return', 'accept', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const ROLES = ['admin', 'donor', 'national', 'regional', 'local'] as const;
export type Role = (typeof ROLES)[number];

export const TARGET_TYPES = ['baseline', 'target'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const TRANSLATABLE_ENTITIES = [
  'org_unit',
  'theme',
  'indicator',
  'category',
  'category_option',
  'disaggregation',
  'project',
  'result',
  'indicator_stage',
] as const;
export type TranslatableEntity = (typeof TRANSLATABLE_ENTITIES)[number];

export const TRANSLATABLE_FIELDS = ['name', 'short_name', 'description', 'unit'] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** 0 or 1: booleans are integers on both engines. */
export type Flag = 0 | 1;
/** ISO-8601 text, written by the application. */
type Timestamp = string;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: UnitKind;
  /** Depth in the tree: 1 for a country. */
  level: number;
  parent_id: number | null;
  /** Materialised path of ids, '/1/12/40/': a subtree is `path LIKE '/1/12/%'`. */
  path: string;
  iso_code: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: ColumnType<Timestamp, string, never>;
}

/** A unit's outline as a GeoJSON geometry (Polygon or MultiPolygon), kept apart from the hot unit rows. */
export interface OrgUnitBoundaryTable {
  org_unit_id: number;
  geometry: string;
  source: string;
}

export interface TranslationTable {
  entity_type: TranslatableEntity;
  entity_id: number;
  field: TranslatableField;
  locale: Locale;
  value: string;
}

export interface ThemeTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
}

export interface CategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface CategoryOptionTable {
  id: Generated<number>;
  category_id: number;
  code: string;
  name: string;
  sort_order: number;
}

/** A combination of categories (DHIS2's category combo). 'default' has one option, 'TOTAL'. */
export interface DisaggregationTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface DisaggregationCategoryTable {
  disaggregation_id: number;
  category_id: number;
  sort_order: number;
}

/** One cell of a disaggregation (DHIS2's category option combo), e.g. F / 18-59 / RETURNEE. */
export interface DisaggregationOptionTable {
  id: Generated<number>;
  disaggregation_id: number;
  code: string;
  name: string;
  sort_order: number;
}

export interface DisaggregationOptionItemTable {
  option_id: number;
  category_option_id: number;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  description: string;
  unit: string;
  value_type: ValueType;
  aggregation_type: AggregationType;
  direction: Direction;
  periodicity: Periodicity;
  theme_id: number | null;
  disaggregation_id: number;
  count_threshold: number | null;
  /** Highest stage for 'stage' indicators (stages run 0..stage_max). */
  stage_max: number | null;
  /** Soft limits: a value outside them needs a comment before the report is submitted. */
  min_value: number | null;
  max_value: number | null;
  created_at: ColumnType<Timestamp, string, never>;
}

/** The label of each stage of a 'stage' indicator (0 = not started …). */
export interface IndicatorStageTable {
  id: Generated<number>;
  indicator_id: number;
  stage: number;
  label: string;
}

export interface IndicatorTierTable {
  indicator_id: number;
  tier: UnitTier;
}

export interface ProjectTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  country_id: number;
  lead_unit_id: number;
  start_date: string;
  end_date: string;
  budget: number;
  currency: string;
  /** IATI ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
  status: number;
  iati_identifier: string | null;
  illustrative: Flag;
  created_at: ColumnType<Timestamp, string, never>;
}

export interface ProjectUnitTable {
  project_id: number;
  org_unit_id: number;
}

export interface ProjectThemeTable {
  project_id: number;
  theme_id: number;
}

export interface ResultTable {
  id: Generated<number>;
  project_id: number;
  code: string;
  type: ResultType;
  title: string;
  description: string;
  sort_order: number;
}

export interface ResultIndicatorTable {
  result_id: number;
  indicator_id: number;
  sort_order: number;
}

export interface PeriodTable {
  /** '2025Q3' or '2025'. */
  id: string;
  type: PeriodType;
  year: number;
  quarter: number | null;
  start_date: string;
  end_date: string;
  /** Reports for the quarter are due by this date (inclusive). */
  deadline: string | null;
}

/** Baselines and yearly targets per indicator × unit (aggregated up the tree like values). */
export interface TargetTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number;
  type: TargetType;
  /** A year ('2025'); the baseline carries the year it was measured. */
  period_id: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface DataValueTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number;
  period_id: string;
  option_id: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: Generated<number>;
  created_by: number | null;
  updated_by: number | null;
  created_at: ColumnType<Timestamp, string, never>;
  updated_at: Timestamp;
}

/**
 * The analytics roll-up (migration 0005): one row per indicator × unit × quarter that has values,
 * its options combined. Derived from data_value in the same transaction as every write
 * (db/queries/value-cells.ts); never written on its own.
 */
export interface ValueCellTable {
  indicator_id: number;
  period_id: string;
  org_unit_id: number;
  value_sum: number;
  numerator_sum: number | null;
  denominator_sum: number | null;
  value_count: number;
  /** 1 while the unit's report for the quarter is approved or accepted (migration 0008: kept by triggers on report). */
  approved: Generated<number>;
}

/** One row (id 1): moved on by triggers whenever a table the public API reads changes (migration 0006). */
export interface DataGenerationTable {
  id: number;
  n: number | string | bigint;
}

export interface ReportTable {
  id: Generated<number>;
  org_unit_id: number;
  period_id: string;
  status: ReportStatus;
  /** Comment of the last transition (e.g. the reviewer's reason for returning it). */
  last_comment: string | null;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  accepted_at: Timestamp | null;
  version: Generated<number>;
  created_at: ColumnType<Timestamp, string, never>;
  updated_at: Timestamp;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: ReportAction;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  actor_id: number | null;
  comment: string | null;
  created_at: Timestamp;
}

/** A reviewer's note on one field of a returned report, attached to the 'return' event. */
export interface ReportEventNoteTable {
  id: Generated<number>;
  report_event_id: number;
  indicator_id: number;
  comment: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** 'data_value' | 'report' | 'user' | metadata tables. */
  entity_type: string;
  entity_key: string;
  action: string;
  old_value: string | null;
  new_value: string | null;
  actor_id: number | null;
  org_unit_id: number | null;
  period_id: string | null;
  indicator_id: number | null;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash, or null for an account that cannot sign in yet. */
  password_hash: string | null;
  role: Role;
  org_unit_id: number | null;
  locale: Locale;
  active: Flag;
  created_at: ColumnType<Timestamp, string, never>;
  last_login_at: Timestamp | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** Installation-wide settings, e.g. `demo` = 'true' when the demo programme is loaded. */
export interface AppSettingTable {
  key: string;
  value: string;
}

/** A failed sign-in, for rate limiting per account and per address. */
export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  address: string;
  created_at: Timestamp;
}

export const DHIS2_MAPPING_KINDS = ['dataElement', 'orgUnit', 'categoryOptionCombo'] as const;
export type Dhis2MappingKind = (typeof DHIS2_MAPPING_KINDS)[number];

export const VALUE_PARTS = ['value', 'numerator', 'denominator'] as const;
export type ValuePart = (typeof VALUE_PARTS)[number];

/** A DHIS2 code and the local code it stands for; codes without a row map to themselves. */
export interface Dhis2MappingTable {
  id: Generated<number>;
  kind: Dhis2MappingKind;
  dhis2_code: string;
  local_code: string;
  /** For data elements: which figure of the indicator it carries (numerator/denominator of a percentage). */
  part: ValuePart;
  updated_at: Timestamp;
}

export interface Database {
  login_attempt: LoginAttemptTable;
  app_setting: AppSettingTable;
  org_unit: OrgUnitTable;
  org_unit_boundary: OrgUnitBoundaryTable;
  translation: TranslationTable;
  theme: ThemeTable;
  category: CategoryTable;
  category_option: CategoryOptionTable;
  disaggregation: DisaggregationTable;
  disaggregation_category: DisaggregationCategoryTable;
  disaggregation_option: DisaggregationOptionTable;
  disaggregation_option_item: DisaggregationOptionItemTable;
  indicator: IndicatorTable;
  indicator_tier: IndicatorTierTable;
  indicator_stage: IndicatorStageTable;
  project: ProjectTable;
  project_unit: ProjectUnitTable;
  project_theme: ProjectThemeTable;
  result: ResultTable;
  result_indicator: ResultIndicatorTable;
  period: PeriodTable;
  target: TargetTable;
  data_value: DataValueTable;
  value_cell: ValueCellTable;
  data_generation: DataGenerationTable;
  report: ReportTable;
  report_event: ReportEventTable;
  report_event_note: ReportEventNoteTable;
  audit_log: AuditLogTable;
  app_user: UserTable;
  session: SessionTable;
  dhis2_mapping: Dhis2MappingTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type PeriodRow = Selectable<PeriodTable>;
export type DataValueRow = Selectable<DataValueTable>;
export type NewDataValue = Insertable<DataValueTable>;
export type DataValueUpdate = Updateable<DataValueTable>;
export type ReportRow = Selectable<ReportTable>;
export type UserRow = Selectable<UserTable>;
