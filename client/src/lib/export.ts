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
 * What a table is, for the XLSX file's "About this export" sheet: its page fills it from its own
 * state, in the words the page shows. The CSV carries none of it: it stays one plain table.
 */
export interface ExportContext {
  /** The table's title, as the page heads it. */
  title: string;
  /** Every filter in force, as the page labels it: indicator, quarters, area, status, … */
  filters: [label: string, value: string][];
  /** The table's own text filter, when it has one and something is typed in it. */
  search?: string | undefined;
  /**
   * Whether the figures are approved data only (true) or include values not yet approved (false);
   * absent where the table holds no reported figures (accounts, projects, reports).
   */
  approvedOnly?: boolean | undefined;
}

/** A second sheet of label → value rows. */
export interface AboutSheet {
  name: string;
  rows: [label: string, value: Cell][];
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
 * Sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either end (Excel refuses
 * the file otherwise).
 */
function sheetNameOf(name: string, fallback: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .replace(/^[\s']+|[\s']+$/g, '') || fallback
  );
}

/** Numbers stay numbers; an impossible one (NaN, ±∞) would make a broken cell, so it is left empty. */
function xlsxCell(cell: Cell): Cell {
  return typeof cell === 'number' && !Number.isFinite(cell) ? null : cell;
}

function widthOf(cells: Cell[]): number {
  const widest = Math.max(0, ...cells.slice(0, 500).map((cell) => String(cell ?? '').length));
  return Math.min(60, Math.max(8, widest + 2));
}

export interface XlsxOptions {
  /** The table's sheet. */
  sheetName: string;
  /** A second sheet saying what the table is: filters, time of export, approved data or not, … */
  about?: AboutSheet | undefined;
}

/**
 * An XLSX workbook: the table on its first sheet (bold header row, frozen so it stays in view),
 * and optionally an "About" sheet. Cells are written as typed strings and numbers, never as
 * formulas (exceljs only writes a formula for a `{ formula }` object), so text such as "=1+1" stays
 * text and is shown as typed, without the apostrophe the CSV needs.
 */
export async function buildXlsx(table: ExportTable, { sheetName, about }: XlsxOptions): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'm4d-monitor';
  const name = sheetNameOf(sheetName, 'Sheet1');
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
  table.header.forEach((heading, index) => {
    sheet.getColumn(index + 1).width = widthOf([heading, ...table.rows.map((row) => row[index] ?? null)]);
  });
  if (about) {
    // Two sheets may not share a name (a table called "About this export" is unlikely, not impossible).
    const aboutName = sheetNameOf(about.name, 'About');
    const info = workbook.addWorksheet(aboutName === name ? `${aboutName.slice(0, 29)} 2` : aboutName);
    for (const [label, value] of about.rows) info.addRow([label, xlsxCell(value)]);
    info.getColumn(1).font = { bold: true };
    info.getColumn(1).width = widthOf(about.rows.map(([label]) => label));
    info.getColumn(2).width = widthOf(about.rows.map(([, value]) => value));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

/**
 * ISO 8601 with the offset from UTC ("2026-11-28T14:03:07+01:00"): the reader's own clock time,
 * and unambiguous wherever the file travels. The offset defaults to the browser's.
 */
export function isoDateTime(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${shifted}${sign}${hours}:${minutes}`;
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

export async function downloadXlsx(table: ExportTable, fileName: string, options: XlsxOptions): Promise<void> {
  downloadFile(
    await buildXlsx(table, options),
    fileName,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}
