/**
 * Decorative borders (花边): the wave, zigzag and diamond-chain styles turned into vector paths that the screen
 * and the PDF both replay as they are (a box item's `motif`), so a 花边 looks the same in both.
 *
 * 1. A style's weight is the whole band it fills, centred on the line (as for the other styles). The motif's
 *    proportions are fractions of that band (`WAVE`, `ZIGZAG`, `DIAMOND`), so a heavier border is a larger motif.
 * 2. Each straight run — a rule, or one side of a box — holds a whole number of repeats: the count is the side's
 *    length over the motif's natural pitch, rounded (at least one), and the pitch is stretched or shrunk to fit
 *    exactly, so a motif never stops half-way at an end or a corner. A wave's or zigzag's repeat is one arch or
 *    tooth, their count odd, so every run begins and ends with an outward crest.
 * 3. Wave and zigzag are one stroked line: each side starts and ends on the centre line at a corner, so the four
 *    sides of a box join into one closed path; at a corner two outward crests meet in a mitred join. The diamond
 *    chain is filled shapes: each side starts with a corner diamond (square, the same both ways) and the chain
 *    runs to the next corner.
 * 4. A box item of a motif carries the band's outer rectangle as `rect`, so anything that bounds an item by its
 *    rectangle (repaint regions, thumbnails) covers the whole border.
 */
import type { Cmyk } from '../model/colour.js';
import type { LineStyle } from '../model/line-style.js';
import type { BoxItem, RectPt } from './page-layout.js';
import type { OutlineStep } from './styled-lines.js';

/**
 * Wave (波纹线): the line is a fifth of the band (so its crests just touch the band's edges) and one period is
 * two bands long — a gentle wave, as the foundry's 波纹 rules are, not a tight squiggle.
 */
const WAVE = { lineBands: 0.2, periodBands: 2 } as const;
/**
 * Zigzag (锯齿线): the same line weight, a period of 1.6 bands; the teeth reach 0.3 of the band either side so a
 * mitred tooth's point (about 1.9 line widths long at this slope) stays inside the band.
 */
const ZIGZAG = { lineBands: 0.2, periodBands: 1.6, amplitudeBands: 0.3 } as const;
/** Diamond chain (菱形花边): one diamond per 1.6 bands, three quarters of the pitch long, the band high. */
const DIAMOND = { pitchBands: 1.6, lengthOfPitch: 0.75 } as const;

/**
 * Handle height of a cubic Bézier arch, in amplitudes: with both handles at 4/3 of the amplitude the curve's
 * crest (its midpoint, ¾ of the handle height) is exactly the amplitude.
 */
const ARCH_HANDLE = 4 / 3;

/** A point, points (y down). */
interface Pt {
  readonly x: number;
  readonly y: number;
}

/** A straight run a motif is laid along: from `a` to `b`, `side` the unit normal the motif's first crest takes. */
interface Run {
  readonly a: Pt;
  readonly b: Pt;
  readonly side: Pt;
}

/** How many whole repeats of a motif of natural pitch `pitchPt` fit a run of `lengthPt` (at least one). */
export function repeatCount(lengthPt: number, pitchPt: number): number {
  return Math.max(1, Math.round(lengthPt / pitchPt));
}

/** The weight of a wave's or zigzag's line at band `weightPt`, points (0 for the filled diamond chain). */
export function motifLineWidthPt(style: LineStyle, weightPt: number): number {
  if (style === 'wave') return WAVE.lineBands * weightPt;
  if (style === 'zigzag') return ZIGZAG.lineBands * weightPt;
  return 0;
}

function along(run: Run, uPt: number, vPt: number): Pt {
  const lengthPt = Math.hypot(run.b.x - run.a.x, run.b.y - run.a.y);
  const dx = (run.b.x - run.a.x) / lengthPt;
  const dy = (run.b.y - run.a.y) / lengthPt;
  return { x: run.a.x + dx * uPt + run.side.x * vPt, y: run.a.y + dy * uPt + run.side.y * vPt };
}

