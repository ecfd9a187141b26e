/**
 * Text wrap (文字绕排): text of a frame jumps the grid lines another frame's wrap blocks in its columns.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, LineBox, PageLayout, RuleItem } from '../../../src-core/layout/page-layout.js';
import { clearOfBands, columnWrap, measureAt } from '../../../src-core/layout/wrap.js';
import { createPageGrid } from '../../../src-core/layout/grid.js';
import { MIN_AROUND_MEASURE_CHARS, type BoxFrame, type Frame, type ImageFrame, type TextFrame } from '../../../src-core/model/document.js';
import { BODY_PT, blk, broadsheet, cols, documentOf, gridRect, p, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const grid = createPageGrid(tpl);
const han = (n: number) => '德清改革创新发展高地品质生活新城'.repeat(Math.ceil(n / 16)).slice(0, n);

/** A photo frame on grid cells [col, span, line, lines], wrapping with `gapPt` (no wrap when undefined). */
function photo(cell: [number, number, number, number], gapPt?: number, id = 'photo'): ImageFrame {
  return {
    id, kind: 'image', ...gridRect(tpl, ...cell), locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1,
    ...(gapPt === undefined ? {} : { wrap: { gapPt } }),
  };
}

const article = story('s', blk('headline', '德清改革'), cols(p(han(900))));
/** The article in a 3-column frame, 30 lines deep, at grid column 0. */
const articleFrame = (extra: Partial<TextFrame> = {}) => textFrame(tpl, 'f', 's', [0, 3, 0, 30], extra);

function composePage(frames: Frame[], stories = [article]): PageLayout {
  return createComposer(fonts).compose(documentOf(stories, [{ id: 'A01', frames }], tpl)).pages[0]!;
}

const inColumn = (page: PageLayout, column: number) => page.lines.filter((l) => l.storyId === 's' && l.column === column);
const overlapsY = (line: LineBox, topPt: number, bottomPt: number) => line.rect.yPt < bottomPt - 0.01 && line.rect.yPt + line.rect.heightPt > topPt + 0.01;

