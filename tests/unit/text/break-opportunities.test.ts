import { describe, expect, it } from 'vitest';
import {
  BREAK_ALLOWED, BREAK_EMERGENCY, BREAK_FORBIDDEN, BREAK_MANDATORY, BREAK_RELAXED, BREAK_URL, collectBreakOpportunities,
} from '../../../src-core/text/break-opportunities.js';
import { classOf } from '../../../src-core/text/char-class.js';

/**
 * Text with the permitted breaks marked by "|" (relaxed as "?|", URL breaks as "^", mandatory after
 * "\n"); emergency breaks (every other gap inside a word) are left unmarked, see `kinds`.
 */
function marked(text: string): string {
  const chars = Array.from(text);
  const cps = chars.map((c) => c.codePointAt(0)!);
  const brk = collectBreakOpportunities(cps, cps.map(classOf));
  let out = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    if (brk[k] === BREAK_ALLOWED) out += '|';
    else if (brk[k] === BREAK_RELAXED) out += '?|';
    else if (brk[k] === BREAK_MANDATORY) out += '!';
    else if (brk[k] === BREAK_URL) out += '^';
    out += chars[k];
  }
  return out;
}

/** The break kind before each character after the first. */
function kinds(text: string): number[] {
  const cps = Array.from(text).map((c) => c.codePointAt(0)!);
  return Array.from(collectBreakOpportunities(cps, cps.map(classOf)).slice(1, cps.length));
}

describe('collectBreakOpportunities', () => {
  it('breaks between Han characters', () => {
    expect(marked('改革创新')).toBe('改|革|创|新');
  });
  it('never before closing marks, never after opening marks', () => {
    expect(marked('的“金名片”。在')).toBe('的|“金|名|片”。|在');
    expect(marked('（临杭）')).toBe('（临|杭）');
  });
  it('allows a break between a closing and an opening mark (。”|“)', () => {
    expect(marked('。”“好')).toBe('。”|“好');
    expect(marked('）（')).toBe('）|（');
  });
  it('keeps —— and …… whole and off the start of a line', () => {
    expect(marked('发现——德清')).toBe('发|现——|德|清');
    expect(marked('推进……干部')).toBe('推|进……|干|部');
  });
  it('keeps numbers with their units and currency signs', () => {
    expect(marked('新增1800辆车')).toBe('新|增|1800辆|车');
    expect(marked('2023年上')).toBe('2023年|上');
    expect(marked('50℃的')).toBe('50℃|的');
    expect(marked('达50%的')).toBe('达|50%|的');
    expect(marked('率114.29%；')).toBe('率|114.29%；');
    expect(marked('售¥5,999元')).toBe('售|¥5,999元');
    expect(marked('售￥5元')).toBe('售|￥5元');
  });
  it('keeps Latin words whole (UAX #14) and breaks after spaces', () => {
    expect(marked('的APP,是')).toBe('的|APP,|是');
    expect(marked('in the city')).toBe('in |the |city');
    expect(marked('以权威体现主流 以亲民')).toBe('以|权|威|体|现|主|流 |以|亲|民');
  });
  it('ASCII parentheses in Chinese text obey kinsoku', () => {
    expect(marked('镇(临杭)工作')).toBe('镇|(临|杭)|工|作');
  });
  it('overrides UAX #14: no break before ～, none on either side of · (issue 17) or ／', () => {
    expect(marked('5～10天')).toBe('5～|10天');
    expect(marked('阿·凡')).toBe('阿·凡');
    expect(marked('甲／乙')).toBe('甲／乙');
  });
  it('marks ？！ at line start as a last resort only', () => {
    expect(marked('吗？！好')).toBe('吗?|？?|！|好');
  });
  it('hard line breaks are mandatory', () => {
    expect(marked('甲\n乙')).toBe('甲\n!乙');
    expect(marked('甲\r\n乙')).toBe('甲\r\n!乙');
  });
  it('forbids a break before a space and after a no-break space', () => {
    const cps = Array.from('中 文').map((c) => c.codePointAt(0)!);
    expect(collectBreakOpportunities(cps, cps.map(classOf))[1]).toBe(BREAK_FORBIDDEN);
  });

  it('regression: URLs and e-mail addresses break after their punctuation at a cost, never before a mark', () => {
    expect(marked('见https://www.example.gov.cn/art_12.html。')).toBe('见|https://|www.^example.^gov.^cn/|art_^12.^html。');
    expect(marked('至news-tips@deqing-daily.example.cn，')).toBe('至|news-|tips@^deqing-|daily.^example.^cn，');
    // Not a URL: a sentence-final full stop and a decimal point stay as UAX #14 has them.
    expect(marked('PM2.5值')).toBe('PM2.5|值');
  });
  it('regression: every other gap inside a word or number is an emergency break (for runs wider than the line)', () => {
    expect(kinds('word')).toEqual([BREAK_EMERGENCY, BREAK_EMERGENCY, BREAK_EMERGENCY]);
    expect(kinds('12,345')).toEqual([BREAK_EMERGENCY, BREAK_FORBIDDEN, BREAK_EMERGENCY, BREAK_EMERGENCY, BREAK_EMERGENCY]);
    // Never before a space, nor where the GB table forbids (a closing mark, a unit after its number).
    expect(kinds('a b')).toEqual([BREAK_FORBIDDEN, BREAK_ALLOWED]);
    expect(kinds('5年')).toEqual([BREAK_FORBIDDEN]);
  });
  it('regression: digits inside a Latin word (PM2.5, CCTV-13) are a name: the Han character after them may break', () => {
    expect(marked('全县PM2.5平均')).toBe('全|县|PM2.5|平|均');
    expect(marked('CCTV-13新闻')).toBe('CCTV-13|新|闻');
    // A count keeps its unit, also after a space or a Han character.
    expect(marked('iPhone 15系列')).toBe('iPhone |15系|列');
    expect(marked('新增1800辆')).toBe('新|增|1800辆');
  });
  it('regression: no break before U+200B (UAX #14 LB7), one after it; a mark before it still binds', () => {
    expect(marked('据悉，\u200b该活动')).toBe('据|悉，\u200b|该|活|动');
    expect(marked('“\u200b好')).toBe('“\u200b好');
  });
  it('regression: U+3000 never starts a line (UAX #14 BA): the break is after it', () => {
    expect(marked('主流\u3000以亲民')).toBe('主|流\u3000|以|亲|民');
    expect(marked('坚守\u3000\u3000城市')).toBe('坚|守\u3000\u3000|城|市');
  });
  it('regression: a run of dashes or ellipses longer than a pair may split between pairs, as an emergency only', () => {
    expect(kinds('甲——乙')).toEqual([BREAK_FORBIDDEN, BREAK_FORBIDDEN, BREAK_ALLOWED]);
    expect(kinds('——————')).toEqual([BREAK_FORBIDDEN, BREAK_EMERGENCY, BREAK_FORBIDDEN, BREAK_EMERGENCY, BREAK_FORBIDDEN]);
    expect(kinds('………')).toEqual([BREAK_FORBIDDEN, BREAK_EMERGENCY]);
  });
});
