/**
 * What an asset is, read from its bytes (not trusted from its MIME type): format, colour model and
 * pixel size. Used by the PDF exporter (which conversion to apply) and by preflight (RGB in print).
 *
 * 1. Sniff the format from magic bytes: PNG signature, JPEG SOI (FF D8), PDF header (%PDF-), TIFF (II*\0, MM\0*).
 * 2. PNG: the IHDR colour type (0/4 grey, 2/3/6 RGB). JPEG: the component count of the first
 *    start-of-frame marker (1 grey, 3 RGB/YCbCr, 4 CMYK/YCCK). TIFF: the first directory's photometric
 *    interpretation (`readTiffHeader`; a kind we cannot decode reads as colour `unknown`). PDF: colour is not inspected.
 */
import type { ActiveContent } from './placed-pdf.js';
import { isPng, readPngHeader } from './png.js';
import { isTiff, readTiffHeader } from './tiff.js';

/** Colour model of an image. */
export type ImageColour = 'grey' | 'rgb' | 'cmyk' | 'unknown';

/** Facts about an asset's bytes. */
export interface ImageInfo {
  format: 'png' | 'jpeg' | 'pdf' | 'tiff' | 'unknown';
  colour: ImageColour;
  widthPx?: number;
  heightPx?: number;
  /** PNG with an alpha channel or tRNS transparency; TIFF with an alpha extra sample (flattened onto white when printed). */
  hasAlpha?: boolean;
  /** JPEG with an Adobe APP14 marker (its CMYK data is stored inverted). */
  adobe?: boolean;
  /** Placed PDF uses transparency (soft masks, alpha, blend modes); set by `inspectPdfAsset` callers. */
  transparency?: boolean;
  /** Placed PDF: fonts used without an embedded program; set by `inspectPdfAsset` callers. */
  unembeddedFonts?: string[];
  /** Placed PDF: scripts, actions, annotations, embedded files it carries (export strips them); set by `inspectPdfAsset` callers. */
  activeContent?: ActiveContent[];
  /** Why export could not read these bytes, one line (set by `checkAsset`, which decodes them); absent when it can. */
  problem?: string;
}

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic): not C4 (DHT), C8, CC (DAC). */
const JPEG_SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Reads format, colour and size from asset bytes. Never throws: unreadable bytes give `unknown`. */
export function readImageInfo(bytes: Uint8Array): ImageInfo {
  if (isPng(bytes)) {
    try {
      const h = readPngHeader(bytes);
      const colour: ImageColour = h.colourType === 0 || h.colourType === 4 ? 'grey' : 'rgb';
      const hasAlpha = h.colourType === 4 || h.colourType === 6 || hasPngChunk(bytes, 'tRNS');
      return { format: 'png', colour, widthPx: h.widthPx, heightPx: h.heightPx, hasAlpha };
    } catch {
      return { format: 'png', colour: 'unknown' };
    }
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegInfo(bytes);
  if (bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return { format: 'pdf', colour: 'unknown' };
  if (isTiff(bytes)) {
    try {
      const h = readTiffHeader(bytes);
      return { format: 'tiff', colour: h.colour, widthPx: h.widthPx, heightPx: h.heightPx, hasAlpha: h.alphaSample !== undefined };
    } catch {
      return { format: 'tiff', colour: 'unknown' };
    }
  }
  return { format: 'unknown', colour: 'unknown' };
}

function readJpegInfo(bytes: Uint8Array): ImageInfo {
  let offset = 2;
  let adobe = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { format: 'jpeg', colour: 'unknown', adobe };
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (marker === 0xee && String.fromCharCode(...bytes.subarray(offset + 4, offset + 9)) === 'Adobe') adobe = true;
    if (JPEG_SOF_MARKERS.has(marker) && offset + 9 < bytes.length) {
      const heightPx = (bytes[offset + 5] << 8) | bytes[offset + 6];
      const widthPx = (bytes[offset + 7] << 8) | bytes[offset + 8];
      const components = bytes[offset + 9];
      const colour: ImageColour = components === 1 ? 'grey' : components === 3 ? 'rgb' : components === 4 ? 'cmyk' : 'unknown';
      return { format: 'jpeg', colour, widthPx, heightPx, adobe: adobe || scanForAdobe(bytes, offset) };
    }
    offset += 2 + length;
  }
  return { format: 'jpeg', colour: 'unknown', adobe };
}

/** APP14 may follow the SOF in odd files: look until the scan starts. */
function scanForAdobe(bytes: Uint8Array, from: number): boolean {
  let offset = from;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    if (marker === 0xda || marker === 0xd9) return false;
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (marker === 0xee && String.fromCharCode(...bytes.subarray(offset + 4, offset + 9)) === 'Adobe') return true;
    offset += 2 + length;
  }
  return false;
}

function hasPngChunk(bytes: Uint8Array, wanted: string): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    if (type === wanted) return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    offset += 12 + length;
  }
  return false;
}
