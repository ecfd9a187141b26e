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
 *    after it (1800辆, 2023年, 50℃, 50%), nor from a currency sign before it (¥5,999).
 * 4. ？！ at the start of a line is not forbidden outright but marked `BREAK_RELAXED`: the composer
 *    uses such a break only when nothing else fits and counts it as a warning.
 */
import LineBreaker from 'linebreak';
import { CharClass, IS_HAN_BOX, IS_WESTERN, NEVER_AT_END, NEVER_AT_START, FULLWIDTH_SLASH } from './char-class.js';

/** No line break here. */
export const BREAK_FORBIDDEN = 0;
/** A line may end here. */
export const BREAK_ALLOWED = 1;
/** A line may end here only as a last resort (？！ would start the next line); counted as a warning. */
export const BREAK_RELAXED = 2;
/** A line must end here (hard line break). */
export const BREAK_MANDATORY = 3;

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
  for (let k = 1; k < n; k++) {
    const b = cls[k];
    const a = prev;
    brk[k] = decideBreak(a, prevCp, b, cps[k], uax[k]);
    if (b !== CharClass.ZeroWidth) {
      prev = b;
      prevCp = cps[k];
    }
  }
}

function decideBreak(a: number, aCp: number, b: number, bCp: number, uaxAllows: number): number {
  // CR LF is one hard break (UAX #14 LB5).
  if (a === CharClass.Break) return aCp === 0x0d && bCp === 0x0a ? BREAK_FORBIDDEN : BREAK_MANDATORY;
  if (b === CharClass.Break || b === CharClass.ZeroWidth) return BREAK_FORBIDDEN;
  if (IS_WESTERN[a] && IS_WESTERN[b]) {
    if (NEVER_AT_START[b] && b !== CharClass.Space) return BREAK_FORBIDDEN;
    if (NEVER_AT_END[a]) return BREAK_FORBIDDEN;
    return uaxAllows ? BREAK_ALLOWED : BREAK_FORBIDDEN;
  }
  if (b === CharClass.Space || b === CharClass.NoBreakSpace) return BREAK_FORBIDDEN;
  if (NEVER_AT_START[b]) return b === CharClass.QuestionExclamation ? BREAK_RELAXED : BREAK_FORBIDDEN;
  if (NEVER_AT_END[a] || aCp === FULLWIDTH_SLASH) return BREAK_FORBIDDEN;
  if (a === CharClass.Digit && IS_HAN_BOX[b]) return BREAK_FORBIDDEN;
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
    // A run of ASCII letters and digits is one word or number: no opportunity inside, no need to ask.
    if (simple || k - start < 2) continue;
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
      if (bk.position > 0 && bk.position < text.length) out[unitToIndex[bk.position]] = 1;
    }
  }
}
