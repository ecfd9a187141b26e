/**
 * Rotated frames (pictures and boxes): the geometry the canvas, the PDF, hit-testing, the overlay and text wrap
 * share, so all of them turn a frame the same way.
 *
 * 1. A frame's `rotationDeg` turns it about its centre, clockwise on the page as positive (the page's y axis
 *    points down, so on screen this is the canvas's own rotation sense); it is kept in (-180, 180].
 * 2. Layout copies the turn onto every item the frame makes (`ItemRotation`: the angle and the frame's centre),
 *    so a picture, its clip, a box's stroke and its label turn as one.
 * 3. The canvas draws an item inside rotate-about-centre (`canvasRotation`); the PDF wraps it in `q … cm … Q`
 *    with the same turn in PDF space, where y points up and a clockwise turn is a negative angle (`pdfRotationMatrix`).
 * 4. A point is inside a rotated rectangle when, turned back about the centre, it is inside the unrotated one;
 *    the rotated rectangle's bounding box is the box around its four turned corners.
 */
import type { ItemRotation, RectPt } from './page-layout.js';

/** Turns smaller than this are no turn, degrees: what remains of a full turn after floating-point steps. */
const NO_TURN_DEG = 1e-9;

/**
 * An angle in degrees brought into (-180, 180]; NaN and infinities become 0.
 * @param deg any angle, degrees
 */
export function normaliseRotationDeg(deg: number): number {
  if (!Number.isFinite(deg)) return 0;
  let d = deg % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return Math.abs(d) < NO_TURN_DEG ? 0 : d;
}

/**
 * The turn of a frame with `rotationDeg` about its centre, or undefined when it is not turned.
 * @param frame rectangle in points and its rotation in degrees (clockwise)
 */
export function frameRotation(frame: RectPt & { rotationDeg?: number | undefined }): ItemRotation | undefined {
  const deg = normaliseRotationDeg(frame.rotationDeg ?? 0);
  if (deg === 0) return undefined;
  return { deg, cxPt: frame.xPt + frame.widthPt / 2, cyPt: frame.yPt + frame.heightPt / 2 };
}

/** A point turned by `rotation` about its centre (points, page coordinates, y down). */
export function rotatePoint(xPt: number, yPt: number, rotation: ItemRotation): { xPt: number; yPt: number } {
  const rad = (rotation.deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const dx = xPt - rotation.cxPt;
  const dy = yPt - rotation.cyPt;
  return { xPt: rotation.cxPt + dx * cos - dy * sin, yPt: rotation.cyPt + dx * sin + dy * cos };
}

/** The four corners of `rect` turned by `rotation`: top-left, top-right, bottom-right, bottom-left as unturned. */
export function rotatedCorners(rect: RectPt, rotation: ItemRotation | undefined): { xPt: number; yPt: number }[] {
  const corners = [
    { xPt: rect.xPt, yPt: rect.yPt }, { xPt: rect.xPt + rect.widthPt, yPt: rect.yPt },
    { xPt: rect.xPt + rect.widthPt, yPt: rect.yPt + rect.heightPt }, { xPt: rect.xPt, yPt: rect.yPt + rect.heightPt },
  ];
  return rotation ? corners.map((c) => rotatePoint(c.xPt, c.yPt, rotation)) : corners;
}

/** The axis-aligned bounding box of `rect` turned by `rotation` (the rectangle itself when unturned), points. */
export function rotatedBounds(rect: RectPt, rotation: ItemRotation | undefined): RectPt {
  if (!rotation) return rect;
  const corners = rotatedCorners(rect, rotation);
  const xs = corners.map((c) => c.xPt);
  const ys = corners.map((c) => c.yPt);
  const xPt = Math.min(...xs);
  const yPt = Math.min(...ys);
  return { xPt, yPt, widthPt: Math.max(...xs) - xPt, heightPt: Math.max(...ys) - yPt };
}

/**
 * Whether a point lies in `rect` turned by `rotation`, with `slopPt` of reach beyond every edge.
 * @param slopPt extra reach, points (≥ 0)
 */
export function pointInRotatedRect(xPt: number, yPt: number, rect: RectPt, rotation: ItemRotation | undefined, slopPt = 0): boolean {
  const p = rotation ? rotatePoint(xPt, yPt, { ...rotation, deg: -rotation.deg }) : { xPt, yPt };
  return p.xPt >= rect.xPt - slopPt && p.xPt <= rect.xPt + rect.widthPt + slopPt && p.yPt >= rect.yPt - slopPt && p.yPt <= rect.yPt + rect.heightPt + slopPt;
}

/**
 * The PDF `cm` matrix [a b c d e f] that turns what follows by `rotation` about its centre, in PDF user space.
 * @param toPdf maps a layout point (points from the trim's top-left, y down) to PDF space (y up)
 */
export function pdfRotationMatrix(rotation: ItemRotation, toPdf: (xPt: number, yPt: number) => { x: number; y: number }): [number, number, number, number, number, number] {
  // Clockwise on the page (y down) is a negative angle in PDF space (y up).
  const rad = (-rotation.deg * Math.PI) / 180;
  const a = Math.cos(rad);
  const b = Math.sin(rad);
  const c = -b;
  const d = a;
  const { x: px, y: py } = toPdf(rotation.cxPt, rotation.cyPt);
  return [a, b, c, d, px - a * px - c * py, py - b * px - d * py];
}

/**
 * The canvas transform steps that turn what follows by `rotation` about its centre: translate, rotate (radians),
 * translate back — for `ctx.translate`, `ctx.rotate`, `ctx.translate`.
 */
export function canvasRotation(rotation: ItemRotation): { cxPt: number; cyPt: number; rad: number } {
  return { cxPt: rotation.cxPt, cyPt: rotation.cyPt, rad: (rotation.deg * Math.PI) / 180 };
}
