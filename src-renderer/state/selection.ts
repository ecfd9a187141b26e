/**
 * Frame selection on a page: which frames a shift-click or a marquee selects. Pure; points, top-left origin.
 * The session keeps a primary frame (`selectedFrameId`, what the inspector shows) and the whole selection
 * (`selectedFrameIds`, what moves, locks and arranges act on); the primary is always part of the selection.
 *
 * 1. `toggleInSelection`: shift-click adds a frame or takes it out; the frame clicked becomes primary (or,
 *    when removed, the last one left).
 * 2. `framesInMarquee`: every frame whose rectangle intersects the dragged rectangle, in paint order.
 * 3. `effectiveSelection`: the selection as a list with the primary in it (a stale list, e.g. after undo
 *    restored another primary, falls back to the primary alone).
 */
import type { RectPt } from '../../src-core/layout/page-layout.js';
import type { Page } from '../../src-core/model/document.js';

/** A selection: the primary frame and all selected frames (primary included). */
export interface FrameSelection {
  primary: string | null;
  ids: readonly string[];
}

/** Adds `frameId` to the selection or removes it (shift-click). */
export function toggleInSelection(selection: FrameSelection, frameId: string): FrameSelection {
  const ids = effectiveSelection(selection);
  if (ids.includes(frameId)) {
    const rest = ids.filter((id) => id !== frameId);
    return { primary: rest.at(-1) ?? null, ids: rest };
  }
  return { primary: frameId, ids: [...ids, frameId] };
}

/** The rectangle spanned by two corner points, points. */
export function rectFromCorners(a: { xPt: number; yPt: number }, b: { xPt: number; yPt: number }): RectPt {
  return { xPt: Math.min(a.xPt, b.xPt), yPt: Math.min(a.yPt, b.yPt), widthPt: Math.abs(a.xPt - b.xPt), heightPt: Math.abs(a.yPt - b.yPt) };
}

/** Ids of the frames on `page` whose rectangles intersect `marquee` (touching edges count), in paint order. */
export function framesInMarquee(page: Page, marquee: RectPt): string[] {
  const right = marquee.xPt + marquee.widthPt;
  const bottom = marquee.yPt + marquee.heightPt;
  return page.frames
    .filter((f) => f.xPt <= right && f.xPt + f.widthPt >= marquee.xPt && f.yPt <= bottom && f.yPt + f.heightPt >= marquee.yPt)
    .map((f) => f.id);
}

/** The selected ids, always containing the primary; [] when nothing is selected. */
export function effectiveSelection(selection: FrameSelection): readonly string[] {
  if (!selection.primary) return [];
  return selection.ids.includes(selection.primary) ? selection.ids : [selection.primary];
}
