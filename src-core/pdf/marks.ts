/**
 * Printer's marks for the print preset, drawn in the slug area outside trim + bleed (PRINT.md).
 *
 * 1. Crop marks at the four trim corners: 0.25 pt, registration colour (all four inks 100 %),
 *    starting `bleedPt + CROP_MARK_GAP_PT` from the trim so they never touch trim or bleed.
 * 2. Registration targets (circle + cross) centred on each side, in the same band as the marks.
 * 3. A CMYK colour bar in the top band: solids, overprints and 50 % tints.
 * 4. The slug line in the bottom band, in the furniture (body) font: paper, issue date, page,
 *    edition, export time, then the plate colours, each letter printed on its own plate.
 * Nothing is drawn when the slug is too narrow for marks (`markBand` returns undefined).
 */
import { PDFOperator, PDFOperatorNames as Ops } from 'pdf-lib';
import type { Cmyk } from '../model/colour.js';
import type { LoadedFont } from '../text/font.js';
import { pdfNumber as asNumber, type PageContent } from './content-stream.js';
import { setFurnitureLine } from './furniture-text.js';

/** Registration colour: every plate gets the mark. */
export const REGISTRATION: Cmyk = Object.freeze({ c: 1, m: 1, y: 1, k: 1 });
/** Crop mark stroke (PRINT.md). */
export const CROP_MARK_STROKE_PT = 0.25;
/** Extra distance between the bleed edge and the start of a crop mark, so marks never touch the bleed. */
export const CROP_MARK_GAP_PT = 3;
/** Crop mark length, ≈ 5 mm: long enough to align a guillotine by. */
const CROP_MARK_LENGTH_PT = 14;
/** Below this the slug cannot hold legible marks; nothing is drawn. */
const MIN_MARK_LENGTH_PT = 6;
/** Slug line type size, points: legible on a plate, small enough for a 12 mm slug. */
const SLUG_TEXT_SIZE_PT = 6;
/** Smallest size the slug line may shrink to on narrow pages. */
const MIN_SLUG_TEXT_SIZE_PT = 3;
/** Colour bar patch size limit, points. */
const COLOUR_PATCH_PT = 10;
/** Clearance between furniture elements, points. */
const FURNITURE_GAP_PT = 6;
/** Bézier control distance for a quarter circle (4/3 · (√2 − 1)). */
const KAPPA = 0.5522847498;

/** The colour bar, left to right: solids, two-colour overprints, 50 % tints. */
const COLOUR_BAR: readonly Cmyk[] = [
  { c: 1, m: 0, y: 0, k: 0 }, { c: 0, m: 1, y: 0, k: 0 }, { c: 0, m: 0, y: 1, k: 0 }, { c: 0, m: 0, y: 0, k: 1 },
  { c: 1, m: 1, y: 0, k: 0 }, { c: 1, m: 0, y: 1, k: 0 }, { c: 0, m: 1, y: 1, k: 0 },
  { c: 0.5, m: 0, y: 0, k: 0 }, { c: 0, m: 0.5, y: 0, k: 0 }, { c: 0, m: 0, y: 0.5, k: 0 }, { c: 0, m: 0, y: 0, k: 0.5 },
];

/** The plates a CMYK page prints on, with the ink each letter is set in. */
const PLATES: readonly { name: string; colour: Cmyk }[] = [
  { name: 'C', colour: { c: 1, m: 0, y: 0, k: 0 } },
  { name: 'M', colour: { c: 0, m: 1, y: 0, k: 0 } },
  { name: 'Y', colour: { c: 0, m: 0, y: 1, k: 0 } },
  { name: 'K', colour: { c: 0, m: 0, y: 0, k: 1 } },
];

/** What the slug line says. */
export interface SlugLineText {
  paper: string;
  issueDate: string;
  pageName: string;
  edition: string;
  /** Export time as printed (e.g. "2026-11-25 22:40 UTC"). */
  exportTime: string;
}

/** The band (distances from the trim edge, points) that marks occupy. */
export interface MarkBand {
  startPt: number;
  endPt: number;
}

/** Where marks go for a given bleed and slug, or undefined when the slug has no room for them. */
export function markBand(bleedPt: number, slugPt: number): MarkBand | undefined {
  const lengthPt = Math.min(CROP_MARK_LENGTH_PT, slugPt - CROP_MARK_GAP_PT - 1);
  if (lengthPt < MIN_MARK_LENGTH_PT) return undefined;
  const startPt = bleedPt + CROP_MARK_GAP_PT;
  return { startPt, endPt: startPt + lengthPt };
}

/** The slug line's words, in the order print staff read them. */
export function slugLineWords(slug: SlugLineText): string {
  return [slug.paper, slug.issueDate, `${slug.pageName} 版`, slug.edition, `导出 ${slug.exportTime}`, '印版']
    .filter((s) => s.trim() !== '')
    .join('   ');
}

/**
 * Draws crop marks, registration targets, the colour bar and the slug line around the trim.
 * @returns false when the slug is too narrow and nothing was drawn
 */
