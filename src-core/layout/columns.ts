/**
 * Column geometry of a text frame on the page grid.
 *
 * 1. Columns: the story's `columns` block count when set, else the frame's; gutters likewise, measured
 *    in body-size characters. Column width = (frame width − gutters) / columns, at least one body character
 *    (a narrower frame gets fewer columns).
 * 2. Rows: the frame's first grid cell is the first one at or below its top edge; its end cell is the last
 *    one ending at or above its bottom edge, so every line set in it lies on the page grid.
 */
import type { TextFrame } from '../model/document.js';
import type { ColumnsAttrs } from './blocks.js';
import type { PageGrid } from './grid.js';

/** Where a frame's text may go, points and grid cells. */
export interface FrameGeometry {
  readonly frame: TextFrame;
  /** Column left edges (x, points) and the shared column width. */
  readonly columnXPt: readonly number[];
  readonly columnWidthPt: number;
  readonly gutterPt: number;
  /** Draw rules in the gutters. */
  readonly columnRule: boolean;
  /** First grid cell inside the frame. */
  readonly topCell: number;
  /** Exclusive last grid cell inside the frame. */
  readonly endCell: number;
}

/**
 * Computes a frame's columns and grid rows. A frame too narrow for its column count (a column would be
 * narrower than one body character) gets fewer columns rather than none: text is never dropped for geometry.
 */
export function frameGeometry(frame: TextFrame, attrs: ColumnsAttrs | null, grid: PageGrid): FrameGeometry {
  let count = attrs?.count ?? frame.columns;
  const gutterPt = (attrs?.gutterChars ?? frame.gutterChars) * grid.bodySizePt;
  const widthFor = (n: number) => (frame.widthPt - (n - 1) * gutterPt) / n;
  while (count > 1 && widthFor(count) < grid.bodySizePt) count--;
  const columnWidthPt = widthFor(count);
  const columnXPt: number[] = [];
  for (let i = 0; i < count; i++) columnXPt.push(frame.xPt + i * (columnWidthPt + gutterPt));
  return {
    frame,
    columnXPt,
    columnWidthPt,
    gutterPt,
    columnRule: frame.columnRule || attrs?.rule === true,
    topCell: grid.firstCellAtOrBelow(frame.yPt),
    endCell: grid.endCellAtOrAbove(frame.yPt + frame.heightPt),
  };
}
