/**
 * Text helpers shared by the review panels (CommentsPanel, ChangesPanel): quoting story text briefly, and the
 * byline of a comment or change.
 */
import type { FolioDocument } from '../../src-core/model/document.js';
import { formatDateTime } from './date-time.js';

/** Story text quoted in a review list is cut to this many characters (the full text is in the story). */
const QUOTE_CHARS = 24;

/** `text` cut to `QUOTE_CHARS` characters (code points) with an ellipsis when longer. */
export function shortQuote(text: string): string {
  const chars = [...text];
  return chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : text;
}

/**
 * "author · local time · story name" for a comment or change, the time in the user's locale
 * (`formatDateTime`); a missing author reads Anonymous and an unreadable time is left out.
 */
export function reviewByline(doc: FolioDocument | null | undefined, item: { author: string; createdAt: string; storyId: string }): string {
  const t = Date.parse(item.createdAt);
  const when = Number.isNaN(t) ? '' : ` · ${formatDateTime(new Date(t))}`;
  return `${item.author || 'Anonymous'}${when} · ${storyNameOf(doc, item.storyId)}`;
}

/** A story's name, or its id when the document has no such story. */
export function storyNameOf(doc: FolioDocument | null | undefined, storyId: string): string {
  return doc?.stories[storyId]?.name ?? storyId;
}
