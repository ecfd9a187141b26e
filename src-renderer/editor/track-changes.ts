/**
 * Tracked changes (修改留痕) as story transactions (the `insertion` and `deletion` marks, see
 * src-core/model/change-mark.ts).
 *
 * 1. `trackTransaction` rewrites an edit made while tracking is on, step by step on the state before it:
 *    - text it removes is kept and marked deleted, except text that was itself a tracked insertion, which
 *      simply goes, whoever added it (text that was never in the copy leaves no trace);
 *    - what it inserts is inserted after the kept text and marked inserted;
 *    - paragraph breaks are tracked on the block they end (its `change` attribute): Enter splits the block and
 *      marks the new break inserted; joining two blocks (Backspace at a block's start, Delete at its end) keeps
 *      them apart and marks the break deleted — unless the break was itself a tracked insertion, which simply
 *      goes; a deletion across blocks marks the breaks it crosses deleted too;
 *    - the caret lands where the edit put it: before the struck text after Backspace, after it otherwise;
 *    - a change next to one of the same kind by the same author joins it (one change per run of typing).
 * 2. `acceptChangeTransaction` / `rejectChangeTransaction` settle one change (or all of a story's): accepting
 *    an insertion or rejecting a deletion keeps the text (or break) and drops the mark; the other two remove
 *    the text (or join the two blocks).
 * 3. `untrackedBreakFix`: an untracked split of a block whose break carries a change moves that change to the
 *    second half (ProseMirror copies block attributes to both halves).
 * Each result is one transaction, so one undo step.
 */
import type { Mark, Node as PmNode, Slice } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping, ReplaceStep, type Step } from 'prosemirror-transform';
import { DELETION_MARK, INSERTION_MARK, type ChangeAttrs } from '../../src-core/model/change-mark.js';
import { breakChangeOf, changeAttrsOf, storyChanges, type BreakChange, type TrackedChange } from '../../src-core/model/tracked-change.js';
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

/** Whether a slice is only a block boundary: what splitting a textblock (Enter) inserts. */
function isBareSplit(slice: Slice): boolean {
  const { content, openStart, openEnd } = slice;
  return openStart === 1 && openEnd === 1 && content.childCount === 2
    && content.firstChild!.isTextblock && content.firstChild!.content.size === 0
    && content.lastChild!.isTextblock && content.lastChild!.content.size === 0;
}

/** Sets the change of the break ending the textblock whose content ends at `blockEnd` (null clears it). */
function setBreakChange(tr: Transaction, blockEnd: number, change: BreakChange | null): void {
  const $end = tr.doc.resolve(blockEnd);
  tr.setNodeMarkup($end.before(), undefined, { ...$end.parent.attrs, change });
}

/**
 * Whether [from, to) is exactly the break between two sibling textblocks: from the end of one's content to
 * the start of the next one's, in the same container.
 */
function isSiblingBreak(doc: PmNode, from: number, to: number): boolean {
  if (to - from !== 2) return false;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return $from.parent.isTextblock && $to.parent.isTextblock && $from.parentOffset === $from.parent.content.size && $to.parentOffset === 0
    && $from.depth === $to.depth && $from.node($from.depth - 1) === $to.node($to.depth - 1);
}

/**
 * Tracks a step that only splits or joins textblocks (see the module summary); returns the caret, or
 * undefined when the step is not one (it is then handled as text).
 */
function applyTrackedBreak(out: Transaction, step: ReplaceStep, who: ChangeAuthor, backward: boolean): number | undefined {
  const { from, to, slice } = step;
  if (from === to && isBareSplit(slice)) {
    out.step(step);
    // The first half keeps the block (and its attributes); the break after it is the new one.
    setBreakChange(out, from, { kind: 'insertion', ...newAttrs(who) });
    return from + slice.size;
  }
  if (slice.size !== 0 || !isSiblingBreak(out.doc, from, to)) return undefined;
  const existing = breakChangeOf(out.doc.resolve(from).parent.attrs);
  if (existing?.kind === 'insertion') {
    // A break that was never in the copy goes without a trace; the joined block ends with the next one's break.
    const nextChange = out.doc.resolve(to).parent.attrs.change as BreakChange | null;
    out.step(step);
    setBreakChange(out, out.doc.resolve(from).end(), nextChange);
    return from;
  }
  if (!existing) setBreakChange(out, from, { kind: 'deletion', ...(joinableBreakAttrs(out.doc, from, to, who) ?? newAttrs(who)) });
  // Past the struck break, so that deleting on goes on into the text.
  return backward ? from : to;
}

/** The attributes of a deletion by `who` right beside the break [from, to), to join it. */
function joinableBreakAttrs(doc: PmNode, from: number, to: number, who: ChangeAuthor): ChangeAttrs | undefined {
  return joinableAttrs(doc, from, DELETION_MARK, who) ?? joinableAttrs(doc, to, DELETION_MARK, who);
}

