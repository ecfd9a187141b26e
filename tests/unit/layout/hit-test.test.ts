import { describe, expect, it } from 'vitest';
import { Node } from 'prosemirror-model';
import { createComposer } from '../../../src-core/layout/compose.js';
import { caretRect, positionAtPoint, selectionRects } from '../../../src-core/layout/hit-test.js';
import type { GlyphRunItem, LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { blk, broadsheet, cols, documentOf, p, story, t, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();

const s = story('s',
  blk('headline', '“停不下来”的改革'),
  blk('byline', '记者 董华'),
  cols(
    p('从2015年的省级城乡体制改革试点起步，“群众点题、政府解题”的“微改革”（7批次120项）……GDP增长5.5%，', t('Folio editor', [{ type: 'bold' }]), '在德清！“目前已经有600多人报名。”'),
    blk('subhead', '以改革促创新', { type: 'hard_break' }, '发展'),
    p('《德清县保障随迁子女“同城共学”实施方案》——优化营商环境，Hello world,（A）。'),
    p(),
    p('截至目前共承担承接的省级以上改革试点累计达200多项，众多改革经验在全省全国被推广。'),
  ),
);
const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 40]);
const layout: PageLayout = createComposer(fonts).compose(documentOf([s], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
const pmDoc = Node.fromJSON(storySchema, s.doc);

/**
 * The glyphs drawn on a line box, in the order the composer emitted them: runs of its frame on its baseline
 * whose glyphs start inside its rectangle (a compressed opening bracket's origin may lie up to half an em left).
 */
function glyphsOf(line: LineBox) {
  return layout.items
    .filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.frameId === line.frameId && Math.abs(i.baselineYPt - line.baselineYPt) < 1e-9)
    .flatMap((r) => r.glyphs.filter((g) => g.xPt >= line.rect.xPt - r.sizePt / 2 - 0.01 && g.xPt < line.rect.xPt + line.rect.widthPt));
}

describe('ProseMirror positions and hit-testing', () => {
  it('every glyph shows the document text at its ProseMirror position (compressed punctuation, Latin runs)', () => {
    expect(pmDoc.check).toBeDefined();
    pmDoc.check();
    let checked = 0;
    let compressedLines = 0;
    for (const line of layout.lines) {
      expect(line.caretXPt.length).toBe(line.toPos - line.fromPos + 1);
      let pos = line.fromPos;
      for (const g of glyphsOf(line)) {
        // Skip what the composer does not draw (a space dropped at a line end).
        while (pos < line.toPos && pmDoc.textBetween(pos, pos + 1) === ' ' && g.text !== ' ') pos++;
        expect(pos + g.text.length).toBeLessThanOrEqual(line.toPos);
        expect(pmDoc.textBetween(pos, pos + g.text.length)).toBe(g.text);
        pos += g.text.length;
        checked++;
      }
      for (let i = 1; i < line.caretXPt.length; i++) expect(line.caretXPt[i]!).toBeGreaterThanOrEqual(line.caretXPt[i - 1]! - 1e-9);
      // A full-width mark is 9 pt at 小五; a caret step under 8 pt means it was compressed.
      if (line.caretXPt.some((x, i) => i > 0 && /[，。、“”（）《》]/.test(pmDoc.textBetween(line.fromPos + i - 1, line.fromPos + i)) && x - line.caretXPt[i - 1]! < 8 && x - line.caretXPt[i - 1]! > 0)) compressedLines++;
    }
    const textLength = pmDoc.textBetween(0, pmDoc.content.size).length;
    expect(checked).toBeGreaterThan(textLength - 20);
    expect(compressedLines).toBeGreaterThan(0);
    // Latin glyphs are checked too.
    expect(layout.lines.some((l) => glyphsOf(l).some((g) => /[A-Za-z]/.test(g.text)))).toBe(true);
  });

  it('lines cover the story text exactly once, in order', () => {
    const ranges = layout.lines.map((l) => [l.fromPos, l.toPos] as const);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    let covered = '';
    for (const [a, b] of ranges) covered += pmDoc.textBetween(a, b);
    expect(covered).toBe(pmDoc.textBetween(0, pmDoc.content.size));
    // The empty paragraph still has a line with a caret.
    expect(layout.lines.some((l) => l.fromPos === l.toPos)).toBe(true);
  });

  it('caretRect, selectionRects and positionAtPoint agree with the line boxes', () => {
    const line = layout.lines.find((l) => l.toPos - l.fromPos > 8 && l.column === 0 && l.rect.heightPt < 12)!;
    const pos = line.fromPos + 3;
    const caret = caretRect(layout, 's', pos)!;
    expect(caret.xPt).toBe(line.caretXPt[3]);
    expect(caret.yPt).toBe(line.rect.yPt);
    expect(caret.heightPt).toBe(line.rect.heightPt);
    // A point just right of a caret, mid-line, maps back to that position.
    for (let i = 0; i < line.toPos - line.fromPos; i++) {
      const step = line.caretXPt[i + 1]! - line.caretXPt[i]!;
      if (step < 1) continue;
      expect(positionAtPoint(layout, line.caretXPt[i]! + step * 0.3, line.baselineYPt - 2)).toEqual({ storyId: 's', pos: line.fromPos + i });
    }
    expect(positionAtPoint(layout, 5, 5)).toBeNull();
    // A selection over two lines gives two rectangles: from the caret to the line end, then from the next line's start.
    const next = layout.lines[layout.lines.indexOf(line) + 1]!;
    const rects = selectionRects(layout, 's', pos, next.fromPos + 2);
    expect(rects.length).toBe(2);
    expect(rects[0]!.xPt).toBe(line.caretXPt[3]);
    expect(rects[0]!.xPt + rects[0]!.widthPt).toBeCloseTo(line.caretXPt[line.caretXPt.length - 1]!, 9);
    expect(rects[1]!.xPt).toBe(next.caretXPt[0]);
    expect(rects[1]!.widthPt).toBeCloseTo(next.caretXPt[2]! - next.caretXPt[0]!, 9);
    // A position on a line boundary goes to the start of the next line.
    expect(caretRect(layout, 's', line.toPos)!.yPt).toBe(next.fromPos === line.toPos ? next.rect.yPt : line.rect.yPt);
    expect(caretRect(layout, 'other', pos)).toBeNull();
  });
});
