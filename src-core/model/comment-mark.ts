/**
 * The `comment` mark: how a proofreader's comment (校对意见) is anchored to story text. The comment itself lives
 * in the mark's attributes, so adding, resolving and deleting one are ordinary story edits (undoable, saved with
 * the story, moved with the text). See story-schema.ts for the mark and comments.ts for reading them back.
 */

/** Name of the mark in the story schema. */
export const COMMENT_MARK = 'comment';

/** What a comment says. Every piece of text the comment covers carries the same attributes. */
export interface CommentAttrs {
  /** Unique in the document; pieces with the same id are one comment. */
  id: string;
  /** Who wrote it (as typed by the proofreader). */
  author: string;
  /** The comment. */
  text: string;
  /** When it was written, ISO 8601 (from the host's clock). */
  createdAt: string;
  /** Resolved comments stay in the story (the record) but are not shown on the page or in proof PDFs. */
  resolved: boolean;
}
