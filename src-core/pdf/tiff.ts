/**
 * A bounded TIFF reader for placed pictures: the kinds newsroom scanners and image editors write (baseline strips,
 * 8 bits per sample; uncompressed, LZW or Deflate; RGB, CMYK or grey), refusing every other kind by name.
 *
 * 1. Header: byte order (`II`/`MM`), magic 42 (BigTIFF, 43, is refused), the first IFD only (a file's further pages
 *    and thumbnails are ignored). Each tag's values are read within the file; counts are capped by the picture's
 *    height, so a hostile header cannot make us allocate or loop beyond the bytes it came in.
 * 2. Kind: photometric 2 (RGB), 5 with ink set CMYK (CMYK), 1/0 (grey, black or white is zero); 8 bits per sample,
 *    chunky (interleaved) samples, strips not tiles; an alpha extra sample is flattened onto paper white, other
 *    extra samples (Photoshop's spare channels) are dropped. Anything else gets a one-line `RangeError` naming it.
 * 3. Strips: each must lie inside the file. Uncompressed strips are copied, LZW strips decoded here (TIFF 6 §13,
 *    codes MSB first, the early width change, a bounded 4096-entry table: corrupt codes are an error, never a read
 *    past the table), Deflate strips (8 and the old 32946) inflated with the host's bounded inflate. Each strip
 *    must give exactly the rows it holds: a truncated file is an error, never a picture padded with black.
 * 4. Horizontal differencing (predictor 2) is undone per row; then alpha is flattened and white-is-zero inverted.
 *
 * The `utif2` package reads more kinds, but follows IFD chains and LZW tables without bounds (a looped chain or a
 * corrupt code never returns), so the tests use it only as an independent reference for what we decode.
 */
import type { Inflate } from './flate.js';

/** Colour model of a TIFF we can place. */
export type TiffColour = 'rgb' | 'cmyk' | 'grey';

/** What the first IFD says, checked to be a kind we decode. */
export interface TiffHeader {
  widthPx: number;
  heightPx: number;
  colour: TiffColour;
  /** Samples per pixel of the colour model alone (3, 4 or 1). */
  colourSamples: number;
  /** Samples per pixel as stored, extra samples included. */
  samplesPerPixel: number;
  /** Index of the alpha sample within a pixel, when an extra sample is alpha. */
  alphaSample?: number;
  /** Whether alpha is premultiplied (extra sample 1) rather than unassociated (2). */
  alphaPremultiplied: boolean;
  compression: 'none' | 'lzw' | 'deflate';
  /** Predictor 2: each sample stored as the difference from the same sample of the pixel to its left. */
  horizontalDifferencing: boolean;
  whiteIsZero: boolean;
  rowsPerStrip: number;
  stripOffsets: number[];
  stripByteCounts: number[];
}

/** Decoded TIFF pixels, 8 bits per sample, rows top to bottom, alpha flattened onto paper white. */
export interface DecodedTiff {
  widthPx: number;
  heightPx: number;
  colour: TiffColour;
  /** widthPx × heightPx × (3 RGB, 4 CMYK, 1 grey) samples; CMYK 255 = full ink, grey 255 = white. */
  pixels: Uint8Array;
}

/** TIFF tag numbers read here (TIFF 6.0 §8, §13, §14; ink set and extra samples §16, §18). */
const TAG = {
  width: 256, height: 257, bitsPerSample: 258, compression: 259, photometric: 262, fillOrder: 266,
  stripOffsets: 273, samplesPerPixel: 277, rowsPerStrip: 278, stripByteCounts: 279, planar: 284,
  predictor: 317, tileWidth: 322, inkSet: 332, extraSamples: 338, sampleFormat: 339,
} as const;
/** Byte size of one value per TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE). */
const TYPE_BYTES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };
/** Bytes of an IFD entry and of the header before the first IFD offset. */
const IFD_ENTRY_BYTES = 12;
const HEADER_BYTES = 8;
/** Compression codes: none, LZW, Adobe Deflate, old Deflate; the JPEG ones are named in the refusal. */
const COMPRESSION: Record<number, TiffHeader['compression']> = { 1: 'none', 5: 'lzw', 8: 'deflate', 32946: 'deflate' };
const COMPRESSION_NAMES: Record<number, string> = {
  2: 'CCITT fax', 3: 'CCITT fax', 4: 'CCITT fax', 6: 'old-style JPEG', 7: 'JPEG', 32773: 'PackBits', 34712: 'JPEG 2000', 50000: 'Zstandard', 50001: 'WebP',
};
/** Photometric interpretations we decode, and the names of those we refuse. */
const PHOTOMETRIC = { whiteIsZero: 0, blackIsZero: 1, rgb: 2, palette: 3, separated: 5 } as const;
const PHOTOMETRIC_NAMES: Record<number, string> = { 3: 'palette (indexed colour)', 4: 'transparency mask', 6: 'YCbCr', 8: 'CIE Lab', 9: 'ICC Lab', 10: 'ITU Lab' };
/** Extra-sample meanings: premultiplied and unassociated alpha. */
const EXTRA_ASSOCIATED_ALPHA = 1;
const EXTRA_UNASSOCIATED_ALPHA = 2;
/** LZW: the clear and end-of-information codes, the first free code, the widest code and the table size. */
const LZW_CLEAR = 256;
const LZW_EOI = 257;
const LZW_FIRST = 258;
const LZW_MAX_BITS = 12;
const LZW_TABLE_SIZE = 1 << LZW_MAX_BITS;
const LZW_MIN_BITS = 9;

