import { describe, expect, test } from 'vitest';
import { buildCsv, buildXlsx, exportFileName, neutraliseCell } from './export';

describe('neutraliseCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=x', "'\t=x"],
    ['\rfoo', "'\rfoo"],
    ['  =HYPERLINK("http://evil")', '\'  =HYPERLINK("http://evil")'],
    ['Naga City', 'Naga City'],
    ['a=b', 'a=b'],
    ['', ''],
    [-5, -5],
    [3.5, 3.5],
    [null, null],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });
});

describe('buildCsv', () => {
  const table = {
    header: ['Unit', 'Value'],
    rows: [
      ['Sédhiou', 12],
      ['=cmd|"/c calc"!A1', -3],
      ['Quote "x", comma', null],
    ],
  };

  test('quotes what needs quoting, neutralises formulas, keeps numbers and empties', async () => {
    expect(await buildCsv(table, { bom: false })).toBe(
      ['Unit,Value', 'Sédhiou,12', '"\'=cmd|""/c calc""!A1",-3', '"Quote ""x"", comma",'].join('\r\n'),
    );
  });

  test('starts with a byte-order mark only when asked', async () => {
    expect((await buildCsv(table, { bom: true })).startsWith('\uFEFFUnit,Value')).toBe(true);
    expect((await buildCsv(table, { bom: false })).charCodeAt(0)).toBe('U'.charCodeAt(0));
  });
});

test('buildXlsx writes text as text (never a formula) and numbers as numbers', async () => {
  const buffer = await buildXlsx(
    {
      header: ['Unit', 'Value'],
      rows: [
        ['=1+1', 7],
        ['Naga City', null],
      ],
    },
    'People: served/by?unit',
  );
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.name).toBe('People  served by unit');
  const formulaCell = sheet?.getCell('A2');
  expect(formulaCell?.type).toBe(ExcelJS.ValueType.String);
  expect(formulaCell?.value).toBe('=1+1');
  expect(sheet?.getCell('B2').value).toBe(7);
  expect(sheet?.getCell('A3').value).toBe('Naga City');
});

test.each([
  [['People served', 'by country', '2024Q4–2026Q3'], 'csv', 'people-served-by-country-2024q4-2026q3.csv'],
  [['Sédhiou', 'scorecard'], 'xlsx', 'sedhiou-scorecard.xlsx'],
  [['…'], 'csv', 'export.csv'],
] as const)('exportFileName(%j, %s)', (parts, extension, expected) => {
  expect(exportFileName([...parts], extension)).toBe(expected);
});
