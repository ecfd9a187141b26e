/** Punctuation widths (TYPOGRAPHY.md §2), read from caret and glyph positions at 10 pt (1 em = 10 pt). */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { lineTexts } from '../../../src-core/layout/para-quality.js';
import { measureParagraph } from '../../../src-core/layout/para-measure.js';
import { createLineMeasure, lineCost, measureLine } from '../../../src-core/layout/para-fit.js';
import { addSpacing, emptySpacing, measureSpacing } from '../../../src-core/layout/para-spacing.js';
import { lines, para, type ParaSpec } from './helpers.js';

function compose(text: string, spec: ParaSpec) {
  return composeParagraph(para(text, { sizePt: 10, ...spec }));
}
const carets = (l: ComposedLine): number[] => l.caretXPt.map((x) => Math.round(x * 1000) / 1000);
const glyphX = (l: ComposedLine, ch: string, nth = 0): number => l.runs.flatMap((r) => r.glyphs).filter((g) => g.text === ch)[nth].xPt;

describe('punctuation compression', () => {
  it('adjacent marks ：“ and 。” compress to 1.5 em in total', () => {
    const [line] = compose('他说：“好。”我们走', { chars: 20 }).lines;
    //                 他  说  ：  “   好  。  ”  我  们  走  end
    expect(carets(line)).toEqual([0, 10, 20, 25, 35, 45, 50, 60, 70, 80, 90]);
    // The opening quote keeps its left blank; its glyph origin is its cell's left edge.
    expect(glyphX(line, '“')).toBeCloseTo(25, 9);
  });
  it('adjacentPunctuationEm = 1 sets 。” in one em', () => {
    const [line] = compose('好。”我', { chars: 20, options: { adjacentPunctuationEm: 1 } }).lines;
    expect(carets(line)).toEqual([0, 10, 15, 20, 30]);
  });
  it('？！ take 1.5 em by default and one em with combineQuestionExclamation', () => {
    expect(carets(compose('真的？！是', { chars: 20 }).lines[0])).toEqual([0, 10, 20, 25, 35, 45]);
    expect(carets(compose('真的？！是', { chars: 20, options: { combineQuestionExclamation: true } }).lines[0])).toEqual([0, 10, 20, 25, 30, 40]);
  });
  it('a line-end mark is half width', () => {
    const [line] = compose('一二三四五六七八九。', { chars: 10 }).lines;
    expect(line.caretXPt.at(-1)).toBeCloseTo(95, 9);
  });
  it('a line-start opening bracket loses its leading half em (origin left of the cell)', () => {
    const out = compose('甲乙丙丁戊己庚辛。”“壬癸子丑”', { chars: 10 });
    const second = out.lines[1];
    expect(second.caretXPt[0]).toBe(0);
    expect(glyphX(second, '“')).toBeCloseTo(-5, 9);
    expect(second.caretXPt[1]).toBeCloseTo(5, 9);
  });
  it('…unless trimLineStartBracket is off', () => {
    const out = compose('甲乙丙丁戊己庚辛。”“壬癸子丑”', { chars: 10, options: { trimLineStartBracket: false } });
    const second = out.lines.find((l) => l.runs[0].glyphs[0].text === '“')!;
    expect(glyphX(second, '“')).toBeCloseTo(0, 9);
    expect(second.caretXPt[1]).toBeCloseTo(10, 9);
  });
  it('—— is set as 2 em of continuous rule, …… as 2 em', () => {
    const [line] = compose('甲——乙……丙', { chars: 20 }).lines;
    expect(carets(line)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    const dashes = line.runs[0].glyphs.filter((g) => g.text === '—');
    expect(dashes).toHaveLength(2);
    expect(dashes[0].scaleX).toBeGreaterThan(1);
    expect(dashes[1].xPt - dashes[0].xPt).toBeCloseTo(10, 9);
  });
  it('fixed widths: – and ／ half an em, ～ one em, · half an em (issue 17: it was ½ em with quarter-em blanks)', () => {
    expect(carets(compose('甲–乙', { chars: 20 }).lines[0])).toEqual([0, 10, 15, 25]);
    expect(carets(compose('甲／乙', { chars: 20 }).lines[0])).toEqual([0, 10, 15, 25]);
    expect(carets(compose('甲～乙', { chars: 20 }).lines[0])).toEqual([0, 10, 20, 30]);
    expect(carets(compose('阿·凡', { chars: 20 }).lines[0])).toEqual([0, 10, 15, 25]);
  });
  it('push-in shrinks ，、；： before 。？！ (§3 shrink order)', () => {
    const out = compose('一二，三四五。六七八，甲乙丙', { chars: 10 });
    //                          一  二  ，  三  四  五  。  六  七  八  ，  end
    expect(carets(out.lines[0])).toEqual([0, 10, 20, 25, 35, 45, 55, 65, 75, 85, 95, 100]);
  });
  it('shrinks bracket outer sides before pause marks', () => {
    // Needs half an em: the quote's outer blank (class 3) goes before the comma's (class 4).
    const out = compose('一二，三“四五”六七八，甲乙丙', { chars: 11 });
    const c = carets(out.lines[0]);
    expect(c[3] - c[2]).toBeCloseTo(10, 6); // ， untouched
    expect((c[5] - c[4]) + (c[8] - c[7])).toBeCloseTo(15, 6); // “ and ” lost half an em between them
  });
});

describe('hanging punctuation (option, off by default)', () => {
  it('off: the stop is pushed in or out, never past the measure', () => {
    const out = compose('一二三四五六七八九十。甲乙丙', { chars: 10 });
    for (const l of out.lines) expect(l.caretXPt.at(-1)!).toBeLessThanOrEqual(100 + 1e-9);
  });
  it('on: a final 。 that would not fit hangs outside the measure, the line before it flush', () => {
    const out = compose('一二三四五六七八九十。甲乙丙', { chars: 10, options: { hangingPunctuation: true } });
    const first = out.lines[0];
    expect(first.caretXPt).toHaveLength(12);
    expect(first.caretXPt[10]).toBeCloseTo(100, 9); // 。 starts at the measure
    expect(first.caretXPt[11]).toBeCloseTo(105, 9); // and hangs half an em past it
    expect(carets(first).slice(0, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});

describe('issue 17: punctuation keeps its width from line to line', () => {
  const marks = (text: string, spec: ParaSpec) => {
    const input = para(text, { sizePt: 10, ...spec });
    const out = composeParagraph(input);
    return { out, texts: lineTexts(out.lines, input), marks: measureSpacing(out.lines, input).marks, input };
  };
  it('regression: a mid-line 。 is not squeezed to save half an em: a character is pushed out and the line stretched (1/18 em a gap)', () => {
    const r = marks('一二三四五。六七八九十乙丙丁', { chars: 10.5 });
    expect(r.texts).toEqual(['一二三四五。六七八九', '十乙丙丁']);
    expect(r.marks).toHaveLength(1);
    expect(r.marks[0].widthEm).toBeCloseTo(1, 9);
    expect(r.out.warnings).toEqual([]);
  });
  it('a mid-line 。 is squeezed only when nothing else sets the paragraph (else a loose line), and warned about', () => {
    const r = marks('甲。乙。丙。丁。戊。', { chars: 3 });
    expect(r.texts).toEqual(['甲。乙。', '丙。丁。', '戊。']);
    expect(r.marks.map((m) => [m.widthEm, m.place])).toEqual([[0.5, 'mid'], [0.5, 'end'], [0.5, 'mid'], [0.5, 'end'], [0.5, 'end']]);
    expect(r.out.warnings.map((w) => w.code)).toEqual(['punctuation-squeezed', 'punctuation-squeezed']);
  });
  it('regression: squeezes come in whole half ems: a quarter em too wide takes one quote\'s whole blank and stretches the rest back (both quotes lost ⅛ em)', () => {
    const r = marks('甲“乙丙”丁戊己庚辛壬', { chars: 8.75 });
    expect(r.texts[0]).toBe('甲“乙丙”丁戊己庚');
    expect(r.marks.map((m) => m.widthEm).sort()).toEqual([0.5, 1]);
    const s = addSpacing(emptySpacing(), { hanLatinGapsEm: [], marks: r.marks });
    expect(s.fractionalSqueezes).toBe(0);
    expect(r.out.lines[0].caretXPt.at(-1)).toBeCloseTo(87.5, 9);
  });
  it('push-in: a mid-line ， may squeeze whole (a real cost, below a push-out)', () => {
    expect(lines('一二，三四五六七八九十甲乙丙', { chars: 10.5 })).toEqual(['一二，三四五六七八九十', '甲乙丙']);
  });
  it('stretching every gap of a 24-character line by ⅛ em costs less than one mid-line 。 squeeze; strict passes refuse the squeeze', () => {
    const costOf = (text: string, widthEm: number, stops: boolean) => {
      const m = measureParagraph(para(text, { chars: 100, sizePt: 10 }), []);
      const lm = createLineMeasure();
      const edges = { trimLineStartBracket: true, hangingPunctuation: false };
      measureLine(m, 0, m.n, edges, widthEm * 10, lm);
      return lineCost(lm, widthEm * 10, false, false, 10, stops);
    };
    const han = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯';
    const stretched = costOf(han, 24 + 23 / 8, true);
    const squeezed = costOf(`${han.slice(0, 12)}。${han.slice(12, 23)}`, 23.5, true);
    expect(stretched).toBeLessThan(squeezed);
    expect(costOf(`${han.slice(0, 12)}。${han.slice(12, 23)}`, 23.5, false)).toBe(Infinity);
    // A mid-line ， squeezed costs less than spreading its half em over the same line.
    expect(costOf(`${han.slice(0, 12)}，${han.slice(12, 23)}`, 23.5, false)).toBeLessThan(costOf(han.slice(0, 23), 23.5, false));
  });
  it('开明式: ，、；： always half width, 。？！ always full, at the line end too', () => {
    const k = { punctuationStyle: 'kaiming' as const };
    expect(carets(compose('他说：“好。”我们', { chars: 20, options: k }).lines[0])).toEqual([0, 10, 20, 25, 35, 45, 55, 60, 70, 80]);
    // The same line in 全角式: the pairs compress by the first mark's blank, so there 。 is half and ” full.
    expect(carets(compose('他说：“好。”我们', { chars: 20 }).lines[0])).toEqual([0, 10, 20, 25, 35, 45, 50, 60, 70, 80]);
    const kaiming = compose('一二三四五六七八九。十甲', { chars: 10, options: k }).lines[0];
    expect(carets(kaiming)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const quanjiao = compose('一二三四五六七八九。十甲', { chars: 10 }).lines[0];
    expect(quanjiao.caretXPt.at(-1)! - quanjiao.caretXPt.at(-2)!).toBeCloseTo(5, 9);
  });
  it('开明式 never squeezes a 。 (not even to avoid a loose line) and never sets a ， full', () => {
    const r = marks('甲。乙，丙。丁，戊。', { chars: 3, options: { punctuationStyle: 'kaiming' } });
    expect(r.marks.map((m) => String.fromCodePoint(m.cp)).join('')).toBe('。，。，。');
    for (const m of r.marks) expect(m.widthEm, JSON.stringify(r.texts)).toBeCloseTo(m.cp === 0x3002 ? 1 : 0.5, 9);
  });
});

describe('issue 17: widths of marks that were classed wrongly', () => {
  const f = () => para('', { chars: 1 }).runs[0].font;
  const advEm = (cp: number) => f().glyphFor(cp)!.advanceUnits / f().unitsPerEm;
  it('regression: ⸺ is two em, one unbroken rule, with no Han–Latin gap beside digits', () => {
    const [line] = compose('甲⸺乙', { chars: 20 }).lines;
    expect(carets(line)).toEqual([0, 10, 30, 40]);
    const dash = line.runs[0].glyphs.find((g) => g.text === '⸺')!;
    expect(dash.scaleX).toBeDefined();
    const [years] = compose('2023⸺2024', { chars: 20 }).lines;
    expect(years.caretXPt[5] - years.caretXPt[4]).toBeCloseTo(20, 9);
  });
  it('regression: a hyphen joining a transliterated name takes no Han–Latin gap (皮埃尔-奥古斯特)', () => {
    const [line] = compose('尔-奥', { chars: 20 }).lines;
    expect(line.caretXPt[1]).toBeCloseTo(10, 9);
    expect(line.caretXPt[2]).toBeCloseTo(10 + 10 * advEm(0x2d), 9);
  });
  it('regression: the apostrophe in McDonald’s is Latin, as wide as the font\'s \', not a one-em closing quote', () => {
    const text = 'McDonald’s';
    const out = compose(text, { chars: 20 });
    const c = out.lines[0].caretXPt;
    expect(c[9] - c[8]).toBeCloseTo(10 * Math.max(advEm(0x27), 0), 1);
    expect(c[9] - c[8]).toBeLessThan(5);
    for (let chars = 7; chars <= 12; chars++) {
      const t = lines(`麦当劳${text}门店开业了`, { chars, sizePt: 10 });
      expect(t.some((x) => x.includes(text)), `${chars}: ${JSON.stringify(t)}`).toBe(true);
    }
  });
  it('regression: a thin space the font lacks is a quarter em, not a missing glyph one em wide, and keeps the number whole', () => {
    expect(f().glyphFor(0x2009)).toBeUndefined();
    const out = compose('共12\u2009345元', { chars: 20 });
    expect(out.warnings).toEqual([]);
    const c = out.lines[0].caretXPt;
    expect(c[4] - c[3]).toBeCloseTo(2.5, 9);
    for (let chars = 5; chars <= 9; chars++) {
      const t = lines('共12\u2009345元的补贴', { chars, sizePt: 10 });
      expect(t.some((x) => x.includes('12\u2009345')), `${chars}: ${JSON.stringify(t)}`).toBe(true);
    }
  });
});