describe('text wrap', () => {
  it('text jumps a wrapping photo in the column it covers; the other columns run on under it', () => {
    const frame = photo([1, 1, 10, 8], 0);
    const page = composePage([articleFrame(), frame]);
    const col1 = inColumn(page, 1);
    expect(col1.some((l) => l.rect.yPt + l.rect.heightPt <= frame.yPt + 0.01)).toBe(true);
    expect(col1.some((l) => l.rect.yPt >= frame.yPt + frame.heightPt - 0.01)).toBe(true);
    expect(col1.filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt))).toEqual([]);
    // Columns 0 and 2 still have lines level with the photo.
    for (const column of [0, 2]) expect(inColumn(page, column).some((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt))).toBe(true);
    // The first line below the photo is the line that would have been beside it: no text is lost or repeated.
    const positions = page.lines.filter((l) => l.storyId === 's').map((l) => [l.fromPos, l.toPos]);
    for (let i = 1; i < positions.length; i++) expect(positions[i]![0]).toBeGreaterThanOrEqual(positions[i - 1]![1]);
  });

  it('without wrap, a photo over the text changes nothing', () => {
    const plain = composePage([articleFrame()]);
    const under = composePage([articleFrame(), photo([1, 1, 10, 8])]);
    expect(JSON.stringify(under.lines)).toBe(JSON.stringify(plain.lines));
    expect(under.copyfit).toEqual(plain.copyfit);
  });

  it('the gap keeps one more line clear above and below a grid-aligned photo', () => {
    const flush = inColumn(composePage([articleFrame(), photo([1, 1, 10, 8], 0)]), 1).length;
    const gapped = inColumn(composePage([articleFrame(), photo([1, 1, 10, 8], 4)]), 1).length;
    expect(flush - gapped).toBe(2);
    // A gap too small to reach the next line (below the hairline threshold) blocks nothing more.
    expect(inColumn(composePage([articleFrame(), photo([1, 1, 10, 8], 0.4)]), 1).length).toBe(flush);
  });

  it('a photo over two columns and their gutter blocks both, and the column rule stops at it', () => {
    const frame = photo([1, 2, 12, 6], 0);
    const page = composePage([articleFrame({ columnRule: true }), frame]);
    for (const column of [1, 2]) expect(inColumn(page, column).filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt))).toEqual([]);
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && i.frameId === 'f');
    const gutterX = frame.xPt + frame.widthPt / 2;
    const cut = rules.filter((r) => Math.abs(r.x1Pt - gutterX) < 1);
    expect(cut).toHaveLength(2);
    expect(cut[0]!.y2Pt).toBeCloseTo(frame.yPt, 6);
    expect(cut[1]!.y1Pt).toBeCloseTo(frame.yPt + frame.heightPt, 6);
    // The other gutter's rule runs whole.
    expect(rules.filter((r) => Math.abs(r.x1Pt - gutterX) >= 1)).toHaveLength(1);
  });

  it('a frame reaching into a column by less than a hairline does not block it', () => {
    // Placed from millimetres, the photo's left edge lies 0.3 pt inside column 0 (which ends where the gutter starts).
    const column0 = gridRect(tpl, 0, 1, 10, 8);
    const nudged: ImageFrame = { ...photo([1, 1, 10, 8], 0), xPt: column0.xPt + column0.widthPt - 0.3 };
    const page = composePage([articleFrame(), nudged]);
    const plain = composePage([articleFrame()]);
    expect(inColumn(page, 0).map((l) => l.rect.yPt)).toEqual(inColumn(plain, 0).map((l) => l.rect.yPt));
    // 2 pt in, it does.
    const deeper = composePage([articleFrame(), { ...nudged, xPt: column0.xPt + column0.widthPt - 2 }]);
    expect(inColumn(deeper, 0).filter((l) => overlapsY(l, nudged.yPt, nudged.yPt + nudged.heightPt))).toEqual([]);
  });

  it('a headline group jumps a photo across its width; the body starts below the headline', () => {
    const frame = photo([2, 1, 0, 4], 0);
    const page = composePage([articleFrame(), frame]);
    const headline = page.lines.find((l) => l.storyId === 's' && l.fromPos === 1)!;
    expect(headline.rect.yPt).toBeGreaterThanOrEqual(frame.yPt + frame.heightPt - 0.01);
    expect(Math.min(...inColumn(page, 0).filter((l) => l !== headline).map((l) => l.rect.yPt))).toBeGreaterThan(headline.rect.yPt);
  });

  it('copyfit does not count blocked lines as room; a story that just fitted goes overset', () => {
    const short = story('s', cols(p(han(11 + 13 * 30))));
    const plain = composePage([articleFrame()], [short]);
    const wrapped = composePage([articleFrame(), photo([1, 1, 10, 8], 0)], [short]);
    expect(wrapped.copyfit[0]!.lineDelta - plain.copyfit[0]!.lineDelta).toBe(8);
    // 31 lines of text in a one-column, 31-line frame fit exactly; a 2-line photo over it pushes 2 lines out.
    const exact = story('s', cols(p(han(11 + 13 * 30))));
    const column = textFrame(tpl, 'f', 's', [0, 1, 0, 31]);
    expect(composePage([column], [exact]).overset).toEqual([]);
    const over = composePage([column, photo([0, 1, 5, 2], 0)], [exact]).overset;
    expect(over).toHaveLength(1);
    expect(over[0]!.lines).toBe(2);
  });

  it('a caption frame with wrap pushes the article; a text frame never wraps its own text', () => {
    const caption: TextFrame = { ...textFrame(tpl, 'cap', 'c', [1, 1, 18, 3]), wrap: { gapPt: 0 } };
    const page = composePage([articleFrame(), caption], [article, story('c', blk('caption', '图为德清县城新貌。'))]);
    expect(inColumn(page, 1).filter((l) => overlapsY(l, caption.yPt, caption.yPt + caption.heightPt))).toEqual([]);
    expect(page.lines.filter((l) => l.storyId === 'c').length).toBeGreaterThan(0);
    // An ad box with wrap works the same way.
    const ad: BoxFrame = { id: 'ad', kind: 'box', ...gridRect(tpl, 0, 1, 20, 5), locked: false, strokePt: 1, stroke: { c: 0, m: 0, y: 0, k: 1 }, wrap: { gapPt: 0 } };
    const withAd = composePage([articleFrame(), ad]);
    expect(inColumn(withAd, 0).filter((l) => overlapsY(l, ad.yPt, ad.yPt + ad.heightPt))).toEqual([]);
  });

  it('a photo over the whole frame sends the story on to its next frame, and overset beyond that', () => {
    const first = textFrame(tpl, 'f', 's', [0, 3, 0, 30], { nextFrameId: 'g' });
    const second = textFrame(tpl, 'g', 's', [4, 3, 0, 30]);
    const cover = photo([0, 3, 0, 30], 0);
    const page = composePage([first, second, cover]);
    expect(page.lines.filter((l) => l.frameId === 'f')).toEqual([]);
    expect(page.lines.filter((l) => l.frameId === 'g').length).toBeGreaterThan(0);
    // Covering both frames leaves nothing set: all of it is overset, reported, not lost.
    const both = composePage([first, second, cover, photo([4, 3, 0, 30], 0, 'photo-2')]);
    expect(both.lines.filter((l) => l.storyId === 's')).toEqual([]);
    expect(both.overset).toHaveLength(1);
    expect(both.overset[0]!.fromPos).toBe(1);
  });

  it('moving a wrapping photo re-composes the story it covers (the placement cache keys on it)', () => {
    const composer = createComposer(fonts);
    const doc = documentOf([article], [{ id: 'A01', frames: [articleFrame(), photo([1, 1, 10, 8], 0)] }], tpl);
    const before = composer.compose(doc).pages[0]!;
    const moved = documentOf([article], [{ id: 'A01', frames: [articleFrame(), photo([1, 1, 16, 8], 0)] }], tpl);
    composer.resetStats();
    const after = composer.compose(moved).pages[0]!;
    expect(composer.stats.storyMisses).toBe(1);
    expect(JSON.stringify(after.lines)).not.toBe(JSON.stringify(before.lines));
    expect(JSON.stringify(after)).toBe(JSON.stringify(createComposer(fonts).compose(moved).pages[0]));
  });
});

