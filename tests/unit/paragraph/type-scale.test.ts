/**
 * Horizontal and vertical type scale (长体/扁体, issue 15 item 1): the composer measures scaled glyphs — the
 * grid, punctuation compression and justification all work in the run's scaled em — and the page composer
 * sets the line pitch of an automatically led style from the scaled height. Widths read from carets at 36 pt
 * (小初, the sample's headline size).
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import { StyleResolver } from '../../../src-core/layout/styles.js';
import { CharacterStyleSchema, ParagraphStyleSchema, scaleFactor, type Template } from '../../../src-core/model/template.js';
import { lineTexts } from '../../../src-core/layout/para-quality.js';
import { para, type ParaSpec } from './helpers.js';
import { blk, broadsheet, documentOf, PITCH_PT, story, t, testFonts, textFrame } from '../layout/fixtures.js';

const EM = 36;
const compose = (text: string, spec: Partial<ParaSpec> = {}) => composeParagraph(para(text, { sizePt: EM, chars: 20, align: 'left', ...spec }));
/** Caret x in natural em, to 1/1000 em. */
const caretsEm = (l: ComposedLine): number[] => l.caretXPt.map((x) => Math.round((x / EM) * 1000) / 1000);
const times = (xs: number[], k: number): number[] => xs.map((x) => Math.round(x * k * 1000) / 1000);
const HAN = '德清坚定不移用改革撬动发展用创新驱动发展一座品质生活新城正拔节生长';

describe('长体: the composer measures in horizontally scaled ems', () => {
  it('regression: a 长体 headline at 80 % fits 1.25× the characters per line (20 → 25 on a 20-em measure)', () => {
    const natural = composeParagraph(para(HAN.slice(0, 30), { sizePt: EM, chars: 20 }));
    const narrow = composeParagraph(para(HAN.slice(0, 30), { sizePt: EM, chars: 20, scaleX: 0.8 }));
    expect(lineTexts(natural.lines, para(HAN.slice(0, 30), { sizePt: EM, chars: 20 })).map((l) => [...l].length)).toEqual([20, 10]);
    expect(lineTexts(narrow.lines, para(HAN.slice(0, 30), { sizePt: EM, chars: 20, scaleX: 0.8 })).map((l) => [...l].length)).toEqual([25, 5]);
    // The 25 narrow characters fill the measure exactly, at 0.8 em each: no stretch was needed.
    const first = narrow.lines[0]!;
    expect(first.caretXPt.at(-1)).toBeCloseTo(20 * EM, 6);
    expect(caretsEm(first).slice(0, 4)).toEqual([0, 0.8, 1.6, 2.4]);
    expect(narrow.warnings).toEqual([]);
  });

  it('a 长体 line takes 80 % of the width of the same line at 100 %', () => {
    const text = '城乡公路通到家门口';
    const natural = compose(text).lines[0]!;
    const narrow = compose(text, { scaleX: 0.8 }).lines[0]!;
    expect(narrow.caretXPt.at(-1)! / natural.caretXPt.at(-1)!).toBeCloseTo(0.8, 9);
    expect(narrow.runs[0]!.scaleX).toBe(0.8);
    // Glyph origins move with the narrowed cells.
    const xs = narrow.runs[0]!.glyphs.map((g) => g.xPt);
    expect(xs.map((x, i) => x / natural.runs[0]!.glyphs[i]!.xPt).slice(1).every((r) => Math.abs(r - 0.8) < 1e-9)).toBe(true);
  });

  it('display punctuation closes up in scaled ems: mid-line ，。 are half a narrow em', () => {
    const natural = caretsEm(compose('改革，创新。发展', { displayPunctuation: true }).lines[0]!);
    const narrow = caretsEm(compose('改革，创新。发展', { displayPunctuation: true, scaleX: 0.8 }).lines[0]!);
    expect(natural).toEqual([0, 1, 2, 2.5, 3.5, 4.5, 5, 6, 7]);
    expect(narrow).toEqual(times(natural, 0.8));
  });

  it('adjacent marks compress to 1.5 scaled ems in body setting (”，was 2 em)', () => {
    const natural = caretsEm(compose('“甲”，乙').lines[0]!);
    const narrow = caretsEm(compose('“甲”，乙', { scaleX: 0.8 }).lines[0]!);
    expect(narrow).toEqual(times(natural, 0.8));
    // ” and ，together: 1.5 narrow em.
    expect(narrow[4]! - narrow[2]!).toBeCloseTo(1.5 * 0.8, 3);
  });

  it('justification is still exact: every justified 长体 line is flush with the measure, marks compressed by whole steps', () => {
    const text = '改革，一直以来都是德清的一张“金名片”。在“八八战略”指引下，德清坚定不移用改革撬动发展，用创新驱动发展。';
    for (const scaleX of [0.6, 0.8, 1.25]) {
      const input = para(text, { sizePt: 9, chars: 13, scaleX });
      const out = composeParagraph(input);
      expect(out.lines.length).toBeGreaterThan(2);
      for (const line of out.lines.slice(0, -1)) expect(line.caretXPt.at(-1)!, `scale ${scaleX}`).toBeCloseTo(13 * 9, 2);
      expect(out.warnings.filter((w) => w.code === 'overfull-line' || w.code === 'loose-line')).toEqual([]);
    }
  });

  it('a line-end ，is cut to half a scaled em so that the line fits', () => {
    // 16 narrow Han (12.8 em) + ，: 13.6 em with a full-width mark, 13.2 em with it cut to half at the line end.
    const text = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳，午未申酉';
    const input = para(text, { sizePt: EM, chars: 13.2, align: 'justify', scaleX: 0.8 });
    const out = composeParagraph(input);
    expect(lineTexts(out.lines, input)[0]).toBe('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳，');
    const first = caretsEm(out.lines[0]!);
    expect(first.at(-2)).toBeCloseTo(12.8, 3);
    expect(first.at(-1)).toBeCloseTo(13.2, 3);
    expect(out.warnings).toEqual([]);
  });

  it('tracking is in the scaled em', () => {
    const tracked = caretsEm(compose('甲乙丙', { trackingEm: 0.1, scaleX: 0.5 }).lines[0]!);
    expect(tracked).toEqual([0, 0.55, 1.1, 1.6]);
  });

  it('unscaled text keeps its old shape: no scale fields on runs or glyphs', () => {
    const line = compose('城乡公路').lines[0]!;
    expect('scaleX' in line.runs[0]!).toBe(false);
    expect('scaleY' in line.runs[0]!).toBe(false);
    expect(line.runs[0]!.glyphs.every((g) => g.scaleX === undefined)).toBe(true);
  });
});

