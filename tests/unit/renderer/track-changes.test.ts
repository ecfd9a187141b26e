import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { Fragment, Slice } from 'prosemirror-model';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { storyChanges } from '../../../src-core/model/tracked-change.js';
import { acceptChangeTransaction, rejectChangeTransaction, trackTransaction, UNTRACKED_META, untrackedBreakFix, type ChangeAuthor } from '../../../src-renderer/editor/track-changes.js';
import { findMatches, replaceMatchesTr } from '../../../src-renderer/editor/find-replace.js';

const s = storySchema;
const para = (...text: string[]) => s.node('paragraph', null, text.map((t) => s.text(t)));
const stateOf = (...paras: string[]) => EditorState.create({ schema: s, doc: s.node('doc', null, paras.map((t) => para(t))) });

function author(name = '校对甲'): ChangeAuthor {
  let n = 0;
  return { author: name, now: () => "2026-11-26T08:00:00.000Z", newId: () => `c${++n}${name === "校对甲" ? "" : `-${name}`}` };
}

/** The story's text with insertions in [+…] and deletions in [-…]; blocks split by |, a changed break as ¶. */
function marked(state: EditorState): string {
  const blocks: string[] = [];
  state.doc.descendants((block) => {
    if (!block.isTextblock) return true;
    let out = '';
    block.forEach((node) => {
      if (!node.isText) return;
      const ins = node.marks.some((m) => m.type.name === 'insertion');
      const del = node.marks.some((m) => m.type.name === 'deletion');
      // Both marks on one text would be a fault (text both added and struck): shown as [±…] so tests catch it.
      out += ins && del ? `[±${node.text}]` : ins ? `[+${node.text}]` : del ? `[-${node.text}]` : node.text;
    });
    const change = block.attrs.change as { kind: string } | null;
    if (change) out += change.kind === 'insertion' ? '[+¶]' : '[-¶]';
    blocks.push(out);
    return false;
  });
  return blocks.join('|').replace(/\](\[[+-])/g, ']$1').replace(/\[\+([^\]]*)\]\[\+/g, '[+$1').replace(/\[-([^\]]*)\]\[-/g, '[-$1');
}

const apply = (state: EditorState, make: (s: EditorState) => Transaction, who: ChangeAuthor, backward = false) => state.apply(trackTransaction(state, make(state), who, { backward }));

