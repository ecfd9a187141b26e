/**
 * Style resolution: from a textblock's type (or its `style` attr) and its marks to the concrete font, size,
 * colour, leading and spacing the composer sets it in.
 *
 * 1. Paragraph style: `attrs.style` when the template has it, else the block type's own style, else the
 *    body style `paragraph` (with a 'missing-style' notice).
 * 2. Size through `parseSizePt` (pt or 号); font through the FontProvider (nearest weight of the family);
 *    a family the provider lacks falls back to the body font with a 'missing-font' warning.
 * 3. Leading: `leadingPt` when given; otherwise body-size text uses the grid pitch and larger type
 *    size × 1.2. Lines that snap to the grid are then rounded UP to whole pitches.
 * 4. Marks apply character styles in order: bold, emphasis, charStyle(name); unset fields inherit.
 * 5. Type scale (长体/扁体): the paragraph style's `scaleXPct`/`scaleYPct` as factors, each replaced by a
 *    character style that sets its own. Horizontal lengths of a run are in its scaled em (size × scaleX);
 *    the leading of a style without `leadingPt` follows its scaled height (size × scaleY).
 * 6. Local formatting (a `local` mark, local-format.ts) comes last, on top of every character style: size,
 *    font, colour, tracking, baseline shift and scale each replace what the styles gave. A size change
 *    changes the run's advances; the line's automatic leading then follows its largest type (`maxSizePt`),
 *    rounded up to whole grid lines where the style snaps; a style with a fixed `leadingPt` keeps it.
 * 7. Display effects (勾边/空心/阴影): the paragraph style's, each field replaced by a character style that sets
 *    its own (text-effects.ts); they never change a width.
 */
import type { Cmyk } from '../model/colour.js';
import { COMMENT_MARK } from '../model/comment-mark.js';
import { DELETION_MARK, INSERTION_MARK } from '../model/change-mark.js';
import { LOCAL_MARK, parseLocalFormat } from '../model/local-format.js';
import { scaleFactor, type CharacterStyle, type FontRef, type ParagraphStyle, type Template } from '../model/template.js';
import { parseSizePt } from '../model/units.js';
import type { FontProvider, LoadedFont } from '../text/font.js';
import type { PageGrid } from './grid.js';
import type { LayoutWarning } from './page-layout.js';
import type { ComposeNotice } from './notice.js';
import { ServiceRangeError } from '../i18n/service-message.js';
import { textEffectsOf, withCharacterEffects, type TextEffects } from './text-effects.js';

/** Leading of display type without an explicit `leadingPt`: 1.2 × size (TYPOGRAPHY.md headline practice). */
export const DISPLAY_LEADING_FACTOR = 1.2;

/** Slack when rounding leadings up to whole pitches, so 23.1000001 pt on an 11.55 pt grid stays 2 cells. */
const CELL_EPSILON = 1e-6;

/** Weight a `bold` mark uses when the template defines no `bold` character style. */
const DEFAULT_BOLD_WEIGHT = 700;

/** The style name every story falls back to; a template must define it. */
export const BODY_STYLE = 'paragraph';

/** A paragraph style resolved against the template, grid and fonts. */
export interface ResolvedStyle {
  /** Template key of the style actually used. */
  readonly name: string;
  readonly style: ParagraphStyle;
  readonly sizePt: number;
  readonly font: LoadedFont;
  /** Horizontal type scale factor (0.5–2, 1 = natural). */
  readonly scaleX: number;
  /** Vertical type scale factor (0.5–2, 1 = natural). */
  readonly scaleY: number;
  /** 勾边/空心/阴影 of the style (text-effects.ts); absent when it sets none. */
  readonly effects?: TextEffects;
}

/** The height of a style's type, points: its size × its vertical scale (what its leading and baseline follow). */
export function styleHeightPt(style: ResolvedStyle): number {
  return style.sizePt * style.scaleY;
}

/** A style's horizontal em, points: its size × its horizontal scale (indents and tracking are in it). */
export function styleEmXPt(style: ResolvedStyle): number {
  return style.sizePt * style.scaleX;
}

/** A mark as found in story JSON. */
export interface MarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** Font, colour and type scale of a stretch of text after its marks. */
export interface TextStyle {
  readonly font: LoadedFont;
  readonly colour: Cmyk;
  /** Horizontal and vertical type scale factors (1 = natural). */
  readonly scaleX: number;
  readonly scaleY: number;
  /** Type size, points (the paragraph style's unless a character style or local formatting changes it). */
  readonly sizePt: number;
  /** Tracking after each character, em of the run's size × horizontal scale. */
  readonly trackingEm: number;
  /** Baseline shift, points, positive = up: moves the glyphs, not the line. */
  readonly baselineShiftPt: number;
  /** 勾边/空心/阴影 after the marks; absent when none is set. */
  readonly effects?: TextEffects;
}

