/**
 * Text wrap (文字绕排): where in a column other frames on the page keep text out.
 *
 * 1. Every frame on the page with `wrap` set, except the text frame being filled, is an obstacle: its
 *    rectangle grown by the wrap gap on every side. A rotated picture or box keeps text out of the bounding box
 *    of its turned rectangle (rotation.ts), grown by the gap: text runs square to the grid, so a turned photo
 *    clears the lines its corners reach (the box, not the polygon: a leg of type beside a corner is debris).
 * 2. An obstacle that overlaps a column (or, for a headline group, the frame's full width) horizontally by
 *    more than a hairline concerns the grid cells it overlaps vertically by more than a hairline.
 * 3. A `jump` obstacle blocks those cells: a band of cells [startCell, endCell). Text jumps the band — the
 *    newspaper way, column by column.
 * 4. An `around` obstacle narrows those cells to the wider of the two sides it leaves free, in whole body
 *    characters (the character grid), set flush with the column edge away from the obstacle. A side
 *    narrower than `MIN_AROUND_MEASURE_CHARS` is no room: the obstacle then blocks the cells like `jump`.
 * 5. Bands of one column are merged and sorted, so a line is cleared of all of them in one pass; a line's
 *    measure is the column narrowed by every narrowing its cells overlap (`measureAt`).
 * 6. Column rules are cut where an obstacle covers the gutter, so a rule never runs through a photo.
 * Pure geometry: the same frames give the same bands and measures.
 */
import { MIN_AROUND_MEASURE_CHARS, type Frame, type Page } from '../model/document.js';
import type { PageGrid } from './grid.js';
import type { RectPt } from './page-layout.js';
import { frameRotation, rotatedBounds } from './rotation.js';

/**
 * Overlap below which a frame does not count as covering a column or a grid line, points: frames placed
 * in millimetres or snapped to columns touch their neighbours within rounding noise, which must not block.
 */
const HAIRLINE_PT = 0.5;
/** Slack when counting whole characters beside an obstacle, points: frames placed in millimetres carry rounding noise. */
const MEASURE_EPSILON_PT = 0.01;
/** Slack when comparing grid cells (lines of exact leading may start between cells). */
const CELL_EPSILON = 1e-6;

/** A frame text keeps out of: its rectangle grown by its wrap gap, points. */
export interface WrapObstacle {
  readonly frameId: string;
  readonly rect: RectPt;
  /** Text runs beside the obstacle where there is room (`around`), instead of jumping it. */
  readonly around: boolean;
}

/** Grid cells [startCell, endCell) of one column that text may not use. */
export interface WrapBand {
  readonly startCell: number;
  readonly endCell: number;
}

/** The wrap obstacles on a page for text in `textFrameId` (never the frame itself), in page order. */
export function collectWrapObstacles(page: Page, textFrameId: string): WrapObstacle[] {
  const out: WrapObstacle[] = [];
  for (const frame of page.frames) {
    if (!frame.wrap || frame.id === textFrameId) continue;
    out.push({ frameId: frame.id, rect: wrapRectOf(frame, frame.wrap.gapPt), around: frame.wrap.mode === 'around' });
  }
  return out;
}

/**
 * The rectangle text keeps out of around a wrapping frame (step 1), points: the frame's rectangle — for a
 * rotated picture or box, the bounding box of its turned rectangle — grown by `gapPt` on every side.
 */
export function wrapRectOf(frame: Frame, gapPt: number): RectPt {
  const turn = frame.kind === 'image' || frame.kind === 'box' ? frameRotation(frame) : undefined;
  const r = rotatedBounds({ xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt }, turn);
  return { xPt: r.xPt - gapPt, yPt: r.yPt - gapPt, widthPt: r.widthPt + 2 * gapPt, heightPt: r.heightPt + 2 * gapPt };
}

/** Cells [startCell, endCell) of a column where text runs in the narrower measure x ∈ [xPt, xPt + widthPt]. */
export interface WrapNarrowing {
  readonly startCell: number;
  readonly endCell: number;
  readonly xPt: number;
  readonly widthPt: number;
}

/** What wrap obstacles do to one column: cells blocked and cells narrowed. */
export interface ColumnWrap {
  /** Blocked cells, merged and sorted by start. */
  readonly bands: readonly WrapBand[];
  /** Narrowed cells, in obstacle order (they may overlap one another). */
  readonly narrowings: readonly WrapNarrowing[];
}

/** A column without wrap. */
export const NO_WRAP: ColumnWrap = { bands: [], narrowings: [] };

/**
 * What the obstacles do to a column spanning x ∈ [leftPt, rightPt] (see the module summary, steps 2–5).
 * Both lists are empty when no obstacle overlaps the column.
 */
