/**
 * Frame threads: which frames show a story, in which order, on which pages.
 *
 * 1. Index every text frame of every page (page order = document order).
 * 2. A thread starts at a frame no other frame points to (`nextFrameId`), and follows `nextFrameId`
 *    across pages. A link to a missing frame, to a frame of another story or back into the thread cuts the
 *    thread there (with a 'broken-thread' notice).
 * 3. Frames of a story left over (a loop with no head) start a thread of their own, first in page order.
 *    A story gets one thread: a second head showing the same story is left empty with a 'broken-thread' notice.
 * 4. Page numbers for jump lines come from page names (A03 → 3), else from the page's position.
 */
import type { FolioDocument, Page, TextFrame } from '../model/document.js';
import type { ComposeNotice } from './notice.js';

/** A text frame with the page it is on. */
export interface ThreadFrame {
  readonly frame: TextFrame;
  readonly pageIndex: number;
  readonly page: Page;
}

/** The frames showing one story, in reading order. */
export interface StoryThread {
  readonly storyId: string;
  readonly frames: readonly ThreadFrame[];
}

/**
 * The page number printed in jump lines (下转第N版): the trailing digits of the page name (A03 → 3),
 * else the page's 1-based position in the document.
 */
export function pageNumberOf(page: Page, pageIndex: number): number {
  const m = /(\d+)\s*$/.exec(page.name);
  return m ? Number(m[1]) : pageIndex + 1;
}

/** Finds every story thread of the document, in page order of their first frames. */
export function collectThreads(doc: FolioDocument, onNotice: (n: ComposeNotice) => void): StoryThread[] {
  const all: ThreadFrame[] = [];
  const byId = new Map<string, ThreadFrame>();
  doc.pages.forEach((page, pageIndex) => {
    for (const frame of page.frames) {
      if (frame.kind !== 'text') continue;
      const tf = { frame, pageIndex, page };
      all.push(tf);
      byId.set(frame.id, tf);
    }
  });
  const pointedTo = new Set<string>();
  for (const { frame } of all) if (frame.nextFrameId) pointedTo.add(frame.nextFrameId);

  const used = new Set<string>();
  const threads: StoryThread[] = [];
  /** The frame each story's thread starts in. */
  const firstFrameOf = new Map<string, string>();
  const follow = (head: ThreadFrame) => {
    const frames: ThreadFrame[] = [];
    let current: ThreadFrame | undefined = head;
    while (current) {
      frames.push(current);
      used.add(current.frame.id);
      const nextId: string | undefined = current.frame.nextFrameId;
      if (!nextId) break;
      const next = byId.get(nextId);
      const cut = !next ? `points at missing frame "${nextId}"` : used.has(nextId) ? `loops back to frame "${nextId}"`
        : next.frame.storyId !== head.frame.storyId ? `continues into frame "${nextId}" of story "${next.frame.storyId}"` : undefined;
      if (cut) {
        onNotice({ code: 'broken-thread', message: `Frame "${current.frame.id}" ${cut}; the thread ends there`, storyId: head.frame.storyId, frameId: current.frame.id, pageId: current.page.id });
        break;
      }
      current = next;
    }
    const first = firstFrameOf.get(head.frame.storyId);
    if (first) {
      // A story set twice would print its text twice: the later thread stays empty, and says why.
      onNotice({
        code: 'broken-thread',
        message: `Frame "${head.frame.id}" starts story "${head.frame.storyId}" again, which already runs from frame "${first}"; it is left empty (thread it on from the story's last frame instead)`,
        storyId: head.frame.storyId, frameId: head.frame.id, pageId: head.page.id,
      });
      return;
    }
    firstFrameOf.set(head.frame.storyId, head.frame.id);
    threads.push({ storyId: head.frame.storyId, frames });
  };
  for (const tf of all) if (!pointedTo.has(tf.frame.id)) follow(tf);
  for (const tf of all) if (!used.has(tf.frame.id)) follow(tf);
  return threads;
}
