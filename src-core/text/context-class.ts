/**
 * Classes that depend on a character's neighbours (TYPOGRAPHY.md §4, issue 17): `classOf` gives one class
 * per code point; a few marks mean different things in different places and are re-classed here, once per
 * paragraph, before widths, gaps and break opportunities are worked out.
 *
 * 1. A straight double quote " is opening or closing: opening at the paragraph start, after a space or
 *    an opening bracket, and after ：; closing at the paragraph end, before a space or punctuation, and
 *    after a Latin word or a closing mark. Between Han characters (or after ，。) it alternates: it
 *    closes the quote the last one opened, else it opens one. Opening → `LatinOpen` (never at line end),
 *    closing → `LatinClose` (never at line start).
 * 2. A right single quote ’ between two Latin letters (McDonald’s, don’t) is an apostrophe: `Latin`,
 *    set at a Latin width (`apostropheMetrics`), not as a one-em CJK closing quote.
 * 3. A thin space U+2009 between two digits groups the digits of one number: `NoBreakSpace`.
 * 4. A hyphen-minus between two Han characters or between two Latin letters/digits joins the parts of a
 *    name (皮埃尔-奥古斯特, A-1): `NameHyphen`, never at a line start or end — except inside a URL or e-mail
 *    address, where a line may end after it. Between a Han character and a digit it is a minus or a
 *    range sign and stays `Latin`.
 */
import { CharClass, IS_HAN_BOX, IS_WESTERN } from './char-class.js';

const QUOTE = 0x22;
const APOSTROPHE = 0x2019;
const THIN_SPACE = 0x2009;
const HYPHEN_MINUS = 0x2d;

/**
 * Re-classes the context-dependent characters of a paragraph in place (see the module summary).
 * @param cps code points, `cls` their `classOf` classes; only the first `n` entries are read and written
 * @returns true when something was re-classed (an apostrophe needs other metrics: the caller checks `cps`)
 */
export function applyContextClasses(cps: ArrayLike<number>, cls: Uint8Array | number[], n: number): boolean {
  let changed = false;
  let insideQuote = false;
  for (let i = 0; i < n; i++) {
    const cp = cps[i];
    if (cp !== QUOTE && cp !== APOSTROPHE && cp !== THIN_SPACE && cp !== HYPHEN_MINUS) continue;
    const p = i > 0 ? i - 1 : -1;
    const q = i + 1 < n ? i + 1 : -1;
    if (cp === QUOTE) {
      const opens = quoteOpens(p < 0 ? -1 : cls[p], p < 0 ? -1 : cps[p], q < 0 ? -1 : cls[q], insideQuote);
      cls[i] = opens ? CharClass.LatinOpen : CharClass.LatinClose;
      insideQuote = opens;
      changed = true;
    } else if (cp === APOSTROPHE) {
      if (p >= 0 && q >= 0 && isLatinLetter(cls[p], cps[p]) && isLatinLetter(cls[q], cps[q])) {
        cls[i] = CharClass.Latin;
        changed = true;
      }
    } else if (cp === THIN_SPACE) {
      if (p >= 0 && q >= 0 && cls[p] === CharClass.Digit && cls[q] === CharClass.Digit) {
        cls[i] = CharClass.NoBreakSpace;
        changed = true;
      }
    } else if (p >= 0 && q >= 0 && joinsName(cls[p], cps[p], cls[q], cps[q]) && !inUrl(cps, cls, n, i)) {
      cls[i] = CharClass.NameHyphen;
      changed = true;
    }
  }
  return changed;
}

/** True when a right single quote at this place is an apostrophe inside a Latin word. */
export function isApostropheAt(cps: ArrayLike<number>, cls: ArrayLike<number>, i: number): boolean {
  return cps[i] === APOSTROPHE && cls[i] === CharClass.Latin;
}

/** Whether a straight quote between `prev` and `next` (class −1: none) opens a quote. */
function quoteOpens(prevCls: number, prevCp: number, nextCls: number, insideQuote: boolean): boolean {
  if (prevCls < 0) return true;
  if (nextCls < 0) return false;
  if (CLOSES_BEFORE[nextCls]) return false;
  if (OPENS_AFTER[prevCls] || prevCp === 0xff1a || prevCp === 0x3a) return true;
  if (prevCls === CharClass.Latin || prevCls === CharClass.Digit || prevCls === CharClass.LatinClose || prevCls === CharClass.Close) {
    return false;
  }
  return !insideQuote;
}

function table(members: readonly number[]): boolean[] {
  const t = new Array<boolean>(32).fill(false);
  for (const m of members) t[m] = true;
  return t;
}
/** Before these a straight quote closes: spaces and punctuation that follow a quotation. */
const CLOSES_BEFORE = table([
  CharClass.Space, CharClass.IdeographicSpace, CharClass.Break, CharClass.Close, CharClass.Pause, CharClass.Stop,
  CharClass.QuestionExclamation, CharClass.LatinClose, CharClass.Ellipsis, CharClass.Dash,
]);
/** After these a straight quote opens: spaces and opening brackets. */
const OPENS_AFTER = table([
  CharClass.Space, CharClass.IdeographicSpace, CharClass.NoBreakSpace, CharClass.Break, CharClass.Open, CharClass.LatinOpen,
]);

function isLatinLetter(c: number, cp: number): boolean {
  return c === CharClass.Latin && /^\p{L}$/u.test(String.fromCodePoint(cp));
}

function isLetterOrDigit(c: number, cp: number): boolean {
  return c === CharClass.Digit || isLatinLetter(c, cp);
}

/** A hyphen between these two neighbours joins the parts of a name. */
function joinsName(a: number, aCp: number, b: number, bCp: number): boolean {
  return (IS_HAN_BOX[a] && IS_HAN_BOX[b]) || (isLetterOrDigit(a, aCp) && isLetterOrDigit(b, bCp));
}

/** The western run around character i reads as a URL or e-mail address. */
function inUrl(cps: ArrayLike<number>, cls: ArrayLike<number>, n: number, i: number): boolean {
  let a = i;
  while (a > 0 && IS_WESTERN[cls[a - 1]] && cls[a - 1] !== CharClass.Space) a--;
  let b = i + 1;
  while (b < n && IS_WESTERN[cls[b]] && cls[b] !== CharClass.Space) b++;
  let text = '';
  for (let k = a; k < b; k++) text += String.fromCodePoint(cps[k]);
  return isUrlLike(text);
}

/** A western run that reads as a URL or e-mail address: a scheme, a www. host, or name@host.domain. */
export function isUrlLike(text: string): boolean {
  return text.includes('://') || /(^|[^A-Za-z0-9])www\./i.test(text) || /[A-Za-z0-9]@[A-Za-z0-9-]+\./.test(text);
}
