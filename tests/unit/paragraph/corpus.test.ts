/**
 * The composer on real-style news text that is not the seed: every paragraph of
 * tests/fixtures/corpus/*.txt (written for testing, see its README) set through `composeParagraph`
 * at 9, 11, 13, 17 and 24 characters of 9 pt Noto Serif SC, at 11, 13 and 17 characters of 10.5 pt,
 * and at 9, 13 and 24 characters of 9 pt Noto Sans SC, 2-em indent, justified.
 *
 * Absolute rules are asserted as zero: no character lost or duplicated, no NaN or negative position,
 * deterministic output, no orphan (孤字) that a legal break could avoid, no missing glyph unreported.
 * Where a fault is unavoidable (a URL, number or word wider than the column; a line holding only
 * an unbreakable run, which letters may not be spaced out to fill) it must be REPORTED on that line
 * by a composer warning, never hidden; ordinary text at newspaper widths must have none at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { addQuality, emptyQuality, lineTexts, measureLineQuality, measureQuality, type ParagraphQuality } from '../../../src-core/layout/para-quality.js';
import { measureParagraph } from '../../../src-core/layout/para-measure.js';
import { addSpacing, emptySpacing, measureSpacing } from '../../../src-core/layout/para-spacing.js';
import { CharClass } from '../../../src-core/text/char-class.js';
import { createLineMeasure, lineCost, measureLine } from '../../../src-core/layout/para-fit.js';
import { BREAK_ALLOWED, BREAK_URL } from '../../../src-core/text/break-opportunities.js';
import type { ComposedParagraph, ParagraphInput } from '../../../src-core/layout/line.js';
import { corpusParagraphs, type CorpusParagraph } from './corpus.js';
import { font, para, type ParaSpec } from './helpers.js';

interface Setting { chars: number; sizePt: number; fontId: string }
const SERIF = 'noto-serif-sc-400';
const SANS = 'noto-sans-sc-400';
const SETTINGS: readonly Setting[] = [
  ...[9, 11, 13, 17, 24].map((chars) => ({ chars, sizePt: 9, fontId: SERIF })),
  ...[11, 13, 17].map((chars) => ({ chars, sizePt: 10.5, fontId: SERIF })),
  ...[9, 13, 24].map((chars) => ({ chars, sizePt: 9, fontId: SANS })),
];
/** Latin glyphs such as w and v overhang their origin by a negative side bearing (a few hundredths of an em). */
const SIDE_BEARING_EM = 0.1;
/** Flushness and overfull tolerance, points (TYPOGRAPHY.md §3). */
const TOLERANCE_PT = 0.01;

interface Case {
  p: CorpusParagraph;
  s: Setting;
  name: string;
  input: ParagraphInput;
  out: ComposedParagraph;
  texts: string[];
  perLine: ParagraphQuality[];
}

function spec(s: Setting): ParaSpec {
  return { chars: s.chars, sizePt: s.sizePt, fontId: s.fontId, indentEm: 2 };
}

function warningsAt(c: Case, li: number, ...codes: string[]): boolean {
  const pos = c.out.lines[li].fromPos;
  return c.out.warnings.some((w) => codes.includes(w.code) && w.pos === pos);
}

/** A line set wider than its measure (its last caret past the width). */
function overfullBy(c: Case, li: number): number {
  const line = c.out.lines[li];
  return line.caretXPt[line.caretXPt.length - 1] - c.input.lineWidthPt(li);
}

const paragraphs = corpusParagraphs();
const cases: Case[] = [];
beforeAll(() => {
  for (const s of SETTINGS) {
    for (const p of paragraphs) {
      const input = para(p.text, spec(s));
      const out = composeParagraph(input);
      cases.push({
        p, s, input, out, name: `${p.id} at ${s.chars}×${s.sizePt}pt ${s.fontId}`,
        texts: lineTexts(out.lines, input), perLine: measureLineQuality(out.lines, input),
      });
    }
  }
});

