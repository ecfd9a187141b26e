import { z } from 'zod';
import { CmykSchema } from './colour.js';
import { FrameSchema, StorySchema } from './frame.js';
import { ParagraphShadingSchema, TextHollowSchema, TextOutlineSchema, TextShadowSchema } from './text-effects.js';
import { parseSizePt } from './units.js';
import { TypeScalePctSchema } from './type-scale.js';
import { MAX_BASELINE_SHIFT_PT, MAX_LOCAL_SIZE_PT, MAX_LOCAL_TRACKING_EM, MIN_LOCAL_SIZE_PT, MIN_LOCAL_TRACKING_EM } from './local-format.js';

/** Longest type size a template may write as text ("小五", "10.5pt"): anything longer is not one. */
const MAX_SIZE_TEXT_CHARS = 16;

function isTypeSize(size: string): boolean {
  try {
    parseSizePt(size);
    return true;
  } catch {
    return false;
  }
}

// The type-scale bounds live in type-scale.ts (local formatting in story marks needs them without the template).
export { MIN_TYPE_SCALE_PCT, MAX_TYPE_SCALE_PCT, TypeScalePctSchema, scaleFactor } from './type-scale.js';

/** Current template schema version. Older files are migrated by `migrateTemplate`. */
export const TEMPLATE_SCHEMA_VERSION = 1;

/** A font reference: family name as registered with the FontProvider, and CSS-style weight. */
export const FontRefSchema = z.object({
  family: z.string().min(1),
  weight: z.number().int().min(100).max(900).default(400),
});
/** A font reference (family + weight 100–900). */
export type FontRef = z.infer<typeof FontRefSchema>;

/** A type size: points (number or "9pt") or a Chinese 号 name ("小五"). Parsed by `parseSizePt`. */
export const SizeSchema = z.union([
  z.number().positive(),
  z.string().min(1).max(MAX_SIZE_TEXT_CHARS).refine(isTypeSize, { message: 'not a type size: use points (e.g. 9 or "9pt") or a 号 name (e.g. "小五")' }),
]);

/**
 * A paragraph style. Lengths: `leadingPt` in points; indents and tracking in em of the style's size;
 * space above/below in baseline-grid lines (whole or half lines).
 */
export const ParagraphStyleSchema = z.object({
  /** Human name shown in the Styles panel (e.g. 正文). */
  label: z.string(),
  font: FontRefSchema,
  size: SizeSchema,
  /**
   * Line pitch in points. Omitted: body styles use the grid pitch; display styles use
   * size × 1.2 rounded up to whole grid lines (so blocks occupy whole grid lines).
   */
  leadingPt: z.number().positive().optional(),
  /** Extra space between characters, em. Negative tightens display type. */
  trackingEm: z.number().default(0),
  /**
   * Horizontal type scale (长体 below 100), percent; absent = 100. Every horizontal em of the style (glyph
   * advances, tracking, indent, punctuation blanks, gaps) is this share of the size.
   */
  scaleXPct: TypeScalePctSchema.optional(),
  /**
   * Vertical type scale (扁体 below 100 when `scaleXPct` is 100), percent; absent = 100. Glyphs are this share
   * of the size tall, and an automatic leading follows the scaled height.
   */
  scaleYPct: TypeScalePctSchema.optional(),
  /** First-line indent, em (body: 2). */
  indentEm: z.number().min(0).default(0),
  align: z.enum(['justify', 'left', 'center', 'right']).default('justify'),
  /** Space above / below, in baseline-grid lines. */
  spaceBeforeLines: z.number().min(0).default(0),
  spaceAfterLines: z.number().min(0).default(0),
  /** Never end a column with this block (subheads). */
  keepWithNext: z.boolean().default(false),
  /** Snap each line's baseline to the page's baseline grid (body, subheads). */
  snapToGrid: z.boolean().default(true),
  colour: CmykSchema.default({ c: 0, m: 0, y: 0, k: 1 }),
  /**
   * Display punctuation (TYPOGRAPHY.md §3): every bracket, quote and mark set at half width and closed up, as
   * headlines are. Omitted: on for the headline-group styles (`DISPLAY_PUNCTUATION_STYLES`), off for the rest.
   */
  displayPunctuation: z.boolean().optional(),
  /** Draw a box around the block (column tags 栏目题, ad text). Stroke and inset in points. */
  box: z.object({ strokePt: z.number().min(0), insetPt: z.number().min(0), fill: CmykSchema.optional() }).optional(),
  /** 勾边: a stroke outside every glyph (model/text-effects.ts); absent = none. Widths are unchanged. */
  outline: TextOutlineSchema.optional(),
  /** 空心: glyphs stroked, not filled; absent = filled. */
  hollow: TextHollowSchema.optional(),
  /** 阴影: an offset copy under the glyphs; absent = none. */
  shadow: TextShadowSchema.optional(),
  /** 底纹: a tint behind the paragraph's lines, column or text wide, with insets; absent = none. */
  shading: ParagraphShadingSchema.optional(),
});
/** A paragraph style (see `ParagraphStyleSchema` for units). */
export type ParagraphStyle = z.infer<typeof ParagraphStyleSchema>;