/** Marks deleted the breaks between sibling textblocks inside [from, to) that carry no change yet. */
function strikeBreaksBetween(out: Transaction, from: number, to: number, attrs: ChangeAttrs): void {
  const ends: number[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const end = pos + node.nodeSize - 1;
    if (end >= from && end + 2 <= to && !breakChangeOf(node.attrs) && isSiblingBreak(out.doc, end, end + 2)) ends.push(end);
    return false;
  });
  for (const end of ends) setBreakChange(out, end, { kind: 'deletion', ...attrs });
}

/**
 * After inserting [from, to): the breaks that now end blocks inside it are new (`inserted`), and the block
 * holding `to` ends with the break the insertion landed in (`landedIn`), when the insertion split blocks.
 */
function markPastedBreaks(out: Transaction, from: number, to: number, inserted: BreakChange, landedIn: BreakChange | null): void {
  const ends: number[] = [];
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const end = pos + node.nodeSize - 1;
    if (end >= from && end + 2 <= to && isSiblingBreak(out.doc, end, end + 2)) ends.push(end);
    return false;
  });
  if (ends.length === 0) return;
  for (const end of ends) setBreakChange(out, end, inserted);
  setBreakChange(out, out.doc.resolve(to).end(), landedIn);
}

/** Applies one replace step to `out` the tracked way; returns where the caret belongs afterwards. */
function applyTracked(out: Transaction, step: ReplaceStep, who: ChangeAuthor, backward: boolean): number {
  const { from, to, slice } = step;
  const breakCaret = applyTrackedBreak(out, step, who, backward);
  if (breakCaret !== undefined) return breakCaret;
  const pieces = from < to ? inlinePieces(out.doc, from, to) : [];
  if (from < to && pieces.length === 0) {
    // Only block structure goes (not a plain join of two paragraphs): not tracked.
    out.step(step);
    return out.mapping.map(to);
  }
  const stepsBefore = out.steps.length;
  if (pieces.some(([, , inserted, deleted]) => !inserted && !deleted)) {
    const attrs = joinableAttrs(out.doc, backward ? to : from, DELETION_MARK, who) ?? newAttrs(who);
    for (const [start, end, inserted, deleted] of pieces) {
      if (!inserted && !deleted) out.addMark(start, end, deletionType().create({ ...attrs }));
    }
    strikeBreaksBetween(out, from, to, attrs);
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
    // A paste of several paragraphs splits the block it lands in: that block's own break (and its change)
    // then ends the last pasted paragraph, and the breaks in between are new.
    const $at = out.doc.resolve(at);
    const landedIn = $at.parent.isTextblock ? ($at.parent.attrs.change as BreakChange | null) : null;
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
      markPastedBreaks(out, insertedFrom, insertedTo, { kind: 'insertion', ...attrs }, landedIn);
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
    const structure = step instanceof ReplaceStep && (step as unknown as { structure: boolean }).structure;
    const breakCaret = structure ? applyTrackedBreak(out, step as ReplaceStep, who, options.backward === true) : undefined;
    if (breakCaret !== undefined) {
      caret = breakCaret;
    } else if (step instanceof ReplaceStep && !structure) {
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
    .flatMap((c) => c.ranges.map((r) => ({ ...r, kind: c.kind, paragraphBreak: c.paragraphBreak === true })))
    .sort((a, b) => b.fromPos - a.fromPos);
  for (const { fromPos, toPos, kind, paragraphBreak } of ranges) {
    const keep = (kind === 'insertion') === accept;
    if (paragraphBreak) settleBreak(tr, fromPos, keep);
    else if (keep) tr.removeMark(fromPos, toPos, kind === 'insertion' ? insertionType() : deletionType());
    else tr.delete(fromPos, toPos);
  }
  return tr;
}

/**
 * Keeps the break ending the block whose content ends at `blockEnd` (its change is dropped) or removes it,
 * joining the next block on; the joined block then ends with the next block's break and its change.
 */
function settleBreak(tr: Transaction, blockEnd: number, keep: boolean): void {
  if (keep || !isSiblingBreak(tr.doc, blockEnd, blockEnd + 2)) {
    // (A break with no sibling after it — its next block was deleted since — has nothing to join.)
    setBreakChange(tr, blockEnd, null);
    return;
  }
  const nextChange = tr.doc.resolve(blockEnd + 2).parent.attrs.change as BreakChange | null;
  tr.join(blockEnd + 1);
  setBreakChange(tr, tr.doc.resolve(blockEnd).end(), nextChange);
}

/**
 * `tr` (an untracked edit) with the changes of split blocks' breaks moved to the second halves: splitting a
 * block copies its attributes to both halves, but only the second one ends with the break the change is about.
 */
export function untrackedBreakFix(tr: Transaction): Transaction {
  const firstHalves: number[] = [];
  tr.steps.forEach((step, i) => {
    // `tr.docs[i]` is the document the step applied to.
    if (step instanceof ReplaceStep && step.from === step.to && isBareSplit(step.slice) && breakChangeOf(tr.docs[i]!.resolve(step.from).parent.attrs)) {
      firstHalves.push(tr.mapping.slice(i + 1).map(step.from, -1));
    }
  });
  for (const end of firstHalves) setBreakChange(tr, end, null);
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
