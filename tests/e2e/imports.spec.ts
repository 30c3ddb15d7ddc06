// Importing from a spreadsheet in the browser: Naga City's staff check a CSV for next quarter
// (2026Q4, which no other journey writes), see which rows would be written and which are refused
// and why, drop the refused rows, confirm, and find the values stored. Then a DHIS2 export of other
// indicators for the same quarter: its conflicts, with what to do, skipped on purpose, the rest
// imported and found in the entry form. An administrator checks a targets file. axe on the page
// before and after each check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function signIn(page: Page, email: string, password = 'm4d-demo') {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

function csv(rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: 'naga-2026q4.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.map((row) => row.join(',')).join('\n')),
  };
}

const HEADER = ['indicator', 'orgUnit', 'period', 'option', 'value', 'note'];
const GOOD = [
  ['COORD_MEETINGS', 'PHL-naga-city', '2026Q4', 'TOTAL', '7', 'council and province'],
  ['OFFICIALS_TRAINED', 'PHL-naga-city', '2026Q4', 'F', '12', ''],
];
const BAD = [
  ['OFFICIALS_TRAINED', 'PHL-naga-city', '2026Q4', 'M', 'twelve', ''],
  ['COORD_MEETINGS', 'PHL-pili', '2026Q4', 'TOTAL', '3', 'not ours'],
];

test.use({ viewport: { width: 1280, height: 800 } });

