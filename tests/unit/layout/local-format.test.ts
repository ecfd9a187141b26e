/**
 * Local formatting (issue 15 item 2): the `local` mark's overrides are validated wherever a story is read, and
 * the composer sets them through the one run resolution — a larger size widens its characters and raises the
 * line's automatic leading, tracking widens by n × em, a baseline shift moves the glyphs and not the line.
 * Positions read from glyph items on the broadsheet (body 9 pt, pitch 11.55 pt).
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { StyleResolver } from '../../../src-core/layout/styles.js';
import { FolioDocumentSchema } from '../../../src-core/model/document.js';
import { StorySchema } from '../../../src-core/model/frame.js';
import { LOCAL_MARK, LocalFormatSchema, localMarkAttrs, parseLocalFormat } from '../../../src-core/model/local-format.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { CharacterStyleSchema, type Template } from '../../../src-core/model/template.js';
import { blk, broadsheet, documentOf, PITCH_PT, story, t, testFonts, textFrame } from './fixtures.js';

const BODY = 9;
const RED = { c: 0, m: 1, y: 1, k: 0 };
const local = (attrs: Record<string, unknown>) => [{ type: LOCAL_MARK, attrs }];

function pageOf(content: ReturnType<typeof blk>[], template: Template = broadsheet()): PageLayout {
  const frame = textFrame(template, 'f', 's', [0, 4, 0, 30]);
  return createComposer(testFonts()).compose(documentOf([story('s', ...content)], [{ id: 'A01', frames: [frame] }], template)).pages[0]!;
}
const runsOf = (page: PageLayout) => page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === 's');
const textOf = (r: GlyphRunItem) => r.glyphs.map((g) => g.text).join('');

describe('local formatting is validated when a story is read', () => {
  it('accepts every override within its bounds, nulls as inherit', () => {
    const good = { sizePt: 22, font: { family: 'Noto Sans SC', weight: 700 }, colour: RED, trackingEm: 0.1, baselineShiftPt: -2, scaleXPct: 80, scaleYPct: null };
    expect(LocalFormatSchema.safeParse(good).success).toBe(true);
    expect(parseLocalFormat(good)).toEqual({ sizePt: 22, font: { family: 'Noto Sans SC', weight: 700 }, colour: RED, trackingEm: 0.1, baselineShiftPt: -2, scaleXPct: 80 });
    expect(parseLocalFormat(localMarkAttrs({}))).toEqual({});
  });

  it('rejects bad attrs with the field named', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ sizePt: 0 }, 'sizePt'], [{ sizePt: 'big' }, 'sizePt'], [{ sizePt: 1000 }, 'sizePt'],
      [{ colour: { c: 0, m: 2, y: 0, k: 0 } }, 'colour'], [{ colour: 'red' }, 'colour'],
      [{ trackingEm: 5 }, 'trackingEm'], [{ baselineShiftPt: 500 }, 'baselineShiftPt'],
      [{ scaleXPct: 20 }, 'scaleXPct'], [{ font: { family: '', weight: 400 } }, 'font'], [{ font: 'Song' }, 'font'],
      [{ wobble: 1 }, ''],
    ];
    for (const [attrs, field] of bad) {
      const r = LocalFormatSchema.safeParse(attrs);
      expect(r.success, JSON.stringify(attrs)).toBe(false);
      if (field) expect(r.error!.issues[0]!.path[0]).toBe(field);
      expect(parseLocalFormat(attrs)).toBeUndefined();
    }
  });

  it('a story (and so a .folio document) with a bad override is refused at the mark', () => {
    const doc = { type: 'doc', content: [blk('paragraph', t('字', local({ sizePt: -3 })))] };
    const r = StorySchema.safeParse({ id: 's', name: 's', doc });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe('doc.content.0.content.0.marks.0.attrs');
    expect(r.error!.issues[0]!.message).toMatch(/^local formatting sizePt: /);
    const full = documentOf([{ id: 's', name: 's', doc }], [{ id: 'A01', frames: [] }]);
    expect(FolioDocumentSchema.safeParse(full).success).toBe(false);
    expect(StorySchema.safeParse({ id: 's', name: 's', doc: { type: 'doc', content: [blk('paragraph', t('字', local({ sizePt: 22 })))] } }).success).toBe(true);
  });

  it('the editor schema refuses a bad override too, and keeps a good one', () => {
    const json = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字', marks: local(attrs) }] }] });
    expect(() => storySchema.nodeFromJSON(json({ colour: { c: 0, m: 0, y: 0, k: 7 } }))).toThrow(/colour/);
    const node = storySchema.nodeFromJSON(json({ sizePt: 22, colour: RED }));
    expect(node.firstChild!.firstChild!.marks[0]!.attrs).toMatchObject({ sizePt: 22, colour: RED, font: null });
  });

  it('character styles gain size, tracking and baseline shift with the same bounds', () => {
    expect(CharacterStyleSchema.parse({ label: 'x', sizePt: 22, trackingEm: 0.2, baselineShiftPt: 3 })).toMatchObject({ sizePt: 22, trackingEm: 0.2, baselineShiftPt: 3 });
    expect(CharacterStyleSchema.safeParse({ label: 'x', sizePt: 0 }).success).toBe(false);
    expect(CharacterStyleSchema.safeParse({ label: 'x', trackingEm: 9 }).success).toBe(false);
  });
});

describe('the composer sets local overrides', () => {
  it('a run at 1.5× the body size widens: its two characters take 2 × 13.5 pt', () => {
    const page = pageOf([blk('paragraph', '正文', t('大字', local({ sizePt: BODY * 1.5 })), '正文')]);
    const runs = runsOf(page);
    expect(runs.map((r) => [textOf(r), r.sizePt])).toEqual([['正文', 9], ['大字', 13.5], ['正文', 9]]);
    const [a, b, c] = runs;
    expect(b!.glyphs[0]!.xPt - a!.glyphs[0]!.xPt).toBeCloseTo(2 * BODY, 1);
    expect(c!.glyphs[0]!.xPt - b!.glyphs[0]!.xPt).toBeCloseTo(2 * BODY * 1.5, 1);
  });

  it('regression: a larger local size raises the automatic leading of its line (whole grid lines), not of the others', () => {
    const plain = pageOf([blk('headline', '城乡'), blk('paragraph', '正文第一行。'), blk('paragraph', '第二段。')]);
    const big = pageOf([blk('headline', '城乡'), blk('paragraph', '正文', t('大', local({ sizePt: 22 })), '一行。'), blk('paragraph', '第二段。')]);
    const y = (page: PageLayout, text: string) => runsOf(page).find((r) => textOf(r).startsWith(text))!.baselineYPt;
    // 22 pt × 1.2 = 26.4 pt → 3 pitches instead of 1: the next paragraph moves down by 2 pitches.
    expect(y(big, '第二段') - y(plain, '第二段')).toBeCloseTo(2 * PITCH_PT, 6);
    // The line's runs share one baseline.
    const line = runsOf(big).filter((r) => ['正文', '大', '一行。'].includes(textOf(r)));
    expect(new Set(line.map((r) => r.baselineYPt)).size).toBe(1);
  });

  it('tracking widens by n × em after each character', () => {
    const plain = runsOf(pageOf([blk('paragraph', '甲乙丙丁')]))[0]!;
    const tracked = runsOf(pageOf([blk('paragraph', t('甲乙丙丁', local({ trackingEm: 0.5 })))]))[0]!;
    const step = (r: GlyphRunItem) => r.glyphs[2]!.xPt - r.glyphs[1]!.xPt;
    expect(step(tracked) - step(plain)).toBeCloseTo(0.5 * BODY, 6);
  });

  it('a baseline shift moves the glyphs up and nothing else', () => {
    const plainPage = pageOf([blk('paragraph', '正文', t('上标', local({})), '正文')]);
    const shiftedPage = pageOf([blk('paragraph', '正文', t('上标', local({ baselineShiftPt: 3 })), '正文')]);
    const plain = runsOf(plainPage);
    const shifted = runsOf(shiftedPage);
    expect(shifted.map(textOf)).toEqual(['正文', '上标', '正文']);
    expect(shifted[1]!.baselineYPt).toBeCloseTo(shifted[0]!.baselineYPt - 3, 9);
    expect(shifted[2]!.baselineYPt).toBe(shifted[0]!.baselineYPt);
    // x and the line itself (boxes, carets) are as without the shift.
    expect(shifted.flatMap((r) => r.glyphs.map((g) => g.xPt))).toEqual(plain.flatMap((r) => r.glyphs.map((g) => g.xPt)));
    expect(shiftedPage.lines).toEqual(plainPage.lines);
  });

  it('colour (paper white too), font and scale replace the styles; a mark with no override sets nothing apart', () => {
    const page = pageOf([blk('paragraph', '甲', t('乙', local({ colour: { c: 0, m: 0, y: 0, k: 0 }, font: { family: 'Noto Sans SC', weight: 700 }, scaleXPct: 50 })), '丙', t('丁', local({})))]);
    const runs = runsOf(page);
    expect(runs.map(textOf)).toEqual(['甲', '乙', '丙丁']);
    expect(runs[1]!.colour).toEqual({ c: 0, m: 0, y: 0, k: 0 });
    expect(runs[1]!.scaleX).toBe(0.5);
    expect(runs[1]!.fontId).not.toBe(runs[0]!.fontId);
    expect(runs[1]!.fontId).toMatch(/sans/i);
  });

  it('overrides sit on top of the character style, which sits on top of the paragraph style', () => {
    const tpl = broadsheet();
    const template: Template = { ...tpl, characterStyles: { ...tpl.characterStyles, big: { label: 'big', sizePt: 18, colour: RED, trackingEm: 0.25, baselineShiftPt: 1 } } };
    const resolver = new StyleResolver(template, testFonts(), () => {}, () => {});
    const body = resolver.resolveParagraph('paragraph', null, 's');
    const styled = resolver.resolveText(body, [{ type: 'charStyle', attrs: { name: 'big' } }], 's');
    expect(styled).toMatchObject({ sizePt: 18, colour: RED, trackingEm: 0.25, baselineShiftPt: 1 });
    // Local after the character style whatever the mark order in the JSON.
    const both = resolver.resolveText(body, [{ type: LOCAL_MARK, attrs: { sizePt: 22, trackingEm: null } }, { type: 'charStyle', attrs: { name: 'big' } }], 's');
    expect(both).toMatchObject({ sizePt: 22, colour: RED, trackingEm: 0.25, baselineShiftPt: 1 });
    const plain = resolver.resolveText(body, undefined, 's');
    expect(plain).toMatchObject({ sizePt: 9, trackingEm: body.style.trackingEm, baselineShiftPt: 0 });
  });

  it('a bad override in a story the composer is given is ignored with a notice, never set', () => {
    const notices: string[] = [];
    const resolver = new StyleResolver(broadsheet(), testFonts(), () => {}, (n) => notices.push(n.code));
    const body = resolver.resolveParagraph('paragraph', null, 's');
    expect(resolver.resolveText(body, [{ type: LOCAL_MARK, attrs: { sizePt: -1 } }], 's').sizePt).toBe(9);
    expect(notices).toEqual(['invalid-style']);
  });

  it('the paragraph style changing keeps the overrides (they are on the text)', () => {
    const asBody = runsOf(pageOf([blk('paragraph', '正文', t('红字', local({ colour: RED, sizePt: 12 })))]));
    const asSubhead = runsOf(pageOf([blk('subhead', '正文', t('红字', local({ colour: RED, sizePt: 12 })))]));
    for (const runs of [asBody, asSubhead]) {
      const red = runs.find((r) => textOf(r) === '红字')!;
      expect(red.colour).toEqual(RED);
      expect(red.sizePt).toBe(12);
    }
  });
});