/**
 * Resolves styles for one story in one compose: caches fonts and parsed sizes, reports each missing font
 * once. One per story, so a story's warnings do not depend on which stories were resolved before it.
 */
export class StyleResolver {
  private readonly fontCache = new Map<string, LoadedFont | null>();
  private readonly styleCache = new Map<string, ResolvedStyle>();
  private readonly warnedFonts = new Set<string>();
  /** The body font every missing family falls back to. */
  readonly bodyFont: LoadedFont;

  /**
   * @throws RangeError when the template has no `paragraph` style or the provider has no font at all
   */
  constructor(
    readonly template: Template,
    private readonly fonts: FontProvider,
    private readonly onWarning: (w: LayoutWarning) => void,
    private readonly onNotice: (n: ComposeNotice) => void,
  ) {
    const body = template.paragraphStyles[BODY_STYLE];
    if (!body) throw new RangeError(`Template "${template.id}" has no "${BODY_STYLE}" style: every story falls back to it`);
    const bodyFont = fonts.resolve(body.font.family, body.font.weight) ?? fonts.all()[0];
    if (!bodyFont) throw new ServiceRangeError({ key: 'service.compose.noFonts' });
    this.bodyFont = bodyFont;
  }

  /** The font for a reference, or the body font (with a 'missing-font' warning) when the family is absent. */
  resolveFont(ref: FontRef, storyId?: string): LoadedFont {
    const key = `${ref.family}|${ref.weight}`;
    let hit = this.fontCache.get(key);
    if (hit === undefined) {
      hit = this.fonts.resolve(ref.family, ref.weight) ?? null;
      this.fontCache.set(key, hit);
    }
    if (hit) return hit;
    if (this.warnedFonts.has(key)) return this.bodyFont;
    this.warnedFonts.add(key);
    this.onWarning({
      code: 'missing-font',
      message: `Font "${ref.family}" ${ref.weight} is not loaded; set in the body font ${this.bodyFont.family} instead`,
      key: 'composer.missingFont',
      values: { family: ref.family, weight: String(ref.weight), bodyFamily: this.bodyFont.family },
      ...(storyId ? { storyId } : {}),
    });
    return this.bodyFont;
  }

  /**
   * The paragraph style for a block: `styleAttr` if the template has it, else `nodeType`'s, else the body style.
   */
  resolveParagraph(nodeType: string, styleAttr: unknown, storyId: string): ResolvedStyle {
    const styles = this.template.paragraphStyles;
    let name = nodeType;
    if (typeof styleAttr === 'string' && styleAttr !== '') {
      if (styles[styleAttr]) name = styleAttr;
      else {
        const fallback = styles[nodeType] ? nodeType : BODY_STYLE;
        this.onNotice({ code: 'missing-style', message: `Paragraph style "${styleAttr}" is not in template "${this.template.id}"; using "${fallback}"`, storyId, key: 'preflight.finding.missingParagraphStyle', values: { style: styleAttr, template: this.template.id, fallback } });
      }
    }
    if (!styles[name]) {
      this.onNotice({ code: 'missing-style', message: `Template "${this.template.id}" has no style for "${name}" blocks; using "${BODY_STYLE}"`, storyId });
      name = BODY_STYLE;
    }
    const cached = this.styleCache.get(name);
    if (cached) return cached;
    const style = styles[name]!;
    let sizePt: number;
    try {
      sizePt = parseSizePt(style.size);
    } catch (err) {
      sizePt = parseSizePt(this.template.grid.bodySize);
      this.onNotice({ code: 'invalid-style', message: `Style "${name}": ${(err as Error).message}; set at the body size ${sizePt} pt`, storyId });
    }
    const resolved: ResolvedStyle = {
      name, style, sizePt, font: this.resolveFont(style.font, storyId), scaleX: scaleFactor(style.scaleXPct), scaleY: scaleFactor(style.scaleYPct),
      ...effectsField(textEffectsOf(style)),
    };
    this.styleCache.set(name, resolved);
    return resolved;
  }

  /** A jump line's style: the template's `jumpLine`, else the body style set flush right without indent. */
  resolveJumpLine(storyId: string): ResolvedStyle {
    if (this.template.paragraphStyles.jumpLine) return this.resolveParagraph('jumpLine', null, storyId);
    const body = this.resolveParagraph(BODY_STYLE, null, storyId);
    return { ...body, name: `${BODY_STYLE}/jump`, style: { ...body.style, align: 'right', indentEm: 0, spaceBeforeLines: 0, spaceAfterLines: 0 } };
  }

