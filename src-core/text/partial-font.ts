/**
 * A font file read partially. A CJK TrueType font is 10–15 MB, of which the outlines (`glyf`) are over 95 %;
 * a page uses a few thousand of its 30 000 glyphs. The host reads every other table up front and lets the core
 * read outlines on demand, so composing and exporting a page never reads (or keeps in memory) the rest.
 *
 * 1. `PartialFontFile.bytes` is as long as the file; every table but `glyf` is filled, `glyf` is zero until read.
 * 2. `createGlyphReader` tracks which glyphs' outlines have been read. `prepare(ids)` collects the byte ranges
 *    of the glyphs not read yet (from `loca`), asks the host to fill them in one batch, then repeats for the
 *    components of compound glyphs until every outline the glyphs draw is present.
 * 3. Glyphs with an empty range (spaces) need nothing; ranges outside the table are refused as damage.
 */

/** A byte range of a font file. */
export interface FileRange {
  offset: number;
  length: number;
}

/**
 * A font file whose outlines are read on demand (see the module summary). Hosts without random file access
 * (a browser) pass whole bytes to `loadFont` instead.
 */
export interface PartialFontFile {
  /** The file's full length; every table except `glyf` is filled, `glyf` ranges once `readRanges` has run. */
  readonly bytes: Uint8Array;
  /**
   * Fills the given ranges of `bytes` from the file, synchronously (the composer asks mid-line).
   * @throws Error when the file cannot be read (it was removed or truncated since it was opened)
   */
  readRanges(ranges: readonly FileRange[]): void;
}

/** Reads glyph outlines into a partial file before anything decodes them. */
export interface GlyphReader {
  /** Makes sure the outlines of these glyphs, and of the components of compound ones, are in the bytes. */
  prepare(glyphIds: Iterable<number>): void;
}

/** TrueType compound glyph flags (OpenType glyf chapter). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
/** A glyph header: numberOfContours int16, then the bounding box (4 × int16). */
const GLYPH_HEADER_BYTES = 10;

/**
 * Creates the reader for one partial font.
 * @param glyf where the glyf table is in the file
 * @param locaOffsets glyph start offsets within glyf, numGlyphs + 1 entries (short offsets already doubled)
 */
export function createGlyphReader(file: PartialFontFile, glyf: FileRange, locaOffsets: ArrayLike<number>): GlyphReader {
  const glyphCount = locaOffsets.length - 1;
  const read = new Uint8Array(Math.max(glyphCount, 0));
  const view = new DataView(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);

  const rangeOf = (glyphId: number): FileRange | undefined => {
    const start = locaOffsets[glyphId]!;
    const end = locaOffsets[glyphId + 1]!;
    if (end === start) return undefined;
    if (!(end > start) || end > glyf.length) {
      throw new RangeError(`Glyph ${glyphId}'s outline (bytes ${start}–${end}) lies outside the glyf table (${glyf.length} bytes): the font is damaged`);
    }
    return { offset: glyf.offset + start, length: end - start };
  };

  return {
    prepare(glyphIds) {
      let pending = [...glyphIds];
      while (pending.length > 0) {
        const ranges: FileRange[] = [];
        const fresh: number[] = [];
        for (const id of pending) {
          if (!(id >= 0 && id < glyphCount) || read[id]) continue;
          read[id] = 1;
          const range = rangeOf(id);
          if (range) {
            ranges.push(range);
            fresh.push(id);
          }
        }
        if (ranges.length === 0) return;
        try {
          file.readRanges(ranges);
        } catch (err) {
          for (const id of fresh) read[id] = 0; // Nothing was read: a later call may try again.
          throw err;
        }
        pending = fresh.flatMap((id) => componentsOf(view, rangeOf(id)!));
      }
    },
  };
}

/** The glyph ids a compound glyph is built from; none for a simple glyph. */
function componentsOf(view: DataView, range: FileRange): number[] {
  if (range.length < GLYPH_HEADER_BYTES || view.getInt16(range.offset) >= 0) return [];
  const components: number[] = [];
  const end = range.offset + range.length;
  let at = range.offset + GLYPH_HEADER_BYTES;
  for (;;) {
    if (at + 4 > end) throw new RangeError('A compound glyph runs past its outline: the font is damaged');
    const flags = view.getUint16(at);
    components.push(view.getUint16(at + 2));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return components;
  }
}
