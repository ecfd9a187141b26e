/**
 * Flate compression for PDF streams and decompression of pictures' zlib data (PNG), passed in like fonts and the
 * clock. Pure TypeScript hosts (the renderer, tests) use fflate; a Node host can pass its native zlib, several
 * times faster on a page's font subsets and content, and tens of times faster cold on a picture's pixels. Either
 * writes standard zlib streams (RFC 1950), PDF's FlateDecode.
 */
import { zlibSync } from 'fflate';
import { inflateRawWithin } from '../model/zip-reader.js';

/** zlib compression level, 0 (store) to 9 (smallest). */
export type FlateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * Compresses bytes into a zlib stream. Must be deterministic: the same bytes and level give the same output
 * (reproducible PDFs depend on it).
 */
export type Deflate = (bytes: Uint8Array, level: FlateLevel) => Uint8Array;

/**
 * Level for streams written once per export. zlib's levels 1–3 use its fast matcher: on a front page's font
 * subsets and content (1.7 MB raw) level 3 takes 10 ms where the default 6 takes 25 ms, for a file 3 % larger
 * (336 KB against 326 KB, well inside the 500 KB budget of a page without photos).
 */
export const DEFAULT_FLATE_LEVEL: FlateLevel = 3;

/** The pure TypeScript deflate (fflate). */
export const deflateWithFflate: Deflate = (bytes, level) => zlibSync(bytes, { level });

/**
 * Inflates a zlib stream (RFC 1950) into at most `maxBytes`, stopping as soon as the output would exceed it (a
 * deflate bomb costs no more than the limit). Output shorter than `maxBytes` is returned as it is.
 * @throws RangeError when the data inflates to more than `maxBytes`; Error for invalid or cut-short data
 */
export type Inflate = (zlib: Uint8Array, maxBytes: number) => Uint8Array;

/** zlib's two-byte header (CMF, FLG) before the deflate data; its Adler-32 trailer is left unchecked. */
const ZLIB_HEADER_BYTES = 2;

/** The pure TypeScript bounded inflate (fflate, checked slice by slice). */
export const inflateWithFflate: Inflate = (zlib, maxBytes) => {
  const { data, ended } = inflateRawWithin(zlib.subarray(ZLIB_HEADER_BYTES), maxBytes, () => new RangeError(`the data inflates to more than ${maxBytes} bytes`));
  if (!ended) throw new Error('unexpected EOF');
  return data;
};
