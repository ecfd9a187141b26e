/**
 * Structure a Chinese manuscript marks in plain text (issue 17 item 5), recognised for "Place text…" so the
 * writer can accept or untick each part before the manuscript is placed.
 *
 * 1. Part headings: a paragraph opening with `一、`, `（一）` or `1.`/`1、` that is short (at most
 *    `MAX_HEADING_CHARS`) and does not end like a sentence (。！？；…) becomes a subhead. A numbered list item
 *    that is a whole sentence stays body.
 * 2. Datelines: `本报讯（记者 …）` (or `新华社…电（…）`) on a line of its own is set in the byline style; at the
 *    start of a paragraph its words are set bold and the paragraph stays body.
 * 3. Signature lines: a short line of its own without sentence punctuation that is a reporter's credit
 *    (记者/通讯员 …), an office and a name (`县委宣传部 张三`) or a date (`2023年7月19日`) takes the byline style.
 * 4. ASCII punctuation: a paragraph where `normaliseAsciiPunctuation` would change , ; : ? ! ( ) typed in Chinese
 *    text is offered for normalising.
 * The headline and byline `manuscriptStoryDoc` takes from the top (when asked) are not parts. Pure: text in,
 * parts out.
 */
import { normaliseAsciiPunctuation } from '../text/ascii-punctuation.js';

/** Longest paragraph taken for a part heading, characters: headings are a line or two, not a sentence. */
export const MAX_HEADING_CHARS = 30;
/** Longest line taken for a signature or date line, characters. */
export const MAX_SIGNATURE_CHARS = 30;

/** How a part heading opens: 一、 （一） (一) 1. 1、 １． (a number before a digit is a decimal, not a heading). */
const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))/;
/** How a sentence ends: a paragraph ending so is prose, however it opens. */
const SENTENCE_END = /[。！？；…!?;]["”’』」）)]*$/;
/** A dateline: 本报讯 / 本报X月X日电 / 新华社X地X月X日电, then a bracketed credit. */
const DATELINE = /^(?:本报讯|本报[^\s（(，。]{0,8}电|新华社[^\s（(，。]{0,10}电)\s*[（(][^（()）]{1,40}[）)]/;
/** Sentence punctuation: a line holding any is prose, not a signature. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
/** A reporter's credit line. */
const CREDIT = /^[（(]?(?:本报|特约|见习)?(?:记者|通讯员|实习生)[\s\u3000]*[\p{Script=Han}]/u;
/** An office and one or more names: 县委宣传部 张三, （县政务办 李四 王五）. */
const OFFICE_AND_NAME = /^[（(]?[\p{Script=Han}]{1,20}(?:部|局|办|委|中心|站|所|院|公司|政府|办公室|街道|社区|村|镇|乡|队|处|科|厅|会|馆|校|台|报社)(?:[\s\u3000]+[\p{Script=Han}]{2,4})+[）)]?$/u;
/** A date on its own: 2023年7月19日, 2023-07-19, 二〇二三年七月十九日, 7月19日. */
const DATE_LINE = /^(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|[0-9]{1,2}月[0-9]{1,2}日)$/;

/** What a recognised part is. */
export type ManuscriptPartKind = 'subhead' | 'dateline' | 'signature' | 'punctuation';

/** One recognised part of a manuscript. */
export interface ManuscriptPart {
  /** Stable within one manuscript: `kind:paragraph`. */
  id: string;
  kind: ManuscriptPartKind;
  /** Index of the paragraph in the manuscript's paragraphs. */
  paragraph: number;
  /** The paragraph's text (for 'punctuation': as it would read normalised). */
  text: string;
  /** 'dateline' at the start of a body paragraph: its length, UTF-16 units (absent when the line is its own). */
  prefixLength?: number;
  /** 'punctuation': how many marks would change. */
  changes?: number;
}

/**
 * The parts of `paragraphs` a writer can accept before placing, in paragraph order. Paragraphs before
 * `displayCount` (the headline and byline) are only offered for punctuation.
 */
export function recogniseManuscript(paragraphs: readonly string[], displayCount = 0): ManuscriptPart[] {
  const parts: ManuscriptPart[] = [];
  paragraphs.forEach((text, i) => {
    if (i >= displayCount) {
      const structure = structureOf(text);
      if (structure) parts.push({ id: `${structure.kind}:${i}`, paragraph: i, text, ...structure });
    }
    const { text: normalised, changes } = normaliseAsciiPunctuation(text);
    if (changes.length > 0) parts.push({ id: `punctuation:${i}`, kind: 'punctuation', paragraph: i, text: normalised, changes: changes.length });
  });
  return parts;
}

/** The structural part one paragraph is, if any. */
function structureOf(text: string): Pick<ManuscriptPart, 'kind' | 'prefixLength'> | undefined {
  const dateline = DATELINE.exec(text);
  if (dateline) {
    const rest = text.slice(dateline[0].length).trim();
    return rest === '' ? { kind: 'dateline' } : { kind: 'dateline', prefixLength: dateline[0].length };
  }
  if (HEADING_START.test(text) && [...text].length <= MAX_HEADING_CHARS && !SENTENCE_END.test(text)) return { kind: 'subhead' };
  if ([...text].length <= MAX_SIGNATURE_CHARS && !SENTENCE_PUNCTUATION.test(text.replace(/^[（(]|[）)]$/g, ''))) {
    if (CREDIT.test(text) || OFFICE_AND_NAME.test(text) || DATE_LINE.test(text)) return { kind: 'signature' };
  }
  return undefined;
}
