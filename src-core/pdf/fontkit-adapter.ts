/**
 * Adapter that lets pdf-lib subset fonts with **upstream fontkit v2**.
 *
 * pdf-lib was written against its fork `@pdf-lib/fontkit`, whose subsets expose a Node-style
 * `encodeStream()`; upstream fontkit v2 replaced that with a synchronous `encode()`. The fork writes
 * broken CJK subsets, so Folio registers upstream fontkit through this adapter instead.
 *
 * 1. `create(bytes)` returns the already-parsed fontkit font when the bytes belong to a LoadedFont
 *    (a CJK font is 10–15 MB: parsing it twice would dominate export time), else parses them.
 * 2. The font is wrapped so that `createSubset()` returns a subset wrapper.
 * 3. The subset wrapper adds `encodeStream()`: it emits the bytes of upstream `encode()` as one
 *    `data` event followed by `end`, on a microtask so pdf-lib can attach its handlers first.
 * 4. TrueType subsets of a LoadedFont copy simple glyphs without decoding their outlines (`fastAddGlyph`),
 *    with metrics from the LoadedFont's hmtx reader: upstream decodes every glyph only to learn whether it is
 *    compound, which was the largest single cost of a front-page export. Compound glyphs still go through
 *    upstream's own code. Output is byte-identical.
 * 5. Their `encode` lays the subset file out by copying bytes (`truetype-subset.ts`) instead of re-encoding
 *    every table through fontkit's struct writer; again byte-identical.
 */
import { create, type Font as FontkitFont, type Subset as FontkitSubset } from 'fontkit';
import { tableLocation, type LoadedFont } from '../text/font.js';
import { writeTrueTypeSubset, type TrueTypeSubsetParts } from './truetype-subset.js';
import { ServiceRangeError } from '../i18n/service-message.js';

/** The minimal stream pdf-lib's CustomFontSubsetEmbedder listens to. */
export interface SubsetByteStream {
  on(event: 'data' | 'end' | 'error', callback: (arg: never) => void): SubsetByteStream;
}

/** The object `PDFDocument.registerFontkit` expects: something with `create(bytes)`. */
export interface PdfLibFontkit {
  create(bytes: Uint8Array): FontkitFont;
}

/**
 * Creates the fontkit object to pass to `PDFDocument.registerFontkit`.
 * @param preloaded fonts already parsed by `loadFont`; their `bytes` (by identity) map to their fontkit font
 */
export function createFontkitAdapter(preloaded: readonly LoadedFont[]): PdfLibFontkit {
  const parsedByBytes = new WeakMap<Uint8Array, FontkitFont>();
  const loadedByFont = new WeakMap<FontkitFont, LoadedFont>();
  for (const font of preloaded) {
    parsedByBytes.set(font.bytes, font.fontkit);
    loadedByFont.set(font.fontkit, font);
  }
  return {
    create(bytes) {
      let font = parsedByBytes.get(bytes);
      if (!font) {
        const parsed = create(bytes as unknown as Buffer);
        if (!('unitsPerEm' in parsed)) throw new ServiceRangeError({ key: 'service.font.collection' });
        font = parsed as FontkitFont;
        parsedByBytes.set(bytes, font);
      }
      return wrapFont(font, loadedByFont.get(font));
    },
  };
}

