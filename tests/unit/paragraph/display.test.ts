/**
 * Display punctuation (issue 17 item 4, TYPOGRAPHY.md §3): headlines, kickers and subtitles set every mark at
 * half width and closed up, with optional tracking, centred or flush left per style. Widths read from carets
 * at 36 pt (小初, the sample's headline size: 1 em = 36 pt).
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem } from '../../../src-core/layout/page-layout.js';
import { DISPLAY_PUNCTUATION_STYLES, ParagraphStyleSchema, usesDisplayPunctuation } from '../../../src-core/model/template.js';
import { para, type ParaSpec } from './helpers.js';
import { blk, broadsheet, documentOf, story, testFonts, textFrame } from '../layout/fixtures.js';

const EM = 36;
const compose = (text: string, spec: Partial<ParaSpec> = {}) => composeParagraph(para(text, { sizePt: EM, chars: 20, align: 'left', ...spec }));
/** Caret x in em, to 1/1000 em. */
const caretsEm = (l: ComposedLine): number[] => l.caretXPt.map((x) => Math.round((x / EM) * 1000) / 1000);

describe('display punctuation in headlines', () => {
  it('regression: “停不下来”的改革 leaves no half em of air after ” (it left half a 36-pt em before 的)', () => {
    const body = caretsEm(compose('“停不下来”的改革').lines[0]!);
    const display = caretsEm(compose('“停不下来”的改革', { displayPunctuation: true }).lines[0]!);
    // The line-start “ loses its leading half em either way; body setting keeps ”'s blank after it.
    //                “    停   不   下   来   ”    的   改   革
    expect(body).toEqual([0, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5]);
    expect(display).toEqual([0, 0.5, 1.5, 2.5, 3.5, 4.5, 5, 6, 7, 8]);
  });

  it('a mid-line ，and 。 are half width in a display line, as at a line end', () => {
    const display = caretsEm(compose('改革，创新。发展', { displayPunctuation: true }).lines[0]!);
    expect(display).toEqual([0, 1, 2, 2.5, 3.5, 4.5, 5, 6, 7]);
  });

  it('adjacent marks close up to one em in total (”， was 1.5 em)', () => {
    const display = caretsEm(compose('“甲”，乙', { displayPunctuation: true }).lines[0]!);
    expect(display).toEqual([0, 0.5, 1.5, 2, 2.5, 3.5]);
  });

  it('fixed-width marks keep their widths: —— two em, · half an em', () => {
    const display = caretsEm(compose('甲——乙·丙', { displayPunctuation: true }).lines[0]!);
    expect(display).toEqual([0, 1, 2, 3, 4, 4.5, 5.5]);
  });

  it('tracking in the style spaces the closed-up marks like every other character', () => {
    const display = caretsEm(compose('“甲”乙', { displayPunctuation: true, trackingEm: 0.1 }).lines[0]!);
    // The last character carries no tracking at the line end.
    expect(display).toEqual([0, 0.6, 1.7, 2.3, 3.3]);
  });

  it('a centred display headline sits in the middle of its measure; a flush-left one at its left edge', () => {
    const text = '“停不下来”的改革';
    const width = 20 * EM;
    const centred = compose(text, { displayPunctuation: true, align: 'center' }).lines[0]!;
    const left = compose(text, { displayPunctuation: true, align: 'left' }).lines[0]!;
    const inkWidth = 8 * EM; // 6 Han + two half-width quotes
    expect(left.caretXPt[0]).toBeCloseTo(0, 6);
    expect(centred.caretXPt[0]).toBeCloseTo((width - inkWidth) / 2, 6);
    expect(centred.caretXPt.at(-1)! - centred.caretXPt[0]!).toBeCloseTo(inkWidth, 6);
  });

  it('a justified display line stretches its gaps, never a mark back to full width', () => {
    const out = compose('“停不下来”的改革创造了奇迹“停不下来”的改革', { displayPunctuation: true, chars: 14, align: 'justify' });
    const first = out.lines[0]!;
    expect(first.caretXPt.at(-1)).toBeCloseTo(14 * EM, 2);
    expect(out.warnings.filter((w) => w.code === 'overfull-line')).toEqual([]);
  });
});

