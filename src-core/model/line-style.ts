/**
 * Rule and border styles (花线) of rules, box strokes and column rules: the stored names and their limits.
 * How each style is drawn (component lines, dash patterns) is layout's business: src-core/layout/styled-lines.ts.
 */
import { z } from 'zod';

/**
 * The line styles a rule, box or column rule can take:
 * - `solid` (正线) — one line, the default;
 * - `dashed` (虚线), `dotted` (点线: round dots), `dash-dot` (点划线);
 * - `double` (双线: two equal lines), `thick-thin` (文武线: thick then thin — above/left on a rule, outside on a
 *   box), `thin-thick` (the reverse);
 * - decorative borders (花边), a small motif repeated along the line and fitted to its length: `wave` (波纹线),
 *   `zigzag` (锯齿线), `diamonds` (菱形花边: a chain of filled diamonds).
 */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'dash-dot', 'double', 'thick-thin', 'thin-thick', 'wave', 'zigzag', 'diamonds'] as const;

/** One line style (see `LINE_STYLES`). */
export type LineStyle = (typeof LINE_STYLES)[number];

/** Zod schema for a line style. */
export const LineStyleSchema = z.enum(LINE_STYLES);

/** The styles drawn as two parallel lines: their weight is the whole band, lines and gap together. */
export const COMPOUND_LINE_STYLES: ReadonlySet<LineStyle> = new Set(['double', 'thick-thin', 'thin-thick']);

/**
 * Lightest weight of a two-line style, points: the band splits into thirds or fifths, and the thin line of a
 * 文武线 (a fifth) must stay at 0.3 pt, the finest line newsprint holds reliably.
 */
export const MIN_COMPOUND_STROKE_PT = 1.5;

/**
 * The decorative styles (花边): drawn as repeated motifs (src-core/layout/decorative-borders.ts), their weight the
 * whole band the motif fills; a box in one of them has square corners (a motif is not bent round a corner).
 */
export const DECORATIVE_LINE_STYLES: ReadonlySet<LineStyle> = new Set(['wave', 'zigzag', 'diamonds']);

/**
 * Lightest band of a decorative style, points: a wave's or zigzag's line is a fifth of the band, and at 3 pt that
 * is 0.6 pt — twice the finest line newsprint holds, since a curved or slanted line loses more on press.
 */
export const MIN_DECORATIVE_STROKE_PT = 3;

/** The lightest weight `style` may be drawn at, points (0 for the one-stroke styles: any weight > 0 draws). */
export function minStrokePtOf(style: LineStyle | undefined): number {
  if (style === undefined) return 0;
  if (COMPOUND_LINE_STYLES.has(style)) return MIN_COMPOUND_STROKE_PT;
  if (DECORATIVE_LINE_STYLES.has(style)) return MIN_DECORATIVE_STROKE_PT;
  return 0;
}

/** Largest corner radius of a box, points (half an inch: rounder than that is a shape, not a box corner). */
export const MAX_CORNER_RADIUS_PT = 36;
