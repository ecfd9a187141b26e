import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import type { FolioDocument, TextFrame } from '../../../src-core/model/document.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { mmToPt } from '../../../src-core/model/units.js';
import { BODY_PT, PITCH_PT, testFonts } from './fixtures.js';
import { pageToSvg } from './render-svg.js';

const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
const typeTopPt = (document.template.page.typeAreaTopMm * 72) / 25.4;
const gridBaseline0 = typeTopPt + (PITCH_PT - BODY_PT) / 2 + 0.88 * BODY_PT;

describe('sample front page (templates/samples/deqing-front-2023-07-20.folio)', () => {
  const composer = createComposer(testFonts());
  const out = composer.compose(document);
  const page = out.pages[0]!;

  it('sets every story without overset, body lines on the page grid', () => {
    expect(page.overset).toEqual([]);
    const placed = new Set(document.pages[0]!.frames.flatMap((f) => (f.kind === 'text' ? [f.storyId] : [])));
    expect(page.copyfit.map((c) => c.storyId).sort()).toEqual([...placed].sort());
    expect(page.warnings.filter((w) => w.code === 'missing-font' || w.code === 'missing-asset')).toEqual([]);
    // Every masthead field has a value, the lunar date included (computed from the issue date).
    expect(out.notices).toEqual([]);
    const bodyLines = page.lines.filter((l) => Math.abs(l.rect.heightPt - PITCH_PT) < 1e-9);
    expect(bodyLines.length).toBeGreaterThan(250);
    for (const l of bodyLines) {
      const k = (l.baselineYPt - gridBaseline0) / PITCH_PT;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
    }
  });

  it('the lead story: headline group in its headline frame, body threaded through its two frames in order', () => {
    const lead = page.lines.filter((l) => l.storyId === 'lead');
    const head = lead.filter((l) => l.frameId === 'lead-head');
    const headFrame = document.pages[0]!.frames.find((f) => f.id === 'lead-head')!;
    expect(head.length).toBeGreaterThan(1);
    for (const l of head) expect(l.rect.widthPt).toBeCloseTo(headFrame.widthPt, 6);
    const frames = [...new Set(lead.map((l) => l.frameId))];
    expect(frames).toEqual(['lead-head', 'lead-1', 'lead-2']);
    for (let i = 1; i < lead.length; i++) expect(lead[i]!.fromPos).toBeGreaterThanOrEqual(lead[i - 1]!.toPos);
  });

  it('draws: every glyph id has an outline in its font (render written to tests/artifacts/layout-sample.svg)', () => {
    const svg = pageToSvg(page, testFonts(), true);
    mkdirSync('tests/artifacts', { recursive: true });
    writeFileSync('tests/artifacts/layout-sample.svg', svg);
    const glyphs = page.items.flatMap((i) => (i.kind === 'glyphs' ? i.glyphs.map((g) => ({ fontId: i.fontId, g })) : []));
    expect(glyphs.length).toBeGreaterThan(5000);
    expect((svg.match(/<use /g) ?? []).length).toBe(glyphs.length);
    for (const { fontId, g } of glyphs) {
      expect(g.glyphId).toBeGreaterThan(0);
      if (g.text.trim() !== '') expect(testFonts().byId(fontId)!.glyph(g.glyphId).path.commands.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic and a warm re-compose equals a fresh one', () => {
    const again = composer.compose(document);
    expect(composer.stats.storyMisses).toBe(out.pages[0]!.copyfit.length);
    expect(composer.stats.storyHits).toBe(out.pages[0]!.copyfit.length);
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
    expect(JSON.stringify(createComposer(testFonts()).compose(document))).toBe(JSON.stringify(out));
  });

  it('regression (issue 12): the bikes story threaded out of a 40 mm frame to A02 keeps 下转第2版 and 上接第1版', () => {
    /** The sample with the bikes frame `heightMm` tall and threaded on to a text frame on a new page A02. */
    const threaded = (heightMm: number): FolioDocument => {
      const a01 = document.pages[0]!;
      const bikes = a01.frames.find((f): f is TextFrame => f.id === 'bikes' && f.kind === 'text')!;
      // The frame as the sample had it when the regression was found: three grid columns (41 characters) set in
      // two columns, filled, not balanced (issue 17 moved the story to a balanced frame of four grid columns).
      const asFound: TextFrame = { id: bikes.id, kind: 'text', storyId: bikes.storyId, xPt: bikes.xPt, yPt: bikes.yPt, widthPt: 41 * 9, heightPt: bikes.heightPt, locked: false, columns: 2, gutterChars: 1, columnRule: false };
      const on: TextFrame = { ...asFound, id: 'bikes-a02', yPt: mmToPt(document.template.page.typeAreaTopMm) };
      const frames = a01.frames.map((f) => (f === bikes ? { ...asFound, heightPt: mmToPt(heightMm), nextFrameId: on.id } : f));
      return { ...document, pages: [{ ...a01, frames }, { id: 'a02', name: 'A02', section: '', frames: [on] }] };
    };
    const textIn = (layout: PageLayout, frameId: string) =>
      layout.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.frameId === frameId).map((i) => i.glyphs.map((g) => g.text).join('')).join('|');
    for (const heightMm of [40, 58]) {
      const [one, two] = createComposer(testFonts()).compose(threaded(heightMm)).pages;
      expect(textIn(one!, 'bikes')).toMatch(/\|下转第2版$/);
      expect(textIn(two!, 'bikes-a02')).toMatch(/^上接第1版\|/);
      expect(two!.overset).toEqual([]);
    }
    // At 40 mm kicker, headline and byline fit and all body text moves on: the frame is a headline frame.
    const [one] = createComposer(testFonts()).compose(threaded(40)).pages;
    expect(textIn(one!, 'bikes')).toBe('“绿色亚运 乐在骑行”暨亚运款公共自行车投运|仪式举行|我县新增公共自行车1800辆|记者 倪忆雪|下转第2版');
  });
});
