/**
 * Small TIFFs written by hand for the tests: one strip layout, the three compressions Folio places (none, LZW,
 * Deflate), RGB, CMYK or grey, either byte order, and the kinds it refuses (16-bit, palette, JPEG-in-TIFF).
 * The LZW encoder follows libtiff's (TIFF 6 §13: clear code first, the code width growing when the next free
 * code reaches 2^width, a clear before the table fills); utif2 decodes what it writes as a cross-check.
 */
import { zlibSync } from 'fflate';

/** What to write. */
export interface TiffSpec {
  widthPx: number;
  heightPx: number;
  /** 2 RGB, 5 CMYK (separated), 1 grey black-is-zero, 0 white-is-zero, 3 palette. */
  photometric: number;
  samplesPerPixel: number;
  /** Samples as stored (before any predictor), widthPx × heightPx × samplesPerPixel × bytes per sample. */
  samples: Uint8Array;
  compression?: 'none' | 'lzw' | 'deflate' | 'jpeg';
  bitsPerSample?: number;
  rowsPerStrip?: number;
  littleEndian?: boolean;
  /** Write with predictor 2 (horizontal differencing). */
  predictor?: boolean;
  /** ExtraSamples values (1 premultiplied alpha, 2 unassociated alpha, 0 unspecified). */
  extraSamples?: number[];
}

const COMPRESSION_CODE = { none: 1, lzw: 5, deflate: 8, jpeg: 7 } as const;

/** TIFF 6 LZW as libtiff writes it. */
export function encodeLzw(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let accBits = 0;
  let width = 9;
  const put = (code: number): void => {
    acc = (acc << width) | code;
    accBits += width;
    while (accBits >= 8) {
      out.push((acc >>> (accBits - 8)) & 0xff);
      accBits -= 8;
    }
    acc &= (1 << accBits) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  put(256);
  let w = '';
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (w === '' || table.has(wc) || wc.length === 1) {
      w = wc;
      continue;
    }
    put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    if (next === 4094) {
      put(256);
      table = new Map();
      next = 258;
      width = 9;
    } else if (next > (1 << width) - 1 && width < 12) width++;
    w = String.fromCharCode(byte);
  }
  if (w !== '') {
    put(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    // The decoder grows its table on this code too: the end code follows at the width it then expects.
    next++;
    if (next > (1 << width) - 1 && width < 12) width++;
  }
  put(257);
  if (accBits > 0) out.push((acc << (8 - accBits)) & 0xff);
  return Uint8Array.from(out);
}

/** A one-IFD TIFF of `spec`, its strips after the directory. */
export function encodeTiff(spec: TiffSpec): Uint8Array {
  const le = spec.littleEndian ?? true;
  const bits = spec.bitsPerSample ?? 8;
  const spp = spec.samplesPerPixel;
  const rowBytes = (spec.widthPx * spp * bits) / 8;
  const rowsPerStrip = spec.rowsPerStrip ?? spec.heightPx;
  const compression = spec.compression ?? 'none';
  const strips: Uint8Array[] = [];
  for (let y = 0; y < spec.heightPx; y += rowsPerStrip) {
    const rows = Math.min(rowsPerStrip, spec.heightPx - y);
    const raw = spec.samples.slice(y * rowBytes, (y + rows) * rowBytes);
    if (spec.predictor) {
      for (let r = 0; r < rows; r++) {
        for (let i = rowBytes - 1; i >= spp; i--) raw[r * rowBytes + i] = (raw[r * rowBytes + i]! - raw[r * rowBytes + i - spp]!) & 0xff;
      }
    }
    strips.push(compression === 'lzw' ? encodeLzw(raw) : compression === 'deflate' ? zlibSync(raw) : raw);
  }
  const entries: [number, number, number[]][] = [
    [256, 4, [spec.widthPx]],
    [257, 4, [spec.heightPx]],
    [258, 3, Array<number>(spp).fill(bits)],
    [259, 3, [COMPRESSION_CODE[compression]]],
    [262, 3, [spec.photometric]],
    [273, 4, strips.map(() => 0)],
    [277, 3, [spp]],
    [278, 4, [rowsPerStrip]],
    [279, 4, strips.map((s) => s.length)],
    [284, 3, [1]],
  ];
  if (spec.predictor) entries.push([317, 3, [2]]);
  if (spec.extraSamples) entries.push([338, 3, spec.extraSamples]);
  entries.sort((a, b) => a[0] - b[0]);
  const ifdBytes = 2 + entries.length * 12 + 4;
  // Values longer than 4 bytes go after the directory, then the strips.
  let extra = 8 + ifdBytes;
  const extraAt = new Map<number, number>();
  for (const [tag, type, values] of entries) {
    const size = values.length * (type === 3 ? 2 : 4);
    if (size > 4) {
      extraAt.set(tag, extra);
      extra += size;
    }
  }
  let stripAt = extra;
  const offsets = strips.map((s) => {
    const at = stripAt;
    stripAt += s.length;
    return at;
  });
  entries.find((e) => e[0] === 273)![2] = offsets;
  const out = new Uint8Array(stripAt);
  const view = new DataView(out.buffer);
  out.set(le ? [0x49, 0x49, 42, 0] : [0x4d, 0x4d, 0, 42]);
  view.setUint32(4, 8, le);
  view.setUint16(8, entries.length, le);
  entries.forEach(([tag, type, values], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, le);
    view.setUint16(at + 2, type, le);
    view.setUint32(at + 4, values.length, le);
    const valueAt = extraAt.get(tag) ?? at + 8;
    if (extraAt.has(tag)) view.setUint32(at + 8, valueAt, le);
    values.forEach((v, j) => (type === 3 ? view.setUint16(valueAt + j * 2, v, le) : view.setUint32(valueAt + j * 4, v, le)));
  });
  strips.forEach((s, i) => out.set(s, offsets[i]!));
  return out;
}

/** Samples of a picture whose left half is `left` and right half `right` (one value per sample of a pixel). */
export function twoHalves(widthPx: number, heightPx: number, left: number[], right: number[]): Uint8Array {
  const spp = left.length;
  const out = new Uint8Array(widthPx * heightPx * spp);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) out.set(x < widthPx / 2 ? left : right, (y * widthPx + x) * spp);
  }
  return out;
}

/** Samples with some texture (a diagonal gradient per channel), so LZW and the predictor have real work. */
export function gradient(widthPx: number, heightPx: number, spp: number): Uint8Array {
  const out = new Uint8Array(widthPx * heightPx * spp);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) {
      for (let c = 0; c < spp; c++) out[(y * widthPx + x) * spp + c] = (x * 7 + y * 3 + c * 50) & 0xff;
    }
  }
  return out;
}
