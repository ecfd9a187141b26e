/**
 * Test helpers for the paragraph composer: fonts loaded once per test file, a paragraph builder
 * (text, column width in characters → ParagraphInput) and line text read-back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_FONTS, loadFont, type LoadedFont } from '../../../src-core/text/font.js';
import { TypographyOptionsSchema, type TypographyOptions } from '../../../src-core/model/template.js';
import { BLACK } from '../../../src-core/model/colour.js';
import type { InlineRun, ParagraphInput } from '../../../src-core/layout/line.js';
import { composeParagraph } from '../../../src-core/layout/paragraph.js';
import { lineTexts } from '../../../src-core/layout/para-quality.js';

const fontCache = new Map<string, LoadedFont>();

/** Loads one of DEFAULT_FONTS by id (cached per test file). */
export function font(id = 'noto-serif-sc-400'): LoadedFont {
  let f = fontCache.get(id);
  if (!f) {
    const d = DEFAULT_FONTS.find((x) => x.id === id);
    if (!d) throw new RangeError(`unknown font ${id}`);
    const bytes = fs.readFileSync(path.join(process.cwd(), 'node_modules', d.file));
    f = loadFont(d, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    fontCache.set(id, f);
  }
  return f;
}

/** Default typographic options (the template defaults). */
export function defaultOptions(over: Partial<TypographyOptions> = {}): TypographyOptions {
  return { ...TypographyOptionsSchema.parse({}), ...over };
}

export interface ParaSpec {
  /** Column width in characters (em of sizePt). */
  chars: number;
  sizePt?: number;
  indentEm?: number;
  align?: ParagraphInput['align'];
  options?: Partial<TypographyOptions>;
  fontId?: string;
  trackingEm?: number;
  fromPos?: number;
  /** Display punctuation (headline styles): every mark half width, closed up. */
  displayPunctuation?: boolean;
  /** Horizontal / vertical type scale of the run (长体/扁体), factors; absent = 1. The measure stays in natural ems. */
  scaleX?: number;
  scaleY?: number;
}

/** Builds a one-run ParagraphInput: `chars` characters of `sizePt` wide. */
export function para(text: string, spec: ParaSpec): ParagraphInput {
  const sizePt = spec.sizePt ?? 9;
  const run: InlineRun = {
    text, fromPos: spec.fromPos ?? 1, font: font(spec.fontId), sizePt, colour: BLACK, trackingEm: spec.trackingEm ?? 0,
    ...(spec.scaleX !== undefined ? { scaleX: spec.scaleX } : {}),
    ...(spec.scaleY !== undefined ? { scaleY: spec.scaleY } : {}),
  };
  return {
    runs: [run],
    lineWidthPt: () => spec.chars * sizePt,
    firstLineIndentPt: (spec.indentEm ?? 0) * sizePt,
    align: spec.align ?? 'justify',
    options: defaultOptions(spec.options),
    ...(spec.displayPunctuation ? { displayPunctuation: true } : {}),
    storyId: 'test',
  };
}

/** Composes and returns the line texts. */
export function lines(text: string, spec: ParaSpec): string[] {
  const input = para(text, spec);
  return lineTexts(composeParagraph(input).lines, input);
}

/** Paragraph blocks of the seed front page (split on blank lines, lines joined). */
export function seedParagraphs(): string[] {
  const raw = fs.readFileSync('/work/shared/seed/deqing-front-page-2023-07.txt', 'utf8');
  return raw.split(/\n\s*\n/).map((b) => b.replace(/\n/g, '').trim()).filter((b) => b.length > 0);
}
