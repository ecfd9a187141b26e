/** measureQuality must catch each kind of fault: hand-made bad line sets (not composer output). */
import { describe, expect, it } from 'vitest';
import { measureLineQuality, measureQuality } from '../../../src-core/layout/para-quality.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { para } from './helpers.js';

/** Lines cut at the given character counts, carets spaced 10 pt (a 10-character, 100 pt measure). */
function cut(text: string, counts: number[], opts: { flush?: boolean; loose?: boolean } = {}): ComposedLine[] {
  const out: ComposedLine[] = [];
  let pos = 1;
  counts.forEach((count, i) => {
    const isLast = i === counts.length - 1;
    const step = opts.flush === false || isLast ? 10 : 100 / count;
    out.push({
      runs: [], widthPt: 100, maxSizePt: 10, fromPos: pos, toPos: pos + count,
      caretXPt: Array.from({ length: count + 1 }, (_, k) => k * step), isLast, loose: !!opts.loose && !isLast,
    });
    pos += count;
  });
  return out;
}

describe('measureQuality', () => {
  const input = (text: string) => para(text, { chars: 10, sizePt: 10 });
  it('counts nothing on a good set', () => {
    const text = '一二三四五六七八九十甲乙丙丁';
    expect(measureQuality(cut(text, [10, 4]), input(text))).toEqual({
      kinsoku_violations: 0, loose_lines: 0, single_char_last_lines: 0, number_unit_splits: 0, unjustified_lines: 0,
    });
  });
  it('counts a closing mark at line start and an opening mark at line end', () => {
    const text = '一二三四五六七八九“十”甲乙';
    expect(measureQuality(cut(text, [10, 4]), input(text)).kinsoku_violations).toBe(1);
    expect(measureQuality(cut(text, [11, 3]), input(text)).kinsoku_violations).toBe(1);
  });
  it('counts —— split or opening a continuation line', () => {
    const text = '一二三四五六七八九——十';
    expect(measureQuality(cut(text, [10, 2]), input(text)).kinsoku_violations).toBe(1);
    expect(measureQuality(cut(text, [9, 3]), input(text)).kinsoku_violations).toBe(1);
  });
  it('counts numbers split from their digits or units', () => {
    const text = '一二三四五六七八1800辆车';
    expect(measureQuality(cut(text, [10, 4]), input(text)).number_unit_splits).toBe(1);
    expect(measureQuality(cut(text, [12, 2]), input(text)).number_unit_splits).toBe(1);
  });
  it('counts a Latin word split', () => {
    const text = '一二三四五六七八APP车';
    expect(measureQuality(cut(text, [9, 3]), input(text)).kinsoku_violations).toBe(1);
  });
  it('counts a single-character last line, loose lines and ragged justified lines', () => {
    const text = '一二三四五六七八九十甲';
    expect(measureQuality(cut(text, [10, 1]), input(text)).single_char_last_lines).toBe(1);
    expect(measureQuality(cut(text, [9, 2], { loose: true }), input(text)).loose_lines).toBe(1);
    expect(measureQuality(cut(text, [9, 2], { flush: false }), input(text)).unjustified_lines).toBe(1);
  });
});

describe('measureQuality regressions', () => {
  it('a line ending in a word space is not a split word (regression: the space was skipped)', () => {
    const text = 'The Folio editor sets Latin';
    const input = para(text, { chars: 10, sizePt: 10 });
    expect(measureQuality(cut(text, [17, 10]), input).kinsoku_violations).toBe(0);
    expect(measureQuality(cut(text, [15, 12]), input).kinsoku_violations).toBe(1); // "edito|r"
  });
  it('a break after the hyphen, @ or dot of an address is not a split word (regression: "-" counted as a letter)', () => {
    const text = '邮件至news-tips@deqing-daily.cn';
    const input = para(text, { chars: 10, sizePt: 10 });
    expect(measureQuality(cut(text, [8, 22]), input).kinsoku_violations).toBe(0); // news-|tips
    expect(measureQuality(cut(text, [13, 17]), input).kinsoku_violations).toBe(0); // tips@|deqing
    expect(measureQuality(cut(text, [6, 24]), input).kinsoku_violations).toBe(1); // new|s
  });
  it('PM2.5 before a Han character is a name, not a number split from its unit (regression)', () => {
    const text = '全县PM2.5平均浓度';
    const input = para(text, { chars: 10, sizePt: 10 });
    expect(measureQuality(cut(text, [7, 4]), input).number_unit_splits).toBe(0);
    const count = '新增1800辆车';
    expect(measureQuality(cut(count, [6, 2]), para(count, { chars: 10, sizePt: 10 })).number_unit_splits).toBe(1);
  });
  it('measureLineQuality puts an edge fault on the line that ends at it, and sums to measureQuality', () => {
    const text = '一二三四五六七八九“十”甲乙';
    const input = para(text, { chars: 10, sizePt: 10 });
    const lines = cut(text, [10, 4]);
    const perLine = measureLineQuality(lines, input);
    expect(perLine.map((q) => q.kinsoku_violations)).toEqual([1, 0]);
    expect(measureQuality(lines, input).kinsoku_violations).toBe(1);
  });
});

