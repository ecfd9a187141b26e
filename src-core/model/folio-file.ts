/**
 * The `.folio` file format: a zip holding `document.json` and `assets/…` (images, placed PDFs, user fonts).
 * Pure bytes in, bytes out (fflate); disk I/O, atomic writes and locks live in src-main/services.
 *
 * 1. unpack: read the zip's directory (zip-reader.ts) → inflate document.json alone, within its cap → parse JSON
 *    → check its shape is bounded (nesting depth, string lengths) → migrate → validate (zod) → inflate only the
 *    assets the document lists, each within the asset cap and all within a total cap, CRC-checked. Entries the
 *    document does not list are never inflated.
 * 2. pack: validate → write document.json (stable key order as given) + assets with a fixed timestamp,
 *    so the same document gives the same bytes.
 */
import { zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import type { MessageKey } from '../i18n/messages/en.js';
import type { ServiceMessage, ServiceMessageValue } from '../i18n/service-message.js';
import { FolioDocumentSchema, type FolioDocument } from './document.js';
import { migrateDocument, SchemaVersionError, SchemaVersionNumberError } from './migrations.js';
import { ZipArchive, ZipReadError } from './zip-reader.js';

/** Why a .folio file could not be read. */
export type FolioFileErrorCode = 'not-zip' | 'no-document' | 'bad-json' | 'invalid' | 'version' | 'missing-asset';

/**
 * A specific, human-readable error about a .folio file. Nothing on disk is changed by raising it. `message` is
 * English (logs, tests); `uiMessage` says the same as a catalogue message (`service.folio.*`), which the renderer
 * and the CLI say in the interface language.
 */
export class FolioFileError extends Error {
  constructor(readonly code: FolioFileErrorCode, message: string, readonly uiMessage: ServiceMessage) {
    super(message);
    this.name = 'FolioFileError';
  }
}

/** The zip entry holding the document. */
const DOCUMENT_ENTRY = 'document.json';
/**
 * Longest text taken from a file into a message's values, characters: a damaged file's asset path or version may
 * be any length, and a line shown to the user names it, it does not reproduce it.
 */
const MAX_QUOTED_CHARS = 200;

/** `text` cut to `MAX_QUOTED_CHARS`, marked with an ellipsis where it was cut. */
function quoted(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** A `FolioFileError` with its English `message` and its catalogue line. */
function fileError(code: FolioFileErrorCode, message: string, key: MessageKey, values?: Record<string, ServiceMessageValue>): FolioFileError {
  return new FolioFileError(code, message, values ? { key, values } : { key });
}

/** The catalogue line of a migration's refusal: a newer file, one without a migration path, a bad version number. */
export function versionMessage(err: unknown): ServiceMessage {
  if (err instanceof SchemaVersionError) {
    return { key: err.found > err.current ? 'service.folio.newerVersion' : 'service.folio.cannotMigrate', values: { kind: err.kind, found: err.found, current: err.current } };
  }
  if (err instanceof SchemaVersionNumberError) return { key: 'service.folio.badVersion', values: { kind: err.kind, value: quoted(err.value) } };
  return { key: 'service.detail', values: { detail: quoted((err as Error).message) } };
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
 * All of a document's assets together, inflated: a whole issue's photos and adverts fit many times over, and a
 * file claiming more is refused before it can take the memory of the machine reading it.
 */
export const MAX_TOTAL_ASSET_BYTES = 400 * 1024 * 1024;
/** document.json, inflated: a 32-page issue's text and structure is a few MB. */
export const MAX_DOCUMENT_JSON_BYTES = 64 * 1024 * 1024;
/**
 * Deepest nesting of document.json: documents nest about ten levels (story → block → text → marks); validating
 * a 50,000-deep file would overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;
/** Longest string in document.json, UTF-16 code units: four times the largest paste the editor accepts. */
export const MAX_JSON_STRING_CHARS = 4_000_000;

/**
 * Validates and migrates document JSON (already parsed).
 * @throws FolioFileError with code 'version' or 'invalid' and a message naming the first problem
 */
export function parseDocumentJson(json: unknown): FolioDocument {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw fileError('invalid', 'document.json does not contain a Folio document (expected a JSON object).', 'service.folio.notObject', { entry: DOCUMENT_ENTRY });
  }
  checkJsonBounds(json);
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateDocument(json as Record<string, unknown>);
  } catch (err) {
    throw new FolioFileError('version', (err as Error).message, versionMessage(err));
  }
  const result = FolioDocumentSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    const detail = issue?.message ?? 'invalid';
    // The validator's words are the detail (in parentheses in Chinese); where it failed is the file's own path.
    throw fileError('invalid', `document.json is not a valid Folio document: at ${where}: ${detail}`, 'service.folio.invalid', { entry: DOCUMENT_ENTRY, where: quoted(where), detail: quoted(detail) });
  }
  return result.data;
}

/**
 * Reads a .folio file's bytes.
 * @throws FolioFileError — not a zip, no document.json, bad JSON, invalid or future schema, missing asset
 */
