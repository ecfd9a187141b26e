/**
 * Type scale (长体/扁体) bounds and conversion, shared by template styles and by local formatting in stories
 * (a module of its own so that story marks can be validated without importing the template).
 */
import { z } from 'zod';

/**
 * Narrowest and widest type scale (长体/扁体), percent of the natural glyph width or height: below half the
 * type no longer reads as the face, above double it is a different size, not a 扁体 (Founder FIT's own limits).
 */
export const MIN_TYPE_SCALE_PCT = 50;
/** Widest or tallest type scale, percent (see `MIN_TYPE_SCALE_PCT`). */
export const MAX_TYPE_SCALE_PCT = 200;

/**
 * A horizontal or vertical type scale in percent, `MIN_TYPE_SCALE_PCT`–`MAX_TYPE_SCALE_PCT`; absent = 100
 * (the face as drawn). Horizontal below 100 is 长体 (narrowed), vertical below 100 扁体 (flattened).
 */
export const TypeScalePctSchema = z.number().min(MIN_TYPE_SCALE_PCT).max(MAX_TYPE_SCALE_PCT);

/** A scale in percent (absent = 100) as a factor (0.5–2). */
export function scaleFactor(pct: number | undefined): number {
  return pct === undefined ? 1 : pct / 100;
}

