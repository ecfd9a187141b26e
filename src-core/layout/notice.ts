/**
 * Composer notices: problems with the document's data (a style, field or story the template or issue does
 * not provide) rather than with how a page is drawn. Pages carry `LayoutWarning`s; the document layout
 * carries these, so preflight can list them next to the page warnings.
 */

import type { MessageKey } from '../i18n/messages/en.js';

/** What kind of data problem the composer met. */
export type ComposeNoticeCode =
  /** A block names a paragraph style (or a mark a character style) the template lacks; a fallback was used. */
  | 'missing-style'
  /** A style value the composer cannot use (e.g. a type size that is neither points nor a 号 name); a fallback was used. */
  | 'invalid-style'
  /** A `field` node has no value in this issue (e.g. lunarDate): it was set empty. */
  | 'missing-field'
  /** A text frame shows a story the document does not contain: the frame stays empty. */
  | 'missing-story'
  /** A frame thread loops back on itself or points at a missing frame: it was cut there. */
  | 'broken-thread'
  /** A node type the story schema does not know: its text was set as a paragraph. */
  | 'unknown-block';

/** One data problem found while composing. */
export interface ComposeNotice {
  code: ComposeNoticeCode;
  /** Human-readable explanation naming the style, field, story or frame. */
  message: string;
  storyId?: string;
  pageId?: string;
  frameId?: string;
  /** The catalogue message `message` says in English, so preflight says it in the reader's language (absent: a generic line quoting `message`). */
  key?: MessageKey;
  /** The values of `key`'s arguments. */
  values?: Readonly<Record<string, string | number>>;
}
