/**
 * Style edits for the Styles panel: immutable changes to the document's template snapshot (paragraph and
 * character styles), where each style is used, type sizes in pt or 号, and the editor commands that apply a
 * style to the current block or selection.
 *
 * 1. `setParagraphStyle` / `setCharacterStyle` merge a patch into one style, validate the result with the
 *    template's own zod schema, and return a new document whose template is a new object (so the composer's
 *    template key changes and every story using the style is set again). A type scale (长体/扁体) of null
 *    clears the field: 100 % in a paragraph style, the paragraph's scale again in a character style. A display
 *    effect (outline, hollow, shadow) or a paragraph shading of null removes it (off, or inherited again). A
 *    character style's size (pt or 号, stored in points), tracking and baseline shift of null inherit again;
 *    values outside the local-formatting bounds are refused with the bounds named.
 * 2. `styleUsage` walks every story's blocks: a block uses the style its `style` attr names (when the template
 *    has it), else the style of its block type — the same rule as the composer's StyleResolver.
 * 3. `parseSizeInput` / `formatSize` read and show sizes as a newsroom types them (`9`, `9pt`, `小五`).
 * 4. `applyParagraphStyle` / `toggleCharacterStyle` are ProseMirror commands for the open story.
 */
import { toggleMark } from 'prosemirror-commands';
import type { Command } from 'prosemirror-state';
import type { FolioDocument, PmNodeJson } from '../../src-core/model/document.js';
import { TEXT_BLOCKS, storySchema } from '../../src-core/model/story-schema.js';
import {
  CharacterStyleSchema, MAX_TYPE_SCALE_PCT, MIN_TYPE_SCALE_PCT, ParagraphStyleSchema, type CharacterStyle, type FontRef, type ParagraphStyle,
} from '../../src-core/model/template.js';
import { MAX_SHADING_INSET_PT, MAX_SHADOW_OFFSET_PT, MAX_TEXT_STROKE_PT, type ParagraphShading, type TextHollow, type TextOutline, type TextShadow } from '../../src-core/model/text-effects.js';
import { HAO_SIZES_PT, parseSizePt } from '../../src-core/model/units.js';
import {
  MAX_BASELINE_SHIFT_PT, MAX_LOCAL_SIZE_PT, MAX_LOCAL_TRACKING_EM, MIN_LOCAL_SIZE_PT, MIN_LOCAL_TRACKING_EM,
} from '../../src-core/model/local-format.js';
import { parseLocalSizePt } from '../editor/local-format-choices.js';
import { setBlock, setBlockStyle } from '../editor/commands.js';
import { UiMessageError } from './ui-message.js';

/** Fields of a paragraph style the Styles panel edits. `leadingPt: null` returns to the automatic pitch. */
export interface ParagraphStylePatch {
  label?: string;
  font?: FontRef;
  /** Points (number) or a 号 name. */
  size?: number | string;
  leadingPt?: number | null;
  trackingEm?: number;
  indentEm?: number;
  align?: ParagraphStyle['align'];
  spaceBeforeLines?: number;
  spaceAfterLines?: number;
  /** Display punctuation (half-width marks, closed up); omitted in the style = the default for its key. */
  displayPunctuation?: boolean;
  /** Horizontal type scale, percent (长体 below 100); null returns to 100 (the field is removed). */
  scaleXPct?: number | null;
  /** Vertical type scale, percent (扁体 below 100); null returns to 100 (the field is removed). */
  scaleYPct?: number | null;
  /** 勾边/空心/阴影: null removes the effect. */
  outline?: TextOutline | null;
  hollow?: TextHollow | null;
  shadow?: TextShadow | null;
  /** 底纹 behind the paragraph; null removes it. */
  shading?: ParagraphShading | null;
}

/** Fields of a character style the Styles panel edits. `font: null` inherits the paragraph's font again. */
export interface CharacterStylePatch {
  label?: string;
  font?: FontRef | null;
  /** Horizontal type scale, percent; null inherits the paragraph style's again. */
  scaleXPct?: number | null;
  /** Vertical type scale, percent; null inherits the paragraph style's again. */
  scaleYPct?: number | null;
  /** 勾边/空心/阴影: null inherits the paragraph style's again. */
  outline?: TextOutline | null;
  hollow?: TextHollow | null;
  shadow?: TextShadow | null;
  /** Type size: points (number, or text such as `22pt`) or a 号 name (`二号`, stored as points); null inherits. */
  sizePt?: number | string | null;
  /** Tracking, em, replacing the paragraph style's; null inherits it again. */
  trackingEm?: number | null;
  /** Baseline shift, points, positive = up (glyphs only); null removes it (no shift). */
  baselineShiftPt?: number | null;
}

/** The optional object fields (display effects, shading) a patch may set, or clear with null. */
const EFFECT_FIELDS = ['outline', 'hollow', 'shadow', 'shading'] as const;


