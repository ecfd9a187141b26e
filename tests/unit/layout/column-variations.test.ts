/**
 * Column variations (变栏, unequal columns) and balanced columns (齐底), issue 16: named regression cases.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { caretRect, positionAtPoint } from '../../../src-core/layout/hit-test.js';
import type { LineBox, PageLayout, RuleItem } from '../../../src-core/layout/page-layout.js';
import { readColumnVariation } from '../../../src-core/model/column-variation.js';
import { TextFrameSchema, columnWidthsProblem, type Frame, type PmNodeJson, type TextFrame } from '../../../src-core/model/document.js';
import { BODY_PT, PITCH_PT, blk, broadsheet, cols, documentOf, p, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const han = (n: number) => '德清改革创新发展高地品质生活新城'.repeat(Math.ceil(n / 16)).slice(0, n);
/** A paragraph set across `span` columns (变栏). */
const spanP = (span: number | 'all', text: string): PmNodeJson => ({ ...p(text), attrs: { spanColumns: span } });
/** A paragraph with any column-variation attrs (spanColumns, spanFromColumn, sectionColumns). */
const varP = (attrs: Record<string, unknown>, text: string): PmNodeJson => ({ ...p(text), attrs });

function composePage(frames: Frame[], stories: ReturnType<typeof story>[]): PageLayout {
  return createComposer(fonts).compose(documentOf(stories, [{ id: 'A01', frames }], tpl)).pages[0]!;
}
const linesOf = (page: PageLayout, storyId = 's') => page.lines.filter((l) => l.storyId === storyId);
const bottomOf = (lines: readonly LineBox[]) => Math.max(...lines.map((l) => l.rect.yPt + l.rect.heightPt));
const inOrder = (lines: readonly LineBox[]) => lines.every((l, i) => i === 0 || l.fromPos >= lines[i - 1]!.toPos);

describe('balanced columns (齐底)', () => {
  it('balanced story ending mid-column: column depths differ by at most one line', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 4, 0, 40], { balance: true });
    const page = composePage([frame], [story('s', cols(p(han(400))), cols(p(han(150))))]);
    const lines = linesOf(page);
    const depths = [0, 1, 2, 3].map((c) => lines.filter((l) => l.column === c).length);
    expect(depths.every((d) => d > 0)).toBe(true);
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1);
    // The earlier columns are the longer ones.
    for (let c = 1; c < 4; c++) expect(depths[c]!).toBeLessThanOrEqual(depths[c - 1]!);
    expect(inOrder(lines)).toBe(true);
    // The same story unbalanced fills column 0 first: balancing changed something, and lost no text.
    const filled = linesOf(composePage([{ ...frame, balance: false }], [story('s', cols(p(han(400))), cols(p(han(150))))]));
    expect(filled.filter((l) => l.column === 0).length).toBeGreaterThan(depths[0]!);
    expect(lines[lines.length - 1]!.toPos).toBe(filled[filled.length - 1]!.toPos);
    // Copyfit says what it cost: per column, the lines left below the balanced end.
    const fit = page.copyfit.find((c) => c.storyId === 's')!;
    expect(fit.balanceShortLines).toEqual(depths.map((d) => 40 - d));
    expect(fit.lineDelta).toBe(-(4 * 40 - depths.reduce((a, b) => a + b, 0)));
  });

  it('a balanced frame whose story runs on into the next frame fills it', () => {
    const a = textFrame(tpl, 'a', 's', [0, 3, 0, 10], { balance: true, nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 3, 20, 20]);
    const page = composePage([a, b], [story('s', cols(p(han(700))))]);
    const inA = linesOf(page).filter((l) => l.frameId === 'a');
    expect(inA).toHaveLength(30);
  });

  it('a story too long to balance in its frame stays overset, not lost', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 5], { balance: true });
    const page = composePage([frame], [story('s', cols(p(han(600))))]);
    expect(page.overset.find((o) => o.storyId === 's')).toBeDefined();
    expect(linesOf(page)).toHaveLength(10);
  });
});

