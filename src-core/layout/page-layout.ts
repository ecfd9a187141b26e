import type { Cmyk } from '../model/colour.js';
import type { TextEffects } from './text-effects.js';
import type { OutlineStep } from './styled-lines.js';
import type { MessageKey } from '../i18n/messages/en.js';

/**
 * PageLayout: the composer's finished output for one page, drawn unchanged by the page canvas
 * (src-renderer/page) and by the PDF exporter (src-core/pdf). Plain, serialisable data.
 * All lengths in points; origin at the trim box's top-left corner; y grows downwards.
 * Nothing downstream breaks lines or measures text again.
 */

/** A rectangle in points, top-left origin. */
export interface RectPt {
  xPt: number;
  yPt: number;
  widthPt: number;
  heightPt: number;
}

/**
 * One glyph at its final position. `xPt` is the glyph's drawing origin on the baseline (the
 * composer has already applied punctuation compression, so a compressed opening bracket's origin
 * may lie left of its cell). `scaleX` (default 1) stretches a glyph horizontally (e.g. a dash set
 * to a full em).
 */
export interface PositionedGlyph {
  /** Glyph id in the run's font. */
  glyphId: number;
  /** Drawing origin, points from the trim's left edge. */
  xPt: number;
  /** The source text this glyph shows (one or more code points); used for PDF ToUnicode and search. */
  text: string;
  /** Horizontal scale applied when drawing (1 = natural). */
  scaleX?: number;
}

/**
 * A run of glyphs in one font, size and colour on one baseline. A glyph's outline is drawn at `sizePt` ×
 * `scaleX` (× the glyph's own `scaleX`) wide and `sizePt` × `scaleY` tall, about its origin on the baseline.
 */
export interface GlyphRunItem {
  kind: 'glyphs';
  /** FontProvider id of the font. */
  fontId: string;
  sizePt: number;
  /** Horizontal type scale of the whole run (长体 below 1), 0.5–2; absent = 1. Multiplies each glyph's `scaleX`. */
  scaleX?: number;
  /** Vertical type scale of the whole run (扁体 below 1), 0.5–2; absent = 1. */
  scaleY?: number;
  /**
   * 勾边/空心/阴影 (text-effects.ts), drawn around the composed glyphs without moving them; absent = plain fill.
   * Paint order within the run: shadow, outline (stroke at 2 × width), then the fill (or the hollow stroke).
   */
  effects?: TextEffects;
  colour: Cmyk;
  /** Baseline y, points from the trim's top edge. */
  baselineYPt: number;
  glyphs: readonly PositionedGlyph[];
  /** Story this run belongs to; absent for template furniture (marks, page furniture). */
  storyId?: string;
  frameId?: string;
  /**
   * Set on the runs of a jump line the composer added to a story's frame (page furniture, not story text:
   * no LineBox covers it): `out` for 下转第N版 ending a part, `in` for 上接第N版 starting a continuation.
   */
  jump?: JumpDirection;
  /** Turned with its frame (a rotated box's label). */
  rotation?: ItemRotation;
}

/** Which way a jump line points: `out` = 下转 (continued on a later page), `in` = 上接 (continued from one). */
export type JumpDirection = 'out' | 'in';

/**
 * How a stroke is broken into dashes: lengths in points, alternately drawn and skipped, from the start of the
 * line (or the outline's first point); with `roundCaps`, a 0-length dash is a round dot. Absent: unbroken.
 */
export interface StrokeDash {
  /** Dash and gap lengths, points (even count, all ≥ 0, not all 0). */
  readonly dashPt?: readonly number[];
  /** Round line ends (dots, rounded dashes) instead of butt ends. */
  readonly roundCaps?: boolean;
}

/** A straight rule (line segment) with a stroke width in points. */
export interface RuleItem extends StrokeDash {
  kind: 'rule';
  x1Pt: number;
  y1Pt: number;
  x2Pt: number;
  y2Pt: number;
  strokePt: number;
  colour: Cmyk;
  frameId?: string;
  /** Turned with its frame (a rotated box's styled stroke, a missing picture's cross). */
  rotation?: ItemRotation;
}

/**
 * A rectangle, stroked and/or filled; with `cornerRadiusPt` its corners are quarter circles. Screen and PDF
 * trace the same outline (`boxOutline` in styled-lines.ts), so dashes start at the same place on both.
 */
