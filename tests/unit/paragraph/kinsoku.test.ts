/**
 * Line-edge rules (TYPOGRAPHY.md §1) through the whole composer: named cases
 * (text, column width in characters → expected lines) plus a sweep over every character of the
 * prohibition tables at the critical position.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { lineTexts, measureQuality } from '../../../src-core/layout/para-quality.js';
import { lines, para } from './helpers.js';

const NEVER_AT_START = '、，；：。！？．”’）》〉】〗〕］｝」』–—～·／/%‰℃°′″々〃,.;:?!)]}…';
const NEVER_AT_END = '“‘（《〈【〖〔［｛「『／([{¥￥$£';

describe('never at line start', () => {
  for (const ch of NEVER_AT_START) {
    it(`${ch} never starts a line (it falls exactly at the start of line 2)`, () => {
      const input = para(`一二三四五六七八九十${ch}甲乙丙丁`, { chars: 10, sizePt: 10 });
      const out = composeParagraph(input);
      const texts = lineTexts(out.lines, input);
      expect(texts.length).toBeGreaterThan(1);
      for (const t of texts.slice(1)) expect(t.startsWith(ch), JSON.stringify(texts)).toBe(false);
      expect(measureQuality(out.lines, input)).toMatchObject({ kinsoku_violations: 0, unjustified_lines: 0 });
      expect(out.warnings.filter((w) => w.code === 'kinsoku-relaxed')).toEqual([]);
    });
  }
});

describe('never at line end', () => {
  for (const ch of NEVER_AT_END) {
    it(`${ch} never ends a line (it falls exactly at the end of line 1)`, () => {
      const input = para(`一二三四五六七八九${ch}十甲乙丙丁`, { chars: 10, sizePt: 10 });
      const out = composeParagraph(input);
      const texts = lineTexts(out.lines, input);
      for (const t of texts.slice(0, -1)) expect(t.endsWith(ch), JSON.stringify(texts)).toBe(false);
      expect(measureQuality(out.lines, input)).toMatchObject({ kinsoku_violations: 0, unjustified_lines: 0 });
    });
  }
});

describe('issue 17: marks that were classed wrongly', () => {
  /** Every line of `text` at 6–14 characters: the line texts, after asserting no kinsoku fault. */
  const sweep = (text: string, check: (texts: string[], chars: number) => void) => {
    for (let chars = 6; chars <= 14; chars++) {
      const input = para(text, { chars, sizePt: 10 });
      const out = composeParagraph(input);
      const texts = lineTexts(out.lines, input);
      expect(texts.join('')).toBe(text);
      expect(measureQuality(out.lines, input), `${chars}: ${JSON.stringify(texts)}`).toMatchObject({ kinsoku_violations: 0, unjustified_lines: 0 });
      check(texts, chars);
    }
  };
  it('regression: a hyphen-minus in a transliterated or Latin name never starts or ends a line (皮埃尔-奥古斯特, A-1)', () => {
    sweep('法国画家皮埃尔-奥古斯特·雷诺阿的作品与型号为A-1的展柜一同展出，吸引了众多市民。', (texts, chars) => {
      for (const t of texts.slice(1)) expect(t.startsWith('-'), `${chars}: ${JSON.stringify(texts)}`).toBe(false);
      for (const t of texts.slice(0, -1)) expect(t.endsWith('-'), `${chars}: ${JSON.stringify(texts)}`).toBe(false);
    });
  });
  it('regression: ⸺ (one character, two em) never starts a continuation line', () => {
    sweep('一二三四五六七八九⸺十甲乙丙丁戊己庚辛壬癸子丑寅卯辰', (texts, chars) => {
      for (const t of texts.slice(1)) expect(t.startsWith('⸺'), `${chars}: ${JSON.stringify(texts)}`).toBe(false);
    });
  });
  it('regression: a straight " opening a quote never ends a line, one closing it never starts one', () => {
    sweep('会上他说:"这项工作没有退路"。大家都认为"稳中求进"是总基调,要"一张蓝图绘到底"。', (texts, chars) => {
      const all = texts.join('');
      let inside = false;
      let at = 0;
      texts.forEach((t, li) => {
        for (const ch of t) if (ch === '"') inside = !inside;
        at += t.length;
        if (li < texts.length - 1) {
          if (t.endsWith('"')) expect(inside, `${chars}: opening quote ends ${JSON.stringify(texts)}`).toBe(false);
          if (all[at] === '"') expect(inside, `${chars}: closing quote starts ${JSON.stringify(texts)}`).toBe(false);
        }
      });
    });
  });
  it('regression: the interpunct of a name never starts or ends a line (列夫·托尔斯泰)', () => {
    sweep('俄国作家列夫·托尔斯泰与法国作家维克多·雨果的作品在馆内同时展出。', (texts, chars) => {
      for (const t of texts.slice(1)) expect(t.startsWith('·'), `${chars}: ${JSON.stringify(texts)}`).toBe(false);
      for (const t of texts.slice(0, -1)) expect(t.endsWith('·'), `${chars}: ${JSON.stringify(texts)}`).toBe(false);
    });
  });
});