/**
 * How many arches or teeth (half periods) fit a run of `lengthPt` at a natural half period of `halfPt`: the odd
 * count nearest the natural one (at least one), so a run starts and ends with an outward crest and is the same
 * read from either end — at a box corner two outward crests meet, and the line turns there cleanly.
 */
export function halfWaveCount(lengthPt: number, halfPt: number): number {
  return 2 * Math.max(0, Math.round((lengthPt / halfPt - 1) / 2)) + 1;
}

/**
 * The steps that continue a stroked path (already at `run.a`) along `run` to `run.b`: wave arches or zigzag teeth,
 * alternately outward (along `run.side`) and inward, an odd number of them (`halfWaveCount`).
 */
function strokedRunSteps(style: 'wave' | 'zigzag', run: Run, weightPt: number): OutlineStep[] {
  const lengthPt = Math.hypot(run.b.x - run.a.x, run.b.y - run.a.y);
  const wave = style === 'wave';
  const amplitudePt = wave ? (weightPt - WAVE.lineBands * weightPt) / 2 : ZIGZAG.amplitudeBands * weightPt;
  const halves = halfWaveCount(lengthPt, ((wave ? WAVE.periodBands : ZIGZAG.periodBands) * weightPt) / 2);
  const halfPt = lengthPt / halves;
  const steps: OutlineStep[] = [];
  for (let j = 0; j < halves; j++) {
    const sign = j % 2 === 0 ? 1 : -1;
    const u = j * halfPt;
    const end = j === halves - 1 ? run.b : along(run, u + halfPt, 0);
    if (wave) {
      const handle = sign * ARCH_HANDLE * amplitudePt;
      const c1 = along(run, u + halfPt / 3, handle);
      const c2 = along(run, u + (2 * halfPt) / 3, handle);
      steps.push({ op: 'curve', c1xPt: c1.x, c1yPt: c1.y, c2xPt: c2.x, c2yPt: c2.y, xPt: end.x, yPt: end.y });
    } else {
      const peak = along(run, u + halfPt / 2, sign * amplitudePt);
      steps.push({ op: 'line', xPt: peak.x, yPt: peak.y }, { op: 'line', xPt: end.x, yPt: end.y });
    }
  }
  return steps;
}

/** One closed diamond centred `uPt` along `run`, `lengthPt` along it and `heightPt` across. */
function diamondSteps(run: Run, uPt: number, lengthPt: number, heightPt: number): OutlineStep[] {
  const points = [along(run, uPt - lengthPt / 2, 0), along(run, uPt, heightPt / 2), along(run, uPt + lengthPt / 2, 0), along(run, uPt, -heightPt / 2)];
  return [
    { op: 'move', xPt: points[0]!.x, yPt: points[0]!.y },
    ...points.slice(1).map((p): OutlineStep => ({ op: 'line', xPt: p.x, yPt: p.y })),
    { op: 'close' },
  ];
}

/**
 * The diamonds of a chain along `run`. On a box side (`cornered`) the first diamond is the corner's, centred on
 * `run.a` and square; the rest are spaced evenly up to (not including) `run.b`, the next side's corner. On a rule
 * the diamonds sit centred in equal cells from end to end.
 */
function diamondRunSteps(run: Run, weightPt: number, cornered: boolean): OutlineStep[] {
  const lengthPt = Math.hypot(run.b.x - run.a.x, run.b.y - run.a.y);
  const count = repeatCount(lengthPt, DIAMOND.pitchBands * weightPt);
  const pitchPt = lengthPt / count;
  const diamondPt = DIAMOND.lengthOfPitch * pitchPt;
  const steps: OutlineStep[] = [];
  for (let i = 0; i < count; i++) {
    if (cornered) steps.push(...diamondSteps(run, i * pitchPt, i === 0 ? weightPt : diamondPt, weightPt));
    else steps.push(...diamondSteps(run, (i + 0.5) * pitchPt, diamondPt, weightPt));
  }
  return steps;
}

