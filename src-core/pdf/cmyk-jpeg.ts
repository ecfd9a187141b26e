/**
 * A baseline JPEG encoder for CMYK (and grey) pictures: how a separated photo stays a JPEG in a print PDF (DCTDecode)
 * instead of growing ten- to twentyfold as Flate. jpeg-js, which decodes our pictures, encodes only YCbCr;
 * this follows its encoder's structure (ITU-T T.81, baseline sequential) for four components.
 *
 * 1. Tables: the T.81 Annex K.1 luminance quantisation table scaled by quality (the IJG scaling every JPEG
 *    tool uses), one table for all four inks: no plate is chroma, each carries full detail. The Annex K.3
 *    standard luminance DC and AC Huffman tables, likewise shared.
 * 2. Headers: SOI, APP14 "Adobe" (version 100, transform 0: the samples are CMYK, no colour transform), DQT,
 *    SOF0 (8 bits, 4 components, 1 × 1 sampling: no subsampling), DHT, SOS (one interleaved scan).
 * 3. Blocks: each 8 × 8 block of each ink, the picture's edge pixels repeated to fill the last row and column
 *    of blocks, stored inverted as Photoshop does (255 − ink: readers treat Adobe CMYK JPEGs so), level-shifted
 *    by −128, transformed by the forward DCT (Arai–Agui–Nakajima, floating point, as IJG's jfdctflt) and
 *    quantised, the AAN scale factors folded into the quantiser.
 * 4. Entropy coding: the DC difference from the previous block of the same ink, then AC run lengths in zigzag
 *    order (ZRL for 16 zeros, EOB), each as Huffman code plus magnitude bits; 0xFF bytes are stuffed with 0x00
 *    and the last byte padded with 1-bits before EOI.
 *
 * In a PDF the stream needs `/Decode [1 0 1 0 1 0 1 0]` (the samples are inverted), as every Adobe CMYK JPEG.
 */

/** Components of a CMYK JPEG. */
const CMYK_COMPONENTS = 4;
/** Samples per block side. */
const BLOCK = 8;
/** Coefficients per block. */
const BLOCK_SIZE = BLOCK * BLOCK;
/** Largest quantiser step a baseline (8-bit table) DQT holds. */
const MAX_QUANT_STEP = 255;
/** Largest AC magnitude baseline Huffman tables code (size category 10, T.81 F.1.2.2); only quality ≈ 100 reaches it. */
const MAX_AC = 1023;
/** JPEG's largest frame side, pixels (16-bit fields in SOF0). */
const MAX_SIDE_PX = 0xffff;

/** T.81 Annex K.1 Table K.1: luminance quantisation, in natural (row-major) order. */
const LUMINANCE_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61,
  12, 12, 14, 19, 26, 58, 60, 55,
  14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77,
  24, 35, 55, 64, 81, 104, 113, 92,
  49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];

/** Zigzag position → natural (row-major) index (T.81 Figure A.6). */
const ZIGZAG_TO_NATURAL = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
  12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
  58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** T.81 Table K.3: luminance DC code lengths (count of codes of length 1…16) and symbols. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** T.81 Table K.5: luminance AC code lengths and symbols (run << 4 | size). */
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
  0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
  0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
  0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
  0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
  0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
  0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
  0xf9, 0xfa,
];
/** AC symbols with a meaning of their own: end of block, and a run of 16 zeros. */
const EOB = 0x00;
const ZRL = 0xf0;

/** AAN scale factors: cos(k·π/16)·√2 for k ≥ 1, 1 for k = 0 (IJG jfdctflt). */
const AAN_SCALE = [1.0, 1.387039845, 1.306562965, 1.175875602, 1.0, 0.785694958, 0.5411961, 0.275899379];

/** One Huffman code per symbol: `code` in its low `length` bits; length 0 = symbol absent. */
interface HuffmanCodes {
  code: Uint16Array;
  length: Uint8Array;
}

/** Canonical Huffman codes from a BITS/HUFFVAL pair (T.81 Annex C). */
function buildHuffmanCodes(bits: readonly number[], values: readonly number[]): HuffmanCodes {
  const code = new Uint16Array(256);
  const length = new Uint8Array(256);
  let next = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]!; i++) {
      code[values[k]!] = next++;
      length[values[k]!] = len;
      k++;
    }
    next <<= 1;
  }
  return { code, length };
}

/** Tables that depend on quality: the DQT entries (zigzag order) and the DCT-domain divisors (natural order). */
function buildQuantisation(quality: number): { dqtZigzag: Uint8Array; divisor: Float64Array } {
  // IJG's jcparam.c scaling: quality 50 is the table as printed, 100 all ones.
  const scalePct = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
  const step = LUMINANCE_QUANT.map((q) => Math.min(MAX_QUANT_STEP, Math.max(1, Math.floor((q * scalePct + 50) / 100))));
  const dqtZigzag = Uint8Array.from(ZIGZAG_TO_NATURAL, (natural) => step[natural]!);
  const divisor = new Float64Array(BLOCK_SIZE);
  for (let row = 0; row < BLOCK; row++) {
    for (let col = 0; col < BLOCK; col++) {
      const i = row * BLOCK + col;
      // The AAN transform leaves each coefficient scaled by AAN_SCALE[row]·AAN_SCALE[col]·8.
      divisor[i] = 1 / (step[i]! * AAN_SCALE[row]! * AAN_SCALE[col]! * BLOCK);
    }
  }
  return { dqtZigzag, divisor };
}

