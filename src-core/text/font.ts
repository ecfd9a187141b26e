/**
 * Fonts as the core sees them. Bytes arrive from outside (Node service, browser host, tests);
 * the core parses them with fontkit (upstream v2) and answers metric questions synchronously.
 *
 * 1. `loadFont` parses bytes once into a `LoadedFont` (fontkit `create`, no I/O).
 * 2. Glyph lookups are cached per code point: the composer asks the same few thousand questions.
 * 3. `FontProvider` resolves template font references (family + weight) to loaded fonts.
 */
import { create, type Font as FontkitFont, type Glyph } from 'fontkit';
import { readCmap, type CmapLookup } from './cmap.js';
import { readHorizontalMetrics } from './hmtx.js';
import { createGlyphReader, type GlyphReader, type PartialFontFile } from './partial-font.js';

export type { PartialFontFile } from './partial-font.js';

/** Metrics for one code point in one font, in font units. `glyphId` 0 never appears: missing is `undefined`. */
export interface GlyphMetrics {
  glyphId: number;
  advanceUnits: number;
}

/** A parsed font, ready for metric lookups. Immutable. */
export interface LoadedFont {
  /** Stable id used in PageLayout runs (e.g. "noto-serif-sc-400"). */
  readonly id: string;
  readonly family: string;
  /** CSS-style weight 100–900. */
  readonly weight: number;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Ascender / descender in font units (descender negative). */
  readonly ascender: number;
  readonly descender: number;
  /**
   * The raw font file, for PDF embedding and screen drawing. For a font loaded from a `PartialFontFile`, glyph
   * outlines are present only once `prepareGlyphs` (or `glyph`) has read them.
   */
  readonly bytes: Uint8Array;
  /** The fontkit font, for shaping (`layout` with features) and glyph outlines. */
  readonly fontkit: FontkitFont;
  /** Glyph for a code point, or undefined when the font lacks it (never tofu). Cached. */
  glyphFor(codePoint: number): GlyphMetrics | undefined;
  /** The fontkit glyph object for a glyph id (outline, bbox). Cached. */
  glyph(glyphId: number): Glyph;
  /** Horizontal advance of a glyph id, font units (hmtx; HVAR applied for variable fonts). */
  advanceUnits(glyphId: number): number;
  /** Left side bearing of a glyph id, font units (hmtx). */
  leftBearingUnits(glyphId: number): number;
  /**
   * Reads the outlines of these glyphs (and their compound components) in one batch when the font was loaded
   * from a `PartialFontFile`; does nothing for whole bytes. Outlines are also read one by one on first use, so
   * this only saves file reads (the PDF exporter calls it with a page's glyphs before subsetting).
   * @throws Error when a partial font's file can no longer be read
   */
  prepareGlyphs(glyphIds: Iterable<number>): void;
}

/** Resolves template font references to loaded fonts. Fonts are loaded before layout starts. */
export interface FontProvider {
  /** The loaded font for a family and weight: exact weight, else the nearest available weight of that family. */
  resolve(family: string, weight: number): LoadedFont | undefined;
  /** A font by its id (as written into PageLayout runs). */
  byId(fontId: string): LoadedFont | undefined;
  /** Every loaded font. */
  all(): readonly LoadedFont[];
}

/** Description of a font to load: where its bytes come from is the caller's business. */
export interface FontDescriptor {
  id: string;
  family: string;
  weight: number;
}

/**
 * Parses a font (TTF/OTF) into a LoadedFont: whole bytes, or a file whose outlines are read on demand.
 * @throws RangeError when the bytes are not a font fontkit can read (collections must be split first).
 */
