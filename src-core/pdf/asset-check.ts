/**
 * Pictures read the way export reads them, shared by preflight and export: preflight passes only what export can
 * embed, and a picture preflight decoded is not decoded again by the export that follows.
 *
 * 1. Identify from the bytes (`readImageInfo`) and refuse a pixel size over MAX_IMAGE_MEGAPIXELS before anything
 *    is decoded (a header may claim 65535 × 65535).
 * 2. Decode: PNGs with `decodePng` (chunk CRCs, inflate bounded by the header's size; only checked, not expanded,
 *    where export passes them through or pdf-lib embeds them), JPEGs with jpeg-js (the same cap, missing blocks
 *    refused), TIFFs with `decodeTiff` (every strip whole; the kinds it cannot read refused by name); placed PDFs are
 *    read and checked by `inspectPdfAsset`.
 * 3. Keep decoded pixels keyed by the bytes object they came from (the host hands preflight and export the same
 *    one), most recent first, within DECODED_CACHE_BUDGET_BYTES; JPEGs that export passes through untouched are
 *    only remembered as checked.
 * 4. `checkAsset` never throws: a picture export could not read comes back with `problem`, one line.
 */
import jpeg from 'jpeg-js';
import { inflateWithFflate, type Inflate } from './flate.js';
import { readImageInfo, type ImageInfo } from './image-info.js';
import { checkPngData, decodePng, pngPassesThrough, readPngHeader, type DecodedPng } from './png.js';
import { decodeTiff, readTiffHeader, type DecodedTiff } from './tiff.js';

/**
 * Largest picture decoded, megapixels: a 100 MP RGB photo is 300 MB of pixels. Placing refuses larger ones and
 * export and preflight refuse them too (a picture that size is a job for an image editor, not a page).
 */
export const MAX_IMAGE_MEGAPIXELS = 100;
/**
 * Decoded pixels kept for the export after preflight, bytes: one picture at the pixel cap (300 MB) fits, several
 * big ones do not pile up (the least recently used are dropped).
 */
const DECODED_CACHE_BUDGET_BYTES = 320 * 1024 * 1024;
/** jpeg-js's own memory ceiling for one decode, MB: the pixel cap's 300 MB plus its working buffers. */
const JPEG_MAX_MEMORY_MB = 1024;

/** JPEG pixels as jpeg-js returns them: 8-bit samples, `components` per pixel (3 for an RGB photo). */
export interface DecodedJpeg {
  widthPx: number;
  heightPx: number;
  data: Uint8Array;
}

/** Any decoded picture kept for export. */
type Decoded = DecodedPng | DecodedJpeg | DecodedTiff;

const decoded = new Map<Uint8Array, Decoded>();
let decodedBytes = 0;
/** JPEGs decoded and PNGs checked once without error (their pixels are not needed: export passes them through). */
const checkedJpegs = new WeakSet<Uint8Array>();
const checkedPngs = new WeakSet<Uint8Array>();

function decodedSize(pixels: Decoded): number {
  if ('data' in pixels) return pixels.data.length;
  return pixels.pixels.length + ('alpha' in pixels ? (pixels.alpha?.length ?? 0) : 0);
}

function remember(bytes: Uint8Array, pixels: Decoded): void {
  const size = decodedSize(pixels);
  if (size > DECODED_CACHE_BUDGET_BYTES) return;
  decoded.set(bytes, pixels);
  decodedBytes += size;
  for (const [key, value] of decoded) {
    if (decodedBytes <= DECODED_CACHE_BUDGET_BYTES) break;
    decoded.delete(key);
    decodedBytes -= decodedSize(value);
  }
}

function recall<T extends Decoded>(bytes: Uint8Array): T | undefined {
  const hit = decoded.get(bytes);
  if (!hit) return undefined;
  // Most recently used last: Map keeps insertion order.
  decoded.delete(bytes);
  decoded.set(bytes, hit);
  return hit as T;
}

/**
 * Drops every decoded picture kept for a following export (a long-running host calls it when an export job ends,
 * so pixels do not outlive the job that needed them). Checked-only marks stay: they hold no pixels.
 */
export function forgetDecodedPixels(): void {
  decoded.clear();
  decodedBytes = 0;
}

/**
 * Refuses a picture larger than MAX_IMAGE_MEGAPIXELS.
 * @throws RangeError naming its size
 */
export function checkPixelCount(widthPx: number, heightPx: number): void {
  if ((widthPx * heightPx) / 1e6 > MAX_IMAGE_MEGAPIXELS) {
    throw new RangeError(`it is ${widthPx} × ${heightPx} pixels (${Math.round((widthPx * heightPx) / 1e6)} megapixels); pictures up to ${MAX_IMAGE_MEGAPIXELS} megapixels can be printed (scale it down first)`);
  }
}

/**
 * Decodes a PNG within the pixel cap, remembering the pixels for the next caller with the same bytes.
 * @throws RangeError saying what is wrong with the file
 */
