/** Justification, alignment, Han–Latin gaps, tracking, warnings and carets (TYPOGRAPHY.md §3–§4). */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { lineTexts, measureQuality } from '../../../src-core/layout/para-quality.js';
import { measureSpacing } from '../../../src-core/layout/para-spacing.js';
import type { ComposedLine, ParagraphInput } from '../../../src-core/layout/line.js';
import { BLACK } from '../../../src-core/model/colour.js';
import { defaultOptions, font, lines, para, type ParaSpec } from './helpers.js';

function compose(text: string, spec: ParaSpec) {
  const input = para(text, { sizePt: 10, ...spec });
  return { input, out: composeParagraph(input) };
}
const carets = (l: ComposedLine): number[] => l.caretXPt.map((x) => Math.round(x * 1000) / 1000);

const PROSE = [
  '记者昨天从市统计局获悉，今年前三季度全市实现地区生产总值5862.3亿元，同比增长6.1%，增速比上半年提高0.4个百分点。其中，第三产业增加值占比达到55.7%。',
  '“我们每天早上6点就到店里了，”经营早餐铺的王女士说，“周末客流更多，一天能卖出800多个包子。”她告诉记者，去年开通的地铁5号线让生意好了不少——附近新建的写字楼也陆续有人入驻。',
  '据了解，该市今年将新建5G基站1200个，推动“城市大脑”2.0版上线运行，并在全市推广“一网通办”APP，实现90%以上政务服务事项“掌上办”。市民可通过微信、支付宝等渠道登录办理。',
  '“这项工作没有退路！”在周一召开的会议上，负责人强调：要坚持问题导向（尤其是群众反映强烈的停车难、充电难问题），确保年底前完成全部整改任务……',
  '《人民日报》评论员文章指出，要把“稳中求进”工作总基调贯彻到经济社会发展全过程、各领域——既要稳住基本盘，又要在转方式、调结构、增动能上取得新突破。',
  '2024年3月15日上午9时30分，第十二届全国大学生电子设计竞赛（浙江赛区）开幕式在浙江大学紫金港校区举行，来自全省46所高校的1500余名选手参赛，比赛时长为4天3夜。',
  '会上，中国科学院院士、清华大学教授张明（化名）作了题为《AI for Science：机遇与挑战》的报告。他说：“iPhone 15发布时，很多人没有意识到，端侧大模型的时代已经到来了。”',
  '小区物业经理老周算了一笔账：改造前，每月电费约2.3万元；改造后，降到了1.6万元左右，一年能省下8万多元。“钱省下来了，居民的满意度也上去了！”他笑着说。',
  'The Folio editor sets Latin text too: words stay whole, spaces stretch first, and lines are justified flush on both sides without splitting any word.',
];

