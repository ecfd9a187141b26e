/**
 * CSV import (导入表格): the bytes of a spreadsheet's CSV export become the rows of a story table.
 *
 * 1. Size cap first: files over `MAX_CSV_BYTES` are refused before anything is decoded.
 * 2. Encoding: a UTF-8 byte-order mark is dropped; bytes that are valid UTF-8 are read as UTF-8, anything else
 *    as GB18030 (what Excel and WPS save Chinese CSV in on a Chinese Windows). A file with NUL bytes is not text.
 * 3. Parsing: papaparse (quoted fields, doubled quotes, CR/LF line ends, the delimiter guessed among `,` `;` tab);
 *    blank lines are skipped and each field is trimmed; short rows are padded with empty cells to the widest row.
 * 4. Caps: at most `MAX_CSV_ROWS` rows and `MAX_TABLE_COLUMNS` columns; every refusal is a `CsvImportError`
 *    with a code and one line of English (the renderer shows its own catalogue text for the code).
 */
import Papa from 'papaparse';
import { MAX_TABLE_COLUMNS } from '../model/table.js';

/** Largest CSV file imported, bytes: 2 MB is some 20,000 results rows — more than a page of newsprint holds many times over. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Most rows a table is imported with (a results supplement runs to a few thousand; more would stall the composer). */
export const MAX_CSV_ROWS = 5000;
/** Bytes looked at for NUL (binary data) before decoding. */
const BINARY_SNIFF_BYTES = 8192;

/** Why a CSV file was refused. */
export type CsvErrorCode = 'too-large' | 'binary' | 'empty' | 'too-many-rows' | 'too-many-columns' | 'malformed';

/** A CSV file that cannot become a table: `code` for the interface, the message for logs and the CLI. */
export class CsvImportError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    message: string,
    /** Numbers the message names (limit, row), for the interface's text. */
    readonly values: Readonly<Record<string, number>> = {},
  ) {
    super(message);
    this.name = 'CsvImportError';
  }
}

/** Encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Decodes CSV bytes (steps 1–2).
 * @throws CsvImportError `too-large` or `binary`
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length > MAX_CSV_BYTES) {
    throw new CsvImportError('too-large', `This CSV file is ${bytes.length} bytes; the limit is ${MAX_CSV_BYTES}`, { bytes: bytes.length, max: MAX_CSV_BYTES });
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new CsvImportError('binary', 'This is not a CSV file (it holds binary data)');
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

/**
 * Parses CSV text into rows of trimmed cell texts, all rows as wide as the widest (step 3–4).
 * @throws CsvImportError `empty`, `too-many-rows`, `too-many-columns` or `malformed`
 */
export function parseCsvRows(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw new CsvImportError('malformed', `CSV row ${row}: ${fatal.message}`, { row });
  }
  const rows = result.data.map((r) => r.map((cell) => cell.trim()));
  if (rows.length === 0 || rows.every((r) => r.every((c) => c === ''))) throw new CsvImportError('empty', 'This CSV file has no rows');
  if (rows.length > MAX_CSV_ROWS) throw new CsvImportError('too-many-rows', `This CSV file has ${rows.length} rows; a table takes at most ${MAX_CSV_ROWS}`, { rows: rows.length, max: MAX_CSV_ROWS });
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_TABLE_COLUMNS) throw new CsvImportError('too-many-columns', `This CSV file has ${width} columns; a table takes at most ${MAX_TABLE_COLUMNS}`, { columns: width, max: MAX_TABLE_COLUMNS });
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill('')] : r));
}

/**
 * Reads a CSV file's bytes into table rows (the whole module summary).
 * @throws CsvImportError for any refusal
 */
export function importCsv(bytes: Uint8Array): { rows: string[][]; encoding: CsvEncoding } {
  const { text, encoding } = decodeCsvBytes(bytes);
  return { rows: parseCsvRows(text), encoding };
}
