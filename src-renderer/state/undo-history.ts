/**
 * One undo history for the whole document (ARCHITECTURE.md rule 3): story edits and frame edits interleaved
 * in the order they happened. Each story keeps its own ProseMirror history (the editor's Ctrl+Z works on the
 * open story); this ledger records *which* history holds each step, so a document-wide undo (canvas Ctrl+Z,
 * Edit menu) takes back the latest step wherever it was made.
 *
 * 1. `noteStoryChange` compares a story's undo/redo depths before and after a transaction: a new undo step
 *    is an edit (pushed; the redo side is cleared), a step moved from undo to redo is an undo, the reverse a
 *    redo. Transactions that join an existing history group change no depth and leave the ledger alone.
 * 2. `noteFrameEdit` records a frame move/resize (the caller keeps the geometry to restore).
 * 3. `nextUndo` / `nextRedo` say where the next document-wide step lives; the caller performs it (running
 *    ProseMirror's undo on that story, or restoring the frame) and the ledger is updated by the same notes.
 */

/** A step in the document history: in a story's ProseMirror history, or a frame edit. */
export type HistoryStep<F> = { kind: 'story'; storyId: string } | { kind: 'frame'; edit: F };

/** Undo and redo depth of one story's ProseMirror history. */
export interface HistoryDepth {
  undo: number;
  redo: number;
}

/** The document-wide undo ledger (see module summary). `F` is the caller's frame-edit record. */
export class UndoLedger<F> {
  private done: HistoryStep<F>[] = [];
  private undone: HistoryStep<F>[] = [];

  /** Records what a story transaction did to that story's history. */
  noteStoryChange(storyId: string, before: HistoryDepth, after: HistoryDepth): void {
    if (after.undo > before.undo && after.redo < before.redo) {
      this.move(this.undone, this.done, storyId);
    } else if (after.undo > before.undo) {
      this.done.push({ kind: 'story', storyId });
      this.undone = [];
    } else if (after.undo < before.undo) {
      this.move(this.done, this.undone, storyId);
    }
  }

  /** Records a new frame edit (clears the redo side). */
  noteFrameEdit(edit: F): void {
    this.done.push({ kind: 'frame', edit });
    this.undone = [];
  }

  /** Takes the latest frame step off the undo side (the caller restores it) and keeps `redoEdit` for redo. */
  undoFrame(redoEdit: F): void {
    const step = this.done.pop();
    if (step?.kind !== 'frame') throw new RangeError('The latest step is not a frame edit.');
    this.undone.push({ kind: 'frame', edit: redoEdit });
  }

  /** Takes the latest frame step off the redo side and keeps `undoEdit` for undo. */
  redoFrame(undoEdit: F): void {
    const step = this.undone.pop();
    if (step?.kind !== 'frame') throw new RangeError('The next redo step is not a frame edit.');
    this.done.push({ kind: 'frame', edit: undoEdit });
  }

  /** Where the next document-wide undo lives, or undefined when there is nothing to undo. */
  nextUndo(): HistoryStep<F> | undefined {
    return this.done.at(-1);
  }

  /** Where the next document-wide redo lives. */
  nextRedo(): HistoryStep<F> | undefined {
    return this.undone.at(-1);
  }

  /** Forgets everything (a new document). */
  clear(): void {
    this.done = [];
    this.undone = [];
  }

  private move(from: HistoryStep<F>[], to: HistoryStep<F>[], storyId: string): void {
    // The editor may undo its own story while a later frame step exists: take that story's latest step.
    for (let i = from.length - 1; i >= 0; i--) {
      const step = from[i];
      if (step.kind === 'story' && step.storyId === storyId) {
        from.splice(i, 1);
        to.push(step);
        return;
      }
    }
  }
}