export function unpackFolio(bytes: Uint8Array): FolioContents {
  let archive: ZipArchive;
  try {
    archive = new ZipArchive(bytes);
  } catch (err) {
    const reason: ServiceMessage = err instanceof ZipReadError ? err.uiMessage : { key: 'service.detail', values: { detail: quoted((err as Error).message) } };
    throw fileError('not-zip', `This is not a Folio file: ${(err as Error).message} (a .folio file is a zip with document.json inside).`, 'service.folio.notZip', { reason, entry: DOCUMENT_ENTRY });
  }
  const docEntry = archive.entry(DOCUMENT_ENTRY);
  if (!docEntry) {
    throw fileError('no-document', 'This zip has no document.json, so it is not a Folio document.', 'service.folio.noDocument', { entry: DOCUMENT_ENTRY });
  }
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(extractEntry(archive, docEntry, MAX_DOCUMENT_JSON_BYTES)));
  } catch (err) {
    if (err instanceof FolioFileError) throw err;
    throw fileError('bad-json', `document.json is damaged (invalid JSON): ${(err as Error).message}`, 'service.folio.badJson', { entry: DOCUMENT_ENTRY, detail: quoted((err as Error).message) });
  }
  const document = parseDocumentJson(json);
  const assets = new Map<string, Uint8Array>();
  let totalBytes = 0;
  for (const asset of Object.values(document.assets)) {
    const entry = archive.entry(asset.path);
    if (!entry) {
      throw fileError('missing-asset', `The file is incomplete: asset "${asset.id}" (${asset.path}) is listed but missing from the archive.`, 'service.folio.missingAsset', { asset: quoted(asset.id), path: quoted(asset.path) });
    }
    totalBytes += entry.sizeBytes;
    if (totalBytes > MAX_TOTAL_ASSET_BYTES) {
      throw fileError('invalid', `The document's pictures, adverts and fonts come to more than ${MAX_TOTAL_ASSET_BYTES / 1024 / 1024} MB; Folio refuses to read it.`, 'service.folio.assetsTooLarge', { maxMb: MAX_TOTAL_ASSET_BYTES / 1024 / 1024 });
    }
    assets.set(asset.path, extractEntry(archive, entry, MAX_ASSET_BYTES));
  }
  return { document, assets };
}

function extractEntry(archive: ZipArchive, entry: Parameters<ZipArchive['extract']>[0], maxBytes: number): Uint8Array {
  try {
    return archive.extract(entry, maxBytes);
  } catch (err) {
    if (err instanceof ZipReadError) throw fileError('invalid', `The file is damaged: ${err.message}`, 'service.folio.damaged', { reason: err.uiMessage });
    throw err;
  }
}

/**
 * Walks parsed JSON without recursion and refuses what no Folio document holds: nesting deeper than
 * `MAX_JSON_DEPTH` or a string longer than `MAX_JSON_STRING_CHARS` (keys included).
 * @throws FolioFileError('invalid') naming the limit
 */
function checkJsonBounds(root: object): void {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_JSON_STRING_CHARS) {
        throw fileError('invalid', `document.json holds a text of ${value.length.toLocaleString('en')} characters; the most Folio reads in one piece is ${MAX_JSON_STRING_CHARS.toLocaleString('en')}.`,
          'service.folio.textTooLong', { entry: DOCUMENT_ENTRY, chars: value.length, max: MAX_JSON_STRING_CHARS });
      }
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) throw fileError('invalid', `document.json nests deeper than ${MAX_JSON_DEPTH} levels, which no Folio document does.`, 'service.folio.tooDeep', { entry: DOCUMENT_ENTRY, max: MAX_JSON_DEPTH });
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const [key, item] of Object.entries(value)) {
        stack.push({ value: key, depth });
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
}

/**
 * Packs a document and its assets into .folio bytes. Only assets the document lists are written.
 * @throws FolioFileError('invalid') when the document does not validate or a listed asset is missing
 */
export function packFolio(document: FolioDocument, assets: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const checked = FolioDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw fileError('invalid', `Refusing to save an invalid document: at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      'service.folio.saveInvalid', { where: quoted(issue?.path.join('.') ?? ''), detail: quoted(issue?.message ?? '') });
  }
  const files: Zippable = {
    'document.json': [strToU8(JSON.stringify(checked.data, null, 1)), { mtime: FIXED_ZIP_DATE }],
  };
  for (const asset of Object.values(checked.data.assets)) {
    const data = assets.get(asset.path);
    if (!data) throw fileError('missing-asset', `Cannot save: asset "${asset.id}" (${asset.path}) has no data.`, 'service.folio.saveMissingAsset', { asset: quoted(asset.id), path: quoted(asset.path) });
    if (data.byteLength > MAX_ASSET_BYTES) {
      throw fileError('invalid', `Asset ${asset.path} is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB.`, 'service.folio.saveAssetTooLarge', { path: quoted(asset.path), maxMb: MAX_ASSET_BYTES / 1024 / 1024 });
    }
    // Images and PDFs are already compressed: store them.
    files[asset.path] = [data, { level: 0, mtime: FIXED_ZIP_DATE }];
  }
  return zipSync(files, { level: 6, mtime: FIXED_ZIP_DATE });
}
