// Every table exports CSV and XLSX of exactly what it shows, the XLSX with an "About this export"
// sheet that says which filters made the table, when, and whether its figures are approved data only.
// Two kinds of table: the region's scorecard (drawn by hand) and the accounts list (the DataTable).
// The files are read back with exceljs, as a spreadsheet would, and compared with the page.
import { readFileSync } from 'node:fs';
import { type Download, expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';

async function signIn(page: Page, email: string) {
  const response = await page.request.post('/api/auth/login', { data: { email, password: 'm4d-demo' } });
  expect(response.status()).toBe(200);
}

async function download(page: Page, button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

/** The workbook's two sheets: the table's rows (header first) and the About sheet as label → value. */
async function readXlsx(file: Download) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path()) ?? '');
  const [table, about] = workbook.worksheets;
  if (!table || !about) throw new Error(`expected two sheets, got ${workbook.worksheets.length}`);
  const rows: ExcelJS.Row[] = [];
  table.eachRow((row) => rows.push(row));
  const facts = new Map<string, ExcelJS.CellValue>();
  about.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
  return { table, rows, about, facts };
}

test.describe.configure({ timeout: 120_000 });

test("a regional council's scorecard exports as on screen, with its area, quarters and unapproved values", async ({
  page,
}) => {
  await signIn(page, 'region.bicol@example.org');
  await page.goto('/regions/PH-05?from=2025Q3&to=2026Q2');
  const scorecard = page.getByRole('table', { name: 'Scorecard: % of target by municipality' });
  await expect(scorecard.getByRole('row')).toHaveCount(11); // header + ten municipalities
  const shown = await scorecard.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const value = row.querySelector('.scorecard-value')?.cloneNode(true) as HTMLElement | undefined;
      // The unapproved mark says "Includes 3 values…" to screen readers: not part of the figure.
      for (const mark of value?.querySelectorAll('.unapproved-mark') ?? []) mark.remove();
      return { name: row.querySelector('th')?.textContent?.trim() ?? '', value: value?.textContent?.trim() ?? '' };
    }),
  );

  const section = page.getByRole('region', { name: 'Scorecard: % of target by municipality' });
  const file = await download(page, section.getByRole('button', { name: 'Export XLSX' }));
  expect(file.suggestedFilename()).toBe('scorecard-of-target-by-municipality-bicol-region.xlsx');
  const { table, rows, about, facts } = await readXlsx(file);

  // The table sheet: a frozen bold header, then the municipalities in the order shown.
  expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(rows[0]?.getCell(1).value).toBe('Municipality');
  expect(rows[0]?.getCell(1).font?.bold).toBe(true);
  expect(String(rows[0]?.getCell(2).value)).toMatch(/: value$/);
  expect(rows.slice(1).map((row) => row.getCell(1).value)).toEqual(shown.map((row) => row.name));
  // The first indicator's value is a number, the same as the screen's "1,234 people".
  for (const [index, row] of rows.slice(1).entries()) {
    const cell = row.getCell(2);
    const screen = shown[index]?.value ?? '';
    if (screen === '') {
      expect(cell.value).toBeNull();
      continue;
    }
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(screen.replace(/\D/g, '')).toBe(String(Math.round(Number(cell.value))));
  }

  // The About sheet: what the table is and what made it.
  expect(about.name).toBe('About this export');
  expect(facts.get('Table')).toBe('Scorecard: % of target by municipality');
  expect(facts.get('Area')).toBe('Bicol Region');
  expect(facts.get('Level')).toBe('Municipalities');
  expect(facts.get('Quarters')).toBe('Q3 2025 – Q2 2026');
  expect(String(facts.get('Indicators') ?? facts.get('Indicator'))).toMatch(/people|served/i);
  // A regional council sees its own subtree's unapproved values, and the file says so.
  expect(facts.get('Data')).toBe('Includes values not yet approved');
  expect(facts.get('Rows')).toBe(10);
  const exportedAt = String(facts.get('Exported at (ISO 8601)'));
  expect(exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(Math.abs(Date.parse(exportedAt) - Date.now())).toBeLessThan(5 * 60_000);
  expect(String(facts.get('Application'))).toMatch(/^m4d-monitor \d+\.\d+\.\d+/);

  // The CSV of the same table: one plain table (no About lines), with a byte-order mark for Excel.
  const csv = readFileSync(
    (await (await download(page, section.getByRole('button', { name: 'Export CSV' }))).path()) ?? '',
    'utf8',
  );
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]?.startsWith('Municipality,')).toBe(true);
  expect(lines).toHaveLength(shown.length + 1);
});

test('the accounts list exports the rows its filters leave, and names every filter', async ({ page }) => {
  await signIn(page, 'admin@example.org');
  await page.goto('/admin');
  const table = page.getByRole('table', { name: /User accounts/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption('local');
  await expect(page).toHaveURL(/role=local/);
  await page.getByLabel('Filter the table “User accounts”').fill('naga');
  await expect(page).toHaveURL(/q=naga/);
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText(/naga/i);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('.account-email')?.textContent?.trim() ?? ''),
  );
  expect(shown.length).toBeGreaterThan(0);

  const { rows: exported, facts } = await readXlsx(
    await download(page, page.getByRole('button', { name: 'Export XLSX' })),
  );
  // The row's buttons are controls, not data: no Actions column.
  expect(exported[0]?.values).toEqual([undefined, 'Name', 'Role', 'Unit', 'Status', 'Last sign-in']);
  const accounts = exported.slice(1);
  expect(accounts.map((row) => String(row.getCell(1).value).match(/<(.+)>$/)?.[1])).toEqual(shown);
  expect(accounts.every((row) => row.getCell(2).value === 'Local staff')).toBe(true);

  expect(facts.get('Table')).toBe('User accounts');
  expect(facts.get('Role')).toBe('Local staff');
  expect(facts.get('Unit')).toBe('All units');
  expect(facts.get('Text filter')).toBe('naga');
  expect(facts.get('Rows')).toBe(shown.length);
  // Accounts are not reported figures: no line about approved data.
  expect(facts.has('Data')).toBe(false);
});

test('budgets export as numbers with their currency beside them', async ({ page }) => {
  await page.goto('/countries');
  const table = page.getByRole('table', { name: /Countries/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // On screen the currency is written with the amount; no column of its own.
  await expect(table.getByRole('columnheader', { name: 'Currency' })).toHaveCount(0);

  const { rows } = await readXlsx(await download(page, page.getByRole('button', { name: 'Export XLSX' })));
  const header = rows[0]?.values as unknown[];
  const budget = header.indexOf('Budget');
  expect(header[budget + 1]).toBe('Currency');
  const countries = rows.slice(1);
  expect(countries.length).toBeGreaterThan(0);
  for (const row of countries) {
    expect(typeof row.getCell(budget).value).toBe('number');
    expect(row.getCell(budget + 1).value).toBe('USD');
  }
});
