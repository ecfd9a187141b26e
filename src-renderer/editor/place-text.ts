/**
 * "Place text…" (置入稿件): a reporter's manuscript from the workspace becomes the text of a story, as one
 * undoable edit of that story.
 *
 * 1. The host reads the file (`readManuscript`: .docx, or plain text in UTF-8, UTF-16 or GB18030, identified
 *    by content) and returns its paragraphs.
 * 2. `manuscriptParts` recognises the structure the writer marked in plain text (part headings, datelines,
 *    signature lines, ASCII punctuation); the dialog lets the writer untick each part.
 * 3. `manuscriptStoryDoc` makes them story blocks: optionally the first as the headline and a following short
 *    记者/通讯员 line as the byline, the rest as body paragraphs, with the accepted parts applied.
 * 4. One ProseMirror transaction replaces the story's content, through the session like any edit: the page
 *    reflows, Ctrl+Z takes it back, and with Track changes on the old text is struck and the new marked inserted.
 *    A manuscript with a headline also names the story after it, in the same undo step.
 */
import { countCharacters } from '../../src-core/layout/story-text.js';
import type { PlacedManuscript } from '../../src-core/api/host-api.js';
import { displayCount, manuscriptStoryDoc, ManuscriptError, type ManuscriptLayout } from '../../src-core/model/manuscript.js';
import { recogniseManuscript, type ManuscriptPart } from '../../src-core/model/manuscript-structure.js';
import { storySchema } from '../../src-core/model/story-schema.js';
import { MAX_STORY_NAME_CHARS } from '../state/document-edits.js';
import type { FolioSession } from '../state/session.svelte.js';
import { currentTranslator, t } from '../state/i18n.svelte.js';
import { errorText, hostErrorText } from '../state/ui-message.js';
import { formatServiceMessage } from '../../src-core/i18n/service-message.js';

/**
 * File names the dialog lists (the host still checks every file by content). Old Word and WPS files are listed
 * too, so that picking one says how to convert it rather than leaving the reporter's file unexplained.
 */
export const MANUSCRIPT_FILE = /\.(docx?|wps|txt|text)$/i;

/**
 * Reads the manuscript at `path` for placing in story `storyId`. Problems (a read-only document, a file that
 * cannot be read) become the session's notice. Resolves to the manuscript, or undefined.
 */
export async function readManuscriptToPlace(session: FolioSession, storyId: string, path: string): Promise<PlacedManuscript | undefined> {
  const before = session.doc;
  if (!before?.stories[storyId]) return undefined;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: t('placeText.readOnly') };
    return undefined;
  }
  const read = await session.host.readManuscript({ path });
  if (!read.ok) {
    session.notice = { kind: 'error', text: t('placeText.failed', { file: path, error: hostErrorText(read.error, currentTranslator()) }) };
    return undefined;
  }
  // The document may have been closed or replaced while the file was read.
  if (session.doc?.id !== before.id || !session.doc.stories[storyId]) return undefined;
  return read.value;
}

/** The parts of a manuscript a writer may accept before placing it (manuscript-structure.ts). */
export function manuscriptParts(manuscript: PlacedManuscript, layout: ManuscriptLayout): ManuscriptPart[] {
  return recogniseManuscript(manuscript.paragraphs, displayCount(manuscript.paragraphs, layout));
}

/**
 * Places a manuscript read by `readManuscriptToPlace` as the text of story `storyId`, with the recognised
 * `parts` the writer accepted. Resolves to true when the text was placed.
 */
export function placeManuscript(session: FolioSession, storyId: string, manuscript: PlacedManuscript, layout: ManuscriptLayout, parts: readonly ManuscriptPart[] = []): boolean {
  if (!session.doc?.stories[storyId]) return false;
  let content;
  try {
    content = storySchema.nodeFromJSON(manuscriptStoryDoc(manuscript.paragraphs, layout, parts)).content;
  } catch (err) {
    session.notice = { kind: 'error', text: err instanceof ManuscriptError ? t('placeText.failed', { file: manuscript.name, error: formatServiceMessage(err.uiMessage, currentTranslator()) }) : errorText(err, currentTranslator()) };
    return false;
  }
  const state = session.storyState(storyId);
  // The story is now the manuscript: it takes the manuscript's headline as its name, in the same undo step.
  const headline = content.firstChild?.type.name === 'headline' ? content.firstChild.textContent.trim() : '';
  const name = [...headline].slice(0, MAX_STORY_NAME_CHARS).join('');
  session.applyStoryTransactions([{ storyId, tr: state.tr.replaceWith(0, state.doc.content.size, content) }], name ? { [storyId]: name } : {});
  session.openStory(storyId);
  const chars = manuscript.paragraphs.reduce((n, p) => n + countCharacters(p), 0);
  const encoding = manuscript.encoding ? manuscript.encoding.toUpperCase() : 'none';
  session.notice = { kind: 'info', text: t('placeText.placed', { file: manuscript.name, paragraphs: manuscript.paragraphs.length, chars, encoding }) };
  return true;
}
