/**
 * Text wrap (文字绕排): which grid lines of a column other frames on the page keep text out of.
 *
 * 1. Every frame on the page with `wrap` set, except the text frame being filled, is an obstacle: its
 *    rectangle grown by the wrap gap on every side.
 * 2. An obstacle that overlaps a column (or, for a headline group, the frame's full width) horizontally by
 *    more than a hairline blocks the grid cells it overlaps vertically by more than a hairline: a band of
 *    cells [startCell, endCell). Text jumps the band — the newspaper way, column by column — rather than
 *    running beside the obstacle in a narrower measure.
 * 3. Bands of one column are merged and sorted, so a line is cleared of all of them in one pass.
 * 4. Column rules are cut where an obstacle covers the gutter, so a rule never runs through a photo.
 * Pure geometry: the same frames give the same bands.
 */
import type { Frame, Page } from '../model/document.js';
import type { PageGrid } from './grid.js';
import type { RectPt } from './page-layout.js';

/**
 * Overlap below which a frame does not count as covering a column or a grid line, points: frames placed
 * in millimetres or snapped to columns touch their neighbours within rounding noise, which must not block.
 */
const HAIRLINE_PT = 0.5;
/** Slack when comparing grid cells (lines of exact leading may start between cells). */
const CELL_EPSILON = 1e-6;

/** A frame text keeps out of: its rectangle grown by its wrap gap, points. */
export interface WrapObstacle {
  readonly frameId: string;
  readonly rect: RectPt;
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
    out.push({ frameId: frame.id, rect: grownRect(frame, frame.wrap.gapPt) });
  }
  return out;
}

function grownRect(frame: Frame, gapPt: number): RectPt {
  return { xPt: frame.xPt - gapPt, yPt: frame.yPt - gapPt, widthPt: frame.widthPt + 2 * gapPt, heightPt: frame.heightPt + 2 * gapPt };
}

/**
 * The bands of grid cells that obstacles block in a column spanning x ∈ [leftPt, rightPt], merged and sorted
 * by start. Empty when no obstacle overlaps the column.
 */
export function wrapBands(obstacles: readonly WrapObstacle[], leftPt: number, rightPt: number, grid: PageGrid): WrapBand[] {
  const bands: WrapBand[] = [];
  for (const { rect } of obstacles) {
    const overlapPt = Math.min(rightPt, rect.xPt + rect.widthPt) - Math.max(leftPt, rect.xPt);
    if (overlapPt <= HAIRLINE_PT) continue;
    // A cell is blocked when it overlaps the obstacle by more than a hairline: from the first cell ending
    // below its top to the first cell starting at or below its bottom.
    const startCell = grid.endCellAtOrAbove(rect.yPt + HAIRLINE_PT);
    const endCell = grid.firstCellAtOrBelow(rect.yPt + rect.heightPt - HAIRLINE_PT);
    if (endCell > startCell) bands.push({ startCell, endCell });
  }
  bands.sort((a, b) => a.startCell - b.startCell);
  const merged: WrapBand[] = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && band.startCell <= last.endCell) merged[merged.length - 1] = { startCell: last.startCell, endCell: Math.max(last.endCell, band.endCell) };
    else merged.push(band);
  }
  return merged;
}

/**
 * The first cell at or after `cell` where a line `needCells` tall overlaps no band (bands sorted and merged,
 * as `wrapBands` returns them). May lie beyond the column's end: the caller then moves on.
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