/** A photo `chars` body characters wide at the left (or right) edge of grid column `col`, wrapping `around`. */
function aroundPhoto(col: number, chars: number, line: number, lines: number, side: 'left' | 'right', gapPt = 0, id = 'photo'): ImageFrame {
  const column = gridRect(tpl, col, 1, line, lines);
  const widthPt = chars * BODY_PT;
  const xPt = side === 'left' ? column.xPt : column.xPt + column.widthPt - widthPt;
  return { ...photo([col, 1, line, lines], undefined, id), xPt, widthPt, wrap: { gapPt, mode: 'around' } };
}

/** The story's glyph runs whose baseline lies inside [topPt, bottomPt]. */
const runsBetween = (page: PageLayout, topPt: number, bottomPt: number) =>
  page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === 's' && i.baselineYPt > topPt && i.baselineYPt < bottomPt);

describe('text wrap around (绕排): lines beside a frame in a narrower measure', () => {
  it('a photo at the left of a column: the lines it covers run beside it, flush right, in whole characters', () => {
    const frame = aroundPhoto(1, 6, 10, 8, 'left', 4);
    const page = composePage([articleFrame(), frame]);
    const column = gridRect(tpl, 1, 1, 0, 1);
    const beside = inColumn(page, 1).filter((l) => overlapsY(l, frame.yPt - 4, frame.yPt + frame.heightPt + 4));
    // Eight photo lines and one more each side for the gap: all set, none jumped.
    expect(beside).toHaveLength(10);
    for (const line of beside) {
      // 13 − 6 characters − 4 pt of gap leave 6 whole characters, flush with the column's right edge.
      expect(line.rect.widthPt).toBeCloseTo(6 * BODY_PT, 6);
      expect(line.rect.xPt + line.rect.widthPt).toBeCloseTo(column.xPt + column.widthPt, 6);
      expect(line.rect.xPt).toBeGreaterThanOrEqual(frame.xPt + frame.widthPt + 4 - 0.01);
    }
    // No glyph of the story lands on the photo or its gap.
    for (const run of runsBetween(page, frame.yPt - 4, frame.yPt + frame.heightPt + 4)) {
      for (const g of run.glyphs) expect(g.xPt < frame.xPt - 4 - 0.01 || g.xPt >= frame.xPt + frame.widthPt + 4 - 0.01).toBe(true);
    }
    // Lines above and below it have the column's full measure; text runs on without loss or repetition.
    expect(inColumn(page, 1).filter((l) => !beside.includes(l)).every((l) => Math.abs(l.rect.widthPt - column.widthPt) < 0.01)).toBe(true);
    const positions = page.lines.filter((l) => l.storyId === 's').map((l) => [l.fromPos, l.toPos]);
    for (let i = 1; i < positions.length; i++) expect(positions[i]![0]).toBeGreaterThanOrEqual(positions[i - 1]![1]);
  });

  it('justified lines beside the photo are flush on both sides of their measure', () => {
    const frame = aroundPhoto(1, 6, 10, 8, 'right', 0);
    const page = composePage([articleFrame(), frame]);
    const column = gridRect(tpl, 1, 1, 0, 1);
    const beside = inColumn(page, 1).filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt));
    expect(beside).toHaveLength(8);
    for (const line of beside) {
      // Photo on the right: the text keeps the column's left edge, 7 characters wide.
      expect(line.rect.xPt).toBeCloseTo(column.xPt, 6);
      expect(line.rect.widthPt).toBeCloseTo(7 * BODY_PT, 6);
      const ends = line.caretXPt[line.caretXPt.length - 1]!;
      // A line ending a paragraph is set solid; every other one reaches the measure's right edge.
      if (line.toPos < page.lines.filter((l) => l.storyId === 's').at(-1)!.toPos) expect(ends).toBeLessThanOrEqual(line.rect.xPt + line.rect.widthPt + 0.01);
    }
    const justified = beside.filter((l) => Math.abs(l.caretXPt[l.caretXPt.length - 1]! - (l.rect.xPt + l.rect.widthPt)) < 0.01);
    expect(justified.length).toBeGreaterThanOrEqual(beside.length - 1);
  });

  it('room narrower than the minimum measure is jumped, as with jump wrap', () => {
    // 13 − 9 = 4 characters beside the photo: less than the minimum, so the lines move below it.
    const frame = aroundPhoto(1, 9, 10, 8, 'left', 0);
    expect(13 - 9).toBeLessThan(MIN_AROUND_MEASURE_CHARS);
    const around = composePage([articleFrame(), frame]);
    const jump = composePage([articleFrame(), { ...frame, wrap: { gapPt: 0 } }]);
    expect(inColumn(around, 1).filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt))).toEqual([]);
    expect(JSON.stringify(around.lines)).toBe(JSON.stringify(jump.lines));
  });

  it('a photo over one and a half columns: the covered column jumps it, the half-covered one runs beside it', () => {
    const left = gridRect(tpl, 0, 1, 10, 8);
    const frame: ImageFrame = { ...photo([0, 1, 10, 8]), widthPt: left.widthPt + BODY_PT + 6 * BODY_PT, wrap: { gapPt: 0, mode: 'around' } };
    const page = composePage([articleFrame(), frame]);
    expect(inColumn(page, 0).filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt))).toEqual([]);
    const beside = inColumn(page, 1).filter((l) => overlapsY(l, frame.yPt, frame.yPt + frame.heightPt));
    expect(beside).toHaveLength(8);
    for (const line of beside) expect(line.rect.widthPt).toBeCloseTo(7 * BODY_PT, 6);
  });

  it('two photos from both sides leaving too little between them: the lines move below both', () => {
    const a = aroundPhoto(1, 4, 10, 4, 'left', 0, 'a');
    const b = aroundPhoto(1, 5, 10, 4, 'right', 0, 'b');
    const page = composePage([articleFrame(), a, b]);
    expect(inColumn(page, 1).filter((l) => overlapsY(l, a.yPt, a.yPt + a.heightPt))).toEqual([]);
    // Where only one of them reaches, the lines run beside it.
    const c = aroundPhoto(1, 5, 12, 4, 'right', 0, 'c');
    const staggered = composePage([articleFrame(), a, c]);
    const rows = inColumn(staggered, 1).filter((l) => overlapsY(l, a.yPt, c.yPt + c.heightPt)).map((l) => Math.round(l.rect.widthPt / BODY_PT));
    // Lines 10–11 beside a only (9 characters), 12–13 between both (4: too few, jumped), 14–15 beside c only (8).
    expect(rows).toEqual([9, 9, 8, 8]);
  });

  it('a headline beside an around photo is centred in its narrower measure', () => {
    const centred = story('s', blk('headline', '德清'), cols(p(han(300))));
    const frame: ImageFrame = { ...photo([0, 1, 0, 4]), wrap: { gapPt: 0, mode: 'around' } };
    const page = composePage([articleFrame(), frame], [centred]);
    const headline = page.lines.find((l) => l.storyId === 's' && l.fromPos === 1)!;
    expect(headline.rect.xPt).toBeGreaterThanOrEqual(frame.xPt + frame.widthPt - 0.01);
  });

  it('changing the wrap mode re-composes the story; the same page composes the same twice', () => {
    const composer = createComposer(fonts);
    const jump = documentOf([article], [{ id: 'A01', frames: [articleFrame(), { ...aroundPhoto(1, 6, 10, 8, 'left'), wrap: { gapPt: 0 } }] }], tpl);
    const around = documentOf([article], [{ id: 'A01', frames: [articleFrame(), aroundPhoto(1, 6, 10, 8, 'left')] }], tpl);
    const before = composer.compose(jump).pages[0]!;
    composer.resetStats();
    const after = composer.compose(around).pages[0]!;
    expect(composer.stats.storyMisses).toBe(1);
    expect(JSON.stringify(after.lines)).not.toBe(JSON.stringify(before.lines));
    expect(JSON.stringify(after)).toBe(JSON.stringify(createComposer(fonts).compose(around).pages[0]));
  });

  it('regression: a 上接 jump line at the top of a continuation frame runs beside an around photo, not over it', () => {
    // Deep enough for the body to start under the headline on A01 and continue on A02.
    const first = textFrame(tpl, 'f', 's', [0, 1, 0, 20], { nextFrameId: 'g' });
    const second = textFrame(tpl, 'g', 's', [0, 1, 0, 30]);
    // On the right, where the jump line (set flush right) would otherwise land.
    const frame = aroundPhoto(0, 6, 0, 4, 'right');
    const pages = createComposer(fonts).compose(documentOf([article], [{ id: 'A01', frames: [first] }, { id: 'A02', frames: [second, frame] }], tpl)).pages;
    const level = pages[1]!.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.frameId === 'g' && i.baselineYPt < frame.yPt + frame.heightPt);
    // The jump line and the story's first lines on A02 are level with the photo, and every glyph ends before it.
    expect(level.length).toBeGreaterThan(1);
    expect(level[0]!.glyphs.map((g) => g.text).join('')).toBe('上接第1版');
    for (const run of level) for (const g of run.glyphs) expect(g.xPt + run.sizePt / 2).toBeLessThanOrEqual(frame.xPt + 0.01);
  });

  it('copyfit counts lines beside the photo as room', () => {
    // 51 lines: column 0 and 21 lines of column 1, past the photo.
    const short = story('s', cols(p(han(11 + 13 * 50))));
    const plain = composePage([articleFrame()], [short]);
    const beside = composePage([articleFrame(), aroundPhoto(1, 6, 10, 8, 'left')], [short]);
    const jumped = composePage([articleFrame(), { ...aroundPhoto(1, 6, 10, 8, 'left'), wrap: { gapPt: 0 } }], [short]);
    // Beside the photo the lines hold fewer characters, so the story takes more lines, but fewer than when
    // the eight lines are lost altogether.
    expect(beside.copyfit[0]!.lineDelta).toBeGreaterThan(plain.copyfit[0]!.lineDelta);
    expect(beside.copyfit[0]!.lineDelta).toBeLessThan(jumped.copyfit[0]!.lineDelta);
  });
});

