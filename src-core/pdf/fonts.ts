/**
 * Fonts in the PDF: one pdf-lib subset per used font, addressed by the composer's glyph ids.
 *
 * 1. `embedPdfFonts` embeds each used font with `embedFont(bytes, { subset: true })` (pdf-lib,
 *    upstream fontkit through `fontkit-adapter.ts`).
 * 2. `encodeGlyph` puts a composer glyph id into the pdf-lib subset and returns the id the glyph
 *    has *in the subset* (pdf-lib renumbers glyphs; with Identity-H and CIDToGIDMap Identity this
 *    is the 2-byte code to show). It also records the glyph's source text for ToUnicode.
 *    pdf-lib only offers `encodeText(string)`, which re-shapes text; our glyphs come from the
 *    composer, so we drive the subset embedder's own bookkeeping (see `SubsetEmbedderInternals`).
 * 3. `finalizePdfFonts` (before `save`) names each subset `ABCDEF+PostScriptName` with a tag derived
 *    from its glyph set (pdf-lib's default is `Name-1234`, not the standard prefix), replaces
 *    pdf-lib's ToUnicode CMap with one built from the composer's glyph text, in blocks of ≤ 100
 *    entries as the CMap format requires, and writes the font program with the /Length1 entry
 *    FontFile2 requires (pdf-lib omits it).
 */
import type { PDFContext, PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import type { FontProvider, LoadedFont } from '../text/font.js';
import { hashText } from './hash.js';
import { DEFAULT_FLATE_LEVEL, type Deflate } from './flate.js';
import { rawStream } from './raw-stream.js';

/** PDF CMap sections may hold at most 100 entries (PDF 1.7 §9.10.3, Adobe TN 5014). */
const MAX_BFCHAR_ENTRIES = 100;
/** Subset tags are six upper-case letters (PDF 1.7 §9.6.4). */
const SUBSET_TAG_LENGTH = 6;

/**
 * The parts of pdf-lib 1.17's `CustomFontSubsetEmbedder` we drive directly. They are private in
 * pdf-lib's typings; `embedderOf` checks them at run time so a pdf-lib upgrade fails loudly.
 */
interface SubsetEmbedderInternals {
  scale: number;
  customName: string | undefined;
  subset: { includeGlyph(glyph: number): number };
  /** pdf-lib reads only `advanceWidth` of these, for /W (`computeWidths`); ToUnicode is ours. */
  glyphs: WidthGlyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  embedUnicodeCmap(context: PDFContext): PDFRef;
  embedFontStream(context: PDFContext): Promise<PDFRef>;
  serializeFont(): Promise<Uint8Array>;
}

/** What pdf-lib's /W builder reads of a glyph: its advance, font units. */
interface WidthGlyph {
  id: number;
  advanceWidth: number;
}

/** One font embedded in the PDF being written. */
export interface PdfFontEntry {
  readonly loaded: LoadedFont;
  readonly pdfFont: PDFFont;
  /** Subset glyph id (the shown code) → source text, for ToUnicode. */
  readonly textByCode: Map<number, string>;
  /** Composer glyph id → subset glyph id. */
  readonly codeByGlyphId: Map<number, number>;
  /** Advance of a composer glyph in 1/1000 em, exactly as written into the PDF /W array. */
  advanceMilliEm(glyphId: number): number;
}

/** The fonts of one PDF, keyed by FontProvider id. */
export type PdfFontSet = Map<string, PdfFontEntry>;

/**
 * Embeds every font in `fontIds` as a subset (nothing is drawn yet; glyphs are added by `encodeGlyph`).
 * @throws RangeError when a font id is unknown to the provider
 */
export async function embedPdfFonts(doc: PDFDocument, fontIds: Iterable<string>, fonts: FontProvider): Promise<PdfFontSet> {
  const set: PdfFontSet = new Map();
  for (const fontId of [...new Set(fontIds)].sort()) {
    const loaded = fonts.byId(fontId);
    if (!loaded) throw new RangeError(`Font "${fontId}" is used on the page but the font provider does not have it`);
    const pdfFont = await doc.embedFont(loaded.bytes, { subset: true });
    const embedder = embedderOf(pdfFont);
    set.set(fontId, {
      loaded,
      pdfFont,
      textByCode: new Map(),
      codeByGlyphId: new Map(),
      advanceMilliEm: (glyphId) => loaded.advanceUnits(glyphId) * embedder.scale,
    });
  }
  return set;
}

/**
 * Adds a composer glyph to its font's subset.
 * @returns the code to show with Tj/TJ (subset glyph id, 2 bytes under Identity-H)
 */
export function encodeGlyph(entry: PdfFontEntry, glyphId: number, text: string): number {
  let code = entry.codeByGlyphId.get(glyphId);
  if (code === undefined) {
    const embedder = embedderOf(entry.pdfFont);
    code = embedder.subset.includeGlyph(glyphId);
    // pdf-lib builds /W from `glyphs[code - 1]` (code 0 is .notdef, always in the subset). A fontkit glyph would
    // answer `advanceWidth` by decoding its outline; the hmtx advance is the same number.
    embedder.glyphs[code - 1] = { id: glyphId, advanceWidth: entry.loaded.advanceUnits(glyphId) };
    embedder.glyphIdMap.set(glyphId, code);
    embedder.glyphCache.invalidate();
    entry.codeByGlyphId.set(glyphId, code);
  }
  if (text && !entry.textByCode.has(code)) entry.textByCode.set(code, text);
  return code;
}

/** Names the subsets and installs the ToUnicode builder. Call once, after all drawing, before `save`. */
export function finalizePdfFonts(set: PdfFontSet, deflate: Deflate): void {
  for (const entry of set.values()) {
    const embedder = embedderOf(entry.pdfFont);
    const glyphIds = [...entry.codeByGlyphId.keys()].sort((a, b) => a - b);
    // One batch read of the page's outlines for a partially read font, instead of one read per glyph while subsetting.
    entry.loaded.prepareGlyphs(glyphIds);
    embedder.customName = `${subsetTag(entry.loaded.postscriptName, glyphIds)}+${entry.loaded.postscriptName}`;
    // The CMap is ASCII (hex codes); the injected deflate instead of pdf-lib's pako (tens of ms for 6 fonts).
    embedder.embedUnicodeCmap = (context) => {
      const cmap = new TextEncoder().encode(toUnicodeCMap(entry.textByCode));
      return context.register(rawStream(context, deflate(cmap, DEFAULT_FLATE_LEVEL), { Filter: 'FlateDecode' }));
    };
    embedder.embedFontStream = async (context) => {
      const bytes = await embedder.serializeFont();
      const cff = Boolean((embedder.subset as { cff?: unknown }).cff);
      // FontFile2 requires /Length1 (PDF 1.3 §5.8); the injected deflate is several times faster on CJK subsets than pdf-lib's pako.
      const dict = cff ? { Filter: 'FlateDecode', Subtype: 'CIDFontType0C' } : { Filter: 'FlateDecode', Length1: bytes.length };
      return context.register(rawStream(context, deflate(bytes, DEFAULT_FLATE_LEVEL), dict));
    };
  }
}

/** Six letters A–Z derived from the font name and its glyph set: same glyphs ⇒ same tag. */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const digest = hashText(`${postscriptName}:${glyphIds.join(',')}`);
  let tag = '';
  for (let i = 0; i < SUBSET_TAG_LENGTH; i++) tag += String.fromCharCode(65 + (digest[i] % 26));
  return tag;
}

