import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { BoxItem, GlyphRunItem, ImageItem, PageLayout, RuleItem } from '../../../src-core/layout/page-layout.js';
import type { Frame, ImageFrame } from '../../../src-core/model/document.js';
import { blk, broadsheet, cols, documentOf, p, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const compose = (frames: Frame[], stories = [story('s', p('正文'))], assets = {}) => {
  const doc = { ...documentOf(stories, [{ id: 'A01', frames }], tpl), assets };
  return createComposer(fonts).compose(doc);
};
const image = (fit: ImageFrame['fit'], extra: Partial<ImageFrame> = {}): ImageFrame => ({
  id: 'img', kind: 'image', xPt: 100, yPt: 200, widthPt: 144, heightPt: 72, locked: false, assetId: 'photo', fit, offsetXPt: 0, offsetYPt: 0, scale: 1, ...extra,
});
const photo = { photo: { id: 'photo', path: 'assets/photo.png', mime: 'image/png' as const, widthPx: 400, heightPx: 400 } };
const only = <K extends string>(page: PageLayout, kind: K) => page.items.filter((i) => i.kind === kind);

describe('frames', () => {
  it('image fit, fill and crop place the image and report its effective resolution', () => {
    const fit = only(compose([image('fit')], undefined, photo).pages[0]!, 'image')[0] as ImageItem;
    // 400 px square into 144 × 72 pt: fit scales to the height (72 pt = 1 in) → 400 ppi, centred horizontally.
    expect(fit.rect).toEqual({ xPt: 136, yPt: 200, widthPt: 72, heightPt: 72 });
    expect(fit.effectivePpi).toBeCloseTo(400, 9);
    expect(fit.clip).toEqual({ xPt: 100, yPt: 200, widthPt: 144, heightPt: 72 });
    const fill = only(compose([image('fill')], undefined, photo).pages[0]!, 'image')[0] as ImageItem;
    // Fill scales to the width (144 pt = 2 in) → 200 ppi, centred vertically and clipped by the frame.
    expect(fill.rect).toEqual({ xPt: 100, yPt: 164, widthPt: 144, heightPt: 144 });
    expect(fill.effectivePpi).toBeCloseTo(200, 9);
    const crop = only(compose([image('crop', { scale: 0.5, offsetXPt: -10, offsetYPt: -20 })], undefined, photo).pages[0]!, 'image')[0] as ImageItem;
    // Crop: 1 px = 1 pt × scale, panned by the offsets.
    expect(crop.rect).toEqual({ xPt: 90, yPt: 180, widthPt: 200, heightPt: 200 });
    expect(crop.effectivePpi).toBeCloseTo(144, 9);
  });

  it('a missing asset is a warning and a crossed placeholder', () => {
    const page = compose([image('fill', { assetId: 'gone' })]).pages[0]!;
    expect(page.warnings.map((w) => w.code)).toEqual(['missing-asset']);
    expect(only(page, 'image')).toEqual([]);
    const box = only(page, 'box')[0] as BoxItem;
    expect(box.rect).toEqual({ xPt: 100, yPt: 200, widthPt: 144, heightPt: 72 });
    const cross = only(page, 'rule') as RuleItem[];
    expect(cross.map((r) => [r.x1Pt, r.y1Pt, r.x2Pt, r.y2Pt])).toEqual([[100, 200, 244, 272], [244, 200, 100, 272]]);
  });

  it('boxes carry their label at the top-right inside, in the body font at 7 pt; rules run along the longer axis', () => {
    const frames: Frame[] = [
      { id: 'ad', kind: 'box', xPt: 50, yPt: 500, widthPt: 300, heightPt: 100, locked: false, strokePt: 1, stroke: { c: 0, m: 0, y: 0, k: 1 }, label: '广告' },
      { id: 'r', kind: 'rule', xPt: 50, yPt: 480, widthPt: 300, heightPt: 1, locked: false, strokePt: 0.75, colour: { c: 0, m: 0, y: 0, k: 1 } },
    ];
    const page = compose(frames).pages[0]!;
    expect((only(page, 'box')[0] as BoxItem).rect).toEqual({ xPt: 50, yPt: 500, widthPt: 300, heightPt: 100 });
    const label = only(page, 'glyphs')[0] as GlyphRunItem;
    expect(label.glyphs.map((g) => g.text).join('')).toBe('广告');
    expect(label.sizePt).toBe(7);
    expect(label.fontId).toBe('noto-serif-sc-400');
    const last = label.glyphs[label.glyphs.length - 1]!;
    expect(last.xPt + 7).toBeCloseTo(350 - 1 - 2, 6);
    expect(label.baselineYPt).toBeGreaterThan(500);
    expect(label.baselineYPt).toBeLessThan(500 + 12);
    expect(only(page, 'rule')).toEqual([{ kind: 'rule', x1Pt: 50, y1Pt: 480.5, x2Pt: 350, y2Pt: 480.5, strokePt: 0.75, colour: { c: 0, m: 0, y: 0, k: 1 }, frameId: 'r' }]);
  });

  it('a paragraph style with a box draws it around the block (column tag)', () => {
    const s = story('s', blk('headline', '脚踩50℃的模具'), blk('columnTag', '最美炎值'), cols(p('正文内容')));
    const page = compose([textFrame(tpl, 'f', 's', [0, 2, 0, 20])], [s]).pages[0]!;
    const box = only(page, 'box')[0] as BoxItem;
    const tagLine = page.lines.find((l) => l.fromPos === 11)!;
    expect(box.strokePt).toBe(0.75);
    // Centred tag: the box hugs the four characters (12 pt each) plus the 2 pt inset on each side, centred in the frame.
    expect(box.rect.widthPt).toBeCloseTo(4 * 12 + 4, 1);
    expect(box.rect.xPt + box.rect.widthPt / 2).toBeCloseTo(tagLine.rect.xPt + tagLine.rect.widthPt / 2, 1);
    expect(box.rect.yPt).toBeCloseTo(tagLine.rect.yPt, 6);
    expect(box.rect.heightPt).toBeCloseTo(tagLine.rect.heightPt, 6);
    // The box is painted under the text.
    expect(page.items.indexOf(box)).toBeLessThan(page.items.findIndex((i) => i.kind === 'glyphs'));
  });

  it('fields take the issue and page values, the lunar date computed from the issue date', () => {
    const field = (name: string) => ({ type: 'field', attrs: { name } });
    const s = story('m', { type: 'paragraph', content: [field('paper'), { type: 'text', text: ' ' }, field('dateLong'), { type: 'text', text: ' ' }, field('weekday'), { type: 'text', text: ' ' }, field('page'), field('section'), { type: 'text', text: '第' }, field('issueNumber'), { type: 'text', text: '期' }, field('lunarDate')] });
    const out = createComposer(fonts).compose(documentOf([s], [{ id: 'A01', section: '要闻', frames: [textFrame(tpl, 'f', 'm', [0, 4, 0, 5], { columns: 1 })] }], tpl));
    const text = (only(out.pages[0]!, 'glyphs') as GlyphRunItem[]).map((r) => r.glyphs.map((g) => g.text).join('')).join('');
    expect(text).toBe('德清新闻 2023年7月20日 星期四 A01要闻第5678期六月初三');
    expect(out.notices).toEqual([]);
    // Positions: content starts at 1; seven fields and five characters count one each.
    expect(out.pages[0]!.lines.map((l) => [l.fromPos, l.toPos])).toEqual([[1, 1 + 7 + 5]]);
  });

  it('the pageNumber field prints the number jump lines print: trailing digits of the page name, else its position', () => {
    const field = (name: string) => ({ type: 'field', attrs: { name } });
    const header = (id: string) => story(id, { type: 'paragraph', content: [{ type: 'text', text: '第' }, field('pageNumber'), { type: 'text', text: '版' }] });
    const pages = [
      { id: 'A03', frames: [textFrame(tpl, 'f1', 'h1', [0, 4, 0, 5], { columns: 1 })] },
      { id: 'p2', name: '要闻', frames: [textFrame(tpl, 'f2', 'h2', [0, 4, 0, 5], { columns: 1 })] },
    ];
    const out = createComposer(fonts).compose(documentOf([header('h1'), header('h2')], pages, tpl));
    const textOf = (i: number) => (only(out.pages[i]!, 'glyphs') as GlyphRunItem[]).map((r) => r.glyphs.map((g) => g.text).join('')).join('');
    expect([textOf(0), textOf(1)]).toEqual(['第3版', '第2版']);
  });

  it('a missing style falls back to the body style with a notice; a missing font falls back with a warning', () => {
    const t2 = structuredClone(tpl);
    t2.paragraphStyles.headline!.font = { family: 'No Such Font', weight: 400 };
    const s = story('s', { type: 'paragraph', attrs: { style: 'nope' }, content: [{ type: 'text', text: '正文' }] }, blk('headline', '标题'));
    const out = createComposer(fonts).compose({ ...documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20])] }], t2) });
    expect(out.notices.map((n) => n.code)).toEqual(['missing-style']);
    expect(out.pages[0]!.warnings.map((w) => w.code)).toEqual(['missing-font']);
    const runs = only(out.pages[0]!, 'glyphs') as GlyphRunItem[];
    expect(runs.map((r) => r.fontId)).toEqual(['noto-serif-sc-400', 'noto-serif-sc-400']);
    expect(runs.map((r) => r.sizePt)).toEqual([9, 36]);
  });

  it('an unreadable type size falls back to the body size with a notice', () => {
    const t2 = structuredClone(tpl);
    t2.paragraphStyles.headline!.size = '大号';
    const s = story('s', blk('headline', '标题'));
    const out = createComposer(fonts).compose(documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20])] }], t2));
    expect(out.notices).toEqual([expect.objectContaining({ code: 'invalid-style', storyId: 's' })]);
    expect((only(out.pages[0]!, 'glyphs') as GlyphRunItem[]).map((r) => r.sizePt)).toEqual([9]);
  });

  it('a frame whose story is missing stays empty with a notice', () => {
    const out = compose([textFrame(tpl, 'f', 'ghost', [0, 1, 0, 5])]);
    expect(out.pages[0]!.items).toEqual([]);
    expect(out.notices.map((n) => n.code)).toEqual(['missing-story']);
  });
});