export function decodePngChecked(bytes: Uint8Array, inflate: Inflate = inflateWithFflate): DecodedPng {
  const hit = recall<DecodedPng>(bytes);
  if (hit) return hit;
  const header = readPngHeader(bytes);
  checkPixelCount(header.widthPx, header.heightPx);
  const png = decodePng(bytes, inflate);
  remember(bytes, png);
  return png;
}

/**
 * Checks a PNG within the pixel cap as `decodePng` reads it (checksums, complete data, valid rows) without expanding
 * its pixels, for PNGs that pass through or that pdf-lib embeds; a second check of the same bytes is free.
 * @throws RangeError saying what is wrong with the file
 */
export function checkPng(bytes: Uint8Array, inflate: Inflate = inflateWithFflate): void {
  if (checkedPngs.has(bytes) || decoded.has(bytes)) return;
  const header = readPngHeader(bytes);
  checkPixelCount(header.widthPx, header.heightPx);
  checkPngData(bytes, inflate);
  checkedPngs.add(bytes);
}

/**
 * Decodes a JPEG within the pixel cap (jpeg-js, samples as stored: 3 per pixel for RGB, 1 grey, 4 CMYK),
 * remembering the pixels when `keep` (export needs them) and that the file decodes either way.
 * @throws RangeError saying what is wrong with the file
 */
export function decodeJpegChecked(bytes: Uint8Array, keep = true): DecodedJpeg {
  const hit = recall<DecodedJpeg>(bytes);
  if (hit) return hit;
  const info = readImageInfo(bytes);
  if (!info.widthPx || !info.heightPx || info.colour === 'unknown') throw new RangeError('its JPEG frame header (size, colours) cannot be read');
  checkPixelCount(info.widthPx, info.heightPx);
  let out: { width: number; height: number; data: Uint8Array };
  try {
    out = jpeg.decode(bytes, {
      useTArray: true, formatAsRGBA: false, tolerantDecoding: false, maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: JPEG_MAX_MEMORY_MB,
    });
  } catch (err) {
    throw new RangeError(`its JPEG data cannot be decoded (${String((err as Error)?.message ?? err).split('\n')[0]})`, { cause: err });
  }
  const pixels = { widthPx: out.width, heightPx: out.height, data: out.data };
  checkedJpegs.add(bytes);
  if (keep) remember(bytes, pixels);
  return pixels;
}

/**
 * Decodes a TIFF within the pixel cap (8-bit RGB, CMYK or grey; see tiff.ts), remembering the pixels when `keep`.
 * @throws RangeError saying what is wrong with the file, or which kind of TIFF cannot be placed
 */
export function decodeTiffChecked(bytes: Uint8Array, inflate: Inflate = inflateWithFflate, keep = true): DecodedTiff {
  const hit = recall<DecodedTiff>(bytes);
  if (hit) return hit;
  const header = readTiffHeader(bytes);
  checkPixelCount(header.widthPx, header.heightPx);
  const tiff = decodeTiff(bytes, inflate, header);
  if (keep) remember(bytes, tiff);
  return tiff;
}

/**
 * Checks a JPEG decodes without keeping its pixels (export passes it through); a second check of the same bytes is free.
 * @throws RangeError saying what is wrong with the file
 */
export function checkJpeg(bytes: Uint8Array): void {
  if (checkedJpegs.has(bytes)) return;
  decodeJpegChecked(bytes, false);
}

/**
 * Facts about an asset's bytes, read as export reads them (steps 1–2): for a placed PDF its colour, transparency,
 * fonts and active content too. Never throws.
 * @param forPrint whether the export converts RGB photos (their decoded pixels are then kept for it)
 * @param inflate the host's zlib for PNG data (default fflate; Node's is far faster cold)
 * @returns the facts; `problem` says in one line why export could not read the asset
 */
export async function checkAsset(bytes: Uint8Array, forPrint = true, inflate: Inflate = inflateWithFflate): Promise<ImageInfo> {
  const info = readImageInfo(bytes);
  try {
    if (info.format === 'pdf') {
      const { inspectPdfAsset } = await import('./pdf-asset-info.js');
      const pdf = await inspectPdfAsset(bytes);
      return { ...info, colour: pdf.colour, transparency: pdf.transparency, unembeddedFonts: pdf.unembeddedFonts, activeContent: pdf.activeContent };
    }
    // Decoded (pixels kept for export) only where a print export converts it; otherwise checked without expanding.
    if (info.format === 'png') {
      if (forPrint && !pngPassesThrough(bytes)) decodePngChecked(bytes, inflate);
      else checkPng(bytes, inflate);
    }
    else if (info.format === 'jpeg') decodeJpegChecked(bytes, forPrint && info.colour === 'rgb');
    // A TIFF is always decoded for export (it has no pass-through), so its pixels are kept for a print export.
    else if (info.format === 'tiff') decodeTiffChecked(bytes, inflate, forPrint);
    return info;
  } catch (err) {
    return { ...info, problem: String((err as Error)?.message ?? err).split('\n')[0] };
  }
}