/** The one item of a motif: a stroked line (wave, zigzag) or filled shapes (diamonds), bounded by `rect`. */
function motifItem(style: LineStyle, weightPt: number, colour: Cmyk, rect: RectPt, motif: OutlineStep[], frameId?: string): BoxItem {
  const lineWidthPt = motifLineWidthPt(style, weightPt);
  const base = { kind: 'box' as const, rect, motif, ...(frameId !== undefined ? { frameId } : {}) };
  return lineWidthPt > 0 ? { ...base, strokePt: lineWidthPt, stroke: colour } : { ...base, strokePt: 0, fill: colour };
}

/** A segment, points. */
interface Segment {
  readonly x1Pt: number;
  readonly y1Pt: number;
  readonly x2Pt: number;
  readonly y2Pt: number;
}

/**
 * The item that draws a rule `segment` in a decorative `style` with band `weightPt`: whole repeats from end to
 * end, the first crest above a horizontal rule (left of a vertical one). Empty for a zero-length segment.
 */
export function decorativeRuleItems(segment: Segment, weightPt: number, style: LineStyle, colour: Cmyk, frameId?: string): BoxItem[] {
  const lengthPt = Math.hypot(segment.x2Pt - segment.x1Pt, segment.y2Pt - segment.y1Pt);
  if (lengthPt === 0 || !(weightPt > 0)) return [];
  // The normal pointing up (or left, for a vertical rule), whichever way the rule was drawn.
  let nx = (segment.y2Pt - segment.y1Pt) / lengthPt;
  let ny = -(segment.x2Pt - segment.x1Pt) / lengthPt;
  if (ny > 0 || (ny === 0 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  const run: Run = { a: { x: segment.x1Pt, y: segment.y1Pt }, b: { x: segment.x2Pt, y: segment.y2Pt }, side: { x: nx, y: ny } };
  const motif: OutlineStep[] = style === 'diamonds'
    ? diamondRunSteps(run, weightPt, false)
    : [{ op: 'move', xPt: run.a.x, yPt: run.a.y }, ...strokedRunSteps(style === 'wave' ? 'wave' : 'zigzag', run, weightPt)];
  const halfPt = weightPt / 2;
  const rect: RectPt = {
    xPt: Math.min(segment.x1Pt, segment.x2Pt) - halfPt,
    yPt: Math.min(segment.y1Pt, segment.y2Pt) - halfPt,
    widthPt: Math.abs(segment.x2Pt - segment.x1Pt) + weightPt,
    heightPt: Math.abs(segment.y2Pt - segment.y1Pt) + weightPt,
  };
  return [motifItem(style, weightPt, colour, rect, motif, frameId)];
}

/**
 * The item that draws the border of `rect` in a decorative `style` with band `weightPt`, centred on the edge:
 * the sides clockwise from the top-left corner, each with whole repeats; a wave or zigzag is one closed path
 * through the four corners, a diamond chain has a square diamond on each corner.
 */
export function decorativeBoxItems(rect: RectPt, weightPt: number, style: LineStyle, colour: Cmyk, frameId?: string): BoxItem[] {
  if (!(weightPt > 0) || rect.widthPt <= 0 || rect.heightPt <= 0) return [];
  const { xPt: x, yPt: y, widthPt: w, heightPt: h } = rect;
  const corners: Pt[] = [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
  // Clockwise in y-down page space, the outward normal of a side running (dx, dy) is (dy, −dx).
  const runs: Run[] = corners.map((a, i) => {
    const b = corners[(i + 1) % 4]!;
    const lengthPt = Math.hypot(b.x - a.x, b.y - a.y);
    return { a, b, side: { x: (b.y - a.y) / lengthPt, y: -(b.x - a.x) / lengthPt } };
  });
  let motif: OutlineStep[];
  if (style === 'diamonds') motif = runs.flatMap((run) => diamondRunSteps(run, weightPt, true));
  else {
    motif = [{ op: 'move', xPt: x, yPt: y }];
    for (const run of runs) motif.push(...strokedRunSteps(style === 'wave' ? 'wave' : 'zigzag', run, weightPt));
    motif.push({ op: 'close' });
  }
  const halfPt = weightPt / 2;
  const outer: RectPt = { xPt: x - halfPt, yPt: y - halfPt, widthPt: w + weightPt, heightPt: h + weightPt };
  return [motifItem(style, weightPt, colour, outer, motif, frameId)];
}
