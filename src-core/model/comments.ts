/**
 * Proofreaders' comments read back from a document's stories (the `comment` mark, see comment-mark.ts).
 *
 * 1. Parse each story with the story schema and walk its text in document order.
 * 2. Every text node carrying a comment mark adds its range to that comment (by id); adjacent pieces merge.
 * 3. The quote is the text the comment covers, as it reads now (fields count as one position, no text).
 * Stories that do not fit the schema are skipped here: the composer and the editor report them.
 */
import type { Mark, Node as PmNode } from 'prosemirror-model';
import { COMMENT_MARK, type CommentAttrs } from './comment-mark.js';
import type { FolioDocument, PmNodeJson } from './document.js';
import { storySchema } from './story-schema.js';

/** A span of story positions, ProseMirror positions [fromPos, toPos). */
export interface PosRange {
  fromPos: number;
  toPos: number;
}

/** A comment with where it is. */
export interface ProofComment extends CommentAttrs {
  storyId: string;
  /** The story text it covers, in order, merged where pieces touch. Never empty. */
  ranges: PosRange[];
  /** That text. */
  quote: string;
}

/** Reads the attributes of a comment mark, or undefined when they are not a comment's. */
export function commentAttrsOf(attrs: Record<string, unknown>): CommentAttrs | undefined {
  const { id, author, text, createdAt, resolved } = attrs;
  if (typeof id !== 'string' || id === '') return undefined;
  return {
    id,
    author: typeof author === 'string' ? author : '',
    text: typeof text === 'string' ? text : '',
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    resolved: resolved === true,
  };
}

/**
 * Every comment in the document, in story order and then text order. Do not change the result: it is shared.
 * @param storyIds only these stories (default: all)
 */
export function collectComments(document: FolioDocument, storyIds?: readonly string[]): readonly ProofComment[] {
  const out: ProofComment[] = [];
  for (const [storyId, story] of Object.entries(document.stories)) {
    if (storyIds && !storyIds.includes(storyId)) continue;
    // Stories are immutable: an unchanged story (every story but the one being typed in) is read once.
    let found = cache.get(story);
    if (!found || found.storyId !== storyId) {
      found = { storyId, comments: storyComments(storyId, story.doc) };
      cache.set(story, found);
    }
    out.push(...found.comments);
  }
  return out;
}

const cache = new WeakMap<object, { storyId: string; comments: readonly ProofComment[] }>();

/** Whether any text in a story's JSON carries a comment mark (most stories have none: no need to parse them). */
function hasCommentMark(node: PmNodeJson): boolean {
  if (node.marks?.some((m) => m.type === COMMENT_MARK)) return true;
  return node.content?.some(hasCommentMark) ?? false;
}

/** A piece of text carrying a comment mark: its range, the mark and the comment it belongs to. */
export interface CommentPiece {
  from: number;
  to: number;
  mark: Mark;
  attrs: CommentAttrs;
  text: string;
}

/** Every text piece of a story that carries a comment, in document order (a piece under two comments twice). */
export function commentPieces(doc: PmNode): CommentPiece[] {
  const pieces: CommentPiece[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== COMMENT_MARK) continue;
      const attrs = commentAttrsOf(mark.attrs);
      if (attrs) pieces.push({ from: pos, to: pos + node.nodeSize, mark, attrs, text: node.text ?? '' });
    }
    return false;
  });
  return pieces;
}

function storyComments(storyId: string, json: PmNodeJson): ProofComment[] {
  if (!hasCommentMark(json)) return [];
  let doc;
  try {
    doc = storySchema.nodeFromJSON(json);
  } catch {
    return [];
  }
  const byId = new Map<string, ProofComment>();
  for (const { from, to, attrs, text } of commentPieces(doc)) {
    const found = byId.get(attrs.id);
    if (!found) {
      byId.set(attrs.id, { ...attrs, storyId, ranges: [{ fromPos: from, toPos: to }], quote: text });
      continue;
    }
    const last = found.ranges[found.ranges.length - 1]!;
    if (last.toPos === from) last.toPos = to;
    else found.ranges.push({ fromPos: from, toPos: to });
    found.quote += text;
  }
  return [...byId.values()];
}