/** Forward DCT of one 8 × 8 block in place (AAN, floating point; output scaled as `buildQuantisation` expects). */
function forwardDct(d: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    // Rows first (stride 1 within a row, 8 between rows), then columns.
    const step = pass === 0 ? 1 : BLOCK;
    const next = pass === 0 ? BLOCK : 1;
    for (let line = 0, o = 0; line < BLOCK; line++, o += next) {
      const i0 = o, i1 = o + step, i2 = o + 2 * step, i3 = o + 3 * step, i4 = o + 4 * step, i5 = o + 5 * step, i6 = o + 6 * step, i7 = o + 7 * step;
      const t0 = d[i0]! + d[i7]!, t7 = d[i0]! - d[i7]!;
      const t1 = d[i1]! + d[i6]!, t6 = d[i1]! - d[i6]!;
      const t2 = d[i2]! + d[i5]!, t5 = d[i2]! - d[i5]!;
      const t3 = d[i3]! + d[i4]!, t4 = d[i3]! - d[i4]!;
      // Even part.
      const t10 = t0 + t3, t13 = t0 - t3, t11 = t1 + t2, t12 = t1 - t2;
      d[i0] = t10 + t11;
      d[i4] = t10 - t11;
      const z1 = (t12 + t13) * 0.707106781;
      d[i2] = t13 + z1;
      d[i6] = t13 - z1;
      // Odd part.
      const u10 = t4 + t5, u11 = t5 + t6, u12 = t6 + t7;
      const z5 = (u10 - u12) * 0.382683433;
      const z2 = 0.5411961 * u10 + z5;
      const z4 = 1.306562965 * u12 + z5;
      const z3 = u11 * 0.707106781;
      const z11 = t7 + z3, z13 = t7 - z3;
      d[i5] = z13 + z2;
      d[i3] = z13 - z2;
      d[i1] = z11 + z4;
      d[i7] = z11 - z4;
    }
  }
}

/** Bit writer for the entropy-coded segment, with 0xFF byte stuffing. */
class BitWriter {
  private bytes: Uint8Array;
  private at = 0;
  private acc = 0;
  private count = 0;

  constructor(initialBytes: number) {
    this.bytes = new Uint8Array(Math.max(1024, initialBytes));
  }

  byte(value: number): void {
    if (this.at === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.at++] = value;
  }

  raw(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.byte(values[i]!);
  }

  /** Writes the low `length` bits of `value`, most significant first (length ≤ 16). */
  bits(value: number, length: number): void {
    this.acc = (this.acc << length) | (value & ((1 << length) - 1));
    this.count += length;
    while (this.count >= 8) {
      this.count -= 8;
      const b = (this.acc >> this.count) & 0xff;
      this.byte(b);
      if (b === 0xff) this.byte(0x00);
    }
    this.acc &= (1 << this.count) - 1;
  }

