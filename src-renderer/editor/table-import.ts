/**
 * Import CSV… in the story editor: a CSV file the layout editor picks becomes a table after the caret's
 * paragraph, its first row the header row. The bytes are read in the renderer (the file comes from the
 * system's file picker, not a path) and decoded and parsed by src-core/text/csv-import.ts.
 *
 * 1. A file over the size cap is refused from its size, before it is read.
 * 2. A file that cannot be read (moved or deleted after it was picked) is refused by name.
 * 3. Every refusal is a message of the catalogues naming the file; nothing is inserted.
 */
import type { Node as PmNode, Schema } from 'prosemirror-model';
import { CsvImportError, importCsv, MAX_CSV_BYTES, type CsvErrorCode } from '../../src-core/text/csv-import.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { UiMessage } from '../state/ui-message.js';
import { tableFromRows } from './table-commands.js';

/** Bytes in a megabyte, for the size in a refusal. */
const BYTES_PER_MB = 1024 * 1024;

const ERROR_KEYS: Record<CsvErrorCode, MessageKey> = {
  'too-large': 'tables.csvTooLarge',
  binary: 'tables.csvBinary',
  empty: 'tables.csvEmpty',
  'too-many-rows': 'tables.csvTooManyRows',
  'too-many-columns': 'tables.csvTooManyColumns',
  malformed: 'tables.csvMalformed',
};

/** The refusal of a too-large file, from its size alone (step 1); null when it may be read. */
export function csvSizeRefusal(name: string, sizeBytes: number): UiMessage | null {
  if (sizeBytes <= MAX_CSV_BYTES) return null;
  return { key: 'tables.csvTooLarge', values: { name, mb: Math.ceil(sizeBytes / BYTES_PER_MB), maxMb: MAX_CSV_BYTES / BYTES_PER_MB } };
}

/** What Import CSV… needs of a picked file: the browser's `File` has these. */
export interface PickedFile {
  readonly name: string;
  /** Size in bytes as the picker reported it. */
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A picked CSV file read and made into a table (steps 1–3): size first, then the bytes, then the parse. */
export async function csvTableFromFile(schema: Schema, file: PickedFile): Promise<{ table: PmNode; message: UiMessage } | { error: UiMessage }> {
  const tooLarge = csvSizeRefusal(file.name, file.size);
  if (tooLarge) return { error: tooLarge };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // The picker hands over a reference, not the bytes: a file moved or deleted since it was picked is gone.
    return { error: { key: 'tables.csvUnreadable', values: { name: file.name } } };
  }
  return csvTable(schema, file.name, bytes);
}

/**
 * The table a CSV file's bytes make (first row as header), with the message saying what was imported; or the
 * refusal (step 3).
 */
export function csvTable(schema: Schema, name: string, bytes: Uint8Array): { table: PmNode; message: UiMessage } | { error: UiMessage } {
  const tooLarge = csvSizeRefusal(name, bytes.length);
  if (tooLarge) return { error: tooLarge };
  try {
    const { rows, encoding } = importCsv(bytes);
    const table = tableFromRows(schema, rows, rows.length > 1 ? 1 : 0);
    return { table, message: { key: 'tables.csvImported', values: { name, rows: rows.length, columns: rows[0]!.length, encoding: encoding.toUpperCase() } } };
  } catch (err) {
    if (!(err instanceof CsvImportError)) throw err;
    return { error: { key: ERROR_KEYS[err.code], values: { name, ...err.values } } };
  }
}
