/**
 * A small PNG decoder for print conversion (RGB → CMYK needs the pixels). Pure TypeScript + fflate.
 *
 * 1. Read chunks: IHDR (size, depth, colour type, interlace), PLTE, tRNS, IDAT (concatenated), each checked
 *    against its CRC-32 (a damaged file is refused, not decoded into noise).
 * 2. Inflate the zlib stream into exactly the size the header implies (checked while inflating: a deflate bomb
 *    stops at that size) and undo the per-scanline filters (None, Sub, Up, Average, Paeth),
 *    for every Adam7 pass when interlaced.
 * 3. Expand to 8-bit samples: grey (1 channel) or RGB (3 channels), plus an optional 8-bit alpha
 *    plane (from the alpha channel or tRNS). 16-bit samples keep their high byte.
 */
import { crc32 } from '../model/zip-reader.js';
import { inflateWithFflate, type Inflate } from './flate.js';

/** Decoded PNG pixels, 8 bits per sample, rows top to bottom. */
export interface DecodedPng {
  widthPx: number;
  heightPx: number;
  /** 1 = grey, 3 = RGB. */
  channels: 1 | 3;
  /** widthPx × heightPx × channels samples. */
  pixels: Uint8Array;
  /** widthPx × heightPx alpha samples (255 = opaque), absent when the image is opaque. */
  alpha?: Uint8Array;
}

/** Header facts of a PNG, read without inflating. */
export interface PngHeader {
  widthPx: number;
  heightPx: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha. */
  colourType: number;
  interlaced: boolean;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel by colour type. */
const SAMPLES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Reads the IHDR chunk.
 * @throws RangeError when the bytes are not a PNG
 */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (!isPng(bytes) || bytes.length < 33) throw new RangeError('Not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (type !== 'IHDR') throw new RangeError('PNG file does not start with an IHDR chunk');
  return {
    widthPx: view.getUint32(16),
    heightPx: view.getUint32(20),
    bitDepth: bytes[24],
    colourType: bytes[25],
    interlaced: bytes[28] === 1,
  };
}

/**
 * Whether a PNG's image data is valid PDF image data as it is: opaque (no tRNS), non-interlaced grey of ≤ 8 bits,
 * whose IDAT zlib stream a PDF reads with a PNG predictor (PDF 1.3 §3.3.3).
 */
export function pngPassesThrough(bytes: Uint8Array): boolean {
  const header = readPngHeader(bytes);
  if (header.colourType !== 0 || header.bitDepth > 8 || header.interlaced) return false;
  const chunks = readPngChunks(bytes);
  return !chunks.some((c) => c.type === 'tRNS') && chunks.some((c) => c.type === 'IDAT');
}

/** A raw PNG chunk (data is a view into the file bytes). */
export interface PngChunk {
  type: string;
  data: Uint8Array;
  /** The chunk's stored CRC-32 matches its type and data (false too when the file ends inside the chunk). */
  crcOk: () => boolean;
}

/** Lists the chunks up to IEND (CRCs are not checked). */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new RangeError('Not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    const at = offset;
    chunks.push({
      type, data: bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + length)),
      crcOk: () => at + 12 + length <= bytes.length && crc32(bytes.subarray(at + 4, at + 8 + length)) === view.getUint32(at + 8 + length),
    });
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return chunks;
}

/** A PNG's chunks checked and its image data inflated and checked, not yet unfiltered (steps 1–2). */
interface PngData {
  header: PngHeader;
  samples: number;
  bitsPerPixel: number;
  passes: readonly (readonly [number, number, number, number])[];
  palette?: Uint8Array;
  trns?: Uint8Array;
  /** Filtered scanlines, each led by its filter-type byte, pass after pass. */
  raw: Uint8Array;
}

/** Highest PNG row filter type (Paeth). */
const MAX_ROW_FILTER = 4;

