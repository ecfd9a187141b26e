/**
 * Proof-preset furniture (PRINT.md "Proof output"): a footer and a diagonal 「校样 PROOF」 watermark.
 *
 * 1. Footer: document name, page, version and export time, one line in the furniture font, centred
 *    in the margin below the type area (or just inside the bottom trim when there is no margin).
 * 2. Watermark: drawn first, under every item of the page, across its bottom-left → top-right
 *    diagonal, as outlined light-grey letters (text render mode 1): clearly visible on the paper between
 *    the lines, yet it never paints over a glyph (drawn on top, its strokes lifted commas and the edges
 *    of characters out of the text), and no transparency is needed.
 */
import { PDFOperator, PDFOperatorNames as Ops } from 'pdf-lib';
import type { Cmyk } from '../model/colour.js';
import type { RectPt } from '../layout/page-layout.js';
import type { LoadedFont } from '../text/font.js';
import { pdfNumber, type PageContent } from './content-stream.js';
import { setFurnitureLine } from './furniture-text.js';
import { drawFurnitureGlyphs } from './marks.js';

/** The watermark text (PRINT.md). */
export const PROOF_WATERMARK_TEXT = '校样 PROOF';
/** Watermark outline colour: 30 % K → light grey on screen. */
const WATERMARK_COLOUR: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 0.3 });
/** Watermark outline width as a share of its type size: visible on a broadsheet, thin on a tabloid. */
const WATERMARK_STROKE_SHARE = 0.012;
/** Thinnest watermark outline, points. */
const MIN_WATERMARK_STROKE_PT = 1.2;
/** The watermark spans this share of the page diagonal. */
const WATERMARK_DIAGONAL_SHARE = 0.6;
/** Footer type size, points. */
const FOOTER_SIZE_PT = 7;
/** Footer colour: 80 % K, quieter than the text being proofed. */
const FOOTER_COLOUR: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 0.8 });
/** Fallback inset of the footer baseline from the bottom trim when the type area leaves no margin. */
const FOOTER_INSET_PT = 3;
/** Cap height as a share of the size, to centre a line optically. */
const CAP_HEIGHT_SHARE = 0.7;

/** What the proof footer says. */
export interface ProofFooterText {
  documentName: string;
  pageName: string;
  version?: string;
  exportTime: string;
}

/** The footer's words. */
export function proofFooterWords(footer: ProofFooterText): string {
  return [footer.documentName, `第 ${footer.pageName} 版`, footer.version ? `版本 ${footer.version}` : '', `校样时间 ${footer.exportTime}`]
    .filter((s) => s !== '')
    .join('   ');
}

/** Draws the footer line below the type area. */
export function drawProofFooter(content: PageContent, font: LoadedFont, typeArea: RectPt, footer: ProofFooterText): void {
  const { trimHeightPt } = content.geometry;
  const typeBottomPt = typeArea.yPt + typeArea.heightPt;
  const marginPt = trimHeightPt - typeBottomPt;
  const baselineYPt = marginPt >= FOOTER_SIZE_PT * 2
    ? typeBottomPt + marginPt / 2 + (FOOTER_SIZE_PT * CAP_HEIGHT_SHARE) / 2
    : trimHeightPt - FOOTER_INSET_PT;
  const line = setFurnitureLine(font, proofFooterWords(footer), FOOTER_SIZE_PT);
  drawFurnitureGlyphs(content, font, line.glyphs, FOOTER_SIZE_PT, content.x(typeArea.xPt), content.y(baselineYPt), FOOTER_COLOUR);
}

/** Draws the diagonal watermark; call before the page's items so that it lies under all of them. */
export function drawProofWatermark(content: PageContent, font: LoadedFont): void {
  const { offsetPt, trimWidthPt, trimHeightPt } = content.geometry;
  const angle = Math.atan2(trimHeightPt, trimWidthPt);
  const diagonal = Math.hypot(trimWidthPt, trimHeightPt);
  const unit = setFurnitureLine(font, PROOF_WATERMARK_TEXT, 1);
  if (unit.glyphs.length === 0 || unit.widthPt <= 0) return;
  const sizePt = (diagonal * WATERMARK_DIAGONAL_SHARE) / unit.widthPt;
  const line = setFurnitureLine(font, PROOF_WATERMARK_TEXT, sizePt);
  const cx = offsetPt + trimWidthPt / 2;
  const cy = offsetPt + trimHeightPt / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Start half the line back along the diagonal, and drop the baseline so the letters' middle sits on it.
  const drop = (sizePt * CAP_HEIGHT_SHARE) / 2;
  const x = cx - (line.widthPt / 2) * cos + drop * sin;
  const y = cy - (line.widthPt / 2) * sin - drop * cos;
  content.push(
    PDFOperator.of(Ops.PushGraphicsState),
    PDFOperator.of(Ops.SetTextRenderingMode, [pdfNumber(1)]),
    PDFOperator.of(Ops.SetLineWidth, [pdfNumber(Math.max(MIN_WATERMARK_STROKE_PT, sizePt * WATERMARK_STROKE_SHARE))]),
  );
  content.stroke(WATERMARK_COLOUR);
  drawFurnitureGlyphs(content, font, line.glyphs, sizePt, x, y, WATERMARK_COLOUR, angle);
  content.push(PDFOperator.of(Ops.PopGraphicsState));
}