describe('变栏: paragraphs across columns', () => {
  it('span-all intro then 5 columns: the intro runs across the frame, the columns start under it on the grid', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 5, 0, 30]);
    const page = composePage([frame], [story('s', blk('headline', '德清改革'), cols(spanP('all', han(120)), p(han(1600))))]);
    const lines = linesOf(page);
    const intro = lines.filter((l) => Math.abs(l.rect.widthPt - frame.widthPt) < 0.01);
    expect(intro.length).toBeGreaterThanOrEqual(1);
    const introBottom = bottomOf(intro);
    const body = lines.filter((l) => l.rect.widthPt < frame.widthPt - 1);
    expect(new Set(body.map((l) => l.column)).size).toBe(5);
    for (let c = 0; c < 5; c++) {
      const first = body.filter((l) => l.column === c)[0]!;
      expect(first.rect.yPt).toBeGreaterThanOrEqual(introBottom - 0.01);
      // On the grid: every body line top is a whole number of pitches from the frame top.
      const k = (first.rect.yPt - frame.yPt) / PITCH_PT;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
    }
    expect(inOrder(lines)).toBe(true);
  });

  it('a straddle head mid-story: the columns above balance, the head sits under them, the text continues below', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 4, 0, 40]);
    const page = composePage([frame], [story('s', cols(p(han(300)), spanP('all', han(20)), p(han(1500))))]);
    const lines = linesOf(page);
    const head = lines.filter((l) => Math.abs(l.rect.widthPt - frame.widthPt) < 0.01);
    expect(head).toHaveLength(1);
    const headTop = head[0]!.rect.yPt;
    const above = lines.filter((l) => l.rect.yPt < headTop);
    const depths = [0, 1, 2, 3].map((c) => above.filter((l) => l.column === c).length);
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1);
    expect(Math.abs(bottomOf(above) - headTop)).toBeLessThan(0.01);
    const below = lines.filter((l) => l.rect.yPt > headTop);
    expect(new Set(below.map((l) => l.column)).size).toBe(4);
    expect(Math.min(...below.map((l) => l.rect.yPt))).toBeGreaterThanOrEqual(headTop + head[0]!.rect.heightPt - 0.01);
    expect(inOrder(lines)).toBe(true);
  });

  it('a straddle head over 2 of 4 columns: those columns continue under it, the others beside it, and rules stop at it', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 4, 0, 40], { columnRule: true });
    const page = composePage([frame], [story('s', cols(spanP(2, han(30)), p(han(1800))))]);
    const lines = linesOf(page);
    const colW = (frame.widthPt - 3 * BODY_PT) / 4;
    const headW = 2 * colW + BODY_PT;
    const head = lines.filter((l) => Math.abs(l.rect.widthPt - headW) < 0.01);
    expect(head.length).toBeGreaterThanOrEqual(1);
    const headBottom = bottomOf(head);
    const first = (c: number) => lines.filter((l) => l.column === c && Math.abs(l.rect.widthPt - colW) < 0.01)[0]!;
    expect(first(0).rect.yPt).toBeCloseTo(headBottom, 6);
    expect(first(1).rect.yPt).toBeCloseTo(headBottom, 6);
    expect(first(2).rect.yPt).toBeCloseTo(frame.yPt, 6);
    expect(first(3).rect.yPt).toBeCloseTo(frame.yPt, 6);
    expect(inOrder(lines)).toBe(true);
    // The rule in the gutter under the head starts below it; the others run from the top.
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && i.frameId === 'f');
    const gutter0 = frame.xPt + colW + BODY_PT / 2;
    const cut = rules.filter((r) => Math.abs(r.x1Pt - gutter0) < 0.01);
    expect(Math.min(...cut.map((r) => r.y1Pt))).toBeCloseTo(headBottom, 6);
    expect(rules.filter((r) => Math.abs(r.x1Pt - gutter0) >= 0.01).every((r) => Math.abs(r.y1Pt - frame.yPt) < 0.01)).toBe(true);
  });

  it('a span wider than the frame spans all its columns; in a one-column frame it is a plain paragraph', () => {
    const wide = textFrame(tpl, 'f', 's', [0, 3, 0, 30]);
    const page = composePage([wide], [story('s', cols(spanP(9, han(30)), p(han(200))))]);
    expect(linesOf(page)[0]!.rect.widthPt).toBeCloseTo(wide.widthPt, 6);
    const narrow = textFrame(tpl, 'f', 's', [0, 1, 0, 30]);
    const plain = composePage([narrow], [story('s', cols(spanP('all', han(30)), p(han(200))))]);
    const without = composePage([narrow], [story('s', cols(p(han(30)), p(han(200))))]);
    expect(JSON.stringify(plain.lines)).toBe(JSON.stringify(without.lines));
  });
});

