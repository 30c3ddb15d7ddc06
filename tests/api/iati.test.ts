// IATI 2.03 activity export through the real app, on every engine: every seeded project validates
// against the official XSD (xmllint, tests/fixtures/iati/), and its figures match the database.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { create } from 'xmlbuilder2';
import { APPROVED_STATUSES } from '../../db/queries/data-values';
import type { Database } from '../../db/schema';
import { projects } from '../../db/seed/content/projects';
import { iatiRoutes } from '../../server/routes/iati';
import { formatNumber, publisherFromEnv, yearlyBudgets } from '../../server/services/iati';
import { createTestApp } from '../helpers/app';
import { createSeededDatabase, ENGINES, TEST_AS_OF, type TestDatabase } from '../helpers/database';

const SCHEMA = fileURLToPath(new URL('../fixtures/iati/iati-activities-schema.xsd', import.meta.url));

/** xmllint (Debian's libxml2-utils) reading the document from stdin; no shell in between. */
function validateWithXmllint(xml: string): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'xmllint',
      ['--noout', '--schema', SCHEMA, '-'],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, output: `${stdout}${stderr}` });
      },
    );
    child.stdin?.end(xml);
  });
}

function parse(xml: string): Document {
  return create(xml).node as unknown as Document;
}

/** Elements named `tag` directly under `parent` (getElementsByTagName looks at every descendant). */
function children(parent: Element | Document, tag: string): Element[] {
  return Array.from(parent.getElementsByTagName(tag)).filter((element) => element.parentNode === parent);
}

function only(parent: Element | Document, tag: string): Element {
  const found = children(parent, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0] as Element;
}

function narratives(element: Element): Record<string, string> {
  return Object.fromEntries(
    children(element, 'narrative').map((narrative) => [narrative.getAttribute('xml:lang'), narrative.textContent]),
  );
}

