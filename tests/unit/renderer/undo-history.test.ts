import { describe, expect, it } from 'vitest';
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { createStoryEditorState } from '../../../src-renderer/editor/story-editor.js';
import { UndoLedger } from '../../../src-renderer/state/undo-history.js';

const storyJson = { type: 'doc', content: [{ type: 'headline', content: [{ type: 'text', text: '标题' }] }] };
const depth = (s: EditorState) => ({ undo: undoDepth(s), redo: redoDepth(s) });
/** Transaction times 10 s apart: each typed piece is its own history event (beyond the 500 ms grouping). */
let clockMs = 1_000_000;

/** A story whose transactions are noted in the ledger, as the session does. */
function story(ledger: UndoLedger<string>, id: string) {
  let state = createStoryEditorState(storyJson);
  const apply = (tr: Transaction) => {
    const next = state.apply(tr);
    ledger.noteStoryChange(id, depth(state), depth(next));
    state = next;
  };
  return {
    type: (text: string) => apply(state.tr.insertText(text, 1).setTime((clockMs += 10_000))),
    undo: () => undo(state, apply),
    redo: () => redo(state, apply),
    text: () => state.doc.textContent,
  };
}

describe('one document-wide undo ledger', () => {
  it('interleaves story and frame steps in the order they happened', () => {
    const ledger = new UndoLedger<string>();
    const a = story(ledger, 'a');
    a.type('一');
    ledger.noteFrameEdit('move frame 1');
    expect(ledger.nextUndo()).toEqual({ kind: 'frame', edit: 'move frame 1' });
    ledger.undoFrame('redo move 1');
    expect(ledger.nextUndo()).toEqual({ kind: 'story', storyId: 'a' });
    expect(ledger.nextRedo()).toEqual({ kind: 'frame', edit: 'redo move 1' });
    a.undo();
    expect(a.text()).toBe('标题');
    expect(ledger.nextUndo()).toBeUndefined();
    expect(ledger.nextRedo()).toEqual({ kind: 'story', storyId: 'a' });
    a.redo();
    expect(a.text()).toBe('一标题');
    expect(ledger.nextRedo()).toEqual({ kind: 'frame', edit: 'redo move 1' });
    ledger.redoFrame('move frame 1 again');
    expect(ledger.nextUndo()).toEqual({ kind: 'frame', edit: 'move frame 1 again' });
  });

  it('a new edit clears the redo side', () => {
    const ledger = new UndoLedger<string>();
    const a = story(ledger, 'a');
    a.type('一');
    a.undo();
    expect(ledger.nextRedo()).toBeDefined();
    a.type('二');
    expect(ledger.nextRedo()).toBeUndefined();
  });

  it('an undo inside one story’s editor takes that story’s latest step even under a later frame step', () => {
    const ledger = new UndoLedger<string>();
    const a = story(ledger, 'a');
    const b = story(ledger, 'b');
    a.type('甲');
    b.type('乙');
    ledger.noteFrameEdit('resize');
    a.undo();
    expect(ledger.nextUndo()).toEqual({ kind: 'frame', edit: 'resize' });
    ledger.undoFrame('re-resize');
    expect(ledger.nextUndo()).toEqual({ kind: 'story', storyId: 'b' });
  });

  it('refuses to treat a story step as a frame step', () => {
    const ledger = new UndoLedger<string>();
    story(ledger, 'a').type('一');
    expect(() => ledger.undoFrame('x')).toThrow(RangeError);
  });
});
