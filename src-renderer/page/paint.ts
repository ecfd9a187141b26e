/**
 * Screen colours for CMYK values: the documented naive conversion (`cmykToRgb`) rounded to CSS `rgb()`.
 * Shared by the content layer and the overlay so both agree on a colour.
 */
import { cmykToRgb, type Cmyk } from '../../src-core/model/colour.js';

/** The CSS colour for a CMYK value (components 0–1). */
export function cssColour(colour: Cmyk): string {
  const { r, g, b } = cmykToRgb(colour);
  return `rgb(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)})`;
}
