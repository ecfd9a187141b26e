/**
 * Page content: stories (ProseMirror JSON) and the frames that place them. Shared by documents and
 * by templates (a template's starter page holds frames and stories too).
 */
import { z } from 'zod';
import { CmykSchema } from './colour.js';
import { LineStyleSchema, MAX_CORNER_RADIUS_PT } from './line-style.js';
import { LOCAL_MARK, localFormatProblem } from './local-format.js';

/** ProseMirror node JSON (the story format). Validated structurally here; the editor schema checks types. */
export interface PmNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNodeJson[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Refuses a local-formatting mark whose overrides are not valid (local-format.ts), naming the field. */
function checkLocalMark(mark: { type: string; attrs?: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  if (mark.type !== LOCAL_MARK) return;
  const problem = localFormatProblem(mark.attrs);
  if (problem) ctx.addIssue({ code: 'custom', path: ['attrs'], message: `local formatting ${problem}` });
}

/** Zod schema for ProseMirror node JSON. */
export const PmNodeJsonSchema: z.ZodType<PmNodeJson> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(PmNodeJsonSchema).optional(),
    text: z.string().optional(),
    marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }).superRefine(checkLocalMark)).optional(),
  }),
);

/** A story: one article (or caption, ad text, masthead text) as a ProseMirror document. */
export const StorySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  doc: PmNodeJsonSchema,
});
/** A story. */
export type Story = z.infer<typeof StorySchema>;

/** Largest text-wrap gap, points (an inch: beyond it the gap is a layout, not a standoff). */
export const MAX_WRAP_GAP_PT = 72;
/**
 * Text-wrap gap a frame gets when wrap is switched on, points: about 1.5 mm, the usual standoff between a
 * news photo and the text beside or below it.
 */
export const DEFAULT_WRAP_GAP_PT = 4;

/** How text keeps out of a wrapping frame: jumps it (跳排) or runs beside it in a narrower measure (绕排). */
export const WRAP_MODES = ['jump', 'around'] as const;
/** A text-wrap mode (see `FrameBase.wrap`). */
export type WrapMode = (typeof WRAP_MODES)[number];
/**
 * Narrowest measure text runs beside an `around` wrap, in body characters: a house choice — newspapers
 * avoid legs of fewer than about five characters beside a picture (they justify badly and read as debris);
 * narrower room is jumped instead.
 */
export const MIN_AROUND_MEASURE_CHARS = 5;

/** Most columns a text frame may have. */
export const MAX_FRAME_COLUMNS = 20;
/** Largest column width, points (a metre: far beyond any page, so only nonsense is refused). */
const MAX_FRAME_EXTENT_PT = 2835;
/**
 * How far explicit column widths plus gutters may miss the frame's width, points: frames are placed in
 * millimetres, so their widths carry rounding noise of a few hundredths of a point.
 */
export const COLUMN_WIDTH_TOLERANCE_PT = 0.5;

/**
 * Why explicit column widths do not fit a text frame, or null when they do: one width per column, and the
 * widths plus `columns − 1` gutters of `gutterChars` body characters (`bodySizePt` points each) make the
 * frame's width within `COLUMN_WIDTH_TOLERANCE_PT`.
 */
export function columnWidthsProblem(widthsPt: readonly number[], frame: { columns: number; gutterChars: number; widthPt: number }, bodySizePt: number): string | null {
  if (widthsPt.length !== frame.columns) return `Give one width for each of the frame's ${frame.columns} columns, not ${widthsPt.length}.`;
  if (widthsPt.some((w) => !(w > 0))) return 'Every column must be wider than nothing.';
  const totalPt = widthsPt.reduce((a, b) => a + b, 0) + (frame.columns - 1) * frame.gutterChars * bodySizePt;
  if (Math.abs(totalPt - frame.widthPt) > COLUMN_WIDTH_TOLERANCE_PT) {
    return `The columns and gutters make ${totalPt.toFixed(1)} pt, but the frame is ${frame.widthPt.toFixed(1)} pt wide.`;
  }
  return null;
}

/**
 * Rotation of a picture or box about its centre, degrees clockwise, in (-180, 180] (rotation.ts normalises any
 * angle into it). Absent: unturned. `xPt`/`yPt`/`widthPt`/`heightPt` stay the unturned rectangle.
 */
const RotationDegSchema = z.number().gt(-180).lte(180).optional();

/** Frame geometry, points, relative to the trim box's top-left corner. */
const FrameBase = {
  id: z.string().min(1),
  xPt: z.number(),
  yPt: z.number(),
  widthPt: z.number().positive(),
  heightPt: z.number().positive(),
  locked: z.boolean().default(false),
  /** Optional name shown in panels. */
  label: z.string().optional(),
  /**
   * Page furniture the template places (page header 报眉, masthead): it may sit in the margins, outside the
   * type area, without preflight calling that a mistake.
   */
  furniture: z.boolean().optional(),
  /**
   * Text wrap (文字绕排): text of other frames on the page keeps out of this frame's rectangle grown by
   * `gapPt` on every side. Absent: text runs under or over the frame.
   * - `jump` (跳排, the default when `mode` is absent): a column the rectangle overlaps leaves the grid lines
   *   it covers empty, and text continues below it.
   * - `around` (绕排): where the rectangle leaves room beside it in a column (at least
   *   `MIN_AROUND_MEASURE_CHARS` body characters), the lines it covers run beside it in that narrower measure;
   *   where it does not, they jump as in `jump`.
   */
  wrap: z.object({ gapPt: z.number().min(0).max(MAX_WRAP_GAP_PT), mode: z.enum(WRAP_MODES).optional() }).optional(),
};