describe('justification', () => {
  for (const chars of [10, 13, 17, 21]) {
    it(`every non-final line is flush within 0.01 pt on both sides (${chars} characters, own prose)`, () => {
      for (const text of PROSE) {
        const { input, out } = compose(text, { chars, indentEm: 2 });
        const q = measureQuality(out.lines, input);
        const texts = lineTexts(out.lines, input);
        expect(q, JSON.stringify(texts)).toEqual({
          kinsoku_violations: 0, loose_lines: q.loose_lines, single_char_last_lines: 0, number_unit_splits: 0, unjustified_lines: 0,
        });
        expect(texts.join('')).toBe(text);
        for (const l of out.lines.slice(0, -1)) {
          expect(l.widthPt).toBe(chars * 10);
          for (let i = 1; i < l.caretXPt.length; i++) expect(l.caretXPt[i]).toBeGreaterThanOrEqual(l.caretXPt[i - 1] - 1e-9);
        }
        // Chinese prose is never loose at newspaper widths; pure Latin with few spaces per line may be.
        if (chars >= 13 && /[\u4e00-\u9fff]/.test(text)) expect(q.loose_lines, JSON.stringify(texts)).toBe(0);
      }
    });
  }
  it('a hard line break ends a line without justifying it', () => {
    const { input, out } = compose('一二三\n四五六七八九十甲乙丙丁戊', { chars: 10 });
    expect(lineTexts(out.lines, input)).toEqual(['一二三\n', '四五六七八九十甲乙丙', '丁戊']);
    expect(carets(out.lines[0])).toEqual([0, 10, 20, 30, 30]);
    expect(measureQuality(out.lines, input).unjustified_lines).toBe(0);
  });
  it('the last line is set solid, left-aligned', () => {
    const { out } = compose('一二三四五六七八九十甲乙丙丁', { chars: 10 });
    const last = out.lines.at(-1)!;
    expect(last.isLast).toBe(true);
    expect(carets(last)).toEqual(carets(last).map((_, i) => i * 10));
  });
  it('no single-character last line (孤字): a character is pulled down and the line respaced', () => {
    expect(lines('一二三四五六七八九十甲', { chars: 10 })).toEqual(['一二三四五六七八九', '十甲']);
    expect(lines('一二三四五六七八九十甲。', { chars: 10 })).toEqual(['一二三四五六七八九', '十甲。']);
  });
  it('a gap stretched beyond half an em marks the line loose and warns', () => {
    const { out } = compose('文文文？文文文', { chars: 3 });
    expect(out.lines.map((l) => l.loose)).toEqual([true, false, false]);
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'loose-line', pos: 1 })]);
  });
  it('align center, right and left place a single line as a whole', () => {
    const x = (align: ParagraphInput['align']) => compose('德清改革', { chars: 10, align }).out.lines[0].runs[0].glyphs[0].xPt;
    expect(x('center')).toBeCloseTo(30, 9);
    expect(x('right')).toBeCloseTo(60, 9);
    expect(x('left')).toBeCloseTo(0, 9);
  });
  it('ragged alignments still break for even lines and never stretch', () => {
    const { input, out } = compose('“停不下来”的改革创造了奇迹，德清坚定不移用改革撬动发展', { chars: 9, align: 'center' });
    expect(measureQuality(out.lines, input).kinsoku_violations).toBe(0);
    for (const l of out.lines) {
      const left = l.caretXPt[0];
      const right = l.caretXPt.at(-1)!;
      expect(left).toBeCloseTo(90 - right, 6); // centred
    }
  });
  it('tracking adds space after every character but the line end', () => {
    const { out } = compose('德清改革', { chars: 10, trackingEm: 0.1 });
    expect(carets(out.lines[0])).toEqual([0, 11, 22, 33, 43]);
  });
  it('the first-line indent moves line 1 only', () => {
    const { out } = compose('一二三四五六七八九十甲乙丙丁', { chars: 10, indentEm: 2 });
    expect(out.lines[0].caretXPt[0]).toBe(20);
    expect(out.lines[0].caretXPt.at(-1)).toBeCloseTo(100, 9);
    expect(out.lines[1].caretXPt[0]).toBe(0);
  });
});