function indicatorByCode(activity: Element, code: string): Element {
  const found = Array.from(activity.getElementsByTagName('indicator')).find(
    (indicator) => only(indicator, 'reference').getAttribute('code') === code,
  );
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

/** The quarter ('2025Q3') a period element covers, from its start date. */
function quarterOfPeriod(period: Element): string {
  const start = only(period, 'period-start').getAttribute('iso-date') ?? '';
  return `${start.slice(0, 4)}Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Σ of the approved values of one indicator over a project's covered units, per quarter — straight SQL. */
async function approvedSums(
  db: Kysely<Database>,
  project: string,
  indicator: string,
  option?: string,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('data_value as dv')
    .innerJoin('indicator as i', 'i.id', 'dv.indicator_id')
    .innerJoin('disaggregation_option as o', 'o.id', 'dv.option_id')
    .innerJoin('report as r', (join) =>
      join.onRef('r.org_unit_id', '=', 'dv.org_unit_id').onRef('r.period_id', '=', 'dv.period_id'),
    )
    .where('i.code', '=', indicator)
    .where('r.status', 'in', [...APPROVED_STATUSES])
    .where('dv.org_unit_id', 'in', (eb) =>
      eb
        .selectFrom('project_unit as pu')
        .innerJoin('project as p', 'p.id', 'pu.project_id')
        .select('pu.org_unit_id')
        .where('p.code', '=', project),
    );
  if (option !== undefined) query = query.where('o.code', '=', option);
  const rows = await query
    .select((eb) => ['dv.period_id', eb.fn.sum<number | string>('dv.value').as('total')])
    .groupBy('dv.period_id')
    .execute();
  return new Map(rows.map((row) => [row.period_id, Number(row.total)]));
}

/** The approved or accepted report a data value belongs to (correlated on the outer data_value row). */
function approvedReport(eb: ExpressionBuilder<Database, 'data_value'>) {
  return eb
    .selectFrom('report as r')
    .select('r.id')
    .whereRef('r.org_unit_id', '=', 'data_value.org_unit_id')
    .whereRef('r.period_id', '=', 'data_value.period_id')
    .where('r.status', 'in', [...APPROVED_STATUSES]);
}

const PROJECT_CODES = projects.map((project) => project.code);

describe.each(ENGINES)('IATI activity export on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
  }, 120_000);
  afterAll(async () => handle.dispose());

  const exportXml = async (query: string, target = app) => {
    const response = await target.request(`/api/iati/activities.xml${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    return response.text();
  };

  test.each(PROJECT_CODES)('%s validates against the IATI 2.03 schema', async (code) => {
    const xml = await exportXml(`?project=${code}`);
    const result = await validateWithXmllint(xml);
    expect(result.output).toContain('- validates');
    expect(result.exitCode).toBe(0);
    const activities = children(only(parse(xml), 'iati-activities'), 'iati-activity');
    expect(activities).toHaveLength(1);
  });

  test('all projects in one document, and by country; the document validates', async () => {
    const xml = await exportXml('');
    const root = only(parse(xml), 'iati-activities');
    expect(root.getAttribute('version')).toBe('2.03');
    expect(root.getAttribute('generated-datetime')).toBe(TEST_AS_OF.toISOString());
    const identifiers = children(root, 'iati-activity').map(
      (activity) => only(activity, 'iati-identifier').textContent,
    );
    expect(identifiers.sort()).toEqual(projects.map((project) => project.iatiIdentifier).sort());
    expect((await validateWithXmllint(xml)).exitCode).toBe(0);

    const philippines = parse(await exportXml('?country=PHL'));
    expect(
      children(only(philippines, 'iati-activities'), 'iati-activity').map((activity) =>
        only(activity, 'other-identifier').getAttribute('ref'),
      ),
    ).toEqual(['PHL-BICOL', 'PHL-REINTEGRATION']);
  });

  test('PHL-BICOL: identifiers, organisations, texts in three languages, dates, country, budget', async () => {
    const content = projects.find((project) => project.code === 'PHL-BICOL');
    if (!content) throw new Error('PHL-BICOL is not in the demo content');
    const activity = only(only(parse(await exportXml('?project=PHL-BICOL')), 'iati-activities'), 'iati-activity');

    expect(only(activity, 'iati-identifier').textContent).toBe(content.iatiIdentifier);
    const reporting = only(activity, 'reporting-org');
    expect(content.iatiIdentifier.startsWith(`${reporting.getAttribute('ref')}-`)).toBe(true);
    expect(narratives(only(activity, 'title'))).toEqual(content.name);
    const [general, notice] = children(activity, 'description');
    expect(general?.getAttribute('type')).toBe('1');
    expect(narratives(general as Element)).toEqual(content.description);
    expect(notice?.getAttribute('type')).toBe('4');
    expect(Object.keys(narratives(notice as Element))).toEqual(['en', 'es', 'fr']);

    const roles = children(activity, 'participating-org').map((org) => org.getAttribute('role'));
    expect(roles).toContain('1');
    const implementing = children(activity, 'participating-org').find((org) => org.getAttribute('role') === '4');
    expect(implementing && narratives(implementing).en).toBe('Naga City');
    expect(implementing?.getAttribute('type')).toBe('11');

    expect(only(activity, 'activity-status').getAttribute('code')).toBe('2');
    expect(
      children(activity, 'activity-date').map((date) => [date.getAttribute('type'), date.getAttribute('iso-date')]),
    ).toEqual([
      ['1', content.startDate],
      ['2', content.startDate],
      ['3', content.endDate],
    ]);
    expect(only(activity, 'recipient-country').getAttribute('code')).toBe('PH');
    expect(only(activity, 'sector').getAttribute('code')).toBe('15190');
    // The country itself is no location; the region and the municipalities with points are.
    const locations = children(activity, 'location').map((location) => location.getAttribute('ref'));
    expect(locations).toHaveLength(content.coveredUnits.length - 1);
    expect(locations).toContain('PHL-naga-city');

    const budgets = children(activity, 'budget').map((budget) => ({
      start: only(budget, 'period-start').getAttribute('iso-date'),
      value: Number(only(budget, 'value').textContent),
    }));
    expect(budgets.map((budget) => budget.start)).toEqual(['2024-01-01', '2025-01-01', '2026-01-01']);
    expect(budgets.reduce((sum, budget) => sum + budget.value, 0)).toBeCloseTo(content.budgetUsd, 2);
  });

  test('PHL-BICOL results: counts, types, three-language narratives and quarterly periods', async () => {
    const content = projects.find((project) => project.code === 'PHL-BICOL');
    if (!content) throw new Error('PHL-BICOL is not in the demo content');
    const activity = only(only(parse(await exportXml('?project=PHL-BICOL')), 'iati-activities'), 'iati-activity');
    const results = children(activity, 'result');
    expect(results).toHaveLength(content.results.length);
    for (const [index, result] of results.entries()) {
      const expected = content.results[index];
      if (!expected) throw new Error('more results than in the content');
      expect(result.getAttribute('type')).toBe({ output: '1', outcome: '2', impact: '3' }[expected.type]);
      expect(narratives(only(result, 'title'))).toEqual(expected.title);
      const indicators = children(result, 'indicator');
      expect(indicators.map((indicator) => only(indicator, 'reference').getAttribute('code'))).toEqual(
        expected.indicators,
      );
      for (const indicator of indicators) {
        expect(Object.keys(narratives(only(indicator, 'title')))).toEqual(['en', 'es', 'fr']);
        expect(children(indicator, 'baseline')).toHaveLength(1);
      }
    }

    // A quarterly sum over the project's three target years: twelve quarters, 2024Q1–2026Q4.
    const served = indicatorByCode(activity, 'MIG_SERVED');
    expect(served.getAttribute('measure')).toBe('1');
    expect(served.getAttribute('ascending')).toBe('1');
    const periods = children(served, 'period');
    expect(periods.map(quarterOfPeriod)).toEqual(
      [2024, 2025, 2026].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}Q${quarter}`)),
    );
    for (const period of periods) expect(children(period, 'target')).toHaveLength(1);

    // Exactly the quarters with approved values have an actual.
    const sums = await approvedSums(handle.db, 'PHL-BICOL', 'MIG_SERVED');
    const withActual = periods.filter((period) => children(period, 'actual').length > 0).map(quarterOfPeriod);
    expect(withActual).toEqual([...sums.keys()].sort());
  });

  test('an actual is the sum of the approved values of the covered units, as the database adds them', async () => {
    const activity = only(only(parse(await exportXml('?project=PHL-BICOL')), 'iati-activities'), 'iati-activity');
    const served = indicatorByCode(activity, 'MIG_SERVED');
    const totals = await approvedSums(handle.db, 'PHL-BICOL', 'MIG_SERVED');
    const females = await approvedSums(handle.db, 'PHL-BICOL', 'MIG_SERVED', 'F_Y18_59_RETURNEE');
    expect(totals.size).toBeGreaterThan(2);
    let checked = 0;
    for (const period of children(served, 'period')) {
      const quarter = quarterOfPeriod(period);
      const [total, ...cells] = children(period, 'actual');
      if (!total) continue;
      expect(children(total, 'dimension')).toHaveLength(0);
      expect(Number(total.getAttribute('value')), quarter).toBe(totals.get(quarter));
      // 2 sexes × 3 age groups × 5 migration statuses, each cell with one dimension per category.
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.length).toBeLessThanOrEqual(30);
      expect(cells.reduce((sum, cell) => sum + Number(cell.getAttribute('value')), 0)).toBe(totals.get(quarter));
      const female = cells.find((cell) =>
        children(cell, 'dimension').every(
          (dimension) =>
            ({ Sex: 'Female', 'Age group': '18–59 years', 'Migration status': 'Returnee' })[
              dimension.getAttribute('name') ?? ''
            ] === dimension.getAttribute('value'),
        ),
      );
      expect(female && Number(female.getAttribute('value')), quarter).toBe(females.get(quarter));
      checked++;
    }
    expect(checked).toBe(totals.size);
  });

  test('unapproved values never reach the export; approved ones do', async () => {
    const before = await exportXml('?project=PHL-BICOL');
    const trx = await handle.db.startTransaction().execute();
    try {
      const covered = trx
        .selectFrom('project_unit as pu')
        .innerJoin('project as p', 'p.id', 'pu.project_id')
        .select('pu.org_unit_id')
        .where('p.code', '=', 'PHL-BICOL');
      const unapproved = await trx
        .updateTable('data_value')
        .set({ value: 9_999_991 })
        .where('org_unit_id', 'in', covered)
        .where((eb) => eb.not(eb.exists(approvedReport(eb))))
        .executeTakeFirst();
      expect(Number(unapproved.numUpdatedRows)).toBeGreaterThan(0);

      const inTransaction = createTestApp({ ...handle, db: trx });
      const after = await exportXml('?project=PHL-BICOL', inTransaction);
      expect(after).not.toContain('9999991');
      expect(after).toBe(before);

      // The same change to approved values shows: the export is not just cached or blind.
      await trx
        .updateTable('data_value')
        .set({ value: 9_999_991 })
        .where('org_unit_id', 'in', covered)
        .where((eb) => eb.exists(approvedReport(eb)))
        .execute();
      expect(await exportXml('?project=PHL-BICOL', inTransaction)).toContain('9999991');
    } finally {
      await trx.rollback().execute();
    }
  });

  test('a real installation must name its publisher; the environment names it', async () => {
    const trx = await handle.db.startTransaction().execute();
    try {
      await trx.updateTable('app_setting').set({ value: 'false' }).where('key', '=', 'demo').execute();
      const response = await createTestApp({ ...handle, db: trx }).request(
        '/api/iati/activities.xml?project=PHL-BICOL',
      );
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({
        error: { code: 'iati_publisher_not_configured', message: expect.stringContaining('IATI_REPORTING_ORG_REF') },
      });

      const publisher = publisherFromEnv({
        IATI_REPORTING_ORG_REF: 'XM-EXAMPLE-1',
        IATI_REPORTING_ORG_TYPE: '11',
        IATI_REPORTING_ORG_NAME: 'Example City Council',
      });
      const routes = iatiRoutes(trx, () => TEST_AS_OF, publisher);
      const configured = await routes.request('/activities.xml?project=PHL-BICOL');
      expect(configured.status).toBe(200);
      const activity = only(only(parse(await configured.text()), 'iati-activities'), 'iati-activity');
      expect(only(activity, 'reporting-org').getAttribute('ref')).toBe('XM-EXAMPLE-1');
      expect(narratives(only(activity, 'reporting-org'))).toEqual({ en: 'Example City Council' });
      // Not the demo any more: no notice that the data is generated (Bicol is a documented practice).
      expect(children(activity, 'description').map((description) => description.getAttribute('type'))).toEqual(['1']);
    } finally {
      await trx.rollback().execute();
    }
  });

  test.each([
    ['?project=NOPE-NOPE', 404, 'project_not_found'],
    ['?country=ATA', 404, 'country_not_found'],
    ['?project=PHL-BICOL&country=CRI', 404, 'project_not_found'],
    ['?project=bad%20code!', 400, 'invalid_request'],
    ['?project=', 400, 'invalid_request'],
    [`?project=${'X'.repeat(65)}`, 400, 'invalid_request'],
    ['?country=ph', 400, 'invalid_request'],
  ])('%s → %i %s', async (query, status, code) => {
    const response = await app.request(`/api/iati/activities.xml${query}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  });
});

