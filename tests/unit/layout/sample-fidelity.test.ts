/**
 * The sample front page against its seed (issue 6): the composed page shows every character of the seed in
 * reading order, and ends its columns where the original print page did as often as the grid allows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import type { FolioDocument, TextFrame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { mmToPt } from '../../../src-core/model/units.js';
import { buildSampleDocument, SEED_COLUMN_ENDS } from '../../../scripts/build-sample.js';
import { broadsheet, testFonts } from './fixtures.js';
import { columnEndReport, seedBreaks } from './sample-column-ends.js';

const SEED = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8');
const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
/**
 * Column ends of the original this page matches: all eight (issue 17 item 6, the frame geometry recovered from the
 * anchors, scripts/build-sample.ts PAGE_PLAN); the test fails if fewer match.
 */
const MATCHED_AT_LEAST = 8;
/** The template's body size (小五), points: one character of a measure, the unit of gutters. */
const BODY_EM_PT = 9;
/** Stories the template adds (masthead fields), not part of the seed. */
const TEMPLATE_STORIES = new Set(document.template.starter.stories.map((s) => s.id));
/**
 * Glyphs belong to a line when their origin lies inside its box or at most this many em (of the run's size)
 * left of it: a line-start opening bracket loses its leading half em, so its origin sits half an em left of
 * the line (punctuation does not hang at the right: the template sets no hanging).
 */
const LINE_SLACK_EM = 0.55;

/** A story's text frames in thread order (from the frame no other frame continues into). */
function threadFrames(doc: FolioDocument, storyId: string): TextFrame[] {
  const frames = doc.pages.flatMap((p) => p.frames).filter((f): f is TextFrame => f.kind === 'text' && f.storyId === storyId);
  const continued = new Set(frames.flatMap((f) => (f.nextFrameId ? [f.nextFrameId] : [])));
  const out: TextFrame[] = [];
  for (let f = frames.find((x) => !continued.has(x.id)); f; f = frames.find((x) => x.id === f!.nextFrameId)) out.push(f);
  return out;
}

/**
 * The text a story shows, line by line in reading order: frames in thread order, in each a straddle head first,
 * then columns left to right, lines top down.
 */
function readingOrderText(page: PageLayout, storyId: string, frames: TextFrame[]): { text: string; glyphsPlaced: number; glyphsDrawn: number } {
  const runs = page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === storyId);
  // A straddle head (a line wider than the column it starts in) heads the columns beside and below it, so it is
  // read first in its frame; on this page straddles stand at the top of their frames (PAGE_PLAN).
  const order = (l: LineBox) => [frames.findIndex((f) => f.id === l.frameId), isStraddle(l, frames) ? -1 : l.column, l.baselineYPt] as const;
  const lines = page.lines.filter((l) => l.storyId === storyId).sort((a, b) => {
    const [fa, ca, ya] = order(a);
    const [fb, cb, yb] = order(b);
    return fa - fb || ca - cb || ya - yb;
  });
  let text = '';
  let glyphsPlaced = 0;
  for (const line of lines) {
    const glyphs = runs
      .filter((r) => r.frameId === line.frameId && Math.abs(r.baselineYPt - line.baselineYPt) < 0.01)
      .flatMap((r) => r.glyphs.map((g) => ({ ...g, slackPt: LINE_SLACK_EM * r.sizePt, inkXPt: inkLeftPt(r, g) })))
      .filter((g) => g.xPt >= line.rect.xPt - g.slackPt && g.xPt < line.rect.xPt + line.rect.widthPt)
      // Read by ink, not origin: an opening quote squeezed whole after a narrow ASCII comma has its origin
      // left of the comma's, its ink right of it.
      .sort((a, b) => a.inkXPt - b.inkXPt);
    glyphsPlaced += glyphs.length;
    text += glyphs.map((g) => g.text).join('');
  }
  return { text, glyphsPlaced, glyphsDrawn: runs.reduce((n, r) => n + r.glyphs.length, 0) };
}

/** Slack when comparing a line's width with its column's, points. */
const WIDTH_EPSILON_PT = 0.01;

