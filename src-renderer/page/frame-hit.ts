/**
 * Which frame is under a point: the topmost (last painted) frame whose rectangle contains it — a rotated picture or
 * box by its turned rectangle (rotation.ts), not the unturned one. Pure; points, top-left origin.
 */
import { frameRotation, pointInRotatedRect } from '../../src-core/layout/rotation.js';
import type { Frame, Page } from '../../src-core/model/document.js';

/** Extra reach around thin frames (rules) so they can be clicked, points. */
const HIT_SLOP_PT = 2;

/** The topmost frame containing (xPt, yPt), or undefined. */
export function frameAtPoint(page: Page, xPt: number, yPt: number): Frame | undefined {
  for (let i = page.frames.length - 1; i >= 0; i--) {
    const f = page.frames[i];
    if (pointInRotatedRect(xPt, yPt, f, 'rotationDeg' in f ? frameRotation(f) : undefined, HIT_SLOP_PT)) return f;
  }
  return undefined;
}
