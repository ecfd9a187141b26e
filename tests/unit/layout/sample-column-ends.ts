/**
 * Reads a composed sample page back against the seed: where the original print page ended its columns,
 * and the text the page shows in reading order. Shared by the sample fidelity test and the page-plan tuning
 * script (scripts/build-sample.ts --report).
 *
 * 1. Seed breaks: a seed line that ends with one of SEED_COLUMN_ENDS and is followed by the rest of its
 *    sentence marks a column end of the original; it is identified by its text and the text after it.
 * 2. Each break is located in the sample's stories as a ProseMirror position (the position after its text).
 * 3. A break matches when a composed line ends exactly there and that line is the last line of its
 *    column (frame + column index), so the next text starts a new column or frame.
 */
import { Node } from 'prosemirror-model';
import type { FolioDocument } from '../../../src-core/model/document.js';
import type { LineBox, PageLayout } from '../../../src-core/layout/page-layout.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { SEED_COLUMN_ENDS } from '../../../scripts/build-sample.js';

/** Characters of the following text used to tell a break from other occurrences of its words (e.g. 目前). */
const CONTEXT_CHARS = 6;

/** One column end of the original page, as found in the seed. */
export interface SeedBreak {
  /** The words before the break (one of SEED_COLUMN_ENDS). */
  end: string;
  /** The first characters after the break (where the original's next column started). */
  next: string;
}

/** How the composer treated one seed break. */
export interface ColumnEndResult extends SeedBreak {
  storyId: string;
  /** ProseMirror position of the break in the story. */
  pos: number;
  /** True when a column of the composed page ends exactly at the break. */
  matched: boolean;
  /** Human description: frame/column, line number in that column, and where in the line the break fell. */
  where: string;
}

/** The column ends of the original page, in seed order. */
export function seedBreaks(seed: string): SeedBreak[] {
  const lines = seed.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const out: SeedBreak[] = [];
  lines.forEach((line, i) => {
    const end = SEED_COLUMN_ENDS.find((e) => line.endsWith(e));
    const following = lines[i + 1];
    if (end !== undefined && following !== undefined) out.push({ end, next: following.slice(0, CONTEXT_CHARS) });
  });
  return out;
}

/** A story's text per textblock with the ProseMirror position of each character. */
function textWithPositions(doc: Node): { text: string; pos: number[] } {
  let text = '';
  const pos: number[] = [];
  doc.descendants((node, at) => {
    if (node.isText) {
      for (let i = 0; i < node.text!.length; i++) {
        text += node.text![i];
        pos.push(at + i);
      }
    } else if (node.isTextblock && text.length > 0) {
      text += '\n';
      pos.push(-1);
    }
    return true;
  });
  return { text, pos };
}

/** Finds a break in the document's stories; throws when it is missing or ambiguous. */
export function locateBreak(document: FolioDocument, brk: SeedBreak): { storyId: string; pos: number } {
  const hits: { storyId: string; pos: number }[] = [];
  for (const story of Object.values(document.stories)) {
    const { text, pos } = textWithPositions(Node.fromJSON(storySchema, story.doc));
    const needle = brk.end + brk.next;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const lastChar = pos[i + brk.end.length - 1]!;
      hits.push({ storyId: story.id, pos: lastChar + 1 });
    }
  }
  if (hits.length !== 1) throw new RangeError(`Seed break "${brk.end}|${brk.next}" found ${hits.length} times in the document (expected once)`);
  return hits[0]!;
}

/** Lines grouped by frame and column, each group top to bottom. */
function columnsOf(page: PageLayout): Map<string, LineBox[]> {
  const groups = new Map<string, LineBox[]>();
  for (const l of page.lines) {
    const k = `${l.frameId}/${l.column}`;
    const g = groups.get(k) ?? [];
    g.push(l);
    groups.set(k, g);
  }
  for (const g of groups.values()) g.sort((a, b) => a.baselineYPt - b.baselineYPt);
  return groups;
}

/** For each seed break, whether the composed page ends a column there (and where the break fell if not). */
export function columnEndReport(document: FolioDocument, page: PageLayout, seed: string): ColumnEndResult[] {
  const groups = columnsOf(page);
  return seedBreaks(seed).map((brk) => {
    const { storyId, pos } = locateBreak(document, brk);
    for (const [key, lines] of groups) {
      const i = lines.findIndex((l) => l.storyId === storyId && l.fromPos < pos && pos <= l.toPos);
      if (i < 0) continue;
      const line = lines[i]!;
      const atLineEnd = line.toPos === pos;
      const matched = atLineEnd && i === lines.length - 1;
      const inLine = atLineEnd ? 'at the line end' : `${line.toPos - pos} position(s) before the line end`;
      return { ...brk, storyId, pos, matched, where: `${key} line ${i + 1}/${lines.length}, ${inLine}` };
    }
    return { ...brk, storyId, pos, matched: false, where: 'not set on the page' };
  });
}
