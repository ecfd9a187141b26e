/**
 * Break opportunities for a paragraph: where a line may end (TYPOGRAPHY.md §1).
 *
 * 1. Split the paragraph into maximal runs of "western" characters (Latin, digits, ASCII
 *    punctuation, spaces) and ask UAX #14 (the `linebreak` package) about the gaps inside each run —
 *    that keeps Latin words, URLs and numbers whole the Unicode way.
 * 2. Every gap that touches a non-western character (Han, CJK punctuation, dashes, ellipses,
 *    currency and unit signs) is decided by our own GB table, which overrides UAX #14 both ways:
 *    breaks before ～ — · and after ／ are forbidden, breaks before “ are allowed.
 * 3. Numbers stay with their units: a digit never breaks from the Han measure word or unit sign
 *    after it (1800辆, 2023年, 50℃, 50%), nor from a currency sign before it (¥5,999). Digits inside
 *    a Latin word (PM2.5, CCTV-13) are a name, not a count: the Han character after them may break.
 * 4. ？！ at the start of a line is not forbidden outright but marked `BREAK_RELAXED`: the composer
 *    uses such a break only when nothing else fits and counts it as a warning.
 * 5. Inside a URL or e-mail address, a break after its punctuation (. _ ? & = # ~ @ …) is a
 *    `BREAK_URL`: allowed at a cost, so addresses no newspaper column can hold still break cleanly.
 * 6. Every other gap inside a western run (a Latin word, a number), and the gaps between the pairs
 *    of a run of dashes or ellipses longer than ——, are `BREAK_EMERGENCY`: used only when a run is
 *    wider than the line and nothing else fits, and reported as a split.
 */
import LineBreaker from 'linebreak';
import { CharClass, IS_HAN_BOX, IS_WESTERN, NEVER_AT_END, NEVER_AT_START, FULLWIDTH_SLASH } from './char-class.js';
import { isUrlLike } from './context-class.js';

/** No line break here. */
export const BREAK_FORBIDDEN = 0;
/** A line may end here. */
export const BREAK_ALLOWED = 1;
/** A line may end here only as a last resort (？！ would start the next line); counted as a warning. */
export const BREAK_RELAXED = 2;
/** A line must end here (hard line break). */
export const BREAK_MANDATORY = 3;
/** A line may end here at a cost: after punctuation inside a URL or e-mail address. */
export const BREAK_URL = 4;
/**
 * A line may end here only when an unbreakable run (word, number) is wider than the line: the run is
 * split, and the composer reports it.
 */
export const BREAK_EMERGENCY = 5;

/** Values of the UAX #14 scratch array (one per gap inside a western run). */
const UAX_FORBIDS = 0;
const UAX_ALLOWS = 1;
const UAX_URL = 2;
const UAX_EMERGENCY = 3;

/**
 * Computes the break opportunity before each character.
 * @param cps code points of the paragraph
 * @param cls their classes (`classOf`), same length
 * @returns `brk` of length n + 1: `brk[k]` says whether a line may end between character k − 1 and k
 *   (one of the BREAK_* constants); `brk[0]` is forbidden and `brk[n]` mandatory (paragraph end).
 */
export function collectBreakOpportunities(cps: ArrayLike<number>, cls: ArrayLike<number>): Uint8Array {
  const n = cps.length;
  const brk = new Uint8Array(n + 1);
  collectBreakOpportunitiesInto(cps, cls, n, brk, new Uint8Array(n + 1));
  return brk;
}

/**
 * `collectBreakOpportunities` into caller-owned arrays (the composer reuses them).
 * @param n number of characters (the arrays may be longer)
 * @param brk receives entries 0 … n
 * @param scratch at least n + 1 long; overwritten
 */
export function collectBreakOpportunitiesInto(
  cps: ArrayLike<number>, cls: ArrayLike<number>, n: number, brk: Uint8Array, scratch: Uint8Array,
): void {
  brk[0] = BREAK_FORBIDDEN;
  if (n === 0) return;
  brk[n] = BREAK_MANDATORY;
  const uax = scratch;
  uax.fill(0, 0, n + 1);
  collectWesternOpportunities(cps, cls, n, uax);
  // `prev` skips zero-width characters, which are transparent to line breaking.
  let prev = cls[0];
  let prevCp = cps[0];
  // The last character that draws (zero-width spaces skipped too): a line ending in "“" + U+200B
  // still ends in "“".
  let inked = prev === CharClass.ZeroWidthSpace ? -1 : prev;
  let inkedCp = prevCp;
  // Digits after a Latin letter in the same word (PM2.5, CCTV-13, H7N9) name something rather than
  // count it: the Han character after them is no measure word, so the number–unit bond does not apply.
  let identifier = isLatinLetter(cls[0], cps[0]);
  // Length of the run of one dash or ellipsis class ending at k.
  let markRun = 1;
  for (let k = 1; k < n; k++) {
    const b = cls[k];
    const a = prev;
    brk[k] = a === CharClass.ZeroWidthSpace && inked >= 0 && (NEVER_AT_END[inked] || inkedCp === FULLWIDTH_SLASH)
      ? BREAK_FORBIDDEN
      : decideBreak(a, prevCp, b, cps[k], uax[k], identifier);
    // A run of dashes or ellipses longer than a pair (a separator rule, a trailing-off ………) may be
    // split between pairs when it is wider than the line, so —— and …… themselves stay whole.
    markRun = b === a && (b === CharClass.Dash || b === CharClass.Ellipsis) ? markRun + 1 : 1;
    if (markRun > 2 && markRun % 2 === 1) brk[k] = BREAK_EMERGENCY;
    if (isLatinLetter(b, cps[k])) identifier = true;
    else if (!IS_WESTERN[b] || b === CharClass.Space || b === CharClass.NoBreakSpace) identifier = false;
    if (b !== CharClass.ZeroWidth) {
      prev = b;
      prevCp = cps[k];
      if (b !== CharClass.ZeroWidthSpace) {
        inked = b;
        inkedCp = cps[k];
      }
    }
  }
}

