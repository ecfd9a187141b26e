/**
 * Importing an image or placed PDF from the workspace into an open document ("Place image…").
 *
 * 1. Refuse before reading: the path is confined by the caller; a file larger than MAX_IMPORT_BYTES is refused
 *    from its size on disk, so an oversize file is never loaded into memory.
 * 2. Identify by content, never by name: magic bytes (PNG signature, JPEG SOI, TIFF byte order, `%PDF-`), then the
 *    header — PNG IHDR (pixel size, colour type), JPEG start-of-frame (pixel size, components), TIFF first directory
 *    (pixel size, colour model; a kind export cannot decode, such as 16-bit or JPEG-in-TIFF, is refused by name), PDF page 1 TrimBox
 *    (loaded with pdf-lib). Anything else, or a header that does not decode, is an `ImportError`.
 * 3. Name the asset by its content (`img-<sha256 prefix>` / `pdf-<…>`), so placing the same file twice adds
 *    one asset, and describe it with its MIME type and natural size for the composer.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ImportedAsset } from '../../src-core/api/host-api.js';
import { PLACED_FROM_NOTE_PREFIX, type Asset } from '../../src-core/model/document.js';
import { MAX_IMAGE_MEGAPIXELS } from '../../src-core/pdf/asset-check.js';
import { readImageInfo } from '../../src-core/pdf/image-info.js';
import { readPlacedPdf } from '../../src-core/pdf/placed-pdf.js';
import { readPngHeader } from '../../src-core/pdf/png.js';
import { readTiffHeader } from '../../src-core/pdf/tiff.js';
import { englishLine, serviceMessage, type ServiceMessage, type ServiceMessageValue } from '../../src-core/i18n/service-message.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { readFileUpTo } from './disk.js';
import { OutputProfileError, loadOutputProfile } from './output-profile.js';

/**
 * Largest file accepted, bytes. A broadsheet-wide photo at 300 ppi is about 20 MB as JPEG; 50 MB leaves room
 * for agency PDFs while keeping the base64 transfer to the renderer reasonable.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Largest image accepted, megapixels: the limit export and preflight decode within. */
export const MAX_IMPORT_MEGAPIXELS = MAX_IMAGE_MEGAPIXELS;
/** An 8-bit ink sample at 100 %. */
const INK_SAMPLE_MAX = 255;
/** Hex digits of the content hash in an asset id: 48 bits, collisions are not a practical concern per document. */
const ASSET_ID_HASH_CHARS = 12;

