import type { Kysely } from 'kysely';
import type { Database, Dhis2MappingKind, ValuePart } from '../schema';

export interface Dhis2Mapping {
  kind: Dhis2MappingKind;
  dhis2Code: string;
  localCode: string;
  part: ValuePart;
}

/** Every mapping row, oldest first (an export uses the first DHIS2 code mapped to a local code). */
export async function listDhis2Mappings(db: Kysely<Database>): Promise<Dhis2Mapping[]> {
  const rows = await db
    .selectFrom('dhis2_mapping')
    .select(['kind', 'dhis2_code', 'local_code', 'part'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ kind: row.kind, dhis2Code: row.dhis2_code, localCode: row.local_code, part: row.part }));
}

/** Replaces the whole mapping (call inside a transaction). */
export async function replaceDhis2Mappings(
  db: Kysely<Database>,
  mappings: readonly Dhis2Mapping[],
  now: string,
): Promise<void> {
  await db.deleteFrom('dhis2_mapping').execute();
  for (let i = 0; i < mappings.length; i += 500) {
    await db
      .insertInto('dhis2_mapping')
      .values(
        mappings.slice(i, i + 500).map((mapping) => ({
          kind: mapping.kind,
          dhis2_code: mapping.dhis2Code,
          local_code: mapping.localCode,
          part: mapping.part,
          updated_at: now,
        })),
      )
      .execute();
  }
}

/** Which of these codes exist, per kind of thing a mapping can point at. */
export async function findExistingCodes(
  db: Kysely<Database>,
  codes: { indicators: string[]; units: string[]; options: string[] },
): Promise<{ indicators: Map<string, string>; units: Set<string>; options: Set<string> }> {
  const [indicators, units, options] = await Promise.all([
    codes.indicators.length === 0
      ? []
      : db.selectFrom('indicator').select(['code', 'value_type']).where('code', 'in', codes.indicators).execute(),
    codes.units.length === 0 ? [] : db.selectFrom('org_unit').select('code').where('code', 'in', codes.units).execute(),
    codes.options.length === 0
      ? []
      : db.selectFrom('disaggregation_option').select('code').where('code', 'in', codes.options).execute(),
  ]);
  return {
    indicators: new Map(indicators.map((row) => [row.code, row.value_type])),
    units: new Set(units.map((row) => row.code)),
    options: new Set(options.map((row) => row.code)),
  };
}
