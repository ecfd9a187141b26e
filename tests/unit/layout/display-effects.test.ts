/**
 * 勾边/空心/阴影 and 底纹 in the composer (issue 15 items 3–4): effects ride on the glyph runs without changing
 * a width; a paragraph shading is a fill box emitted under the paragraph's text on every column piece.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { BoxItem, GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { paragraphShadingBoxes, type ShadedLineExtent } from '../../../src-core/layout/paragraph-shading.js';
import { textEffectsOf, withCharacterEffects } from '../../../src-core/layout/text-effects.js';
import { CharacterStyleSchema, ParagraphStyleSchema, type Template } from '../../../src-core/model/template.js';
import { ParagraphShadingSchema, type ParagraphShading } from '../../../src-core/model/text-effects.js';
import { bodyText, blk, broadsheet, cols, documentOf, p, PITCH_PT, story, t, textFrame } from './fixtures.js';
import { testFonts } from './fixtures.js';

const RED = { c: 0, m: 1, y: 1, k: 0 };
const BLACK = { c: 0, m: 0, y: 0, k: 1 };
const K15 = { c: 0, m: 0, y: 0, k: 0.15 };
const OUTLINE = { widthPt: 1.5, colour: RED };

function withStyles(patch: (tpl: Template) => Partial<Template>): Template {
  const tpl = broadsheet();
  return { ...tpl, ...patch(tpl) };
}

function composeOne(template: Template, doc: Parameters<typeof story>[1][], cell: [number, number, number, number] = [0, 4, 0, 20]): PageLayout {
  const frame = textFrame(template, 'f', 's', cell);
  return createComposer(testFonts()).compose(documentOf([story('s', ...doc)], [{ id: 'A01', frames: [frame] }], template)).pages[0]!;
}

const runs = (layout: PageLayout) => layout.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs');
const boxes = (layout: PageLayout) => layout.items.filter((i): i is BoxItem => i.kind === 'box');

describe('style schema', () => {
  it('accepts outline, hollow, shadow and shading, and refuses out-of-range values with a reason', () => {
    const base = broadsheet().paragraphStyles.kicker!;
    expect(ParagraphStyleSchema.safeParse({ ...base, outline: OUTLINE, hollow: { widthPt: 1, colour: BLACK }, shadow: { dxPt: 2, dyPt: 2, colour: K15 } }).success).toBe(true);
    expect(ParagraphStyleSchema.safeParse({ ...base, outline: { widthPt: 0, colour: RED } }).success).toBe(false);
    expect(ParagraphStyleSchema.safeParse({ ...base, outline: { widthPt: 20, colour: RED } }).success).toBe(false);
    const still = ParagraphStyleSchema.safeParse({ ...base, shadow: { dxPt: 0, dyPt: 0, colour: K15 } });
    expect(still.success).toBe(false);
    expect(still.error?.issues[0]?.message).toMatch(/needs an offset/);
    const shading = ParagraphShadingSchema.parse({ colour: K15 });
    expect(shading).toEqual({ colour: K15, extent: 'column', insets: { topPt: 0, bottomPt: 0, leftPt: 0, rightPt: 0 } });
    expect(CharacterStyleSchema.safeParse({ label: '勾边', outline: OUTLINE }).success).toBe(true);
  });

  it('merges character effects over the paragraph’s, field by field, allocating nothing when none is set', () => {
    expect(textEffectsOf({})).toBeUndefined();
    const para = textEffectsOf({ shadow: { dxPt: 1, dyPt: 1, colour: K15 } });
    expect(withCharacterEffects(para, {})).toBe(para);
    expect(withCharacterEffects(para, { outline: OUTLINE })).toEqual({ shadow: { dxPt: 1, dyPt: 1, colour: K15 }, outline: OUTLINE });
  });
});

describe('display effects on composed runs', () => {
  const kicker = (effects: object) => withStyles((tpl) => ({ paragraphStyles: { ...tpl.paragraphStyles, kicker: { ...tpl.paragraphStyles.kicker!, ...effects } } }));

  it('carries the paragraph style’s outline on its runs and leaves every glyph where the plain style sets it', () => {
    const text = [blk('kicker', '乡村振兴看今朝'), p(bodyText(40))];
    const plain = composeOne(broadsheet(), text);
    const outlined = composeOne(kicker({ outline: OUTLINE, shadow: { dxPt: 1, dyPt: 1, colour: K15 } }), text);
    const plainRuns = runs(plain);
    const outlinedRuns = runs(outlined);
    expect(outlinedRuns.map((r) => r.glyphs)).toEqual(plainRuns.map((r) => r.glyphs));
    expect(outlinedRuns[0]!.effects).toEqual({ outline: OUTLINE, shadow: { dxPt: 1, dyPt: 1, colour: K15 } });
    // The body's runs carry no effects field at all (plain text pays nothing).
    expect(outlinedRuns.filter((r) => r.sizePt < 10).every((r) => !('effects' in r))).toBe(true);
    expect(plainRuns.every((r) => !('effects' in r))).toBe(true);
  });

  it('splits a run where a character style sets its own effect, and composes it again when the style changes', () => {
    const tpl = withStyles((base) => ({ characterStyles: { ...base.characterStyles, hollowed: { label: '空心', hollow: { widthPt: 1, colour: BLACK } } } }));
    const text = [blk('headline', '城乡', t('公路', [{ type: 'charStyle', attrs: { name: 'hollowed' } }]), '通到家门口')];
    const layout = composeOne(tpl, text);
    const headline = runs(layout);
    expect(headline.map((r) => r.glyphs.map((g) => g.text).join(''))).toEqual(['城乡', '公路', '通到家门口']);
    expect(headline.map((r) => r.effects?.hollow?.widthPt)).toEqual([undefined, 1, undefined]);
    // One composer, two templates differing only in the effect: the paragraph cache must not hand back the old runs.
    const composer = createComposer(testFonts());
    const frameOf = (template: Template) => textFrame(template, 'f', 's', [0, 4, 0, 20]);
    const first = composer.compose(documentOf([story('s', ...text)], [{ id: 'A01', frames: [frameOf(tpl)] }], tpl)).pages[0]!;
    const thicker = { ...tpl, characterStyles: { ...tpl.characterStyles, hollowed: { label: '空心', hollow: { widthPt: 2, colour: BLACK } } } };
    const second = composer.compose(documentOf([story('s', ...text)], [{ id: 'A01', frames: [frameOf(thicker)] }], thicker)).pages[0]!;
    expect(runs(first)[1]!.effects?.hollow?.widthPt).toBe(1);
    expect(runs(second)[1]!.effects?.hollow?.widthPt).toBe(2);
  });
});

describe('paragraph shading (底纹)', () => {
  const shaded = (shading: ParagraphShading) => withStyles((tpl) => ({ paragraphStyles: { ...tpl.paragraphStyles, subhead: { ...tpl.paragraphStyles.subhead!, shading } } }));

  it('regression: a column-wide shading spans the measure and the lines’ cells, under the paragraph’s text', () => {
    const shading = ParagraphShadingSchema.parse({ colour: K15, insets: { topPt: 2, bottomPt: 3 } });
    const layout = composeOne(shaded(shading), [p(bodyText(20)), blk('subhead', '小标题'), p(bodyText(20, 1))]);
    const tint = boxes(layout).filter((b) => b.fill?.k === 0.15);
    expect(tint).toHaveLength(1);
    const box = tint[0]!;
    expect(box.strokePt).toBe(0);
    const line = layout.lines.find((l) => l.blockStart && l.rect.yPt > 0 && runs(layout).some((r) => r.sizePt > 9 && Math.abs(r.baselineYPt - l.baselineYPt) < 1e-6))!;
    expect(box.rect.xPt).toBeCloseTo(line.rect.xPt, 6);
    expect(box.rect.widthPt).toBeCloseTo(line.rect.widthPt, 6);
    expect(box.rect.yPt).toBeCloseTo(line.rect.yPt - 2, 6);
    expect(box.rect.heightPt).toBeCloseTo(line.rect.heightPt + 5, 6);
    // Paint order: the tint comes before the subhead's glyphs.
    const tintIndex = layout.items.indexOf(box);
    const subheadRun = layout.items.findIndex((i) => i.kind === 'glyphs' && i.baselineYPt === line.baselineYPt);
    expect(tintIndex).toBeLessThan(subheadRun);
  });

  it('regression: a text-wide shading covers the set characters only, widened by its side insets', () => {
    const shading = ParagraphShadingSchema.parse({ colour: K15, extent: 'text', insets: { leftPt: 4, rightPt: 4 } });
    const layout = composeOne(shaded(shading), [blk('subhead', '小标题')]);
    const box = boxes(layout).find((b) => b.fill?.k === 0.15)!;
    const run = runs(layout)[0]!;
    const line = layout.lines[0]!;
    expect(box.rect.xPt).toBeCloseTo(line.caretXPt[0]! - 4, 6);
    expect(box.rect.xPt + box.rect.widthPt).toBeCloseTo(line.caretXPt.at(-1)! + 4, 6);
    expect(box.rect.widthPt).toBeLessThan(line.rect.widthPt);
    expect(run.glyphs[0]!.xPt).toBeGreaterThanOrEqual(box.rect.xPt);
  });

  it('regression: a paragraph broken over two columns gets one tint per column piece', () => {
    const tpl = withStyles((base) => ({ paragraphStyles: { ...base.paragraphStyles, paragraph: { ...base.paragraphStyles.paragraph!, shading: ParagraphShadingSchema.parse({ colour: K15 }) } } }));
    const layout = composeOne(tpl, [cols(p(bodyText(400)))], [0, 4, 0, 8]);
    const tint = boxes(layout).filter((b) => b.fill?.k === 0.15);
    const columns = new Set(layout.lines.map((l) => l.column));
    expect(columns.size).toBeGreaterThan(1);
    expect(tint).toHaveLength(columns.size);
    for (const box of tint) expect(box.rect.heightPt % PITCH_PT).toBeCloseTo(0, 4);
  });

  it('splits extents at a frame, column or vertical gap and unions the rest', () => {
    const e = (frameId: string, column: number, topPt: number, leftPt = 10, rightPt = 90): ShadedLineExtent => ({
      frameId, column, measureLeftPt: 0, measureRightPt: 100, leftPt, rightPt, topPt, bottomPt: topPt + 10,
    });
    const shading = ParagraphShadingSchema.parse({ colour: K15, extent: 'text' });
    const out = paragraphShadingBoxes(shading, [e('a', 0, 0, 20, 80), e('a', 0, 10, 10, 60), e('a', 0, 40), e('a', 1, 0), e('b', 0, 0)]);
    expect(out.map((b) => [b.frameId, b.rect.xPt, b.rect.yPt, b.rect.widthPt, b.rect.heightPt])).toEqual([
      ['a', 10, 0, 70, 20], ['a', 10, 40, 80, 10], ['a', 10, 0, 80, 10], ['b', 10, 0, 80, 10],
    ]);
    expect(paragraphShadingBoxes(shading, [])).toEqual([]);
  });
});
