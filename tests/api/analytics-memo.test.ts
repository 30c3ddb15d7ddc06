// The analytics metadata memo (server/lib/metadata-memo.ts) never outlives a change: an indicator renamed
// through the API, a translation or a unit changed by another process (straight in the database), and
// the next answer says the new name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, getJson, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type Answer = {
  indicator: { code: string; name: string };
  orgUnit: { code: string; name: string } | null;
  rows: { key: string; name: string }[];
};

const BICOL = '/api/analytics?indicator=MIG_SERVED&orgUnit=PH-05&by=unit&periods=2026Q2';

describe.each(ENGINES)('analytics metadata memo on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  let admin: string;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    admin = await signIn(app, 'admin@example.org');
  }, 120_000);
  afterAll(async () => handle.dispose());

  const analytics = async (path: string) => {
    const { status, body } = await getJson<Answer>(app, path);
    expect(status).toBe(200);
    return body;
  };

  test('an indicator renamed by an import is renamed in the next answer', async () => {
    // Twice: the second answer comes from the memo.
    await analytics(BICOL);
    expect((await analytics(BICOL)).indicator.name).not.toBe('People reached');

    const response = await app.request('/api/imports/indicators?dryRun=false', {
      method: 'POST',
      headers: { cookie: admin, origin: ORIGIN, 'content-type': 'text/csv' },
      body: 'code,name,value_type,aggregation_type\r\nMIG_SERVED,People reached,integer,sum\r\n',
    });
    expect(response.status).toBe(200);

    expect((await analytics(BICOL)).indicator.name).toBe('People reached');
  });

  test("another process's changes to a translation and a unit show in the next answer", async () => {
    const spanish = `${BICOL}&locale=es`;
    await analytics(spanish);
    const before = await analytics(spanish);
    const albay = await handle.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'PH-ALB')
      .executeTakeFirstOrThrow();
    expect(before.rows.find((row) => row.key === 'PH-ALB')?.name).not.toBe('Albay (renombrada)');

    // Written on the database handle, not through this app: the app is told nothing.
    await handle.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('translation')
        .where('entity_type', '=', 'org_unit')
        .where('entity_id', '=', albay.id)
        .where('locale', '=', 'es')
        .execute();
      await trx
        .insertInto('translation')
        .values({
          entity_type: 'org_unit',
          entity_id: albay.id,
          locale: 'es',
          field: 'name',
          value: 'Albay (renombrada)',
        })
        .execute();
      await trx.updateTable('org_unit').set({ name: 'Bicol (renamed)' }).where('code', '=', 'PH-05').execute();
    });

    const after = await analytics(spanish);
    expect(after.rows.find((row) => row.key === 'PH-ALB')?.name).toBe('Albay (renombrada)');
    expect((await analytics(BICOL)).orgUnit?.name).toBe('Bicol (renamed)');
  });
});