/** True when the bytes start with a (classic or Big) TIFF header. */
export function isTiff(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const le = bytes[0] === 0x49 && bytes[1] === 0x49 && (bytes[2] === 42 || bytes[2] === 43) && bytes[3] === 0;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && (bytes[3] === 42 || bytes[3] === 43);
  return le || be;
}

/**
 * Reads and checks the first IFD.
 * @throws RangeError naming what is wrong or which kind of TIFF cannot be placed
 */
export function readTiffHeader(bytes: Uint8Array): TiffHeader {
  if (!isTiff(bytes) || bytes.length < HEADER_BYTES) throw new RangeError('it is not a TIFF file (bad header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  if (view.getUint16(2, le) === 43) throw new RangeError('it is a BigTIFF; save it as an ordinary TIFF (under 4 GB) to place it');
  const ifd = view.getUint32(4, le);
  if (ifd < HEADER_BYTES || ifd + 2 > bytes.length) throw new RangeError('its TIFF directory lies outside the file (the file is cut short or damaged)');
  const count = view.getUint16(ifd, le);
  if (ifd + 2 + count * IFD_ENTRY_BYTES > bytes.length) throw new RangeError('its TIFF directory is cut short');
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * IFD_ENTRY_BYTES;
    const tag = view.getUint16(at, le);
    if (!Object.values(TAG).includes(tag as never)) continue;
    tags.set(tag, readValues(view, le, at, bytes.length));
  }
  const one = (tag: number, fallback?: number): number => {
    const value = tags.get(tag)?.[0] ?? fallback;
    if (value === undefined) throw new RangeError(`its TIFF directory lacks tag ${tag}`);
    return value;
  };
  const widthPx = one(TAG.width);
  const heightPx = one(TAG.height);
  if (widthPx < 1 || heightPx < 1) throw new RangeError(`its TIFF size ${widthPx} × ${heightPx} pixels is empty`);
  const code = one(TAG.compression, 1);
  const compression = COMPRESSION[code];
  if (!compression) throw new RangeError(`it is a ${COMPRESSION_NAMES[code] ?? `compression ${code}`} TIFF; only uncompressed, LZW and Deflate TIFFs can be placed (save it as LZW)`);
  const samplesPerPixel = one(TAG.samplesPerPixel, 1);
  const bits = tags.get(TAG.bitsPerSample) ?? [1];
  const oddBits = bits.find((b) => b !== 8);
  if (oddBits !== undefined) throw new RangeError(`it is a ${oddBits}-bit TIFF; only 8 bits per sample can be placed (save it as 8-bit)`);
  if (one(TAG.sampleFormat, 1) !== 1) throw new RangeError('its TIFF samples are not unsigned integers (floating point or signed); save it as 8-bit');
  if (one(TAG.planar, 1) !== 1) throw new RangeError('its TIFF channels are stored as separate planes; save it with interleaved (chunky) channels');
  if (tags.has(TAG.tileWidth)) throw new RangeError('it is a tiled TIFF; save it with strips (the usual layout) to place it');
  if (one(TAG.fillOrder, 1) !== 1) throw new RangeError('its TIFF bits are stored in reverse fill order; save it again without that option');
  const predictor = one(TAG.predictor, 1);
  if (predictor !== 1 && predictor !== 2) throw new RangeError('its TIFF uses the floating-point predictor; save it as 8-bit');
  const photometric = one(TAG.photometric);
  let colour: TiffColour;
  let colourSamples: number;
  if (photometric === PHOTOMETRIC.rgb) [colour, colourSamples] = ['rgb', 3];
  else if (photometric === PHOTOMETRIC.separated) {
    if (one(TAG.inkSet, 1) !== 1) throw new RangeError('its TIFF inks are not CMYK (a multi-ink separation); save it as CMYK');
    [colour, colourSamples] = ['cmyk', 4];
  } else if (photometric === PHOTOMETRIC.blackIsZero || photometric === PHOTOMETRIC.whiteIsZero) [colour, colourSamples] = ['grey', 1];
  else throw new RangeError(`it is a ${PHOTOMETRIC_NAMES[photometric] ?? `photometric ${photometric}`} TIFF; only RGB, CMYK and greyscale TIFFs can be placed`);
  if (samplesPerPixel < colourSamples) throw new RangeError(`its TIFF has ${samplesPerPixel} samples per pixel, fewer than ${colour.toUpperCase()} needs`);
  const extras = tags.get(TAG.extraSamples) ?? [];
  const alphaIndex = extras.findIndex((e) => e === EXTRA_ASSOCIATED_ALPHA || e === EXTRA_UNASSOCIATED_ALPHA);
  const rowsPerStrip = Math.min(one(TAG.rowsPerStrip, heightPx), heightPx);
  if (rowsPerStrip < 1) throw new RangeError('its TIFF says a strip holds no rows');
  const stripCount = Math.ceil(heightPx / rowsPerStrip);
  const stripOffsets = tags.get(TAG.stripOffsets) ?? [];
  if (stripOffsets.length !== stripCount) throw new RangeError(`its TIFF lists ${stripOffsets.length} strips where its size needs ${stripCount}`);
  const rowBytes = widthPx * samplesPerPixel;
  const stripByteCounts = tags.get(TAG.stripByteCounts)
    ?? (compression === 'none' && stripCount === 1 ? [rowBytes * heightPx] : undefined);
  if (!stripByteCounts || stripByteCounts.length !== stripCount) throw new RangeError('its TIFF strip sizes are missing or do not match its strips');
  for (let i = 0; i < stripCount; i++) {
    if (stripOffsets[i]! + stripByteCounts[i]! > bytes.length) throw new RangeError(`its TIFF strip ${i + 1} of ${stripCount} lies beyond the end of the file (the file is cut short)`);
  }
  return {
    widthPx, heightPx, colour, colourSamples, samplesPerPixel,
    ...(alphaIndex >= 0 && colourSamples + alphaIndex < samplesPerPixel ? { alphaSample: colourSamples + alphaIndex } : {}),
    alphaPremultiplied: extras[alphaIndex] === EXTRA_ASSOCIATED_ALPHA,
    compression, horizontalDifferencing: predictor === 2, whiteIsZero: photometric === PHOTOMETRIC.whiteIsZero,
    rowsPerStrip, stripOffsets, stripByteCounts,
  };
}