describe('the display punctuation setting of a paragraph style', () => {
  it('is on by default for the headline group (kicker, headline and its variants, subtitle) and off for the rest', () => {
    const style = ParagraphStyleSchema.parse({ label: 'x', font: { family: 'Noto Serif SC' }, size: 36 });
    expect(style.displayPunctuation).toBeUndefined();
    for (const key of ['kicker', 'headline', 'headline2', 'headline3', 'subtitle']) expect(usesDisplayPunctuation(key, style), key).toBe(true);
    for (const key of ['paragraph', 'subhead', 'byline', 'caption', 'columnTag']) expect(usesDisplayPunctuation(key, style), key).toBe(false);
    expect(DISPLAY_PUNCTUATION_STYLES.size).toBe(5);
  });

  it('a style may say otherwise either way', () => {
    expect(usesDisplayPunctuation('headline', { displayPunctuation: false })).toBe(false);
    expect(usesDisplayPunctuation('subhead', { displayPunctuation: true })).toBe(true);
  });

  it('is refused when not a boolean, naming the field', () => {
    const bad = ParagraphStyleSchema.safeParse({ label: 'x', font: { family: 'Noto Serif SC' }, size: 36, displayPunctuation: 'yes' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['displayPunctuation']);
  });

  it('the page composer sets a headline closed up and a body paragraph with full-width marks; turning it off in the style restores them', () => {
    const tpl = broadsheet();
    const s = story('s', blk('headline', '“停不下来”的改革'), blk('paragraph', '“停不下来”的改革'));
    const frame = textFrame(tpl, 'f', 's', [0, 4, 0, 20]);
    const quoteGapEm = (t: typeof tpl, sizePt: number) => {
      const page = createComposer(testFonts()).compose(documentOf([s], [{ id: 'A01', frames: [frame] }], t)).pages[0]!;
      const run = page.items.find((i): i is GlyphRunItem => i.kind === 'glyphs' && i.sizePt === sizePt)!;
      const close = run.glyphs.find((g) => g.text === '”')!;
      const de = run.glyphs.find((g) => g.text === '的')!;
      return Math.round(((de.xPt - close.xPt) / sizePt) * 1000) / 1000;
    };
    expect(quoteGapEm(tpl, 36)).toBe(0.5);
    expect(quoteGapEm(tpl, 9)).toBe(1);
    const off = { ...tpl, paragraphStyles: { ...tpl.paragraphStyles, headline: { ...tpl.paragraphStyles.headline!, displayPunctuation: false } } };
    expect(quoteGapEm(off, 36)).toBe(1);
  });
});

describe('editing display punctuation in the Styles panel (style-edits)', () => {
  it('sets and clears it as one style edit, leaving the other styles alone', async () => {
    const { setParagraphStyle } = await import('../../../src-renderer/state/style-edits.js');
    const tpl = broadsheet();
    const doc = documentOf([story('s', blk('headline', '“甲”乙'))], [{ id: 'A01', frames: [] }], tpl);
    const off = setParagraphStyle(doc, 'headline', { displayPunctuation: false });
    expect(off.template.paragraphStyles.headline!.displayPunctuation).toBe(false);
    expect(usesDisplayPunctuation('headline', off.template.paragraphStyles.headline!)).toBe(false);
    expect(off.template.paragraphStyles.kicker).toBe(doc.template.paragraphStyles.kicker);
    // The original document is untouched (undo restores it as it was).
    expect(doc.template.paragraphStyles.headline!.displayPunctuation).toBeUndefined();
    const on = setParagraphStyle(off, 'headline', { displayPunctuation: true });
    expect(usesDisplayPunctuation('headline', on.template.paragraphStyles.headline!)).toBe(true);
  });
});
