/**
 * Where tracked changes sit on a page, from the composed lines' caret positions (the data the canvas
 * hit-tests with), so the overlay and the proof PDF mark the same places.
 *
 * 1. An insertion covers its text: one rectangle per line it touches (as for comments).
 * 2. A deletion is not set, so it has no text to cover: it is marked at the cut, a zero-width rectangle the
 *    height of the line where its first position falls.
 * 3. A changed paragraph break is marked where the first block's text ends: a deleted break at the cut (the
 *    page runs the two blocks together there), an inserted one as a short mark after the end of the line
 *    the new break ends (half the line's height wide), so there is something to underline.
 */
import type { TrackedChange } from '../model/tracked-change.js';
import { commentRects } from './comment-rects.js';
import type { PageLayout, RectPt } from './page-layout.js';

/** A tracked change and where it is marked on one page (layout points, top-left origin). */
export interface ChangeMark {
  change: TrackedChange;
  /** Insertions: the text's rectangles; deletions: one zero-width rectangle at the cut. */
  rects: RectPt[];
}

/** The rectangle of the cut where a deletion starting at `pos` was, on this page; undefined when not here. */
function cutRect(layout: PageLayout, storyId: string, pos: number): RectPt | undefined {
  // A cut at the very end of a line belongs to the next line when there is one: lines holding `pos` before
  // their end first, then a line ending there.
  for (const atEnd of [false, true]) {
    for (const line of layout.lines) {
      if (line.storyId !== storyId || pos < line.fromPos || pos > line.toPos || (pos === line.toPos) !== atEnd) continue;
      const x = line.caretXPt[pos - line.fromPos];
      if (x !== undefined) return { xPt: x, yPt: line.rect.yPt, widthPt: 0, heightPt: line.rect.heightPt };
    }
  }
  return undefined;
}

/** The marks of `changes` that fall on this page, in the order given. */
export function changeMarks(layout: PageLayout, changes: readonly TrackedChange[]): ChangeMark[] {
  const out: ChangeMark[] = [];
  for (const change of changes) {
    if (change.paragraphBreak) {
      const cut = cutRect(layout, change.storyId, change.ranges[0]!.fromPos);
      if (cut) out.push({ change, rects: [change.kind === 'insertion' ? { ...cut, widthPt: cut.heightPt / 2 } : cut] });
    } else if (change.kind === 'insertion') {
      const rects = commentRects(layout, change.storyId, change.ranges);
      if (rects.length > 0) out.push({ change, rects });
    } else {
      const cut = cutRect(layout, change.storyId, change.ranges[0]!.fromPos);
      if (cut) out.push({ change, rects: [cut] });
    }
  }
  return out;
}