/** A ToUnicode CMap (bfchar, ≤ 100 entries per block) mapping 2-byte codes to UTF-16BE text. */
export function toUnicodeCMap(textByCode: ReadonlyMap<number, string>): string {
  const codes = [...textByCode.keys()].sort((a, b) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < codes.length; i += MAX_BFCHAR_ENTRIES) {
    const slice = codes.slice(i, i + MAX_BFCHAR_ENTRIES);
    const lines = slice.map((code) => `<${hex4(code)}> <${utf16BeHex(textByCode.get(code) ?? '')}>`);
    blocks.push(`${slice.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16BeHex(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += hex4(text.charCodeAt(i));
  return s;
}

function embedderOf(font: PDFFont): SubsetEmbedderInternals {
  const embedder = (font as unknown as { embedder: Partial<SubsetEmbedderInternals> }).embedder;
  if (
    !embedder ||
    typeof embedder.subset?.includeGlyph !== 'function' ||
    !Array.isArray(embedder.glyphs) ||
    !(embedder.glyphIdMap instanceof Map) ||
    typeof embedder.glyphCache?.invalidate !== 'function'
  ) {
    throw new RangeError('pdf-lib font embedder internals changed: glyph-id subsetting needs pdf-lib 1.17 CustomFontSubsetEmbedder');
  }
  return embedder as SubsetEmbedderInternals;
}
