/**
 * Rule and border styles (花线) turned into what the screen and the PDF draw: plain strokes, dash patterns and
 * box outlines. Both renderers draw these items as they are, so a dash or a 文武线 looks the same in both.
 *
 * 1. A style's weight is the whole band it occupies, centred on the line. `solid` and the broken styles draw
 *    one stroke of that weight; the two-line styles split the band into lines and a gap (`COMPONENTS`) and draw
 *    each line as its own stroke, moved across the line (a rule: the first line above or left) or inset from
 *    the edge (a box: the first line outside).
 * 2. Broken styles get a dash pattern in proportion to the weight, with floors so a hairline's dashes and dots
 *    stay visible on newsprint.
 * 3. A box's outline is one closed path from the end of its top-left corner, clockwise — straight sides and,
 *    when rounded, a cubic Bézier quarter circle per corner — which the screen and the PDF both replay, so a
 *    dash pattern starts at the same point in both.
 * 4. Decorative styles (花边: wave, zigzag, diamonds) are motif paths made by decorative-borders.ts, carried by a
 *    box item's `motif`, which both renderers trace instead of the rectangle.
 */
import type { Cmyk } from '../model/colour.js';
import { DECORATIVE_LINE_STYLES, type LineStyle } from '../model/line-style.js';
import { decorativeBoxItems, decorativeRuleItems } from './decorative-borders.js';
import type { BoxItem, RectPt, RuleItem, StrokeDash } from './page-layout.js';

/**
 * The lines of each two-line style as [start, width], fractions of the band from its first side: 双线 1:1:1;
 * 文武线 3:1:1 (thick, gap, thin), the proportions of the foundry rules it comes from.
 */
const COMPONENTS: Readonly<Record<'double' | 'thick-thin' | 'thin-thick', readonly (readonly [number, number])[]>> = {
  double: [[0, 1 / 3], [2 / 3, 1 / 3]],
  'thick-thin': [[0, 0.6], [0.8, 0.2]],
  'thin-thick': [[0, 0.2], [0.4, 0.6]],
};

/** Dash of a dashed line: three weights, at least 3 pt (shorter reads as dots). */
const DASH_WEIGHTS = 3;
const MIN_DASH_PT = 3;
/** Gap after a dash: two weights, at least 2 pt. */
const DASH_GAP_WEIGHTS = 2;
const MIN_DASH_GAP_PT = 2;
/** Dot pitch of a dotted line: two weights (one dot, one dot's width of paper), at least 1.5 pt. */
const DOT_PITCH_WEIGHTS = 2;
const MIN_DOT_PITCH_PT = 1.5;
/** The long dash of a dash-dot line: four weights, at least 4 pt. */
const LONG_DASH_WEIGHTS = 4;
const MIN_LONG_DASH_PT = 4;

/** Handle length of a cubic Bézier quarter circle, in radii (4/3·(√2 − 1)). */
const QUARTER_CIRCLE_KAPPA = 0.5522847498307936;

/** The dash pattern of `style` at weight `weightPt` (empty for unbroken styles). */
export function strokeDashOf(style: LineStyle | undefined, weightPt: number): StrokeDash {
  switch (style) {
    case 'dashed':
      return { dashPt: [Math.max(DASH_WEIGHTS * weightPt, MIN_DASH_PT), Math.max(DASH_GAP_WEIGHTS * weightPt, MIN_DASH_GAP_PT)] };
    case 'dotted':
      return { dashPt: [0, Math.max(DOT_PITCH_WEIGHTS * weightPt, MIN_DOT_PITCH_PT)], roundCaps: true };
    case 'dash-dot': {
      const gapPt = Math.max(DOT_PITCH_WEIGHTS * weightPt, MIN_DOT_PITCH_PT);
      return { dashPt: [Math.max(LONG_DASH_WEIGHTS * weightPt, MIN_LONG_DASH_PT), gapPt, 0, gapPt], roundCaps: true };
    }
    default:
      return {};
  }
}