describe('named cases', () => {
  it('push-in: a comma squeezed to half width pulls the stop up', () => {
    expect(lines('一二三，四五六七八九。甲乙丙', { chars: 10 })).toEqual(['一二三，四五六七八九。', '甲乙丙']);
  });
  it('push-out: an opening quote cannot end a line and “十” cannot fit, so 九 line is spread', () => {
    expect(lines('一二三四五六七八九“十”甲乙', { chars: 10 })).toEqual(['一二三四五六七八九', '“十”甲乙']);
  });
  it('—— is never split and never starts a continuation line', () => {
    expect(lines('一二三四五六七八九——十一二', { chars: 10 })).toEqual(['一二三四五六七八', '九——十一二']);
  });
  it('…… is never split and never starts a continuation line', () => {
    expect(lines('一二三四五六七八九……十一二', { chars: 10 })).toEqual(['一二三四五六七八', '九……十一二']);
  });
  it('—— and …… may open a paragraph', () => {
    expect(lines('——在德清调研', { chars: 10 })).toEqual(['——在德清调研']);
    expect(lines('……干部敢为', { chars: 10 })).toEqual(['……干部敢为']);
  });
  it('a break between a closing and an opening mark is allowed (。”|“)', () => {
    expect(lines('甲乙丙丁戊己庚辛。”“壬癸子丑”', { chars: 10 })).toEqual(['甲乙丙丁戊己庚辛。”', '“壬癸子丑”']);
  });
  it('？！ start a line only as a counted last resort', () => {
    const input = para('文？', { chars: 1 });
    const out = composeParagraph(input);
    expect(lineTexts(out.lines, input)).toEqual(['文', '？']);
    expect(out.warnings.map((w) => w.code)).toEqual(['kinsoku-relaxed']);
    expect(measureQuality(out.lines, input).kinsoku_violations).toBe(1);
  });
  it('a loose line is preferred to a relaxed ？ at line start', () => {
    const input = para('文文文？文文文', { chars: 3 });
    const out = composeParagraph(input);
    expect(lineTexts(out.lines, input)).toEqual(['文文', '文？文', '文文']);
    expect(out.warnings.map((w) => w.code)).toEqual(['loose-line']);
  });
  it('ASCII parentheses and commas in Chinese text obey kinsoku', () => {
    const text = '昨天下午,县委副书记带队调研雷甸镇(临杭产业新区)工作。王剑峰强调,雷甸镇(临杭产业新区)是重要基本盘。';
    for (const chars of [7, 8, 9, 10, 11, 12, 13]) {
      const input = para(text, { chars });
      const out = composeParagraph(input);
      const texts = lineTexts(out.lines, input);
      expect(measureQuality(out.lines, input), `${chars}: ${JSON.stringify(texts)}`).toMatchObject({ kinsoku_violations: 0, unjustified_lines: 0 });
      for (const t of texts.slice(1)) expect(/^[,)）。]/.test(t), JSON.stringify(texts)).toBe(false);
      for (const t of texts.slice(0, -1)) expect(/[(（]$/.test(t), JSON.stringify(texts)).toBe(false);
    }
  });
});