describe('column wrap geometry', () => {
  const left = gridRect(tpl, 1, 1, 0, 1).xPt;
  const right = left + gridRect(tpl, 1, 1, 0, 1).widthPt;
  const obstacle = (chars: number, line: number, lines: number, side: 'left' | 'right', id = 'x') => {
    const rect = gridRect(tpl, 1, 1, line, lines);
    const widthPt = chars * BODY_PT;
    return { frameId: id, rect: { ...rect, widthPt, xPt: side === 'left' ? rect.xPt : rect.xPt + rect.widthPt - widthPt }, around: true };
  };

  it('narrows the cells an around obstacle covers to the wider side, in whole characters', () => {
    const wrap = columnWrap([obstacle(6, 4, 3, 'left')], left, right, grid);
    expect(wrap.bands).toEqual([]);
    expect(wrap.narrowings).toEqual([{ startCell: 4, endCell: 7, xPt: right - 7 * BODY_PT, widthPt: 7 * BODY_PT }]);
    expect(measureAt(wrap.narrowings, left, right - left, 3, 1, grid)).toEqual({ xPt: left, widthPt: right - left });
    expect(measureAt(wrap.narrowings, left, right - left, 4, 1, grid)).toEqual({ xPt: right - 7 * BODY_PT, widthPt: 7 * BODY_PT });
    // A two-cell line reaching into the narrowing is narrowed too.
    expect(measureAt(wrap.narrowings, left, right - left, 3, 2, grid)!.widthPt).toBeCloseTo(7 * BODY_PT, 6);
  });

  it('an obstacle leaving less than the minimum beside it blocks its cells', () => {
    const wrap = columnWrap([obstacle(13 - MIN_AROUND_MEASURE_CHARS + 1, 4, 3, 'left')], left, right, grid);
    expect(wrap.narrowings).toEqual([]);
    expect(wrap.bands).toEqual([{ startCell: 4, endCell: 7 }]);
  });
});