describe('frame tints and styled frames (issue 15)', () => {
  it('paints a text frame’s tint (底纹) over the whole frame, before its text', () => {
    const k15 = { c: 0, m: 0, y: 0, k: 0.15 };
    const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 10], { fill: k15 });
    const page = compose([frame]).pages[0]!;
    const firstOfFrame = page.items.findIndex((i) => i.frameId === 'f');
    expect(page.items[firstOfFrame]).toEqual({ kind: 'box', rect: { xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt }, strokePt: 0, fill: k15, frameId: 'f' });
    expect(page.items.findIndex((i) => i.kind === 'glyphs' && i.frameId === 'f')).toBeGreaterThan(firstOfFrame);
  });

  it('draws a 文武线 rule as two rules and styled column rules down every gutter', () => {
    const rule: Frame = { kind: 'rule', id: 'r', xPt: 100, yPt: 300, widthPt: 200, heightPt: 12, locked: false, strokePt: 3, colour: { c: 0, m: 0, y: 0, k: 1 }, lineStyle: 'thick-thin' };
    const rules = only(compose([rule]).pages[0]!, 'rule') as RuleItem[];
    expect(rules.map((r) => r.strokePt)).toEqual([expect.closeTo(1.8, 9), expect.closeTo(0.6, 9)]);
    const framed = textFrame(tpl, 'f', 's', [0, 4, 0, 20], { columns: 3, columnRule: true, columnRuleStyle: 'dotted' });
    const columnRules = (only(compose([framed], [story('s', cols(p('正文'.repeat(400))))]).pages[0]!, 'rule') as RuleItem[]).filter((r) => r.frameId === 'f');
    expect(columnRules).toHaveLength(2);
    for (const r of columnRules) expect(r).toMatchObject({ roundCaps: true, dashPt: [0, 1.5] });
  });
});
