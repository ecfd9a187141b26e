/**
 * Where a comment's text sits on a page: one rectangle per line it touches, from the composed lines' caret
 * positions (the same data the page canvas hit-tests with). Drawn as highlights by the canvas overlay and
 * written as PDF highlight annotations by the proof exporter, so screen and proof agree.
 *
 * 1. `commentRects` covers the comment's ranges line by line; text a tracked deletion struck is not set (the
 *    page reads as accepted), so it adds no width.
 * 2. `commentMark` keeps the rectangles that cover set text; when a tracked deletion struck all of the
 *    comment's text, every rectangle has zero width and would mark nothing, so the comment is marked by one
 *    caret-sized rectangle centred on the cut instead (`struck`): the overlay and the proof draw a note there.
 */
import type { PosRange } from '../model/comments.js';
import type { PageLayout, RectPt } from './page-layout.js';

/**
 * Width of a struck comment's mark, as a share of its line's height: about half a body character, so the note
 * is plain to see beside the cut yet covers little of the text either side.
 */
export const STRUCK_COMMENT_MARK_WIDTH_SHARE = 0.5;

/**
 * The rectangles covering `ranges` of a story on one page, in line order (layout points, top-left origin).
 * Empty when none of the text is set on this page (it may be on another page, or overset); zero-width where
 * the text is struck by a tracked deletion.
 */
export function commentRects(layout: PageLayout, storyId: string, ranges: readonly PosRange[]): RectPt[] {
  const rects: RectPt[] = [];
  for (const line of layout.lines) {
    if (line.storyId !== storyId) continue;
    for (const range of ranges) {
      const from = Math.max(range.fromPos, line.fromPos);
      const to = Math.min(range.toPos, line.toPos);
      if (from >= to) continue;
      const x1 = line.caretXPt[from - line.fromPos];
      const x2 = line.caretXPt[to - line.fromPos];
      if (x1 === undefined || x2 === undefined) continue;
      rects.push({ xPt: Math.min(x1, x2), yPt: line.rect.yPt, widthPt: Math.abs(x2 - x1), heightPt: line.rect.heightPt });
    }
  }
  return rects;
}

/** How a comment is marked on one page (layout points, top-left origin). */
export interface CommentMark {
  /**
   * The rectangles of its set text (none of zero width); when `struck`, one caret-sized rectangle centred on
   * the cut, the height of the line, `STRUCK_COMMENT_MARK_WIDTH_SHARE` of that height wide.
   */
  rects: RectPt[];
  /** None of the comment's text is set here: a tracked deletion struck it all. */
  struck: boolean;
}

/** How to mark a comment on this page, or undefined when none of its text (set or struck) is on it. */
export function commentMark(layout: PageLayout, storyId: string, ranges: readonly PosRange[]): CommentMark | undefined {
  const rects = commentRects(layout, storyId, ranges);
  if (rects.length === 0) return undefined;
  const set = rects.filter((r) => r.widthPt > 0);
  if (set.length > 0) return { rects: set, struck: false };
  const cut = rects[0]!;
  const widthPt = cut.heightPt * STRUCK_COMMENT_MARK_WIDTH_SHARE;
  return { rects: [{ xPt: cut.xPt - widthPt / 2, yPt: cut.yPt, widthPt, heightPt: cut.heightPt }], struck: true };
}