/** File extension and MIME type an imported picture is stored under, by format. */
const ASSET_FILE_TYPES = {
  png: { ext: 'png', mime: 'image/png' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  tiff: { ext: 'tif', mime: 'image/tiff' },
} as const;

/**
 * A file that cannot be placed: not an image/PDF, damaged, or too large. `message` is English; `uiMessage`, where
 * given, says it as a catalogue message for the interface language.
 */
export class ImportError extends Error {
  constructor(readonly code: 'invalid-file' | 'bad-request', message: string, readonly uiMessage?: ServiceMessage) {
    super(message);
    this.name = 'ImportError';
  }
}

/** An `ImportError` whose English `message` is the catalogue line `key` says with `values`. */
function refusal(code: ImportError['code'], key: MessageKey, values: Record<string, ServiceMessageValue>): ImportError {
  const uiMessage = serviceMessage(key, values);
  return new ImportError(code, englishLine(uiMessage), uiMessage);
}

/**
 * Reads and checks a workspace file (absolute path, already confined) for placing.
 * @throws ImportError for oversize, unknown or damaged files; DiskError when it cannot be read
 */
export async function readAssetFile(filePath: string, as: 'picture' | 'output-profile' = 'picture'): Promise<{ imported: ImportedAsset; bytes: Uint8Array }> {
  const name = path.basename(filePath);
  const bytes = await readFileUpTo(filePath, MAX_IMPORT_BYTES, (why) =>
    why.kind === 'folder'
      ? refusal('bad-request', 'service.import.isFolder', { name })
      : why.kind === 'not-a-file'
        ? refusal('bad-request', 'service.import.notOrdinary', { name })
        : refusal('bad-request', 'service.import.tooLarge', { name, sizeMb: (why.sizeBytes / 1024 / 1024).toFixed(1), maxMb: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
  return { imported: as === 'output-profile' ? await describeProfileBytes(bytes, name) : await describeAssetBytes(bytes, name), bytes };
}

/**
 * Checks that bytes are a CMYK output ICC profile LittleCMS can separate with, and builds its asset entry
 * (`icc-<hash>`) with the total ink of its darkest black.
 * @throws ImportError saying why the file cannot be the plant's output profile
 */
export async function describeProfileBytes(bytes: Uint8Array, name: string): Promise<ImportedAsset> {
  let profile;
  try {
    profile = await loadOutputProfile(bytes);
  } catch (err) {
    if (err instanceof OutputProfileError) {
      throw new ImportError('invalid-file', `"${name}" cannot be the output profile: ${err.message}`, { key: 'service.import.notProfile', values: { name, reason: err.uiMessage } });
    }
    throw err;
  }
  const black = profile.convertRgb ? profile.convertRgb(new Uint8Array(3), 1) : new Uint8Array(4);
  const totalInkPct = Math.round((black.reduce((sum, ink) => sum + ink, 0) / INK_SAMPLE_MAX) * 100);
  const description = profile.info.description;
  const id = `icc-${createHash('sha256').update(bytes).digest('hex').slice(0, ASSET_ID_HASH_CHARS)}`;
  const asset: Asset = {
    id, path: `assets/${id}.icc`, mime: 'application/vnd.iccprofile', note: `plant output profile from ${name}: ${description}`,
    ...(totalInkPct > 0 ? { totalInkPct } : {}),
  };
  return { asset, format: 'icc', colour: 'cmyk', sizeBytes: bytes.length, description };
}

/**
 * Identifies asset bytes by content and builds their asset entry.
 * @param name the file name, for messages only
 * @throws ImportError when the bytes are not a readable PNG, JPEG, TIFF or PDF, or the image is too large
 */
export async function describeAssetBytes(bytes: Uint8Array, name: string): Promise<ImportedAsset> {
  if (bytes.length === 0) throw refusal('invalid-file', 'service.import.empty', { name });
  const info = readImageInfo(bytes);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, ASSET_ID_HASH_CHARS);
  const sizeBytes = bytes.length;
  if (info.format === 'pdf') {
    const { widthPt, heightPt, pageCount } = await readPdfTrimBox(bytes, name);
    const id = `pdf-${hash}`;
    const asset: Asset = { id, path: `assets/${id}.pdf`, mime: 'application/pdf', widthPt, heightPt, note: `${PLACED_FROM_NOTE_PREFIX}${name}` };
    return { asset, format: 'pdf', colour: 'unknown', sizeBytes, pageCount };
  }
  if (info.format === 'png') {
    // readImageInfo swallows header errors; read again to say what is wrong.
    try {
      readPngHeader(bytes);
    } catch (err) {
      // The decoder's own words are the detail (in parentheses in Chinese).
      throw refusal('invalid-file', 'service.import.damagedPng', { name, detail: (err as Error).message });
    }
  }
  if (info.format === 'tiff') {
    // readImageInfo swallows header errors; read again to say which kind of TIFF this is.
    try {
      readTiffHeader(bytes);
    } catch (err) {
      throw refusal('invalid-file', 'service.import.cannotPlace', { name, detail: (err as Error).message });
    }
  }
  if (info.format === 'unknown') {
    throw refusal('invalid-file', 'service.import.unknownFormat', { name });
  }
  if (!info.widthPx || !info.heightPx || info.colour === 'unknown') {
    throw refusal('invalid-file', 'service.import.damagedHeader', { name, format: info.format.toUpperCase() });
  }
  if ((info.widthPx * info.heightPx) / 1e6 > MAX_IMPORT_MEGAPIXELS) {
    // Sizes as plain digits: the catalogues' number format would group them (12,000).
    throw refusal('bad-request', 'service.import.tooManyPixels', { name, widthPx: String(info.widthPx), heightPx: String(info.heightPx), maxMegapixels: String(MAX_IMPORT_MEGAPIXELS) });
  }
  const id = `img-${hash}`;
  const { ext, mime } = ASSET_FILE_TYPES[info.format];
  const asset: Asset = {
    id, path: `assets/${id}.${ext}`, mime,
    widthPx: info.widthPx, heightPx: info.heightPx, note: `${PLACED_FROM_NOTE_PREFIX}${name}`,
  };
  return { asset, format: info.format, colour: info.colour, sizeBytes };
}

async function readPdfTrimBox(bytes: Uint8Array, name: string): Promise<{ widthPt: number; heightPt: number; pageCount: number }> {
  // Read as export reads it (encrypted files, page trees and forms that loop are refused); placed by its TrimBox.
  try {
    const placed = await readPlacedPdf(bytes);
    return { widthPt: placed.trimBox.widthPt, heightPt: placed.trimBox.heightPt, pageCount: placed.pageCount };
  } catch (err) {
    if (err instanceof RangeError) throw refusal('invalid-file', 'service.import.cannotPlace', { name, detail: err.message });
    throw err;
  }
}
