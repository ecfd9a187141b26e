/**
 * The corpus through the page composer: every paragraph of tests/fixtures/corpus/*.txt as body text of
 * one story, flowed through an 8-column frame over the broadsheet's type area (13 characters of 9 pt per
 * column) and through a frame of two 20-character legs threaded into five 13-character columns, then read back
 * from the PageLayout alone: every character set once, in order; lines on the grid; every glyph inside its
 * column unless reported; the document quality counters as `measureDocumentQuality` reports them.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { measureDocumentQuality } from '../../../src-core/layout/document-quality.js';
import type { GlyphRunItem, LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import type { FolioDocument } from '../../../src-core/model/document.js';
import { broadsheet, cols, documentOf, p, story, testFonts, textFrame } from '../layout/fixtures.js';
import { corpusParagraphs } from './corpus.js';

const tpl = broadsheet();
const fonts = testFonts();
const texts = corpusParagraphs().map((c) => c.text);

/** ProseMirror position of the first character of each paragraph: doc › columns › paragraph opens. */
function paragraphStarts(): number[] {
  const starts: number[] = [];
  let pos = 2; // after <columns> and the first <paragraph>
  for (const t of texts) {
    starts.push(pos);
    pos += t.length + 2; // the text, </paragraph>, <paragraph>
  }
  return starts;
}

/** The story text each line box covers, in page order, read back by position. */
function coveredText(lines: readonly LineBox[]): Map<number, string> {
  const starts = paragraphStarts();
  const out = new Map<number, string>();
  for (const l of lines) {
    const i = starts.findIndex((s, k) => s <= l.fromPos && l.fromPos <= s + texts[k].length);
    if (i < 0) continue;
    out.set(i, (out.get(i) ?? '') + texts[i].slice(l.fromPos - starts[i], l.toPos - starts[i]));
  }
  return out;
}

function bodyDoc(frames: ReturnType<typeof textFrame>[]): FolioDocument {
  return documentOf([story('s', cols(...texts.map((t) => p(t))))], [{ id: 'A01', frames }], tpl);
}

describe('corpus on a page', () => {
  it('8 columns of 13 characters: every paragraph set once and whole, nothing overset, glyphs inside their columns', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 8, 0, 120]);
    const doc = bodyDoc([frame]);
    const page: PageLayout = createComposer(fonts).compose(doc).pages[0]!;
    expect(page.overset).toEqual([]);
    const covered = coveredText(page.lines);
    texts.forEach((t, i) => expect(covered.get(i), `paragraph ${i}`).toBe(t));

    // Glyphs lie inside the column of their line, except on lines the composer reported overfull.
    const overfull = new Set(page.warnings.filter((w) => w.code === 'overfull-line').map((w) => w.pos));
    const colWidthPt = 13 * 9;
    for (const run of page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === 's')) {
      const line = page.lines.find((l) => Math.abs(l.baselineYPt - run.baselineYPt) < 1e-6 && run.glyphs[0].xPt >= l.rect.xPt - 9 && run.glyphs[0].xPt < l.rect.xPt + l.rect.widthPt)!;
      expect(line, `a line for the run at ${run.baselineYPt}`).toBeDefined();
      if (overfull.has(line.fromPos)) continue;
      for (const g of run.glyphs) {
        expect(Number.isFinite(g.xPt)).toBe(true);
        expect(g.xPt, g.text).toBeLessThan(line.rect.xPt + colWidthPt);
      }
    }
  });

  it('2 legs of 20 characters threaded into 5 columns of 13: paragraphs crossing the width change are set whole', () => {
    const first = textFrame(tpl, 'a', 's', [0, 3, 0, 40], { nextFrameId: 'b', columns: 2 });
    const second = textFrame(tpl, 'b', 's', [3, 5, 0, 120]);
    const doc = bodyDoc([first, second]);
    const page = createComposer(fonts).compose(doc).pages[0]!;
    expect(page.overset).toEqual([]);
    const covered = coveredText(page.lines);
    texts.forEach((t, i) => expect(covered.get(i), `paragraph ${i}`).toBe(t));
    expect(new Set(page.lines.map((l) => l.frameId))).toEqual(new Set(['a', 'b']));
  });

  it('document quality of the corpus page: every loose, unjustified or split line is one the composer reported', () => {
    const doc = bodyDoc([textFrame(tpl, 'f', 's', [0, 8, 0, 120])]);
    const q = measureDocumentQuality(doc, fonts);
    const page = createComposer(fonts).compose(doc).pages[0]!;
    const reported = page.warnings.filter((w) => w.code === 'loose-line' || w.code === 'overfull-line').length;
    expect(q.paragraphs).toBe(texts.length);
    expect(q.loose_lines + q.unjustified_lines).toBeLessThanOrEqual(reported);
    expect(q.kinsoku_violations + q.number_unit_splits).toBeLessThanOrEqual(page.warnings.filter((w) => w.code === 'overfull-line').length);
    expect(q.single_char_last_lines).toBe(0);
  });
});
