/**
 * The `.folio` file format: a zip holding `document.json` and `assets/…` (images, placed PDFs, user fonts).
 * Pure bytes in, bytes out (fflate); disk I/O, atomic writes and locks live in src-main/services.
 *
 * 1. unpack: unzip → find document.json → parse JSON → migrate → validate (zod) → check every asset is present.
 * 2. pack: validate → write document.json (stable key order as given) + assets with a fixed timestamp,
 *    so the same document gives the same bytes.
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { FolioDocumentSchema, type FolioDocument } from './document.js';
import { migrateDocument } from './migrations.js';

/** Why a .folio file could not be read. */
export type FolioFileErrorCode = 'not-zip' | 'no-document' | 'bad-json' | 'invalid' | 'version' | 'missing-asset';

/** A specific, human-readable error about a .folio file. Nothing on disk is changed by raising it. */
export class FolioFileError extends Error {
  constructor(readonly code: FolioFileErrorCode, message: string) {
    super(message);
    this.name = 'FolioFileError';
  }
}

/** The contents of a .folio file. Asset keys are zip paths (`assets/photo.jpg`). */
export interface FolioContents {
  document: FolioDocument;
  assets: ReadonlyMap<string, Uint8Array>;
}

/** Zip entries are stamped with this fixed date so packing is reproducible (zip cannot store dates before 1980). */
const FIXED_ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
/** Assets larger than this are refused: a newspaper page's photos are a few MB each. */
export const MAX_ASSET_BYTES = 200 * 1024 * 1024;

/**
 * Validates and migrates document JSON (already parsed).
 * @throws FolioFileError with code 'version' or 'invalid' and a message naming the first problem
 */
export function parseDocumentJson(json: unknown): FolioDocument {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new FolioFileError('invalid', 'document.json does not contain a Folio document (expected a JSON object).');
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateDocument(json as Record<string, unknown>);
  } catch (err) {
    throw new FolioFileError('version', (err as Error).message);
  }
  const result = FolioDocumentSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new FolioFileError('invalid', `document.json is not a valid Folio document: at ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/**
 * Reads a .folio file's bytes.
 * @throws FolioFileError — not a zip, no document.json, bad JSON, invalid or future schema, missing asset
 */
export function unpackFolio(bytes: Uint8Array): FolioContents {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new FolioFileError('not-zip', 'This is not a Folio file: it is not a zip archive (a .folio file is a zip with document.json inside).');
  }
  const docBytes = entries['document.json'];
  if (!docBytes) {
    throw new FolioFileError('no-document', 'This zip has no document.json, so it is not a Folio document.');
  }
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(docBytes));
  } catch (err) {
    throw new FolioFileError('bad-json', `document.json is damaged (invalid JSON): ${(err as Error).message}`);
  }
  const document = parseDocumentJson(json);
  const assets = new Map<string, Uint8Array>();
  for (const asset of Object.values(document.assets)) {
    const data = entries[asset.path];
    if (!data) {
      throw new FolioFileError('missing-asset', `The file is incomplete: asset "${asset.id}" (${asset.path}) is listed but missing from the archive.`);
    }
    assets.set(asset.path, data);
  }
  return { document, assets };
}

/**
 * Packs a document and its assets into .folio bytes. Only assets the document lists are written.
 * @throws FolioFileError('invalid') when the document does not validate or a listed asset is missing
 */
export function packFolio(document: FolioDocument, assets: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const checked = FolioDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new FolioFileError('invalid', `Refusing to save an invalid document: at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const files: Zippable = {
    'document.json': [strToU8(JSON.stringify(checked.data, null, 1)), { mtime: FIXED_ZIP_DATE }],
  };
  for (const asset of Object.values(checked.data.assets)) {
    const data = assets.get(asset.path);
    if (!data) throw new FolioFileError('missing-asset', `Cannot save: asset "${asset.id}" (${asset.path}) has no data.`);
    if (data.byteLength > MAX_ASSET_BYTES) throw new FolioFileError('invalid', `Asset ${asset.path} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`);
    // Images and PDFs are already compressed: store them.
    files[asset.path] = [data, { level: 0, mtime: FIXED_ZIP_DATE }];
  }
  return zipSync(files, { level: 6, mtime: FIXED_ZIP_DATE });
}