/**
 * Styles of the headline group (引题, 主题 and its variants, 副题) that set display punctuation unless they say
 * otherwise: a headline's “” and ，are cut to half width by every paper, not only at line ends.
 */
export const DISPLAY_PUNCTUATION_STYLES: ReadonlySet<string> = new Set(['kicker', 'headline', 'headline2', 'headline3', 'subtitle']);

/**
 * Whether a style sets display punctuation: its own `displayPunctuation` when given, else true for the
 * headline-group styles (`DISPLAY_PUNCTUATION_STYLES`, by template key).
 */
export function usesDisplayPunctuation(key: string, style: Pick<ParagraphStyle, 'displayPunctuation'>): boolean {
  return style.displayPunctuation ?? DISPLAY_PUNCTUATION_STYLES.has(key);
}

/**
 * What a character style may set beyond font, colour and scale, with the same bounds as local formatting
 * (local-format.ts): size in points, tracking in em (replacing the paragraph style's), baseline shift in points
 * (positive = up, glyphs only). Absent inherits.
 */
const CHARACTER_STYLE_LOCAL_FIELDS = {
  sizePt: z.number().min(MIN_LOCAL_SIZE_PT).max(MAX_LOCAL_SIZE_PT).optional(),
  trackingEm: z.number().min(MIN_LOCAL_TRACKING_EM).max(MAX_LOCAL_TRACKING_EM).optional(),
  baselineShiftPt: z.number().min(-MAX_BASELINE_SHIFT_PT).max(MAX_BASELINE_SHIFT_PT).optional(),
};

/** A character style applied by a mark (bold, emphasis, or template-defined). Unset fields inherit. */
export const CharacterStyleSchema = z.object({
  label: z.string(),
  font: FontRefSchema.optional(),
  colour: CmykSchema.optional(),
  /** Horizontal type scale, percent, replacing the paragraph style's; absent inherits it. */
  scaleXPct: TypeScalePctSchema.optional(),
  /** Vertical type scale, percent, replacing the paragraph style's; absent inherits it. */
  scaleYPct: TypeScalePctSchema.optional(),
  ...CHARACTER_STYLE_LOCAL_FIELDS,
  /** 勾边, replacing the paragraph style's; absent inherits it. */
  outline: TextOutlineSchema.optional(),
  /** 空心, replacing the paragraph style's; absent inherits it. */
  hollow: TextHollowSchema.optional(),
  /** 阴影, replacing the paragraph style's; absent inherits it. */
  shadow: TextShadowSchema.optional(),
});
/** A character style. */
export type CharacterStyle = z.infer<typeof CharacterStyleSchema>;

/**
 * The page grid (TYPOGRAPHY.md §5–6). Column widths are whole characters of `bodySize`;
 * the gutter is `gutterChars` characters; every body line sits on a pitch of `linePitchPt`
 * starting at the type area's top.
 */
export const GridSchema = z.object({
  columns: z.number().int().min(1).max(20),
  charsPerColumn: z.number().int().min(4).max(60),
  gutterChars: z.number().int().min(0).max(4).default(1),
  bodySize: SizeSchema,
  linePitchPt: z.number().positive(),
  linesPerColumn: z.number().int().positive(),
});
/** The page grid. */
export type Grid = z.infer<typeof GridSchema>;

