/**
 * Which frame is under a point: the topmost (last painted) frame whose rectangle contains it.
 * Pure; points, top-left origin.
 */
import type { Frame, Page } from '../../src-core/model/document.js';

/** Extra reach around thin frames (rules) so they can be clicked, points. */
const HIT_SLOP_PT = 2;

/** The topmost frame containing (xPt, yPt), or undefined. */
export function frameAtPoint(page: Page, xPt: number, yPt: number): Frame | undefined {
  for (let i = page.frames.length - 1; i >= 0; i--) {
    const f = page.frames[i];
    if (xPt >= f.xPt - HIT_SLOP_PT && xPt <= f.xPt + f.widthPt + HIT_SLOP_PT && yPt >= f.yPt - HIT_SLOP_PT && yPt <= f.yPt + f.heightPt + HIT_SLOP_PT) return f;
  }
  return undefined;
}
