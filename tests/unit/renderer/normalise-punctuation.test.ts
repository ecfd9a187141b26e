import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { normaliseAsciiPunctuation, normalisePunctuation } from '../../../src-renderer/editor/normalise-punctuation.js';

const norm = (text: string) => normaliseAsciiPunctuation(text).text;

describe('normaliseAsciiPunctuation', () => {
  it('turns , ; : ? ! between Chinese characters into full-width marks', () => {
    expect(norm('改革,一直以来')).toBe('改革，一直以来');
    expect(norm('他说:我们来了;好')).toBe('他说：我们来了；好');
    expect(norm('真的吗?是的!')).toBe('真的吗？是的！');
  });

  it('handles marks before closing quotes and at the end of the text', () => {
    expect(norm('“金名片”,在')).toBe('“金名片”，在');
    expect(norm('真的?!')).toBe('真的？！');
    expect(norm('结束!')).toBe('结束！');
  });

  it('pairs parentheses around Chinese content', () => {
    expect(norm('雷甸镇(临杭产业新区)工作')).toBe('雷甸镇（临杭产业新区）工作');
    expect(norm('在2023年(去年)')).toBe('在2023年（去年）');
  });

  it('leaves decimals, versions, Latin text and parentheses around Latin alone', () => {
    expect(norm('增长3,5倍')).toBe('增长3,5倍');
    expect(norm('“兜底办”2.0版')).toBe('“兜底办”2.0版');
    expect(norm('版本v1.2,发布')).toBe('版本v1.2,发布');
    expect(norm('Hello, world (test)!')).toBe('Hello, world (test)!');
    expect(norm('浙江(Zhejiang)')).toBe('浙江(Zhejiang)');
  });

  it('never touches URLs or e-mail addresses', () => {
    expect(norm('见https://example.com/a?b=1,c!d')).toBe('见https://example.com/a?b=1,c!d');
    expect(norm('网址www.deqing.gov.cn/x?y=1')).toBe('网址www.deqing.gov.cn/x?y=1');
    expect(norm('邮箱a.b@deqing.cn')).toBe('邮箱a.b@deqing.cn');
  });

  it('reports every change at its UTF-16 offset and keeps the length', () => {
    const result = normaliseAsciiPunctuation('好,好(好)');
    expect(result.text.length).toBe('好,好(好)'.length);
    expect(result.changes).toEqual([
      { offset: 1, from: ',', to: '，' },
      { offset: 3, from: '(', to: '（' },
      { offset: 5, from: ')', to: '）' },
    ]);
  });
});

describe('normalisePunctuation command', () => {
  const s = storySchema;
  const story = s.node('doc', null, [
    s.node('headline', null, [s.text('标题,测试')]),
    s.node('columns', null, [s.node('paragraph', null, [s.text('改革,'), s.text('一直', [s.mark('bold')]), s.text('以来!网址https://a.cn/?x=1,y')])]),
  ]);

  it('normalises the whole story when the selection is empty, keeping marks and positions', () => {
    const state = EditorState.create({ doc: story });
    let next: EditorState | undefined;
    expect(normalisePunctuation(state, (tr) => (next = state.apply(tr)))).toBe(true);
    expect(next!.doc.textBetween(0, next!.doc.content.size, '|')).toBe('标题，测试|改革，一直以来！网址https://a.cn/?x=1,y');
    expect(next!.doc.content.size).toBe(story.content.size);
    let boldText = '';
    next!.doc.descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === 'bold')) boldText += n.text;
    });
    expect(boldText).toBe('一直');
  });

  it('limits itself to a non-empty selection', () => {
    const base = EditorState.create({ doc: story });
    const state = base.apply(base.tr.setSelection(TextSelection.create(story, 1, 6)));
    let next: EditorState | undefined;
    normalisePunctuation(state, (tr) => (next = state.apply(tr)));
    expect(next!.doc.textBetween(0, next!.doc.content.size, '|')).toBe('标题，测试|改革,一直以来!网址https://a.cn/?x=1,y');
  });

  it('answers false (and dispatches nothing) when there is nothing to change', () => {
    const clean = EditorState.create({ doc: s.node('doc', null, [s.node('headline', null, [s.text('标题，测试')])]) });
    expect(normalisePunctuation(clean)).toBe(false);
  });
});