describe('wrap bands', () => {
  const left = gridRect(tpl, 1, 1, 0, 1).xPt;
  const right = left + gridRect(tpl, 1, 1, 0, 1).widthPt;

  it('merge overlapping obstacles and clear a line of all of them at once', () => {
    const a = { frameId: 'a', rect: gridRect(tpl, 1, 1, 4, 3), around: false };
    const b = { frameId: 'b', rect: gridRect(tpl, 1, 1, 6, 4), around: false };
    const c = { frameId: 'c', rect: gridRect(tpl, 1, 1, 12, 1), around: false };
    const { bands } = columnWrap([c, a, b], left, right, grid);
    expect(bands).toEqual([{ startCell: 4, endCell: 10 }, { startCell: 12, endCell: 13 }]);
    expect(clearOfBands(bands, 3, 1)).toBe(3);
    expect(clearOfBands(bands, 3, 2)).toBe(10);
    // A two-line line starting at 10 would overlap the band at 12 only if taller than 2 lines.
    expect(clearOfBands(bands, 10, 2)).toBe(10);
    expect(clearOfBands(bands, 11, 2)).toBe(13);
  });

  it('ignore an obstacle beside the column', () => {
    expect(columnWrap([{ frameId: 'x', rect: gridRect(tpl, 3, 1, 0, 10), around: false }], left, right, grid).bands).toEqual([]);
  });
});