/** Whether line `l` is wider than the column it starts in: a straddle head set across several columns. */
function isStraddle(l: LineBox, frames: readonly TextFrame[]): boolean {
  const f = frames.find((x) => x.id === l.frameId)!;
  const columnWidthPt = f.columnWidthsPt?.[l.column] ?? (f.widthPt - (f.columns - 1) * f.gutterChars * BODY_EM_PT) / f.columns;
  return l.rect.widthPt > columnWidthPt + WIDTH_EPSILON_PT;
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** Left edge of a glyph's ink, points (its origin where it draws nothing). */
function inkLeftPt(run: GlyphRunItem, g: GlyphRunItem['glyphs'][number]): number {
  const font = testFonts().byId(run.fontId)!;
  const minX = font.glyph(g.glyphId).bbox.minX;
  return g.xPt + (Number.isFinite(minX) ? (minX * run.sizePt * (g.scaleX ?? 1)) / font.unitsPerEm : 0);
}

describe('sample front page fidelity (templates/samples/deqing-front-2023-07-20.folio)', () => {
  const page = createComposer(testFonts()).compose(document).pages[0]!;

  it('is the build script’s output: rebuilding from the seed gives the same document', () => {
    const { document: rebuilt } = buildSampleDocument(SEED, broadsheet());
    expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('shows every character of the seed in reading order: nothing added, nothing lost', () => {
    let composed = '';
    for (const id of Object.keys(document.stories)) {
      if (TEMPLATE_STORIES.has(id)) continue;
      const { text, glyphsPlaced, glyphsDrawn } = readingOrderText(page, id, threadFrames(document, id));
      // Every drawn glyph of the story belongs to exactly one of its lines.
      expect(glyphsPlaced, id).toBe(glyphsDrawn);
      composed += noSpace(text);
    }
    // The seed's `| … |` marks the boxed slogan; the seed lists the lead's headline before its kicker, the page sets
    // the kicker above; and the feature's headline before its column tag, the page sets the tag above the feature.
    const headline = '“停不下来”的改革创造了奇迹';
    const kicker = '“八八战略”在德清';
    const featureHeadline = '脚踩50℃的模具“夜以继日”生产地铁管片';
    const columnTag = '最美炎值';
    const seed = noSpace(SEED).replace(/\|/g, '').replace(headline + kicker, kicker + headline).replace(featureHeadline + columnTag, columnTag + featureHeadline);
    expect(seed.length).toBeGreaterThan(5800);
    expect(composed).toBe(seed);
    expect(page.overset).toEqual([]);
  });

  it(`ends columns where the original did at ${MATCHED_AT_LEAST} of the eight seed breaks`, () => {
    expect(seedBreaks(SEED).map((b) => b.end)).toEqual([...SEED_COLUMN_ENDS]);
    const report = columnEndReport(document, page, SEED);
    for (const r of report) console.log(`${r.matched ? 'match   ' : 'no match'} ${r.end.padEnd(6, '　')} ${r.where}`);
    const matched = report.filter((r) => r.matched);
    console.log(`${matched.length} of ${report.length} column ends match the original`);
    expect(matched.length).toBeGreaterThanOrEqual(MATCHED_AT_LEAST);
  });

  it('a column end only counts when the column really ends there (moving a frame edge by one line breaks the match)', () => {
    const report = columnEndReport(document, page, SEED).filter((r) => r.matched);
    const frameId = report[0]!.where.split('/')[0]!;
    const pitch = document.template.grid.linePitchPt;
    const doc: FolioDocument = {
      ...document,
      pages: [{ ...document.pages[0]!, frames: document.pages[0]!.frames.map((f) => (f.id === frameId ? { ...f, heightPt: f.heightPt + pitch } : f)) }],
    };
    const moved = columnEndReport(doc, createComposer(testFonts()).compose(doc).pages[0]!, SEED);
    expect(moved.find((r) => r.end === report[0]!.end)!.matched).toBe(false);
  });

  it('places every story frame on whole grid columns and whole grid lines', () => {
    const { page: pg, grid } = document.template;
    const left = mmToPt(pg.typeAreaLeftMm);
    const top = mmToPt(pg.typeAreaTopMm);
    const em = 9;
    const colStep = (grid.charsPerColumn + grid.gutterChars) * em;
    const whole = (v: number) => Math.abs(v - Math.round(v)) < 1e-6;
    for (const f of document.pages[0]!.frames) {
      if (f.id === 'ad-text') continue; // inset inside the ad box by design
      expect(whole((f.xPt - left) / colStep), f.id).toBe(true);
      expect(whole((f.yPt - top) / grid.linePitchPt), f.id).toBe(true);
      expect(whole((f.heightPt) / grid.linePitchPt), f.id).toBe(true);
      const spanChars = f.widthPt / em;
      expect(whole((spanChars + grid.gutterChars) / (grid.charsPerColumn + grid.gutterChars)), f.id).toBe(true);
      if (f.kind === 'text') {
        // Unequal columns (破栏 into measures the grid does not offer) are whole characters too, and with the
        // gutters make the frame's width.
        const columnsChars = f.columnWidthsPt ? f.columnWidthsPt.map((w) => w / em) : new Array<number>(f.columns).fill((spanChars - (f.columns - 1) * f.gutterChars) / f.columns);
        for (const c of columnsChars) expect(whole(c), `${f.id}: ${c} characters per line`).toBe(true);
        expect(columnsChars.reduce((a, b) => a + b, 0) + (f.columns - 1) * f.gutterChars, f.id).toBeCloseTo(spanChars, 6);
      }
    }
  });
});