function readPngData(bytes: Uint8Array, inflate: Inflate): PngData {
  const header = readPngHeader(bytes);
  const { widthPx, heightPx, bitDepth, colourType } = header;
  const samples = SAMPLES_PER_PIXEL[colourType];
  if (samples === undefined) throw new RangeError(`PNG colour type ${colourType} is not valid`);
  if (![1, 2, 4, 8, 16].includes(bitDepth)) throw new RangeError(`PNG bit depth ${bitDepth} is not valid`);
  if (widthPx === 0 || heightPx === 0) throw new RangeError(`PNG has no pixels (${widthPx} × ${heightPx})`);
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  for (const chunk of readPngChunks(bytes)) {
    const { type, data } = chunk;
    if (['IHDR', 'PLTE', 'tRNS', 'IDAT'].includes(type) && !chunk.crcOk()) throw new RangeError(`PNG is damaged: its ${type} chunk fails its checksum (CRC-32)`);
    if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
  }
  if (idat.length === 0) throw new RangeError('PNG file has no image data (IDAT)');
  if (colourType === 3 && !palette) throw new RangeError('Palette PNG has no PLTE chunk');
  const total = idat.reduce((n, c) => n + c.length, 0);
  const compressed = new Uint8Array(total);
  let at = 0;
  for (const c of idat) {
    compressed.set(c, at);
    at += c.length;
  }
  const bitsPerPixel = samples * bitDepth;
  const passes = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  let expectedBytes = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((widthPx - x0) / dx);
    const passHeight = Math.ceil((heightPx - y0) / dy);
    if (passWidth > 0 && passHeight > 0) expectedBytes += (1 + Math.ceil((passWidth * bitsPerPixel) / 8)) * passHeight;
  }
  let raw: Uint8Array;
  try {
    raw = inflate(compressed, expectedBytes);
  } catch (err) {
    if (err instanceof RangeError) throw new RangeError('PNG image data holds more pixels than its header says', { cause: err });
    throw new RangeError(`PNG image data is damaged (${(err as Error).message})`, { cause: err });
  }
  if (raw.length < expectedBytes) throw new RangeError('PNG image data is truncated');
  // Every scanline's filter type must be one PNG defines: with that, unfiltering cannot fail.
  let rowAt = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((widthPx - x0) / dx);
    const passHeight = Math.ceil((heightPx - y0) / dy);
    if (passWidth <= 0 || passHeight <= 0) continue;
    const rowBytes = 1 + Math.ceil((passWidth * bitsPerPixel) / 8);
    for (let y = 0; y < passHeight; y++, rowAt += rowBytes) {
      if (raw[rowAt] > MAX_ROW_FILTER) throw new RangeError(`PNG row filter ${raw[rowAt]} is not valid`);
    }
  }
  return { header, samples, bitsPerPixel, passes, ...(palette ? { palette } : {}), ...(trns ? { trns } : {}), raw };
}

/**
 * Checks a PNG as `decodePng` would read it (`inflate`: the host's zlib, default fflate) — chunk checksums, image data inflating to exactly the size its header
 * implies, valid row filters — without expanding its pixels (for PNGs export passes through).
 * @returns the header
 * @throws RangeError for malformed or damaged files, naming the problem
 */
export function checkPngData(bytes: Uint8Array, inflate: Inflate = inflateWithFflate): PngHeader {
  return readPngData(bytes, inflate).header;
}

/**
 * Decodes a PNG to 8-bit grey or RGB samples plus alpha (`inflate`: the host's zlib, default fflate).
 * @throws RangeError for malformed or unsupported files, naming the problem
 */
