// The whole domain model of DESIGN.md. Constraints live in the database too: foreign keys, one data
// value per indicator × unit × period × option, CHECKs on every enumeration.
import type { Kysely } from 'kysely';
import { addIdColumn, between, oneOf } from '../dialect';
import {
  AGGREGATION_TYPES,
  DIRECTIONS,
  LOCALES,
  PERIOD_TYPES,
  PERIODICITIES,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  RESULT_TYPES,
  ROLES,
  TARGET_TYPES,
  TRANSLATABLE_ENTITIES,
  TRANSLATABLE_FIELDS,
  UNIT_KINDS,
  UNIT_TIERS,
  VALUE_TYPES,
} from '../schema';

const TABLES_IN_CREATION_ORDER = [
  'org_unit',
  'org_unit_boundary',
  'translation',
  'theme',
  'category',
  'category_option',
  'disaggregation',
  'disaggregation_category',
  'disaggregation_option',
  'disaggregation_option_item',
  'indicator',
  'indicator_tier',
  'indicator_stage',
  'project',
  'project_unit',
  'project_theme',
  'result',
  'result_indicator',
  'period',
  'target',
  'app_user',
  'session',
  'data_value',
  'report',
  'report_event',
  'audit_log',
  'app_setting',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('org_unit'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('parent_id', 'integer', (col) => col.references('org_unit.id').onDelete('restrict'))
    .addColumn('path', 'text', (col) => col.notNull().unique())
    .addColumn('iso_code', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('org_unit_kind_check', oneOf('kind', UNIT_KINDS))
    .addCheckConstraint('org_unit_level_check', between('level', 1, 10))
    .addCheckConstraint('org_unit_latitude_check', between('latitude', -90, 90))
    .addCheckConstraint('org_unit_longitude_check', between('longitude', -180, 180))
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_id').execute();
  await db.schema.createIndex('org_unit_level_idx').on('org_unit').column('level').execute();

  await db.schema
    .createTable('org_unit_boundary')
    .addColumn('org_unit_id', 'integer', (col) => col.primaryKey().references('org_unit.id').onDelete('cascade'))
    .addColumn('geometry', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('translation')
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'integer', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('translation_pk', ['entity_type', 'entity_id', 'field', 'locale'])
    .addCheckConstraint('translation_entity_check', oneOf('entity_type', TRANSLATABLE_ENTITIES))
    .addCheckConstraint('translation_field_check', oneOf('field', TRANSLATABLE_FIELDS))
    .addCheckConstraint('translation_locale_check', oneOf('locale', LOCALES))
    .execute();

  await addIdColumn(db, db.schema.createTable('theme'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .execute();

  await addIdColumn(db, db.schema.createTable('category'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable('category_option'))
    .addColumn('category_id', 'integer', (col) => col.notNull().references('category.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('category_option_code_unique', ['category_id', 'code'])
    .execute();

  await addIdColumn(db, db.schema.createTable('disaggregation'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('disaggregation_category')
    .addColumn('disaggregation_id', 'integer', (col) =>
      col.notNull().references('disaggregation.id').onDelete('cascade'),
    )
    .addColumn('category_id', 'integer', (col) => col.notNull().references('category.id').onDelete('restrict'))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('disaggregation_category_pk', ['disaggregation_id', 'category_id'])
    .execute();

  await addIdColumn(db, db.schema.createTable('disaggregation_option'))
    .addColumn('disaggregation_id', 'integer', (col) =>
      col.notNull().references('disaggregation.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('disaggregation_option_code_unique', ['disaggregation_id', 'code'])
    .execute();

  await db.schema
    .createTable('disaggregation_option_item')
    .addColumn('option_id', 'integer', (col) =>
      col.notNull().references('disaggregation_option.id').onDelete('cascade'),
    )
    .addColumn('category_option_id', 'integer', (col) =>
      col.notNull().references('category_option.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('disaggregation_option_item_pk', ['option_id', 'category_option_id'])
    .execute();

  await addIdColumn(db, db.schema.createTable('indicator'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('unit', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('value_type', 'text', (col) => col.notNull())
    .addColumn('aggregation_type', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull().defaultTo('higher'))
    .addColumn('periodicity', 'text', (col) => col.notNull().defaultTo('quarterly'))
    .addColumn('theme_id', 'integer', (col) => col.references('theme.id').onDelete('set null'))
    .addColumn('disaggregation_id', 'integer', (col) => col.notNull().references('disaggregation.id'))
    .addColumn('count_threshold', 'double precision')
    .addColumn('stage_max', 'integer')
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('indicator_value_type_check', oneOf('value_type', VALUE_TYPES))
    .addCheckConstraint('indicator_aggregation_type_check', oneOf('aggregation_type', AGGREGATION_TYPES))
    .addCheckConstraint('indicator_direction_check', oneOf('direction', DIRECTIONS))
    .addCheckConstraint('indicator_periodicity_check', oneOf('periodicity', PERIODICITIES))
    .addCheckConstraint('indicator_stage_max_check', between('stage_max', 1, 20))
    .execute();

  await db.schema
    .createTable('indicator_tier')
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('tier', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('indicator_tier_pk', ['indicator_id', 'tier'])
    .addCheckConstraint('indicator_tier_check', oneOf('tier', UNIT_TIERS))
    .execute();

  await addIdColumn(db, db.schema.createTable('indicator_stage'))
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('stage', 'integer', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addUniqueConstraint('indicator_stage_unique', ['indicator_id', 'stage'])
    .addCheckConstraint('indicator_stage_stage_check', between('stage', 0, 20))
    .execute();

  await addIdColumn(db, db.schema.createTable('project'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('country_id', 'integer', (col) => col.notNull().references('org_unit.id'))
    .addColumn('lead_unit_id', 'integer', (col) => col.notNull().references('org_unit.id'))
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('budget', 'double precision', (col) => col.notNull().defaultTo(0))
    .addColumn('currency', 'text', (col) => col.notNull().defaultTo('USD'))
    .addColumn('status', 'integer', (col) => col.notNull().defaultTo(2))
    .addColumn('iati_identifier', 'text', (col) => col.unique())
    .addColumn('illustrative', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('project_status_check', between('status', 1, 6))
    .addCheckConstraint('project_illustrative_check', oneOf('illustrative', [0, 1]))
    .addCheckConstraint('project_budget_check', between('budget', 0, 1e15))
    .execute();

  await db.schema
    .createTable('project_unit')
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (col) => col.notNull().references('org_unit.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('project_unit_pk', ['project_id', 'org_unit_id'])
    .execute();
  await db.schema.createIndex('project_unit_unit_idx').on('project_unit').column('org_unit_id').execute();

  await db.schema
    .createTable('project_theme')
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (col) => col.notNull().references('theme.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('project_theme_pk', ['project_id', 'theme_id'])
    .execute();

  await addIdColumn(db, db.schema.createTable('result'))
    .addColumn('project_id', 'integer', (col) => col.notNull().references('project.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addUniqueConstraint('result_code_unique', ['project_id', 'code'])
    .addCheckConstraint('result_type_check', oneOf('type', RESULT_TYPES))
    .execute();

  await db.schema
    .createTable('result_indicator')
    .addColumn('result_id', 'integer', (col) => col.notNull().references('result.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('restrict'))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('result_indicator_pk', ['result_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('period')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('quarter', 'integer')
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('deadline', 'text')
    .addCheckConstraint('period_type_check', oneOf('type', PERIOD_TYPES))
    .addCheckConstraint('period_quarter_check', between('quarter', 1, 4))
    .addCheckConstraint('period_year_check', between('year', 1990, 2100))
    .execute();

  await addIdColumn(db, db.schema.createTable('target'))
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'integer', (col) => col.notNull().references('org_unit.id').onDelete('cascade'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('period_id', 'text', (col) => col.notNull().references('period.id'))
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addUniqueConstraint('target_key_unique', ['indicator_id', 'org_unit_id', 'type', 'period_id'])
    .addCheckConstraint('target_type_check', oneOf('type', TARGET_TYPES))
    .execute();

  await addIdColumn(db, db.schema.createTable('app_user'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('org_unit_id', 'integer', (col) => col.references('org_unit.id').onDelete('restrict'))
    .addColumn('locale', 'text', (col) => col.notNull().defaultTo('en'))
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_login_at', 'text')
    .addCheckConstraint('app_user_role_check', oneOf('role', ROLES))
    .addCheckConstraint('app_user_locale_check', oneOf('locale', LOCALES))
    .addCheckConstraint('app_user_active_check', oneOf('active', [0, 1]))
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await addIdColumn(db, db.schema.createTable('data_value'))
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('restrict'))
    .addColumn('org_unit_id', 'integer', (col) => col.notNull().references('org_unit.id').onDelete('restrict'))
    .addColumn('period_id', 'text', (col) => col.notNull().references('period.id'))
    .addColumn('option_id', 'integer', (col) => col.notNull().references('disaggregation_option.id'))
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('data_value_key_unique', ['indicator_id', 'org_unit_id', 'period_id', 'option_id'])
    .addCheckConstraint('data_value_version_check', between('version', 1, 2147483647))
    .execute();
  // Reading a unit's quarterly report and a period's values across units.
  await db.schema
    .createIndex('data_value_unit_period_idx')
    .on('data_value')
    .columns(['org_unit_id', 'period_id'])
    .execute();

  await addIdColumn(db, db.schema.createTable('report'))
    .addColumn('org_unit_id', 'integer', (col) => col.notNull().references('org_unit.id').onDelete('restrict'))
    .addColumn('period_id', 'text', (col) => col.notNull().references('period.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('last_comment', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('report_key_unique', ['org_unit_id', 'period_id'])
    .addCheckConstraint('report_status_check', oneOf('status', REPORT_STATUSES))
    .execute();
  await db.schema.createIndex('report_period_status_idx').on('report').columns(['period_id', 'status']).execute();

  await addIdColumn(db, db.schema.createTable('report_event'))
    .addColumn('report_id', 'integer', (col) => col.notNull().references('report.id').onDelete('cascade'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addCheckConstraint('report_event_action_check', oneOf('action', REPORT_ACTIONS))
    .addCheckConstraint('report_event_to_status_check', oneOf('to_status', REPORT_STATUSES))
    .execute();
  await db.schema.createIndex('report_event_report_idx').on('report_event').column('report_id').execute();

  await addIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_key', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('org_unit_id', 'integer', (col) => col.references('org_unit.id').onDelete('set null'))
    .addColumn('period_id', 'text')
    .addColumn('indicator_id', 'integer', (col) => col.references('indicator.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_unit_period_idx')
    .on('audit_log')
    .columns(['org_unit_id', 'period_id'])
    .execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...TABLES_IN_CREATION_ORDER].reverse()) {
    await db.schema.dropTable(table).execute();
  }
}
