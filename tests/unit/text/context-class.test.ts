/** Classes in context (issue 17): straight quotes, apostrophes, digit-grouping thin spaces, hyphens in names. */
import { describe, expect, it } from 'vitest';
import { CharClass, classOf } from '../../../src-core/text/char-class.js';
import { applyContextClasses } from '../../../src-core/text/context-class.js';

/** The classes of `text` in context, as the class names of the characters in `pick`. */
function classesOf(text: string, pick: string): string[] {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const cls = cps.map(classOf);
  applyContextClasses(cps, cls, cps.length);
  const name = (c: number) => Object.entries(CharClass).find(([, v]) => v === c)![0];
  return cps.flatMap((cp, i) => (pick.includes(String.fromCodePoint(cp)) ? [name(cls[i])] : []));
}

describe('straight quotes: opening or closing by context', () => {
  it('opens at the paragraph start, after a space or ：, and closes at the end or before punctuation', () => {
    expect(classesOf('"浙里办"APP', '"')).toEqual(['LatinOpen', 'LatinClose']);
    expect(classesOf('他说："你好"。', '"')).toEqual(['LatinOpen', 'LatinClose']);
    expect(classesOf('the "best" one', '"')).toEqual(['LatinOpen', 'LatinClose']);
  });
  it('closes after a Latin word; between Han characters it alternates', () => {
    expect(classesOf('他说"iPhone"发布了', '"')).toEqual(['LatinOpen', 'LatinClose']);
    expect(classesOf('称为"智慧城市"和"城市大脑"两项', '"')).toEqual(['LatinOpen', 'LatinClose', 'LatinOpen', 'LatinClose']);
  });
  it('after a clause-end mark it closes an open quote, else opens one', () => {
    expect(classesOf('他说"好。"我们走，"走吧"', '"')).toEqual(['LatinOpen', 'LatinClose', 'LatinOpen', 'LatinClose']);
  });
});

describe('other marks in context', () => {
  it('’ between Latin letters is an apostrophe (Latin); elsewhere a closing quote', () => {
    expect(classesOf('McDonald’s门店', '’')).toEqual(['Latin']);
    expect(classesOf('‘好’的', '’')).toEqual(['Close']);
  });
  it('a thin space between digits groups them (no break); elsewhere it stays as it is', () => {
    expect(classesOf('12\u2009345元', '\u2009')).toEqual(['NoBreakSpace']);
    expect(classesOf('A\u2009B', '\u2009')).toEqual(['Latin']);
  });
  it('a hyphen between Han characters or between letters/digits joins a name; a minus or a URL hyphen stays Latin', () => {
    expect(classesOf('皮埃尔-奥古斯特', '-')).toEqual(['NameHyphen']);
    expect(classesOf('型号A-1', '-')).toEqual(['NameHyphen']);
    expect(classesOf('CCTV-13频道', '-')).toEqual(['NameHyphen']);
    expect(classesOf('气温-5℃', '-')).toEqual(['Latin']);
    expect(classesOf('见www.deqing-daily.example.cn', '-')).toEqual(['Latin']);
    expect(classesOf('写信至news-tips@example.cn', '-')).toEqual(['Latin']);
  });
});
