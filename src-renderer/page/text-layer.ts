/**
 * The page's text as paragraphs, read from the composed layout (never re-broken): the accessible text layer
 * under the canvas, for screen readers and for tests that check what the page shows. It reads exactly as the
 * PDF's text does, because both follow the layout's paint order (the exporter draws `items` in order).
 *
 * 1. Glyph runs are taken in paint order; each story run is matched to its LineBox (same frame and baseline,
 *    the nearest horizontally: a compressed opening quote may start left of its line's box, so glyphs are
 *    never filtered by position). Runs on no LineBox — jump lines (下转/上接), box labels such as 广告 — form
 *    lines of their own.
 * 2. Lines are grouped per frame, frames in the order their first run is painted.
 * 3. Within a frame a paragraph starts at a block's first line (`LineBox.blockStart`: a subhead, headline or
 *    paragraph), at every line on no LineBox, and after one; other lines continue the paragraph, across
 *    columns too. A line's text is its glyphs' source text in the composer's order; lines of a paragraph join
 *    without a separator, except a space between two Latin words (a line never splits one).
 */
import type { GlyphRunItem, LineBox, PageLayout } from '../../src-core/layout/page-layout.js';

/** Tolerance when matching a run's baseline to a line's, points (layout values are exact; this absorbs float noise). */
const BASELINE_EPSILON_PT = 0.01;

/** A Latin letter or digit at the end / start of a line's text. */
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** The text of one frame on the page. */
export interface FrameText {
  frameId: string;
  /** The story the frame shows; null for a frame whose only text is furniture (a box's label). */
  storyId: string | null;
  /** Its paragraphs in reading order: story blocks (as far as this frame holds them) and jump lines or labels. */
  paragraphs: string[];
}

/** The key runs and lines of one frame and baseline share. */
const baselineKey = (frameId: string, baselineYPt: number) => `${frameId}|${Math.round(baselineYPt * 100)}`;

/** The LineBox a story run is set on: same frame and baseline, the nearest horizontally; null for furniture. */
function lineOfRun(run: GlyphRunItem, candidates: readonly LineBox[]): LineBox | null {
  if (run.jump || run.glyphs.length === 0) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const g of run.glyphs) {
    minX = Math.min(minX, g.xPt);
    maxX = Math.max(maxX, g.xPt);
  }
  // The run's middle (its last glyph taken a full em wide): inside its own line's box, far from a neighbour's.
  const midPt = (minX + maxX + run.sizePt) / 2;
  let best: LineBox | null = null;
  let bestDistance = Infinity;
  for (const line of candidates) {
    if (Math.abs(line.baselineYPt - run.baselineYPt) > BASELINE_EPSILON_PT) continue;
    const right = line.rect.xPt + line.rect.widthPt;
    const distance = midPt < line.rect.xPt ? line.rect.xPt - midPt : midPt > right ? midPt - right : 0;
    if (distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best;
}

/** The page's text per frame, paragraph by paragraph, as set (see the module summary). */
export function pageTextParagraphs(layout: PageLayout): FrameText[] {
  const linesByBaseline = new Map<string, LineBox[]>();
  for (const line of layout.lines) {
    const key = baselineKey(line.frameId, line.baselineYPt);
    const list = linesByBaseline.get(key);
    if (list) list.push(line);
    else linesByBaseline.set(key, [line]);
  }
  const frames = new Map<string, FrameText>();
  /** Per frame: what the last run was set on (a LineBox, or a furniture line's key). */
  const lastLine = new Map<string, LineBox | string>();
  for (const item of layout.items) {
    if (item.kind !== 'glyphs' || !item.frameId) continue;
    const frameId = item.frameId;
    const key = baselineKey(frameId, item.baselineYPt);
    const box = lineOfRun(item, linesByBaseline.get(key) ?? []);
    const on: LineBox | string = box ?? `${key}|${item.jump ?? 'label'}`;
    let frame = frames.get(frameId);
    if (!frame) {
      frame = { frameId, storyId: item.storyId ?? null, paragraphs: [] };
      frames.set(frameId, frame);
    }
    if (frame.storyId === null && item.storyId) frame.storyId = item.storyId;
    const previous = lastLine.get(frameId);
    const sameLine = previous === on;
    const continues = sameLine || (box !== null && !box.blockStart && previous !== undefined && typeof previous !== 'string');
    const text = item.glyphs.map((g) => g.text).join('');
    lastLine.set(frameId, on);
    if (!continues || frame.paragraphs.length === 0) {
      frame.paragraphs.push(text);
      continue;
    }
    const last = frame.paragraphs.length - 1;
    // Latin words are never split over lines, so two meeting at a line end had a space there (set as none).
    const space = !sameLine && LATIN_END.test(frame.paragraphs[last]!) && LATIN_START.test(text) ? ' ' : '';
    frame.paragraphs[last] += space + text;
  }
  return [...frames.values()];
}
