// CSV and XLSX export of exactly what a table shows. Both libraries load only when someone clicks
// Export: papaparse is small, exceljs is not (hundreds of KB), and neither belongs in a page chunk.

export type Cell = string | number | null;

export interface ExportTable {
  /** Column headings, in the order shown. */
  header: string[];
  /** One array of cells per shown row, in the order shown; numbers stay numbers. */
  rows: Cell[][];
}

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection": =, +, -, @, tab, carriage
 * return at the start, also after leading spaces) gets a leading apostrophe, which spreadsheets
 * read as "this is text". Numbers are never touched, so −5 stays a number.
 */
export function neutraliseCell(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[\t\r]|^\s*[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel on Windows reads accents (Sédhiou) right. */
  bom: boolean;
}

export async function buildCsv(table: ExportTable, { bom }: CsvOptions): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    {
      fields: table.header.map((heading) => String(neutraliseCell(heading))),
      data: table.rows.map((row) => row.map(neutraliseCell)),
    },
    { newline: '\r\n', quotes: false },
  );
  return bom ? `\uFEFF${csv}` : csv;
}

/**
 * An XLSX workbook of one sheet. Cells are written as typed strings and numbers, never as formulas
 * (exceljs only writes a formula for a `{ formula }` object), so text such as "=1+1" stays text and
 * is shown as typed, without the apostrophe the CSV needs.
 */
export async function buildXlsx(table: ExportTable, sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'm4d-monitor';
  // Sheet names: at most 31 characters, none of []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.header);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === null ? '' : cell)));
  table.header.forEach((heading, index) => {
    const widest = Math.max(heading.length, ...table.rows.slice(0, 500).map((row) => String(row[index] ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

/** A file name from words a person chose: lower case, ASCII, hyphens; never empty. */
export function exportFileName(parts: string[], extension: 'csv' | 'xlsx'): string {
  const slug = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${slug || 'export'}.${extension}`;
}

export function downloadFile(content: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadCsv(table: ExportTable, fileName: string, options: CsvOptions): Promise<void> {
  downloadFile(await buildCsv(table, options), fileName, 'text/csv;charset=utf-8');
}

export async function downloadXlsx(table: ExportTable, fileName: string, sheetName: string): Promise<void> {
  downloadFile(
    await buildXlsx(table, sheetName),
    fileName,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}
