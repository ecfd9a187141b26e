/**
 * Where a comment's text sits on a page: one rectangle per line it touches, from the composed lines' caret
 * positions (the same data the page canvas hit-tests with). Drawn as highlights by the canvas overlay and
 * written as PDF highlight annotations by the proof exporter, so screen and proof agree.
 */
import type { PosRange } from '../model/comments.js';
import type { PageLayout, RectPt } from './page-layout.js';

/**
 * The rectangles covering `ranges` of a story on one page, in line order (layout points, top-left origin).
 * Empty when none of the text is set on this page (it may be on another page, or overset).
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