/** Wraps a fontkit font so its subsets speak pdf-lib's `encodeStream` dialect. Everything else is passed through. */
function wrapFont(font: FontkitFont, loaded: LoadedFont | undefined): FontkitFont {
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'createSubset') return () => wrapSubset(target.createSubset(), loaded);
      // Read with the real font as receiver: fontkit's lazy getters cache on `this`.
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function wrapSubset(subset: FontkitSubset, loaded: LoadedFont | undefined): FontkitSubset {
  if (loaded) installFastAddGlyph(subset, loaded);
  return new Proxy(subset, {
    get(target, prop) {
      if (prop === 'encodeStream') return () => encodeStreamOf(target);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The fontkit 2 TTFSubset internals `fastAddGlyph` relies on (checked before installing). */
interface TtfSubsetInternals {
  font: {
    loca?: { offsets: ArrayLike<number> };
    _variationProcessor?: unknown;
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  };
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** Replaces `_addGlyph` on one TrueType subset instance with `fastAddGlyph`, when the internals match. */
function installFastAddGlyph(subset: FontkitSubset, loaded: LoadedFont): void {
  const s = subset as unknown as Partial<TtfSubsetInternals>;
  const original = s._addGlyph;
  const font = s.font;
  if (typeof original !== 'function' || !font?.loca || font._variationProcessor || typeof font._getTableStream !== 'function') return;
  const internals = s as TtfSubsetInternals;
  internals._addGlyph = function fastAddGlyph(this: TtfSubsetInternals, gid: number): number {
    const offsets = this.font.loca?.offsets as ArrayLike<number>;
    const start = offsets[gid];
    const end = offsets[gid + 1];
    loaded.prepareGlyphs([gid]);
    const stream = this.font._getTableStream('glyf');
    if (!stream || !(end >= start)) return original.call(this, gid);
    stream.pos += start;
    const buffer = stream.readBuffer(end - start);
    // numberOfContours (the glyph header's first int16) < 0 marks a compound glyph: upstream handles those.
    if (buffer.length >= 2 && (((buffer[0] << 8) | buffer[1]) << 16) >> 16 < 0) return original.call(this, gid);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: loaded.advanceUnits(gid), bearing: loaded.leftBearingUnits(gid) });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  const tables = subsetTables(loaded);
  if (!tables) return;
  internals.encode = function fastEncode(this: TtfSubsetInternals): Uint8Array {
    // fontkit's own encode, up to the point where it writes the file (TTFSubset.encode).
    this.glyf = [];
    this.offset = 0;
    const locaFormat = this.font.loca && 'version' in this.font.loca ? (this.font.loca as { version: number }).version : undefined;
    this.loca = { offsets: [], version: locaFormat };
    this.hmtx = { metrics: [], bearings: [] };
    let i = 0;
    // Compound glyphs add their components to `glyphs` while the loop runs.
    while (i < this.glyphs.length) this._addGlyph(this.glyphs[i++]!);
    this.loca.offsets.push(this.offset);
    return writeTrueTypeSubset({ ...tables, locaFormat: locaFormat === 1 ? 1 : 0, glyf: this.glyf, locaOffsets: this.loca.offsets, metrics: this.hmtx.metrics });
  };
}

/** maxp version 1.0, the TrueType one (version 0.5 belongs to CFF fonts). */
const MAXP_VERSION_TRUETYPE = 0x00010000;

/**
 * The font's own tables a subset copies, or undefined when they are not what the byte-copying writer expects
 * (then fontkit's own encode runs).
 */
function subsetTables(loaded: LoadedFont): Omit<TrueTypeSubsetParts, 'locaFormat' | 'glyf' | 'locaOffsets' | 'metrics'> | undefined {
  const table = (tag: string): Uint8Array | undefined => {
    const at = tableLocation(loaded, tag);
    return at && at.offset + at.length <= loaded.bytes.byteLength ? loaded.bytes.subarray(at.offset, at.offset + at.length) : undefined;
  };
  const head = table('head');
  const hhea = table('hhea');
  const maxp = table('maxp');
  const locaFormat = head && head.length >= 54 ? new DataView(head.buffer, head.byteOffset, head.length).getInt16(50) : -1;
  if (!head || !hhea || !maxp || head.length < 54 || hhea.length < 36 || maxp.length < 32 || (locaFormat !== 0 && locaFormat !== 1)) return undefined;
  if (new DataView(maxp.buffer, maxp.byteOffset, maxp.length).getUint32(0) !== MAXP_VERSION_TRUETYPE) return undefined;
  const cvt = table('cvt ');
  const prep = table('prep');
  const fpgm = table('fpgm');
  return { head, hhea, maxp, ...(cvt ? { cvt } : {}), ...(prep ? { prep } : {}), ...(fpgm ? { fpgm } : {}) };
}

/** Emits `subset.encode()` as a one-chunk stream after the caller has attached its handlers. */
function encodeStreamOf(subset: FontkitSubset): SubsetByteStream {
  const handlers: Record<'data' | 'end' | 'error', ((arg: never) => void)[]> = { data: [], end: [], error: [] };
  const stream: SubsetByteStream = {
    on(event, callback) {
      handlers[event].push(callback);
      return stream;
    },
  };
  // pdf-lib chains `.on(...)` right after this call returns, so emitting synchronously would lose the events.
  void Promise.resolve().then(() => {
    let bytes: Uint8Array;
    try {
      bytes = subset.encode();
    } catch (err) {
      for (const fn of handlers.error) (fn as (e: unknown) => void)(err);
      return;
    }
    for (const fn of handlers.data) (fn as (b: Uint8Array) => void)(bytes);
    for (const fn of handlers.end) (fn as () => void)();
  });
  return stream;
}