export function decodePng(bytes: Uint8Array, inflate: Inflate = inflateWithFflate): DecodedPng {
  const { header, samples, bitsPerPixel, passes, palette, trns, raw } = readPngData(bytes, inflate);
  const { widthPx, heightPx, bitDepth, colourType } = header;

  const channels: 1 | 3 = colourType === 0 || colourType === 4 ? 1 : 3;
  const hasAlpha = colourType === 4 || colourType === 6 || trns !== undefined;
  const pixels = new Uint8Array(widthPx * heightPx * channels);
  const alpha = hasAlpha ? new Uint8Array(widthPx * heightPx).fill(255) : undefined;
  const filterBpp = Math.max(1, bitsPerPixel >> 3);
  let rawOffset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((widthPx - x0) / dx);
    const passHeight = Math.ceil((heightPx - y0) / dy);
    if (passWidth <= 0 || passHeight <= 0) continue;
    const rowBytes = Math.ceil((passWidth * bitsPerPixel) / 8);
    let prev = new Uint8Array(rowBytes);
    for (let py = 0; py < passHeight; py++) {
      if (rawOffset + 1 + rowBytes > raw.length) throw new RangeError('PNG image data is truncated');
      const filter = raw[rawOffset];
      const row = raw.slice(rawOffset + 1, rawOffset + 1 + rowBytes);
      rawOffset += 1 + rowBytes;
      unfilterRow(filter, row, prev, filterBpp);
      const y = y0 + py * dy;
      for (let px = 0; px < passWidth; px++) {
        const x = x0 + px * dx;
        writePixel(row, px, x + y * widthPx);
      }
      prev = row;
    }
  }
  return { widthPx, heightPx, channels, pixels, ...(alpha ? { alpha } : {}) };

  function sampleAt(row: Uint8Array, index: number): number {
    if (bitDepth === 8) return row[index];
    if (bitDepth === 16) return row[index * 2];
    const perByte = 8 / bitDepth;
    const byte = row[Math.floor(index / perByte)];
    const shift = 8 - bitDepth * ((index % perByte) + 1);
    return (byte >> shift) & ((1 << bitDepth) - 1);
  }

  function rawSampleAt(row: Uint8Array, index: number): number {
    // Full-precision sample value (for tRNS comparison).
    if (bitDepth === 16) return (row[index * 2] << 8) | row[index * 2 + 1];
    return sampleAt(row, index);
  }

  function scaleTo8(v: number): number {
    if (bitDepth >= 8) return v;
    return Math.round((v * 255) / ((1 << bitDepth) - 1));
  }

  function writePixel(row: Uint8Array, px: number, target: number): void {
    const s = px * samples;
    if (colourType === 3) {
      const index = sampleAt(row, s);
      const p = palette as Uint8Array;
      pixels[target * 3] = p[index * 3];
      pixels[target * 3 + 1] = p[index * 3 + 1];
      pixels[target * 3 + 2] = p[index * 3 + 2];
      if (alpha && trns) alpha[target] = index < trns.length ? trns[index] : 255;
      return;
    }
    if (channels === 1) {
      pixels[target] = scaleTo8(sampleAt(row, s));
      if (alpha) {
        if (colourType === 4) alpha[target] = sampleAt(row, s + 1);
        else if (trns && trns.length >= 2 && rawSampleAt(row, s) === ((trns[0] << 8) | trns[1])) alpha[target] = 0;
      }
      return;
    }
    pixels[target * 3] = sampleAt(row, s);
    pixels[target * 3 + 1] = sampleAt(row, s + 1);
    pixels[target * 3 + 2] = sampleAt(row, s + 2);
    if (alpha) {
      if (colourType === 6) alpha[target] = sampleAt(row, s + 3);
      else if (trns && trns.length >= 6) {
        const key = [(trns[0] << 8) | trns[1], (trns[2] << 8) | trns[3], (trns[4] << 8) | trns[5]];
        if (rawSampleAt(row, s) === key[0] && rawSampleAt(row, s + 1) === key[1] && rawSampleAt(row, s + 2) === key[2]) alpha[target] = 0;
      }
    }
  }
}

function unfilterRow(filter: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < row.length; i++) row[i] = (row[i] + row[i - bpp]) & 0xff;
      return;
    case 2:
      for (let i = 0; i < row.length; i++) row[i] = (row[i] + prev[i]) & 0xff;
      return;
    case 3:
      for (let i = 0; i < row.length; i++) row[i] = (row[i] + (((i >= bpp ? row[i - bpp] : 0) + prev[i]) >> 1)) & 0xff;
      return;
    case 4:
      for (let i = 0; i < row.length; i++) {
        const a = i >= bpp ? row[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        row[i] = (row[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default:
      throw new RangeError(`PNG row filter ${filter} is not valid`);
  }
}