/** The values of one IFD entry, as numbers (rationals as their numerator; only integer tags are used). */
function readValues(view: DataView, le: boolean, entryAt: number, fileBytes: number): number[] {
  const type = view.getUint16(entryAt + 2, le);
  const count = view.getUint32(entryAt + 4, le);
  const size = TYPE_BYTES[type];
  if (!size) throw new RangeError(`its TIFF directory has an entry of unknown type ${type}`);
  const total = size * count;
  const at = total <= 4 ? entryAt + 8 : view.getUint32(entryAt + 8, le);
  if (at + total > fileBytes) throw new RangeError('a TIFF tag\'s values lie beyond the end of the file (the file is cut short)');
  const out: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const p = at + i * size;
    out[i] = size === 1 ? view.getUint8(p) : size === 2 ? view.getUint16(p, le) : view.getUint32(p, le);
  }
  return out;
}

/**
 * Decodes the first picture of a TIFF (see the module summary for the kinds). The caller checks the pixel cap
 * against `readTiffHeader` first.
 * @throws RangeError saying what is wrong with the file
 */
export function decodeTiff(bytes: Uint8Array, inflate: Inflate, header: TiffHeader = readTiffHeader(bytes)): DecodedTiff {
  const { widthPx, heightPx, samplesPerPixel, rowsPerStrip } = header;
  const rowBytes = widthPx * samplesPerPixel;
  const raw = new Uint8Array(rowBytes * heightPx);
  for (let i = 0; i < header.stripOffsets.length; i++) {
    const rows = Math.min(rowsPerStrip, heightPx - i * rowsPerStrip);
    const expected = rows * rowBytes;
    const offset = header.stripOffsets[i]!;
    const data = bytes.subarray(offset, offset + header.stripByteCounts[i]!);
    const target = raw.subarray(i * rowsPerStrip * rowBytes, i * rowsPerStrip * rowBytes + expected);
    const where = `strip ${i + 1} of ${header.stripOffsets.length}`;
    let got: number;
    if (header.compression === 'none') {
      got = Math.min(data.length, expected);
      target.set(data.subarray(0, got));
    } else if (header.compression === 'lzw') got = decodeLzw(data, target, where);
    else {
      let inflated: Uint8Array;
      try {
        inflated = inflate(data, expected);
      } catch (err) {
        throw new RangeError(`its TIFF ${where} cannot be inflated (${(err as Error).message})`, { cause: err });
      }
      got = inflated.length;
      target.set(inflated.subarray(0, expected));
    }
    if (got < expected) throw new RangeError(`its TIFF ${where} holds ${got} of its ${expected} bytes (the file is cut short or damaged)`);
  }
  if (header.horizontalDifferencing) undoDifferencing(raw, widthPx, heightPx, samplesPerPixel);
  return { widthPx, heightPx, colour: header.colour, pixels: toColourSamples(raw, header) };
}