describe('corpus: the material', () => {
  const all = paragraphs.map((p) => p.text).join('\n');
  it('covers what county and city dailies print', () => {
    expect(paragraphs.length).toBeGreaterThanOrEqual(60);
    expect(Math.max(...paragraphs.map((p) => Array.from(p.text).length))).toBeGreaterThan(2000);
    expect(paragraphs.some((p) => p.text === '！')).toBe(true);
    expect(paragraphs.some((p) => /^\d+$/.test(p.text))).toBe(true);
    for (const needle of ['%', '万元', '2023年7月20日', '15:30', 'GDP', '5G', 'PM2.5', 'APP', 'iPhone 15', 'CCTV-13', '“浙里办”APP',
      'https://', '@', '《', '〈', '“‘', '’”', '……', '——', '（', '；', '一是', '\u3000', '\u00a0', '\t', '\u200b', '𠮷', '區', '（“……”）']) {
      expect(all, needle).toContain(needle);
    }
  });
  it('is not the seed', () => {
    for (const p of paragraphs) expect(p.text).not.toContain('德清坚定不移');
  });
});

describe(`corpus: ${paragraphs.length} paragraphs × ${SETTINGS.length} settings`, () => {
  it('no character is lost or duplicated: the line texts join to the input', () => {
    for (const c of cases) expect(c.texts.join(''), c.name).toBe(c.p.text);
  });

  it('positions are finite; carets are non-negative and never go backwards; ink starts inside the column', () => {
    for (const c of cases) {
      const f = font(c.s.fontId);
      c.out.lines.forEach((line, li) => {
        for (let i = 0; i < line.caretXPt.length; i++) {
          expect(Number.isFinite(line.caretXPt[i]) && line.caretXPt[i] >= 0, `${c.name} line ${li} caret ${i}`).toBe(true);
          if (i > 0) expect(line.caretXPt[i] >= line.caretXPt[i - 1] - 1e-9, `${c.name} line ${li} caret ${i}`).toBe(true);
        }
        for (const run of line.runs) {
          for (const g of run.glyphs) {
            expect(Number.isFinite(g.xPt), c.name).toBe(true);
            // A line-start opening bracket loses its leading blank, so its origin lies left of the
            // line: its ink must not.
            const bbox = f.glyph(g.glyphId).bbox;
            const inkLeftPt = g.xPt + (Number.isFinite(bbox.minX) ? bbox.minX : 0) * run.sizePt / f.unitsPerEm * (g.scaleX ?? 1);
            expect(inkLeftPt, `${c.name} line ${li} ${g.text}`).toBeGreaterThanOrEqual(-SIDE_BEARING_EM * run.sizePt);
          }
        }
      });
    }
  });

  it('is deterministic: composing again gives identical lines and warnings', () => {
    for (const c of cases.filter((_, i) => i % 3 === 0)) {
      expect(composeParagraph(para(c.p.text, spec(c.s))), c.name).toEqual(c.out);
    }
  });

  it('no line is wider than its column unless it is reported overfull', () => {
    for (const c of cases) {
      c.out.lines.forEach((_, li) => {
        if (overfullBy(c, li) > TOLERANCE_PT) expect(warningsAt(c, li, 'overfull-line'), `${c.name} line ${li}`).toBe(true);
      });
    }
  });

  it('kinsoku and number splits: none, except a run wider than the column split where it had to be — reported', () => {
    for (const c of cases) {
      c.perLine.forEach((q, li) => {
        if (q.kinsoku_violations + q.number_unit_splits > 0) {
          expect(warningsAt(c, li, 'overfull-line'), `${c.name} line ${li}: ${JSON.stringify(c.texts.slice(li, li + 2))}`).toBe(true);
        }
      });
    }
  });

  it('loose and unjustified lines are all reported on their line', () => {
    for (const c of cases) {
      c.perLine.forEach((q, li) => {
        if (q.loose_lines + q.unjustified_lines > 0) {
          expect(warningsAt(c, li, 'loose-line', 'overfull-line'), `${c.name} line ${li}: ${JSON.stringify(c.texts[li])}`).toBe(true);
        }
      });
    }
  });

  it('no single-character last line that a legal break could avoid', () => {
    const lm = createLineMeasure();
    const edges = { trimLineStartBracket: true, hangingPunctuation: false };
    for (const c of cases) {
      const last = c.perLine.length - 1;
      if (c.perLine[last].single_char_last_lines === 0) continue;
      // Allowed only when neither fix fits: pulling the orphan up onto the line before, nor carrying
      // the last breakable piece of the line before down to it.
      const m = measureParagraph(c.input, []);
      const starts: number[] = [];
      let pos = 0;
      for (const t of c.texts) {
        starts.push(pos);
        pos += Array.from(t).length;
      }
      const a = starts[last - 1];
      const k = starts[last];
      const widthPrev = c.input.lineWidthPt(last - 1) - (last - 1 === 0 ? c.input.firstLineIndentPt : 0);
      measureLine(m, a, m.n, edges, widthPrev, lm);
      const pullUp = lineCost(lm, widthPrev, true, true, m.emPt[a]);
      let j = k - 1;
      while (j > a && m.brk[j] !== BREAK_ALLOWED && m.brk[j] !== BREAK_URL) j--;
      const widthLast = c.input.lineWidthPt(last);
      let carryDown = Infinity;
      if (j > a) {
        measureLine(m, j, m.n, edges, widthLast, lm);
        carryDown = lineCost(lm, widthLast, true, true, m.emPt[j]);
      }
      expect([pullUp, carryDown], `${c.name}: ${JSON.stringify(c.texts.slice(-2))}`).toEqual([Infinity, Infinity]);
    }
  });

  it('the missing 𠮷 is reported as a missing glyph and kept one em wide, never dropped', () => {
    const withJi = cases.filter((c) => c.p.text.includes('𠮷'));
    expect(withJi.length).toBe(SETTINGS.length);
    for (const c of withJi) {
      const missing = c.out.warnings.filter((w) => w.code === 'missing-glyph');
      expect(missing.map((w) => w.message.includes('U+20BB7')), c.name).toEqual([true]);
      expect(c.texts.join('')).toContain('𠮷');
      // The caret steps over it by at least an em (it occupies a cell like any Han character).
      const pos = c.input.runs[0].fromPos + c.p.text.indexOf('𠮷');
      const line = c.out.lines.find((l) => l.fromPos <= pos && pos < l.toPos)!;
      const x0 = line.caretXPt[pos - line.fromPos];
      const x1 = line.caretXPt[pos + 2 - line.fromPos];
      expect(x1 - x0, c.name).toBeGreaterThanOrEqual(c.s.sizePt - TOLERANCE_PT);
    }
  });

  it('no other character of the corpus is missing from the fonts', () => {
    for (const c of cases) {
      const missing = c.out.warnings.filter((w) => w.code === 'missing-glyph' && !w.message.includes('U+20BB7'));
      expect(missing, c.name).toEqual([]);
    }
  });

  it('ordinary text (no URL, no over-wide number or word) at 11 characters and up meets every counter but looseness', () => {
    const failures: string[] = [];
    for (const c of cases) {
      if (c.s.chars < 11 || hasOverwideRun(c)) continue;
      const q = { ...measureQuality(c.out.lines, c.input), loose_lines: 0 };
      if (JSON.stringify(q) !== JSON.stringify(emptyQuality())) failures.push(`${c.name}: ${JSON.stringify(q)} ${JSON.stringify(c.texts)}`);
    }
    expect(failures).toEqual([]);
  });

  it('ordinary text: a loose line is left only where the next piece of text cannot fit on it, even fully shrunk', () => {
    const lm = createLineMeasure();
    const edges = { trimLineStartBracket: true, hangingPunctuation: false };
    const failures: string[] = [];
    for (const c of cases) {
      // Around a URL the address pieces fix where lines end, and the breaker spreads the slack over
      // several lines rather than leave one very loose: those loose lines are reported (above).
      if (hasOverwideRun(c) || !c.out.lines.some((l) => l.loose)) continue;
      const m = measureParagraph(c.input, []);
      let a = 0;
      c.texts.forEach((t, li) => {
        const k = a + Array.from(t).length;
        if (c.out.lines[li].loose && k < m.n) {
          let k2 = k + 1;
          while (k2 < m.n && m.brk[k2] !== BREAK_ALLOWED && m.brk[k2] !== BREAK_URL) k2++;
          const widthPt = c.input.lineWidthPt(li) - (li === 0 ? c.input.firstLineIndentPt : 0);
          measureLine(m, a, k2, edges, widthPt, lm);
          if (lineCost(lm, widthPt, true, true, m.emPt[a]) !== Infinity) {
            failures.push(`${c.name} line ${li}: ${JSON.stringify(t)} could take ${JSON.stringify(Array.from(c.p.text).slice(k, k2).join(''))}`);
          }
        }
        a = k;
      });
    }
    expect(failures).toEqual([]);
  });

  it('totals per setting (reported in the failure message only when a total regresses)', () => {
    const rows: string[] = [];
    const grand = emptyQuality();
    for (const s of SETTINGS) {
      const total = emptyQuality();
      for (const c of cases.filter((x) => x.s === s)) addQuality(total, measureQuality(c.out.lines, c.input));
      addQuality(grand, total);
      rows.push(`${s.chars}×${s.sizePt} ${s.fontId}: ${JSON.stringify(total)}`);
    }
    // The zero-rules above are the real assertions; these bounds, measured after the fixes of this
    // file's regression cases, catch a quality regression on the rest. What remains: splits inside a
    // word or number wider than the column, the one phone-number orphan of a 9-character column, and
    // loose lines around over-wide runs — all reported.
    expect(grand.unjustified_lines, rows.join('\n')).toBe(0);
    expect(grand.single_char_last_lines, rows.join('\n')).toBeLessThanOrEqual(2);
    expect(grand.kinsoku_violations + grand.number_unit_splits, rows.join('\n')).toBeLessThanOrEqual(50);
    expect(grand.loose_lines, rows.join('\n')).toBeLessThanOrEqual(30);
  });
});