/** Break kind per value of the UAX #14 scratch array. */
const WESTERN_BREAK = [BREAK_FORBIDDEN, BREAK_ALLOWED, BREAK_URL, BREAK_EMERGENCY];

/** A Latin letter (not a digit, space or mark of class Latin such as - @ _). */
function isLatinLetter(c: number, cp: number): boolean {
  return c === CharClass.Latin && ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x370 && cp <= 0x52f));
}

function decideBreak(a: number, aCp: number, b: number, bCp: number, uaxAllows: number, identifier: boolean): number {
  // CR LF is one hard break (UAX #14 LB5).
  if (a === CharClass.Break) return aCp === 0x0d && bCp === 0x0a ? BREAK_FORBIDDEN : BREAK_MANDATORY;
  // UAX #14 LB7: never before a zero-width space (the break it offers is after it).
  if (b === CharClass.Break || b === CharClass.ZeroWidth || b === CharClass.ZeroWidthSpace) return BREAK_FORBIDDEN;
  if (IS_WESTERN[a] && IS_WESTERN[b]) {
    if (NEVER_AT_START[b] && b !== CharClass.Space) return BREAK_FORBIDDEN;
    if (NEVER_AT_END[a]) return BREAK_FORBIDDEN;
    return WESTERN_BREAK[uaxAllows];
  }
  if (b === CharClass.Space || b === CharClass.NoBreakSpace) return BREAK_FORBIDDEN;
  if (NEVER_AT_START[b]) return b === CharClass.QuestionExclamation ? BREAK_RELAXED : BREAK_FORBIDDEN;
  if (NEVER_AT_END[a] || aCp === FULLWIDTH_SLASH) return BREAK_FORBIDDEN;
  if (a === CharClass.Digit && IS_HAN_BOX[b] && !identifier) return BREAK_FORBIDDEN;
  return BREAK_ALLOWED;
}

/** ASCII letters and digits: UAX #14 never breaks inside a run made only of them. */
function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/**
 * UAX #14 opportunities inside each maximal western run: `out[k] = 1` when a break before
 * character k is allowed by UAX #14 (only meaningful where both neighbours are western).
 */
function collectWesternOpportunities(cps: ArrayLike<number>, cls: ArrayLike<number>, n: number, out: Uint8Array): void {
  let k = 0;
  while (k < n) {
    if (!IS_WESTERN[cls[k]]) {
      k++;
      continue;
    }
    const start = k;
    let simple = true;
    while (k < n && IS_WESTERN[cls[k]]) {
      if (!isAsciiAlnum(cps[k])) simple = false;
      k++;
    }
    if (k - start < 2) continue;
    // A run of ASCII letters and digits is one word or number: no opportunity inside, no need to ask;
    // every gap is an emergency break, for a word or number wider than the line.
    if (simple) {
      for (let i = start + 1; i < k; i++) out[i] = UAX_EMERGENCY;
      continue;
    }
    let text = '';
    const unitToIndex: number[] = [];
    for (let i = start; i < k; i++) {
      const ch = String.fromCodePoint(cps[i]);
      for (let u = 0; u < ch.length; u++) unitToIndex.push(i);
      text += ch;
    }
    unitToIndex.push(k);
    const breaker = new LineBreaker(text);
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      if (bk.position > 0 && bk.position < text.length) out[unitToIndex[bk.position]] = UAX_ALLOWS;
    }
    const url = isUrlLike(text);
    for (let i = start + 1; i < k; i++) {
      if (out[i] !== UAX_FORBIDS || cls[i] === CharClass.Space || cls[i - 1] === CharClass.Space) continue;
      out[i] = url && URL_BREAK_AFTER.has(cps[i - 1]) ? UAX_URL : UAX_EMERGENCY;
    }
  }
}

/** URL and e-mail punctuation a line may end after (a break before it would start a line with a mark). */
const URL_BREAK_AFTER: ReadonlySet<number> = new Set(Array.from('._?&=#~@-%+,;:!', (c) => c.codePointAt(0)!));