  /** Pads the last byte with 1-bits (T.81 F.1.2.3). */
  flush(): void {
    if (this.count > 0) this.bits(0xff, 8 - this.count);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

/** Bits needed for a coefficient's magnitude: its JPEG size category (0 for 0). */
function category(value: number): number {
  let a = value < 0 ? -value : value;
  let n = 0;
  while (a > 0) {
    n++;
    a >>= 1;
  }
  return n;
}

/** A marker segment: marker, 16-bit length (counting itself), body. */
function segment(out: BitWriter, marker: number, body: readonly number[]): void {
  out.raw([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  out.raw(body);
}

/**
 * Encodes CMYK pixels as an Adobe CMYK baseline JPEG (4 components, no subsampling, samples stored inverted).
 * @param cmyk ink amounts, 4 samples per pixel in C, M, Y, K order, row by row; 255 = 100 % ink
 * @param widthPx picture width, 1–65535 pixels
 * @param heightPx picture height, 1–65535 pixels
 * @param quality 1–100, IJG scale (100: every quantiser step 1)
 * @returns the JPEG file's bytes
 * @throws RangeError when the sizes or sample count do not fit
 */
export function encodeCmykJpeg(cmyk: Uint8Array, widthPx: number, heightPx: number, quality: number): Uint8Array {
  // Stored inverted (255 − ink), as Photoshop stores Adobe CMYK JPEGs.
  return encodeBaselineJpeg(cmyk, widthPx, heightPx, quality, CMYK_COMPONENTS, (ink) => 255 - ink);
}

/**
 * Encodes grey pixels as a one-component baseline JPEG (a DeviceGray picture: a black-and-white page's photo on
 * the K plate alone).
 * @param grey brightness, 1 sample per pixel, row by row; 0 = black, 255 = paper
 * @param widthPx picture width, 1–65535 pixels
 * @param heightPx picture height, 1–65535 pixels
 * @param quality 1–100, IJG scale
 * @returns the JPEG file's bytes
 * @throws RangeError when the sizes or sample count do not fit
 */
export function encodeGreyJpeg(grey: Uint8Array, widthPx: number, heightPx: number, quality: number): Uint8Array {
  return encodeBaselineJpeg(grey, widthPx, heightPx, quality, 1, (sample) => sample);
}

function encodeBaselineJpeg(samples: Uint8Array, widthPx: number, heightPx: number, quality: number, components: number, stored: (sample: number) => number): Uint8Array {
  if (!Number.isInteger(widthPx) || !Number.isInteger(heightPx) || widthPx < 1 || heightPx < 1 || widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX) {
    throw new RangeError(`A JPEG is 1–${MAX_SIDE_PX} pixels on each side, not ${widthPx} × ${heightPx}`);
  }
  if (samples.length !== widthPx * heightPx * components) {
    throw new RangeError(`${components === CMYK_COMPONENTS ? 'CMYK' : 'Grey'} pixels: expected ${widthPx * heightPx * components} samples for ${widthPx} × ${heightPx}, got ${samples.length}`);
  }
  if (!(quality >= 1 && quality <= 100)) throw new RangeError(`JPEG quality is 1–100, not ${quality}`);
  const { dqtZigzag, divisor } = buildQuantisation(Math.round(quality));
  const dc = buildHuffmanCodes(DC_BITS, DC_VALUES);
  const ac = buildHuffmanCodes(AC_BITS, AC_VALUES);

  // 2. Headers.
  // A guess at the output size (a quarter of the samples) so the writer rarely grows.
  const out = new BitWriter(samples.length >> 2);
  out.raw([0xff, 0xd8]);
  // "Adobe", version 100, flags 0 0, transform 0: CMYK samples, no colour transform (grey needs no marker).
  if (components === CMYK_COMPONENTS) segment(out, 0xee, [0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 100, 0, 0, 0, 0, 0]);
  segment(out, 0xdb, [0x00, ...dqtZigzag]);
  const sof = [8, heightPx >> 8, heightPx & 0xff, widthPx >> 8, widthPx & 0xff, components];
  for (let c = 1; c <= components; c++) sof.push(c, 0x11, 0);
  segment(out, 0xc0, sof);
  segment(out, 0xc4, [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES]);
  const sos = [components];
  for (let c = 1; c <= components; c++) sos.push(c, 0x00);
  sos.push(0, 63, 0);
  segment(out, 0xda, sos);

  // 3–4. Blocks, the components interleaved per 8 × 8 MCU.
  const block = new Float64Array(BLOCK_SIZE);
  const quantised = new Int32Array(BLOCK_SIZE);
  const previousDc = new Int32Array(components);
  for (let by = 0; by < heightPx; by += BLOCK) {
    for (let bx = 0; bx < widthPx; bx += BLOCK) {
      for (let comp = 0; comp < components; comp++) {
        for (let row = 0; row < BLOCK; row++) {
          const y = Math.min(by + row, heightPx - 1);
          const rowStart = y * widthPx;
          for (let col = 0; col < BLOCK; col++) {
            const x = Math.min(bx + col, widthPx - 1);
            // Level-shifted by −128 (T.81 A.3.1).
            block[row * BLOCK + col] = stored(samples[(rowStart + x) * components + comp]!) - 128;
          }
        }
        forwardDct(block);
        for (let i = 0; i < BLOCK_SIZE; i++) quantised[i] = Math.round(block[i]! * divisor[i]!);
        previousDc[comp] = writeBlock(out, quantised, previousDc[comp]!, dc, ac);
      }
    }
  }
  out.flush();
  out.raw([0xff, 0xd9]);
  return out.result();
}

/** Entropy-codes one quantised block (natural order); returns its DC for the next block's difference. */
function writeBlock(out: BitWriter, q: Int32Array, previousDc: number, dc: HuffmanCodes, ac: HuffmanCodes): number {
  const diff = q[0]! - previousDc;
  const size = category(diff);
  out.bits(dc.code[size]!, dc.length[size]!);
  // Negative values are sent as their ones' complement in `size` bits (T.81 F.1.2.1).
  if (size > 0) out.bits(diff < 0 ? diff - 1 : diff, size);
  let last = BLOCK_SIZE - 1;
  while (last > 0 && q[ZIGZAG_TO_NATURAL[last]!] === 0) last--;
  let run = 0;
  for (let k = 1; k <= last; k++) {
    const value = Math.max(-MAX_AC, Math.min(MAX_AC, q[ZIGZAG_TO_NATURAL[k]!]!));
    if (value === 0) {
      run++;
      continue;
    }
    while (run > 15) {
      out.bits(ac.code[ZRL]!, ac.length[ZRL]!);
      run -= 16;
    }
    const bits = category(value);
    const symbol = (run << 4) | bits;
    out.bits(ac.code[symbol]!, ac.length[symbol]!);
    out.bits(value < 0 ? value - 1 : value, bits);
    run = 0;
  }
  if (last < BLOCK_SIZE - 1) out.bits(ac.code[EOB]!, ac.length[EOB]!);
  return q[0]!;
}
