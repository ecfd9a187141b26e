/**
 * Issue 13 item 7: a word of millions of letters (or a huge paste of one word) took the composer to gigabytes and
 * hours. Such a paragraph is now measured piece by piece and its overlong word split by first fit.
 */
import { describe, expect, it } from 'vitest';
import { composeParagraph, MAX_PIECE_UNITS } from '../../../src-core/layout/paragraph.js';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { ComposedLine } from '../../../src-core/layout/line.js';
import { broadsheet, documentOf, p, story, testFonts, textFrame } from '../layout/fixtures.js';
import { para } from './helpers.js';

/** Lines follow each other without a gap or an overlap, and only the last is marked last. */
function expectContiguous(lines: readonly ComposedLine[], fromPos: number, toPos: number): void {
  expect(lines[0]?.fromPos).toBe(fromPos);
  expect(lines[lines.length - 1]?.toPos).toBe(toPos);
  for (let i = 1; i < lines.length; i++) expect(lines[i]!.fromPos).toBe(lines[i - 1]!.toPos);
  expect(lines.map((l) => l.isLast).lastIndexOf(true)).toBe(lines.length - 1);
  expect(lines.filter((l) => l.isLast)).toHaveLength(1);
}

describe('regression (issue 13): a paragraph of one enormous word', () => {
  it('splits a 100,000-letter word into full lines, every piece boundary invisible', () => {
    const text = 'a'.repeat(100_000);
    const { lines, warnings } = composeParagraph(para(text, { chars: 13 }));
    expectContiguous(lines, 1, 1 + text.length);
    // Every line but the last is set to the measure (split where it fills the line), none narrower.
    const widths = new Set(lines.slice(0, -1).map((l) => l.toPos - l.fromPos));
    expect(widths.size).toBe(1);
    expect(warnings.filter((w) => w.code === 'overfull-line').length).toBe(lines.length - 1);
  });

  it('sets ordinary text longer than one piece exactly as if the cut were not there: no short line at a cut', () => {
    const sentence = '德清县今年推进城乡一体化建设，全县新建道路一百二十公里。';
    const text = sentence.repeat(Math.ceil((2.5 * MAX_PIECE_UNITS) / sentence.length));
    const { lines } = composeParagraph(para(text, { chars: 13 }));
    expectContiguous(lines, 1, 1 + text.length);
    // The same sentences set in one piece give lines of only these lengths; a line cut short where a piece ended
    // would hold fewer characters.
    const lengths = (ls: readonly ComposedLine[]) => new Set(ls.slice(0, -1).map((l) => l.toPos - l.fromPos));
    const inOnePiece = lengths(composeParagraph(para(sentence.repeat(40), { chars: 13 })).lines);
    expect([...lengths(lines)].filter((n) => !inOnePiece.has(n))).toEqual([]);
  });

  it('composes a page holding a 300,000-letter word in bounded heap, the rest reported overset', () => {
    const n = 300_000;
    const template = broadsheet();
    const doc = documentOf([story('s', p('x'.repeat(n)))], [{ id: 'p1', frames: [textFrame(template, 'f', 's', [0, 2, 0, 40])] }]);
    const composer = createComposer(testFonts());
    const before = process.memoryUsage().heapUsed;
    const page = composer.compose(doc).pages[0]!;
    const grownBytes = process.memoryUsage().heapUsed - before;
    expect(page.lines.length).toBe(40);
    expect(page.overset[0]).toMatchObject({ storyId: 's' });
    expect(page.overset[0]!.chars).toBeGreaterThan(n - 2000);
    // Generous: the set lines of the whole word (glyphs and carets) are kept; the measuring workspace alone
    // took 270 bytes a character before, on top of them (now about 160 in all).
    expect(grownBytes / n).toBeLessThan(300);
  });
});
