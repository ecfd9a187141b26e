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
 *   box), `thin-thick` (the reverse).
 */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'dash-dot', 'double', 'thick-thin', 'thin-thick'] as const;

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

/** Largest corner radius of a box, points (half an inch: rounder than that is a shape, not a box corner). */
export const MAX_CORNER_RADIUS_PT = 36;
