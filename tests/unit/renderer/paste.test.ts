import { describe, expect, it } from 'vitest';
import { Fragment, Slice } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { parsePlainText, plainParagraphsSlice } from '../../../src-renderer/editor/paste.js';

describe('paste filter', () => {
  it('reduces any slice to plain paragraphs without marks', () => {
    const pasted = new Slice(
      Fragment.from([
        s.node('headline', null, [s.text('标题')]),
        s.node('columns', null, [s.node('paragraph', null, [s.text('粗体', [s.mark('bold')]), s.text('正文'), s.node('hard_break'), s.text('下行')])]),
      ]),
      0,
      0,
    );
    const slice = plainParagraphsSlice(pasted, s);
    expect(slice.openStart).toBe(1);
    expect(slice.openEnd).toBe(1);
    const names: string[] = [];
    const texts: string[] = [];
    slice.content.forEach((n) => {
      names.push(n.type.name);
      texts.push(n.textContent);
      n.descendants((c) => void expect(c.marks).toHaveLength(0));
    });
    expect(names).toEqual(['paragraph', 'paragraph']);
    expect(texts).toEqual(['标题', '粗体正文 下行']);
  });

  it('parses plain text into one paragraph per non-blank line', () => {
    const slice = parsePlainText('第一段\r\n\n  第二段  \n', s);
    const texts: string[] = [];
    slice.content.forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(['第一段', '第二段']);
    expect(parsePlainText('\n\n', s).size).toBe(0);
  });

  it('merges a one-line paste into the block where it lands (a headline stays a headline)', () => {
    const doc = s.node('doc', null, [s.node('headline', null, [s.text('标题')])]);
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 3) });
    const next = state.apply(state.tr.replaceSelection(parsePlainText('新增', s)));
    expect(next.doc.childCount).toBe(1);
    expect(next.doc.firstChild!.type.name).toBe('headline');
    expect(next.doc.textContent).toBe('标题新增');
  });
});