/** Typographic options that are house choices rather than standards (TYPOGRAPHY.md). */
export const TypographyOptionsSchema = z.object({
  /** Allow 、，。 to hang past the line end. Off by default (most mainland papers do not hang). */
  hangingPunctuation: z.boolean().default(false),
  /** Adjacent full-width marks compress to this many em in total (1.5 standard; 1 allowed). */
  adjacentPunctuationEm: z.number().min(1).max(2).default(1.5),
  /** A line-start opening bracket loses its leading half em. */
  trimLineStartBracket: z.boolean().default(true),
  /** ？！ / ！？ together take one character width. */
  combineQuestionExclamation: z.boolean().default(false),
  /**
   * Han–Latin/digit gap, em (house default ¼): the same on every line, never stretched, shrunk to ⅛ em only
   * to avoid a push-out (TYPOGRAPHY.md §4).
   */
  hanLatinGapEm: z.number().min(0).max(0.5).default(0.25),
  /**
   * Punctuation style (TYPOGRAPHY.md §3): 'quanjiao' 全角式 (marks full width, compressed only at line ends, in
   * adjacent pairs and by the shrink order) or 'kaiming' 开明式 (，、；： always half width, 。？！ always full).
   */
  punctuationStyle: z.enum(['quanjiao', 'kaiming']).default('quanjiao'),
});
/** Typographic house options. */
export type TypographyOptions = z.infer<typeof TypographyOptionsSchema>;

/** A page template: size, grid, styles and output settings. Lengths in millimetres unless the key says pt. */
export const TemplateSchema = z.object({
  schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  description: z.string().default(''),
  page: z.object({
    trimWidthMm: z.number().positive(),
    trimHeightMm: z.number().positive(),
    /** Bleed beyond the trim, mm (0 for coldset newsprint). */
    bleedMm: z.number().min(0).default(0),
    /** Slug area beyond the bleed for marks and the slug line, mm. */
    slugMm: z.number().min(0).default(12),
    /** Type area (版心) top-left corner from the trim's top-left, mm. Size follows from the grid. */
    typeAreaTopMm: z.number().min(0),
    typeAreaLeftMm: z.number().min(0),
  }),
  grid: GridSchema,
  typography: TypographyOptionsSchema.default(TypographyOptionsSchema.parse({})),
  /** Paragraph styles by block type (paragraph, headline, kicker, subtitle, byline, subhead, caption, …). */
  paragraphStyles: z.record(z.string(), ParagraphStyleSchema).refine((styles) => Object.hasOwn(styles, 'paragraph'), {
    // Every block type without a style of its own falls back to the body style, so the composer needs it.
    message: 'the template has no "paragraph" (body text) style, which every other style falls back to',
  }),
  /** Character styles by mark name (bold, emphasis, …). */
  characterStyles: z.record(z.string(), CharacterStyleSchema).default({}),
  /**
   * What "New from template" puts on a new page: frames (page furniture such as a page header or masthead)
   * and the stories they show. Story text may use `field` nodes (date, page, section…).
   */
  starter: z.object({
    frames: z.array(FrameSchema).default([]),
    stories: z.array(StorySchema).default([]),
  }).default({ frames: [], stories: [] }),
  output: z.object({
    /** File name pattern for exported pages: {date} (YYYYMMDD), {page} (e.g. A01), {paper}, {preset} (without it, non-print presets add _proof / _x4). */
    namingPattern: z.string().default('{date}_{page}.pdf'),
    /** Registered output condition for the PDF/X OutputIntent. */
    outputConditionIdentifier: z.string().default('IFRA26'),
    outputCondition: z.string().default('Newsprint, coldset offset (IFRA26)'),
    /** Total area coverage limit, percent; preflight warns above it. */
    totalInkLimitPct: z.number().min(100).max(400).default(240),
  }).default({ namingPattern: '{date}_{page}.pdf', outputConditionIdentifier: 'IFRA26', outputCondition: 'Newsprint, coldset offset (IFRA26)', totalInkLimitPct: 240 }),
});
/** A validated page template. */
export type Template = z.infer<typeof TemplateSchema>;
