/**
 * Snapping for frame moves and resizes: x to the grid's column edges, y to baseline-grid cell tops, when
 * within a tolerance. Pure; lengths in points.
 *
 * 1. `columnEdgesPt` lists every column's left and right edge across the type area.
 * 2. `snapToNearest` moves a value onto the nearest target within the tolerance, else leaves it.
 * 3. `snapFrameRect` snaps a moved frame's left (or right) edge to a column edge and its top to a cell top.
 */
import type { PageGrid } from '../../src-core/layout/grid.js';
import type { Template } from '../../src-core/model/template.js';
import type { RectPt } from '../../src-core/layout/page-layout.js';

/** Column edges (left and right of each grid column), points, ascending. */
export function columnEdgesPt(template: Template, grid: PageGrid): number[] {
  const charPt = grid.bodySizePt;
  const columnPt = template.grid.charsPerColumn * charPt;
  const gutterPt = template.grid.gutterChars * charPt;
  const edges: number[] = [];
  for (let c = 0; c < template.grid.columns; c++) {
    const left = grid.typeArea.xPt + c * (columnPt + gutterPt);
    edges.push(left, left + columnPt);
  }
  return edges;
}

/** The target nearest to `value` if it lies within `tolerance`, else `value`. */
export function snapToNearest(value: number, targets: readonly number[], tolerance: number): number {
  let best = value;
  let bestDistance = tolerance;
  for (const t of targets) {
    const d = Math.abs(t - value);
    if (d <= bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/** Snaps a rectangle's position: left or right edge (whichever is closer) to a column edge, top to a grid cell top. */
export function snapFrameRect(rect: RectPt, template: Template, grid: PageGrid, tolerancePt: number): RectPt {
  const edges = columnEdgesPt(template, grid);
  const left = snapToNearest(rect.xPt, edges, tolerancePt);
  const right = snapToNearest(rect.xPt + rect.widthPt, edges, tolerancePt);
  let xPt = rect.xPt;
  if (left !== rect.xPt && (right === rect.xPt + rect.widthPt || Math.abs(left - rect.xPt) <= Math.abs(right - rect.xPt - rect.widthPt))) xPt = left;
  else if (right !== rect.xPt + rect.widthPt) xPt = right - rect.widthPt;
  const cell = Math.round((rect.yPt - grid.typeArea.yPt) / grid.pitchPt);
  const cellTop = grid.cellTopPt(cell);
  const yPt = Math.abs(cellTop - rect.yPt) <= tolerancePt ? cellTop : rect.yPt;
  return { ...rect, xPt, yPt };
}