describe('unequal columns', () => {
  const frameOf = (widthsChars: number[], extra: Partial<TextFrame> = {}): TextFrame => {
    const base = textFrame(tpl, 'f', 's', [0, 3, 0, 20], extra);
    const scale = (base.widthPt - 2 * BODY_PT) / (widthsChars.reduce((a, b) => a + b, 0) * BODY_PT);
    return { ...base, columnWidthsPt: widthsChars.map((c) => c * BODY_PT * scale) };
  };

  it('unequal columns respect their widths: every line lies in its column', () => {
    const frame = frameOf([10, 10, 21]);
    const widths = frame.columnWidthsPt!;
    const page = composePage([frame], [story('s', cols(p(han(1200))))]);
    const lines = linesOf(page);
    let x = frame.xPt;
    for (let c = 0; c < 3; c++) {
      const col = lines.filter((l) => l.column === c);
      expect(col.length).toBe(20);
      for (const l of col) {
        expect(l.rect.xPt).toBeCloseTo(x, 6);
        expect(l.rect.widthPt).toBeCloseTo(widths[c]!, 6);
        expect(l.caretXPt[l.caretXPt.length - 1]!).toBeLessThanOrEqual(x + widths[c]! + 0.01);
      }
      x += widths[c]! + BODY_PT;
    }
    expect(inOrder(lines)).toBe(true);
    // Hit-testing follows the unequal columns: a point in the wide column finds a position of its line, and
    // that position's caret is back in the wide column.
    const wide = lines.filter((l) => l.column === 2)[5]!;
    const hit = positionAtPoint(page, wide.rect.xPt + widths[2]! * 0.75, wide.rect.yPt + wide.rect.heightPt / 2)!;
    expect(hit.pos).toBeGreaterThanOrEqual(wide.fromPos);
    expect(hit.pos).toBeLessThanOrEqual(wide.toPos);
    const caret = caretRect(page, 's', hit.pos)!;
    expect(caret.xPt).toBeGreaterThan(wide.rect.xPt + widths[2]! / 2);
    expect(caret.yPt).toBeCloseTo(wide.rect.yPt, 6);
  });

  it('widths that no longer fill a resized frame are kept in proportion', () => {
    const frame = frameOf([10, 10, 21]);
    const wider = { ...frame, widthPt: frame.widthPt + 41 * BODY_PT };
    const lines = linesOf(composePage([wider], [story('s', cols(p(han(1200))))]));
    const w0 = lines.find((l) => l.column === 0)!.rect.widthPt;
    const w2 = lines.find((l) => l.column === 2)!.rect.widthPt;
    expect(w2 / w0).toBeCloseTo(2.1, 6);
    expect(w0 * 2 + w2 + 2 * BODY_PT).toBeCloseTo(wider.widthPt, 6);
  });

  it('regression (issue 17): unequal widths in an absurdly wide frame are scaled to finite widths, not Infinity', () => {
    // The sample's frames carry unequal widths since issue 17; a hostile file widening every frame to 1e308 pt made
    // w × room overflow before the division, and the composer refused the Infinity-wide line.
    const frame = { ...frameOf([10, 10, 21]), widthPt: 1e308 };
    const lines = linesOf(composePage([frame], [story('s', cols(p(han(60))))]));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(Number.isFinite(l.rect.widthPt)).toBe(true);
    const w0 = lines.find((l) => l.column === 0)!.rect.widthPt;
    expect(w0 / 1e308).toBeCloseTo(10 / 41, 6);
  });

  it('the model refuses widths for another column count or wider than the frame, and the edit check wants the grid', () => {
    const frame = frameOf([10, 10, 21]);
    expect(TextFrameSchema.safeParse(frame).success).toBe(true);
    expect(TextFrameSchema.safeParse({ ...frame, columnWidthsPt: [100, 100] }).success).toBe(false);
    expect(TextFrameSchema.safeParse({ ...frame, columnWidthsPt: [500, 500, 500] }).success).toBe(false);
    expect(columnWidthsProblem(frame.columnWidthsPt!, frame, BODY_PT)).toBeNull();
    expect(columnWidthsProblem([50, 50, 50], frame, BODY_PT)).toMatch(/frame is/);
    expect(columnWidthsProblem([50, 50], frame, BODY_PT)).toMatch(/3 columns/);
  });
});

