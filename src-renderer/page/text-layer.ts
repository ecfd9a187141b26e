/**
 * The page's text as lines, read from the composed layout (never re-broken): the accessible text layer under
 * the canvas, for screen readers and for tests that check what the page shows.
 *
 * 1. Glyph runs are bucketed by frame and baseline.
 * 2. Each LineBox takes the glyphs of its bucket that lie inside its rectangle, in x order.
 * 3. Lines are grouped per frame, in layout order; furniture runs without lines are not included.
 */
import type { GlyphRunItem, PageLayout } from '../../src-core/layout/page-layout.js';

/** Tolerance when matching a run's baseline to a line's, points (layout values are exact; this absorbs float noise). */
const BASELINE_EPSILON_PT = 0.01;
/** Reach outside a line's box for glyphs whose origin sits on the edge (compressed brackets), points. */
const EDGE_SLOP_PT = 1;

/** The text of one frame on the page. */
export interface FrameText {
  frameId: string;
  storyId: string;
  lines: string[];
}

/** The page's text per frame, line by line, as set. */
export function pageTextLines(layout: PageLayout): FrameText[] {
  const buckets = new Map<string, GlyphRunItem[]>();
  for (const item of layout.items) {
    if (item.kind !== 'glyphs' || !item.frameId) continue;
    const key = `${item.frameId}|${Math.round(item.baselineYPt * 100)}`;
    const list = buckets.get(key);
    if (list) list.push(item);
    else buckets.set(key, [item]);
  }
  const frames = new Map<string, FrameText>();
  for (const line of layout.lines) {
    const runs = buckets.get(`${line.frameId}|${Math.round(line.baselineYPt * 100)}`) ?? [];
    const glyphs: { xPt: number; text: string }[] = [];
    for (const run of runs) {
      if (Math.abs(run.baselineYPt - line.baselineYPt) > BASELINE_EPSILON_PT) continue;
      for (const g of run.glyphs) {
        if (g.xPt >= line.rect.xPt - EDGE_SLOP_PT && g.xPt < line.rect.xPt + line.rect.widthPt + EDGE_SLOP_PT) glyphs.push(g);
      }
    }
    glyphs.sort((a, b) => a.xPt - b.xPt);
    let entry = frames.get(line.frameId);
    if (!entry) {
      entry = { frameId: line.frameId, storyId: line.storyId, lines: [] };
      frames.set(line.frameId, entry);
    }
    entry.lines.push(glyphs.map((g) => g.text).join(''));
  }
  return [...frames.values()];
}
