/**
 * 变栏 in the story editor: the `spanColumns` attr of body paragraphs (issue 16), set through a ProseMirror
 * command, so it is one undo step like any other edit of the story.
 */
import type { Command, EditorState } from 'prosemirror-state';
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
  if (!isColumnSpan(span)) throw new RangeError(`A paragraph spans "all" columns or 2 to 20 of them, not ${String(span)}.`);
  return (state, dispatch) => {
    const { from, to } = state.selection;
    const tr = state.tr;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      if (BODY.has(node.type.name) && node.attrs.spanColumns !== span) tr.setNodeMarkup(pos, undefined, { ...node.attrs, spanColumns: span });
      return false;
    });
    if (!tr.docChanged) return false;
    dispatch?.(tr);
    return true;
  };
}

/** The column span of the textblock holding the selection head (null: one column). */
export function currentSpanColumns(state: EditorState): ColumnSpan {
  const span: unknown = state.selection.$head.parent.attrs.spanColumns;
  return isColumnSpan(span) ? span : null;
}
