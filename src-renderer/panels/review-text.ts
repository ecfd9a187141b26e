/**
 * Text helpers shared by the review panels (CommentsPanel, ChangesPanel): quoting story text briefly, and the
 * byline of a comment or change.
 */
import type { Translator } from '../../src-core/i18n/translator.js';
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
 * Who signed a comment or change: its author, or — for one left unsigned (comments and tracked changes alike
 * store '' then) — the one placeholder `review.anonymous` (匿名 / Anonymous) in the interface language.
 */
export function reviewAuthor(author: string, translator: Pick<Translator, 't'>): string {
  return author.trim() || translator.t('review.anonymous');
}

/**
 * "author · local time · story name" for a comment or change, in the interface language of `translator`
 * (`formatDateTime`); an unsigned one reads `reviewAuthor`'s placeholder and an unreadable time is left out.
 */
export function reviewByline(
  doc: FolioDocument | null | undefined,
  item: { author: string; createdAt: string; storyId: string },
  translator: Pick<Translator, 't' | 'formatDate'>,
): string {
  const ms = Date.parse(item.createdAt);
  const author = reviewAuthor(item.author, translator);
  const story = storyNameOf(doc, item.storyId);
  if (Number.isNaN(ms)) return translator.t('review.bylineUndated', { author, story });
  return translator.t('review.byline', { author, when: formatDateTime(new Date(ms), translator), story });
}

/** A story's name, or its id when the document has no such story. */
export function storyNameOf(doc: FolioDocument | null | undefined, storyId: string): string {
  return doc?.stories[storyId]?.name ?? storyId;
}