/**
 * The paragraph holds something no column of this width can set cleanly: a URL or e-mail address,
 * or a run with no break inside it (number, Latin word, phone number) longer than a third of the line.
 */
function hasOverwideRun(c: Case): boolean {
  if (/https?:\/\/|www\.|@/.test(c.p.text)) return true;
  const longest = Math.max(0, ...(c.p.text.match(/[0-9A-Za-z.\-_:+]+/g) ?? []).map((r) => r.length));
  // Half-width characters: a run of 2n of them is about n em.
  return longest / 2 > c.s.chars / 3;
}

describe('corpus: house options', () => {
  const OPTIONS = [
    { hangingPunctuation: true }, { adjacentPunctuationEm: 1 }, { combineQuestionExclamation: true },
    { trimLineStartBracket: false }, { hanLatinGapEm: 0 }, { hanLatinGapEm: 0.125 }, { punctuationStyle: 'kaiming' as const },
  ];
  it('every option keeps every character and reports every fault on its line', () => {
    const failures: string[] = [];
    for (const options of OPTIONS) {
      for (const chars of [9, 13]) {
        for (const p of paragraphs) {
          const input = para(p.text, { chars, indentEm: 2, options });
          const out = composeParagraph(input);
          const texts = lineTexts(out.lines, input);
          const where = `${JSON.stringify(options)} ${chars} ${p.id}`;
          if (texts.join('') !== p.text) failures.push(`${where}: text changed`);
          measureLineQuality(out.lines, input).forEach((q, li) => {
            const pos = out.lines[li].fromPos;
            const has = (code: string) => out.warnings.some((w) => w.code === code && w.pos === pos);
            if (q.kinsoku_violations + q.number_unit_splits > 0 && !has('overfull-line')) failures.push(`${where} line ${li}: unreported split`);
            if (q.loose_lines + q.unjustified_lines > 0 && !has('loose-line') && !has('overfull-line')) failures.push(`${where} line ${li}: unreported ${JSON.stringify(texts[li])}`);
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });
  it('全角式: every squeeze is whole half ems, and a mid-line 。？！ squeezed is warned about, on every line of the corpus', () => {
    const failures: string[] = [];
    for (const c of cases) {
      const s = addSpacing(emptySpacing(), measureSpacing(c.out.lines, c.input));
      const warned = c.out.warnings.filter((w) => w.code === 'punctuation-squeezed').length;
      if (s.fractionalSqueezes > 0 || s.midlineStopsSqueezed > warned) failures.push(`${c.name}: ${JSON.stringify(s)}`);
    }
    expect(failures).toEqual([]);
  });
  it('开明式 is consistent by construction: every ，、；： half width, every 。？！ full, on every line of the corpus', () => {
    const failures: string[] = [];
    for (const chars of [9, 13, 17]) {
      for (const p of paragraphs) {
        const input = para(p.text, { chars, indentEm: 2, options: { punctuationStyle: 'kaiming' } });
        for (const m of measureSpacing(composeParagraph(input).lines, input).marks) {
          const want = m.cls === CharClass.Pause ? 0.5 : m.cls === CharClass.Stop || m.cls === CharClass.QuestionExclamation ? 1 : undefined;
          if (want !== undefined && Math.abs(m.widthEm - want) > 1e-6) failures.push(`${chars} ${p.id}: ${String.fromCodePoint(m.cp)} ${m.widthEm}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
  it('regression: a hanging comma followed by U+200B is a hang, not an unjustified line (the counter looked at the U+200B)', () => {
    // Set with the ⅛-em Han–Latin gap it was found with (the case is about U+200B, not the gap).
    const input = para('据悉，\u200b该活动\u200b将于\u200b8月1日\u200b正式启动，\u200b为期三个月，届时将有上百家企业参加。', { chars: 17, indentEm: 2, options: { hangingPunctuation: true, hanLatinGapEm: 0.125 } });
    const out = composeParagraph(input);
    expect(lineTexts(out.lines, input)[0]).toBe('据悉，\u200b该活动\u200b将于\u200b8月1日\u200b正式启动，\u200b');
    expect(measureQuality(out.lines, input)).toEqual(emptyQuality());
  });
});

describe('regressions found by the corpus', () => {
  const compose = (text: string, s: ParaSpec) => {
    const input = para(text, s);
    const out = composeParagraph(input);
    return { input, out, texts: lineTexts(out.lines, input), q: measureQuality(out.lines, input) };
  };

  it('regression: a URL longer than the column breaks at / and . rather than between letters or overflowing', () => {
    const r = compose('详见https://www.example.gov.cn/art/2023/7/20/art_1229_5901234.html。', { chars: 9 });
    // Before: first fit split the host between letters, "www.example.go" | "v.cn/", reported overfull.
    expect(r.texts).toEqual(['详见https://www.', 'example.gov.cn/', 'art/2023/7/20/', 'art_1229_5901234.', 'html。']);
    expect(r.q).toEqual(emptyQuality());
    expect(r.out.warnings).toEqual([]);

    const url = 'https://www.deqing-daily.example.cn/news/2023/07/20/a-very-long-article-address-that-no-newspaper-column-can-hold.shtml';
    const long = compose(url, { chars: 13 });
    expect(long.texts).toEqual(['https://www.deqing-', 'daily.example.cn/', 'news/2023/07/20/a-very-', 'long-article-address-that-', 'no-newspaper-column-', 'can-hold.shtml']);
    for (const t of long.texts.slice(0, -1)) expect('/.-').toContain(t.at(-1));
  });

  it('regression: an e-mail address breaks after its @ or dot, and the break after its hyphen is no split word', () => {
    const text = '读者如有线索，可发送电子邮件至news-tips@deqing-daily.example.cn，或登录报社官方网站提交。';
    const r = compose(text, { chars: 9, indentEm: 2 });
    expect(r.texts.join('')).toBe(text);
    expect(r.q.kinsoku_violations).toBe(0);
    expect(r.out.warnings.filter((w) => w.code === 'overfull-line')).toEqual([]);
  });

  it('regression: one word wider than the column is split in a total-fit emergency pass, not first fit for the whole paragraph', () => {
    const r = compose('他说Antidisestablishmentarianism这个词很长，但是报纸的栏宽只有十三个字，所以必须拆开来排。', { chars: 13, indentEm: 2 });
    // Before: first fit set "他说" alone on a loose line and then split the word.
    expect(r.texts).toEqual(['他说Antidisestablishm', 'entarianism这个词很长，但', '是报纸的栏宽只有十三个字，', '所以必须拆开来排。']);
    expect(r.q).toEqual({ ...emptyQuality(), kinsoku_violations: 1 });
    expect(r.out.warnings.map((w) => [w.code, w.pos])).toEqual([['overfull-line', 1]]);
  });

  it('regression: a phone number wider than the line is kept whole when its ideographic space can be dropped at the line end', () => {
    const r = compose('0572-88881234\u30000572-88885678', { chars: 9, indentEm: 2 });
    // Before: "0572-8888123" | "4\u30000572-88885678" (split between digits, a line starting with U+3000).
    expect(r.texts).toEqual(['0572-88881234\u3000', '0572-88885678']);
    expect(r.q.number_unit_splits).toBe(0);
  });

  it('regression: a digit string wider than the column is split where it must, in total fit, and reported on each split line', () => {
    const r = compose('12345678901234567890123456789012', { chars: 9, indentEm: 2 });
    expect(r.texts.join('')).toBe('12345678901234567890123456789012');
    expect(r.q.number_unit_splits).toBe(r.texts.length - 1);
    expect(r.out.warnings.filter((w) => w.code === 'overfull-line').length).toBe(r.texts.length - 1);
  });

  it('regression: U+200B gives a break after it and loses no stretch at a line end (the line was 1 gap short)', () => {
    // Set with the ⅛-em Han–Latin gap it was found with (the case is about U+200B, not the gap).
    const r = compose('据悉，\u200b该活动\u200b将于\u200b8月1日\u200b正式启动，\u200b为期三个月。', { chars: 11, indentEm: 2, options: { hanLatinGapEm: 0.125 } });
    expect(r.texts).toEqual(['据悉，\u200b该活动\u200b将于\u200b', '8月1日\u200b正式启动，\u200b为期三', '个月。']);
    expect(r.q).toEqual(emptyQuality());
  });

  it('regression: PM2.5 is a name, not a count, so 平 may start the next line instead of a loose first line', () => {
    const r = compose('上半年全县PM2.5平均浓度为26微克/立方米，同比下降7.1%；', { chars: 11, indentEm: 2 });
    // Before: "上半年全县" alone on a loose first line.
    expect(r.texts).toEqual(['上半年全县PM2.5', '平均浓度为26微克/立方', '米，同比下降7.1%；']);
    expect(r.q).toEqual(emptyQuality());
    expect(r.out.warnings).toEqual([]);
  });

  it('regression: an ideographic space never starts a line and takes no width at its end (centred headline)', () => {
    const r = compose('以权威体现主流\u3000以亲民服务大众', { chars: 9, align: 'center' });
    // Before: "以权威体现主流" | "\u3000以亲民服务大众", the second line pushed off centre by the blank.
    expect(r.texts).toEqual(['以权威体现主流\u3000', '以亲民服务大众']);
    // Seven characters centred in nine: one em either side, the trailing blank not counted.
    expect(r.out.lines[0].runs[0].glyphs[0].xPt).toBeCloseTo(9, 6);
    expect(r.out.lines[1].runs[0].glyphs[0].xPt).toBeCloseTo(9, 6);
  });

  it('regression: the Han lines before a URL are not spread loose to save one short address line', () => {
    const text = '县政务服务中心提醒，相关政策原文已在https://www.example.gov.cn/art/2023/7/20/art_1229_5901234.html上公布，办事群众也可拨打热线0572-8888123咨询。';
    const r = compose(text, { chars: 13, indentEm: 2 });
    // Before: a loose line and two address lines left short ("www.example.gov.cn/", "art/2023/7/20/").
    expect(r.texts).toEqual(['县政务服务中心提醒，', '相关政策原文已在https://', 'www.example.gov.cn/', 'art/2023/7/20/art_1229_', '5901234.html上公布，办', '事群众也可拨打热线', '0572-8888123咨询。']);
    expect(r.q).toEqual(emptyQuality());
    expect(r.out.warnings).toEqual([]);
  });

  it('regression: a line holding only a piece of a URL is spaced between its letters to stay flush (it was left ragged)', () => {
    const r = compose('详见https://www.example.gov.cn/art/2023/7/20/art_1229_5901234.html。', { chars: 9 });
    const line = r.out.lines[1];
    expect(r.texts[1]).toBe('example.gov.cn/');
    expect(line.widthPt).toBe(81);
    expect(line.caretXPt.at(-1)).toBeCloseTo(81, 6);
    // The spread is the same between every two letters.
    const f = font();
    const advances = Array.from(r.texts[1], (ch) => f.advanceUnits(f.glyphFor(ch.codePointAt(0)!)!.glyphId) * 9 / f.unitsPerEm);
    const extra = line.caretXPt.slice(1, -1).map((x, i) => x - line.caretXPt[i] - advances[i]);
    for (const e of extra) expect(e).toBeCloseTo(extra[0], 6);
    expect(extra[0]).toBeGreaterThan(0);
    expect(line.loose).toBe(extra[0] > 4.5);
  });
});
