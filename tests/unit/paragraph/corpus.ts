/**
 * The test corpus of tests/fixtures/corpus/*.txt (paragraphs written for testing, see its README):
 * blank-line separated paragraphs, lines joined, `#` comments, `\u{XXXX}` escapes.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One corpus paragraph and where it came from. */
export interface CorpusParagraph {
  /** File name and 1-based paragraph number, e.g. "latin.txt#4". */
  id: string;
  text: string;
}

/** Directory of the corpus files. */
export const CORPUS_DIR = path.join(process.cwd(), 'tests/fixtures/corpus');

/** Decodes `\u{XXXX}` and `\\` escapes. */
export function decodeEscapes(s: string): string {
  return s.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\\\/g, (all, hex: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : '\\'));
}

/** Parses one corpus file's text into paragraphs. */
export function parseCorpus(name: string, raw: string): CorpusParagraph[] {
  const out: CorpusParagraph[] = [];
  const blocks = raw.split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => !l.startsWith('#'));
    if (lines.every((l) => l.trim() === '')) continue;
    // Lines are joined as they are (no trimming inside): leading/trailing spaces are test material.
    out.push({ id: `${name}#${out.length + 1}`, text: decodeEscapes(lines.join('')) });
  }
  return out;
}

/** Every paragraph of every corpus file, in file-name order. */
export function corpusParagraphs(): CorpusParagraph[] {
  const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.flatMap((f) => parseCorpus(f, fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')));
}
