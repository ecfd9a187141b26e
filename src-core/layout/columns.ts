/**
 * Column geometry of a text frame on the page grid.
 *
 * 1. Columns: the story's `columns` block count when set, else the frame's; gutters likewise, measured
 *    in body-size characters. Equal columns: width = (frame width − gutters) / columns, at least one body
 *    character (a narrower frame gets fewer columns).
 * 2. Unequal columns (the frame's `columnWidthsPt`, used when the story does not set its own count): each
 *    column its own width, scaled in proportion when widths and gutters no longer make the frame's width (the
 *    frame was resized after they were set), so the columns always fill the frame.
 * 3. Rows: the frame's first grid cell is the first one at or below its top edge; its end cell is the last
 *    one ending at or above its bottom edge, so every line set in it lies on the page grid.
 */
import type { TextFrame } from '../model/document.js';
import type { ColumnsAttrs } from './blocks.js';
import type { PageGrid } from './grid.js';

/** Where a frame's text may go, points and grid cells. */
export interface FrameGeometry {
  readonly frame: TextFrame;
  /** Column left edges (x, points). */
  readonly columnXPt: readonly number[];
  /** Column widths, points, one per column (all equal unless the frame sets unequal widths). */
  readonly columnWidthsPt: readonly number[];
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
  const rows = { topCell: grid.firstCellAtOrBelow(frame.yPt), endCell: grid.endCellAtOrAbove(frame.yPt + frame.heightPt) };
  const columnRule = frame.columnRule || attrs?.rule === true;
  const unequal = unequalWidthsPt(frame, count, gutterPt, grid.bodySizePt);
  if (unequal) return { frame, columnXPt: edgesOf(frame.xPt, unequal, gutterPt), columnWidthsPt: unequal, gutterPt, columnRule, ...rows };
  const widthFor = (n: number) => (frame.widthPt - (n - 1) * gutterPt) / n;
  while (count > 1 && widthFor(count) < grid.bodySizePt) count--;
  const widths = new Array<number>(count).fill(widthFor(count));
  return { frame, columnXPt: edgesOf(frame.xPt, widths, gutterPt), columnWidthsPt: widths, gutterPt, columnRule, ...rows };
}

/** Left edges of columns of `widthsPt` from `leftPt`, `gutterPt` apart. */
function edgesOf(leftPt: number, widthsPt: readonly number[], gutterPt: number): number[] {
  const out: number[] = [];
  let x = leftPt;
  for (const w of widthsPt) {
    out.push(x);
    x += w + gutterPt;
  }
  return out;
}

/**
 * The frame's own unequal column widths for `count` columns, scaled to fill the frame, or null when it has
 * none for that count or scaling would leave a column narrower than a body character.
 */
function unequalWidthsPt(frame: TextFrame, count: number, gutterPt: number, bodySizePt: number): number[] | null {
  const widths = frame.columnWidthsPt;
  if (!widths || widths.length !== count) return null;
  const sum = widths.reduce((a, b) => a + b, 0);
  const roomPt = frame.widthPt - (count - 1) * gutterPt;
  if (!(sum > 0) || !(roomPt > 0)) return null;
  // Share first, then scale: w × room overflows to Infinity in an absurdly wide frame (1e308 pt) where the share
  // of the room never does.
  const scaled = widths.map((w) => (w / sum) * roomPt);
  return scaled.every((w) => w >= bodySizePt) ? scaled : null;
}
