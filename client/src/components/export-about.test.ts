import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import exportTexts from '../i18n/texts/exports/en.json';
import exportTextsEs from '../i18n/texts/exports/es.json';
import { buildXlsx, type ExportContext } from '../lib/export';
import { describeExport } from './export-about';

async function translator(language: 'en' | 'es') {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { en: { translation: exportTexts }, es: { translation: exportTextsEs } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const exportedAt = new Date('2026-11-28T13:03:07Z');
const facts = { exportedAt, locale: 'en', rowCount: 24, application: 'm4d-monitor 0.1.0' };
const context: ExportContext = {
  title: 'Scorecard: % of target by municipality',
  filters: [
    ['Indicators', 'People served; Referrals'],
    ['Area', 'Bicol'],
    ['Quarters', 'Q4 2024 – Q3 2026'],
  ],
  approvedOnly: true,
};

describe('describeExport', () => {
  test('lists the table, its filters, the data included, the time, the rows and the application', async () => {
    const about = describeExport(context, facts, await translator('en'));
    expect(about.name).toBe('About this export');
    const [iso, local] = [about.rows[5], about.rows[6]];
    expect(about.rows.slice(0, 5)).toEqual([
      ['Table', 'Scorecard: % of target by municipality'],
      ['Indicators', 'People served; Referrals'],
      ['Area', 'Bicol'],
      ['Quarters', 'Q4 2024 – Q3 2026'],
      ['Data', 'Approved data only'],
    ]);
    expect(iso?.[0]).toBe('Exported at (ISO 8601)');
    expect(iso?.[1]).toMatch(/^2026-11-2[89]T\d{2}:\d{2}:07[+-]\d{2}:\d{2}$/);
    expect(Date.parse(String(iso?.[1]))).toBe(exportedAt.getTime());
    expect(local?.[0]).toBe('Exported at (local time)');
    expect(local?.[1]).toMatch(/2026/);
    expect(about.rows.slice(7)).toEqual([
      ['Rows', 24],
      ['Application', 'm4d-monitor 0.1.0'],
    ]);
  });

  test.each([
    [false, [['Data', 'Includes values not yet approved']]],
    [undefined, []],
  ])(
    'approvedOnly %s: the data line says so, or is left out where the table has no figures',
    async (approvedOnly, line) => {
      const about = describeExport({ ...context, approvedOnly }, facts, await translator('en'));
      expect(about.rows.filter(([label]) => label === 'Data')).toEqual(line);
    },
  );

  test("adds the table's text filter after the page's filters, and says when there are none", async () => {
    const t = await translator('en');
    const searched = describeExport({ ...context, search: 'naga' }, facts, t);
    expect(searched.rows.slice(1, 5).map(([label]) => label)).toEqual([
      'Indicators',
      'Area',
      'Quarters',
      'Text filter',
    ]);
    expect(searched.rows[4]).toEqual(['Text filter', 'naga']);
    const bare = describeExport({ title: 'Countries', filters: [], search: '' }, facts, t);
    expect(bare.rows[1]).toEqual(['Filters', 'None']);
  });

  test('speaks the interface language', async () => {
    const about = describeExport(context, { ...facts, locale: 'es' }, await translator('es'));
    expect(about.name).toBe('Acerca de esta exportación');
    expect(about.rows).toContainEqual(['Datos', 'Solo datos aprobados']);
    expect(about.rows).toContainEqual(['Filas', 24]);
  });
});

test('the XLSX file carries the About sheet next to the table', async () => {
  const table = { header: ['Municipality', 'People served: value'], rows: [['Naga City', 120] as (string | number)[]] };
  const about = describeExport(context, { ...facts, rowCount: table.rows.length }, await translator('en'));
  const buffer = await buildXlsx(table, { sheetName: context.title, about });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Scorecard  % of target by munic',
    'About this export',
  ]);
  const sheet = workbook.getWorksheet('About this export');
  const rows = new Map<string, unknown>();
  sheet?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(rows.get('Area')).toBe('Bicol');
  expect(rows.get('Quarters')).toBe('Q4 2024 – Q3 2026');
  expect(rows.get('Data')).toBe('Approved data only');
  expect(rows.get('Rows')).toBe(1);
  expect(Date.parse(String(rows.get('Exported at (ISO 8601)')))).toBe(exportedAt.getTime());
});
