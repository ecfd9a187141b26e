/**
 * Tracked changes (修改留痕) as story transactions (the `insertion` and `deletion` marks, see
 * src-core/model/change-mark.ts).
 *
 * 1. `trackTransaction` rewrites an edit made while tracking is on, step by step on the state before it:
 *    - text it removes is kept and marked deleted, except text that was itself a tracked insertion, which
 *      simply goes, whoever added it (text that was never in the copy leaves no trace);
 *    - what it inserts is inserted after the kept text and marked inserted;
 *    - a step that only joins or splits blocks (no text removed) is applied as it is: paragraph breaks are
 *      not tracked;
 *    - the caret lands where the edit put it: before the struck text after Backspace, after it otherwise;
 *    - a change next to one of the same kind by the same author joins it (one change per run of typing).
 * 2. `acceptChangeTransaction` / `rejectChangeTransaction` settle one change (or all of a story's): accepting
 *    an insertion or rejecting a deletion keeps the text and drops the mark; the other two remove the text.
 * Each result is one transaction, so one undo step.
 */
import type { Mark, Node as PmNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping, ReplaceStep, type Step } from 'prosemirror-transform';
import { DELETION_MARK, INSERTION_MARK, type ChangeAttrs } from '../../src-core/model/change-mark.js';
import { changeAttrsOf, storyChanges, type TrackedChange } from '../../src-core/model/tracked-change.js';
import { storySchema } from '../../src-core/model/story-schema.js';

/** Meta key on transactions that must never be tracked (accepting, rejecting, undo). */
export const UNTRACKED_META = 'folio.untracked';

/** Who is making tracked edits, and how to stamp a new change. */
export interface ChangeAuthor {
  author: string;
  /** The time to stamp, ISO 8601. */
  now(): string;
  /** A fresh change id. */
  newId(): string;
}

/** How the edit was made, where it matters for the caret. */
export interface TrackOptions {
  /** The edit deleted backwards (Backspace): the caret goes before the text it struck. */
  backward?: boolean;
}

const insertionType = () => storySchema.marks[INSERTION_MARK]!;
const deletionType = () => storySchema.marks[DELETION_MARK]!;

function markOfType(marks: readonly Mark[], name: string): Mark | undefined {
  return marks.find((m) => m.type.name === name);
}

/** The attributes of a change of `name` by `who.author` touching `pos` (before or after), for a run to join. */
function joinableAttrs(doc: PmNode, pos: number, name: string, who: ChangeAuthor): ChangeAttrs | undefined {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node && markOfType(node.marks, name);
    const attrs = mark && changeAttrsOf(mark.attrs);
    if (attrs && attrs.author === who.author) return attrs;
  }
  return undefined;
}

function newAttrs(who: ChangeAuthor): ChangeAttrs {
  return { id: who.newId(), author: who.author, createdAt: who.now() };
}

/** Inline pieces of [from, to): [start, end, is a tracked insertion, is already deleted]. */
function inlinePieces(doc: PmNode, from: number, to: number): [number, number, boolean, boolean][] {
  const pieces: [number, number, boolean, boolean][] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    if (end > start) pieces.push([start, end, !!markOfType(node.marks, INSERTION_MARK), !!markOfType(node.marks, DELETION_MARK)]);
    return false;
  });
  return pieces;
}

