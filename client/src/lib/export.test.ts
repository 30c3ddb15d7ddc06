import { describe, expect, test } from 'vitest';
import { buildCsv, buildXlsx, type ExportTable, exportFileName, isoDateTime, neutraliseCell } from './export';

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

  test('ends records with CRLF (RFC 4180), also after a field that holds a line break', async () => {
    const csv = await buildCsv(
      { header: ['Comment'], rows: [['two\nlines'], ['crlf\r\ninside'], ['plain']] },
      { bom: false },
    );
    expect(csv).toBe(['Comment', '"two\nlines"', '"crlf\r\ninside"', 'plain'].join('\r\n'));
  });

  test('neutralises text that starts with = + - @, in headings too; numbers, negative ones included, stay as they are', async () => {
    const csv = await buildCsv(
      {
        header: ['=Unit', 'Value'],
        rows: [
          ['=1+1', -5],
          ['+33 6 12', -0.25],
          ['-2', 0],
          ['@SUM(A1)', 1e6],
          ['a-b', 7],
        ],
      },
      { bom: false },
    );
    expect(csv.split('\r\n')).toEqual([
      "'=Unit,Value",
      "'=1+1,-5",
      "'+33 6 12,-0.25",
      "'-2,0",
      "'@SUM(A1),1000000",
      'a-b,7',
    ]);
  });
});

async function readWorkbook(buffer: ArrayBuffer) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return { ExcelJS, workbook };
}

describe('buildXlsx', () => {
  const table: ExportTable = {
    header: ['Unit', 'Value', 'Progress'],
    rows: [
      ['=1+1', 7, -12.5],
      ['Naga City', null, Number.NaN],
      ['@cmd', 0.25, 100],
    ],
  };

  test('writes text as text (never a formula) and numbers as numbers', async () => {
    const { ExcelJS, workbook } = await readWorkbook(await buildXlsx(table, { sheetName: 'People: served/by?unit' }));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('People  served by unit');
    for (const address of ['A2', 'A4']) {
      const cell = sheet?.getCell(address);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
    }
    expect(sheet?.getCell('A2').value).toBe('=1+1');
    expect(sheet?.getCell('A4').value).toBe('@cmd');
    for (const [address, value] of [
      ['B2', 7],
      ['C2', -12.5],
      ['B4', 0.25],
      ['C4', 100],
    ] as const) {
      expect(sheet?.getCell(address).type).toBe(ExcelJS.ValueType.Number);
      expect(sheet?.getCell(address).value).toBe(value);
    }
    expect(sheet?.getCell('A3').value).toBe('Naga City');
    // No value and an impossible number (NaN) both leave the cell empty.
    expect(sheet?.getCell('B3').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet?.getCell('C3').type).toBe(ExcelJS.ValueType.Null);
  });

  test('has a bold header row, frozen so it stays in view, and one row per table row', async () => {
    const { workbook } = await readWorkbook(await buildXlsx(table, { sheetName: 'Values' }));
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.getWorksheet('Values');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Unit', 'Value', 'Progress']);
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.rowCount).toBe(table.rows.length + 1);
  });

  test('adds the About sheet, labels in bold, values typed, named apart from the table', async () => {
    const buffer = await buildXlsx(table, {
      sheetName: 'About this export',
      about: {
        name: 'About this export',
        rows: [
          ['Table', 'Values'],
          ['Text filter', '=HYPERLINK("http://evil")'],
          ['Rows', 3],
        ],
      },
    });
    const { ExcelJS, workbook } = await readWorkbook(buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this export', 'About this export 2']);
    const about = workbook.worksheets[1];
    expect(about?.getCell('A1').value).toBe('Table');
    expect(about?.getCell('A1').font?.bold).toBe(true);
    expect(about?.getCell('B2').value).toBe('=HYPERLINK("http://evil")');
    expect(about?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(about?.getCell('B3').value).toBe(3);
  });
});

describe('isoDateTime', () => {
  const instant = new Date('2026-11-28T13:03:07.456Z');
  test.each([
    [60, '2026-11-28T14:03:07+01:00'],
    [0, '2026-11-28T13:03:07+00:00'],
    [-360, '2026-11-28T07:03:07-06:00'],
    [330, '2026-11-28T18:33:07+05:30'],
    [-150, '2026-11-28T10:33:07-02:30'],
    [720, '2026-11-29T01:03:07+12:00'],
  ])('offset %i minutes → %s', (offset, expected) => {
    expect(isoDateTime(instant, offset)).toBe(expected);
    expect(Date.parse(expected)).toBe(Math.floor(instant.getTime() / 1000) * 1000);
  });

  test("defaults to the machine's own offset, and names the same instant", () => {
    const text = isoDateTime(instant);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(text)).toBe(Math.floor(instant.getTime() / 1000) * 1000);
  });
});

test.each([
  [['People served', 'by country', '2024Q4–2026Q3'], 'csv', 'people-served-by-country-2024q4-2026q3.csv'],
  [['Sédhiou', 'scorecard'], 'xlsx', 'sedhiou-scorecard.xlsx'],
  [['…'], 'csv', 'export.csv'],
] as const)('exportFileName(%j, %s)', (parts, extension, expected) => {
  expect(exportFileName([...parts], extension)).toBe(expected);
});
