/**
 * Helpers for the Styles panel's display-effect fields (勾边/空心/阴影, 底纹): the colours offered, how a
 * colour is matched to one, and the whole effect object a single field's edit makes. The effect objects go
 * into a style patch (style-edits.ts), which validates them with the template's schema.
 */
import type { Cmyk } from '../../src-core/model/colour.js';
import type { ParagraphShading, TextShadow } from '../../src-core/model/text-effects.js';
import { FILL_PRESETS } from './fill-edits.js';

/** Outline and hollow strokes start black: a 勾边 is most often a black edge round a coloured or white head. */
export const DEFAULT_STROKE_COLOUR: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 1 });
/** A new shadow is K 30 %: dark enough to read as a shadow, light enough not to double the letter. */
export const DEFAULT_SHADOW_COLOUR: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 0.3 });

/** Colours offered for strokes and shadows: black, paper white (reverse), red and the greys of the fill presets. */
export const EFFECT_COLOURS: readonly { readonly id: string; readonly colour: Cmyk }[] = [
  { id: 'k100', colour: DEFAULT_STROKE_COLOUR },
  { id: 'paper', colour: Object.freeze({ c: 0, m: 0, y: 0, k: 0 }) },
  ...FILL_PRESETS.filter((p) => p.fill && p.id !== 'k100').map((p) => ({ id: p.id, colour: p.fill! })),
];

const sameColour = (a: Cmyk, b: Cmyk) => a.c === b.c && a.m === b.m && a.y === b.y && a.k === b.k;

/** The id of the offered colour equal to `colour`, or 'custom'. */
export function effectColourId(colour: Cmyk): string {
  return EFFECT_COLOURS.find((c) => sameColour(c.colour, colour))?.id ?? 'custom';
}

/** The fill preset id of a shading (none when absent), or 'custom'. */
export function shadingPresetId(shading: ParagraphShading | undefined): string {
  if (!shading) return 'none';
  return FILL_PRESETS.find((p) => p.fill && sameColour(p.fill, shading.colour))?.id ?? 'custom';
}

/**
 * The shadow after one offset field changed (null: emptied). A new shadow takes the typed offset on both axes
 * (the usual 45° shadow) in `DEFAULT_SHADOW_COLOUR`; both offsets 0 remove it (null).
 */
export function shadowWith(current: TextShadow | undefined, change: { dxPt?: number | null; dyPt?: number | null }): TextShadow | null {
  const typed = change.dxPt !== undefined ? change.dxPt : change.dyPt;
  const dxPt = change.dxPt !== undefined ? change.dxPt ?? 0 : current ? current.dxPt : typed ?? 0;
  const dyPt = change.dyPt !== undefined ? change.dyPt ?? 0 : current ? current.dyPt : typed ?? 0;
  if (dxPt === 0 && dyPt === 0) return null;
  return { dxPt, dyPt, colour: current?.colour ?? DEFAULT_SHADOW_COLOUR };
}

/** The shading with some of its fields replaced; a new one is column wide without insets. */
export function shadingWith(current: ParagraphShading | undefined, change: Partial<ParagraphShading>): ParagraphShading {
  return {
    colour: change.colour ?? current?.colour ?? FILL_PRESETS.find((p) => p.id === 'k15')!.fill!,
    extent: change.extent ?? current?.extent ?? 'column',
    insets: change.insets ?? current?.insets ?? { topPt: 0, bottomPt: 0, leftPt: 0, rightPt: 0 },
  };
}
