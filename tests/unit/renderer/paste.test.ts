import { describe, expect, it } from 'vitest';
import { Fragment, Slice } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { MAX_PASTE_CHARS, parsePlainText, pasteRefusal, plainParagraphsSlice } from '../../../src-renderer/editor/paste.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatUiMessage } from '../../../src-renderer/state/ui-message.js';

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

describe('pasteRefusal: pastes too large to set are turned away before parsing', () => {
  it('lets a book-length paste through and refuses a 200 MB one with sizes and what to do', () => {
    expect(pasteRefusal(MAX_PASTE_CHARS, 0)).toBeNull();
    expect(pasteRefusal(5_000, 60_000)).toBeNull();
    const refusal = pasteRefusal(100 * 1024 * 1024, 0);
    const message = refusal && formatUiMessage(refusal, createTranslator('en'));
    expect(message).toMatch(/^Nothing was pasted: the clipboard holds 104,857,600 characters \(about 200 MB\)/);
    expect(message).toContain('at most 1,000,000 characters');
    expect(message).toMatch(/paste the text in parts/);
    expect(refusal && formatUiMessage(refusal, createTranslator('zh-CN'))).toMatch(/^未粘贴：剪贴板中有 104,857,600 个字符（约 200 MB）/);
  });

  it('judges clipboard HTML by its own, larger allowance (markup around the text)', () => {
    expect(pasteRefusal(10_000, 4 * MAX_PASTE_CHARS)).toBeNull();
    expect(pasteRefusal(10_000, 9 * MAX_PASTE_CHARS)).not.toBeNull();
  });
});
