/**
 * The file names exported pages get, and the pages whose names would clash on disk.
 *
 * 1. `fileNameForPage` fills the template's naming pattern ({date}, {page}, {paper}, {preset}) and makes it a
 *    safe file name: characters no file system accepts, and path separators, become '_' (so A/01 and A:01 both
 *    become A_01).
 * 2. `outputNameClashes` computes every selected page's name and groups those equal when compared as macOS and
 *    Windows compare file names (case-insensitively, after Unicode NFC), so a newsroom never gets one PDF where
 *    it expected two.
 */
import type { ExportPreset } from '../api/host-api.js';
import type { FolioDocument } from '../model/document.js';

/** Replaces characters no file system accepts in a name (and path separators) with '_'. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
}

/**
 * What a file name says about its preset when the pattern has no `{preset}` field: print PDFs keep the plain
 * name the plant expects, the others get a suffix, so a proof never overwrites the print PDF of the same page.
 */
const PRESET_SUFFIX: Readonly<Record<ExportPreset, string>> = { print: '', 'print-x4': '_x4', proof: '_proof' };

/**
 * The output file name of a page from the template's naming pattern:
 * {date} → YYYYMMDD of the issue date, {page} → page name, {paper} → paper name, {preset} → print, print-x4 or
 * proof. A pattern without {preset} gets PRESET_SUFFIX before `.pdf` (e.g. 20230720_A01.pdf, 20230720_A01_proof.pdf).
 */
export function fileNameForPage(pattern: string, document: FolioDocument, pageName: string, preset: ExportPreset = 'print'): string {
  const name = pattern
    .replaceAll('{date}', document.issue.date.replaceAll('-', ''))
    .replaceAll('{page}', pageName)
    .replaceAll('{paper}', document.issue.paper)
    .replaceAll('{preset}', preset);
  const safe = safeFileName(name);
  const stem = safe.toLowerCase().endsWith('.pdf') ? safe.slice(0, -'.pdf'.length) : safe;
  const suffix = pattern.includes('{preset}') ? '' : PRESET_SUFFIX[preset];
  return `${stem}${suffix}.pdf`;
}

/**
 * A file name as a case-insensitive file system (macOS APFS/HFS+, Windows NTFS) tells names apart: two names
 * with the same key are one file there.
 */
export function fileNameKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase();
}

/** Pages whose exported files would share one name. */
export interface OutputNameClash {
  /** The file name they would share (as the first of them names it). */
  fileName: string;
  /** The clashing pages, in document order (two or more). */
  pages: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * The pages of `pages` (default: all of the document's) whose output files, named by the document's naming
 * pattern for `preset`, would be one file on a case-insensitive file system.
 * @returns one entry per shared name, in document order; empty when every page gets a file of its own
 */
export function outputNameClashes(
  document: FolioDocument,
  preset: ExportPreset,
  pages: readonly { id: string; name: string }[] = document.pages,
): OutputNameClash[] {
  const byKey = new Map<string, { fileName: string; pages: { id: string; name: string }[] }>();
  for (const page of pages) {
    const fileName = fileNameForPage(document.template.output.namingPattern, document, page.name, preset);
    const key = fileNameKey(fileName);
    const entry = byKey.get(key);
    if (entry) entry.pages.push({ id: page.id, name: page.name });
    else byKey.set(key, { fileName, pages: [{ id: page.id, name: page.name }] });
  }
  return [...byKey.values()].filter((entry) => entry.pages.length > 1);
}
