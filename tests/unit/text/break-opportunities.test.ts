import { describe, expect, it } from 'vitest';
import {
  BREAK_ALLOWED, BREAK_FORBIDDEN, BREAK_MANDATORY, BREAK_RELAXED, collectBreakOpportunities,
} from '../../../src-core/text/break-opportunities.js';
import { classOf } from '../../../src-core/text/char-class.js';

/** Text with the permitted breaks marked by "|" (relaxed as "?|", mandatory after "\n"). */
function marked(text: string): string {
  const chars = Array.from(text);
  const cps = chars.map((c) => c.codePointAt(0)!);
  const brk = collectBreakOpportunities(cps, cps.map(classOf));
  let out = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    if (brk[k] === BREAK_ALLOWED) out += '|';
    else if (brk[k] === BREAK_RELAXED) out += '?|';
    else if (brk[k] === BREAK_MANDATORY) out += '!';
    out += chars[k];
  }
  return out;
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
  it('overrides UAX #14: no break before ～ or ·, none on either side of ／', () => {
    expect(marked('5～10天')).toBe('5～|10天');
    expect(marked('阿·凡')).toBe('阿·|凡');
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
});
