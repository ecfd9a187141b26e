/**
 * The page's baseline grid (TYPOGRAPHY.md §5): one grid per page, shared by every column of every frame.
 *
 * 1. The type area (版心) sits at template.page.typeAreaLeft/TopMm; its width is whole body characters
 *    (columns × charsPerColumn + gutters), its height `linesPerColumn` × `linePitchPt`.
 * 2. Grid cell k spans y ∈ [typeTop + k·pitch, typeTop + (k+1)·pitch). Cells extend above and below the type
 *    area with the same pitch, so frames outside it (masthead, slug) still share the grid.
 * 3. A line occupying n whole cells (or a leading of L points) has its ideographic em box centred in that
 *    height: baseline = top + (L − size)/2 + 0.88·size. For body text (n = 1, size = body size) this puts
 *    every body baseline of the page at typeTop + k·pitch + (pitch − bodySize)/2 + 0.88·bodySize. Type
 *    smaller than the body on a snapped line is placed as if body-sized, so it shares that baseline.
 */
import { mmToPt, parseSizePt } from '../model/units.js';
import type { Template } from '../model/template.js';
import type { RectPt } from './page-layout.js';

/**
 * Height of the ideographic em box above the baseline, in em. CJK fonts (Noto Serif/Sans SC included) put
 * the em box from −0.12 em to +0.88 em around the alphabetic baseline (the OpenType BASE table's `ideo`
 * baseline at −120/1000), so centring the em box in a line means the baseline lies 0.88 em below its top.
 */
export const IDEOGRAPHIC_ASCENT_EM = 0.88;

/** Tolerance for comparing grid positions, points: frames placed from millimetres carry rounding noise. */
const GRID_EPSILON_PT = 0.01;

/** The baseline grid of a page (all lengths in points, y from the trim's top edge). */
export interface PageGrid {
  /** The type area (版心). */
  readonly typeArea: RectPt;
  /** Body type size, points. */
  readonly bodySizePt: number;
  /** Body line pitch (one grid cell), points. */
  readonly pitchPt: number;
  /** Top y of grid cell `cell` (may be negative or beyond `linesPerColumn`). */
  cellTopPt(cell: number): number;
  /** First cell whose top is at or below `yPt`. */
  firstCellAtOrBelow(yPt: number): number;
  /** Exclusive end cell: the cells before it end at or above `yPt`. */
  endCellAtOrAbove(yPt: number): number;
  /** Baseline of a line whose box starts at `topPt` and is `leadingPt` tall, for type of `sizePt`. */
  baselinePt(topPt: number, leadingPt: number, sizePt: number): number;
}

/**
 * Builds the grid from a template.
 * @throws RangeError when the grid's body size cannot be parsed or the pitch is not positive
 */
export function createPageGrid(template: Template): PageGrid {
  const { grid, page } = template;
  const bodySizePt = parseSizePt(grid.bodySize);
  const pitchPt = grid.linePitchPt;
  if (!(pitchPt > 0)) throw new RangeError(`Grid line pitch must be positive, got ${pitchPt}`);
  const typeArea: RectPt = {
    xPt: mmToPt(page.typeAreaLeftMm),
    yPt: mmToPt(page.typeAreaTopMm),
    widthPt: (grid.columns * grid.charsPerColumn + (grid.columns - 1) * grid.gutterChars) * bodySizePt,
    heightPt: grid.linesPerColumn * pitchPt,
  };
  const topPt = typeArea.yPt;
  return {
    typeArea,
    bodySizePt,
    pitchPt,
    cellTopPt: (cell) => topPt + cell * pitchPt,
    firstCellAtOrBelow: (yPt) => Math.ceil((yPt - topPt - GRID_EPSILON_PT) / pitchPt),
    endCellAtOrAbove: (yPt) => Math.floor((yPt - topPt + GRID_EPSILON_PT) / pitchPt),
    baselinePt: (lineTopPt, leadingPt, sizePt) => lineTopPt + (leadingPt - sizePt) / 2 + IDEOGRAPHIC_ASCENT_EM * sizePt,
  };
}