/** Applies one replace step to `out` the tracked way; returns where the caret belongs afterwards. */
function applyTracked(out: Transaction, step: ReplaceStep, who: ChangeAuthor, backward: boolean): number {
  const { from, to, slice } = step;
  const pieces = from < to ? inlinePieces(out.doc, from, to) : [];
  if (from < to && pieces.length === 0) {
    // Only block boundaries go (a paragraph join): not tracked.
    out.step(step);
    return out.mapping.map(to);
  }
  const stepsBefore = out.steps.length;
  if (pieces.some(([, , inserted, deleted]) => !inserted && !deleted)) {
    const attrs = joinableAttrs(out.doc, backward ? to : from, DELETION_MARK, who) ?? newAttrs(who);
    for (const [start, end, inserted, deleted] of pieces) {
      if (!inserted && !deleted) out.addMark(start, end, deletionType().create({ ...attrs }));
    }
  }
  // Taking back a tracked insertion removes it; from the end, so earlier positions stay put.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const [start, end, inserted] = pieces[i]!;
    if (inserted) out.delete(start, end);
  }
  const removed = new Mapping(out.mapping.maps.slice(stepsBefore));
  let caret = backward ? removed.map(from, -1) : removed.map(to);
  if (slice.size > 0) {
    const at = removed.map(to);
    const attrs = joinableAttrs(out.doc, at, INSERTION_MARK, who) ?? newAttrs(who);
    out.replace(at, at, slice);
    let insertedFrom = at;
    let insertedTo = at;
    out.steps[out.steps.length - 1]!.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      insertedFrom = newStart;
      insertedTo = newEnd;
    });
    if (insertedTo > insertedFrom) {
      // Typed inside struck text, the new text took the deletion mark from its neighbours: it is not deleted.
      out.removeMark(insertedFrom, insertedTo, deletionType());
      out.addMark(insertedFrom, insertedTo, insertionType().create({ ...attrs }));
    }
    caret = insertedTo;
  }
  return caret;
}

/**
 * The tracked form of an edit `tr` made on `state` (see the module summary), or `tr` itself when it changes
 * no text or must not be tracked (UNTRACKED_META, history steps). Steps other than plain replacements (mark
 * and attribute changes, block wrapping) are applied as they are.
 */
export function trackTransaction(state: EditorState, tr: Transaction, who: ChangeAuthor, options: TrackOptions = {}): Transaction {
  if (!tr.docChanged || tr.getMeta(UNTRACKED_META) || tr.getMeta('history$')) return tr;
  const out = state.tr;
  let caret: number | undefined;
  for (let i = 0; i < tr.steps.length; i++) {
    // The step as it applies to what `out` holds now: back through the original steps before it, forward
    // through what `out` did instead.
    const toOut = new Mapping();
    for (let j = i - 1; j >= 0; j--) toOut.appendMap(tr.steps[j]!.getMap().invert());
    for (const map of out.mapping.maps) toOut.appendMap(map);
    const step: Step | null = tr.steps[i]!.map(toOut);
    if (!step) continue;
    if (step instanceof ReplaceStep && !(step as unknown as { structure: boolean }).structure) {
      caret = applyTracked(out, step, who, options.backward === true);
    } else {
      out.step(step);
      caret = undefined;
    }
  }
  if (caret !== undefined) out.setSelection(TextSelection.create(out.doc, Math.min(caret, out.doc.content.size)));
  else out.setSelection(tr.selection.map(out.doc, new Mapping()));
  if (tr.scrolledIntoView) out.scrollIntoView();
  // Every meta the edit carried (history grouping, paste, input type), whatever plugin set it: Transaction
  // offers no way to list them, so they are copied from its meta table.
  for (const [key, value] of Object.entries((tr as unknown as { meta: Record<string, unknown> }).meta)) out.setMeta(key, value);
  return out;
}

function settle(state: EditorState, changes: readonly TrackedChange[], accept: boolean): Transaction | null {
  if (changes.length === 0) return null;
  const tr = state.tr.setMeta(UNTRACKED_META, true);
  // From the end of the story, so the ranges of changes not yet settled stay valid.
  const ranges = changes
    .flatMap((c) => c.ranges.map((r) => ({ ...r, kind: c.kind })))
    .sort((a, b) => b.fromPos - a.fromPos);
  for (const { fromPos, toPos, kind } of ranges) {
    const keepText = (kind === 'insertion') === accept;
    if (keepText) tr.removeMark(fromPos, toPos, kind === 'insertion' ? insertionType() : deletionType());
    else tr.delete(fromPos, toPos);
  }
  return tr;
}

/** Accepts the change `id` (all of the story's when `id` is null); null when there is nothing to accept. */
export function acceptChangeTransaction(state: EditorState, id: string | null): Transaction | null {
  return settle(state, storyChanges('', state.doc).filter((c) => id === null || c.id === id), true);
}

/** Rejects the change `id` (all of the story's when `id` is null); null when there is nothing to reject. */
export function rejectChangeTransaction(state: EditorState, id: string | null): Transaction | null {
  return settle(state, storyChanges('', state.doc).filter((c) => id === null || c.id === id), false);
}
