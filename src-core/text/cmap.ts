/**
 * Code point → glyph id, read straight from the font's `cmap` table. fontkit answers the same question by
 * decoding the subtable through its struct reader and building a glyph object per lookup: for a CJK font on a
 * cold start that is tens of milliseconds before the first line is set.
 *
 * 1. Choose the Unicode subtable the way fontkit does: (3,10) and (0,6)/(0,4) full-repertoire tables first,
 *    then the BMP tables (3,1), (0,3).
 * 2. Format 12 (segmented coverage): binary search over the groups.
 * 3. Format 4 (segment mapping to delta values): binary search over the segment ends, then idDelta or the
 *    glyph index array, modulo 65536 (OpenType cmap chapter).
 * Any other format leaves the lookup to the caller (`undefined` reader).
 */

/** Maps a code point to a glyph id; 0 means the font has no glyph for it. */
export type CmapLookup = (codePoint: number) => number;

/** Unicode subtables in order of preference: [platformID, encodingID]. */
const PREFERRED_SUBTABLES: readonly (readonly [number, number])[] = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3]];
const FORMAT_SEGMENT_TO_DELTA = 4;
const FORMAT_SEGMENTED_COVERAGE = 12;

/**
 * Builds a lookup over the font's preferred Unicode cmap subtable.
 * @param bytes the whole font file
 * @param cmap where the cmap table is (from the table directory)
 * @returns the lookup, or undefined when the font has no Unicode subtable of format 4 or 12
 * @throws RangeError when the table's offsets point outside it (a damaged font)
 */
export function readCmap(bytes: Uint8Array, cmap: { offset: number; length: number } | undefined): CmapLookup | undefined {
  if (!cmap) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + cmap.offset, Math.min(cmap.length, bytes.byteLength - cmap.offset));
  const count = view.getUint16(2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 4 + i * 8;
    subtables.set(`${view.getUint16(record)},${view.getUint16(record + 2)}`, view.getUint32(record + 4));
  }
  for (const [platform, encoding] of PREFERRED_SUBTABLES) {
    const at = subtables.get(`${platform},${encoding}`);
    if (at === undefined) continue;
    const format = view.getUint16(at);
    if (format === FORMAT_SEGMENTED_COVERAGE) return segmentedCoverage(view, at);
    if (format === FORMAT_SEGMENT_TO_DELTA) return segmentToDelta(view, at);
  }
  return undefined;
}

function segmentedCoverage(view: DataView, at: number): CmapLookup {
  const groups = view.getUint32(at + 12);
  const first = at + 16;
  if (first + groups * 12 > view.byteLength) throw new RangeError('cmap format 12 groups run past the table');
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const group = first + mid * 12;
      if (cp < view.getUint32(group)) hi = mid - 1;
      else if (cp > view.getUint32(group + 4)) lo = mid + 1;
      else return view.getUint32(group + 8) + cp - view.getUint32(group);
    }
    return 0;
  };
}

function segmentToDelta(view: DataView, at: number): CmapLookup {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  if (rangeOffsets + segments * 2 > view.byteLength) throw new RangeError('cmap format 4 segments run past the table');
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + lo * 2);
    if (cp < start || cp > view.getUint16(ends + lo * 2)) return 0;
    const delta = view.getInt16(deltas + lo * 2);
    const rangeOffset = view.getUint16(rangeOffsets + lo * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    // idRangeOffset is relative to its own position in the array (the OpenType spec's pointer arithmetic).
    const glyphAt = rangeOffsets + lo * 2 + rangeOffset + (cp - start) * 2;
    if (glyphAt + 2 > view.byteLength) return 0;
    const glyph = view.getUint16(glyphAt);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}
