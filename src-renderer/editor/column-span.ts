/**
 * 变栏 in the story editor: the column-variation attrs of body paragraphs (issue 16) — `spanColumns`,
 * `spanFromColumn` (a straddle head's first column) and `sectionColumns` (a 变栏 section's column count) — each
 * set through a ProseMirror command, so it is one undo step like any other edit of the story.
 */
import type { Command, EditorState } from 'prosemirror-state';
import { MAX_SECTION_COLUMNS, MAX_SPAN_COLUMNS } from '../../src-core/model/column-variation.js';
import { BODY_BLOCKS } from '../../src-core/model/story-schema.js';

/** A paragraph's column span: one column (null), every column of its frame, or a count of 2 or more. */
export type ColumnSpan = number | 'all' | null;

/**
 * Span counts the editor offers besides "all columns": 2 to the broadsheet's 8 grid columns (a frame of more
 * columns is rare, and "all" covers it).
 */
export const SPAN_COUNT_CHOICES: readonly number[] = [2, 3, 4, 5, 6, 7, 8];

const BODY = new Set<string>(BODY_BLOCKS);

/** Whether `span` is a value the attr may hold. */
export function isColumnSpan(span: unknown): span is ColumnSpan {
  return span === null || span === 'all' || (typeof span === 'number' && Number.isInteger(span) && span >= 2 && span <= 20);
}

/**
 * Command: set the body paragraphs (paragraph, subhead, pull quote) of the selection across `span` columns
 * (null: back to one column). Headline-group blocks span the frame already and are left alone.
 * @throws RangeError for a span that is not one column, "all" or a whole count from 2 to 20
 */
export function setSpanColumns(span: ColumnSpan): Command {
  // i18n-exempt: a programmer's error (the editor offers only valid spans)
  if (!isColumnSpan(span)) throw new RangeError(`A paragraph spans "all" columns or 2 to 20 of them, not ${String(span)}.`);
  return setBodyAttr('spanColumns', span);
}

/** Command: set `key` to `value` on the body paragraphs of the selection (false when none changes). */
function setBodyAttr(key: 'spanColumns' | 'spanFromColumn' | 'sectionColumns', value: unknown): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      if (BODY.has(node.type.name) && node.attrs[key] !== value) tr.setNodeMarkup(pos, undefined, { ...node.attrs, [key]: value });
      return false;
    });
    if (!tr.docChanged) return false;
    dispatch?.(tr);
    return true;
  };
}

/** First columns the editor offers a straddle head, 0-based (shown from 1): the broadsheet's eight grid columns. */
export const SPAN_FROM_CHOICES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];
/** Column counts the editor offers a 变栏 section (1 is plain text). */
export const SECTION_COLUMN_CHOICES: readonly number[] = [2, 3, 4, 5, 6, 7, 8];

/**
 * Command: start the spans of the selection's body paragraphs at column `from` (0 at the left; 0 is stored as
 * no setting).
 * @throws RangeError for a column that is not a whole number from 0 to 19
 */
export function setSpanFromColumn(from: number): Command {
  // i18n-exempt: a programmer's error (the editor offers only valid columns)
  if (!Number.isInteger(from) || from < 0 || from >= MAX_SPAN_COLUMNS) throw new RangeError(`A span starts at column 0 to ${MAX_SPAN_COLUMNS - 1}, not ${from}.`);
  return setBodyAttr('spanFromColumn', from === 0 ? null : from);
}

/**
 * Command: make the selection's body paragraphs one 变栏 section of `count` columns (null or 1: plain text).
 * @throws RangeError for a count that is not null or a whole number from 1 to 8
 */
export function setSectionColumns(count: number | null): Command {
  // i18n-exempt: a programmer's error (the editor offers only valid counts)
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_SECTION_COLUMNS)) throw new RangeError(`A section has 1 to ${MAX_SECTION_COLUMNS} columns, not ${count}.`);
  return setBodyAttr('sectionColumns', count === null || count === 1 ? null : count);
}

/** The first spanned column (0-based) of the textblock holding the selection head. */
export function currentSpanFromColumn(state: EditorState): number {
  const from: unknown = state.selection.$head.parent.attrs.spanFromColumn;
  return typeof from === 'number' && Number.isInteger(from) && from >= 0 ? from : 0;
}

/** The 变栏 section column count of the textblock holding the selection head (null: plain text). */
export function currentSectionColumns(state: EditorState): number | null {
  const count: unknown = state.selection.$head.parent.attrs.sectionColumns;
  return typeof count === 'number' && Number.isInteger(count) && count >= 2 ? count : null;
}

/** The column span of the textblock holding the selection head (null: one column). */
export function currentSpanColumns(state: EditorState): ColumnSpan {
  const span: unknown = state.selection.$head.parent.attrs.spanColumns;
  return isColumnSpan(span) ? span : null;
}