describe('扁体: vertical scale changes the height, never the width', () => {
  it('a 扁体 run at 50 % sets the same carets and reports half the type height', () => {
    const natural = compose('城乡公路').lines[0]!;
    const flat = compose('城乡公路', { scaleY: 0.5 }).lines[0]!;
    expect(flat.caretXPt).toEqual(natural.caretXPt);
    expect(natural.maxSizePt).toBe(EM);
    expect(flat.maxSizePt).toBe(EM / 2);
    expect(flat.runs[0]!.scaleY).toBe(0.5);
  });
});

describe('type scale in styles', () => {
  it('is 50–200 % in paragraph and character styles, absent = 100', () => {
    const base = { label: 'x', font: { family: 'Noto Serif SC' }, size: 36 };
    expect(ParagraphStyleSchema.parse(base).scaleXPct).toBeUndefined();
    expect(ParagraphStyleSchema.parse({ ...base, scaleXPct: 80, scaleYPct: 120 })).toMatchObject({ scaleXPct: 80, scaleYPct: 120 });
    for (const bad of [49, 201, -1, 0]) {
      const r = ParagraphStyleSchema.safeParse({ ...base, scaleXPct: bad });
      expect(r.success, String(bad)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['scaleXPct']);
    }
    expect(CharacterStyleSchema.safeParse({ label: 'c', scaleYPct: 250 }).success).toBe(false);
    expect(CharacterStyleSchema.parse({ label: 'c', scaleXPct: 50 }).scaleXPct).toBe(50);
    expect(scaleFactor(undefined)).toBe(1);
    expect(scaleFactor(80)).toBe(0.8);
  });

  it('a character style replaces the paragraph style’s scale; one without a scale inherits it', () => {
    const tpl = broadsheet();
    const template: Template = {
      ...tpl,
      paragraphStyles: { ...tpl.paragraphStyles, headline: { ...tpl.paragraphStyles.headline!, scaleXPct: 80 } },
      characterStyles: { ...tpl.characterStyles, wide: { label: 'wide', scaleXPct: 120, scaleYPct: 90 } },
    };
    const resolver = new StyleResolver(template, testFonts(), () => {}, () => {});
    const headline = resolver.resolveParagraph('headline', null, 's');
    expect([headline.scaleX, headline.scaleY]).toEqual([0.8, 1]);
    const plain = resolver.resolveText(headline, [{ type: 'bold' }], 's');
    expect([plain.scaleX, plain.scaleY]).toEqual([0.8, 1]);
    const wide = resolver.resolveText(headline, [{ type: 'charStyle', attrs: { name: 'wide' } }], 's');
    expect([wide.scaleX, wide.scaleY]).toEqual([1.2, 0.9]);
  });
});

