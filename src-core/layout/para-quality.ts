/**
 * Quality counters for composed paragraphs, read back from the output alone (not from the
 * composer's internals), for tests and the bench.
 *
 * 1. Recover each line's text from the input runs by ProseMirror position.
 * 2. Check every line edge against the GB tables (classes in context: a straight quote opens or closes,
 *    a hyphen joins a name, as `applyContextClasses` reads them): never-at-start / never-at-end characters, split
 *    Latin words, —— and ……, and numbers split from their digits, units or currency signs.
 * 3. Count loose lines, single-character last lines (孤字) and justified lines that are not flush
 *    within 0.01 pt on both sides.
 */
import type { ComposedLine, ParagraphInput } from './line.js';
import { isHangable, isTrailingBlank } from './para-fit.js';
import { CharClass, classOf, FULLWIDTH_SLASH, IS_CONTENT, IS_HAN_BOX, NEVER_AT_END, NEVER_AT_START } from '../text/char-class.js';
import { applyContextClasses } from '../text/context-class.js';

/** Flushness tolerance for justified lines, points (TYPOGRAPHY.md §3). */
export const FLUSH_TOLERANCE_PT = 0.01;

/** Quality counters; all zero is the goal. */
export interface ParagraphQuality {
  /** Line edges breaking the GB rules (never-at-start/end, split words, ——/…… opening a continuation line). */
  kinsoku_violations: number;
  /** Lines with a gap stretched beyond ½ em. */
  loose_lines: number;
  /** Paragraphs of two or more lines whose last line holds one character (孤字). */
  single_char_last_lines: number;
  /** Numbers split inside, or from their unit or currency sign. */
  number_unit_splits: number;
  /** Justified non-final lines not flush with the measure within 0.01 pt on either side. */
  unjustified_lines: number;
}

/** A zeroed `ParagraphQuality`. */
export function emptyQuality(): ParagraphQuality {
  return { kinsoku_violations: 0, loose_lines: 0, single_char_last_lines: 0, number_unit_splits: 0, unjustified_lines: 0 };
}

/** Adds `b` into `a` (for totals over many paragraphs); returns `a`. */
export function addQuality(a: ParagraphQuality, b: ParagraphQuality): ParagraphQuality {
  a.kinsoku_violations += b.kinsoku_violations;
  a.loose_lines += b.loose_lines;
  a.single_char_last_lines += b.single_char_last_lines;
  a.number_unit_splits += b.number_unit_splits;
  a.unjustified_lines += b.unjustified_lines;
  return a;
}

/** The text of each composed line, recovered from the input runs by position. */
export function lineTexts(lines: readonly ComposedLine[], input: ParagraphInput): string[] {
  const chars = flatten(input);
  // Lines come in position order, so one pass over the characters serves them all.
  let c = 0;
  return lines.map((l) => {
    while (c < chars.length && chars[c].pos < l.fromPos) c++;
    let text = '';
    for (; c < chars.length && chars[c].pos < l.toPos; c++) text += chars[c].ch;
    return text;
  });
}

/** Measures the quality counters of one composed paragraph (the sum of `measureLineQuality`). */
export function measureQuality(lines: readonly ComposedLine[], input: ParagraphInput): ParagraphQuality {
  const q = emptyQuality();
  for (const l of measureLineQuality(lines, input)) addQuality(q, l);
  return q;
}

/**
 * The quality counters per line, so a fault can be matched with the warning the composer gave for
 * that line. A bad break (kinsoku, split word or number) is counted on the line that ends at it;
 * a single-character last line on the last line.
 */
