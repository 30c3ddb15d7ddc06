// The dashboards as their people use them: a donor looks at the programme on a map and drills into
// Philippines → Bicol Region → Naga City; a regional council opens its scorecard; an analyst pivots
// and exports values; the view survives back/forward and a change of language. axe on every page.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Signs in through the API; the session cookie then applies to the page. */
async function signIn(page: Page, email: string) {
  const response = await page.request.post('/api/auth/login', { data: { email, password: 'm4d-demo' } });
  expect(response.status()).toBe(200);
}

/** Scrolls through the page so charts that load when near the viewport are drawn (and checked by axe). */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    window.scrollTo(0, 0);
  });
}

// Journeys across several pages, each checked by axe: longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const COUNTRIES = ['Costa Rica', 'Ecuador', 'El Salvador', 'Morocco', 'Nepal', 'Philippines', 'Senegal', 'Tunisia'];

test('a donor sees the eight countries on the map and drills into Philippines → Bicol Region → Naga City', async ({
  page,
}) => {
  await signIn(page, 'donor@example.org');
  await page.goto('/');
  const map = page.getByRole('region', { name: /Map: People served by country/ });
  const shapes = map.locator('path.map-area[role="button"]');
  await expect(shapes).toHaveCount(8);
  // Every country's value is readable as text: on the shape itself and in the table beside the map.
  for (const name of COUNTRIES) {
    await expect(map.locator(`path.map-area[aria-label^="${name}: "]`)).toHaveAttribute('aria-label', /\d.*people/);
  }
  const mapTable = page.getByRole('table', { name: /People served by country/ });
  await expect(mapTable.getByRole('row')).toHaveCount(9);
  await expect(page.getByText(/Natural Earth/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Headline indicators' })).toContainText(/% of target|of [\d,]+ people/);
  await scrollThrough(page);
  await expect(page.getByRole('heading', { name: 'People served by quarter: actual and target' })).toBeVisible();
  await expectNoSeriousViolations(page);

  // By keyboard: the Philippines shape takes focus and Enter opens the country.
  await shapes.and(page.locator('[aria-label^="Philippines: "]')).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/countries\/PHL$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Philippines' })).toBeVisible();
  const regionShape = page.locator('path.map-area[aria-label^="Bicol Region: "]');
  await expect(regionShape).toBeVisible();
  await expect(page.getByRole('table', { name: 'Units below Philippines' })).toContainText('Bicol Region');
  await expectNoSeriousViolations(page);

  // By keyboard again: the region on the map (its municipalities' points sit on top of it).
  await regionShape.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/countries\/PH-05$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bicol Region' })).toBeVisible();
  // The chart and the table follow: the provinces of Bicol now.
  const units = page.getByRole('table', { name: 'Units below Bicol Region' });
  await expect(units.getByRole('row')).toHaveCount(4);
  await expect(units).toContainText('Camarines Sur');
  await expect(page.getByText('People served: units of Bicol Region against their targets')).toBeVisible();
  await expectNoSeriousViolations(page);

  // By mouse: municipalities are points on the region's map, Naga City straight from there.
  await page.locator('path.map-point[aria-label^="Naga City: "]').click();
  await expect(page).toHaveURL(/\/countries\/PHL-naga-city$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Naga City' })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: /breadcrumb/i });
  await expect(breadcrumb.getByRole('link', { name: 'Bicol Region' })).toBeVisible();
  await expect(breadcrumb.getByRole('link', { name: 'Camarines Sur' })).toBeVisible();
  const trend = page.getByRole('table', { name: 'People served in Naga City by quarter' });
  await expect(trend.getByRole('row')).toHaveCount(9); // header + eight quarters
  await expect(trend).toContainText('Q1 2026');
  await scrollThrough(page);
  await expectNoSeriousViolations(page);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Bicol Region' })).toBeVisible();
});

test('the view lives in the URL: back and forward, a shared link, and a change of language keep it', async ({
  page,
}) => {
  await page.goto('/');
  const indicator = page.getByLabel('Indicator', { exact: true });
  await indicator.selectOption('OFFICIALS_TRAINED');
  await expect(page).toHaveURL(/indicator=OFFICIALS_TRAINED/);
  await page.getByLabel('From', { exact: true }).selectOption('2025Q1');
  await expect(page).toHaveURL(/from=2025Q1/);
  await expect(page.getByRole('heading', { name: 'Map: Officials trained by country' })).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/from=2025Q1/);
  await page.goForward();
  await expect(page).toHaveURL(/from=2025Q1/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025Q1');

  // A shared link opens the same view in a fresh page.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole('heading', { name: 'Map: Officials trained by country' })).toBeVisible();
  await expect(other.getByLabel('From', { exact: true })).toHaveValue('2025Q1');
  await other.close();

  await page.getByLabel('Language', { exact: true }).selectOption('es');
  await expect(page.getByRole('heading', { name: /^Mapa: .+ por país$/ })).toBeVisible();
  expect(page.url()).toBe(shared);
  await expect(page.getByLabel('Indicador', { exact: true })).toHaveValue('OFFICIALS_TRAINED');
  await expect(page.getByLabel('Desde', { exact: true })).toHaveValue('2025Q1');
  await expectNoSeriousViolations(page);

  await page.getByLabel('Idioma', { exact: true }).selectOption('fr');
  await expect(page.getByRole('heading', { name: /^Carte : .+ par pays$/ })).toBeVisible();
  expect(page.url()).toBe(shared);
  await expect(page.getByLabel('Indicateur', { exact: true })).toHaveValue('OFFICIALS_TRAINED');

  // Deep in the tree too: a unit page keeps its indicator and quarters across languages.
  await page.goto('/countries/PH-05?indicator=MIG_SERVED&from=2025Q3&to=2026Q2&sort=-value');
  await expect(page.getByRole('heading', { level: 1, name: 'Bicol Region' })).toBeVisible();
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Map: People served in Bicol Region' })).toBeVisible();
  await expect(page).toHaveURL(/from=2025Q3&to=2026Q2&sort=-value/);
  const units = page.getByRole('table', { name: 'Units below Bicol Region' });
  await expect(units.getByRole('columnheader', { name: /^Value/ })).toHaveAttribute('aria-sort', 'descending');
});

test('a regional council opens its scorecard from the navigation', async ({ page }) => {
  await signIn(page, 'region.bicol@example.org');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My region' }).click();
  await expect(page).toHaveURL(/\/regions\/PH-05$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bicol Region: municipal scorecard' })).toBeVisible();

  const scorecard = page.getByRole('table', { name: 'Scorecard: % of target by municipality' });
  await expect(scorecard.getByRole('row')).toHaveCount(11); // header + ten municipalities
  const naga = scorecard.getByRole('row', { name: /Naga City/ });
  // Never by colour alone: each cell says the percentage, its band in words and the value.
  await expect(naga).toContainText(/\d+\s?%/);
  await expect(naga.locator('.progress-badge').first()).toContainText(
    /(on target|close to target|behind target|far behind target)/,
  );
  await expect(naga).toContainText('people');

  const completeness = page.getByRole('table', { name: 'Reporting completeness and timeliness by quarter' });
  for (const column of ['Expected', 'Submitted', 'On time', 'Approved', 'Missing']) {
    await expect(completeness.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: /^Each municipality.s trend: People served$/ })).toBeVisible();
  const review = page.getByRole('link', { name: /^Review the report of .+ for Q\d \d{4}$/ }).first();
  await expect(review).toHaveAttribute('href', /^\/review\/PHL-[\w-]+\/\d{4}Q\d$/);
  await scrollThrough(page);
  await expectNoSeriousViolations(page);
});

test('a project shows its results framework, who was reached and where', async ({ page }) => {
  await page.goto('/projects/PHL-BICOL');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bicol');
  const framework = page.getByRole('table', { name: 'Indicators of result R4' });
  await expect(framework.getByText(/Migrants and family members served/)).toBeVisible();
  await expect(framework.getByRole('columnheader', { name: 'Baseline' })).toBeVisible();
  await expect(page.getByLabel('Breakdown', { exact: true })).toHaveValue('SEX,AGE');
  await page.getByText('Show the data as a table').first().click();
  await expect(page.getByRole('table', { name: /People served by Sex and Age group/ })).toContainText('0–17 years');
  await expect(page.locator('path.map-point')).toHaveCount(10);
  await page.getByLabel('Breakdown', { exact: true }).selectOption('MIG_STATUS');
  await expect(page).toHaveURL(/breakdown=MIG_STATUS/);
  await scrollThrough(page);
  await expectNoSeriousViolations(page);
});

test('the virtualised explorer announces every row, reaches the last by keyboard and exports them all', async ({
  page,
}) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/explorer?indicator=MIG_SERVED');
  const counts = page.getByText(/values shown\.$/);
  await expect(counts).toHaveText(/^([\d,]+) of \1 values shown\.$/, { timeout: 60_000 });
  const total = Number((await counts.textContent())?.split(' ')[0]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(10_000);

  // Assistive technology hears the whole table's size and each drawn row's place in it.
  const table = page.locator('table.pivot-table');
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 2));
  const row = (index: number) => table.locator(`tbody tr[aria-rowindex="${index}"]`);
  await expect(row(3)).toBeVisible();
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expect(row(total + 2)).toHaveCount(0);
  const cellsOf = (index: number) => row(index).locator('td').allTextContents();
  const firstRow = await cellsOf(3);

  // The keyboard alone: focus the table's scrolling region, End goes to the last row, Home back.
  const scroller = page.locator('.pivot-scroll');
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(row(total + 2)).toBeVisible();
  await expect(row(3)).toHaveCount(0);
  // The column names stay at the top of the region, whatever is scrolled under them.
  const header = await table.getByRole('columnheader', { name: /^Unit/ }).boundingBox();
  const region = await scroller.boundingBox();
  expect(Math.abs((header?.y ?? -100) - (region?.y ?? 0))).toBeLessThan(4);
  const lastRow = await cellsOf(total + 2);
  await page.keyboard.press('Home');
  await expect(row(3)).toBeVisible();
  await expect(row(total + 2)).toHaveCount(0);

  // Exports read the table's rows, not the document's: every row, the last one included, while only
  // the first few are drawn. Text columns compare as shown (numbers are formatted on screen only).
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const parsed = Papa.parse<string[]>(readFileSync((await csv.path()) ?? '', 'utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  });
  expect(parsed.data).toHaveLength(total + 1);
  expect(parsed.data[1]?.slice(0, 5)).toEqual(firstRow.slice(0, 5));
  expect(parsed.data.at(-1)?.slice(0, 5)).toEqual(lastRow.slice(0, 5));
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path()) ?? '');
  const sheet = workbook.worksheets[0];
  expect(sheet?.actualRowCount).toBe(total + 1);
  const lastXlsxRow = sheet?.getRow(total + 1);
  expect([1, 2, 3, 4, 5].map((column) => String(lastXlsxRow?.getCell(column).value))).toEqual(lastRow.slice(0, 5));
});

test('a focused group toggle keeps the focus while the explorer scrolls it out of view', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/explorer?indicator=MIG_SERVED&group=period');
  const table = page.locator('table.pivot-table');
  const toggles = table.locator('button.group-toggle');
  await expect(toggles.first()).toBeVisible({ timeout: 60_000 });
  const first = toggles.first();
  // Its name as assistive technology reads it (the arrow is hidden): "2024Q4 (1410)".
  const name = ((await first.textContent()) ?? '').replace(/^[▸▾]\s*/, '').trim();
  expect(name).toMatch(/^\d{4}Q\d \(\d+\)$/);
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  // Hundreds of rows open under it: scroll to the end, far past the rows drawn around the view.
  await page.locator('.pivot-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  await expect(table.locator(`tbody tr[aria-rowindex="${rowCount}"]`)).toBeVisible();
  // The toggle is still in the document and still has the focus (it used to fall to the page).
  const focused = page.locator('button.group-toggle:focus');
  await expect(focused).toHaveAccessibleName(name);
  // The keyboard acts on it from there: Enter collapses the group, and the table shrinks.
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-expanded', 'false');
  await expect(table).not.toHaveAttribute('aria-rowcount', String(rowCount));
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(80);
});

test('the explorer pivots 10,000+ values and exports exactly what is shown', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/explorer?indicator=MIG_SERVED');
  const counts = page.getByText(/values shown\.$/);
  // Two pages of 10,000 values from the API, then the table: give it time on a slow machine.
  await expect(counts).toHaveText(/^([\d,]+) of \1 values shown\.$/, { timeout: 60_000 });
  const total = Number((await counts.textContent())?.split(' ')[0]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(10_000);
  const table = page.locator('table.pivot-table');
  // Virtualised: only the rows in view are in the document, and the last one is reachable.
  expect(await table.locator('tbody tr').count()).toBeLessThan(80);
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 2));
  await page.locator('.pivot-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(table.locator(`tbody tr[aria-rowindex="${total + 2}"]`)).toBeVisible();
  await expectNoSeriousViolations(page);

  // Filter, hide a column, sort: all in the URL.
  await page.getByLabel('Filter Unit', { exact: true }).fill('Naga City');
  await expect(page).toHaveURL(/f_unit=Naga(\+|%20)City/);
  await page.getByRole('group', { name: 'Columns shown' }).getByLabel('Comment').uncheck();
  await expect(page).toHaveURL(/hide=comment/);
  // Numbers sort largest first.
  await page.getByRole('button', { name: /^Value/ }).click();
  await expect(page).toHaveURL(/sort=-value/);
  await expect(counts).toHaveText(/^\d+ of [\d,]+ values shown\.$/);
  const shown = Number((await counts.textContent())?.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Unit,Part of,Type,Quarter,Breakdown,Value,Numerator,Denominator,Report status');
  expect(lines).toHaveLength(shown + 1);
  expect(lines.slice(1).every((line) => line.startsWith('Naga City,Camarines Sur,'))).toBe(true);
  const values = lines.slice(1).map((line) => Number(line.split(',')[5]));
  expect(values).toEqual([...values].sort((a, b) => b - a));

  // Grouped: group rows with their sums are what is shown, so they are what is exported.
  await page.getByRole('group', { name: 'Group rows by' }).getByLabel('Quarter').check();
  await expect(page).toHaveURL(/group=period/);
  await expect(table.getByRole('button', { name: /^\d{4}Q\d \(30\)$/ }).first()).toBeVisible();
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync((await xlsx.path()) ?? '')
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // Back restores the view before the grouping.
  await page.goBack();
  await expect(page).not.toHaveURL(/group=period/);
  await expect(counts).toHaveText(new RegExp(`^${shown} of `));
});
