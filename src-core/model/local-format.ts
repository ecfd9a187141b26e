/**
 * Local formatting (局部格式, issue 15): character-level overrides a desk editor puts on a selection — size,
 * font, colour, tracking, baseline shift, type scale — kept in the story as a ProseMirror mark `local`.
 *
 * 1. Every attribute is optional plain data (null or absent = inherit from the character and paragraph
 *    styles); a mark with no attribute set is no mark (the editor removes it).
 * 2. Overrides sit on top of the character styles, which sit on top of the paragraph style, and they are not
 *    touched when the paragraph style changes (they live on the text, not on the block).
 * 3. `LocalFormatSchema` validates the attributes wherever a story is read: the document schema (frame.ts,
 *    so a .folio file with a bad override is refused with its path), the ProseMirror mark spec (story-schema.ts)
 *    and the composer (`localFormatOf`, which ignores what does not validate).
 */
import { z } from 'zod';
import { CmykSchema, type Cmyk } from './colour.js';
import { TypeScalePctSchema } from './type-scale.js';

/** The mark type name of local formatting in story JSON. */
export const LOCAL_MARK = 'local';

/** Smallest local size, points: below 八号 (5 pt) by a margin, smaller type no longer prints on newsprint. */
export const MIN_LOCAL_SIZE_PT = 2;
/**
 * Largest local size, points: a one-line banner headline across a broadsheet's type area (about 500 pt high)
 * is set at most a few hundred points; larger is a picture, not type.
 */
export const MAX_LOCAL_SIZE_PT = 400;
/** Tightest local tracking, em: at −½ em Chinese characters start to overlap one another. */
export const MIN_LOCAL_TRACKING_EM = -0.5;
/** Loosest local tracking, em: two ems between characters is already letter-spaced display type (疏排). */
export const MAX_LOCAL_TRACKING_EM = 2;
/** Largest baseline shift up or down, points (an inch: beyond it the text belongs in a frame of its own). */
export const MAX_BASELINE_SHIFT_PT = 72;
/** Longest font family name, characters (font names are a few dozen at most). */
export const MAX_FONT_FAMILY_CHARS = 100;

/** A font reference in a local override: family as the font provider knows it, CSS weight 100–900. */
export const LocalFontSchema = z.object({
  family: z.string().min(1).max(MAX_FONT_FAMILY_CHARS),
  weight: z.number().int().min(100).max(900),
}).strict();

/**
 * The attributes of a `local` mark. Each may be absent or null (inherit). Units in the names: sizes and shifts
 * in points, tracking in em of the run's size (× its horizontal scale), scales in percent.
 */
export const LocalFormatSchema = z.object({
  /** Type size, points (the toolbar also accepts 号 names and converts them). */
  sizePt: z.number().min(MIN_LOCAL_SIZE_PT).max(MAX_LOCAL_SIZE_PT).nullable().optional(),
  /** Font family and weight. A family the document's fonts lack is set in the body font with a warning. */
  font: LocalFontSchema.nullable().optional(),
  /** Text colour in CMYK; all components 0 is paper white (反白). */
  colour: CmykSchema.nullable().optional(),
  /** Tracking, em: replaces the style's tracking for the run (added after each character). */
  trackingEm: z.number().min(MIN_LOCAL_TRACKING_EM).max(MAX_LOCAL_TRACKING_EM).nullable().optional(),
  /** Baseline shift, points, positive = up: moves the glyphs only, never the line. */
  baselineShiftPt: z.number().min(-MAX_BASELINE_SHIFT_PT).max(MAX_BASELINE_SHIFT_PT).nullable().optional(),
  /** Horizontal type scale (长体 below 100), percent. */
  scaleXPct: TypeScalePctSchema.nullable().optional(),
  /** Vertical type scale (扁体 below 100), percent. */
  scaleYPct: TypeScalePctSchema.nullable().optional(),
}).strict();

/** The fields of local formatting, in the order the toolbar shows them. */
export const LOCAL_FORMAT_FIELDS = ['sizePt', 'font', 'colour', 'trackingEm', 'baselineShiftPt', 'scaleXPct', 'scaleYPct'] as const;
/** One field of local formatting. */
export type LocalFormatField = (typeof LOCAL_FORMAT_FIELDS)[number];

/** Local formatting with every field resolved to a value or absent (never null). */
export interface LocalFormat {
  readonly sizePt?: number;
  readonly font?: { readonly family: string; readonly weight: number };
  readonly colour?: Cmyk;
  readonly trackingEm?: number;
  readonly baselineShiftPt?: number;
  readonly scaleXPct?: number;
  readonly scaleYPct?: number;
}

/** The mark's attributes with every field present (null = inherit), as ProseMirror stores them. */
export type LocalMarkAttrs = { [K in LocalFormatField]: NonNullable<LocalFormat[K]> | null };

/**
 * The overrides of a `local` mark's attributes, nulls dropped; `undefined` when they do not validate (the
 * composer then ignores the mark rather than set text from bad data).
 */
export function parseLocalFormat(attrs: unknown): LocalFormat | undefined {
  const parsed = LocalFormatSchema.safeParse(attrs ?? {});
  if (!parsed.success) return undefined;
  const out: Record<string, unknown> = {};
  for (const field of LOCAL_FORMAT_FIELDS) {
    const value = parsed.data[field];
    if (value !== null && value !== undefined) out[field] = value;
  }
  return out as LocalFormat;
}

/** The first problem with a `local` mark's attributes as one line ("sizePt: …"), or null when they are valid. */
export function localFormatProblem(attrs: unknown): string | null {
  const parsed = LocalFormatSchema.safeParse(attrs ?? {});
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'attrs'}: ${issue.message}` : 'invalid';
}

/** Whether local formatting overrides nothing (its mark can go). */
export function isEmptyLocalFormat(format: LocalFormat): boolean {
  return LOCAL_FORMAT_FIELDS.every((field) => format[field] === undefined);
}

/** The full attribute record of a `local` mark for `format` (absent fields null). */
export function localMarkAttrs(format: LocalFormat): LocalMarkAttrs {
  const attrs: Record<string, unknown> = {};
  for (const field of LOCAL_FORMAT_FIELDS) attrs[field] = format[field] ?? null;
  return attrs as LocalMarkAttrs;
}

/** Two field values as equal data (colours and fonts compared by their components). */
export function sameLocalValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a as object);
  return ka.length === Object.keys(b as object).length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}
