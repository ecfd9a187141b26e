/**
 * Page furniture text (slug line, proof footer, watermark): short single lines that are not story
 * text, so they are set simply — glyphs placed one after another at their font advances, no
 * breaking, no compression. Story text never comes through here: it arrives composed in PageLayout.
 */
import type { PositionedGlyph } from '../layout/page-layout.js';
import type { LoadedFont } from '../text/font.js';

/** A furniture line: glyphs with x relative to the line start, and the line's width. */
export interface FurnitureLine {
  glyphs: PositionedGlyph[];
  widthPt: number;
  /** Characters the font lacks (left out rather than drawn as tofu). */
  missing: string[];
}

/**
 * Places `text` in `font` at `sizePt`, glyph after glyph.
 * @returns glyphs with `xPt` from the line start (points) and the total advance width
 */
export function setFurnitureLine(font: LoadedFont, text: string, sizePt: number): FurnitureLine {
  const glyphs: PositionedGlyph[] = [];
  const missing: string[] = [];
  const scale = sizePt / font.unitsPerEm;
  let penPt = 0;
  for (const ch of text) {
    const metrics = font.glyphFor(ch.codePointAt(0) as number);
    if (!metrics) {
      missing.push(ch);
      continue;
    }
    glyphs.push({ glyphId: metrics.glyphId, xPt: penPt, text: ch });
    penPt += metrics.advanceUnits * scale;
  }
  return { glyphs, widthPt: penPt, missing };
}
