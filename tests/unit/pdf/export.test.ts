/**
 * exportPdf on a hand-built fixture page, checked with the Debian tools print staff use
 * (pdfinfo, pdffonts, qpdf, pdftotext, pdftoppm) — PRINT.md "How we check".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMA_VERSION, FolioDocumentSchema } from '../../../src-core/model/document.js';
import { documentExportSettings, exportPdf, formatExportTime } from '../../../src-core/pdf/export.js';
import type { GlyphRunItem } from '../../../src-core/layout/page-layout.js';
import type { LoadedFont } from '../../../src-core/text/font.js';
import { BIG_GLYPH, BODY_LINES, countDark, fixtureInput, fixturePage, loadFonts, renderGrey, ROOT, setLine, tool, writeArtifact, type GreyImage } from './fixtures.js';
import { glyphMatch } from './glyph-raster.js';

const fonts = loadFonts(['noto-serif-sc-400', 'noto-sans-sc-900']);
const serif = fonts.byId('noto-serif-sc-400') as LoadedFont;
const sans = fonts.byId('noto-sans-sc-900') as LoadedFont;
const BLEED = 8.5;
const SLUG = 34;
const OFF = BLEED + SLUG;

let printPath = '';
let proofPath = '';
let printBytes: Uint8Array;
let printQdf = '';
let proofQdf = '';

function qdf(path: string): string {
  const out = path.replace(/\.pdf$/, '.qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, out]);
  return execFileSync('cat', [out], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  printBytes = await exportPdf(fixtureInput(fonts, 'print'));
  printPath = writeArtifact('fixture-print.pdf', printBytes);
  proofPath = writeArtifact('fixture-proof.pdf', await exportPdf(fixtureInput(fonts, 'proof')));
  printQdf = qdf(printPath);
  proofQdf = qdf(proofPath);
});

describe('print preset (PDF/X-1a:2001) structure', () => {
  it('has MediaBox = trim + 2 × (bleed + slug), BleedBox = trim + bleed, TrimBox = trim', () => {
    const info = tool('pdfinfo', ['-box', printPath]);
    const box = (name: string) => (new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(info) ?? []).slice(1).map(Number);
    expect(box('MediaBox')).toEqual([0, 0, 320 + 2 * OFF, 400 + 2 * OFF]);
    expect(box('BleedBox')).toEqual([SLUG, SLUG, SLUG + 320 + 2 * BLEED, SLUG + 400 + 2 * BLEED]);
    expect(box('TrimBox')).toEqual([OFF, OFF, OFF + 320, OFF + 400]);
    expect(info).toMatch(/PDF version:\s+1\.3/);
  });

  it('embeds every font as a subset with a standard ABCDEF+ name (Serif 400 and Sans 900 on one page)', () => {
    const rows = tool('pdffonts', [printPath]).trim().split('\n').slice(2);
    expect(rows).toHaveLength(2);
    const names = rows.map((r) => r.split(/\s+/)[0]).sort((a, b) => a.slice(7).localeCompare(b.slice(7)));
    expect(names[0]).toMatch(/^[A-Z]{6}\+NotoSansSC-Black$/);
    expect(names[1]).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('passes qpdf --check', () => {
    expect(() => tool('qpdf', ['--check', printPath])).not.toThrow();
    expect(tool('qpdf', ['--check', printPath])).toContain('No syntax or stream encoding errors');
  });

  it('uses no RGB and no transparency anywhere', () => {
    expect(printQdf).not.toMatch(/DeviceRGB|ICCBased|CalRGB/);
    expect(printQdf).not.toMatch(/\s(rg|RG)\n/);
    expect(printQdf).not.toMatch(/\/SMask|\/CA |\/ca |\/BM /);
    expect(printQdf).toMatch(/ k\n/);
  });

  it('writes the PDF/X Info keys, OutputIntent and a trailer /ID', () => {
    expect(printQdf).toContain('/GTS_PDFXVersion (PDF/X-1:2001)');
    expect(printQdf).toContain('/GTS_PDFXConformance (PDF/X-1a:2001)');
    expect(printQdf).toContain('/Trapped /False');
    expect(printQdf).toMatch(/\/CreationDate \(D:20261125224000Z\)/);
    expect(printQdf).toMatch(/\/ModDate \(D:20261125224000Z\)/);
    expect(tool('pdfinfo', [printPath])).toMatch(/Producer:\s+Folio PDF exporter/);
    expect(printQdf).toMatch(/\/OutputIntents \[\s*\d+ 0 R\s*\]/);
    expect(printQdf).toContain('/S /GTS_PDFX');
    expect(printQdf).toContain('/OutputConditionIdentifier (IFRA26)');
    expect(printQdf).toContain('/RegistryName (http://www.color.org)');
    // The saved file's own trailer (qpdf --qdf writes its own /ID, so read the original bytes).
    const trailer = Buffer.from(printBytes).toString('latin1').slice(-400);
    expect(trailer).toMatch(/\/ID \[\s*<[0-9A-F]{32}>\s*<[0-9A-F]{32}>\s*\]/);
    expect(trailer).not.toMatch(/<0{32}>/);
    expect(tool('pdfinfo', [printPath])).toContain('Title:           德清新闻 2026-11-25 A01');
  });

  it('overprints 100 K text through an ExtGState with /OP /op /OPM 1', () => {
    expect(printQdf).toMatch(/\/OP true\s*\/OPM 1\s*\/Type \/ExtGState\s*\/op true|\/OP true/);
    expect(printQdf).toMatch(/\/op true/);
    expect(printQdf).toMatch(/\/OPM 1/);
    // Every black text object is preceded by the overprint state.
    expect(printQdf).toMatch(/\/GS-?\d* gs\n0 0 0 1 k\nBT/);
  });

  it('is byte-identical for the same input and date, and differs for another date', async () => {
    const again = await exportPdf(fixtureInput(fonts, 'print'));
    expect(Buffer.from(again).equals(Buffer.from(printBytes))).toBe(true);
    const later = await exportPdf({ ...fixtureInput(fonts, 'print'), createdAt: new Date('2026-11-26T08:00:00Z') });
    expect(Buffer.from(later).equals(Buffer.from(printBytes))).toBe(false);
    const id = (b: Uint8Array) => /\/ID \[ ?<([0-9A-F]{32})>/.exec(Buffer.from(b).toString('latin1'))?.[1];
    expect(id(later)).toBeDefined();
    expect(id(later)).not.toEqual(id(printBytes));
  });

  it('extracts the story text and the slug line through ToUnicode', () => {
    const text = tool('pdftotext', ['-layout', printPath, '-']);
    expect(text).toContain('城乡公路通到家门口');
    for (const line of BODY_LINES) expect(text).toContain(line);
    for (const word of ['德清新闻', '2026-11-25', 'A01', '城市版', '22:40 UTC', '印版']) expect(text).toContain(word);
  });
});

describe('print preset rendering (pdftoppm)', () => {
  let img: GreyImage;
  let img144: GreyImage;
  beforeAll(() => {
    img = renderGrey(printPath, 72);
    img144 = renderGrey(printPath, 144);
  });

  it('puts ink inside the box where the big glyph 国 was placed, and none in an empty area', () => {
    const g = sans.glyph((sans.glyphFor(BIG_GLYPH.char.codePointAt(0) as number) as { glyphId: number }).glyphId);
    const k = BIG_GLYPH.sizePt / sans.unitsPerEm;
    const x0 = OFF + BIG_GLYPH.xPt + g.bbox.minX * k;
    const x1 = OFF + BIG_GLYPH.xPt + g.bbox.maxX * k;
    const y0 = OFF + BIG_GLYPH.baselineYPt - g.bbox.maxY * k;
    const y1 = OFF + BIG_GLYPH.baselineYPt - g.bbox.minY * k;
    const area = (x1 - x0) * (y1 - y0);
    expect(countDark(img, x0, y0, x1, y1)).toBeGreaterThan(area * 0.3);
    expect(countDark(img, OFF + 200, OFF + 250, OFF + 300, OFF + 390, 250)).toBe(0);
  });

  it('shows the right glyphs (outline vs render IoU), not just some ink — for both fonts', () => {
    const pxPerPt = 2;
    const check = (font: LoadedFont, run: GlyphRunItem, index: number) => {
      const glyph = run.glyphs[index];
      return glyphMatch(img144, font, glyph.glyphId, { x: (OFF + glyph.xPt) * pxPerPt, y: (OFF + run.baselineYPt) * pxPerPt }, (run.sizePt / font.unitsPerEm) * pxPerPt);
    };
    const page = fixturePage(fonts);
    const headline = page.items[0] as GlyphRunItem;
    const bigRun = page.items[5] as GlyphRunItem;
    const body = page.items[1] as GlyphRunItem;
    expect(check(sans, bigRun, 0)).toBeGreaterThan(0.9);
    for (let i = 0; i < headline.glyphs.length; i++) expect(check(sans, headline, i)).toBeGreaterThan(0.9);
    for (let i = 0; i < 6; i++) expect(check(serif, body, i)).toBeGreaterThan(0.7);
    // The measure discriminates: the outline of 一 does not match the render of 国.
    const yi = (sans.glyphFor('一'.codePointAt(0) as number) as { glyphId: number }).glyphId;
    const wrong = { ...bigRun, glyphs: [{ ...bigRun.glyphs[0], glyphId: yi }] };
    expect(check(sans, wrong, 0)).toBeLessThan(0.4);
  });

  it('draws crop marks outside trim and bleed, with nothing between trim and bleed + gap', () => {
    // Top-left horizontal crop mark: y = trim top, x from trim left − (bleed + 3) outwards.
    expect(countDark(img, OFF - BLEED - 3 - 12, OFF - 1, OFF - BLEED - 3 - 1, OFF + 1, 250)).toBeGreaterThan(5);
    // Nothing in the bleed band at the left of the trim (between the page content and the marks).
    expect(countDark(img, OFF - BLEED - 2, OFF + 2, OFF - 0.5, OFF + 398, 250)).toBe(0);
  });
});

describe('proof preset', () => {
  it('has MediaBox = trim and no PDF/X keys or OutputIntent', () => {
    const info = tool('pdfinfo', ['-box', proofPath]);
    expect(info).toMatch(/MediaBox:\s+0\.00\s+0\.00\s+320\.00\s+400\.00/);
    expect(proofQdf).not.toContain('GTS_PDFX');
    expect(proofQdf).not.toContain('/OutputIntents');
    expect(proofQdf).not.toMatch(/ k\n| K\n/);
    expect(proofQdf).toMatch(/ rg\n/);
    expect(() => tool('qpdf', ['--check', proofPath])).not.toThrow();
  });

  it('has the 校样 PROOF watermark and the footer', () => {
    const text = tool('pdftotext', ['-raw', proofPath, '-']).replace(/\s+/g, '');
    for (const ch of ['校', '样', 'P', 'R', 'O', 'F']) expect(text).toContain(ch);
    for (const line of BODY_LINES) expect(text).toContain(line);
    expect(text).toContain('front.folio');
    expect(text).toContain('版本v3');
    expect(text).toContain('2026-11-2522:40UTC');
  });

  it('renders the watermark as light grey ink in an area the page leaves empty', () => {
    const proof = renderGrey(proofPath, 72);
    const print = renderGrey(printPath, 72);
    // Lower-left quadrant below the box: only the watermark's first letters are there.
    const grey = (im: GreyImage, dx: number) => {
      let n = 0;
      for (let y = 250; y < 380; y++) for (let x = 20 + dx; x < 150 + dx; x++) {
        const v = im.pixels[(y + dx) * im.width + x];
        if (v > 100 && v < 235) n++;
      }
      return n;
    };
    expect(grey(proof, 0)).toBeGreaterThan(100);
    expect(grey(print, OFF)).toBe(0);
  });

  it('regression: the watermark lies under the text and never lightens a pixel of the page (300 dpi)', async () => {
    // A page of body text with commas and 、 across the watermark's diagonal. The print preset of the same
    // page is the render without the watermark: its 100 K text renders as black as the proof's, and a bleed +
    // slug of 43.2 pt puts the trim on a whole pixel at 300 dpi (180 px), so both rasterise the same glyphs.
    const dpi = 300;
    const lines = Array.from({ length: 24 }, (_, i) => setLine(serif, '德清县今年推进城乡一体化建设，全县新建农村公路、桥梁，', 10, 14, 30 + i * 14.5));
    const page = { ...fixturePage(fonts), items: lines };
    const input = fixtureInput(fonts, 'proof', [page]);
    const proof = renderGrey(writeArtifact('watermark-proof.pdf', await exportPdf(input)), dpi);
    const print = renderGrey(writeArtifact('watermark-reference.pdf', await exportPdf({ ...input, preset: 'print', bleedPt: 8.64, slugPt: 34.56 })), dpi);
    const offPx = Math.round((43.2 * dpi) / 72);
    const textBottomPx = Math.ceil(((30 + 23 * 14.5 + 4) * dpi) / 72);
    let darkPx = 0;
    let lighterPx = 0;
    let darkLostPx = 0;
    let watermarkPx = 0;
    for (let y = 0; y < textBottomPx; y++) {
      for (let x = 0; x < proof.width - 1; x++) {
        const before = print.pixels[(y + offPx) * print.width + x + offPx];
        const after = proof.pixels[y * proof.width + x];
        if (before < 128) {
          darkPx++;
          if (after >= 128) darkLostPx++;
        }
        // Anti-aliasing noise is a level or two; the old knockout lifted black to light grey.
        if (after > before + 8) lighterPx++;
        if (before === 255 && after < 235) watermarkPx++;
      }
    }
    expect(darkPx).toBeGreaterThan(100_000);
    expect(darkLostPx).toBe(0);
    expect(lighterPx).toBe(0);
    // …and the watermark is still there, on the paper between the characters.
    expect(watermarkPx).toBeGreaterThan(5_000);
  });
});

describe('glyph positions are drawn as composed, never re-measured', () => {
  it('honours spaced and compressed x positions and scaleX (checked glyph by glyph on the render)', async () => {
    const size = 30;
    const base = setLine(sans, '国，（中）国', size, 20, 60);
    // Irregular positions: wide gaps, and an opening bracket pulled 12 pt left of where the comma’s advance ends (negative TJ).
    const xs = [20, 62, 80, 110, 160, 200];
    const spaced: GlyphRunItem = { ...base, glyphs: base.glyphs.map((g, i) => ({ ...g, xPt: xs[i] })) };
    // A dash stretched to twice its width (scaleX), followed by a normal glyph.
    const dashRun = setLine(sans, '一国', size, 20, 130);
    const stretched: GlyphRunItem = { ...dashRun, glyphs: [{ ...dashRun.glyphs[0], scaleX: 2 }, { ...dashRun.glyphs[1], xPt: 20 + 2 * size + 10 }] };
    const page = { ...fixturePage(fonts), items: [spaced, stretched] };
    const path = writeArtifact('positions-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
    const img = renderGrey(path, 144);
    const pxPerPt = 2;
    const match = (run: GlyphRunItem, i: number) => glyphMatch(img, sans, run.glyphs[i].glyphId, { x: (OFF + run.glyphs[i].xPt) * pxPerPt, y: (OFF + run.baselineYPt) * pxPerPt }, (size / sans.unitsPerEm) * pxPerPt);
    for (let i = 0; i < spaced.glyphs.length; i++) expect(match(spaced, i), `glyph ${i} ${spaced.glyphs[i].text}`).toBeGreaterThan(0.85);
    expect(match(stretched, 1)).toBeGreaterThan(0.85);
    // The stretched 一 reaches about twice as far as its natural ink.
    const yi = sans.glyph(stretched.glyphs[0].glyphId);
    const k = size / sans.unitsPerEm;
    const baselinePx = (OFF + 130) * pxPerPt;
    const midYPx = baselinePx - ((yi.bbox.minY + yi.bbox.maxY) / 2) * k * pxPerPt;
    let right = 0;
    for (let x = 0; x < img.width; x++) if (img.pixels[Math.round(midYPx) * img.width + x] < 128 && x < (OFF + 20 + 2 * size + 5) * pxPerPt) right = x;
    const expectedRightPx = (OFF + 20 + 2 * yi.bbox.maxX * k) * pxPerPt;
    expect(Math.abs(right - expectedRightPx)).toBeLessThan(3);
  });
});

describe('documentExportSettings', () => {
  it('takes meta, output condition, bleed/slug and the body font from the document and template', () => {
    const template = JSON.parse(readFileSync(join(ROOT, 'templates/broadsheet-front.json'), 'utf8'));
    const doc = FolioDocumentSchema.parse({
      schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'd', title: '德清新闻', issue: { paper: '德清新闻', date: '2023-07-20', edition: '城市版' }, template,
      stories: {}, pages: [{ id: 'p1', name: 'A01', frames: [] }],
    });
    const s = documentExportSettings(doc, fonts, 'front.folio', 'v2');
    expect(s.meta).toEqual({ title: '德清新闻 2023-07-20', paper: '德清新闻', issueDate: '2023-07-20', edition: '城市版', documentName: 'front.folio', version: 'v2' });
    expect(s.output.outputConditionIdentifier).toBe(doc.template.output.outputConditionIdentifier);
    expect(s.slugPt).toBeCloseTo((doc.template.page.slugMm * 72) / 25.4);
    expect(s.bleedPt).toBeCloseTo((doc.template.page.bleedMm * 72) / 25.4);
    expect(s.furnitureFontId).toBe('noto-serif-sc-400');
  });
});

describe('invalid layouts are refused with a specific RangeError', () => {
  it('rejects unknown fonts, glyph ids outside the font, NaN positions and empty page lists', async () => {
    const page = fixturePage(fonts);
    const run = page.items[0] as GlyphRunItem;
    const withRun = (r: GlyphRunItem) => fixtureInput(fonts, 'print', [{ ...page, items: [r] }]);
    await expect(exportPdf(withRun({ ...run, fontId: 'no-such-font' }))).rejects.toThrow(/no-such-font/);
    await expect(exportPdf(withRun({ ...run, glyphs: [{ ...run.glyphs[0], glyphId: 999_999 }] }))).rejects.toThrow(RangeError);
    await expect(exportPdf(withRun({ ...run, glyphs: [{ ...run.glyphs[0], xPt: Number.NaN }] }))).rejects.toThrow(/invalid position/);
    await expect(exportPdf(fixtureInput(fonts, 'print', []))).rejects.toThrow(/no pages/);
  });

  it('never draws .notdef (glyph 0): no tofu reaches the plate', async () => {
    const page = fixturePage(fonts);
    const run = page.items[5] as GlyphRunItem; // the big 国
    const path = writeArtifact('notdef-print.pdf', await exportPdf(fixtureInput(fonts, 'print', [{ ...page, items: [{ ...run, glyphs: [{ ...run.glyphs[0], glyphId: 0 }] }] }])));
    const img = renderGrey(path, 72);
    expect(countDark(img, OFF + BIG_GLYPH.xPt, OFF + BIG_GLYPH.baselineYPt - 50, OFF + BIG_GLYPH.xPt + 50, OFF + BIG_GLYPH.baselineYPt + 10, 250)).toBe(0);
  });
});

describe('multi-page export', () => {
  it('writes every page with its boxes and marks, sharing one subset per font across pages', async () => {
    const pages = [fixturePage(fonts, 'A01'), fixturePage(fonts, 'A02')];
    const path = writeArtifact('two-pages-print.pdf', await exportPdf(fixtureInput(fonts, 'print', pages)));
    const info = tool('pdfinfo', ['-box', '-f', '1', '-l', '2', path]);
    expect(info).toMatch(/Pages:\s+2/);
    expect(info.match(/TrimBox:\s+42\.50\s+42\.50\s+362\.50\s+442\.50/g)).toHaveLength(2);
    expect(tool('pdffonts', [path]).trim().split('\n').slice(2)).toHaveLength(2);
    const text = tool('pdftotext', ['-f', '2', '-l', '2', path, '-']);
    expect(text).toContain('A02 版');
    expect(text).toContain('城乡公路通到家门口');
  });
});

describe('formatExportTime', () => {
  it('prints the passed-in time in the given offset, naming the zone', () => {
    const t = new Date('2026-11-25T22:40:00Z');
    expect(formatExportTime(t)).toBe('2026-11-25 22:40 UTC');
    expect(formatExportTime(t, 480)).toBe('2026-11-26 06:40 UTC+8');
    expect(formatExportTime(t, -330)).toBe('2026-11-25 17:10 UTC−5:30');
    expect(() => formatExportTime(t, 100_000)).toThrow(RangeError);
  });
});

describe('slug too narrow for marks', () => {
  it('still writes a valid PDF/X page (MediaBox = trim + bleed) without marks or slug line', async () => {
    const path = writeArtifact('no-slug-print.pdf', await exportPdf({ ...fixtureInput(fonts, 'print'), bleedPt: 3, slugPt: 0 }));
    const info = tool('pdfinfo', ['-box', path]);
    expect(info).toMatch(/MediaBox:\s+0\.00\s+0\.00\s+326\.00\s+406\.00/);
    expect(info).toMatch(/TrimBox:\s+3\.00\s+3\.00\s+323\.00\s+403\.00/);
    expect(tool('pdftotext', [path, '-'])).not.toContain('印版');
    expect(tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  });
});