  /** Font, colour and type scale after applying `marks` on top of a paragraph style. */
  resolveText(base: ResolvedStyle, marks: readonly MarkJson[] | undefined, storyId: string): TextStyle {
    let font = base.font;
    let colour = base.style.colour;
    let scaleX = base.scaleX;
    let scaleY = base.scaleY;
    let sizePt = base.sizePt;
    let trackingEm = base.style.trackingEm;
    let baselineShiftPt = 0;
    let local: MarkJson | undefined;
    let effects = base.effects;
    for (const mark of marks ?? []) {
      if (mark.type === LOCAL_MARK) {
        local = mark;
        continue;
      }
      const charStyle = this.characterStyleFor(mark, base, storyId);
      if (!charStyle) continue;
      if (charStyle.font) font = this.resolveFont(charStyle.font, storyId);
      if (charStyle.colour) colour = charStyle.colour;
      if (charStyle.scaleXPct !== undefined) scaleX = scaleFactor(charStyle.scaleXPct);
      if (charStyle.scaleYPct !== undefined) scaleY = scaleFactor(charStyle.scaleYPct);
      if (charStyle.sizePt !== undefined) sizePt = charStyle.sizePt;
      if (charStyle.trackingEm !== undefined) trackingEm = charStyle.trackingEm;
      if (charStyle.baselineShiftPt !== undefined) baselineShiftPt = charStyle.baselineShiftPt;
      effects = withCharacterEffects(effects, charStyle);
    }
    // Plain text (no effects) gets no `effects` field: no spread on the common path.
    const styled: TextStyle = effects
      ? { font, colour, scaleX, scaleY, sizePt, trackingEm, baselineShiftPt, effects }
      : { font, colour, scaleX, scaleY, sizePt, trackingEm, baselineShiftPt };
    return local ? this.applyLocal(styled, local, storyId) : styled;
  }

  /** Local formatting on top of the styled text (module summary, 6); a mark that does not validate is ignored. */
  private applyLocal(styled: TextStyle, mark: MarkJson, storyId: string): TextStyle {
    const local = parseLocalFormat(mark.attrs);
    if (!local) {
      this.onNotice({ code: 'invalid-style', message: 'Local formatting with values out of range is ignored; the text is set in its styles', storyId });
      return styled;
    }
    return {
      font: local.font ? this.resolveFont(local.font, storyId) : styled.font,
      colour: local.colour ?? styled.colour,
      scaleX: local.scaleXPct !== undefined ? scaleFactor(local.scaleXPct) : styled.scaleX,
      scaleY: local.scaleYPct !== undefined ? scaleFactor(local.scaleYPct) : styled.scaleY,
      sizePt: local.sizePt ?? styled.sizePt,
      trackingEm: local.trackingEm ?? styled.trackingEm,
      baselineShiftPt: local.baselineShiftPt ?? styled.baselineShiftPt,
      ...(styled.effects ? { effects: styled.effects } : {}),
    };
  }

  private characterStyleFor(mark: MarkJson, base: ResolvedStyle, storyId: string): CharacterStyle | undefined {
    // A proofreader's comment or a tracked change is about the text, never part of how it is set (even if a
    // style shares its name).
    if (mark.type === COMMENT_MARK || mark.type === INSERTION_MARK || mark.type === DELETION_MARK) return undefined;
    const styles = this.template.characterStyles;
    if (mark.type === 'charStyle') {
      const name = typeof mark.attrs?.name === 'string' ? mark.attrs.name : '';
      const found = styles[name];
      if (!found) this.onNotice({ code: 'missing-style', message: `Character style "${name}" is not in template "${this.template.id}"; text set unstyled`, storyId, key: 'preflight.finding.missingCharacterStyle', values: { style: name, template: this.template.id } });
      return found;
    }
    const found = styles[mark.type];
    if (found) return found;
    if (mark.type === 'bold') return { label: 'bold', font: { family: base.style.font.family, weight: DEFAULT_BOLD_WEIGHT } };
    return undefined;
  }
}

/** `{ effects }` when there are any, else nothing: plain text's objects keep the shape they had. */
function effectsField(effects: TextEffects | undefined): { effects?: TextEffects } {
  return effects ? { effects } : {};
}

/**
 * Leading of a line, points, before grid rounding: `leadingPt` when the style gives one; otherwise the grid
 * pitch for text no larger than the body size, and size × 1.2 for larger (display) type.
 * @param sizePt the height of the line's type: size × vertical scale (`styleHeightPt`, `ComposedLine.maxSizePt`)
 */
export function naturalLeadingPt(style: ParagraphStyle, sizePt: number, grid: PageGrid): number {
  if (style.leadingPt !== undefined) return style.leadingPt;
  return sizePt <= grid.bodySizePt + CELL_EPSILON ? grid.pitchPt : sizePt * DISPLAY_LEADING_FACTOR;
}

/**
 * Height of one line in grid cells: whole cells (at least one) when the style snaps to the grid,
 * the exact fraction otherwise.
 * @param sizePt the height of the line's type (size × vertical scale)
 */
export function lineCells(style: ParagraphStyle, sizePt: number, grid: PageGrid): number {
  const leadingPt = naturalLeadingPt(style, sizePt, grid);
  if (!style.snapToGrid) return leadingPt / grid.pitchPt;
  return Math.max(1, Math.ceil(leadingPt / grid.pitchPt - CELL_EPSILON));
}
