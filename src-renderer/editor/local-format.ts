/**
 * Local formatting commands (局部格式, issue 15): the story editor's overrides on a selection.
 *
 * 1. `selectionLocalFormat` reads what the local-formatting bar shows: per field, the one value every selected
 *    character has (inherited counts as a value, `null`), or `MIXED` when they differ.
 * 2. `setLocalFormat(patch)` changes the given fields on every character of the selection, keeping each
 *    character's other overrides, as one transaction (one undo step). A field set to null goes back to
 *    inheriting; a character left with no override loses its `local` mark. With an empty selection the change
 *    goes to the stored marks, so the next typed text takes it.
 * 3. `clearLocalFormat` removes every override from the selection (or the stored marks).
 * Only `local` marks change (AddMark/RemoveMark steps): tracked-change and comment marks on the same text are
 * untouched, and a tracked story records no text change for a formatting change.
 */
import type { Mark, MarkType, Node as PmNode } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import {
  isEmptyLocalFormat, LOCAL_FORMAT_FIELDS, LOCAL_MARK, LocalFormatSchema, localMarkAttrs, parseLocalFormat, sameLocalValue,
  type LocalFormat, type LocalFormatField,
} from '../../src-core/model/local-format.js';
import { storySchema } from '../../src-core/model/story-schema.js';

/** A field's value differs between the selected characters. */
export const MIXED = Symbol('mixed');

/** Per field: the common override (null = all inherit), or `MIXED`. */
export type SelectionLocalFormat = { [K in LocalFormatField]: NonNullable<LocalFormat[K]> | null | typeof MIXED };

/** A change to some fields: a value to set, or null to inherit again. */
export type LocalFormatPatch = { [K in LocalFormatField]?: NonNullable<LocalFormat[K]> | null };

const localType: MarkType = storySchema.marks[LOCAL_MARK]!;

function formatOfMarks(marks: readonly Mark[]): LocalFormat {
  const mark = localType.isInSet(marks);
  return mark ? (parseLocalFormat(mark.attrs) ?? {}) : {};
}

/** The text (and inline leaves) of the selection, with each one's own local formatting. */
function selectedInlines(state: EditorState): { node: PmNode; from: number; to: number }[] {
  const out: { node: PmNode; from: number; to: number }[] = [];
  for (const range of state.selection.ranges) {
    const from = range.$from.pos;
    const to = range.$to.pos;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      out.push({ node, from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to) });
      return false;
    });
  }
  return out;
}

/** What the local-formatting bar shows for the selection (module summary, 1). */
export function selectionLocalFormat(state: EditorState): SelectionLocalFormat {
  const formats = state.selection.empty
    ? [formatOfMarks(state.storedMarks ?? state.selection.$from.marks())]
    : selectedInlines(state).filter((i) => i.node.isText).map((i) => formatOfMarks(i.node.marks));
  const out: Record<string, unknown> = {};
  for (const field of LOCAL_FORMAT_FIELDS) {
    const first = formats[0]?.[field] ?? null;
    out[field] = formats.every((f) => sameLocalValue(f[field] ?? null, first)) ? first : MIXED;
  }
  return out as SelectionLocalFormat;
}

/** Whether a patch's values are all within the bounds of local formatting. */
export function isValidPatch(patch: LocalFormatPatch): boolean {
  return LocalFormatSchema.safeParse(patch).success;
}

function patched(format: LocalFormat, patch: LocalFormatPatch | null): LocalFormat {
  if (patch === null) return {};
  const next: Record<string, unknown> = { ...format };
  for (const field of LOCAL_FORMAT_FIELDS) {
    if (!(field in patch)) continue;
    const value = patch[field];
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
  }
  return next as LocalFormat;
}

function applyPatch(patch: LocalFormatPatch | null): Command {
  return (state, dispatch) => {
    if (patch !== null && !isValidPatch(patch)) return false;
    const tr = state.tr;
    if (state.selection.empty) {
      const next = patched(formatOfMarks(state.storedMarks ?? state.selection.$from.marks()), patch);
      if (isEmptyLocalFormat(next)) tr.removeStoredMark(localType);
      else tr.addStoredMark(localType.create(localMarkAttrs(next)));
      dispatch?.(tr);
      return true;
    }
    for (const { node, from, to } of selectedInlines(state)) {
      if (!node.isText) continue;
      const next = patched(formatOfMarks(node.marks), patch);
      if (isEmptyLocalFormat(next)) {
        if (localType.isInSet(node.marks)) tr.removeMark(from, to, localType);
      } else {
        tr.addMark(from, to, localType.create(localMarkAttrs(next)));
      }
    }
    if (!tr.docChanged) return false;
    dispatch?.(tr);
    return true;
  };
}

/** Command: set (or, with null, clear) the given fields of local formatting on the selection (summary, 2). */
export function setLocalFormat(patch: LocalFormatPatch): Command {
  return applyPatch(patch);
}

/** Command: remove all local formatting from the selection (summary, 3). */
export const clearLocalFormat: Command = applyPatch(null);

/** Whether the selection (or the caret's typing marks) has any local formatting to clear. */
export function hasLocalFormat(state: EditorState): boolean {
  if (state.selection.empty) return localType.isInSet(state.storedMarks ?? state.selection.$from.marks()) !== undefined;
  return selectedInlines(state).some((i) => localType.isInSet(i.node.marks) !== undefined);
}
