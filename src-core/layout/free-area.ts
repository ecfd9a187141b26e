/**
 * Where a new frame can go on a page without covering anything: the first empty place on the grid.
 *
 * 1. Candidate positions are the grid's column starts (left edges of the template's columns) and the top of
 *    every grid cell of the type area (版心), tried in reading order: row by row from the top, left to right
 *    in each row.
 * 2. The frame's width is taken as given; its height is rounded up to whole grid cells, so the frame sits on
 *    the grid as a layout editor would draw it.
 * 3. A candidate is free when the rectangle lies inside the type area and overlaps no frame of the page
 *    (rules, boxes, headers and mastheads included). Touching edges is not overlap.
 * 4. The first free candidate wins; when none is free the answer is `undefined` and the caller asks the user
 *    where the frame goes.
 */
import type { Template } from '../model/template.js';
import type { PageGrid } from './grid.js';
import type { RectPt } from './page-layout.js';

/** How the template divides the type area into columns, in body characters. */
export interface GridColumns {
  /** Number of grid columns (栏). */
  readonly count: number;
  /** Width of one column, body characters. */
  readonly charsPerColumn: number;
  /** Gap between columns, body characters. */
  readonly gutterChars: number;
}

/** The grid columns a template sets. */
export function gridColumnsOf(template: Template): GridColumns {
  const { columns, charsPerColumn, gutterChars } = template.grid;
  return { count: columns, charsPerColumn, gutterChars };
}

/** Overlap smaller than this (points) counts as touching: frames placed from millimetres carry rounding noise. */
const TOUCH_TOLERANCE_PT = 0.01;

function overlaps(a: RectPt, b: RectPt): boolean {
  return (
    a.xPt + a.widthPt > b.xPt + TOUCH_TOLERANCE_PT &&
    b.xPt + b.widthPt > a.xPt + TOUCH_TOLERANCE_PT &&
    a.yPt + a.heightPt > b.yPt + TOUCH_TOLERANCE_PT &&
    b.yPt + b.heightPt > a.yPt + TOUCH_TOLERANCE_PT
  );
}

/** Left edge of grid column `column` (0-based), points. */
export function columnStartPt(grid: PageGrid, columns: GridColumns, column: number): number {
  return grid.typeArea.xPt + column * (columns.charsPerColumn + columns.gutterChars) * grid.bodySizePt;
}

/** Width of `span` grid columns with the gutters between them, points. */
export function columnSpanWidthPt(grid: PageGrid, columns: GridColumns, span: number): number {
  return (span * columns.charsPerColumn + (span - 1) * columns.gutterChars) * grid.bodySizePt;
}

/**
 * The first empty grid-aligned place for a frame of `widthPt` × `heightPt` (height rounded up to whole grid
 * cells) among `occupied` rectangles (the page's frames), in reading order; `undefined` when nothing fits.
 * Invariant: a returned rectangle lies inside the type area and overlaps none of `occupied`.
 */
export function findFreeGridArea(grid: PageGrid, columns: GridColumns, occupied: readonly RectPt[], widthPt: number, heightPt: number): RectPt | undefined {
  const area = grid.typeArea;
  const cells = Math.max(1, Math.ceil(heightPt / grid.pitchPt - TOUCH_TOLERANCE_PT));
  const snappedHeightPt = cells * grid.pitchPt;
  if (widthPt > area.widthPt + TOUCH_TOLERANCE_PT || snappedHeightPt > area.heightPt + TOUCH_TOLERANCE_PT) return undefined;
  const rows = Math.round(area.heightPt / grid.pitchPt);
  for (let row = 0; row + cells <= rows; row++) {
    const yPt = grid.cellTopPt(row);
    for (let column = 0; column < columns.count; column++) {
      const xPt = columnStartPt(grid, columns, column);
      if (xPt + widthPt > area.xPt + area.widthPt + TOUCH_TOLERANCE_PT) break;
      const rect: RectPt = { xPt, yPt, widthPt, heightPt: snappedHeightPt };
      if (!occupied.some((o) => overlaps(rect, o))) return rect;
    }
  }
  return undefined;
}

/**
 * A frame of `widthPt` × `heightPt` with its top-left corner snapped to the grid column start and cell top
 * nearest the point (`xPt`, `yPt`), moved back inside the type area where it would stick out.
 */
export function snapToGrid(grid: PageGrid, columns: GridColumns, xPt: number, yPt: number, widthPt: number, heightPt: number): RectPt {
  const area = grid.typeArea;
  const stepPt = (columns.charsPerColumn + columns.gutterChars) * grid.bodySizePt;
  const rows = Math.round(area.heightPt / grid.pitchPt);
  const cells = Math.min(rows, Math.max(1, Math.ceil(heightPt / grid.pitchPt - TOUCH_TOLERANCE_PT)));
  const w = Math.min(widthPt, area.widthPt);
  const lastColumn = Math.max(0, columns.count - 1);
  let column = Math.min(lastColumn, Math.max(0, Math.round((xPt - area.xPt) / stepPt)));
  while (column > 0 && columnStartPt(grid, columns, column) + w > area.xPt + area.widthPt + TOUCH_TOLERANCE_PT) column--;
  const row = Math.min(rows - cells, Math.max(0, Math.round((yPt - area.yPt) / grid.pitchPt)));
  return { xPt: columnStartPt(grid, columns, column), yPt: grid.cellTopPt(row), widthPt: w, heightPt: cells * grid.pitchPt };
}