describe('tracking edits', () => {
  it('typing is inserted and marked; consecutive typing by one author is one change', () => {
    const who = author();
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.insertText('深化', 1), who);
    state = apply(state, (st) => st.tr.insertText('新', st.selection.from), who);
    expect(marked(state)).toBe('[+深化新]改革创新');
    const changes = storyChanges('s', state.doc);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'insertion', author: '校对甲', text: '深化新', id: 'c1' });
    // The caret follows the typing.
    expect(state.selection.from).toBe(4);
  });

  it('Backspace strikes text instead of removing it and puts the caret before it; runs of Backspace are one change', () => {
    const who = author();
    let state = stateOf('改革创新');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5)));
    state = apply(state, (st) => st.tr.delete(4, 5), who, true);
    expect(marked(state)).toBe('改革创[-新]');
    expect(state.selection.from).toBe(4);
    state = apply(state, (st) => st.tr.delete(3, 4), who, true);
    expect(marked(state)).toBe('改革[-创新]');
    expect(state.selection.from).toBe(3);
    expect(storyChanges('s', state.doc)).toHaveLength(1);
    // The text is all still there: the page leaves it out, the galley strikes it.
    expect(state.doc.textContent).toBe('改革创新');
  });

  it('Delete strikes forward and leaves the caret after the struck text', () => {
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.delete(1, 2), author());
    expect(marked(state)).toBe('[-改]革创新');
    expect(state.selection.from).toBe(2);
  });

  it('deleting one’s own insertion takes it out without a trace', () => {
    const who = author();
    let state = stateOf('改革');
    state = apply(state, (st) => st.tr.insertText('深化', 1), who);
    state = apply(state, (st) => st.tr.delete(2, 3), who, true);
    expect(marked(state)).toBe('[+深]改革');
    state = apply(state, (st) => st.tr.delete(1, 2), who, true);
    expect(marked(state)).toBe('改革');
    expect(storyChanges('s', state.doc)).toEqual([]);
  });

  it('typing over a selection strikes the old text and inserts the new after it', () => {
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.insertText('发展', 3, 5), author());
    expect(marked(state)).toBe('改革[-创新][+发展]');
    expect(state.selection.from).toBe(7);
  });

  it('replacing a match found across struck text strikes what the match reads and keeps the old strike', () => {
    const who = author();
    let state = stateOf('德旧清县');
    state = apply(state, (st) => st.tr.delete(2, 3), who);
    expect(marked(state)).toBe('德[-旧]清县');
    const matches = findMatches(state.doc, '德清', { caseSensitive: true });
    expect(matches).toEqual([{ from: 1, to: 4 }]);
    state = apply(state, (st) => replaceMatchesTr(st, matches, '武康')!, author('校对乙'));
    // (marked() merges neighbouring strikes pairwise only: 德 and 清 are 校对乙's, 旧 校对甲's.)
    expect(marked(state)).toBe('[-德旧][-清][+武康]县');
    // 校对乙's strike is one change around 校对甲's, which stays as it was.
    expect(storyChanges('s', state.doc).map((c) => [c.kind, c.author, c.text]).sort()).toEqual([
      ['deletion', '校对乙', '德清'], ['deletion', '校对甲', '旧'], ['insertion', '校对乙', '武康'],
    ].sort());
    // Accepting everything leaves the story as Find read it, replaced.
    state = state.apply(acceptChangeTransaction(state, null)!);
    expect(state.doc.textContent).toBe('武康县');
  });

  it('typing inside struck text inserts text that is not struck', () => {
    const who = author();
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.delete(2, 4), who);
    expect(marked(state)).toBe('改[-革创]新');
    // What the editor does when typing there: the new text carries the marks around it.
    state = apply(state, (st) => st.tr.insertText('X', 3), who);
    expect(marked(state)).toBe('改[-革][+X][-创]新');
  });

  it('a paste of two paragraphs is marked inserted, the break it brings too; reject takes it all back', () => {
    let state = stateOf('改革创新');
    const slice = new Slice(Fragment.from([para('甲乙'), para('丙丁')]), 1, 1);
    state = apply(state, (st) => st.tr.replace(3, 3, slice), author());
    expect(marked(state)).toBe('改革[+甲乙¶]|[+丙丁]创新');
    expect(marked(state.apply(rejectChangeTransaction(state, null)!))).toBe('改革创新');
    expect(marked(state.apply(acceptChangeTransaction(state, null)!))).toBe('改革甲乙|丙丁创新');
  });

  it('a paste into a block whose break is struck leaves that struck break after the pasted text', () => {
    let state = stateOf('改革创新', '发展');
    state = apply(state, (st) => st.tr.delete(5, 7), author(), true);
    expect(marked(state)).toBe('改革创新[-¶]|发展');
    const slice = new Slice(Fragment.from([para('甲'), para('乙')]), 1, 1);
    state = apply(state, (st) => st.tr.replace(3, 3, slice), author('校对乙'));
    expect(marked(state)).toBe('改革[+甲¶]|[+乙]创新[-¶]|发展');
    expect(marked(state.apply(rejectChangeTransaction(state, null)!))).toBe('改革创新|发展');
  });

  it('Enter splits a paragraph and marks the new break inserted; reject joins it back, accept keeps it', () => {
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.split(3), author());
    expect(marked(state)).toBe('改革[+¶]|创新');
    expect(state.selection.from).toBe(5);
    const [change] = storyChanges('s', state.doc);
    expect(change).toMatchObject({ kind: 'insertion', author: '校对甲', paragraphBreak: true, text: '¶', ranges: [{ fromPos: 3, toPos: 5 }] });
    expect(marked(state.apply(rejectChangeTransaction(state, change!.id)!))).toBe('改革创新');
    expect(marked(state.apply(acceptChangeTransaction(state, change!.id)!))).toBe('改革|创新');
  });

  it('joining two paragraphs (Backspace at a paragraph start) strikes the break; accept joins them, reject keeps them apart', () => {
    let state = stateOf('改革', '创新');
    state = apply(state, (st) => st.tr.delete(3, 5), author(), true);
    expect(marked(state)).toBe('改革[-¶]|创新');
    // The caret goes before the struck break: Backspace goes on into 改革.
    expect(state.selection.from).toBe(3);
    state = apply(state, (st) => st.tr.delete(2, 3), author(), true);
    expect(marked(state)).toBe('改[-革¶]|创新');
    expect(marked(state.apply(acceptChangeTransaction(state, null)!))).toBe('改创新');
    expect(marked(state.apply(rejectChangeTransaction(state, null)!))).toBe('改革|创新');
  });

  it('Delete at a paragraph end strikes the break and goes on into the next paragraph', () => {
    let state = stateOf('改革', '创新');
    state = apply(state, (st) => st.tr.delete(3, 5), author());
    expect(state.selection.from).toBe(5);
    state = apply(state, (st) => st.tr.delete(5, 6), author());
    expect(marked(state)).toBe('改革[-¶]|[-创]新');
  });

  it('joining at a break that was itself a tracked insertion removes it without a trace', () => {
    let state = stateOf('改革创新', '发展');
    state = apply(state, (st) => st.tr.split(3), author());
    expect(marked(state)).toBe('改革[+¶]|创新|发展');
    state = apply(state, (st) => st.tr.delete(3, 5), author(), true);
    expect(marked(state)).toBe('改革创新|发展');
    expect(storyChanges('s', state.doc)).toEqual([]);
  });

  it('a deletion across two paragraphs strikes the text of both and the break between them', () => {
    let state = stateOf('改革', '创新');
    state = apply(state, (st) => st.tr.delete(2, 6), author());
    expect(marked(state)).toBe('改[-革¶]|[-创]新');
    expect(marked(state.apply(acceptChangeTransaction(state, null)!))).toBe('改新');
  });

  it('an untracked split of a block whose break is changed leaves the change with the second half', () => {
    let state = stateOf('改革', '创新');
    state = apply(state, (st) => st.tr.delete(3, 5), author(), true);
    expect(marked(state)).toBe('改革[-¶]|创新');
    const split = state.tr.split(2);
    state = state.apply(untrackedBreakFix(split));
    expect(marked(state)).toBe('改|革[-¶]|创新');
  });

  it('another author’s typing next to a change starts a change of its own', () => {
    let state = stateOf('改革');
    state = apply(state, (st) => st.tr.insertText('甲', 3), author('校对甲'));
    state = apply(state, (st) => st.tr.insertText('乙', 4), author('编辑乙'));
    expect(storyChanges('s', state.doc).map((c) => `${c.author}:${c.text}`)).toEqual(['校对甲:甲', '编辑乙:乙']);
  });

  it('untracked and mark-only transactions pass through unchanged', () => {
    const state = stateOf('改革');
    const tr = state.tr.insertText('新', 1).setMeta(UNTRACKED_META, true);
    expect(trackTransaction(state, tr, author())).toBe(tr);
    const bold = state.tr.addMark(1, 3, s.marks.bold!.create());
    expect(state.apply(trackTransaction(state, bold, author())).doc.eq(state.apply(bold).doc)).toBe(true);
  });
});

describe('accepting and rejecting', () => {
  const edited = () => {
    const who = author();
    let state = stateOf('改革创新');
    state = apply(state, (st) => st.tr.insertText('发展', 3, 5), who);
    return state;
  };

  it('accept all keeps insertions and removes deletions; reject all does the opposite', () => {
    const state = edited();
    expect(state.apply(acceptChangeTransaction(state, null)!).doc.textContent).toBe('改革发展');
    expect(marked(state.apply(acceptChangeTransaction(state, null)!))).toBe('改革发展');
    expect(marked(state.apply(rejectChangeTransaction(state, null)!))).toBe('改革创新');
  });

  it('one change at a time; nothing to settle gives null', () => {
    const state = edited();
    const [deletion, insertion] = storyChanges('s', state.doc);
    expect(deletion!.kind).toBe('deletion');
    const once = state.apply(acceptChangeTransaction(state, insertion!.id)!);
    expect(marked(once)).toBe('改革[-创新]发展');
    expect(acceptChangeTransaction(once, 'nope')).toBeNull();
    expect(acceptChangeTransaction(stateOf('改革'), null)).toBeNull();
  });
});
