/**
 * The `insertion` and `deletion` marks: how tracked changes (修改留痕) are kept on story text. Who made a
 * change and when live in the mark's attributes. See story-schema.ts for the marks and tracked-change.ts for
 * reading changes back.
 */

/** Name of the mark on inserted text. */
export const INSERTION_MARK = 'insertion';
/** Name of the mark on deleted text. */
export const DELETION_MARK = 'deletion';

/** Who made a change and when. Every piece of text of one change carries the same attributes. */
export interface ChangeAttrs {
  /** Unique in the document; pieces with the same id (and kind) are one change. */
  id: string;
  /** Who made it (as typed by the editor or proofreader). */
  author: string;
  /** When, ISO 8601 (from the host's clock). */
  createdAt: string;
}
