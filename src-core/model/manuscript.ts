/**
 * Reporters' manuscripts (稿件) as story text, for "Place text…": plain-text files in whatever encoding the
 * reporter's machine wrote, and paragraphs from Word files (read by the host).
 *
 * 1. `decodeManuscriptText`: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and
 *    when that fails GB18030 — what Notepad on Chinese Windows and many newsroom systems write (it contains
 *    GBK and GB2312). A NUL byte near the start means a binary file, refused rather than set as mojibake.
 * 2. `manuscriptParagraphs`: one paragraph per line; spaces at either end are dropped, the ideographic ones
 *    (U+3000) too — writers indent with two of them, and the paragraph style indents; empty lines are dropped.
 * 3. `manuscriptStoryDoc`: the paragraphs as a story — optionally the first as the headline and a following
 *    short 记者/通讯员 line without sentence punctuation as the byline — with the rest as the flowed body
 *    (`columns`); recognised parts the writer accepted (manuscript-structure.ts) applied on the way.
 * Pure: no file access; the caller reads the bytes.
 */
import type { PmNodeJson } from './document.js';
import type { MessageKey } from '../i18n/messages/en.js';
import { englishLine, serviceMessage, type ServiceMessage, type ServiceMessageValue } from '../i18n/service-message.js';
import type { ManuscriptPart } from './manuscript-structure.js';

/** Most characters a manuscript may bring in: the paste limit, for the same reason (a story, not a book). */
export const MAX_MANUSCRIPT_CHARS = 1_000_000;
/** Bytes inspected for NUL to tell a binary file from text: enough for any header, small enough to be instant. */
const BINARY_SNIFF_BYTES = 8192;
/** Longest paragraph taken for a byline, characters: "本报记者 张三 通讯员 李四 王五" and a little more. */
const MAX_BYLINE_CHARS = 40;
/** How a byline starts (记者, 本报记者, 通讯员, 实习生, 特约记者…). */
const BYLINE_START = /^(本报|特约|见习)?(记者|通讯员|实习生)/;
/** Sentence punctuation: a paragraph holding any is prose that happens to start with 记者, not a byline. */
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
/** Spaces dropped at paragraph ends: ASCII, no-break, ideographic (U+3000), and the BOM/zero-width ones. */
const EDGE_SPACES = /^[\s\u00a0\u3000\ufeff\u200b]+|[\s\u00a0\u3000\ufeff\u200b]+$/g;

/** Encodings a manuscript is read in. */
export type ManuscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * A manuscript that cannot be placed, with a message a layout editor can act on: `uiMessage` is the line as a
 * catalogue message (`service.manuscript.*`), said in the interface language; `message` is its English.
 */
export class ManuscriptError extends Error {
  constructor(readonly uiMessage: ServiceMessage) {
    super(englishLine(uiMessage));
    this.name = 'ManuscriptError';
  }

  /** The refusal `key` says with `values`. */
  static of(key: MessageKey, values?: Readonly<Record<string, ServiceMessageValue>>): ManuscriptError {
    return new ManuscriptError(serviceMessage(key, values));
  }
}

/**
 * Decodes a plain-text manuscript.
 * @throws ManuscriptError for a binary file
 */
export function decodeManuscriptText(bytes: Uint8Array): { text: string; encoding: ManuscriptEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw ManuscriptError.of('service.manuscript.binary');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('gb18030', bytes), encoding: 'gb18030' };
  }
}

function decode(encoding: ManuscriptEncoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** The paragraphs of manuscript text: one per non-empty line, without the spaces at its ends. */
export function manuscriptParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|[\n\r\f\u2028\u2029\u0085]/)) {
    const trimmed = line.replace(EDGE_SPACES, '');
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** How the paragraphs become a story. */
export interface ManuscriptLayout {
  /** The first paragraph is the headline (and a short 记者/通讯员 paragraph after it the byline). */
  headline: boolean;
}

/** Paragraph style of recognised dateline and signature lines (a paragraph's `style` attr): the byline's. */
export const SIGNATURE_STYLE = 'byline';

/**
 * How many leading paragraphs become the headline group: 0 without `layout.headline`, else 1 (the headline)
 * or 2 (and a short 记者/通讯员 line after it without sentence punctuation, the byline). A one-paragraph
 * manuscript is all body.
 */
export function displayCount(paragraphs: readonly string[], layout: ManuscriptLayout): number {
  if (!layout.headline || paragraphs.length <= 1) return 0;
  const second = paragraphs[1]!;
  const byline = paragraphs.length > 2 && second.length <= MAX_BYLINE_CHARS && BYLINE_START.test(second) && !SENTENCE_PUNCTUATION.test(second);
  return byline ? 2 : 1;
}

/**
 * The paragraphs as a story document (story schema JSON), with the recognised `parts` the writer accepted
 * (manuscript-structure.ts) applied: punctuation normalised, part headings as subheads, dateline and signature
 * lines in the byline style, a dateline opening a paragraph in bold.
 * @throws ManuscriptError when there is no text, or more than `MAX_MANUSCRIPT_CHARS` characters
 */
export function manuscriptStoryDoc(paragraphs: readonly string[], layout: ManuscriptLayout, parts: readonly ManuscriptPart[] = []): PmNodeJson {
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars === 0) throw ManuscriptError.of('service.manuscript.noText');
  if (chars > MAX_MANUSCRIPT_CHARS) {
    throw ManuscriptError.of('service.manuscript.tooLong', { chars, max: MAX_MANUSCRIPT_CHARS });
  }
  const texts = [...paragraphs];
  const structure = new Map<number, ManuscriptPart>();
  for (const part of parts) {
    if (part.paragraph < 0 || part.paragraph >= texts.length) continue;
    // Normalising changes single characters in place, so a dateline's length still holds afterwards.
    if (part.kind === 'punctuation') texts[part.paragraph] = part.text;
    else structure.set(part.paragraph, part);
  }
  const block = (type: string, text: string): PmNodeJson => ({ type, content: [{ type: 'text', text }] });
  const lead = displayCount(texts, layout);
  const display: PmNodeJson[] = [];
  if (lead >= 1) display.push(block('headline', texts[0]!));
  if (lead >= 2) display.push(block('byline', texts[1]!));
  const body = texts.slice(lead).map((text, k): PmNodeJson => {
    const part = structure.get(lead + k);
    if (!part) return block('paragraph', text);
    if (part.kind === 'subhead') return block('subhead', text);
    if (part.kind === 'dateline' && part.prefixLength !== undefined && part.prefixLength < text.length) {
      const prefix = text.slice(0, part.prefixLength);
      return { type: 'paragraph', content: [{ type: 'text', text: prefix, marks: [{ type: 'bold' }] }, { type: 'text', text: text.slice(prefix.length) }] };
    }
    return { type: 'paragraph', attrs: { style: SIGNATURE_STYLE }, content: [{ type: 'text', text }] };
  });
  return { type: 'doc', content: [...display, { type: 'columns', content: body }] };
}
