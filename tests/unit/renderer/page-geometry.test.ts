import { describe, expect, it } from 'vitest';
import { createPageGrid } from '../../../src-core/layout/grid.js';
import type { GlyphRunItem, LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import { BLACK } from '../../../src-core/model/colour.js';
import type { Page } from '../../../src-core/model/document.js';
import { TemplateSchema } from '../../../src-core/model/template.js';
import { frameAtPoint } from '../../../src-renderer/page/frame-hit.js';
import { glyphTransform } from '../../../src-renderer/page/glyph-paths.js';
import { handleAtPoint } from '../../../src-renderer/page/overlay.js';
import { columnEdgesPt, snapFrameRect, snapToNearest } from '../../../src-renderer/page/snap.js';
import { pageTextParagraphs } from '../../../src-renderer/page/text-layer.js';
import { canvasBackingSize, CSS_PX_PER_PT, fitPageZoom, fitWidthZoom, FIT_MARGIN_PX, MAX_ZOOM, MIN_ZOOM, stepZoom } from '../../../src-renderer/page/viewport.js';
import { copyfitByStory, formatCopyfit } from '../../../src-renderer/state/copyfit.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';

const template = TemplateSchema.parse({
  schemaVersion: 1,
  id: 't',
  name: 't',
  page: { trimWidthMm: 390, trimHeightMm: 545, typeAreaTopMm: 28, typeAreaLeftMm: 20 },
  grid: { columns: 8, charsPerColumn: 13, gutterChars: 1, bodySize: '小五', linePitchPt: 11.55, linesPerColumn: 120 },
  paragraphStyles: { paragraph: { label: 'p', font: { family: 'F', weight: 400 }, size: '小五' } },
});
const grid = createPageGrid(template);

describe('viewport', () => {
  it('fits the page inside the viewport minus margins, and the width when asked', () => {
    const z = fitPageZoom(1000, 2000, 800, 600);
    expect(2000 * z * CSS_PX_PER_PT).toBeCloseTo(600 - 2 * FIT_MARGIN_PX, 6);
    expect(1000 * fitWidthZoom(1000, 800) * CSS_PX_PER_PT).toBeCloseTo(800 - 2 * FIT_MARGIN_PX, 6);
  });

  it('steps and clamps zoom', () => {
    expect(stepZoom(1, 1)).toBeCloseTo(1.2);
    expect(stepZoom(1, -1)).toBeCloseTo(1 / 1.2);
    expect(stepZoom(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(stepZoom(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });

  it('sizes the backing store for HiDPI and caps its area without changing the zoom', () => {
    const b = canvasBackingSize(100, 200, 1, 2);
    expect(b).toEqual({ widthPx: Math.round(100 * CSS_PX_PER_PT * 2), heightPx: Math.round(200 * CSS_PX_PER_PT * 2), scale: CSS_PX_PER_PT * 2 });
    const capped = canvasBackingSize(1105, 1545, 8, 2, 1_000_000);
    expect(capped.widthPx * capped.heightPx).toBeLessThanOrEqual(1_001_000);
  });
});

describe('glyph transform', () => {
  it('scales font units to points, flips y and moves to the glyph origin', () => {
    const [a, b, c, d, e, f] = glyphTransform(1000, 9, 100, 200, 1.5);
    // A point at (500, 880) font units (top of an ideograph's em box) lands 7.92 pt above the baseline.
    expect(a * 500 + c * 880 + e).toBeCloseTo(100 + 4.5 * 1.5);
    expect(b * 500 + d * 880 + f).toBeCloseTo(200 - 7.92);
  });
});

describe('snapping', () => {
  it('lists column edges from the grid', () => {
    const edges = columnEdgesPt(template, grid);
    expect(edges).toHaveLength(16);
    expect(edges[0]).toBeCloseTo(grid.typeArea.xPt);
    expect(edges[1] - edges[0]).toBeCloseTo(13 * 9);
    expect(edges[2] - edges[1]).toBeCloseTo(9);
    expect(edges[15]).toBeCloseTo(grid.typeArea.xPt + grid.typeArea.widthPt);
  });

  it('snaps within the tolerance only', () => {
    expect(snapToNearest(10.5, [0, 10, 20], 1)).toBe(10);
    expect(snapToNearest(15, [0, 10, 20], 1)).toBe(15);
  });

  it('snaps a frame’s left edge to a column edge and its top to a grid cell', () => {
    const edges = columnEdgesPt(template, grid);
    const snapped = snapFrameRect({ xPt: edges[2] + 2, yPt: grid.cellTopPt(10) - 1.5, widthPt: 100, heightPt: 50 }, template, grid, 3);
    expect(snapped.xPt).toBeCloseTo(edges[2]);
    expect(snapped.yPt).toBeCloseTo(grid.cellTopPt(10));
    const right = snapFrameRect({ xPt: edges[3] - 100 + 1, yPt: 500, widthPt: 100, heightPt: 50 }, template, grid, 3);
    expect(right.xPt + right.widthPt).toBeCloseTo(edges[3]);
  });
});

describe('frame and handle hit-testing', () => {
  const page: Page = {
    id: 'p',
    name: 'A01',
    section: '',
    frames: [
      { kind: 'box', id: 'under', xPt: 0, yPt: 0, widthPt: 100, heightPt: 100, locked: false, strokePt: 1, stroke: BLACK },
      { kind: 'text', id: 'over', xPt: 50, yPt: 50, widthPt: 100, heightPt: 100, locked: false, storyId: 's', columns: 1, gutterChars: 1, columnRule: false },
    ],
  };
  it('picks the topmost frame under the point', () => {
    expect(frameAtPoint(page, 60, 60)?.id).toBe('over');
    expect(frameAtPoint(page, 10, 10)?.id).toBe('under');
    expect(frameAtPoint(page, 300, 300)).toBeUndefined();
  });
  it('finds resize handles within a constant screen distance', () => {
    const rect = { xPt: 50, yPt: 50, widthPt: 100, heightPt: 100 };
    expect(handleAtPoint(rect, 151, 151, 1)).toBe('se');
    expect(handleAtPoint(rect, 100, 49, 1)).toBe('n');
    expect(handleAtPoint(rect, 100, 100, 1)).toBeNull();
  });
});

describe('text layer and copyfit', () => {
  const layout: PageLayout = {
    pageId: 'p',
    pageName: 'A01',
    trimWidthPt: 500,
    trimHeightPt: 500,
    bleedPt: 0,
    typeArea: { xPt: 0, yPt: 0, widthPt: 500, heightPt: 500 },
    items: [
      { kind: 'glyphs', fontId: 'f', sizePt: 9, colour: BLACK, baselineYPt: 20, frameId: 'f1', storyId: 's', glyphs: [{ glyphId: 2, xPt: 19, text: '文' }, { glyphId: 1, xPt: 10, text: '中' }, { glyphId: 3, xPt: 110, text: '二' }] },
      { kind: 'glyphs', fontId: 'f', sizePt: 9, colour: BLACK, baselineYPt: 31.55, frameId: 'f1', storyId: 's', glyphs: [{ glyphId: 4, xPt: 10, text: '下' }] },
      { kind: 'glyphs', fontId: 'f', sizePt: 6, colour: BLACK, baselineYPt: 400, glyphs: [{ glyphId: 5, xPt: 10, text: '广' }] },
    ],
    lines: [
      { storyId: 's', frameId: 'f1', column: 0, rect: { xPt: 10, yPt: 12, widthPt: 90, heightPt: 11.55 }, baselineYPt: 20, fromPos: 1, toPos: 3, caretXPt: [10, 19, 28] },
      { storyId: 's', frameId: 'f1', column: 0, rect: { xPt: 10, yPt: 23.55, widthPt: 90, heightPt: 11.55 }, baselineYPt: 31.55, fromPos: 3, toPos: 4, caretXPt: [10, 19] },
      { storyId: 's', frameId: 'f1', column: 1, rect: { xPt: 110, yPt: 12, widthPt: 90, heightPt: 11.55 }, baselineYPt: 20, fromPos: 4, toPos: 5, caretXPt: [110, 119] },
    ],
    overset: [],
    copyfit: [{ storyId: 's', lineDelta: 2 }, { storyId: 't', lineDelta: -1 }],
    warnings: [],
  };
  it('reads runs in paint order (the PDF’s), per frame; lines on no LineBox are furniture and read too', () => {
    // '文' is drawn before '中' in this run: the layer reads the composer's order, as the PDF's text does.
    expect(pageTextParagraphs(layout)).toEqual([{ frameId: 'f1', storyId: 's', paragraphs: ['文中二下'] }]);
  });

  it('regression (issue 12): keeps an opening quote set left of its line box, and starts a paragraph at each block', () => {
    const run = (baselineYPt: number, xPt: number, text: string, extra: Partial<GlyphRunItem> = {}): GlyphRunItem => ({
      kind: 'glyphs', fontId: 'f', sizePt: 9, colour: BLACK, baselineYPt, frameId: 'f1', storyId: 's',
      glyphs: [...text].map((ch, i) => ({ glyphId: i + 1, xPt: xPt + 9 * i, text: ch })), ...extra,
    });
    const line = (column: number, baselineYPt: number, blockStart: boolean): LineBox => ({
      storyId: 's', frameId: 'f1', column, rect: { xPt: 10 + 100 * column, yPt: baselineYPt - 8, widthPt: 90, heightPt: 11.55 },
      baselineYPt, fromPos: 0, toPos: 0, caretXPt: [], ...(blockStart ? { blockStart: true as const } : {}),
    });
    const text: PageLayout = {
      ...layout,
      items: [
        // The line-start “ loses its leading half em: its origin is 4.5 pt left of the line box.
        run(20, 5.5, '“八八战略”在德清'),
        run(31.55, 10, '以改革促创新发展'),
        run(43.1, 28, '从2015年的'),
        run(43.1, 73, 'ABC', { fontId: 'latin' }),
        run(20, 110, 'DEF'),
        run(31.55, 110, '试点起步。'),
        run(43.1, 155, '下转第2版', { jump: 'out' }),
        { ...run(60, 300, '广告'), frameId: 'ad', storyId: undefined },
      ],
      lines: [line(0, 20, true), line(0, 31.55, true), line(0, 43.1, true), line(1, 20, false), line(1, 31.55, false)],
    };
    expect(pageTextParagraphs(text)).toEqual([
      // A paragraph runs on across columns; Latin words meeting at a line end get their space back.
      { frameId: 'f1', storyId: 's', paragraphs: ['“八八战略”在德清', '以改革促创新发展', '从2015年的ABC DEF试点起步。', '下转第2版'] },
      { frameId: 'ad', storyId: null, paragraphs: ['广告'] },
    ]);
  });
  it('sums copyfit per story over pages and formats it', () => {
    const byStory = copyfitByStory([layout, layout]);
    expect(byStory.get('s')).toBe(4);
    const english = createTranslator('en');
    expect(formatCopyfit(3, english)).toBe('+3 lines');
    expect(formatCopyfit(-1, english)).toBe('\u22121 line');
    expect(formatCopyfit(0, english)).toBe('fits');
    const chinese = createTranslator('zh-CN');
    expect(formatCopyfit(3, chinese)).toBe('+3 行');
    expect(formatCopyfit(-1, chinese)).toBe('\u22121 行');
    expect(formatCopyfit(0, chinese)).toBe('正好');
  });
});