export function drawPrintMarks(content: PageContent, bleedPt: number, slugPt: number, font: LoadedFont, slug: SlugLineText): boolean {
  const band = markBand(bleedPt, slugPt);
  if (!band) return false;
  const { offsetPt, trimWidthPt, trimHeightPt } = content.geometry;
  const x0 = offsetPt;
  const x1 = offsetPt + trimWidthPt;
  const y0 = offsetPt;
  const y1 = offsetPt + trimHeightPt;
  const lengthPt = band.endPt - band.startPt;

  // 1. Crop marks.
  for (const [cx, sx] of [[x0, -1], [x1, 1]] as const) {
    for (const [cy, sy] of [[y0, -1], [y1, 1]] as const) {
      content.strokeLine(cx + sx * band.startPt, cy, cx + sx * band.endPt, cy, CROP_MARK_STROKE_PT, REGISTRATION);
      content.strokeLine(cx, cy + sy * band.startPt, cx, cy + sy * band.endPt, CROP_MARK_STROKE_PT, REGISTRATION);
    }
  }

  // 2. Registration targets.
  const mid = (band.startPt + band.endPt) / 2;
  const radius = lengthPt * 0.3;
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  for (const [cx, cy] of [[xm, y1 + mid], [xm, y0 - mid], [x0 - mid, ym], [x1 + mid, ym]] as const) {
    drawTarget(content, cx, cy, radius, lengthPt / 2);
  }

  // 3. Colour bar along the top, from the left trim edge towards the centre target.
  const patch = Math.min(COLOUR_PATCH_PT, lengthPt);
  const barRight = xm - lengthPt / 2 - FURNITURE_GAP_PT;
  let px = x0 + FURNITURE_GAP_PT;
  for (const colour of COLOUR_BAR) {
    if (px + patch > barRight) break;
    content.push(PDFOperator.of(Ops.PushGraphicsState));
    content.fill(colour);
    content.push(
      PDFOperator.of(Ops.AppendRectangle, [px, y1 + band.startPt, patch, patch].map(asNumber)),
      PDFOperator.of(Ops.FillNonZero),
      PDFOperator.of(Ops.PopGraphicsState),
    );
    px += patch;
  }

  // 4. Slug line along the bottom, left of the centre target.
  const words = slugLineWords(slug);
  const available = xm - lengthPt / 2 - FURNITURE_GAP_PT - (x0 + FURNITURE_GAP_PT);
  let sizePt = SLUG_TEXT_SIZE_PT;
  const natural = setFurnitureLine(font, `${words} ${PLATES.map((p) => p.name).join(' ')}`, sizePt);
  if (natural.widthPt > available) sizePt = Math.max(MIN_SLUG_TEXT_SIZE_PT, (sizePt * available) / natural.widthPt);
  const baseline = y0 - mid - sizePt * 0.35;
  const line = setFurnitureLine(font, words, sizePt);
  drawFurnitureGlyphs(content, font, line.glyphs, sizePt, x0 + FURNITURE_GAP_PT, baseline, { c: 0, m: 0, y: 0, k: 1 });
  let plateX = x0 + FURNITURE_GAP_PT + line.widthPt + setFurnitureLine(font, ' ', sizePt).widthPt;
  for (const plate of PLATES) {
    const letter = setFurnitureLine(font, plate.name, sizePt);
    drawFurnitureGlyphs(content, font, letter.glyphs, sizePt, plateX, baseline, plate.colour);
    plateX += letter.widthPt + setFurnitureLine(font, ' ', sizePt).widthPt;
  }
  return true;
}

/** Fills furniture glyphs at a PDF position in one colour. */
export function drawFurnitureGlyphs(
  content: PageContent, font: LoadedFont, glyphs: Parameters<PageContent['showGlyphs']>[2], sizePt: number,
  x: number, baselineY: number, colour: Cmyk, angleRad = 0,
): void {
  if (glyphs.length === 0) return;
  content.push(PDFOperator.of(Ops.PushGraphicsState));
  content.fill(colour);
  content.showGlyphs(font.id, sizePt, glyphs, x, baselineY, angleRad);
  content.push(PDFOperator.of(Ops.PopGraphicsState));
}

function drawTarget(content: PageContent, cx: number, cy: number, radius: number, armPt: number): void {
  content.strokeLine(cx - armPt, cy, cx + armPt, cy, CROP_MARK_STROKE_PT, REGISTRATION);
  content.strokeLine(cx, cy - armPt, cx, cy + armPt, CROP_MARK_STROKE_PT, REGISTRATION);
  const k = radius * KAPPA;
  const n = asNumber;
  content.push(PDFOperator.of(Ops.PushGraphicsState));
  content.stroke(REGISTRATION);
  content.push(
    PDFOperator.of(Ops.SetLineWidth, [n(CROP_MARK_STROKE_PT)]),
    PDFOperator.of(Ops.MoveTo, [n(cx + radius), n(cy)]),
    PDFOperator.of(Ops.AppendBezierCurve, [cx + radius, cy + k, cx + k, cy + radius, cx, cy + radius].map(n)),
    PDFOperator.of(Ops.AppendBezierCurve, [cx - k, cy + radius, cx - radius, cy + k, cx - radius, cy].map(n)),
    PDFOperator.of(Ops.AppendBezierCurve, [cx - radius, cy - k, cx - k, cy - radius, cx, cy - radius].map(n)),
    PDFOperator.of(Ops.AppendBezierCurve, [cx + k, cy - radius, cx + radius, cy - k, cx + radius, cy].map(n)),
    PDFOperator.of(Ops.ClosePath),
    PDFOperator.of(Ops.StrokePath),
    PDFOperator.of(Ops.PopGraphicsState),
  );
}
