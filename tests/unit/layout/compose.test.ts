import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import type { FolioDocument, Frame } from '../../../src-core/model/document.js';
import { blk, BODY_PT, bodyText, broadsheet, cols, documentOf, gridRect, p, PITCH_PT, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const typeTopPt = (28.0 * 72) / 25.4;
/** Baseline of body grid line k (grid.ts rule): cell top + (pitch − size)/2 + 0.88 × size. */
const gridBaseline = (k: number) => typeTopPt + k * PITCH_PT + (PITCH_PT - BODY_PT) / 2 + 0.88 * BODY_PT;
const onGrid = (y: number) => {
  const k = Math.round((y - gridBaseline(0)) / PITCH_PT);
  return Math.abs(gridBaseline(k) - y) < 1e-6;
};
/** Han characters without punctuation: every full line holds exactly 13 of them in a 13-character column. */
const han = (n: number) => '德清改革创新发展高地品质生活新城'.repeat(Math.ceil(n / 16)).slice(0, n);
const runsOf = (page: PageLayout) => page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs');
const textOfRuns = (runs: GlyphRunItem[]) => runs.map((r) => r.glyphs.map((g) => g.text).join('')).join('');
const compose = (doc: FolioDocument) => createComposer(fonts).compose(doc);

describe('page composer', () => {
  it('headline group spans frame', () => {
    const s = story('lead', blk('kicker', '“八八战略”在德清'), blk('headline', '改革创造了奇迹'), blk('byline', '记者 董华'), cols(p(bodyText(400))));
    const frame = textFrame(tpl, 'f', 'lead', [0, 3, 0, 18]);
    const page = compose(documentOf([s], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    // Positions: kicker content 1–10, headline 12–19, byline 21–26, columns opens at 27, first paragraph at 29.
    const head = page.lines.filter((l) => l.fromPos < 28);
    const body = page.lines.filter((l) => l.fromPos >= 28);
    expect(body[0]!.fromPos).toBe(29);
    expect(head.length).toBe(3);
    for (const l of head) expect(l.rect.widthPt).toBeCloseTo(frame.widthPt, 6);
    for (const l of body) expect(l.rect.widthPt).toBeCloseTo(13 * BODY_PT, 6);
    // The kicker (18 pt, 2 cells) and headline (36 pt: 43.2 pt → 4 cells) sit in whole grid cells; the body starts below.
    expect(head[1]!.rect.yPt - head[0]!.rect.yPt).toBeCloseTo(2 * PITCH_PT, 6);
    expect(head[1]!.rect.heightPt).toBeCloseTo(4 * PITCH_PT, 6);
    const headBottom = Math.max(...head.map((l) => l.rect.yPt + l.rect.heightPt));
    expect(Math.min(...body.map((l) => l.rect.yPt))).toBeCloseTo(headBottom, 6);
    // The headline's glyphs reach past the first column: it really spans.
    const headlineRun = runsOf(page).find((r) => r.sizePt === 36)!;
    const right = Math.max(...headlineRun.glyphs.map((g) => g.xPt));
    expect(right).toBeGreaterThan(frame.xPt + 14 * BODY_PT);
    expect(new Set(body.map((l) => l.column))).toEqual(new Set([0, 1, 2]));
  });

  it('a threaded frame keeps the body below its headline group unless the room left is shorter than a leg', () => {
    const s = story('s', blk('headline', '改革创造了奇迹'), blk('byline', '记者 董华'), cols(p(bodyText(900))));
    const lay = (lines: number) => {
      const a = textFrame(tpl, 'a', 's', [0, 3, 0, lines], { nextFrameId: 'b' });
      const b = textFrame(tpl, 'b', 's', [4, 1, 0, 60]);
      return compose(documentOf([s], [{ id: 'A01', frames: [a, b] }], tpl)).pages[0]!;
    };
    // Headline 4 cells + byline 1: a 20-line frame leaves 15-line legs, so the body starts below the group.
    const roomy = lay(20);
    // Positions: headline content 1–8, byline 10–15, columns opens at 16, the paragraph's content starts at 18.
    const bodyInA = roomy.lines.filter((l) => l.frameId === 'a' && l.fromPos >= 18);
    expect(bodyInA.length).toBe(45);
    expect(new Set(bodyInA.map((l) => l.column))).toEqual(new Set([0, 1, 2]));
    // An 11-line frame leaves 6 lines (69.3 pt), under an inch: it is a headline frame and the body starts in b.
    const tight = lay(11);
    expect(tight.lines.filter((l) => l.frameId === 'a').length).toBe(2);
    expect(tight.lines.find((l) => l.frameId === 'b')!.fromPos).toBe(18);
  });

  it('body flows through 3 columns with aligned baselines across columns (all baselines on the grid)', () => {
    const s = story('s', cols(p(bodyText(700)), p(bodyText(600, 3))));
    const frame = textFrame(tpl, 'f', 's', [1, 3, 5, 30]);
    const page = compose(documentOf([s], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const byCol = [0, 1, 2].map((c) => page.lines.filter((l) => l.column === c));
    for (const col of byCol) expect(col.length).toBe(30);
    for (const l of page.lines) expect(onGrid(l.baselineYPt)).toBe(true);
    const baselines = byCol.map((col) => col.map((l) => l.baselineYPt.toFixed(6)).join());
    expect(baselines[1]).toBe(baselines[0]);
    expect(baselines[2]).toBe(baselines[0]);
    // The first line snaps to the frame's first grid line; the text runs on from column to column.
    expect(byCol[0]![0]!.baselineYPt).toBeCloseTo(gridBaseline(5), 6);
    for (let c = 0; c < 2; c++) expect(byCol[c + 1]![0]!.fromPos).toBe(byCol[c]![29]!.toPos);
    for (const r of runsOf(page)) expect(onGrid(r.baselineYPt)).toBe(true);
    // More text than the frame holds: the rest is overset, not dropped.
    expect(page.overset[0]!.fromPos).toBe(byCol[2]![29]!.toPos);
  });

  it('subhead kept with next paragraph (never ends a column)', () => {
    // Paragraph 1: 11 + 13 × 7 characters = 8 full lines of a 10-line column, leaving exactly the subhead's 2 cells.
    const s = story('s', cols(p(han(11 + 13 * 7)), blk('subhead', '以改革促创新发展'), p(han(60))));
    const frames = [textFrame(tpl, 'f', 's', [0, 2, 0, 10])];
    const subheadColumn = (keep: boolean) => {
      const t = structuredClone(tpl);
      t.paragraphStyles.subhead!.keepWithNext = keep;
      const page = compose(documentOf([s], [{ id: 'A01', frames }], t)).pages[0]!;
      const sub = page.lines.find((l) => l.rect.heightPt > PITCH_PT + 1)!;
      return { sub, page };
    };
    const kept = subheadColumn(true);
    expect(kept.sub.column).toBe(1);
    expect(kept.sub.rect.yPt).toBeCloseTo(gridRect(tpl, 0, 1, 0, 1).yPt, 6);
    for (const c of [0, 1]) {
      const col = kept.page.lines.filter((l) => l.column === c);
      expect(col[col.length - 1]!.rect.heightPt).toBeCloseTo(PITCH_PT, 6);
    }
    // Control: without keepWithNext the same text ends column 0 with the subhead.
    expect(subheadColumn(false).sub.column).toBe(0);
  });

  it('a story threads across two frames on one page', () => {
    const s = story('s', cols(p(bodyText(500)), p(bodyText(300, 5))));
    const a = textFrame(tpl, 'a', 's', [0, 2, 0, 10], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [4, 1, 20, 60]);
    const page = compose(documentOf([s], [{ id: 'A01', frames: [a, b] }], tpl)).pages[0]!;
    const inA = page.lines.filter((l) => l.frameId === 'a');
    const inB = page.lines.filter((l) => l.frameId === 'b');
    expect(inA.length).toBe(20);
    expect(inB.length).toBeGreaterThan(0);
    expect(inB[0]!.fromPos).toBe(inA[inA.length - 1]!.toPos);
    expect(textOfRuns(runsOf(page))).not.toMatch(/下转|上接/);
    expect(page.overset).toEqual([]);
  });

  it('a story threads across two pages with jump lines that follow the page order', () => {
    const s = story('s', cols(p(bodyText(500)), p(bodyText(300, 5))));
    const a = textFrame(tpl, 'a', 's', [0, 2, 0, 10], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 1, 0, 60]);
    const filler: Frame[] = [];
    const pages = [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p2', name: 'A02', frames: filler }, { id: 'p3', name: 'A03', frames: [b] }];
    const out = compose(documentOf([s], pages, tpl));
    const jumpOut = runsOf(out.pages[0]!).filter((r) => textOfRuns([r]).startsWith('下转'));
    const jumpIn = runsOf(out.pages[2]!).filter((r) => textOfRuns([r]).startsWith('上接'));
    expect(textOfRuns(jumpOut)).toBe('下转第3版');
    expect(textOfRuns(jumpIn)).toBe('上接第1版');
    // 下转 ends the part: the last line of frame a's last column, right-aligned to the column edge.
    const lastColumn = out.pages[0]!.lines.filter((l) => l.column === 1);
    expect(jumpOut[0]!.baselineYPt).toBeGreaterThan(lastColumn[lastColumn.length - 1]!.baselineYPt);
    expect(jumpOut[0]!.baselineYPt).toBeLessThan(a.yPt + a.heightPt);
    // 上接 starts the continuation; the story's own first line in frame b comes after it.
    const bLines = out.pages[2]!.lines;
    expect(jumpIn[0]!.baselineYPt).toBeLessThan(bLines[0]!.baselineYPt);
    const aLines = out.pages[0]!.lines;
    expect(bLines[0]!.fromPos).toBe(aLines[aLines.length - 1]!.toPos);

    // Reorder: the continuation page moves up to second place and the pages are renumbered by position.
    const reordered = compose(documentOf([s], [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p3', name: 'A02', frames: [b] }, { id: 'p2', name: 'A03', frames: filler }], tpl));
    expect(textOfRuns(runsOf(reordered.pages[0]!).filter((r) => textOfRuns([r]).startsWith('下转')))).toBe('下转第2版');
    expect(textOfRuns(runsOf(reordered.pages[1]!).filter((r) => textOfRuns([r]).startsWith('上接')))).toBe('上接第1版');
    // Page names without digits fall back to the page's position.
    const unnamed = compose(documentOf([s], [{ id: 'p1', name: '要闻', frames: [a] }, { id: 'p3', name: '专题', frames: [b] }], tpl));
    expect(textOfRuns(runsOf(unnamed.pages[0]!).filter((r) => textOfRuns([r]).startsWith('下转')))).toBe('下转第2版');
  });

  it('the jump line is reserved only when the text really continues on another page', () => {
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 5], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 1, 0, 20]);
    const pages = (n: number) => compose(documentOf([story('s', p(han(n)))], [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p2', name: 'A02', frames: [b] }], tpl)).pages;
    // Exactly five lines: they all fit frame a, so no continuation and no jump line.
    const exact = pages(11 + 13 * 4);
    expect(exact[0]!.lines.length).toBe(5);
    expect(exact[1]!.lines.length).toBe(0);
    expect(textOfRuns(runsOf(exact[0]!))).not.toMatch(/下转/);
    // One character more: four lines, the jump line in the fifth, and the rest continues after 上接.
    const over = pages(11 + 13 * 4 + 1);
    expect(over[0]!.lines.length).toBe(4);
    expect(textOfRuns(runsOf(over[0]!))).toMatch(/下转第2版$/);
    expect(textOfRuns(runsOf(over[1]!))).toMatch(/^上接第1版/);
    expect(over[1]!.lines[0]!.fromPos).toBe(over[0]!.lines[3]!.toPos);
    expect(over[1]!.lines.at(-1)!.toPos).toBe(1 + 11 + 13 * 4 + 1);
    expect(over[1]!.overset ?? []).toEqual([]);
    expect(onGrid(runsOf(over[0]!).at(-1)!.baselineYPt)).toBe(true);
  });

  it('regression (issue 12): a headline frame crossing a page ends with 下转 below its group; the body starts after 上接', () => {
    const s = story('s', blk('headline', '改革创造了奇迹'), blk('byline', '记者 董华'), cols(p(bodyText(300))));
    // Headline 4 cells + byline 1 in an 8-line frame leave 3 lines, under a leg: frame a is a headline frame.
    const a = textFrame(tpl, 'a', 's', [0, 3, 0, 8], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 2, 0, 40]);
    const out = compose(documentOf([s], [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p2', name: 'A02', frames: [b] }], tpl));
    const [one, two] = out.pages;
    // Positions: headline content 1–8, byline 10–15, the paragraph's content starts at 18.
    expect(one!.lines.map((l) => l.fromPos)).toEqual([1, 10]);
    expect(textOfRuns(runsOf(one!))).toBe('改革创造了奇迹记者 董华下转第2版');
    const jumpOut = runsOf(one!).find((r) => textOfRuns([r]) === '下转第2版')!;
    expect(jumpOut.baselineYPt).toBeGreaterThan(one!.lines[1]!.baselineYPt);
    expect(jumpOut.baselineYPt).toBeLessThan(a.yPt + a.heightPt);
    expect(onGrid(jumpOut.baselineYPt)).toBe(true);
    // Full width: right-aligned to the frame's edge, not to its first column.
    expect(Math.max(...jumpOut.glyphs.map((g) => g.xPt))).toBeGreaterThan(a.xPt + a.widthPt - 2 * BODY_PT);
    expect(textOfRuns(runsOf(two!))).toMatch(/^上接第1版/);
    expect(two!.lines[0]!.fromPos).toBe(18);
    expect(runsOf(two!)[0]!.baselineYPt).toBeLessThan(two!.lines[0]!.baselineYPt);
    // The jump line had its room: copyfit reports the empty lines left, nothing over.
    expect(one!.copyfit[0]!.lineDelta).toBeLessThan(0);
    // Control: a headline frame threaded on the same page sends the body on without jump lines.
    const samePage = compose(documentOf([s], [{ id: 'p1', name: 'A01', frames: [a, textFrame(tpl, 'b', 's', [4, 2, 0, 40])] }], tpl)).pages[0]!;
    expect(textOfRuns(runsOf(samePage))).not.toMatch(/下转|上接/);
  });

  it('regression (issue 12): a frame with no room left still sets its 下转, and copyfit counts the shortfall as lines over', () => {
    // Frame a is half a grid line tall: not one line of room, for text or for the jump line.
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 1], { nextFrameId: 'b', heightPt: PITCH_PT / 2 });
    const b = textFrame(tpl, 'b', 's', [0, 1, 0, 20]);
    const out = compose(documentOf([story('s', p(han(40)))], [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p2', name: 'A02', frames: [b] }], tpl));
    expect(out.pages[0]!.lines).toEqual([]);
    expect(textOfRuns(runsOf(out.pages[0]!))).toBe('下转第2版');
    expect(textOfRuns(runsOf(out.pages[1]!))).toMatch(/^上接第1版/);
    expect(out.pages[1]!.lines.at(-1)!.toPos).toBe(1 + 40);
    // Frame b has 16 lines to spare, but they cannot give frame a the line its jump line lacks.
    expect(out.pages[0]!.copyfit).toEqual([{ storyId: 's', lineDelta: 1 }]);
  });

  it('regression (issue 12): space after a block at a column foot gives way to the 下转 line', () => {
    // Three body lines, the pull quote (2 lines, space before and after: 1 line each) on lines 5–6 of 7, the
    // rest on page 2: the pull quote's space after would take line 7, which the 下转 line has reserved.
    const s = story('s', cols(p(han(11 + 13 * 2)), blk('pullQuote', '改革创造了奇迹'), p(han(60))));
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 7], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [0, 1, 0, 20]);
    const out = compose(documentOf([s], [{ id: 'p1', name: 'A01', frames: [a] }, { id: 'p2', name: 'A02', frames: [b] }], tpl));
    const one = out.pages[0]!;
    expect(one.lines.length).toBe(4);
    const jumpOut = runsOf(one).find((r) => textOfRuns([r]) === '下转第2版')!;
    // In the frame's last line, where the reservation put it, not one line below the frame.
    expect(jumpOut.baselineYPt).toBeGreaterThan(one.lines[3]!.baselineYPt);
    expect(jumpOut.baselineYPt).toBeLessThan(a.yPt + a.heightPt);
    expect(one.copyfit[0]!.lineDelta).toBeLessThan(0);
  });

  it('a paragraph crossing into a column of another width is re-composed from its first unset character', () => {
    // Frame a: 13-character column; frame b: 27 characters wide (2 grid columns, 1 frame column).
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 3], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [2, 2, 0, 10], { columns: 1 });
    const page = compose(documentOf([story('s', p(han(11 + 13 * 2 + 27 * 3)))], [{ id: 'A01', frames: [a, b] }], tpl)).pages[0]!;
    const inA = page.lines.filter((l) => l.frameId === 'a');
    const inB = page.lines.filter((l) => l.frameId === 'b');
    expect(inA.map((l) => l.toPos - l.fromPos)).toEqual([11, 13, 13]);
    // No indent on the continuation and full 27-character lines at the new width.
    expect(inB.map((l) => l.toPos - l.fromPos)).toEqual([27, 27, 27]);
    expect(inB[0]!.fromPos).toBe(inA[2]!.toPos);
    expect(inB[0]!.caretXPt[27]! - inB[0]!.caretXPt[0]!).toBeCloseTo(27 * BODY_PT, 6);
    expect(inB[0]!.caretXPt[0]).toBeCloseTo(b.xPt, 6);
  });

  it('a frame narrower than its indent or a character still sets its text (overfull) instead of failing the page', () => {
    const s = story('s', blk('headline', '改革'), cols(p(han(20))));
    const narrow = { ...textFrame(tpl, 'f', 's', [0, 1, 0, 30]), widthPt: 5 };
    const page = compose(documentOf([s], [{ id: 'A01', frames: [narrow] }], tpl)).pages[0]!;
    expect(page.lines.length).toBeGreaterThan(10);
    expect(page.lines[0]!.rect.widthPt).toBe(5);
  });

  it('regression: a story shown by two separate threads is set once; the second thread stays empty with a notice', () => {
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 3]);
    const b = textFrame(tpl, 'b', 's', [2, 1, 0, 3]);
    const out = compose(documentOf([story('s', p(han(30)))], [{ id: 'A01', frames: [a, b] }], tpl));
    expect(out.notices).toEqual([expect.objectContaining({ code: 'broken-thread', frameId: 'b', message: expect.stringContaining('already runs from frame "a"') })]);
    expect(new Set(out.pages[0]!.lines.map((l) => l.frameId))).toEqual(new Set(['a']));
  });

  it('a thread that loops back is cut with a notice, not followed forever', () => {
    const a = textFrame(tpl, 'a', 's', [0, 1, 0, 3], { nextFrameId: 'b' });
    const b = textFrame(tpl, 'b', 's', [2, 1, 0, 3], { nextFrameId: 'a' });
    const out = compose(documentOf([story('s', p(han(200)))], [{ id: 'A01', frames: [a, b] }], tpl));
    expect(out.notices.map((n) => n.code)).toEqual(['broken-thread']);
    expect(new Set(out.pages[0]!.lines.map((l) => l.frameId))).toEqual(new Set(['a', 'b']));
    expect(out.pages[0]!.overset.length).toBe(1);
  });

  it('overset is reported precisely (fromPos, lines, chars) and copyfit counts lines over and under', () => {
    // 8 lines of text (11 + 13 × 7 characters) in a 5-line column: 63 characters set, 39 over on 3 lines.
    const s = story('s', p(han(11 + 13 * 7)));
    const frame = textFrame(tpl, 'f', 's', [0, 1, 0, 5]);
    const page = compose(documentOf([s], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(page.lines.length).toBe(5);
    expect(page.overset).toEqual([{ storyId: 's', frameId: 'f', fromPos: 1 + 63, lines: 3, chars: 39 }]);
    expect(page.copyfit).toEqual([{ storyId: 's', lineDelta: 3 }]);
    // The set text really ends where the overset starts.
    expect(page.lines[4]!.toPos).toBe(64);
    // Under: the same text in a 12-line column leaves 4 empty lines.
    const roomy = compose(documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 1, 0, 12])] }], tpl)).pages[0]!;
    expect(roomy.overset).toEqual([]);
    expect(roomy.copyfit).toEqual([{ storyId: 's', lineDelta: -4 }]);
    // Overset spanning several blocks counts every later block too.
    const s2 = story('s', p(han(11 + 13 * 7)), p(han(24)));
    const page2 = compose(documentOf([s2], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(page2.overset).toEqual([{ storyId: 's', frameId: 'f', fromPos: 64, lines: 5, chars: 39 + 24 }]);
  });

  it('copyfit counts empty lines per column for column text and full-width lines for spanning stories', () => {
    // Body: 3 lines (11 + 13 + 13 characters) in the first of 3 ten-line columns → 7 + 10 + 10 empty.
    const body = compose(documentOf([story('s', cols(p(han(37))))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 3, 0, 10])] }], tpl)).pages[0]!;
    expect(body.copyfit).toEqual([{ storyId: 's', lineDelta: -27 }]);
    // A caption (no columns block, 2-em indent) spans the 41-character frame: 2 full-width lines set, 8 empty.
    const caption = compose(documentOf([story('c', blk('caption', han(39 + 41)))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 'c', [0, 3, 0, 10])] }], tpl)).pages[0]!;
    expect(caption.lines.length).toBe(2);
    expect(caption.copyfit).toEqual([{ storyId: 'c', lineDelta: -8 }]);
  });

  it('incremental: changing one paragraph reuses the other stories and paragraphs, and equals a from-scratch compose', () => {
    const stories = [0, 1, 2, 3, 4].map((i) => story(`s${i}`, blk('headline', `标题${i}`), cols(...[0, 1, 2, 3].map((j) => p(bodyText(150 + 20 * j, i * 7 + j))))));
    const frames = stories.map((s, i) => textFrame(tpl, `f${i}`, s.id, [(i % 4) * 2, 2, Math.floor(i / 4) * 50, 45]));
    const doc = documentOf(stories, [{ id: 'A01', frames }], tpl);
    const composer = createComposer(fonts);
    composer.compose(doc);
    expect(composer.stats).toMatchObject({ storyMisses: 5, storyHits: 0 });

    const edited = structuredClone(doc);
    const para = edited.stories.s2!.doc.content![1]!.content![2]!;
    para.content![0]!.text = '新' + para.content![0]!.text;
    composer.resetStats();
    const warm = composer.compose(edited);
    expect(composer.stats.storyHits).toBe(4);
    expect(composer.stats.storyMisses).toBe(1);
    expect(composer.stats.paragraphMisses).toBe(1);
    expect(composer.stats.paragraphHits).toBeGreaterThanOrEqual(4);
    const cold = createComposer(fonts).compose(edited);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));

    // Unchanged document: everything is reused.
    composer.resetStats();
    composer.compose(edited);
    expect(composer.stats).toMatchObject({ storyHits: 5, storyMisses: 0, paragraphMisses: 0 });
  });

  it('determinism: two composes give equal JSON', () => {
    const s = story('s', blk('headline', '改革'), cols(p(bodyText(800)), blk('subhead', '小标题'), p(bodyText(300, 2))));
    const doc = documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 3, 0, 20], { columnRule: true })] }], tpl);
    expect(JSON.stringify(compose(doc))).toBe(JSON.stringify(compose(doc)));
  });

  it('column rules sit in the middle of the gutters', () => {
    const s = story('s', cols(p(bodyText(300))));
    const frame = textFrame(tpl, 'f', 's', [0, 3, 0, 20], { columnRule: true });
    const page = compose(documentOf([s], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const rules = page.items.filter((i) => i.kind === 'rule');
    expect(rules.map((r) => (r.kind === 'rule' ? r.x1Pt - frame.xPt : 0))).toEqual([13.5 * BODY_PT, 27.5 * BODY_PT].map((x) => expect.closeTo(x, 6)));
  });
});

export type { LineBox };
