/**
 * Shared fixtures for PDF tests: the default fonts (loaded once per test file), hand-built PageLayouts
 * (the composer is not used: glyphs are placed at their font advances), and Debian tool helpers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlyphRunItem, LayoutItem, PageLayout, PositionedGlyph } from '../../../src-core/layout/page-layout.js';
import type { Cmyk } from '../../../src-core/model/colour.js';
import { createFontProvider, DEFAULT_FONTS, loadFont, type FontProvider, type LoadedFont } from '../../../src-core/text/font.js';
import type { PdfExportInput } from '../../../src-core/pdf/export.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS = join(ROOT, 'tests/artifacts/pdf');
mkdirSync(ARTIFACTS, { recursive: true });

export const BLACK: Cmyk = { c: 0, m: 0, y: 0, k: 1 };

/** Ghostscript's CMYK output profile (Debian libgs-common, installed by .ci/run): the tests' stand-in plant profile. */
export const GHOSTSCRIPT_CMYK_ICC = '/usr/share/color/icc/ghostscript/default_cmyk.icc';
/** Ghostscript's sRGB profile: a real ICC profile that is not a CMYK output profile. */
export const GHOSTSCRIPT_RGB_ICC = '/usr/share/color/icc/ghostscript/srgb.icc';

/** Loads the given default fonts (by id) from node_modules. */
export function loadFonts(ids: readonly string[]): FontProvider {
  const fonts: LoadedFont[] = ids.map((id) => {
    const d = DEFAULT_FONTS.find((f) => f.id === id);
    if (!d) throw new Error(`no default font ${id}`);
    return loadFont(d, new Uint8Array(readFileSync(join(ROOT, 'node_modules', d.file))));
  });
  return createFontProvider(fonts);
}

/** Sets text glyph after glyph at the font's advances, starting at xPt (no breaking: a fixture). */
export function setLine(font: LoadedFont, text: string, sizePt: number, xPt: number, baselineYPt: number, colour: Cmyk = BLACK, extra: Partial<GlyphRunItem> = {}): GlyphRunItem {
  const glyphs: PositionedGlyph[] = [];
  let x = xPt;
  for (const ch of text) {
    const m = font.glyphFor(ch.codePointAt(0) as number);
    if (!m) throw new Error(`font ${font.id} lacks ${ch}`);
    glyphs.push({ glyphId: m.glyphId, xPt: x, text: ch });
    x += (m.advanceUnits / font.unitsPerEm) * sizePt;
  }
  return { kind: 'glyphs', fontId: font.id, sizePt, colour, baselineYPt, glyphs, ...extra };
}

/** The text lines of the fixture page. */
export const BODY_LINES = [
  '德清县今年推进城乡一体化建设，',
  '全县新建农村公路一百二十公里，',
  '群众出行更加便捷。记者走访了',
  '多个乡镇，听取村民的意见建议。',
];

/** Where the big test glyph 国 (Sans 900, 48 pt) sits: origin and em box, layout points. */
export const BIG_GLYPH = { char: '国', sizePt: 48, xPt: 200, baselineYPt: 110 };

/**
 * A 320 × 400 pt page: a Sans 900 headline, Serif 400 body lines, a big 国, a rule and a filled box.
 * Region x 200–300, y 250–390 stays empty (for "no ink" checks).
 */
export function fixturePage(fonts: FontProvider, pageName = 'A01'): PageLayout {
  const serif = fonts.byId('noto-serif-sc-400') as LoadedFont;
  const sans = fonts.byId('noto-sans-sc-900') as LoadedFont;
  const items: LayoutItem[] = [
    setLine(sans, '城乡公路通到家门口', 22, 20, 50, BLACK, { storyId: 's1', frameId: 'f1' }),
    ...BODY_LINES.map((t, i) => setLine(serif, t, 10, 20, 80 + i * 15, BLACK, { storyId: 's1', frameId: 'f1' })),
    setLine(sans, BIG_GLYPH.char, BIG_GLYPH.sizePt, BIG_GLYPH.xPt, BIG_GLYPH.baselineYPt),
    { kind: 'rule', x1Pt: 20, y1Pt: 150, x2Pt: 300, y2Pt: 150, strokePt: 1, colour: BLACK },
    { kind: 'box', rect: { xPt: 20, yPt: 170, widthPt: 120, heightPt: 60 }, strokePt: 1, stroke: BLACK, fill: { c: 0.2, m: 0, y: 0, k: 0 } },
  ];
  return {
    pageId: `p-${pageName}`, pageName, trimWidthPt: 320, trimHeightPt: 400, bleedPt: 0,
    typeArea: { xPt: 20, yPt: 20, widthPt: 280, heightPt: 360 },
    items, lines: [], overset: [], copyfit: [], warnings: [],
  };
}

/** A complete export input around the fixture page. */
export function fixtureInput(fonts: FontProvider, preset: 'print' | 'proof', pages: PageLayout[] = [fixturePage(fonts)]): PdfExportInput {
  return {
    pages, fonts, preset,
    assets: async () => undefined,
    meta: { title: '德清新闻 2026-11-25 A01', paper: '德清新闻', issueDate: '2026-11-25', edition: '城市版', documentName: 'front.folio', version: 'v3' },
    output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'Newsprint, coldset offset (IFRA26)', totalInkLimitPct: 240 },
    bleedPt: 8.5, slugPt: 34, createdAt: new Date('2026-11-25T22:40:00Z'),
    furnitureFontId: 'noto-serif-sc-400',
  };
}

/** Writes bytes to tests/artifacts/pdf/<name> and returns the path. */
export function writeArtifact(name: string, bytes: Uint8Array): string {
  const path = join(ARTIFACTS, name);
  writeFileSync(path, bytes);
  return path;
}

/** Runs a Debian tool and returns stdout (throws on a non-zero exit). */
export function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A greyscale render: width, height, one byte per pixel (0 = black). */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Whether the pixel nearest (x, y) of a grey render is ink (darker than mid grey). */
export function isInk(img: GreyImage, xPx: number, yPx: number): boolean {
  return img.pixels[Math.round(yPx) * img.width + Math.round(xPx)]! < 128;
}

/** Runs of ink along row `yPx` of a grey render between two x positions (pixels): dashes, dots, motifs counted. */
export function inkRunsAlongRow(img: GreyImage, yPx: number, x0Px: number, x1Px: number): number {
  let runs = 0;
  let inInk = false;
  for (let x = Math.round(x0Px); x < Math.round(x1Px); x++) {
    const d = isInk(img, x, yPx);
    if (d && !inInk) runs++;
    inInk = d;
  }
  return runs;
}

/** Renders page 1 with `pdftoppm -r <dpi> -gray` and parses the PGM. Also writes a PNG beside it for looking at. */
export function renderGrey(pdfPath: string, dpi = 72): GreyImage {
  const base = pdfPath.replace(/\.pdf$/, `-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', '-singlefile', pdfPath, base]);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, base]);
  const pgm = readFileSync(`${base}.pgm`);
  // P5 header: "P5\n<w> <h>\n<max>\n"
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]))) pos++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]))) tok += String.fromCharCode(pgm[pos++]);
    fields.push(tok);
  }
  pos++;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(pgm.subarray(pos, pos + width * height)) };
}

/** Counts pixels darker than `threshold` in a rectangle (pixels, top-left origin). */
export function countDark(img: GreyImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
      if (img.pixels[y * img.width + x] < threshold) n++;
    }
  }
  return n;
}
