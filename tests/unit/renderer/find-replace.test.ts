import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createStoryEditorState } from '../../../src-renderer/editor/story-editor.js';
import { findMatches, nextMatch, replaceMatchesTr, selectedMatch } from '../../../src-renderer/editor/find-replace.js';

const story = {
  type: 'doc',
  content: [
    { type: 'headline', content: [{ type: 'text', text: '德清改革' }] },
    {
      type: 'columns',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '改革，' }, { type: 'text', text: '改革', marks: [{ type: 'bold' }] }, { type: 'field', attrs: { name: 'page' } }, { type: 'text', text: '改革 Folio folio' }] },
      ],
    },
  ],
};

describe('find', () => {
  const state = createStoryEditorState(story);

  it('finds each occurrence at its ProseMirror position, past marks and inline fields', () => {
    const matches = findMatches(state.doc, '改革', { caseSensitive: true });
    expect(matches).toHaveLength(4);
    for (const m of matches) expect(state.doc.textBetween(m.from, m.to)).toBe('改革');
    // The third follows a bold run and the fourth a field: positions still line up.
    expect(state.doc.textBetween(matches[3].from - 1, matches[3].to, undefined, '§')).toBe('§改革');
  });

  it('searches the text as it will read: struck text is never found, and a match runs across it', () => {
    const change = (type: string) => [{ type, attrs: { id: 'd1', author: '校对', createdAt: '' } }];
    const tracked = createStoryEditorState({
      type: 'doc',
      content: [{ type: 'paragraph', content: [
        { type: 'text', text: '改革' }, { type: 'text', text: '改革', marks: change('deletion') }, { type: 'text', text: '创新改革' },
      ] }],
    });
    const matches = findMatches(tracked.doc, '改革', { caseSensitive: true });
    expect(matches.map((m) => m.from)).toEqual([1, 7]);
    // 改[革 struck 改革]创: reads 革创, found from the first 革 to after 创 (the struck text lies inside).
    expect(findMatches(tracked.doc, '革创', { caseSensitive: true })).toEqual([{ from: 2, to: 6 }]);
    expect(findMatches(tracked.doc, '改革改革', { caseSensitive: true })).toEqual([]);
  });

  it('matches case-insensitively unless asked, never across blocks, nothing for an empty query', () => {
    expect(findMatches(state.doc, 'folio', { caseSensitive: false })).toHaveLength(2);
    expect(findMatches(state.doc, 'folio', { caseSensitive: true })).toHaveLength(1);
    // 德清改革 | 改革，改革§改革…: joined across the block boundary (or the field) these would match.
    expect(findMatches(state.doc, '改革改革', { caseSensitive: true })).toEqual([]);
    expect(findMatches(state.doc, '革改', { caseSensitive: true })).toEqual([]);
    expect(findMatches(state.doc, '改革，改', { caseSensitive: true })).toHaveLength(1);
    expect(findMatches(state.doc, '', { caseSensitive: true })).toEqual([]);
    expect(findMatches(state.doc, '(.*)', { caseSensitive: true })).toEqual([]);
  });

  it('steps forward and back, wrapping when asked', () => {
    const matches = [{ from: 2, to: 4 }, { from: 10, to: 12 }];
    expect(nextMatch(matches, 5, 1, false)).toEqual({ from: 10, to: 12 });
    expect(nextMatch(matches, 11, 1, false)).toBeUndefined();
    expect(nextMatch(matches, 11, 1, true)).toEqual({ from: 2, to: 4 });
    expect(nextMatch(matches, 10, -1, false)).toEqual({ from: 2, to: 4 });
    expect(nextMatch(matches, 3, -1, true)).toEqual({ from: 10, to: 12 });
  });
});

describe('replace', () => {
  it('replaces all in one transaction (one undo step), keeping marks', () => {
    let state = createStoryEditorState(story);
    const matches = findMatches(state.doc, '改革', { caseSensitive: true });
    state = state.apply(replaceMatchesTr(state, matches, '创新')!);
    expect(state.doc.textContent).toBe('德清创新创新，创新创新 Folio folio');
    expect(findMatches(state.doc, '改革', { caseSensitive: true })).toEqual([]);
    const para = state.doc.lastChild!.firstChild!;
    const bold: (string | undefined)[] = [];
    para.forEach((n) => { if (n.marks.some((m) => m.type.name === 'bold')) bold.push(n.text); });
    expect(bold).toEqual(['创新']);
    expect(replaceMatchesTr(state, [], 'x')).toBeNull();
  });

  it('deletes with an empty replacement; knows when the selection is a match', () => {
    let state = createStoryEditorState(story);
    const matches = findMatches(state.doc, 'Folio', { caseSensitive: true });
    expect(selectedMatch(state, matches)).toBeUndefined();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, matches[0].from, matches[0].to)));
    expect(selectedMatch(state, matches)).toEqual(matches[0]);
    state = state.apply(replaceMatchesTr(state, matches, '')!);
    expect(state.doc.lastChild!.textContent).toBe('改革，改革改革  folio');
  });
});