/** Predictor 2: each sample was stored as the difference from the same sample one pixel to the left. */
function undoDifferencing(raw: Uint8Array, widthPx: number, heightPx: number, spp: number): void {
  const rowBytes = widthPx * spp;
  for (let y = 0; y < heightPx; y++) {
    const row = y * rowBytes;
    for (let i = spp; i < rowBytes; i++) raw[row + i] = (raw[row + i]! + raw[row + i - spp]!) & 0xff;
  }
}

/** Drops extra samples, flattens alpha onto paper white and inverts white-is-zero grey. */
function toColourSamples(raw: Uint8Array, header: TiffHeader): Uint8Array {
  const { colourSamples: n, samplesPerPixel: spp, alphaSample, alphaPremultiplied, colour } = header;
  const count = header.widthPx * header.heightPx;
  if (spp === n && !header.whiteIsZero) return raw;
  const out = new Uint8Array(count * n);
  for (let p = 0; p < count; p++) {
    const a = alphaSample === undefined ? 255 : raw[p * spp + alphaSample]!;
    for (let c = 0; c < n; c++) {
      let v = raw[p * spp + c]!;
      if (header.whiteIsZero) v = 255 - v;
      if (a < 255) {
        // Paper white is no ink in CMYK and full value in RGB and grey.
        const straight = alphaPremultiplied && a > 0 ? Math.min(255, (v * 255) / a) : v;
        v = colour === 'cmyk' ? Math.round((straight * a) / 255) : Math.round((straight * a) / 255 + 255 - a);
      }
      out[p * n + c] = v;
    }
  }
  return out;
}

/**
 * Decodes one LZW strip into `target` (TIFF 6 §13: codes MSB first, 9 to 12 bits, the width growing one code early).
 * @returns the number of bytes written (at most `target.length`)
 * @throws RangeError for a code the table does not hold yet
 */
export function decodeLzw(data: Uint8Array, target: Uint8Array, where = 'strip'): number {
  const prefix = new Int16Array(LZW_TABLE_SIZE);
  const suffix = new Uint8Array(LZW_TABLE_SIZE);
  const first = new Uint8Array(LZW_TABLE_SIZE);
  const length = new Uint16Array(LZW_TABLE_SIZE);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let next = LZW_FIRST;
  let width = LZW_MIN_BITS;
  let old = -1;
  let out = 0;
  let bitPos = 0;
  const totalBits = data.length * 8;
  const emit = (code: number): void => {
    const len = length[code]!;
    let at = out + len - 1;
    for (let c = code; c >= 0; c = prefix[c]!) {
      if (at < target.length) target[at] = suffix[c]!;
      at--;
    }
    out = Math.min(target.length, out + len);
  };
  const add = (p: number, c: number): void => {
    if (next < LZW_TABLE_SIZE) {
      prefix[next] = p;
      suffix[next] = c;
      first[next] = first[p]!;
      length[next] = length[p]! + 1;
      next++;
    }
    if (next >= (1 << width) - 1 && width < LZW_MAX_BITS) width++;
  };
  while (out < target.length && bitPos + width <= totalBits) {
    let code = 0;
    for (let b = 0; b < width; b++, bitPos++) code = (code << 1) | ((data[bitPos >> 3]! >> (7 - (bitPos & 7))) & 1);
    if (code === LZW_EOI) break;
    if (code === LZW_CLEAR) {
      next = LZW_FIRST;
      width = LZW_MIN_BITS;
      old = -1;
      continue;
    }
    if (old < 0) {
      if (code > 255) throw new RangeError(`its TIFF ${where} has a damaged LZW code ${code} after a clear code`);
      emit(code);
    } else if (code < next) {
      emit(code);
      add(old, first[code]!);
    } else if (code === next) {
      add(old, first[old]!);
      emit(code);
    } else throw new RangeError(`its TIFF ${where} has a damaged LZW code ${code} (the table holds ${next})`);
    old = code;
  }
  return out;
}

/**
 * CMYK samples (255 = full ink) as the RGB a plain PDF viewer shows for DeviceCMYK (PDF 32000 §10.4.2), for
 * turning a CMYK picture grey: R = (1 − C)(1 − K), likewise G from M and B from Y.
 */
export function cmykToRgbPixels(cmyk: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount * 3);
  for (let i = 0; i < pixelCount; i++) {
    const white = 255 - cmyk[i * 4 + 3]!;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.round(((255 - cmyk[i * 4 + c]!) * white) / 255);
  }
  return out;
}