export function loadFont(descriptor: FontDescriptor, file: Uint8Array | PartialFontFile): LoadedFont {
  const bytes = file instanceof Uint8Array ? file : file.bytes;
  let parsed: ReturnType<typeof create>;
  try {
    // fontkit reads through a Buffer-like view; a Uint8Array works in browsers and Node alike.
    parsed = create(bytes as unknown as Buffer);
  } catch (err) {
    throw new RangeError(`Font "${descriptor.family}" (${descriptor.id}) could not be read: ${(err as Error).message}`, { cause: err });
  }
  if (!('unitsPerEm' in parsed)) {
    throw new RangeError(`Font "${descriptor.family}" (${descriptor.id}) is a font collection; add a single face`);
  }
  const font = parsed as FontkitFont;
  const locaOffsets = primeLocaTable(font, bytes);
  const glyphReader = file instanceof Uint8Array ? undefined : readOutlinesOnDemand(font, file, locaOffsets);
  const metrics = horizontalMetricsReader(font, bytes);
  let cmap: CmapLookup | undefined;
  try {
    cmap = readCmap(bytes, directoryEntry(font, 'cmap'));
  } catch {
    cmap = undefined; // A cmap the direct reader cannot follow: fontkit's decoder answers instead.
  }
  const glyphIdFor = (codePoint: number): number => {
    if (cmap) return cmap(codePoint);
    return font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
  };
  const metricsCache = new Map<number, GlyphMetrics | null>();
  const glyphCache = new Map<number, Glyph>();
  return {
    id: descriptor.id,
    family: descriptor.family,
    weight: descriptor.weight,
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascent,
    descender: font.descent,
    bytes,
    fontkit: font,
    glyphFor(codePoint) {
      let hit = metricsCache.get(codePoint);
      if (hit === undefined) {
        const glyphId = glyphIdFor(codePoint);
        hit = glyphId === 0 ? null : { glyphId, advanceUnits: metrics.advanceUnits(glyphId) };
        metricsCache.set(codePoint, hit);
      }
      return hit ?? undefined;
    },
    advanceUnits: metrics.advanceUnits,
    leftBearingUnits: metrics.leftBearingUnits,
    glyph(glyphId) {
      let g = glyphCache.get(glyphId);
      if (!g) {
        g = font.getGlyph(glyphId);
        glyphCache.set(glyphId, g);
      }
      return g;
    },
    prepareGlyphs(glyphIds) {
      glyphReader?.prepare(glyphIds);
    },
  };
}

/** fontkit's glyph factory, which every outline read (bbox, path, subset, shaping) goes through. */
interface FontkitGlyphFactory {
  _getBaseGlyph?: (glyphId: number, characters?: number[]) => unknown;
}

/**
 * Makes a partial font read each glyph's outline before fontkit first builds the glyph, so no code path can
 * decode a glyph that was never read. When fontkit's internals are not as expected, or the font's outlines are
 * not TrueType `glyf`, the whole of the missing table is read now instead: slower, never wrong.
 * @returns the batch reader, or undefined when everything was read up front
 */
function readOutlinesOnDemand(font: FontkitFont, file: PartialFontFile, locaOffsets: Uint32Array | undefined): GlyphReader | undefined {
  const glyf = directoryEntry(font, 'glyf');
  if (!glyf) return undefined;
  const factory = font as unknown as FontkitGlyphFactory;
  const original = factory._getBaseGlyph;
  if (!locaOffsets || typeof original !== 'function') {
    file.readRanges([glyf]);
    return undefined;
  }
  const reader = createGlyphReader(file, glyf, locaOffsets);
  factory._getBaseGlyph = function readThenBuild(this: unknown, glyphId: number, characters?: number[]) {
    reader.prepare([glyphId]);
    return original.call(this, glyphId, characters);
  };
  return reader;
}

/**
 * Where a table sits in the font file, or undefined when the font has no such table.
 * @param tag the four-letter table tag, e.g. 'GPOS'
 */
export function tableLocation(font: LoadedFont, tag: string): { offset: number; length: number } | undefined {
  return directoryEntry(font.fontkit, tag);
}

function directoryEntry(font: FontkitFont, tag: string): { offset: number; length: number } | undefined {
  const directory = (font as unknown as { directory?: { tables?: Record<string, { offset: number; length: number } | undefined> } }).directory;
  const entry = directory?.tables?.[tag];
  return entry ? { offset: entry.offset, length: entry.length } : undefined;
}

/** fontkit's internals touched by `primeLocaTable`: decoded tables are kept in `_tables` by tag. */
interface FontkitTables {
  _tables?: Record<string, unknown>;
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  head?: { indexToLocFormat: number };
}

