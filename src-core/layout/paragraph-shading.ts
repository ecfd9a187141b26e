/**
 * Paragraph shading (底纹): the tinted rectangles behind a placed paragraph, as box items the page canvas and
 * the PDF both draw (fill only, no stroke).
 *
 * 1. The paragraph's placed lines are split into parts: a new part starts at every change of frame or column
 *    and wherever a wrap's band leaves a vertical gap between two lines of one column.
 * 2. Each part gets one rectangle: horizontally the lines' full measures (`extent: 'column'`) or their set
 *    text (`'text'`: leftmost first caret to rightmost last caret), vertically from the first line's cell top
 *    to the last line's cell bottom; then widened outward by the insets.
 * 3. The boxes are emitted before the paragraph's glyph runs (flow.ts puts them under the text), so the text
 *    paints over its tint on screen and in print.
 */
import type { ParagraphShading } from '../model/text-effects.js';
import type { BoxItem } from './page-layout.js';

/** Slack when comparing line edges, points: a line that starts where the last ended is not a gap. */
const EDGE_EPSILON_PT = 1e-6;

/** Where one line of a paragraph was placed, points. */
export interface ShadedLineExtent {
  readonly frameId: string;
  readonly column: number;
  /** The line's measure (column, or narrower beside a wrap), left and right edges. */
  readonly measureLeftPt: number;
  readonly measureRightPt: number;
  /** The set text's left and right edges (first and last caret). */
  readonly leftPt: number;
  readonly rightPt: number;
  /** The line's grid cells, top and bottom. */
  readonly topPt: number;
  readonly bottomPt: number;
}

/** Groups line extents into the parts one rectangle covers (see the module summary, step 1). */
export function shadingParts<E extends ShadedLineExtent>(extents: readonly E[]): E[][] {
  const parts: E[][] = [];
  let previous: E | undefined;
  for (const e of extents) {
    const split = !previous || previous.frameId !== e.frameId || previous.column !== e.column || e.topPt > previous.bottomPt + EDGE_EPSILON_PT;
    if (split) parts.push([e]);
    else parts[parts.length - 1]!.push(e);
    previous = e;
  }
  return parts;
}

/**
 * The shading boxes of one paragraph, in the order of its parts (empty when it placed no line).
 * @param extents the paragraph's placed lines, in reading order
 */
export function paragraphShadingBoxes(shading: ParagraphShading, extents: readonly ShadedLineExtent[]): BoxItem[] {
  const { insets } = shading;
  return shadingParts(extents).map((part) => {
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    for (const e of part) {
      left = Math.min(left, shading.extent === 'text' ? e.leftPt : e.measureLeftPt);
      right = Math.max(right, shading.extent === 'text' ? e.rightPt : e.measureRightPt);
      top = Math.min(top, e.topPt);
      bottom = Math.max(bottom, e.bottomPt);
    }
    const xPt = left - insets.leftPt;
    const yPt = top - insets.topPt;
    return {
      kind: 'box', rect: { xPt, yPt, widthPt: right + insets.rightPt - xPt, heightPt: bottom + insets.bottomPt - yPt },
      strokePt: 0, fill: shading.colour, frameId: part[0]!.frameId,
    };
  });
}