export function columnWrap(obstacles: readonly WrapObstacle[], leftPt: number, rightPt: number, grid: PageGrid): ColumnWrap {
  const bands: WrapBand[] = [];
  const narrowings: WrapNarrowing[] = [];
  const charPt = grid.bodySizePt;
  for (const { rect, around } of obstacles) {
    const obstacleRightPt = rect.xPt + rect.widthPt;
    const overlapPt = Math.min(rightPt, obstacleRightPt) - Math.max(leftPt, rect.xPt);
    if (overlapPt <= HAIRLINE_PT) continue;
    // A cell is concerned when it overlaps the obstacle by more than a hairline: from the first cell ending
    // below its top to the first cell starting at or below its bottom.
    const startCell = grid.endCellAtOrAbove(rect.yPt + HAIRLINE_PT);
    const endCell = grid.firstCellAtOrBelow(rect.yPt + rect.heightPt - HAIRLINE_PT);
    if (endCell <= startCell) continue;
    if (around) {
      const leftChars = Math.floor((rect.xPt - leftPt + MEASURE_EPSILON_PT) / charPt);
      const rightChars = Math.floor((rightPt - obstacleRightPt + MEASURE_EPSILON_PT) / charPt);
      const chars = Math.max(leftChars, rightChars);
      if (chars >= MIN_AROUND_MEASURE_CHARS) {
        const widthPt = chars * charPt;
        // Text starts where reading starts when both sides are equal: at the column's left edge.
        const xPt = leftChars >= rightChars ? leftPt : rightPt - widthPt;
        narrowings.push({ startCell, endCell, xPt, widthPt });
        continue;
      }
    }
    bands.push({ startCell, endCell });
  }
  return { bands: mergeBands(bands), narrowings };
}

function mergeBands(bands: WrapBand[]): WrapBand[] {
  bands.sort((a, b) => a.startCell - b.startCell);
  const merged: WrapBand[] = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && band.startCell <= last.endCell) merged[merged.length - 1] = { startCell: last.startCell, endCell: Math.max(last.endCell, band.endCell) };
    else merged.push(band);
  }
  return merged;
}

/** A line's horizontal extent, points. */
export interface LineMeasure {
  readonly xPt: number;
  readonly widthPt: number;
}

/**
 * The measure of a line `needCells` tall at `cell` in a column x ∈ [leftPt, leftPt + widthPt]: the column
 * narrowed by every narrowing the line overlaps. Null when the narrowings together leave less than
 * `MIN_AROUND_MEASURE_CHARS` characters (two obstacles from both sides): the line must move on.
 */
export function measureAt(narrowings: readonly WrapNarrowing[], leftPt: number, widthPt: number, cell: number, needCells: number, grid: PageGrid): LineMeasure | null {
  let left = leftPt;
  let right = leftPt + widthPt;
  let narrowed = false;
  for (const n of narrowings) {
    if (n.endCell <= cell + CELL_EPSILON || n.startCell >= cell + needCells - CELL_EPSILON) continue;
    left = Math.max(left, n.xPt);
    right = Math.min(right, n.xPt + n.widthPt);
    narrowed = true;
  }
  if (!narrowed) return { xPt: leftPt, widthPt };
  return right - left >= MIN_AROUND_MEASURE_CHARS * grid.bodySizePt - HAIRLINE_PT ? { xPt: left, widthPt: right - left } : null;
}

/**
 * The first cell at or after `cell` where a line `needCells` tall overlaps no band (bands sorted and merged,
 * as `columnWrap` returns them). May lie beyond the column's end: the caller then moves on.
 */
export function clearOfBands(bands: readonly WrapBand[], cell: number, needCells: number): number {
  let at = cell;
  for (const band of bands) {
    if (band.endCell <= at + CELL_EPSILON) continue;
    if (at + needCells <= band.startCell + CELL_EPSILON) break;
    at = band.endCell;
  }
  return at;
}

/** Number of whole cells of [fromCell, toCell) that bands block. */
export function blockedCells(bands: readonly WrapBand[], fromCell: number, toCell: number): number {
  let cells = 0;
  for (const band of bands) cells += Math.max(0, Math.min(toCell, band.endCell) - Math.max(fromCell, band.startCell));
  return cells;
}

/**
 * The parts of a vertical rule at `xPt` from `y1Pt` to `y2Pt` that no obstacle covers, top to bottom.
 * Zero-length leftovers are dropped.
 */
export function ruleSegmentsClear(obstacles: readonly WrapObstacle[], xPt: number, y1Pt: number, y2Pt: number): [number, number][] {
  let segments: [number, number][] = [[y1Pt, y2Pt]];
  for (const { rect } of obstacles) {
    if (xPt <= rect.xPt || xPt >= rect.xPt + rect.widthPt) continue;
    const top = rect.yPt;
    const bottom = rect.yPt + rect.heightPt;
    const next: [number, number][] = [];
    for (const [a, b] of segments) {
      if (bottom <= a || top >= b) {
        next.push([a, b]);
        continue;
      }
      if (top > a) next.push([a, top]);
      if (bottom < b) next.push([bottom, b]);
    }
    segments = next;
  }
  return segments.filter(([a, b]) => b - a > HAIRLINE_PT);
}
