/**
 * Reading a reporter's manuscript (稿件) from the workspace for "Place text…".
 *
 * 1. Refuse before reading: the path is confined by the caller; a folder or a file over MAX_IMPORT_BYTES is
 *    refused from its directory entry.
 * 2. Identify by content, never by name: a ZIP is read as a Word document (.docx, with mammoth: its
 *    paragraphs, without formatting); Word 97–2003 and PDF files are refused with what to do instead;
 *    anything else is decoded as plain text (`decodeManuscriptText`: UTF-8/UTF-16 by BOM, UTF-8, GB18030).
 * 3. Split into paragraphs (`manuscriptParagraphs`): the renderer turns them into story blocks.
 */
import path from 'node:path';
import type { PlacedManuscript } from '../../src-core/api/host-api.js';
import { decodeManuscriptText, ManuscriptError, manuscriptParagraphs } from '../../src-core/model/manuscript.js';
import { readFileUpTo } from './disk.js';
import { MAX_IMPORT_BYTES } from './import-asset.js';

/** ZIP local file header: a .docx (Office Open XML) is a ZIP package. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: Word 97–2003 .doc (also .xls, .wps). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `%PDF-` */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads and splits a manuscript (absolute path, already confined).
 * @throws ManuscriptError for folders, oversize, binary, old Word, PDF or damaged Word files and files without
 *   text; DiskError when the file cannot be read
 */
export async function readManuscriptFile(filePath: string): Promise<PlacedManuscript> {
  const name = path.basename(filePath);
  const bytes = await readFileUpTo(filePath, MAX_IMPORT_BYTES, (why) =>
    why.kind === 'folder'
      ? ManuscriptError.of('service.manuscript.isFolder', { name })
      : why.kind === 'not-a-file'
        ? ManuscriptError.of('service.import.notOrdinary', { name })
        : ManuscriptError.of('service.manuscript.tooLarge', { name, sizeMb: (why.sizeBytes / 1024 / 1024).toFixed(1), maxMb: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
  if (startsWith(bytes, OLE_MAGIC)) {
    throw ManuscriptError.of('service.manuscript.oldWord', { name });
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    throw ManuscriptError.of('service.manuscript.pdf', { name });
  }
  let result: PlacedManuscript;
  if (startsWith(bytes, ZIP_MAGIC)) {
    result = { name, format: 'docx', paragraphs: manuscriptParagraphs(await wordText(bytes, name)) };
  } else {
    const { text, encoding } = decodeManuscriptText(bytes);
    result = { name, format: 'txt', encoding, paragraphs: manuscriptParagraphs(text) };
  }
  if (result.paragraphs.length === 0) throw ManuscriptError.of('service.manuscript.empty', { name });
  return result;
}

/** The text of a .docx, a paragraph per line (mammoth separates them with blank lines). */
async function wordText(bytes: Uint8Array, name: string): Promise<string> {
  // Loaded on first use: the command line and the app's start never pay for it.
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  } catch (err) {
    throw ManuscriptError.of('service.manuscript.notWord', { name, detail: (err as Error).message });
  }
}