describe('Han–Latin and Han–digit gaps (§4)', () => {
  it('1/4 em (the house default) between Han and Latin or digits, none beside Chinese punctuation', () => {
    const { out } = compose('使用APP，2023年', { chars: 30 });
    const g = out.lines[0].runs[0].glyphs;
    const c = out.lines[0].caretXPt;
    const adv = (ch: string) => (font().glyphFor(ch.codePointAt(0)!)!.advanceUnits / 1000) * 10;
    expect(c[2]).toBeCloseTo(20 + 2.5, 9); // 用|A
    expect(c[5] - c[4]).toBeCloseTo(adv('P'), 9); // P then ， directly
    expect(c[6]).toBeCloseTo(c[5] + 10, 9); // ， keeps its full em before a digit, and no gap is added
    expect(g.find((x) => x.text === '年')!.xPt).toBeCloseTo(c[10] , 9);
    expect(c[10] - c[9]).toBeCloseTo(adv('3') + 2.5, 9); // 3|年
  });
  it('honours hanLatinGapEm and drops the gap at line edges', () => {
    const { out } = compose('德清APP', { chars: 30, options: { hanLatinGapEm: 0.125 } });
    expect(out.lines[0].caretXPt[2]).toBeCloseTo(21.25, 9);
    const wrapped = compose('改革创新高地ABCD', { chars: 6 }).out;
    expect(wrapped.lines[1].caretXPt[0]).toBe(0);
    expect(wrapped.lines[1].runs[0].glyphs[0].xPt).toBeCloseTo(0, 9);
  });
  it('regression: the gap is ¼ em (⅛ em where that saves a push-out) on every line, stretched lines included (it was spread with the line: 0.125–0.358 em)', () => {
    const text = '今年3月，全县新增就业岗位1200个，比2024年同期增加300个，其中返乡创业带动就业占比达到35%，增长明显。';
    for (const chars of [9, 11, 13]) {
      const { input, out } = compose(text, { chars, indentEm: 2 });
      const gaps = measureSpacing(out.lines, input).hanLatinGapsEm;
      expect(gaps.length, `${chars}`).toBeGreaterThan(6);
      for (const g of gaps) expect([0.125, 0.25], `${chars}: ${JSON.stringify(lineTexts(out.lines, input))}`).toContain(Math.round(g * 1e6) / 1e6);
      // Some lines are stretched, and their gaps stay ¼ em.
      expect(gaps.filter((g) => Math.abs(g - 0.25) < 1e-6).length, `${chars}`).toBeGreaterThan(gaps.length / 2);
    }
  });
  it('regression: the gap shrinks to ⅛ em only when that saves a push-out', () => {
    // 8 Han + "12" (1.029 em in Noto Serif SC) + two ¼-em gaps = 9.529 em; at 9.3 em 2|辛 may not break, and
    // breaking before 1 would spread 庚's line by 2.3 em: both gaps shrink to ⅛ em instead (9.279 em) and the
    // line is stretched by what is left.
    const { input, out } = compose('甲乙丙丁戊己庚12辛壬癸', { chars: 9.3 });
    expect(lineTexts(out.lines, input)).toEqual(['甲乙丙丁戊己庚12辛', '壬癸']);
    for (const g of measureSpacing(out.lines, input).hanLatinGapsEm) expect(g).toBeCloseTo(0.125, 9);
    const roomy = compose('甲乙丙丁戊己庚12辛壬癸', { chars: 9.6 });
    for (const g of measureSpacing(roomy.out.lines, roomy.input).hanLatinGapsEm) expect(g).toBeCloseTo(0.25, 9);
  });
});

describe('warnings and carets', () => {
  it('a missing glyph keeps a one-em cell, draws nothing and warns with its position', () => {
    const { out } = compose('德\u{10AF6}清', { chars: 10 });
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'missing-glyph', pos: 2 })]);
    const line = out.lines[0];
    expect(line.runs[0].glyphs.map((g) => g.text)).toEqual(['德', '清']);
    expect([line.fromPos, line.toPos]).toEqual([1, 5]);
    expect(carets(line)).toEqual([0, 10, 10, 20, 30]);
  });
  it('an unbreakable run wider than the line is split and reported overfull (first-fit fallback)', () => {
    const text = '访问https://www.example.com/averyveryverylongpathname了解';
    const { input, out } = compose(text, { chars: 6 });
    expect(lineTexts(out.lines, input).join('')).toBe(text);
    expect(out.warnings.some((w) => w.code === 'overfull-line')).toBe(true);
  });
  it('runs in other fonts become separate line runs with continuous positions', () => {
    const input: ParagraphInput = {
      runs: [
        { text: '本报讯（记者 ', fromPos: 10, font: font(), sizePt: 10, colour: BLACK, trackingEm: 0 },
        { text: '董华', fromPos: 17, font: font('noto-sans-sc-700'), sizePt: 10, colour: BLACK, trackingEm: 0 },
        { text: '）改革一直以来都是德清的一张金名片。', fromPos: 19, font: font(), sizePt: 10, colour: BLACK, trackingEm: 0 },
      ],
      lineWidthPt: () => 100, firstLineIndentPt: 20, align: 'justify', options: defaultOptions(),
    };
    const out = composeParagraph(input);
    const merged: string[] = [];
    let prevFont = '';
    for (const r of out.lines.flatMap((l) => l.runs)) {
      const text = r.glyphs.map((g) => g.text).join('');
      if (r.fontId === prevFont) merged[merged.length - 1] += text;
      else merged.push(`${r.fontId}:${text}`);
      prevFont = r.fontId;
    }
    expect(merged).toEqual(['noto-serif-sc-400:本报讯（记者 ', 'noto-sans-sc-700:董华', 'noto-serif-sc-400:）改革一直以来都是德清的一张金名片。']);
    for (let i = 1; i < out.lines.length; i++) expect(out.lines[i].fromPos).toBe(out.lines[i - 1].toPos);
    expect(out.lines.at(-1)!.toPos).toBe(19 + 18);
    for (const l of out.lines) expect(l.caretXPt).toHaveLength(l.toPos - l.fromPos + 1);
  });
  it('an empty paragraph gives one empty line with a caret', () => {
    const out = composeParagraph(para('', { chars: 10, indentEm: 2, sizePt: 10 }));
    expect(out.lines).toEqual([expect.objectContaining({ fromPos: 1, toPos: 1, caretXPt: [20], isLast: true })]);
  });
  it('is deterministic', () => {
    const a = compose(PROSE[1], { chars: 13 }).out;
    const b = compose(PROSE[1], { chars: 13 }).out;
    expect(b).toEqual(a);
  });
  it('rejects a line width with no room', () => {
    expect(() => composeParagraph({ ...para('德清', { chars: 1 }), lineWidthPt: () => 0 })).toThrow(RangeError);
  });
});