export function measureLineQuality(lines: readonly ComposedLine[], input: ParagraphInput): ParagraphQuality[] {
  const out = lines.map(() => emptyQuality());
  const texts = lineTexts(lines, input).map((t) => Array.from(t));
  // Classes in context over the whole paragraph; `start[li]` indexes line li's first character.
  const cps = texts.flat().map((c) => c.codePointAt(0)!);
  const ctx = cps.map(classOf);
  applyContextClasses(cps, ctx, cps.length);
  const start: number[] = [];
  let at = 0;
  for (const t of texts) {
    start.push(at);
    at += t.length;
  }
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const chars = texts[li];
    const q = out[li];
    if (line.loose) q.loose_lines++;
    const endsHard = chars.length > 0 && classOf(chars[chars.length - 1].codePointAt(0)!) === CharClass.Break;
    if (li > 0 && chars.length > 0) {
      const first = chars[0].codePointAt(0)!;
      const prevChars = texts[li - 1];
      const prevEndsHard = prevChars.length > 0 && classOf(prevChars[prevChars.length - 1].codePointAt(0)!) === CharClass.Break;
      const edge = out[li - 1];
      if (!prevEndsHard) {
        if (NEVER_AT_START[ctx[start[li]]]) edge.kinsoku_violations++;
        const pv = lastVisible(prevChars);
        if (pv >= 0) {
          const prev = prevChars[pv].codePointAt(0)!;
          if (prev === FULLWIDTH_SLASH || NEVER_AT_END[ctx[start[li - 1] + pv]]) edge.kinsoku_violations++;
          const prevRaw = prevChars[prevChars.length - 1].codePointAt(0)!;
          if (isNumberSplit(prevRaw, first) && !endsInIdentifier(prevChars)) edge.number_unit_splits++;
          else if (isWordSplit(prevRaw, first)) edge.kinsoku_violations++;
        }
      }
    }
    if (input.align === 'justify' && !line.isLast && !endsHard) {
      const startX = li === 0 ? input.firstLineIndentPt : 0;
      const widthPt = input.lineWidthPt(li);
      const endX = line.caretXPt[line.caretXPt.length - 1];
      // A hanging 、，。 sits past the measure: then the character before it must be flush. Trailing
      // blanks (a space, U+200B) may follow it.
      let v = chars.length - 1;
      while (v > 0 && isTrailingBlank(classOf(chars[v].codePointAt(0)!))) v--;
      let unitsBefore = 0;
      for (let i = 0; i < v; i++) unitsBefore += chars[i].length;
      const hangs = input.options.hangingPunctuation && v > 0 && isHangable(chars[v].codePointAt(0)!)
        && Math.abs(line.caretXPt[unitsBefore] - widthPt) <= FLUSH_TOLERANCE_PT;
      if (Math.abs(line.caretXPt[0] - startX) > FLUSH_TOLERANCE_PT || (!hangs && Math.abs(endX - widthPt) > FLUSH_TOLERANCE_PT)) {
        q.unjustified_lines++;
      }
    }
  }
  if (lines.length > 1) {
    const lastChars = texts[texts.length - 1];
    const content = lastChars.filter((c) => IS_CONTENT[classOf(c.codePointAt(0)!)]).length;
    if (content === 1) out[out.length - 1].single_char_last_lines++;
  }
  return out;
}

function flatten(input: ParagraphInput): { pos: number; ch: string }[] {
  const out: { pos: number; ch: string }[] = [];
  for (const r of input.runs) {
    let u = 0;
    for (const ch of r.text) {
      out.push({ pos: r.fromPos + u, ch });
      u += ch.length;
    }
  }
  return out;
}

/** Index of the last character that draws (trailing blanks skipped), or −1. */
function lastVisible(chars: readonly string[]): number {
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!isTrailingBlank(classOf(chars[i].codePointAt(0)!))) return i;
  }
  return -1;
}

function isNumberSplit(prev: number, next: number): boolean {
  const a = classOf(prev);
  const b = classOf(next);
  if (a === CharClass.Digit) {
    return b === CharClass.Digit || IS_HAN_BOX[b] || b === CharClass.Postfix || next === 0x2e || next === 0x2c;
  }
  if (a === CharClass.Prefix) return b === CharClass.Digit;
  if ((prev === 0x2e || prev === 0x2c) && b === CharClass.Digit) return true;
  return false;
}

/** A split between two letters or digits (a break after - / . @ inside a URL or compound is not one). */
function isWordSplit(prev: number, next: number): boolean {
  return isWesternLetterOrDigit(prev) && isWesternLetterOrDigit(next);
}

function isWesternLetterOrDigit(cp: number): boolean {
  const c = classOf(cp);
  return (c === CharClass.Latin || c === CharClass.Digit) && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The line ends in digits that follow a Latin letter in the same word (PM2.5, CCTV-13): a name,
 * not a count, so a Han character after them is no unit split from its number.
 */
function endsInIdentifier(chars: readonly string[]): boolean {
  for (let i = chars.length - 1; i >= 0; i--) {
    const cp = chars[i].codePointAt(0)!;
    const c = classOf(cp);
    if (c === CharClass.Latin && /^\p{L}$/u.test(chars[i])) return true;
    if (c === CharClass.Space || c === CharClass.NoBreakSpace || (c !== CharClass.Digit && c !== CharClass.Latin && c !== CharClass.LatinClose)) return false;
  }
  return false;
}
