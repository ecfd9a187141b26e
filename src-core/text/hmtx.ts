/**
 * Horizontal metrics (advance width, left side bearing) read straight from the font's `hmtx` table. fontkit
 * answers through its struct reader, decoding one record object per glyph asked; on a cold start that was the
 * largest single cost of measuring a page's characters, and pdf-lib's /W array asked again for every glyph.
 *
 * 1. `hhea.numberOfHMetrics` long records (advance uint16, bearing int16) come first.
 * 2. Glyphs past them share the last long record's advance and have their own bearing in the int16 array
 *    that follows (OpenType hmtx chapter).
 * Static fonts only: a variable font's HVAR deltas are applied by fontkit's own path (see `font.ts`).
 */
import type { TableLocation } from './gpos-single.js';

/** Horizontal metrics of a glyph id, font units. Glyph ids past the font's glyph count read as the last glyph. */
export interface HorizontalMetrics {
  advanceUnits(glyphId: number): number;
  leftBearingUnits(glyphId: number): number;
}

/** `numberOfHMetrics` sits at byte 34 of `hhea` (OpenType hhea chapter). */
const HHEA_NUMBER_OF_H_METRICS_OFFSET = 34;
const LONG_METRIC_BYTES = 4;
const BEARING_BYTES = 2;

/**
 * Builds the reader over a font's hmtx table.
 * @param bytes the whole font file (hhea and hmtx present)
 * @returns the reader, or undefined when the font has no hhea/hmtx (the caller falls back to fontkit)
 * @throws RangeError when hhea claims more long records than hmtx holds (a damaged font)
 */
export function readHorizontalMetrics(
  bytes: Uint8Array,
  hhea: TableLocation | undefined,
  hmtx: TableLocation | undefined,
): HorizontalMetrics | undefined {
  if (!hhea || !hmtx || hhea.length < HHEA_NUMBER_OF_H_METRICS_OFFSET + 2) return undefined;
  const longCount = new DataView(bytes.buffer, bytes.byteOffset + hhea.offset, hhea.length).getUint16(HHEA_NUMBER_OF_H_METRICS_OFFSET);
  const length = Math.min(hmtx.length, bytes.byteLength - hmtx.offset);
  if (longCount === 0 || longCount * LONG_METRIC_BYTES > length) {
    throw new RangeError(`hmtx holds ${Math.floor(length / LONG_METRIC_BYTES)} metrics but hhea claims ${longCount}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + hmtx.offset, length);
  const bearingCount = Math.floor((length - longCount * LONG_METRIC_BYTES) / BEARING_BYTES);
  const lastLong = longCount - 1;
  return {
    advanceUnits: (glyphId) => view.getUint16(Math.min(glyphId, lastLong) * LONG_METRIC_BYTES),
    leftBearingUnits(glyphId) {
      if (glyphId < longCount) return view.getInt16(glyphId * LONG_METRIC_BYTES + 2);
      const index = Math.min(glyphId - longCount, bearingCount - 1);
      return index < 0 ? view.getInt16(lastLong * LONG_METRIC_BYTES + 2) : view.getInt16(longCount * LONG_METRIC_BYTES + index * BEARING_BYTES);
    },
  };
}
