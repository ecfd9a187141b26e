/**
 * Proofreaders' comments as story transactions (the `comment` mark, src-core/model/comment-mark.ts): adding one
 * over the selection, resolving or reopening it, deleting it. Each is one ProseMirror transaction, so it is one
 * step of the story's undo history and of the document's.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { COMMENT_MARK, type CommentAttrs } from '../../src-core/model/comment-mark.js';
import { commentPieces, type CommentPiece } from '../../src-core/model/comments.js';
import { storySchema } from '../../src-core/model/story-schema.js';
import type { UiMessage } from '../state/ui-message.js';

/** Longest comment accepted, characters: a proofreader's note, not an article. */
export const MAX_COMMENT_CHARS = 2000;

/**
 * Adds a comment over the selection.
 * @returns the transaction, or the reason (a message to show) when there is nothing to comment on or the comment is empty
 */
export function addCommentTransaction(state: EditorState, attrs: CommentAttrs): Transaction | UiMessage {
  const { from, to, empty } = state.selection;
  if (empty) return { key: 'storyEditor.commentNoSelection' };
  if (!attrs.text.trim()) return { key: 'storyEditor.commentEmpty' };
  if ([...attrs.text].length > MAX_COMMENT_CHARS) return { key: 'storyEditor.commentTooLong', values: { max: MAX_COMMENT_CHARS } };
  let hasText = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.isText) hasText = true;
    return !hasText;
  });
  if (!hasText) return { key: 'storyEditor.commentNoText' };
  return state.tr.addMark(from, to, storySchema.marks[COMMENT_MARK]!.create({ ...attrs })).setMeta('folio.comment', attrs.id);
}

/** Every text piece carrying the comment `id`, with its mark. */
function piecesOf(state: EditorState, id: string): CommentPiece[] {
  return commentPieces(state.doc).filter((piece) => piece.attrs.id === id);
}

/** Marks the comment resolved (or open again); null when the story has no such comment. */
export function setCommentResolvedTransaction(state: EditorState, id: string, resolved: boolean): Transaction | null {
  const pieces = piecesOf(state, id);
  if (pieces.length === 0) return null;
  const tr = state.tr;
  for (const { from, to, mark } of pieces) {
    tr.removeMark(from, to, mark);
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, resolved }));
  }
  return tr;
}

/** Deletes the comment (its text stays); null when the story has no such comment. */
export function deleteCommentTransaction(state: EditorState, id: string): Transaction | null {
  const pieces = piecesOf(state, id);
  if (pieces.length === 0) return null;
  const tr = state.tr;
  for (const { from, to, mark } of pieces) tr.removeMark(from, to, mark);
  return tr;
}
