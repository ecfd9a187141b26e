/**
 * Writes a TrueType subset font file (the PDF's FontFile2) from the glyphs fontkit's subsetter has collected,
 * byte for byte as fontkit's own `TTFSubset.encode` lays it out, but by copying bytes: fontkit re-encodes every
 * table through its struct writer, which ran cold on every export (tens of milliseconds for a front page's six
 * subsets).
 *
 * 1. Tables, in fontkit's order: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm (absent ones skipped).
 * 2. head, hhea and maxp are the font's own bytes (as long as their structures: 54, 36 and 32 bytes) with
 *    indexToLocFormat, numberOfHMetrics and numGlyphs set for the subset; cvt, prep and fpgm are copied whole.
 * 3. loca is written in the font's own format (short offsets halved), hmtx as advance/bearing pairs, glyf as
 *    the glyphs' outlines one after another.
 * 4. The directory: sfnt version 'true', the binary-search fields from the table count, checksums 0 (as fontkit
 *    writes them; PDF consumers do not check them), offsets from the end of the directory, no padding.
 */
import { ServiceRangeError } from '../i18n/service-message.js';

/** The parts of a subset, as fontkit's subsetter has gathered them. */
export interface TrueTypeSubsetParts {
  /** The font's own tables (whole-table bytes); cvt, prep and fpgm may be absent. */
  head: Uint8Array;
  hhea: Uint8Array;
  maxp: Uint8Array;
  cvt?: Uint8Array;
  prep?: Uint8Array;
  fpgm?: Uint8Array;
  /** 0: short offsets (halved on disk), 1: long offsets. */
  locaFormat: 0 | 1;
  /** Glyph outlines in subset order; glyph i starts at `locaOffsets[i]`. */
  glyf: readonly Uint8Array[];
  /** glyf.length + 1 offsets into the new glyf table. */
  locaOffsets: readonly number[];
  /** Per subset glyph: advance width and left side bearing, font units. */
  metrics: readonly { advance: number; bearing: number }[];
}

/** Lengths of the fixed structures as fontkit writes them (OpenType head, hhea; maxp version 1.0). */
const HEAD_BYTES = 54;
const HHEA_BYTES = 36;
const MAXP_BYTES = 32;
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const HHEA_NUMBER_OF_H_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;
const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;
/** fontkit writes Apple's 'true' as the sfnt version of its subsets. */
const SFNT_VERSION_TRUE = 0x74727565;

/**
 * Lays out the subset font file.
 * @throws RangeError when a fixed table is shorter than its structure (a damaged font)
 */
export function writeTrueTypeSubset(parts: TrueTypeSubsetParts): Uint8Array {
  const head = fixed(parts.head, HEAD_BYTES, 'head');
  new DataView(head.buffer).setInt16(HEAD_INDEX_TO_LOC_FORMAT, parts.locaFormat);
  const hhea = fixed(parts.hhea, HHEA_BYTES, 'hhea');
  new DataView(hhea.buffer).setUint16(HHEA_NUMBER_OF_H_METRICS, parts.metrics.length);
  const maxp = fixed(parts.maxp, MAXP_BYTES, 'maxp');
  new DataView(maxp.buffer).setUint16(MAXP_NUM_GLYPHS, parts.glyf.length);

  const locaEntryBytes = parts.locaFormat === 1 ? 4 : 2;
  const loca = new Uint8Array(parts.locaOffsets.length * locaEntryBytes);
  const locaView = new DataView(loca.buffer);
  parts.locaOffsets.forEach((offset, i) => {
    if (parts.locaFormat === 1) locaView.setUint32(i * 4, offset);
    else locaView.setUint16(i * 2, offset >>> 1);
  });
  const glyfLength = parts.glyf.reduce((sum, g) => sum + g.length, 0);
  const hmtx = new Uint8Array(parts.metrics.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  parts.metrics.forEach((m, i) => {
    hmtxView.setUint16(i * 4, m.advance);
    hmtxView.setInt16(i * 4 + 2, m.bearing);
  });

  const tables: { tag: string; bytes?: Uint8Array; length: number; glyf?: true }[] = [
    { tag: 'head', bytes: head, length: head.length },
    { tag: 'hhea', bytes: hhea, length: hhea.length },
    { tag: 'loca', bytes: loca, length: loca.length },
    { tag: 'maxp', bytes: maxp, length: maxp.length },
    ...(parts.cvt ? [{ tag: 'cvt ', bytes: parts.cvt, length: parts.cvt.length }] : []),
    ...(parts.prep ? [{ tag: 'prep', bytes: parts.prep, length: parts.prep.length }] : []),
    { tag: 'glyf', length: glyfLength, glyf: true as const },
    { tag: 'hmtx', bytes: hmtx, length: hmtx.length },
    ...(parts.fpgm ? [{ tag: 'fpgm', bytes: parts.fpgm, length: parts.fpgm.length }] : []),
  ];

  const directoryBytes = SFNT_HEADER_BYTES + tables.length * TABLE_RECORD_BYTES;
  const out = new Uint8Array(directoryBytes + tables.reduce((sum, t) => sum + t.length, 0));
  const view = new DataView(out.buffer);
  const exponent = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** exponent * TABLE_RECORD_BYTES;
  view.setUint32(0, SFNT_VERSION_TRUE);
  view.setUint16(4, tables.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, exponent);
  view.setUint16(10, tables.length * TABLE_RECORD_BYTES - searchRange);
  let at = directoryBytes;
  tables.forEach((table, i) => {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    for (let c = 0; c < 4; c++) out[record + c] = table.tag.charCodeAt(c);
    view.setUint32(record + 4, 0);
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, table.length);
    if (table.glyf) {
      let g = at;
      for (const outline of parts.glyf) {
        out.set(outline, g);
        g += outline.length;
      }
    } else {
      out.set(table.bytes!, at);
    }
    at += table.length;
  });
  return out;
}

/** A private copy of a fixed-size table's structure. */
function fixed(table: Uint8Array, length: number, tag: string): Uint8Array {
  if (table.length < length) {
    throw new ServiceRangeError({ key: 'service.font.tableShort', values: { table: tag, actualBytes: String(table.length), neededBytes: String(length) } });
  }
  return table.slice(0, length);
}