/** Removes the effect fields a patch clears (null), so the schema sees them absent. */
function clearEffects(merged: Record<string, unknown>, patch: Partial<Record<(typeof EFFECT_FIELDS)[number], unknown>>): void {
  for (const field of EFFECT_FIELDS) if (patch[field] === null) delete merged[field];
}

/**
 * A refusal naming the style and, for an effect field, the effect and the limits (zod's own message would name
 * the field's key, in English).
 */
function styleIssue(label: string, issue: { path: PropertyKey[] } | undefined): UiMessageError {
  const head = issue?.path[0];
  if (typeof head === 'string' && (EFFECT_FIELDS as readonly string[]).includes(head)) {
    return new UiMessageError('styles.refused.effect', {
      style: label, effect: head, maxStrokePt: MAX_TEXT_STROKE_PT, maxShadowPt: MAX_SHADOW_OFFSET_PT, maxInsetPt: MAX_SHADING_INSET_PT,
    });
  }
  return new UiMessageError('styles.refused.field', { style: label, field: issue?.path.join('.') || '—' });
}

/** The type scale fields a patch may set or clear. */
const SCALE_FIELDS = ['scaleXPct', 'scaleYPct'] as const;

/**
 * Applies a patch's type scales to a merged style: null removes the field; a number out of range is refused
 * with a message that names the range (zod's own would name the field's key).
 */
function applyScales(merged: Record<string, unknown>, patch: { scaleXPct?: number | null; scaleYPct?: number | null }, label: string): void {
  for (const field of SCALE_FIELDS) {
    const value = patch[field];
    if (value === null) {
      delete merged[field];
    } else if (value !== undefined && !(value >= MIN_TYPE_SCALE_PCT && value <= MAX_TYPE_SCALE_PCT)) {
      throw new UiMessageError('styles.refused.scale', { style: label, axis: field === 'scaleXPct' ? 'x' : 'y', value, min: MIN_TYPE_SCALE_PCT, max: MAX_TYPE_SCALE_PCT });
    }
  }
}

/**
 * Applies a character-style patch's size, tracking and baseline shift to a merged style: null removes the field
 * (inherit); a size typed as text (`22pt`, `二号`) is stored in points; a value outside the local-formatting
 * bounds is refused with a message that names them (zod's would name the field's key, in English).
 */
function applyCharacterLocals(merged: Record<string, unknown>, patch: CharacterStylePatch, label: string): void {
  if (patch.sizePt === null) {
    delete merged.sizePt;
  } else if (patch.sizePt !== undefined) {
    const sizePt = typeof patch.sizePt === 'number'
      ? (patch.sizePt >= MIN_LOCAL_SIZE_PT && patch.sizePt <= MAX_LOCAL_SIZE_PT ? patch.sizePt : null)
      : parseLocalSizePt(patch.sizePt);
    if (sizePt === null) throw new UiMessageError('styles.refused.charSize', { style: label, value: String(patch.sizePt), min: MIN_LOCAL_SIZE_PT, max: MAX_LOCAL_SIZE_PT });
    merged.sizePt = sizePt;
  }
  const ranges = { trackingEm: [MIN_LOCAL_TRACKING_EM, MAX_LOCAL_TRACKING_EM], baselineShiftPt: [-MAX_BASELINE_SHIFT_PT, MAX_BASELINE_SHIFT_PT] } as const;
  for (const field of ['trackingEm', 'baselineShiftPt'] as const) {
    const value = patch[field];
    const [min, max] = ranges[field];
    if (value === null) delete merged[field];
    else if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
      throw new UiMessageError('styles.refused.charNumber', { style: label, field, value, min, max });
    }
  }
}

function withTemplate(doc: FolioDocument, template: FolioDocument['template']): FolioDocument {
  return { ...doc, template };
}

/**
 * Changes one paragraph style of the document's template.
 * @returns the same document when nothing changes, else a new one (new template object)
 * @throws RangeError when the style does not exist or the result is not a valid style (naming the field)
 */
export function setParagraphStyle(doc: FolioDocument, key: string, patch: ParagraphStylePatch): FolioDocument {
  const style = doc.template.paragraphStyles[key];
  if (!style) throw new UiMessageError('styles.noParagraphStyle', { name: key });
  if (patch.size !== undefined) parseSizePt(patch.size);
  const { leadingPt, ...rest } = patch;
  const merged: Record<string, unknown> = { ...style, ...rest };
  if (leadingPt === null) delete merged.leadingPt;
  else if (leadingPt !== undefined) merged.leadingPt = leadingPt;
  applyScales(merged, patch, style.label);
  clearEffects(merged, patch);
  const parsed = ParagraphStyleSchema.safeParse(merged);
  if (!parsed.success) throw styleIssue(style.label, parsed.error.issues[0]);
  if (JSON.stringify(parsed.data) === JSON.stringify(style)) return doc;
  return withTemplate(doc, { ...doc.template, paragraphStyles: { ...doc.template.paragraphStyles, [key]: parsed.data } });
}