export interface BoxItem extends StrokeDash {
  kind: 'box';
  rect: RectPt;
  strokePt: number;
  stroke?: Cmyk;
  fill?: Cmyk;
  /** Corner radius, points (absent or 0: square). */
  cornerRadiusPt?: number;
  /**
   * A decorative border's (花边) motif path (decorative-borders.ts), points: when present it is traced instead of
   * the rectangle, stroked and/or filled as the item says; `rect` is then the motif's band, bounding its ink.
   */
  motif?: readonly OutlineStep[];
  frameId?: string;
  /** Turned with its frame about the frame's centre. */
  rotation?: ItemRotation;
}

/**
 * An image (or placed PDF) drawn into `rect` (its full placed size, which may exceed the frame),
 * clipped to `clip` (the frame). `effectivePpi` is the image's resolution at placed size.
 */
export interface ImageItem {
  kind: 'image';
  assetId: string;
  rect: RectPt;
  clip: RectPt;
  effectivePpi?: number;
  /** Drawn in grey (a black-and-white page, or a picture set to print in grey). */
  mono?: true;
  frameId?: string;
  /** Turned with its frame about the frame's centre: picture and clip turn together. */
  rotation?: ItemRotation;
}

/**
 * The turn of a rotated frame (rotation.ts), carried by every item the frame makes: `deg` clockwise on the page,
 * in (-180, 180], never 0 (an unturned item has no `rotation`), about the frame's centre (`cxPt`, `cyPt`, points).
 * The item's own coordinates are unturned; screen and PDF draw it turned about that centre.
 */
export interface ItemRotation {
  readonly deg: number;
  readonly cxPt: number;
  readonly cyPt: number;
}

/** Anything drawn on a page, in paint order. */
export type LayoutItem = GlyphRunItem | RuleItem | BoxItem | ImageItem;

/**
 * A composed line, for hit-testing and caret mapping (not for drawing).
 * `caretXPt[i]` is the caret x for ProseMirror position `fromPos + i`, for i in 0 … toPos − fromPos.
 */
export interface LineBox {
  storyId: string;
  frameId: string;
  /** Column index within the frame. */
  column: number;
  rect: RectPt;
  baselineYPt: number;
  fromPos: number;
  toPos: number;
  caretXPt: readonly number[];
  /**
   * Set on the first line of a story block (paragraph, subhead, headline …; a block's later pieces after a
   * hard break are not blocks): where the page's text layer starts a paragraph. Absent on the others.
   */
  blockStart?: true;
}

/** Overset: story text that did not fit its last frame. Never silently dropped. */
export interface OversetEntry {
  storyId: string;
  /** The last frame of the thread, where the overset marker is shown. */
  frameId: string;
  /** ProseMirror position of the first character not set. */
  fromPos: number;
  /** Lines that did not fit (at the body pitch). */
  lines: number;
  /** Characters not set. */
  chars: number;
}

/**
 * Copyfit per story: positive = lines over (overset), negative = lines short (empty space left).
 * A jump line (下转/上接) a frame has no room left for is set all the same and counts as lines over: then
 * `lineDelta` is those lines plus any overset, whatever room the thread has further on.
 */
export interface CopyfitEntry {
  storyId: string;
  /** Lines over (> 0) or empty lines left (< 0), at the body pitch. */
  lineDelta: number;
  /**
   * 齐底: where the story ends in a balanced frame (balance.ts), per column the grid lines between the
   * balanced column end and the frame's foot — what balancing costs. Absent when nothing was balanced.
   */
  balanceShortLines?: readonly number[];
}

/** Something the composer noticed: missing glyphs, loose lines, relaxed line-start rules. */
export interface LayoutWarning {
  code: 'missing-glyph' | 'missing-font' | 'loose-line' | 'kinsoku-relaxed' | 'punctuation-squeezed' | 'overfull-line' | 'missing-asset';
  message: string;
  storyId?: string;
  frameId?: string;
  pos?: number;
  /** `missing-glyph` only: the character and the font (`family weight`) that lacks it, for grouping reports. */
  missing?: { text: string; font: string };
  /** The catalogue message `message` says in English, so preflight says it in the reader's language (absent: English only). */
  key?: MessageKey;
  /** The values of `key`'s arguments. */
  values?: Readonly<Record<string, string | number>>;
}

/** The finished layout of one page. */
export interface PageLayout {
  pageId: string;
  pageName: string;
  trimWidthPt: number;
  trimHeightPt: number;
  bleedPt: number;
  typeArea: RectPt;
  items: readonly LayoutItem[];
  lines: readonly LineBox[];
  overset: readonly OversetEntry[];
  copyfit: readonly CopyfitEntry[];
  warnings: readonly LayoutWarning[];
}
