// Importing from a spreadsheet in the browser: Naga City's staff check a CSV for next quarter
// (2026Q4, which no other journey writes), see which rows would be written and which are refused
// and why, drop the refused rows, confirm, and find the values stored. An administrator checks a
// targets file. axe on the page before and after each check.
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
  // Local staff import data values only: no choice to make.
  await expect(page.getByRole('radio')).toHaveCount(0);
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