describe('type scale on the page', () => {
  const headlineText = '城乡公路通到家门口群众出行更加便捷';
  function pageWith(headline: Record<string, unknown>, content = [blk('headline', headlineText), blk('paragraph', '正文第一行。')]): PageLayout {
    const tpl = broadsheet();
    const template: Template = { ...tpl, paragraphStyles: { ...tpl.paragraphStyles, headline: { ...tpl.paragraphStyles.headline!, ...headline } } };
    const frame = textFrame(template, 'f', 's', [0, 4, 0, 30]);
    return createComposer(testFonts()).compose(documentOf([story('s', ...content)], [{ id: 'A01', frames: [frame] }], template)).pages[0]!;
  }
  const headlineRuns = (page: PageLayout) => page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.sizePt === EM);
  const bodyTop = (page: PageLayout) => page.items.find((i): i is GlyphRunItem => i.kind === 'glyphs' && i.sizePt === 9)!.baselineYPt;

  it('a headline at 80 % is set on fewer lines, its glyph items carry the scale, and its line pitch stays', () => {
    const natural = pageWith({});
    const narrow = pageWith({ scaleXPct: 80 });
    // 17 characters across 4 columns of 13 at 9 pt (4·13 + 3 = 55 body ems = 13.75 headline ems): 2 lines at
    // 100 %, 1 line of 17 × 0.8 = 13.6 ems at 80 %.
    expect(new Set(headlineRuns(natural).map((r) => r.baselineYPt)).size).toBe(2);
    expect(new Set(headlineRuns(narrow).map((r) => r.baselineYPt)).size).toBe(1);
    expect(headlineRuns(narrow).every((r) => r.scaleX === 0.8 && r.scaleY === undefined)).toBe(true);
    expect(headlineRuns(natural).every((r) => r.scaleX === undefined)).toBe(true);
    // One headline line (4 cells at 36 pt × 1.2) fewer: the body moves up by 4 pitches.
    expect(bodyTop(natural) - bodyTop(narrow)).toBeCloseTo(4 * PITCH_PT, 6);
  });

  it('automatic leading follows the scaled height: a 扁体 headline at 50 % takes 2 cells a line, not 4', () => {
    const natural = pageWith({}, [blk('headline', '城乡公路'), blk('paragraph', '正文。')]);
    const flat = pageWith({ scaleYPct: 50 }, [blk('headline', '城乡公路'), blk('paragraph', '正文。')]);
    expect(bodyTop(natural) - bodyTop(flat)).toBeCloseTo(2 * PITCH_PT, 6);
    expect(headlineRuns(flat).every((r) => r.scaleY === 0.5)).toBe(true);
  });

  it('an explicit leading is kept whatever the vertical scale', () => {
    const led = pageWith({ leadingPt: 46.2 }, [blk('headline', '城乡公路'), blk('paragraph', '正文。')]);
    const ledFlat = pageWith({ leadingPt: 46.2, scaleYPct: 50 }, [blk('headline', '城乡公路'), blk('paragraph', '正文。')]);
    expect(bodyTop(ledFlat)).toBeCloseTo(bodyTop(led), 6);
  });

  it('a character style’s scale splits the run: only the marked text is narrowed', () => {
    const tpl = broadsheet();
    const template: Template = { ...tpl, characterStyles: { ...tpl.characterStyles, narrow: { label: 'narrow', scaleXPct: 50 } } };
    const frame = textFrame(template, 'f', 's', [0, 4, 0, 30]);
    const content = [blk('paragraph', '正文', t('长体', [{ type: 'charStyle', attrs: { name: 'narrow' } }]), '正文')];
    const page = createComposer(testFonts()).compose(documentOf([story('s', ...content)], [{ id: 'A01', frames: [frame] }], template)).pages[0]!;
    const runs = page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === 's');
    expect(runs.map((r) => [r.glyphs.map((g) => g.text).join(''), r.scaleX ?? 1])).toEqual([['正文', 1], ['长体', 0.5], ['正文', 1]]);
    // The narrowed pair takes one body em between the two unscaled pairs.
    const [a, b, c] = runs;
    expect(b!.glyphs[0]!.xPt - a!.glyphs[0]!.xPt).toBeCloseTo(2 * 9, 1);
    expect(c!.glyphs[0]!.xPt - b!.glyphs[0]!.xPt).toBeCloseTo(9, 1);
  });
});

describe('editing the type scale in the Styles panel (style-edits)', () => {
  it('sets, clears and refuses out-of-range scales as one style edit each', async () => {
    const { setCharacterStyle, setParagraphStyle } = await import('../../../src-renderer/state/style-edits.js');
    const doc = documentOf([story('s', blk('headline', '城乡'))], [{ id: 'A01', frames: [] }]);
    const narrow = setParagraphStyle(doc, 'headline', { scaleXPct: 80 });
    expect(narrow.template.paragraphStyles.headline!.scaleXPct).toBe(80);
    expect(narrow.template.paragraphStyles.kicker).toBe(doc.template.paragraphStyles.kicker);
    expect(doc.template.paragraphStyles.headline!.scaleXPct).toBeUndefined();
    const back = setParagraphStyle(narrow, 'headline', { scaleXPct: null });
    expect('scaleXPct' in back.template.paragraphStyles.headline!).toBe(false);
    expect(setParagraphStyle(doc, 'headline', { scaleYPct: null })).toBe(doc);
    expect(() => setParagraphStyle(doc, 'headline', { scaleXPct: 30 })).toThrow(/Horizontal scale 30 % is out of range: use 50–200 %/);
    expect(() => setParagraphStyle(doc, 'headline', { scaleYPct: 250 })).toThrow(/Vertical scale 250 %/);
    const wide = setCharacterStyle(doc, 'red', { scaleXPct: 120 });
    expect(wide.template.characterStyles.red!.scaleXPct).toBe(120);
    expect('scaleXPct' in setCharacterStyle(wide, 'red', { scaleXPct: null }).template.characterStyles.red!).toBe(false);
  });
});