describe('IATI helpers', () => {
  test('a budget is split over calendar years pro rata by days, adding up exactly', () => {
    const parts = yearlyBudgets('2024-01-15', '2026-12-31', 1_150_000);
    expect(parts.map((part) => [part.start, part.end])).toEqual([
      ['2024-01-15', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
    ]);
    expect(parts.reduce((sum, part) => sum + part.value * 100, 0)).toBe(115_000_000);
    expect(parts[1]?.value).toBeGreaterThan(parts[0]?.value ?? Number.POSITIVE_INFINITY);
    expect(yearlyBudgets('2025-03-01', '2025-06-30', 100)).toEqual([
      { start: '2025-03-01', end: '2025-06-30', value: 100 },
    ]);
  });

  test.each([
    [1184, '1184'],
    [2.3456, '2.35'],
    [-0.001, '0'],
    [1_150_000.5, '1150000.5'],
  ])('formatNumber(%d) = %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  test('the publisher comes from the environment whole, or not at all', () => {
    expect(publisherFromEnv({})).toBeUndefined();
    expect(() => publisherFromEnv({ IATI_REPORTING_ORG_REF: 'XM-EXAMPLE-1' })).toThrow(/go together/);
    expect(() =>
      publisherFromEnv({
        IATI_REPORTING_ORG_REF: 'XM-EXAMPLE-1',
        IATI_REPORTING_ORG_TYPE: 'city',
        IATI_REPORTING_ORG_NAME: 'Example',
      }),
    ).toThrow(/OrganisationType/);
    expect(
      publisherFromEnv({
        IATI_REPORTING_ORG_REF: 'XM-EXAMPLE-1',
        IATI_REPORTING_ORG_TYPE: '11',
        IATI_REPORTING_ORG_NAME: 'Example',
        IATI_FUNDING_ORG_NAME: 'A foundation',
        IATI_FUNDING_ORG_TYPE: '60',
      })?.fundingOrgs,
    ).toEqual([{ ref: undefined, type: '60', name: { en: 'A foundation' } }]);
  });
});
