/**
 * "Place text…" (置入稿件): a reporter's manuscript from the workspace becomes the text of a story, as one
 * undoable edit of that story.
 *
 * 1. The host reads the file (`readManuscript`: .docx, or plain text in UTF-8, UTF-16 or GB18030, identified
 *    by content) and returns its paragraphs.
 * 2. `manuscriptStoryDoc` makes them story blocks: optionally the first as the headline and a following short
 *    记者/通讯员 line as the byline, the rest as body paragraphs.
 * 3. One ProseMirror transaction replaces the story's content, through the session like any edit: the page
 *    reflows, Ctrl+Z takes it back, and with Track changes on the old text is struck and the new marked inserted.
 *    A manuscript with a headline also names the story after it, in the same undo step.
 */
import { countCharacters } from '../../src-core/layout/story-text.js';
import { manuscriptStoryDoc, ManuscriptError, type ManuscriptLayout } from '../../src-core/model/manuscript.js';
import { storySchema } from '../../src-core/model/story-schema.js';
import { MAX_STORY_NAME_CHARS } from '../state/document-edits.js';
import type { FolioSession } from '../state/session.svelte.js';

/**
 * File names the dialog lists (the host still checks every file by content). Old Word and WPS files are listed
 * too, so that picking one says how to convert it rather than leaving the reporter's file unexplained.
 */
export const MANUSCRIPT_FILE = /\.(docx?|wps|txt|text)$/i;

/**
 * Reads `path` and places it as the text of story `storyId`, then shows the story. Problems become the
 * session's notice and change nothing. Resolves to true when the text was placed.
 */
export async function placeTextFromPath(session: FolioSession, storyId: string, path: string, layout: ManuscriptLayout): Promise<boolean> {
  const before = session.doc;
  if (!before?.stories[storyId]) return false;
  if (session.readOnly) {
    session.notice = { kind: 'error', text: 'This document is open read-only: save a copy (Save As) to place text.' };
    return false;
  }
  const read = await session.host.readManuscript({ path });
  if (!read.ok) {
    session.notice = { kind: 'error', text: `Could not place ${path}: ${read.error.message}` };
    return false;
  }
  // The document may have been closed or replaced while the file was read.
  if (session.doc?.id !== before.id || !session.doc.stories[storyId]) return false;
  const manuscript = read.value;
  let content;
  try {
    content = storySchema.nodeFromJSON(manuscriptStoryDoc(manuscript.paragraphs, layout)).content;
  } catch (err) {
    session.notice = { kind: 'error', text: err instanceof ManuscriptError ? `Could not place ${path}: ${err.message}` : (err as Error).message };
    return false;
  }
  const state = session.storyState(storyId);
  // The story is now the manuscript: it takes the manuscript's headline as its name, in the same undo step.
  const headline = content.firstChild?.type.name === 'headline' ? content.firstChild.textContent.trim() : '';
  const name = [...headline].slice(0, MAX_STORY_NAME_CHARS).join('');
  session.applyStoryTransactions([{ storyId, tr: state.tr.replaceWith(0, state.doc.content.size, content) }], name ? { [storyId]: name } : {});
  session.openStory(storyId);
  const chars = manuscript.paragraphs.reduce((n, p) => n + countCharacters(p), 0);
  const readAs = manuscript.encoding ? `, read as ${manuscript.encoding.toUpperCase()}` : '';
  session.notice = { kind: 'info', text: `Placed ${manuscript.name}: ${manuscript.paragraphs.length} paragraphs, ${chars.toLocaleString('en')} characters${readAs}.` };
  return true;
}