/** The lines of a two-line style: offset of each line's centre from the band's centre and its width, points. */
function compoundLines(style: LineStyle | undefined, weightPt: number): { offsetPt: number; widthPt: number }[] | undefined {
  if (style !== 'double' && style !== 'thick-thin' && style !== 'thin-thick') return undefined;
  return COMPONENTS[style].map(([start, width]) => ({ offsetPt: (start + width / 2 - 0.5) * weightPt, widthPt: width * weightPt }));
}

/** A line segment, points. */
export interface SegmentPt {
  readonly x1Pt: number;
  readonly y1Pt: number;
  readonly x2Pt: number;
  readonly y2Pt: number;
}

/**
 * The rule items that draw `segment` in `style` at weight `weightPt`: one stroke (dashed when the style is
 * broken), or one per line of a two-line style, the first above a horizontal rule or left of a vertical one.
 * A decorative style is drawn by `ruleItemsOf`; here it falls back to one solid stroke.
 */
export function styledRuleItems(segment: SegmentPt, weightPt: number, style: LineStyle | undefined, colour: Cmyk, frameId?: string): RuleItem[] {
  const base = { kind: 'rule' as const, colour, ...(frameId !== undefined ? { frameId } : {}) };
  const lines = compoundLines(style, weightPt);
  if (!lines) return [{ ...base, ...segment, strokePt: weightPt, ...strokeDashOf(style, weightPt) }];
  const length = Math.hypot(segment.x2Pt - segment.x1Pt, segment.y2Pt - segment.y1Pt);
  if (length === 0) return [];
  // The unit normal pointing down (or right, for a vertical rule): negative offsets lie above (left).
  let nx = -(segment.y2Pt - segment.y1Pt) / length;
  let ny = (segment.x2Pt - segment.x1Pt) / length;
  if (ny < 0 || (ny === 0 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  return lines.map(({ offsetPt, widthPt }) => ({
    ...base,
    x1Pt: segment.x1Pt + nx * offsetPt,
    y1Pt: segment.y1Pt + ny * offsetPt,
    x2Pt: segment.x2Pt + nx * offsetPt,
    y2Pt: segment.y2Pt + ny * offsetPt,
    strokePt: widthPt,
  }));
}

/**
 * The items that draw a rule `segment` in any style: `styledRuleItems` for the stroked styles, one box item
 * carrying the motif for a decorative one (decorative-borders.ts).
 */
export function ruleItemsOf(segment: SegmentPt, weightPt: number, style: LineStyle | undefined, colour: Cmyk, frameId?: string): (RuleItem | BoxItem)[] {
  if (style !== undefined && DECORATIVE_LINE_STYLES.has(style)) return decorativeRuleItems(segment, weightPt, style, colour, frameId);
  return styledRuleItems(segment, weightPt, style, colour, frameId);
}

/** How a box is drawn: the stroke's weight, style and colour, the fill and the corner radius. */
export interface BoxLook {
  /** Stroke weight (the whole band of a two-line style), points; 0 = no stroke. */
  readonly strokePt: number;
  readonly stroke?: Cmyk;
  readonly fill?: Cmyk;
  readonly lineStyle?: LineStyle;
  /** Corner radius, points (0 or absent: square). */
  readonly cornerRadiusPt?: number;
}

/**
 * The box items that draw `rect` with `look`: one filled and stroked item, or for a two-line style the fill and
 * then one stroke per line, the first outside (inset by its offset; inner corners keep concentric radii). A
 * decorative style draws the fill and then its motif, both with square corners (the corner radius is not used).
 */
export function styledBoxItems(rect: RectPt, look: BoxLook, frameId?: string): BoxItem[] {
  const base = { kind: 'box' as const, ...(frameId !== undefined ? { frameId } : {}) };
  if (look.stroke && look.strokePt > 0 && look.lineStyle !== undefined && DECORATIVE_LINE_STYLES.has(look.lineStyle)) {
    const fill: BoxItem[] = look.fill ? [{ ...base, rect, strokePt: 0, fill: look.fill }] : [];
    return [...fill, ...decorativeBoxItems(rect, look.strokePt, look.lineStyle, look.stroke, frameId)];
  }
  const radiusPt = look.cornerRadiusPt && look.cornerRadiusPt > 0 ? look.cornerRadiusPt : 0;
  const corner = (r: number) => (r > 0 ? { cornerRadiusPt: r } : {});
  const lines = look.stroke && look.strokePt > 0 ? compoundLines(look.lineStyle, look.strokePt) : undefined;
  if (!lines) {
    return [{
      ...base, rect, strokePt: look.strokePt, ...(look.stroke ? { stroke: look.stroke } : {}), ...(look.fill ? { fill: look.fill } : {}),
      ...corner(radiusPt), ...(look.stroke && look.strokePt > 0 ? strokeDashOf(look.lineStyle, look.strokePt) : {}),
    }];
  }
  const items: BoxItem[] = look.fill ? [{ ...base, rect, strokePt: 0, fill: look.fill, ...corner(radiusPt) }] : [];
  for (const { offsetPt, widthPt } of lines) {
    const inner: RectPt = { xPt: rect.xPt + offsetPt, yPt: rect.yPt + offsetPt, widthPt: rect.widthPt - 2 * offsetPt, heightPt: rect.heightPt - 2 * offsetPt };
    if (inner.widthPt <= 0 || inner.heightPt <= 0) continue;
    items.push({ ...base, rect: inner, strokePt: widthPt, stroke: look.stroke!, ...corner(radiusPt > 0 ? Math.max(0, radiusPt - offsetPt) : 0) });
  }
  return items;
}

/** One step of a box outline, points (y down, as in layout). */
export type OutlineStep =
  | { readonly op: 'move' | 'line'; readonly xPt: number; readonly yPt: number }
  | { readonly op: 'curve'; readonly c1xPt: number; readonly c1yPt: number; readonly c2xPt: number; readonly c2yPt: number; readonly xPt: number; readonly yPt: number }
  | { readonly op: 'close' };

/**
 * The closed outline of `rect` with corners of `radiusPt` (clamped to half the shorter side): from the end of
 * the top-left corner, clockwise; square corners when the radius is 0.
 */
export function boxOutline(rect: RectPt, radiusPt = 0): OutlineStep[] {
  const { xPt: x, yPt: y, widthPt: w, heightPt: h } = rect;
  const r = Math.max(0, Math.min(radiusPt, w / 2, h / 2));
  const k = r * QUARTER_CIRCLE_KAPPA;
  const steps: OutlineStep[] = [{ op: 'move', xPt: x + r, yPt: y }, { op: 'line', xPt: x + w - r, yPt: y }];
  if (r > 0) steps.push({ op: 'curve', c1xPt: x + w - r + k, c1yPt: y, c2xPt: x + w, c2yPt: y + r - k, xPt: x + w, yPt: y + r });
  steps.push({ op: 'line', xPt: x + w, yPt: y + h - r });
  if (r > 0) steps.push({ op: 'curve', c1xPt: x + w, c1yPt: y + h - r + k, c2xPt: x + w - r + k, c2yPt: y + h, xPt: x + w - r, yPt: y + h });
  steps.push({ op: 'line', xPt: x + r, yPt: y + h });
  if (r > 0) steps.push({ op: 'curve', c1xPt: x + r - k, c1yPt: y + h, c2xPt: x, c2yPt: y + h - r + k, xPt: x, yPt: y + h - r });
  steps.push({ op: 'line', xPt: x, yPt: y + r });
  if (r > 0) steps.push({ op: 'curve', c1xPt: x, c1yPt: y + r - k, c2xPt: x + r - k, c2yPt: y, xPt: x + r, yPt: y });
  steps.push({ op: 'close' });
  return steps;
}

/** True when a box item needs its traced outline (rounded, dashed or a 花边 motif) rather than a plain rectangle. */
export function needsOutline(box: BoxItem): boolean {
  return box.motif !== undefined || (box.cornerRadiusPt ?? 0) > 0 || (box.dashPt?.length ?? 0) > 0;
}

/** The path a box item traces: its motif (a decorative border), else its rectangle's outline with its corners. */
export function boxItemOutline(box: BoxItem): OutlineStep[] {
  return box.motif ? [...box.motif] : boxOutline(box.rect, box.cornerRadiusPt);
}
