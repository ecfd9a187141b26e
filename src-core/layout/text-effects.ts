/**
 * Display-type effects (勾边/空心/阴影) on glyph runs: from the styles to the one object every run carries.
 *
 * 1. `textEffectsOf` takes the paragraph style's outline/hollow/shadow once per style; `withCharacterEffects`
 *    lets each character style's own fields replace them. Undefined when none is set, so unstyled text
 *    carries nothing and pays nothing per glyph. Hollow wins over outline when both are set (drawing decides).
 * 2. Effects never change a width: the composer measures the same advances with or without them; they are
 *    drawn around the composed glyphs (canvas: draw-page.ts; PDF: content-stream.ts).
 * 3. `textEffectsKey` is a stable string for caches and repaint diffs; `textEffectsPadPt` how far the ink
 *    reaches beyond the plain glyphs.
 */
import type { TextHollow, TextOutline, TextShadow } from '../model/text-effects.js';

/** The effects a run is drawn with. At least one field is set (runs without effects carry none). */
export interface TextEffects {
  /** 勾边: stroke outside the glyph (drawn at 2 × `widthPt`, under the fill). Not drawn when `hollow` is set. */
  readonly outline?: TextOutline;
  /** 空心: stroke only, centred on the glyph's edge, no fill. */
  readonly hollow?: TextHollow;
  /** 阴影: offset copy drawn first, in its own colour. */
  readonly shadow?: TextShadow;
}

/** The effect fields of a paragraph or character style. */
export interface EffectFields {
  readonly outline?: TextOutline;
  readonly hollow?: TextHollow;
  readonly shadow?: TextShadow;
}

/** The effects a paragraph style sets, or undefined when it sets none (the common case allocates nothing). */
export function textEffectsOf(style: EffectFields): TextEffects | undefined {
  const { outline, hollow, shadow } = style;
  if (!outline && !hollow && !shadow) return undefined;
  return { ...(outline ? { outline } : {}), ...(hollow ? { hollow } : {}), ...(shadow ? { shadow } : {}) };
}

/**
 * `effects` with a character style's own effect fields replacing them; the same object when the character
 * style sets none, so marks without effects allocate nothing.
 */
export function withCharacterEffects(effects: TextEffects | undefined, char: EffectFields): TextEffects | undefined {
  if (!char.outline && !char.hollow && !char.shadow) return effects;
  return { ...effects, ...textEffectsOf(char) };
}

function colourKey(c: { c: number; m: number; y: number; k: number }): string {
  return `${c.c},${c.m},${c.y},${c.k}`;
}

/** A string equal for effects that draw identically ('' for none). */
export function textEffectsKey(effects: TextEffects | undefined): string {
  if (!effects) return '';
  const { outline, hollow, shadow } = effects;
  return `o${outline ? `${outline.widthPt}:${colourKey(outline.colour)}` : ''}`
    + `h${hollow ? `${hollow.widthPt}:${colourKey(hollow.colour)}` : ''}`
    + `s${shadow ? `${shadow.dxPt},${shadow.dyPt}:${colourKey(shadow.colour)}` : ''}`;
}

/** Whether two runs' effects draw the same (so the runs may merge). */
export function sameTextEffects(a: TextEffects | undefined, b: TextEffects | undefined): boolean {
  return a === b || textEffectsKey(a) === textEffectsKey(b);
}

/**
 * How far ink may reach beyond the plain glyphs, points, in any direction: the outline's width, half the
 * hollow stroke, plus the shadow's larger offset.
 */
export function textEffectsPadPt(effects: TextEffects | undefined): number {
  if (!effects) return 0;
  const stroke = effects.hollow ? effects.hollow.widthPt / 2 : effects.outline ? effects.outline.widthPt : 0;
  const shift = effects.shadow ? Math.max(Math.abs(effects.shadow.dxPt), Math.abs(effects.shadow.dyPt)) : 0;
  return stroke + shift;
}