/**
 * fontkit decodes `loca` entry by entry through its struct reader on the first outline read (a bbox, a
 * subset): about 12 ms for a 30 000-glyph CJK font, on every cold start, per font. The same offsets read
 * from the bytes take well under a millisecond, so they are placed where fontkit keeps its decoded tables.
 * Same shape as fontkit's own: `{ version: head.indexToLocFormat, offsets }`, short offsets already doubled.
 */
function primeLocaTable(font: FontkitFont, bytes: Uint8Array): Uint32Array | undefined {
  const internals = font as unknown as FontkitTables;
  const entry = internals.directory?.tables?.loca;
  const format = internals.head?.indexToLocFormat;
  if (!entry || !internals._tables || 'loca' in internals._tables || (format !== 0 && format !== 1)) return undefined;
  const entryBytes = format === 1 ? 4 : 2;
  const count = Math.floor(Math.min(entry.length, bytes.byteLength - entry.offset) / entryBytes);
  if (count <= 0) return undefined;
  let offsets: Uint32Array;
  if (format === 1 && LITTLE_ENDIAN) {
    // Big-endian uint32s, byte-reversed as a whole, are little-endian uint32s in reverse order: two native
    // reversals instead of a 30 000-step loop, which ran cold on every start (about 1.5 ms per font).
    const reversed = bytes.slice(entry.offset, entry.offset + count * 4).reverse();
    offsets = new Uint32Array(reversed.buffer, 0, count).reverse();
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, count * entryBytes);
    offsets = new Uint32Array(count);
    for (let i = 0; i < count; i++) offsets[i] = format === 1 ? view.getUint32(i * 4) : view.getUint16(i * 2) * 2;
  }
  internals._tables.loca = { version: format, offsets };
  return offsets;
}

/** Typed arrays use the platform's byte order: little-endian on every platform Node and Electron ship for. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * How to read a glyph's horizontal metrics, font units: straight from hmtx for a static font (see `hmtx.ts`).
 * Variable fonts, and fonts whose hmtx the direct reader refuses, keep fontkit's path (HVAR deltas applied).
 */
function horizontalMetricsReader(font: FontkitFont, bytes: Uint8Array): { advanceUnits(glyphId: number): number; leftBearingUnits(glyphId: number): number } {
  const fontkitPath = {
    advanceUnits: (glyphId: number) => font.getGlyph(glyphId).advanceWidth,
    leftBearingUnits: (glyphId: number) => (font.getGlyph(glyphId) as unknown as { _getMetrics(): { leftBearing: number } })._getMetrics().leftBearing,
  };
  if (directoryEntry(font, 'fvar')) return fontkitPath;
  try {
    return readHorizontalMetrics(bytes, directoryEntry(font, 'hhea'), directoryEntry(font, 'hmtx')) ?? fontkitPath;
  } catch {
    return fontkitPath; // A damaged hmtx: fontkit decides what the glyph's metrics are.
  }
}

/** A FontProvider over a fixed list of loaded fonts. Weight resolution picks the nearest weight. */
export function createFontProvider(fonts: readonly LoadedFont[]): FontProvider {
  const byId = new Map(fonts.map((f) => [f.id, f]));
  return {
    resolve(family, weight) {
      let best: LoadedFont | undefined;
      for (const f of fonts) {
        if (f.family !== family) continue;
        if (!best || Math.abs(f.weight - weight) < Math.abs(best.weight - weight)) best = f;
      }
      return best;
    },
    byId: (id) => byId.get(id),
    all: () => fonts,
  };
}

/**
 * The default fonts Folio ships (npm @expo-google-fonts packages). `file` is the path inside
 * node_modules; the Node font service and the browser host both serve these.
 */
export const DEFAULT_FONTS: readonly (FontDescriptor & { file: string })[] = [
  { id: 'noto-serif-sc-400', family: 'Noto Serif SC', weight: 400, file: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
  { id: 'noto-serif-sc-700', family: 'Noto Serif SC', weight: 700, file: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  { id: 'noto-serif-sc-900', family: 'Noto Serif SC', weight: 900, file: '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf' },
  { id: 'noto-sans-sc-400', family: 'Noto Sans SC', weight: 400, file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  { id: 'noto-sans-sc-700', family: 'Noto Sans SC', weight: 700, file: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
  { id: 'noto-sans-sc-900', family: 'Noto Sans SC', weight: 900, file: '@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf' },
];
