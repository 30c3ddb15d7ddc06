import type { Kysely } from 'kysely';
import type { Database, Locale, TranslatableEntity, TranslatableField } from '../schema';

export type Translations = Map<number, Partial<Record<TranslatableField, string>>>;

/**
 * Translated fields of some rows of one entity type. Base columns hold English, so English needs no
 * lookup; a missing translation falls back to the base column at the caller.
 */
export async function findTranslations(
  db: Kysely<Database>,
  entityType: TranslatableEntity,
  ids: readonly number[],
  locale: Locale,
): Promise<Translations> {
  const result: Translations = new Map();
  if (locale === 'en' || ids.length === 0) return result;
  const rows = await db
    .selectFrom('translation')
    .select(['entity_id', 'field', 'value'])
    .where('entity_type', '=', entityType)
    .where('locale', '=', locale)
    .where('entity_id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) {
    const fields = result.get(row.entity_id) ?? {};
    fields[row.field] = row.value;
    result.set(row.entity_id, fields);
  }
  return result;
}

/** The translated value of one field, or the base value. */
export function pick(translations: Translations, id: number, field: TranslatableField, base: string): string {
  return translations.get(id)?.[field] ?? base;
}

export interface NewTranslation {
  entityType: TranslatableEntity;
  entityId: number;
  field: TranslatableField;
  locale: Locale;
  value: string;
}

export async function insertTranslations(db: Kysely<Database>, rows: readonly NewTranslation[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('translation')
      .values(
        rows.slice(i, i + 500).map((row) => ({
          entity_type: row.entityType,
          entity_id: row.entityId,
          field: row.field,
          locale: row.locale,
          value: row.value,
        })),
      )
      .execute();
  }
}
