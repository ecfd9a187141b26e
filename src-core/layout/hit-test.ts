/**
 * Hit-testing over a PageLayout's line boxes: caret rectangles, selection rectangles and the ProseMirror
 * position under a point. Pure geometry; the composer already recorded, per line, the caret x of every
 * ProseMirror position it covers (`LineBox.caretXPt`, absolute page x in points).
 *
 * 1. A position on a line boundary belongs to the line it starts (the caret goes to the next line's start),
 *    except at the end of a block, where it belongs to the line it ends.
 * 2. A selection is one rectangle per line it touches, from the caret at its start to the caret at its end.
 * 3. A point maps to the nearest caret of the line box that contains it; outside every line box → null.
 */
import type { LineBox, PageLayout, RectPt } from './page-layout.js';

/** A ProseMirror position in a story. */
export interface StoryPosition {
  storyId: string;
  pos: number;
}

function caretX(line: LineBox, pos: number): number {
  const i = Math.min(line.caretXPt.length - 1, Math.max(0, pos - line.fromPos));
  return line.caretXPt[i]!;
}

/**
 * The caret for position `pos` of story `storyId` on this page: a zero-width rectangle as tall as the line,
 * or null when the position is not set on this page (another page, overset, or not in the story).
 */
export function caretRect(layout: PageLayout, storyId: string, pos: number): RectPt | null {
  let ending: LineBox | undefined;
  for (const line of layout.lines) {
    if (line.storyId !== storyId || pos < line.fromPos || pos > line.toPos) continue;
    if (pos < line.toPos || line.fromPos === line.toPos) {
      return { xPt: caretX(line, pos), yPt: line.rect.yPt, widthPt: 0, heightPt: line.rect.heightPt };
    }
    ending ??= line;
  }
  if (!ending) return null;
  return { xPt: caretX(ending, pos), yPt: ending.rect.yPt, widthPt: 0, heightPt: ending.rect.heightPt };
}

/**
 * Rectangles covering the range [from, to) of story `storyId` on this page, one per line touched, in
 * line order. Empty when nothing of the range is on this page.
 */
export function selectionRects(layout: PageLayout, storyId: string, from: number, to: number): RectPt[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const rects: RectPt[] = [];
  for (const line of layout.lines) {
    if (line.storyId !== storyId) continue;
    const a = Math.max(lo, line.fromPos);
    const b = Math.min(hi, line.toPos);
    if (a >= b) continue;
    const x1 = caretX(line, a);
    const x2 = caretX(line, b);
    rects.push({ xPt: Math.min(x1, x2), yPt: line.rect.yPt, widthPt: Math.abs(x2 - x1), heightPt: line.rect.heightPt });
  }
  return rects;
}

/**
 * The story position nearest to point (xPt, yPt) within the line box containing it, or null when the point
 * is in no line box (margins, gutters, images, empty frame space).
 */
export function positionAtPoint(layout: PageLayout, xPt: number, yPt: number): StoryPosition | null {
  for (const line of layout.lines) {
    const r = line.rect;
    if (yPt < r.yPt || yPt >= r.yPt + r.heightPt || xPt < r.xPt || xPt > r.xPt + r.widthPt) continue;
    let best = 0;
    let bestDistance = Infinity;
    line.caretXPt.forEach((cx, i) => {
      const d = Math.abs(cx - xPt);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    });
    return { storyId: line.storyId, pos: line.fromPos + best };
  }
  return null;
}