describe('display alignment', () => {
  it('a centred two-line headline breaks into balanced lines, not a full line and a stub', () => {
    const text = '县领导调研雷甸镇(临杭产业新区)工作';
    const centred = lines(text, { chars: 16, align: 'center' });
    expect(centred).toHaveLength(2);
    const [a, b] = centred.map((t) => Array.from(t).length);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(3);
    // Justified body text keeps the last line free: the first line is filled.
    const body = lines(text, { chars: 16 });
    expect(Array.from(body.at(-1)!).length).toBeLessThan(Array.from(centred.at(-1)!).length);
  });
});

describe('degenerate measures', () => {
  it('an indent as wide as the line sets the first line overfull and reports it', () => {
    const { input, out } = compose('德清改革创新', { chars: 2, indentEm: 2 });
    expect(lineTexts(out.lines, input).join('')).toBe('德清改革创新');
    expect(out.warnings.map((w) => w.code)).toContain('overfull-line');
  });
});

describe('mixed sizes', () => {
  it('a larger run inside a paragraph still justifies flush and reports the largest size per line', () => {
    const runs = [
      { text: '记者从县有关部门获悉，今年以来，', fromPos: 1, font: font(), sizePt: 9, colour: BLACK, trackingEm: 0 },
      { text: '德清新增公共自行车1800辆', fromPos: 17, font: font('noto-serif-sc-700'), sizePt: 12, colour: BLACK, trackingEm: 0 },
      { text: '，并将鲜明的亚运元素融入其中，旨在通过公共自行车“小切口”展现“大服务”。', fromPos: 31, font: font(), sizePt: 9, colour: BLACK, trackingEm: 0.05 },
    ];
    const input: ParagraphInput = { runs, lineWidthPt: () => 117, firstLineIndentPt: 18, align: 'justify', options: defaultOptions() };
    const out = composeParagraph(input);
    expect(measureQuality(out.lines, input)).toMatchObject({ kinsoku_violations: 0, number_unit_splits: 0, unjustified_lines: 0 });
    expect(lineTexts(out.lines, input).join('')).toBe(runs.map((r) => r.text).join(''));
    expect(Math.max(...out.lines.map((l) => l.maxSizePt))).toBe(12);
    expect(out.lines[0].maxSizePt).toBe(9);
  });
});

describe('re-entrancy', () => {
  it('a lineWidthPt callback that composes another paragraph does not disturb the outer one', () => {
    const plain = compose(PROSE[0], { chars: 13 }).out;
    const inner = para(PROSE[1], { chars: 9, sizePt: 10 });
    const outer: ParagraphInput = {
      ...para(PROSE[0], { chars: 13, sizePt: 10 }),
      lineWidthPt: () => {
        composeParagraph(inner);
        return 130;
      },
    };
    expect(composeParagraph(outer)).toEqual(plain);
  });
});
