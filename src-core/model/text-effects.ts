/**
 * Display-type effects (勾边 outline, 空心 hollow, 阴影 shadow) and paragraph shading (底纹) as template style
 * properties: plain, validated data. Every field is optional in a style; absent = the effect is off.
 * How they are drawn: src-core/layout/text-effects.ts (glyph runs) and src-core/layout/paragraph-shading.ts.
 */
import { z } from 'zod';
import { CmykSchema } from './colour.js';

/**
 * Widest outline or hollow stroke, points: a 勾边 beyond 6 pt swallows the counters of any headline face
 * (FIT's own outline dialog stops at 2 mm ≈ 5.7 pt).
 */
export const MAX_TEXT_STROKE_PT = 6;
/** Farthest a shadow may be offset, points, either way on either axis: further it reads as a second line. */
export const MAX_SHADOW_OFFSET_PT = 12;
/** Widest paragraph-shading inset, points (one inch): more is a frame's job, not a paragraph's. */
export const MAX_SHADING_INSET_PT = 72;

/**
 * 勾边: a stroke of `widthPt` in `colour` drawn OUTSIDE every glyph — stroked at twice the width under the
 * glyph's fill, so the letter keeps its own weight. Widths the composer measures are unchanged.
 */
export const TextOutlineSchema = z.object({
  /** Visible stroke width outside the glyph's edge, points (> 0, ≤ `MAX_TEXT_STROKE_PT`). */
  widthPt: z.number().positive().max(MAX_TEXT_STROKE_PT),
  colour: CmykSchema,
});
/** An outline (勾边), see `TextOutlineSchema`. */
export type TextOutline = z.infer<typeof TextOutlineSchema>;

/**
 * 空心: the glyph is stroked only (no fill), with a stroke of `widthPt` centred on its edge in `colour`. When a
 * style sets both, hollow wins and the outline is not drawn (a hollow letter has no fill to keep).
 */
export const TextHollowSchema = z.object({
  /** Stroke width centred on the glyph's edge, points (> 0, ≤ `MAX_TEXT_STROKE_PT`). */
  widthPt: z.number().positive().max(MAX_TEXT_STROKE_PT),
  colour: CmykSchema,
});
/** Hollow type (空心), see `TextHollowSchema`. */
export type TextHollow = z.infer<typeof TextHollowSchema>;

/**
 * 阴影: a copy of the glyphs (with their outline, if any) in `colour`, moved by (`dxPt`, `dyPt`) and drawn under
 * them. Positive offsets go right and down.
 */
export const TextShadowSchema = z.object({
  /** Horizontal offset, points, positive to the right (|dx| ≤ `MAX_SHADOW_OFFSET_PT`). */
  dxPt: z.number().min(-MAX_SHADOW_OFFSET_PT).max(MAX_SHADOW_OFFSET_PT),
  /** Vertical offset, points, positive downwards (|dy| ≤ `MAX_SHADOW_OFFSET_PT`). */
  dyPt: z.number().min(-MAX_SHADOW_OFFSET_PT).max(MAX_SHADOW_OFFSET_PT),
  colour: CmykSchema,
}).refine((s) => s.dxPt !== 0 || s.dyPt !== 0, { message: 'a shadow needs an offset: a shadow right under the text is hidden by it' });
/** A shadow (阴影), see `TextShadowSchema`. */
export type TextShadow = z.infer<typeof TextShadowSchema>;

/** Insets of a shading, points: how far it reaches OUT beyond its extent on each side (0–`MAX_SHADING_INSET_PT`). */
export const ShadingInsetsSchema = z.object({
  topPt: z.number().min(0).max(MAX_SHADING_INSET_PT).default(0),
  bottomPt: z.number().min(0).max(MAX_SHADING_INSET_PT).default(0),
  leftPt: z.number().min(0).max(MAX_SHADING_INSET_PT).default(0),
  rightPt: z.number().min(0).max(MAX_SHADING_INSET_PT).default(0),
});
/** Shading insets, points. */
export type ShadingInsets = z.infer<typeof ShadingInsetsSchema>;

/**
 * 底纹 on a paragraph: a rectangle of `colour` (a tint such as K 15 %) behind the paragraph's lines, on every
 * column or frame piece the paragraph occupies. `extent` 'column' spans each line's full measure (the column,
 * or the narrower measure beside a wrap), 'text' only from the leftmost to the rightmost set character.
 * Vertically it covers the lines' leading cells; `insets` widen it on each side.
 */
export const ParagraphShadingSchema = z.object({
  colour: CmykSchema,
  extent: z.enum(['column', 'text']).default('column'),
  insets: ShadingInsetsSchema.default({ topPt: 0, bottomPt: 0, leftPt: 0, rightPt: 0 }),
});
/** A paragraph shading (底纹), see `ParagraphShadingSchema`. */
export type ParagraphShading = z.infer<typeof ParagraphShadingSchema>;