describe('变栏: straddle heads from any column', () => {
  const frame = textFrame(tpl, 'f', 's', [0, 4, 0, 40], { columnRule: true });
  const colW = (frame.widthPt - 3 * BODY_PT) / 4;
  const colX = (c: number) => frame.xPt + c * (colW + BODY_PT);

  it('straddle from column 1 over 2 of 4 columns: those continue under it, columns 0 and 3 beside it; only its gutter rule stops', () => {
    const page = composePage([frame], [story('s', cols(varP({ spanColumns: 2, spanFromColumn: 1 }, han(30)), p(han(1800))))]);
    const lines = linesOf(page);
    const head = lines.filter((l) => Math.abs(l.rect.widthPt - (2 * colW + BODY_PT)) < 0.01);
    expect(head.length).toBeGreaterThanOrEqual(1);
    for (const l of head) expect(l.rect.xPt).toBeCloseTo(colX(1), 6);
    const headBottom = bottomOf(head);
    const first = (c: number) => lines.filter((l) => l.column === c && Math.abs(l.rect.widthPt - colW) < 0.01)[0]!;
    expect(first(0).rect.yPt).toBeCloseTo(frame.yPt, 6);
    expect(first(1).rect.yPt).toBeCloseTo(headBottom, 6);
    expect(first(2).rect.yPt).toBeCloseTo(headBottom, 6);
    expect(first(3).rect.yPt).toBeCloseTo(frame.yPt, 6);
    // Every line lies inside its column or the head's columns.
    for (const l of lines) expect(l.rect.xPt).toBeGreaterThanOrEqual(frame.xPt - 0.01);
    expect(inOrder(lines)).toBe(true);
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && i.frameId === 'f');
    const gutterX = (i: number) => colX(i) + colW + BODY_PT / 2;
    const topOfRule = (i: number) => Math.min(...rules.filter((r) => Math.abs(r.x1Pt - gutterX(i)) < 0.01).map((r) => r.y1Pt));
    expect(topOfRule(0)).toBeCloseTo(frame.yPt, 6);
    expect(topOfRule(1)).toBeCloseTo(headBottom, 6);
    expect(topOfRule(2)).toBeCloseTo(frame.yPt, 6);
  });

  it('a straddle from a column past the frame keeps its width and ends at the last column; bad values are reported and ignored', () => {
    const page = composePage([frame], [story('s', cols(varP({ spanColumns: 2, spanFromColumn: 3 }, han(30)), p(han(600))))]);
    const head = linesOf(page)[0]!;
    expect(head.rect.xPt).toBeCloseTo(colX(2), 6);
    expect(head.rect.widthPt).toBeCloseTo(2 * colW + BODY_PT, 6);
    const composer = createComposer(fonts);
    const bad = composer.compose(documentOf([story('s', cols(varP({ spanColumns: 2, spanFromColumn: -1 }, han(30)), p(han(600))))], [{ id: 'A01', frames: [frame] }], tpl));
    expect(bad.notices.some((n) => /spanFromColumn -1/.test(n.message))).toBe(true);
    expect(linesOf(bad.pages[0]!)[0]!.rect.xPt).toBeCloseTo(colX(0), 6);
    expect(readColumnVariation({ spanColumns: 3, spanFromColumn: 2, sectionColumns: 2 })).toEqual({ variation: { spanColumns: 3, spanFromColumn: 2, sectionColumns: 2 }, error: null });
    expect(readColumnVariation({ spanColumns: 'all', spanFromColumn: 2, sectionColumns: 1 }).variation).toEqual({ spanColumns: 'all' });
    expect(readColumnVariation({ sectionColumns: 9 }).error).toMatch(/sectionColumns 9 is not a whole number of columns from 1 to 8/);
    expect(readColumnVariation({ sectionColumns: '2' }).variation).toEqual({});
  });
});

