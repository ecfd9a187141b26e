/**
 * One GPOS feature's single-glyph adjustments (e.g. `halt`, alternate half widths), read straight from the
 * font's bytes. Shaping a lone mark through fontkit to learn the same numbers decodes the font's whole GSUB
 * and GPOS lookups first: about 14 ms per CJK font on a cold start, for a handful of values.
 *
 * 1. Find the feature's lookups: the feature as listed by the default language system of the first script
 *    present among `hani`, `DFLT`, `latn` (fonts list the same lookups under every script); else every
 *    FeatureRecord with the tag.
 * 2. Keep the lookups of type 1 (single adjustment), directly or through type 9 extensions.
 * 3. For a glyph, each lookup in lookup-list order adds the ValueRecord of its first subtable whose coverage
 *    holds the glyph (OpenType applies lookups in order; one subtable per lookup applies).
 * Offsets follow the OpenType 1.9 GPOS, Common Table Formats and ValueRecord chapters.
 */

/** Horizontal adjustments of one glyph, font units (vertical ones are ignored: horizontal text only). */
export interface SingleAdjustment {
  /** Moves the glyph's drawing origin right. */
  xPlacementUnits: number;
  /** Added to the glyph's advance. */
  xAdvanceUnits: number;
}

/** Answers a glyph's adjustment under the feature, or `null` when the feature does not touch the glyph. */
export type SingleAdjustmentReader = (glyphId: number) => SingleAdjustment | null;

/** Where a table sits in the font file, bytes. */
export interface TableLocation {
  offset: number;
  length: number;
}

const LOOKUP_SINGLE = 1;
const LOOKUP_EXTENSION = 9;
/** Scripts whose default language system is asked first, in this order (CJK text, then the fallbacks). */
const SCRIPT_PREFERENCE = ['hani', 'DFLT', 'latn'];
/** ValueRecord field flags (OpenType ValueFormat). */
const X_PLACEMENT = 0x0001;
const Y_PLACEMENT = 0x0002;
const X_ADVANCE = 0x0004;

/**
 * Builds a reader for one feature of a GPOS table.
 * @param bytes the whole font file
 * @param gpos where the GPOS table is, or undefined when the font has none (the reader then answers null)
 * @param featureTag four-letter feature tag, e.g. 'halt'
 * @throws RangeError when the table's offsets point outside it (a damaged font)
 */
export function readSingleAdjustments(bytes: Uint8Array, gpos: TableLocation | undefined, featureTag: string): SingleAdjustmentReader {
  if (!gpos) return () => null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + gpos.offset, Math.min(gpos.length, bytes.byteLength - gpos.offset));
  const u16 = (at: number): number => view.getUint16(at);
  const i16 = (at: number): number => view.getInt16(at);
  const tag = (at: number): string => String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));

  const scriptList = u16(4);
  const featureList = u16(6);
  const lookupList = u16(8);

  // 1. The feature's lookup indices.
  const featureIndicesOf = (langSys: number): number[] => {
    const count = u16(langSys + 4);
    return Array.from({ length: count }, (_, i) => u16(langSys + 6 + 2 * i));
  };
  const lookupsOfFeature = (index: number): number[] | undefined => {
    const record = featureList + 2 + 6 * index;
    if (tag(record) !== featureTag) return undefined;
    const feature = featureList + u16(record + 4);
    return Array.from({ length: u16(feature + 2) }, (_, i) => u16(feature + 4 + 2 * i));
  };
  let lookupIndices: number[] | undefined;
  const scripts = new Map<string, number>();
  for (let i = 0; i < u16(scriptList); i++) scripts.set(tag(scriptList + 2 + 6 * i), scriptList + u16(scriptList + 2 + 6 * i + 4));
  for (const name of SCRIPT_PREFERENCE) {
    const script = scripts.get(name);
    if (script === undefined || u16(script) === 0) continue;
    for (const featureIndex of featureIndicesOf(script + u16(script))) {
      const found = lookupsOfFeature(featureIndex);
      if (found) lookupIndices = [...(lookupIndices ?? []), ...found];
    }
    if (lookupIndices) break;
  }
  if (!lookupIndices) {
    for (let i = 0; i < u16(featureList); i++) lookupIndices = [...(lookupIndices ?? []), ...(lookupsOfFeature(i) ?? [])];
  }
  if (!lookupIndices || lookupIndices.length === 0) return () => null;

  // 2. Single-adjustment subtables per lookup, in lookup-list order.
  const lookups: number[][] = [];
  for (const lookupIndex of [...new Set(lookupIndices)].sort((a, b) => a - b)) {
    if (lookupIndex >= u16(lookupList)) throw new RangeError(`GPOS ${featureTag} names lookup ${lookupIndex}, which does not exist`);
    const lookup = lookupList + u16(lookupList + 2 + 2 * lookupIndex);
    const type = u16(lookup);
    const subtables: number[] = [];
    for (let s = 0; s < u16(lookup + 4); s++) {
      let subtable = lookup + u16(lookup + 6 + 2 * s);
      let subtableType = type;
      if (type === LOOKUP_EXTENSION) {
        subtableType = u16(subtable + 2);
        subtable += view.getUint32(subtable + 4);
      }
      if (subtableType === LOOKUP_SINGLE) subtables.push(subtable);
    }
    if (subtables.length > 0) lookups.push(subtables);
  }

  // 3. Per glyph: coverage, then the ValueRecord's horizontal fields.
  const coverageIndex = (coverage: number, glyphId: number): number => {
    const format = u16(coverage);
    const count = u16(coverage + 2);
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (format === 1) {
        const g = u16(coverage + 4 + 2 * mid);
        if (g === glyphId) return mid;
        if (g < glyphId) lo = mid + 1;
        else hi = mid - 1;
      } else {
        const range = coverage + 4 + 6 * mid;
        if (glyphId < u16(range)) hi = mid - 1;
        else if (glyphId > u16(range + 2)) lo = mid + 1;
        else return u16(range + 4) + glyphId - u16(range);
      }
    }
    return -1;
  };
  const valueSize = (format: number): number => {
    let size = 0;
    for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2;
    return size;
  };
  const readValue = (at: number, format: number): SingleAdjustment => {
    let field = at;
    let xPlacementUnits = 0;
    let xAdvanceUnits = 0;
    if (format & X_PLACEMENT) {
      xPlacementUnits = i16(field);
      field += 2;
    }
    if (format & Y_PLACEMENT) field += 2;
    if (format & X_ADVANCE) xAdvanceUnits = i16(field);
    return { xPlacementUnits, xAdvanceUnits };
  };

  return (glyphId) => {
    let touched = false;
    let xPlacementUnits = 0;
    let xAdvanceUnits = 0;
    for (const subtables of lookups) {
      for (const subtable of subtables) {
        const index = coverageIndex(subtable + u16(subtable + 2), glyphId);
        if (index < 0) continue;
        const format = u16(subtable + 4);
        const value = u16(subtable) === 1 ? readValue(subtable + 6, format) : readValue(subtable + 8 + index * valueSize(format), format);
        touched = true;
        xPlacementUnits += value.xPlacementUnits;
        xAdvanceUnits += value.xAdvanceUnits;
        break;
      }
    }
    return touched ? { xPlacementUnits, xAdvanceUnits } : null;
  };
}
