// Reading uploaded tables (CSV or XLSX) into rows of cells, with failures a person can act on:
// which encoding the file is in, where a quote is left open, that an .xls is not an .xlsx.
// Everything here throws AppError; nothing else about the file is assumed.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from './errors';

export type RawCell = string | number | boolean | null;

export interface RawRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  cells: RawCell[];
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: RawRow[];
}

export interface ReadOptions {
  contentType?: string | undefined;
  filename?: string | undefined;
  /** More data rows than this is refused (413) before anything else is done with them. */
  maxRows: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

export type TableFormat = 'csv' | 'xlsx';

/** What the bytes are: the content decides, the declared type and name only explain a mismatch. */
export function detectFormat(bytes: Uint8Array, options: Pick<ReadOptions, 'contentType' | 'filename'>): TableFormat {
  const declaredXlsx = options.contentType?.startsWith(XLSX_TYPE) || /\.xlsx$/i.test(options.filename ?? '');
  if (startsWith(bytes, ZIP_MAGIC)) {
    // An OpenDocument file is a ZIP too; its first entry, stored uncompressed, names its type.
    if (new TextDecoder('latin1').decode(bytes.subarray(30, 100)).startsWith('mimetypeapplication/vnd.oasis')) {
      throw new AppError(
        415,
        'unsupported_format',
        'This is an OpenDocument file (.ods, from LibreOffice or OpenOffice), not an .xlsx workbook. ' +
          'Save it as "Excel 2007-365 (.xlsx)" or as CSV (UTF-8), then upload it again.',
      );
    }
    return 'xlsx';
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new AppError(
      415,
      'unsupported_format',
      'This is an old Excel 97–2003 workbook (.xls). Open it in a spreadsheet program and save it as .xlsx or as "CSV UTF-8", then upload it again.',
    );
  }
  if (declaredXlsx) {
    throw new AppError(
      400,
      'malformed_xlsx',
      'The file is called or declared an .xlsx workbook but is not one (an .xlsx is a ZIP archive). It may be truncated, or a CSV renamed to .xlsx.',
    );
  }
  return 'csv';
}

/** The 1-based line of a byte offset, and the text just before it, to show where a problem sits. */
function locate(bytes: Uint8Array, offset: number): { line: number; before: string } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(Math.max(lineStart, offset - 40), offset));
  return { line, before };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

const SAVE_AS_UTF8 = 'Save it as "CSV UTF-8 (Comma delimited)" (Excel) or with UTF-8 encoding, then upload it again.';

/** Strict UTF-8 decoding: a file in another encoding is refused with what it looks like and where. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new AppError(415, 'wrong_encoding', `The file is UTF-16 encoded (Excel's "Unicode Text"). ${SAVE_AS_UTF8}`, {
      encoding: 'UTF-16',
    });
  }
  const head = bytes.subarray(0, 1024);
  if (head.length > 1 && head.filter((byte) => byte === 0).length > head.length / 4) {
    throw new AppError(
      415,
      'wrong_encoding',
      `The file looks UTF-16 encoded (it is full of zero bytes). ${SAVE_AS_UTF8}`,
      {
        encoding: 'UTF-16',
      },
    );
  }
  // A NUL byte is valid UTF-8 but never text a person typed, and PostgreSQL cannot store or even
  // compare it: a file holding one is binary or damaged, and is refused here, where its line is known.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, before } = locate(bytes, nul);
    throw new AppError(
      400,
      'nul_character',
      `The file holds a NUL character (byte 0x00) on line ${line}, after "${before}": it is not plain text, or it is damaged. ` +
        'Remove the character, or save the file again as "CSV UTF-8" (or as JSON), then upload it again.',
      { line, byteOffset: nul },
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, before } = locate(bytes, Math.max(0, offset));
    const byte = bytes[offset] ?? 0;
    const latin1 = new TextDecoder('latin1').decode(bytes.subarray(offset, offset + 1));
    throw new AppError(
      415,
      'wrong_encoding',
      `The file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line}, after "${before}", ` +
        `reads as "${latin1}" in Latin-1/Windows-1252, so the file is probably in that encoding. ${SAVE_AS_UTF8}`,
      { encoding: 'not UTF-8', line, byteOffset: offset },
    );
  }
}

function tooManyRows(maxRows: number): AppError {
  return new AppError(
    413,
    'too_many_rows',
    `The file has more than ${maxRows.toLocaleString('en')} data rows, the most one import takes. Split it into several files.`,
    { maxRows },
  );
}

function isBlank(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    // A first character above the space is not blank (the common case, decided without trim()).
    if (typeof cell !== 'string' || (cell.length > 0 && cell.charCodeAt(0) > 0x20) || cell.trim() !== '') return false;
  }
  return true;
}

/** Parses CSV text (delimiter detected: comma, semicolon, tab or pipe) into a header and rows. */
export function parseCsv(text: string, maxRows: number): RawTable {
  if (text.trim() === '')
    throw new AppError(400, 'empty_file', 'The file is empty: expected a header row and data rows.');
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw new AppError(
      400,
      'malformed_csv',
      fatal.code === 'MissingQuotes'
        ? `Row ${row} opens a quoted field that never closes: the file may be truncated, or a cell has a stray double quote.`
        : `Row ${row} has a malformed quoted field (${fatal.message}). Inside a quoted cell, write a double quote as "".`,
      { row, parser: fatal.message },
    );
  }
  const records = parsed.data;
  const headerRecord = records[0];
  if (!headerRecord || isBlank(headerRecord)) {
    throw new AppError(400, 'empty_file', 'The first row is empty: expected a header row naming the columns.');
  }
  const rows: RawRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    if (isBlank(cells)) continue;
    if (rows.length >= maxRows) throw tooManyRows(maxRows);
    rows.push({ row: index + 1, cells });
  }
  return { format: 'csv', header: headerRecord.map((name) => name.trim()), rows };
}

function plainCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return `#ERROR ${value.error}`;
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

/** Reads the first worksheet of an XLSX workbook, streaming, so a large sheet is not built in memory. */
export async function parseXlsx(bytes: Uint8Array, maxRows: number): Promise<RawTable> {
  // Loaded with the first XLSX import, not with the server (see spreadsheet-writers.ts).
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | undefined;
  const rows: RawRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs rows are 1-based sparse arrays; index 0 is always empty.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => plainCell(values[i + 1]));
        if (isBlank(cells)) continue;
        if (cells.some((cell) => typeof cell === 'string' && cell.includes('\u0000'))) {
          throw new AppError(
            400,
            'nul_character',
            `Row ${row.number} holds a NUL character (written _x0000_ in the workbook): no code, name or comment may contain one. Remove it and upload the file again.`,
            { row: row.number },
          );
        }
        if (header === undefined) {
          header = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
          continue;
        }
        if (rows.length >= maxRows) throw tooManyRows(maxRows);
        rows.push({ row: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      400,
      'malformed_xlsx',
      `The workbook cannot be read: it may be truncated or damaged (${error instanceof Error ? error.message : String(error)}). ` +
        'Open it in a spreadsheet program, save it again as .xlsx, and upload the new file.',
    );
  }
  if (header === undefined) {
    throw new AppError(400, 'empty_file', 'The first worksheet is empty: expected a header row and data rows.');
  }
  return { format: 'xlsx', header, rows };
}

/**
 * Text that is plainly not CSV — markup or JSON — refused with what it looks like, rather than read
 * as a table whose "header" is `<?xml version="1.0"?>`.
 */
function assertCsvText(text: string): void {
  const start = text.trimStart().slice(0, 200);
  const what = /^<\?xml[\s\S]*<Workbook/i.test(start)
    ? 'an Excel 2003 XML spreadsheet'
    : /^<(!doctype html|html)/i.test(start)
      ? 'a web page (HTML)'
      : start.startsWith('<')
        ? 'an XML document'
        : /^[[{]/.test(start)
          ? 'JSON'
          : undefined;
  if (what !== undefined) {
    throw new AppError(
      415,
      'unsupported_format',
      `The file is ${what}, not a table: upload a CSV file (UTF-8) or an .xlsx workbook with a header row.`,
    );
  }
}

/** Reads an uploaded table, whatever it is: CSV (UTF-8) or XLSX. */
export async function readTable(bytes: Uint8Array, options: ReadOptions): Promise<RawTable> {
  if (bytes.length === 0) throw new AppError(400, 'empty_file', 'The file is empty: nothing was uploaded.');
  const format = detectFormat(bytes, options);
  let table: RawTable;
  if (format === 'xlsx') table = await parseXlsx(bytes, options.maxRows);
  else {
    const text = decodeUtf8(bytes);
    assertCsvText(text);
    table = parseCsv(text, options.maxRows);
  }
  if (table.rows.length === 0) {
    throw new AppError(400, 'no_rows', `The file has a header row (${table.header.join(', ')}) but no data rows.`);
  }
  return table;
}

/**
 * A CSV row with fewer cells than the header was cut short (a truncated file); one with more has a
 * comma inside an unquoted cell. XLSX rows may end early: empty trailing cells are not stored.
 */
export function rowWidthProblem(table: RawTable, cells: readonly RawCell[]): string | undefined {
  const width = table.header.length;
  if (table.format !== 'csv' || cells.length === width) return undefined;
  return cells.length < width
    ? `The row has ${cells.length} of the header's ${width} columns: the file may be truncated here.`
    : `The row has ${cells.length} columns but the header ${width}: a cell probably holds a comma without quotes around it.`;
}

/** Removes the quote an export put before text that looks like a formula (see neutraliseFormula). */
export function restoreText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A column name compared loosely: 'Org unit', 'org_unit' and 'orgUnit' are the same. */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, '');
}
