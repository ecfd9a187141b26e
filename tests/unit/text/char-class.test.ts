import { describe, expect, it } from 'vitest';
import { CharClass, classOf, isNeverAtEnd, isNeverAtStart } from '../../../src-core/text/char-class.js';

const cp = (s: string): number => s.codePointAt(0)!;

describe('char-class: GB tables (TYPOGRAPHY.md §1)', () => {
  it('never at line start: every mark of the GB list', () => {
    for (const ch of '、，；：。！？．”’）》〉】〗〕］｝」』–—～·／/%‰℃°′″々〃,.;:?!)]}…') {
      expect(isNeverAtStart(cp(ch)), `${ch} U+${cp(ch).toString(16)}`).toBe(true);
    }
  });
  it('never at line end: every mark of the GB list', () => {
    for (const ch of '“‘（《〈【〖〔［｛「『／([{¥￥$£') {
      expect(isNeverAtEnd(cp(ch)), ch).toBe(true);
    }
  });
  it('ordinary characters may start and end lines', () => {
    for (const ch of '中文字国A9“') expect(isNeverAtStart(cp(ch)), ch).toBe(false);
    for (const ch of '中文字国A9”。，') expect(isNeverAtEnd(cp(ch)), ch).toBe(false);
  });
  it('classes: Han boxes, digits, marks, astral ideographs', () => {
    expect(classOf(cp('德'))).toBe(CharClass.Han);
    expect(classOf(cp('𠀀'))).toBe(CharClass.Han);
    expect(classOf(cp('7'))).toBe(CharClass.Digit);
    expect(classOf(cp('“'))).toBe(CharClass.Open);
    expect(classOf(cp('”'))).toBe(CharClass.Close);
    expect(classOf(cp('，'))).toBe(CharClass.Pause);
    expect(classOf(cp('。'))).toBe(CharClass.Stop);
    expect(classOf(cp('？'))).toBe(CharClass.QuestionExclamation);
    expect(classOf(cp('—'))).toBe(CharClass.Dash);
    expect(classOf(cp('…'))).toBe(CharClass.Ellipsis);
    expect(classOf(cp('·'))).toBe(CharClass.MiddleDot);
    expect(classOf(cp('a'))).toBe(CharClass.Latin);
    expect(classOf(cp(' '))).toBe(CharClass.Space);
    expect(classOf(cp('\n'))).toBe(CharClass.Break);
    expect(classOf(cp('％'))).toBe(CharClass.Postfix);
  });
});
