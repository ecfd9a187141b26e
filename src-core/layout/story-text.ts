/**
 * Story text as the page reads it, for the web desk and scripts (`folio text`): what a CMS or a 融媒体
 * editor takes from the printed issue.
 *
 * 1. Order: stories placed on the pages first, in page order and, on a page, by their first frame's
 *    position (top to bottom, then left to right); then stories placed nowhere, by id.
 * 2. Blocks in story order, the body blocks of `columns` in theirs; each keeps its type (headline, byline,
 *    paragraph, subhead…), so a script can rebuild the structure.
 * 3. Text as set: tracked deletions are left out (the page reads as if changes were accepted) and a block
 *    whose paragraph break is deleted reads on into the next; fields are filled as the composer fills them,
 *    a hard break is a line feed; empty blocks are dropped.
 * 4. Characters (字数): code points that are not white space, as editors count copy.
 * Pure: the same document gives the same text.
 */
import type { FolioDocument, Page, PmNodeJson } from '../model/document.js';
import { isBreakDeletedJson, isDeletedJson } from '../model/tracked-change.js';
import { fieldValue, type FieldContext } from './fields.js';

/** One block of a story's text. */
export interface StoryTextBlock {
  /** The block's node type (its paragraph style key): headline, byline, paragraph, subhead … */
  readonly type: string;
  readonly text: string;
}

/** A story's text with where it is placed. */
export interface StoryText {
  readonly storyId: string;
  readonly name: string;
  /** Names of the pages showing the story, in page order (empty when it is placed nowhere). */
  readonly pages: readonly string[];
  readonly blocks: readonly StoryTextBlock[];
  /** Non-white-space code points of all blocks (字数). */
  readonly characters: number;
}

/** Counts the characters editors count: code points that are not white space. */
export function countCharacters(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** The text of every story of the document, in reading order (see the module summary). */
export function storyTexts(doc: FolioDocument): StoryText[] {
  const placed: { storyId: string; pageIndex: number; yPt: number; xPt: number }[] = [];
  const pagesOf = new Map<string, string[]>();
  doc.pages.forEach((page, pageIndex) => {
    for (const frame of page.frames) {
      if (frame.kind !== 'text' || !doc.stories[frame.storyId]) continue;
      const names = pagesOf.get(frame.storyId);
      if (!names) {
        pagesOf.set(frame.storyId, [page.name]);
        placed.push({ storyId: frame.storyId, pageIndex, yPt: frame.yPt, xPt: frame.xPt });
      } else if (names[names.length - 1] !== page.name) {
        names.push(page.name);
      }
    }
  });
  // A story threaded back onto an earlier page keeps the place of its first frame in page order.
  placed.sort((a, b) => a.pageIndex - b.pageIndex || a.yPt - b.yPt || a.xPt - b.xPt);
  const unplaced = Object.keys(doc.stories).filter((id) => !pagesOf.has(id)).sort();
  const firstPage = new Map(placed.map((p) => [p.storyId, p.pageIndex]));
  return [...placed.map((p) => p.storyId), ...unplaced].map((storyId) => {
    const story = doc.stories[storyId]!;
    const pageIndex = firstPage.get(storyId);
    const page: Page | undefined = pageIndex === undefined ? undefined : doc.pages[pageIndex];
    const blocks = storyBlocks(story.doc, { issue: doc.issue, page, pageIndex });
    return { storyId, name: story.name, pages: pagesOf.get(storyId) ?? [], blocks, characters: blocks.reduce((n, b) => n + countCharacters(b.text), 0) };
  });
}

/**
 * Characters (字数) of one story as the page reads it; fields count with the values of the story's first page.
 * Zero for a story the document does not have.
 */
export function storyCharacters(doc: FolioDocument, storyId: string): number {
  const story = doc.stories[storyId];
  if (!story) return 0;
  const pageIndex = doc.pages.findIndex((p) => p.frames.some((f) => f.kind === 'text' && f.storyId === storyId));
  const fields: FieldContext = pageIndex < 0 ? { issue: doc.issue } : { issue: doc.issue, page: doc.pages[pageIndex], pageIndex };
  return storyBlocks(story.doc, fields).reduce((n, b) => n + countCharacters(b.text), 0);
}

function storyBlocks(doc: PmNodeJson, fields: FieldContext): StoryTextBlock[] {
  const out: StoryTextBlock[] = [];
  const textOf = (block: PmNodeJson) => {
    let text = '';
    for (const inline of block.content ?? []) {
      if (isDeletedJson(inline.marks)) continue;
      if (inline.type === 'text') text += inline.text ?? '';
      else if (inline.type === 'hard_break') text += '\n';
      else if (inline.type === 'field') text += fieldValue(typeof inline.attrs?.name === 'string' ? inline.attrs.name : 'date', fields) ?? '';
    }
    return text;
  };
  const visit = (siblings: readonly PmNodeJson[]) => {
    // A block whose paragraph break is deleted reads on into the next one (as the composer sets them).
    let joined: StoryTextBlock | null = null;
    for (const block of siblings) {
      if (block.type === 'columns') {
        if (joined && joined.text.trim() !== '') out.push(joined);
        joined = null;
        visit(block.content ?? []);
        continue;
      }
      const current: StoryTextBlock = joined ? { type: joined.type, text: joined.text + textOf(block) } : { type: block.type, text: textOf(block) };
      if (isBreakDeletedJson(block)) {
        joined = current;
        continue;
      }
      joined = null;
      if (current.text.trim() !== '') out.push(current);
    }
    if (joined && joined.text.trim() !== '') out.push(joined);
  };
  visit(doc.content ?? []);
  return out;
}
