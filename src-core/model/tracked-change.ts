/**
 * Tracked changes (修改留痕): editors' and proofreaders' insertions and deletions kept visible until someone
 * accepts or rejects them. Each is a mark on story text (story-schema.ts), so a change moves with its text,
 * travels in the `.folio` file and is undone like any edit.
 *
 * 1. An `insertion` mark: text someone added. It is set on the page (the page shows the text as it will read
 *    once the changes are accepted).
 * 2. A `deletion` mark: text someone removed. It stays in the story, struck through in the galley, and the
 *    composer leaves it out of the page.
 * 3. A paragraph break can be changed too: a textblock's `change` attribute (`BreakChange`) says the break
 *    that ends it was inserted (Enter while tracking: the page shows the split) or deleted (joining it with
 *    the next block: the page sets the two as one paragraph). Its range is the break itself, from the end of
 *    the block's content to the start of the next block's.
 * 4. `collectChanges` reads every change back, per story in text order; adjacent pieces of one change merge.
 */
import type { Mark, Node as PmNode } from 'prosemirror-model';
import type { FolioDocument, PmNodeJson } from './document.js';
import type { PosRange } from './comments.js';
import { storySchema } from './story-schema.js';

import { DELETION_MARK, INSERTION_MARK, type ChangeAttrs } from './change-mark.js';

export { DELETION_MARK, INSERTION_MARK, type ChangeAttrs } from './change-mark.js';

/** A tracked change with where it is. */
export interface TrackedChange extends ChangeAttrs {
  kind: 'insertion' | 'deletion';
  storyId: string;
  /** The text it covers, ProseMirror positions, in order, merged where pieces touch. Never empty. */
  ranges: PosRange[];
  /** That text (fields and line breaks count as no text); `PARAGRAPH_BREAK_TEXT` for a paragraph break. */
  text: string;
  /** The change is to the paragraph break ending a block (`BreakChange`), not to text. */
  paragraphBreak?: true;
}

/** A tracked change of the paragraph break ending a textblock: the block's `change` attribute. */
export interface BreakChange extends ChangeAttrs {
  kind: 'insertion' | 'deletion';
}

/** How a changed paragraph break reads in lists of changes. */
export const PARAGRAPH_BREAK_TEXT = '¶';

/** Reads a textblock's `change` attribute, or undefined when it holds no valid change. */
export function breakChangeOf(attrs: Record<string, unknown>): BreakChange | undefined {
  const change = attrs.change as Record<string, unknown> | null | undefined;
  if (!change || (change.kind !== 'insertion' && change.kind !== 'deletion')) return undefined;
  const base = changeAttrsOf(change);
  return base && { ...base, kind: change.kind };
}

/** Whether a textblock (story JSON) has its ending paragraph break deleted: the page joins it to the next. */
export function isBreakDeletedJson(node: PmNodeJson): boolean {
  return !!node.attrs && breakChangeOf(node.attrs)?.kind === 'deletion';
}

/** Reads the attributes of an insertion or deletion mark, or undefined when they are not a change's. */
export function changeAttrsOf(attrs: Record<string, unknown>): ChangeAttrs | undefined {
  const { id, author, createdAt } = attrs;
  if (typeof id !== 'string' || id === '') return undefined;
  return { id, author: typeof author === 'string' ? author : '', createdAt: typeof createdAt === 'string' ? createdAt : '' };
}

/** The insertion or deletion mark among `marks`, if any. */
function changeMarkOf(marks: readonly Mark[]): Mark | undefined {
  return marks.find((m) => m.type.name === INSERTION_MARK || m.type.name === DELETION_MARK);
}

/** Whether a mark list (story JSON) makes its text deleted: such text is not set on the page. */
export function isDeletedJson(marks: PmNodeJson['marks']): boolean {
  return marks?.some((m) => m.type === DELETION_MARK) ?? false;
}

/** Every change in a story document, in text order. */
export function storyChanges(storyId: string, doc: PmNode): TrackedChange[] {
  const byKey = new Map<string, TrackedChange>();
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      const change = breakChangeOf(node.attrs);
      // The break: from the end of this block's content to the start of the next block's.
      const end = pos + node.nodeSize - 1;
      if (change) byKey.set(`break\u0000${change.id}`, { ...change, storyId, ranges: [{ fromPos: end, toPos: end + 2 }], text: PARAGRAPH_BREAK_TEXT, paragraphBreak: true });
      return true;
    }
    if (!node.isInline) return true;
    const mark = changeMarkOf(node.marks);
    const attrs = mark && changeAttrsOf(mark.attrs);
    if (!mark || !attrs) return false;
    const kind = mark.type.name === INSERTION_MARK ? 'insertion' : 'deletion';
    const key = `${kind}\u0000${attrs.id}`;
    const text = node.isText ? (node.text ?? '') : '';
    const change = byKey.get(key);
    if (!change) {
      byKey.set(key, { ...attrs, kind, storyId, ranges: [{ fromPos: pos, toPos: pos + node.nodeSize }], text });
    } else {
      const last = change.ranges[change.ranges.length - 1]!;
      if (last.toPos === pos) last.toPos = pos + node.nodeSize;
      else change.ranges.push({ fromPos: pos, toPos: pos + node.nodeSize });
      change.text += text;
    }
    return false;
  });
  return [...byKey.values()].sort((a, b) => a.ranges[0]!.fromPos - b.ranges[0]!.fromPos);
}

const cache = new WeakMap<object, { storyId: string; changes: readonly TrackedChange[] }>();

/** Whether any node of a story's JSON carries a change (most stories have none: no need to parse them). */
function hasChangeMark(node: PmNodeJson): boolean {
  if (node.marks?.some((m) => m.type === INSERTION_MARK || m.type === DELETION_MARK)) return true;
  if (node.attrs?.change) return true;
  return node.content?.some(hasChangeMark) ?? false;
}

/**
 * Every tracked change in the document, in story order and then text order. Do not change the result: it is
 * shared. Stories that do not fit the schema are skipped (the composer and the editor report them).
 */
export function collectChanges(document: FolioDocument): readonly TrackedChange[] {
  const out: TrackedChange[] = [];
  for (const [storyId, story] of Object.entries(document.stories)) {
    // Stories are immutable: an unchanged story (every story but the one being edited) is read once.
    let found = cache.get(story);
    if (!found || found.storyId !== storyId) {
      let changes: TrackedChange[] = [];
      if (hasChangeMark(story.doc)) {
        try {
          changes = storyChanges(storyId, storySchema.nodeFromJSON(story.doc));
        } catch {
          changes = [];
        }
      }
      found = { storyId, changes };
      cache.set(story, found);
    }
    out.push(...found.changes);
  }
  return out;
}