describe('变栏 sections: split columns within a frame', () => {
  it('the first paragraph across the frame in 4 columns, then 5 columns: balanced, on the grid, read column by column', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 5, 0, 40]);
    const page = composePage([frame], [story('s', cols(varP({ spanColumns: 'all', sectionColumns: 4 }, han(400)), p(han(2000))))]);
    const lines = linesOf(page);
    const subW = (frame.widthPt - 3 * BODY_PT) / 4;
    const colW = (frame.widthPt - 4 * BODY_PT) / 5;
    const section = lines.filter((l) => Math.abs(l.rect.widthPt - subW) < 0.01);
    const depths = [0, 1, 2, 3].map((k) => section.filter((l) => Math.abs(l.rect.xPt - (frame.xPt + k * (subW + BODY_PT))) < 0.01).length);
    expect(depths.every((d) => d > 0)).toBe(true);
    expect(depths.reduce((a, b) => a + b, 0)).toBe(section.length);
    expect(Math.max(...depths) - Math.min(...depths)).toBeLessThanOrEqual(1);
    expect(section[0]!.rect.yPt).toBeCloseTo(frame.yPt, 6);
    // Read sub-column by sub-column: the layout's lines go down the first, then the second, …
    expect(section.map((l) => l.rect.xPt)).toEqual([...section.map((l) => l.rect.xPt)].sort((a, b) => a - b));
    const sectionBottom = bottomOf(section);
    const body = lines.filter((l) => Math.abs(l.rect.widthPt - colW) < 0.01);
    expect(new Set(body.map((l) => l.column)).size).toBe(5);
    for (let c = 0; c < 5; c++) {
      const first = body.filter((l) => l.column === c)[0]!;
      expect(first.rect.yPt).toBeCloseTo(sectionBottom, 6);
    }
    for (const l of lines) {
      const k = (l.rect.yPt - frame.yPt) / PITCH_PT;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
    }
    expect(inOrder(lines)).toBe(true);
    expect(page.overset.find((o) => o.storyId === 's')).toBeUndefined();
  });

  it('a listing split into 2 inside one column: both halves in that column, balanced, and the column goes on below', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 3, 0, 40]);
    const items = ['城关晴', '武康多云', '新市阴', '乾元晴', '钟管小雨', '洛舍晴', '禹越多云'];
    const page = composePage([frame], [story('s', cols(p(han(60)), ...items.map((text) => varP({ sectionColumns: 2 }, text)), p(han(300))))]);
    const lines = linesOf(page);
    const colW = (frame.widthPt - 2 * BODY_PT) / 3;
    const subW = (colW - BODY_PT) / 2;
    const listing = lines.filter((l) => Math.abs(l.rect.widthPt - subW) < 0.01);
    expect(listing).toHaveLength(7);
    const left = listing.filter((l) => Math.abs(l.rect.xPt - frame.xPt) < 0.01);
    const right = listing.filter((l) => Math.abs(l.rect.xPt - (frame.xPt + subW + BODY_PT)) < 0.01);
    expect([left.length, right.length]).toEqual([4, 3]);
    const intro = lines.filter((l) => l.fromPos < listing[0]!.fromPos);
    expect(left[0]!.rect.yPt).toBeCloseTo(bottomOf(intro), 6);
    expect(right[0]!.rect.yPt).toBeCloseTo(left[0]!.rect.yPt, 6);
    const after = lines.filter((l) => l.fromPos >= listing[6]!.toPos && Math.abs(l.rect.widthPt - colW) < 0.01);
    expect(after[0]!.column).toBe(0);
    expect(after[0]!.rect.yPt).toBeCloseTo(bottomOf(left), 6);
    expect(inOrder(lines)).toBe(true);
  });

  it('a section longer than its column fills it and goes on at the top of the next; nothing is lost', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 3, 0, 10]);
    const page = composePage([frame], [story('s', cols(varP({ sectionColumns: 2 }, han(300))))]);
    const lines = linesOf(page);
    const colW = (frame.widthPt - 2 * BODY_PT) / 3;
    const subW = (colW - BODY_PT) / 2;
    expect(lines.every((l) => Math.abs(l.rect.widthPt - subW) < 0.01)).toBe(true);
    expect(lines.filter((l) => l.column === 0)).toHaveLength(20);
    expect(lines.filter((l) => l.column === 1).length).toBeGreaterThan(0);
    expect(lines.find((l) => l.column === 1)!.rect.yPt).toBeCloseTo(frame.yPt, 6);
    expect(inOrder(lines)).toBe(true);
    expect(page.overset.find((o) => o.storyId === 's')).toBeUndefined();
    expect(lines[lines.length - 1]!.toPos - lines[0]!.fromPos).toBe(300);
  });

  it('a ruled frame rules a section\'s gutter down the section only', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 3, 0, 30], { columnRule: true });
    const page = composePage([frame], [story('s', cols(varP({ spanColumns: 'all', sectionColumns: 2 }, han(200)), p(han(600))))]);
    const subW = (frame.widthPt - BODY_PT) / 2;
    const section = linesOf(page).filter((l) => Math.abs(l.rect.widthPt - subW) < 0.01);
    const x = frame.xPt + subW + BODY_PT / 2;
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && Math.abs(i.x1Pt - x) < 0.01);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.y1Pt).toBeCloseTo(frame.yPt, 6);
    expect(rules[0]!.y2Pt).toBeCloseTo(bottomOf(section), 6);
  });

  it('a section across the frame that outruns it goes on in the next frame of the thread, at that frame\'s width', () => {
    const a = textFrame(tpl, 'a', 's', [0, 4, 0, 4], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 2, 10, 30]);
    const page = composePage([a, b], [story('s', cols(varP({ spanColumns: 'all', sectionColumns: 2 }, han(300)), p(han(100))))]);
    const lines = linesOf(page);
    const inA = lines.filter((l) => l.frameId === 'a');
    const inB = lines.filter((l) => l.frameId === 'b');
    expect(inA).toHaveLength(8);
    expect(inA.every((l) => Math.abs(l.rect.widthPt - (a.widthPt - BODY_PT) / 2) < 0.01)).toBe(true);
    const subB = inB.filter((l) => Math.abs(l.rect.widthPt - (b.widthPt - BODY_PT) / 2) < 0.01);
    expect(subB.length).toBeGreaterThan(0);
    expect(subB[0]!.rect.yPt).toBeCloseTo(b.yPt, 6);
    expect(inOrder(lines)).toBe(true);
    expect(page.overset.find((o) => o.storyId === 's')).toBeUndefined();
    const last = lines[lines.length - 1]!;
    expect(last.toPos - lines[0]!.fromPos).toBe(300 + 2 + 100);
  });
});
