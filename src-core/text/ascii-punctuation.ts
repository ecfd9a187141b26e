/**
 * ASCII punctuation typed in Chinese prose (TYPOGRAPHY.md §2): , ; : ? ! ( ) become ， ； ： ？ ！ （ ）. URLs,
 * e-mail addresses, decimals (3,5 / 2.0), versions and Latin text are left alone. Pure: the editor command
 * (src-renderer/editor/normalise-punctuation.ts) and Place text's structure recognition both use it.
 *
 * 1. `protectedRanges` finds URLs and e-mail addresses, which are never touched.
 * 2. `normaliseAsciiPunctuation` scans left to right over the text (already-normalised marks count as Chinese
 *    context for their neighbours): , ; : ? ! change when the character before is Chinese and the one after is
 *    Chinese or the end of the text; a ( … ) pair changes when its content holds Chinese and a Chinese
 *    character touches it from outside or opens its content.
 * 3. Every change maps one UTF-16 unit to one, so positions never shift.
 */

/** ASCII marks and their full-width forms. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const SENTENCE_MARKS = new Set([',', ';', ':', '?', '!']);
/** Han ideographs, CJK symbols and punctuation, full-width forms, kana/bopomofo, and the quotes/dash/ellipsis Chinese uses. */
const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\u3100-\u312f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
/** URLs (scheme:// or www.) and e-mail addresses run to the next space or Chinese character. */
const PROTECTED = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\p{Script=Han}]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** True for a Chinese character or Chinese punctuation (the context in which ASCII marks are input errors). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/** [from, to) ranges (UTF-16) of URLs and e-mail addresses. */
export function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(PROTECTED)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** One replacement: UTF-16 offset, the ASCII mark and its full-width form. */
export interface PunctuationChange {
  offset: number;
  from: string;
  to: string;
}

function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Normalises a text; returns the new text (same length) and the changes made. */
export function normaliseAsciiPunctuation(text: string): { text: string; changes: PunctuationChange[] } {
  const chars = text.split('');
  const guarded = new Set<number>();
  for (const [a, b] of protectedRanges(text)) for (let i = a; i < b; i++) guarded.add(i);
  const changes: PunctuationChange[] = [];
  const change = (i: number) => {
    changes.push({ offset: i, from: chars[i], to: FULL_WIDTH[chars[i]] });
    chars[i] = FULL_WIDTH[chars[i]];
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (guarded.has(i)) continue;
    if (SENTENCE_MARKS.has(ch)) {
      const next = chars[i + 1];
      // `next` may itself be an ASCII mark about to become full width (真的?!): look at what it would be.
      const nextIsCjk = next === undefined || isCjk(next) || (SENTENCE_MARKS.has(next) && isCjk(chars[i - 1]));
      if (isCjk(chars[i - 1]) && nextIsCjk) change(i);
    } else if (ch === '(') {
      const close = matchingClose(text, i);
      if (close < 0 || guarded.has(close)) continue;
      const inner = chars.slice(i + 1, close);
      const touchesCjk = isCjk(chars[i - 1]) || isCjk(chars[close + 1]) || isCjk(inner[0]);
      if (inner.some((c) => isCjk(c)) && touchesCjk) {
        change(i);
        change(close);
      }
    }
  }
  changes.sort((a, b) => a.offset - b.offset);
  return { text: chars.join(''), changes };
}