/**
 * Changes one character style of the document's template.
 * @throws RangeError when the style does not exist or the result is invalid
 */
export function setCharacterStyle(doc: FolioDocument, key: string, patch: CharacterStylePatch): FolioDocument {
  const style = doc.template.characterStyles[key];
  if (!style) throw new UiMessageError('styles.noCharacterStyle', { name: key });
  const merged: Record<string, unknown> = { ...style, ...patch };
  if (patch.font === null) delete merged.font;
  applyScales(merged, patch, style.label);
  applyCharacterLocals(merged, patch, style.label);
  clearEffects(merged, patch);
  const parsed = CharacterStyleSchema.safeParse(merged);
  if (!parsed.success) throw styleIssue(style.label, parsed.error.issues[0]);
  if (JSON.stringify(parsed.data) === JSON.stringify(style)) return doc;
  return withTemplate(doc, { ...doc.template, characterStyles: { ...doc.template.characterStyles, [key]: parsed.data as CharacterStyle } });
}

/** Where a style is used: the stories (ids, document order) and how many blocks or marked runs. */
export interface StyleUsage {
  storyIds: string[];
  count: number;
}

const TEXTBLOCK_NAMES: ReadonlySet<string> = new Set(TEXT_BLOCKS);

function walk(node: PmNodeJson, visit: (node: PmNodeJson) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** The paragraph style a textblock is set in (its `style` attr when the template has it, else its type's). */
export function blockStyleKey(node: PmNodeJson, paragraphStyles: Readonly<Record<string, unknown>>): string {
  const named = node.attrs?.style;
  return typeof named === 'string' && named !== '' && named in paragraphStyles ? named : node.type;
}

/** Blocks set in paragraph style `key`, per story. */
export function paragraphStyleUsage(doc: FolioDocument, key: string): StyleUsage {
  const storyIds: string[] = [];
  let count = 0;
  for (const story of Object.values(doc.stories)) {
    let here = 0;
    walk(story.doc, (node) => {
      if (TEXTBLOCK_NAMES.has(node.type) && blockStyleKey(node, doc.template.paragraphStyles) === key) here++;
    });
    if (here > 0) storyIds.push(story.id);
    count += here;
  }
  return { storyIds, count };
}

/** Text runs carrying character style `key` (a `bold`/`emphasis` mark, or a `charStyle` mark of that name), per story. */
export function characterStyleUsage(doc: FolioDocument, key: string): StyleUsage {
  const storyIds: string[] = [];
  let count = 0;
  for (const story of Object.values(doc.stories)) {
    let here = 0;
    walk(story.doc, (node) => {
      if (node.marks?.some((m) => (m.type === 'charStyle' ? m.attrs?.name === key : m.type === key))) here++;
    });
    if (here > 0) storyIds.push(story.id);
    count += here;
  }
  return { storyIds, count };
}

/**
 * Reads a size as typed: a number of points (`10.5`, `10.5pt`) or a 号 name (`五号`, `小五`).
 * @returns points as a number, or the 号 name (kept, so the template stays in newsroom terms)
 * @throws RangeError for anything else
 */
export function parseSizeInput(text: string): number | string {
  const trimmed = text.trim();
  const pt = parseSizePt(trimmed);
  if (/^\d/.test(trimmed)) return pt;
  return HAO_SIZES_PT[trimmed] !== undefined ? trimmed : `${trimmed.replace(/号$/, '')}号`;
}

/** The 号 name of a size in points, if it is exactly one (9 → 小五). */
export function haoNameOf(sizePt: number): string | undefined {
  return Object.entries(HAO_SIZES_PT).find(([, pt]) => Math.abs(pt - sizePt) < 1e-9)?.[0];
}

/** A size for display: `9 pt (小五)`, or `11 pt` when no 号 matches. */
export function formatSize(size: number | string): string {
  const pt = parseSizePt(size);
  const hao = haoNameOf(pt);
  return hao ? `${pt} pt (${hao})` : `${pt} pt`;
}

/**
 * Command: set the textblocks of the selection in paragraph style `key`. A block-type style (paragraph,
 * headline, …) turns the blocks into that type (where the schema allows it); any other template style
 * (headline2, jumpLine, …) is set through the blocks' `style` attr.
 */
export function applyParagraphStyle(key: string): Command {
  if (TEXTBLOCK_NAMES.has(key) && storySchema.nodes[key]) return setBlock(key);
  return setBlockStyle(key);
}

/** Command: toggle character style `key` on the selection (bold/emphasis marks, else a `charStyle` mark). */
export function toggleCharacterStyle(key: string): Command {
  const own = storySchema.marks[key];
  if (own && key !== 'charStyle') return toggleMark(own);
  return toggleMark(storySchema.marks.charStyle, { name: key });
}
