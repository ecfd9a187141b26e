/**
 * The contract between the paragraph composer (`paragraph.ts`: breaking, compression,
 * justification) and the page composer (`page.ts`: blocks, columns, frames, grid).
 * Lengths in points; x relative to the line's left edge (the column's left edge).
 */
import type { Cmyk } from '../model/colour.js';
import type { TypographyOptions } from '../model/template.js';
import type { LoadedFont } from '../text/font.js';
import type { LayoutWarning, PositionedGlyph } from './page-layout.js';
import type { TextEffects } from './text-effects.js';

/** A stretch of paragraph text in one style. `fromPos` is the ProseMirror position of its first UTF-16 unit. */
export interface InlineRun {
  text: string;
  fromPos: number;
  font: LoadedFont;
  sizePt: number;
  colour: Cmyk;
  /** Extra space after each character, em of `sizePt` × `scaleX`. */
  trackingEm: number;
  /**
   * Horizontal type scale (长体 below 1), 0.5–2; absent = 1. The run's horizontal em is `sizePt` × `scaleX`:
   * glyph advances, tracking, punctuation blanks, gaps and shrink/stretch steps are all measured in it.
   */
  scaleX?: number;
  /** Vertical type scale (扁体 below 1), 0.5–2; absent = 1. Glyphs are `sizePt` × `scaleY` tall. */
  scaleY?: number;
  /** Baseline shift (local formatting), points, positive = up; absent = 0. Moves the glyphs, never the line. */
  baselineShiftPt?: number;
  /** 勾边/空心/阴影 (drawing only: never measured); absent = none. */
  effects?: TextEffects;
}

/** One paragraph to compose. */
export interface ParagraphInput {
  runs: readonly InlineRun[];
  /** Available width per line (index 0 = first line), points. Must return the same value for the same index. */
  lineWidthPt: (lineIndex: number) => number;
  /** First-line indent, points. */
  firstLineIndentPt: number;
  align: 'justify' | 'left' | 'center' | 'right';
  options: TypographyOptions;
  /**
   * Display punctuation (headlines, kickers, subtitles): every mark with a blank is set at half width and
   * closed up, so no squeeze or stretch is left to its blanks. Default false.
   */
  displayPunctuation?: boolean;
  /** Story id, for warnings. */
  storyId?: string;
}

/** A glyph run inside a composed line; glyph `xPt` is relative to the line's left edge. */
export interface LineRun {
  fontId: string;
  sizePt: number;
  colour: Cmyk;
  glyphs: readonly PositionedGlyph[];
  /** The input run's type scale, present only when not 1 (see `InlineRun`). */
  scaleX?: number;
  scaleY?: number;
  /** The input run's baseline shift, points up, present only when not 0 (see `InlineRun`). */
  baselineShiftPt?: number;
  /** The input run's display effects, present only when set. */
  effects?: TextEffects;
}

/** A composed line of a paragraph. */
export interface ComposedLine {
  runs: readonly LineRun[];
  /** Width the line was set to (the available width for justified lines). */
  widthPt: number;
  /**
   * Largest type height on the line (size × vertical scale), points: the page composer derives the line pitch
   * of display type from it.
   */
  maxSizePt: number;
  /** ProseMirror positions covered: [fromPos, toPos). */
  fromPos: number;
  toPos: number;
  /** Caret x (relative to line start) for positions fromPos … toPos inclusive; length toPos − fromPos + 1. */
  caretXPt: readonly number[];
  /** Last line of the paragraph (set solid, not justified). */
  isLast: boolean;
  /** A gap was stretched beyond 0.5 em. */
  loose: boolean;
}

/** Result of composing a paragraph. */
export interface ComposedParagraph {
  lines: readonly ComposedLine[];
  warnings: readonly LayoutWarning[];
}
