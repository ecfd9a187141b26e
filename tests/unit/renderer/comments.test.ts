/**
 * Comment transactions of the story editor: add over a selection (refused without one or without text),
 * resolve and reopen, delete — each one step of the story's undo history, leaving the text untouched.
 */
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { collectComments } from '../../../src-core/model/comments.js';
import type { FolioDocument } from '../../../src-core/model/document.js';
import { addCommentTransaction, deleteCommentTransaction, MAX_COMMENT_CHARS, setCommentResolvedTransaction } from '../../../src-renderer/editor/comments.js';
import { createStoryEditorState, folioKeymap } from '../../../src-renderer/editor/story-editor.js';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { formatUiMessage, isUiMessage, type UiMessage } from '../../../src-renderer/state/ui-message.js';

const attrs = { id: 'c1', author: '王校对', text: '请核实', createdAt: '2023-07-19T14:30:00.000Z', resolved: false };

function stateWith(text: string, from: number, to: number): EditorState {
  const state = createStoryEditorState({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/** The comments of a single-story document holding `state`'s doc. */
function commentsOf(state: EditorState) {
  return collectComments({ stories: { s: { id: 's', name: 's', doc: state.doc.toJSON() } } } as unknown as FolioDocument);
}

describe('comment transactions', () => {
  it('adds a comment over the selection; the text is unchanged', () => {
    const state = stateWith('德清县今年推进城乡一体化', 8, 13);
    const tr = addCommentTransaction(state, attrs) as Transaction;
    const next = state.apply(tr);
    expect(next.doc.textContent).toBe(state.doc.textContent);
    expect(commentsOf(next)).toMatchObject([{ id: 'c1', quote: '城乡一体化', author: '王校对', text: '请核实', resolved: false }]);
  });

  it('refuses without a selection, without a comment, or with one too long', () => {
    const english = createTranslator('en');
    const reason = (r: Transaction | UiMessage) => (isUiMessage(r) ? formatUiMessage(r, english) : 'a transaction');
    expect(reason(addCommentTransaction(stateWith('德清', 1, 1), attrs))).toBe('Select the text the comment is about first.');
    expect(reason(addCommentTransaction(stateWith('德清', 1, 3), { ...attrs, text: '  ' }))).toBe('Write the comment first.');
    expect(reason(addCommentTransaction(stateWith('德清', 1, 3), { ...attrs, text: '字'.repeat(MAX_COMMENT_CHARS + 1) }))).toBe('A comment holds at most 2,000 characters.');
  });

  it('resolves, reopens and deletes by id, each as one undoable step', () => {
    const added = stateWith('德清县今年推进城乡一体化', 8, 13);
    let state = added.apply(addCommentTransaction(added, attrs) as Transaction);
    state = state.apply(setCommentResolvedTransaction(state, 'c1', true)!);
    expect(commentsOf(state)[0]!.resolved).toBe(true);
    let undone: EditorState | undefined;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(commentsOf(undone!)[0]!.resolved).toBe(false);
    state = state.apply(setCommentResolvedTransaction(state, 'c1', false)!);
    expect(commentsOf(state)[0]!.resolved).toBe(false);
    state = state.apply(deleteCommentTransaction(state, 'c1')!);
    expect(commentsOf(state)).toEqual([]);
    expect(state.doc.textContent).toBe('德清县今年推进城乡一体化');
    expect(setCommentResolvedTransaction(state, 'c1', true)).toBeNull();
    expect(deleteCommentTransaction(state, 'c1')).toBeNull();
  });

  it('Ctrl+Alt+M asks for a comment only over a selection', () => {
    let asked = 0;
    const command = folioKeymap({ onCommentRequested: () => asked++ })['Mod-Alt-m']!;
    expect(command(stateWith('德清', 1, 1))).toBe(false);
    expect(command(stateWith('德清', 1, 3))).toBe(true);
    expect(asked).toBe(1);
  });
});