test('Naga City imports a quarter from a CSV: checked, refused rows fixed, confirmed, stored', async ({ page }) => {
  test.setTimeout(180_000);
  const banner = page.getByRole('banner');

  await page.goto('/login');
  await signIn(page, 'local.naga@example.org');
  await expect(page).toHaveURL(/\/entry\/PHL-naga-city\//);
  await banner.getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  // Local staff import data values only, from a spreadsheet (the default) or a DHIS2 export.
  await expect(page.getByRole('radio')).toHaveCount(2);
  await expect(page.getByRole('radio', { name: 'Data values', exact: true })).toBeChecked();
  await expectNoSeriousViolations(page);

  // Checking without a file says what is missing.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('Choose a file first.')).toBeVisible();

  // A file with two good rows, a value that is not a number and a row for Pili.
  const picker = page.getByLabel('File of Data values');
  await picker.setInputFiles(csv([HEADER, ...GOOD, ...BAD]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  const result = page.getByRole('heading', { level: 2, name: 'Check: nothing written yet' });
  await expect(result).toBeFocused();
  const tile = (label: string) => page.locator('.tile').filter({ has: page.getByText(label, { exact: true }) });
  await expect(tile('Rows read')).toContainText('4');
  await expect(tile('Would be added')).toContainText('2');
  await expect(tile('Rejected')).toContainText('2');
  await expect(tile('Draft reports to be created')).toContainText('1');
  await expect(page.locator('.facts')).toContainText('note');
  await expect(page.getByText(/2 rows cannot be imported. The import is all or nothing/)).toBeVisible();
  const rejected = page.getByRole('table', { name: /Rejected rows/ });
  const badValue = rejected
    .getByRole('row')
    .filter({ hasText: 'twelve' })
    .or(rejected.getByRole('row', { name: /^4 / }));
  await expect(badValue).toContainText('OFFICIALS_TRAINED');
  const pili = rejected.getByRole('row').filter({ hasText: 'PHL-pili' });
  await expect(pili).toContainText('5');
  await expect(pili).toContainText("Only PHL-pili's own staff");
  // With rows refused there is nothing to confirm: the server would write none of them.
  await expect(page.getByRole('button', { name: 'Confirm import' })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // The fixed file: the refused rows dropped.
  await picker.setInputFiles(csv([HEADER, ...GOOD]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(result).toBeFocused();
  await expect(tile('Rejected')).toContainText('0');
  await expect(page.getByText('Nothing is rejected. Confirm to write 2 changes.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import done' })).toBeFocused();
  await expect(tile('Added')).toContainText('2');
  await expect(tile('Draft reports created')).toContainText('1');
  const written = page.getByRole('table', { name: /Rows written/ });
  await expect(written.getByRole('row').filter({ hasText: 'COORD_MEETINGS' })).toContainText('7');
  await expectNoSeriousViolations(page);

  // Stored: the API gives the values back, in a new draft report.
  const stored = (await (await page.request.get('/api/data-values?orgUnit=PHL-naga-city&periods=2026Q4')).json()) as {
    items: { indicator: string; option: string; value: number; reportStatus: string }[];
  };
  expect(stored.items.map(({ indicator, option, value }) => `${indicator}/${option}=${value}`).sort()).toEqual([
    'COORD_MEETINGS/TOTAL=7',
    'OFFICIALS_TRAINED/F=12',
  ]);
  expect(new Set(stored.items.map((item) => item.reportStatus))).toEqual(new Set(['draft']));

  // Checking the same file again: everything is already there.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('File of Data values').setInputFiles(csv([HEADER, ...GOOD]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(tile('Already stored, unchanged')).toContainText('2');
  await expect(page.getByText('The file changes nothing')).toBeVisible();
  await signOut(page);
});

/** Naga City's DHIS2 export of 2026Q4 (tests/fixtures/dhis2), with two values added that conflict. */
const DHIS2_EXPORT = readFileSync(join(import.meta.dirname, '../fixtures/dhis2/naga-2026Q4.json'), 'utf8');

function dhis2File(extra: Record<string, unknown>[] = []) {
  const set = JSON.parse(DHIS2_EXPORT) as { dataValues: Record<string, unknown>[] };
  set.dataValues.push(...extra);
  return { name: 'naga-2026Q4.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set, null, 2)) };
}

// After the CSV journey, which writes other indicators of the same quarter and asserts on all of it.
test('Naga City imports a DHIS2 export: conflicts explained, skipped on purpose, the rest stored', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/login');
  await signIn(page, 'local.naga@example.org');
  await expect(page).toHaveURL(/\/entry\/PHL-naga-city\//);
  await page.getByRole('banner').getByRole('link', { name: 'Import' }).click();
  await page.getByRole('radio', { name: 'DHIS2 data values (dataValueSet)' }).check();
  await expect(page.getByLabel('Strategy')).toHaveValue('CREATE_AND_UPDATE');
  const atomicMode = page.getByLabel('When some values conflict');
  await expect(atomicMode).toHaveValue('ALL');
  await expectNoSeriousViolations(page);

  // DHIS2's XML is refused, with the server's words on what to send instead.
  const picker = page.getByLabel('File of DHIS2 data values (dataValueSet)');
  await picker.setInputFiles({
    name: 'naga-2026Q4.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from('<?xml version="1.0"?><dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"/>'),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The file could not be checked');
  await expect(alert).toContainText('send the same data as JSON or CSV');

  // The export with a data element of the national system's own and a value for Pili.
  await picker.setInputFiles(
    dhis2File([
      { dataElement: 'DE_REFERRALS', value: '4' },
      { dataElement: 'MIG_COUNCIL', orgUnit: 'PHL-pili', value: 'true' },
    ]),
  );
  await page.getByRole('button', { name: 'Check the file' }).click();
  const checked = page.getByRole('heading', { level: 2, name: 'Check: nothing written yet' });
  await expect(checked).toBeFocused();
  const tile = (label: string) => page.locator('.tile').filter({ has: page.getByText(label, { exact: true }) });
  await expect(tile('Values read')).toContainText('5');
  await expect(tile('Values in conflict')).toContainText('2');
  await expect(tile('Would be added')).toContainText('0');
  await expect(page.getByText(/2 values conflict. While any value conflicts, nothing is imported/)).toBeVisible();
  const conflicts = page.getByRole('table', { name: /Conflicts/ });
  const unknown = conflicts.getByRole('row').filter({ hasText: 'DE_REFERRALS' });
  await expect(unknown).toContainText('value 4');
  await expect(unknown).toContainText('No indicator has the code DE_REFERRALS');
  await expect(unknown).toContainText('ask an administrator to map the DHIS2 data element DE_REFERRALS');
  const pili = conflicts.getByRole('row').filter({ hasText: 'PHL-pili' });
  await expect(pili).toContainText('value 5');
  await expect(pili).toContainText('Only the unit’s own staff');
  await expect(page.getByRole('button', { name: 'Confirm import' })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // Skipping them is a choice; it asks for a new check, which the confirmation then follows.
  await atomicMode.selectOption('NONE');
  await expect(checked).toHaveCount(0);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(checked).toBeFocused();
  await expect(tile('Would be added')).toContainText('3');
  await expect(page.getByText('2 values conflict and will be skipped; confirming imports the others.')).toBeVisible();
  await expect(page.getByText('Confirm to write 3 values.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import done' })).toBeFocused();
  await expect(tile('Added')).toContainText('3');
  await expect(page.getByText('2 values conflicted and were skipped; the others were imported.')).toBeVisible();
  await expectNoSeriousViolations(page);

  // Stored: the API gives them back, and the entry form shows them.
  const stored = (await (await page.request.get('/api/data-values?orgUnit=PHL-naga-city&periods=2026Q4')).json()) as {
    items: { indicator: string; option: string; value: number; comment: string | null }[];
  };
  const dhis2Values = stored.items.filter((item) =>
    ['MIG_COUNCIL', 'MIG_SERVED', 'DIASPORA_USD'].includes(item.indicator),
  );
  expect(dhis2Values.map(({ indicator, option, value }) => `${indicator}/${option}=${value}`).sort()).toEqual([
    'DIASPORA_USD/TOTAL=31000',
    'MIG_COUNCIL/TOTAL=1',
    'MIG_SERVED/F_Y18_59_RETURNEE=9',
  ]);
  expect(dhis2Values.find((item) => item.indicator === 'MIG_SERVED')?.comment).toBe(
    'Returnee desk register, October to December',
  );

  // The same export again: everything in it is already stored.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('File of DHIS2 data values (dataValueSet)').setInputFiles(dhis2File());
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(tile('Ignored')).toContainText('3');
  await expect(page.getByText('The file changes nothing')).toBeVisible();

  await page.goto('/entry/PHL-naga-city/2026Q4');
  await expect(page.getByRole('textbox', { name: 'Diaspora investment mobilised' })).toHaveValue('31000');
  await signOut(page);
});

test('an administrator checks a targets file; a file the server cannot read shows its message', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/login');
  await signIn(page, 'admin@example.org');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Import' })).toBeVisible();
  await page.goto('/import');
  await page.getByRole('radio', { name: 'Baselines and targets' }).check();
  const picker = page.getByLabel('File of Baselines and targets');
  await picker.setInputFiles({
    name: 'targets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'indicator,org_unit,type,year,value\nCOORD_MEETINGS,PHL-naga-city,target,2027,20\nCOORD_MEETINGS,PHL-nowhere,target,2027,5\n',
    ),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Check: nothing written yet' })).toBeFocused();
  const tile = (label: string) => page.locator('.tile').filter({ has: page.getByText(label, { exact: true }) });
  await expect(tile('Rows read')).toContainText('2');
  await expect(tile('Rejected')).toContainText('1');
  const rejected = page.getByRole('table', { name: /Rejected rows/ });
  await expect(rejected.getByRole('row').filter({ hasText: 'PHL-nowhere' })).toContainText('3');
  await expectNoSeriousViolations(page);

  // Org units take GeoJSON; a file that is not is refused with the server's own words.
  await page.getByRole('radio', { name: 'Org units with boundaries' }).check();
  await page.getByLabel('File of Org units with boundaries').setInputFiles({
    name: 'units.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from('{"type": "FeatureCollection", "features": ['),
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The file could not be checked');
  await expect(alert).not.toHaveText(/^\s*The file could not be checked\s*$/);
  await expectNoSeriousViolations(page);
});
