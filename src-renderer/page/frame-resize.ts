/**
 * Resizing a frame by one of its eight handles, turned or not: the geometry the page canvas's drag uses, pure
 * (points, page coordinates, y down).
 *
 * 1. The pointer's travel on the page is turned back into the frame's own axes (a frame rotated by θ sees a
 *    page move (dx, dy) as R(−θ)·(dx, dy)), so a corner handle of a turned photo stretches its width and height,
 *    never a mix of the page's x and y.
 * 2. In those axes the moved edges follow the travel and the others stay, each side kept at least the minimum.
 * 3. The frame turns about its centre, and the centre moves when the frame grows: the new centre is the old one
 *    plus the turned shift of the middle of the moved edges, which keeps the opposite handle where it was on the
 *    page. Unturned (θ = 0) this is the plain edge move, done on the page's own coordinates so it stays exact.
 * 4. A handle's cursor is the resize arrow nearest the handle's turned direction (the eight CSS arrows come in
 *    four axes, 45° apart).
 */
import type { RectPt } from '../../src-core/layout/page-layout.js';
import { normaliseRotationDeg } from '../../src-core/layout/rotation.js';
import type { HandleName } from './overlay.js';

/**
 * The rectangle a frame gets when handle `handle` is dragged by (dxPt, dyPt) on the page.
 * @param before the frame's unturned rectangle at the start of the drag, points
 * @param rotationDeg the frame's turn, degrees clockwise about its centre (0 or absent: not turned)
 * @param minSidePt smallest width and height the resize may leave, points (> 0)
 * @returns the new unturned rectangle (to be turned by the same `rotationDeg` about its own centre); the handle
 *   opposite `handle` is at the same page point as before
 */
export function resizeFrameRect(before: RectPt, handle: HandleName, dxPt: number, dyPt: number, rotationDeg: number | undefined, minSidePt: number): RectPt {
  const deg = normaliseRotationDeg(rotationDeg ?? 0);
  // Unturned, the edges move on the page itself: kept exact (no round trip through the centre), so a frame on
  // the grid stays on it to the last bit.
  if (deg === 0) return resizeUnturned(before, handle, dxPt, dyPt, minSidePt);
  const rad = (deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  // The travel in the frame's own axes: R(−θ)·(dx, dy).
  const du = dxPt * cos + dyPt * sin;
  const dv = -dxPt * sin + dyPt * cos;
  // Edges relative to the old centre, in the frame's axes.
  const halfW = before.widthPt / 2;
  const halfH = before.heightPt / 2;
  let left = -halfW;
  let right = halfW;
  let top = -halfH;
  let bottom = halfH;
  if (handle.includes('w')) left = Math.min(left + du, right - minSidePt);
  if (handle.includes('e')) right = Math.max(right + du, left + minSidePt);
  if (handle.includes('n')) top = Math.min(top + dv, bottom - minSidePt);
  if (handle.includes('s')) bottom = Math.max(bottom + dv, top + minSidePt);
  const widthPt = right - left;
  const heightPt = bottom - top;
  // The new centre: the old one plus the shift of the middle, turned back onto the page (R(θ)·m).
  const mu = (left + right) / 2;
  const mv = (top + bottom) / 2;
  const cxPt = before.xPt + halfW + mu * cos - mv * sin;
  const cyPt = before.yPt + halfH + mu * sin + mv * cos;
  return { xPt: cxPt - widthPt / 2, yPt: cyPt - heightPt / 2, widthPt, heightPt };
}

/** The plain edge move of an unturned frame (step 2 in page coordinates). */
function resizeUnturned(b: RectPt, handle: HandleName, dxPt: number, dyPt: number, minSidePt: number): RectPt {
  let left = b.xPt;
  let top = b.yPt;
  let right = b.xPt + b.widthPt;
  let bottom = b.yPt + b.heightPt;
  if (handle.includes('w')) left = Math.min(left + dxPt, right - minSidePt);
  if (handle.includes('e')) right = Math.max(right + dxPt, left + minSidePt);
  if (handle.includes('n')) top = Math.min(top + dyPt, bottom - minSidePt);
  if (handle.includes('s')) bottom = Math.max(bottom + dyPt, top + minSidePt);
  return { xPt: left, yPt: top, widthPt: right - left, heightPt: bottom - top };
}

/** The CSS resize cursors by direction, starting east and going clockwise in 45° steps (y down). */
const CURSORS_CLOCKWISE = ['ew-resize', 'nwse-resize', 'ns-resize', 'nesw-resize'] as const;
/** Each handle's direction from the frame's centre when unturned, degrees clockwise from east (y down). */
const HANDLE_DIRECTION_DEG: Record<HandleName, number> = { e: 0, se: 45, s: 90, sw: 135, w: 180, nw: 225, n: 270, ne: 315 };

/**
 * The CSS cursor for a handle of a frame turned by `rotationDeg`: the resize arrow nearest the handle's turned
 * direction.
 */
export function handleCursor(handle: HandleName, rotationDeg: number | undefined): string {
  const deg = HANDLE_DIRECTION_DEG[handle] + normaliseRotationDeg(rotationDeg ?? 0);
  const step = ((Math.round(deg / 45) % 8) + 8) % 8;
  return CURSORS_CLOCKWISE[step % 4];
}