/**
 * A text frame: shows (part of) a story in `columns` columns with a gutter of `gutterChars`
 * body characters. `nextFrameId` threads the story on into another frame (any page).
 */
export const TextFrameSchema = z.object({
  ...FrameBase,
  kind: z.literal('text'),
  storyId: z.string().min(1),
  columns: z.number().int().min(1).max(MAX_FRAME_COLUMNS).default(1),
  gutterChars: z.number().int().min(0).max(4).default(1),
  columnRule: z.boolean().default(false),
  /** Style of the column rules (absent: solid hairlines). */
  columnRuleStyle: LineStyleSchema.optional(),
  /** Background tint (底纹) over the whole frame, under its text (absent: none, the paper shows). */
  fill: CmykSchema.optional(),
  nextFrameId: z.string().optional(),
  /**
   * Unequal columns (分栏不等宽), points, left to right: one width per column (`columns` of them). Absent: equal
   * columns. The gutters take what the widths leave of the frame's width; layout keeps the widths in proportion
   * when the frame is resized (see `columnWidthsProblem` for the edit-time check against the grid).
   */
  columnWidthsPt: z.array(z.number().positive().max(MAX_FRAME_EXTENT_PT)).min(2).max(MAX_FRAME_COLUMNS).optional(),
  /**
   * Balanced columns (齐底): where the story ends in this frame, its last columns end at equal depth (within one
   * grid line) instead of filling column by column. Absent: fill.
   */
  balance: z.boolean().optional(),
}).check((ctx) => {
  const widths = ctx.value.columnWidthsPt;
  if (!widths) return;
  if (widths.length !== ctx.value.columns) {
    ctx.issues.push({ code: 'custom', input: widths, path: ['columnWidthsPt'], message: `gives ${widths.length} column widths for ${ctx.value.columns} columns` });
  } else if (widths.reduce((a, b) => a + b, 0) > ctx.value.widthPt + COLUMN_WIDTH_TOLERANCE_PT) {
    ctx.issues.push({ code: 'custom', input: widths, path: ['columnWidthsPt'], message: 'column widths add up to more than the frame is wide' });
  }
});
/** An image frame: an asset placed with a fit mode; `captionStoryId` optionally names its caption story. */
export const ImageFrameSchema = z.object({
  ...FrameBase,
  kind: z.literal('image'),
  assetId: z.string().optional(),
  fit: z.enum(['fit', 'fill', 'crop']).default('fill'),
  /** Pan inside the frame (crop mode), points. */
  offsetXPt: z.number().default(0),
  offsetYPt: z.number().default(0),
  /** Scale in crop mode (1 = image pixels at 72 ppi × scale … see layout). */
  scale: z.number().positive().default(1),
  /** Print the picture in grey (K plate only), also on a colour page. */
  mono: z.boolean().optional(),
  rotationDeg: RotationDegSchema,
});
/** A box (ad, column tag, story box): stroke and optional fill, optional label such as 广告. */
export const BoxFrameSchema = z.object({
  ...FrameBase,
  kind: z.literal('box'),
  strokePt: z.number().min(0).default(0.5),
  stroke: CmykSchema.default({ c: 0, m: 0, y: 0, k: 1 }),
  fill: CmykSchema.optional(),
  /** Label set at the box's top-right corner (advertising law: 广告). */
  label: z.string().optional(),
  /** Style of the stroke (absent: solid). */
  lineStyle: LineStyleSchema.optional(),
  /** Radius of rounded corners, points (absent or 0: square corners). */
  cornerRadiusPt: z.number().min(0).max(MAX_CORNER_RADIUS_PT).optional(),
  rotationDeg: RotationDegSchema,
});
/** A straight rule from (xPt, yPt) across width/height (one of them is the thickness-free axis). */
export const RuleFrameSchema = z.object({
  ...FrameBase,
  kind: z.literal('rule'),
  strokePt: z.number().positive().default(0.5),
  colour: CmykSchema.default({ c: 0, m: 0, y: 0, k: 1 }),
  /** Style of the rule (absent: solid). */
  lineStyle: LineStyleSchema.optional(),
});

/** Any frame on a page. Paint order is the page's `frames` order. */
export const FrameSchema = z.discriminatedUnion('kind', [TextFrameSchema, ImageFrameSchema, BoxFrameSchema, RuleFrameSchema]);
/** Any frame. */
export type Frame = z.infer<typeof FrameSchema>;
/** A text frame. */
export type TextFrame = z.infer<typeof TextFrameSchema>;
/** An image frame. */
export type ImageFrame = z.infer<typeof ImageFrameSchema>;
/** A box frame. */
export type BoxFrame = z.infer<typeof BoxFrameSchema>;
/** A rule frame. */
export type RuleFrame = z.infer<typeof RuleFrameSchema>;

/** One page of an issue, e.g. A01. */
export const PageSchema = z.object({
  id: z.string().min(1),
  /** Page name as printed and used in file names, e.g. "A01". */
  name: z.string().min(1),
  section: z.string().default(''),
  /** A black-and-white page (黑白版): its pictures print in grey on the K plate alone. */
  mono: z.boolean().optional(),
  frames: z.array(FrameSchema),
});
/** A page. */
export type Page = z.infer<typeof PageSchema>;

