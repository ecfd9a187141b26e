/**
 * Immutable edits of a FolioDocument. Each returns a new document sharing every unchanged part with the
 * old one (so the composer's caches see unchanged stories and pages by identity and by content).
 */
import { findFreeGridArea, gridColumnsOf } from '../../src-core/layout/free-area.js';
import { createPageGrid } from '../../src-core/layout/grid.js';
import type { RectPt } from '../../src-core/layout/page-layout.js';
import type { BoxFrame, FolioDocument, Frame, ImageFrame, PmNodeJson, RuleFrame, TextFrame } from '../../src-core/model/document.js';
import { columnWidthsProblem, MAX_FRAME_COLUMNS, type Page } from '../../src-core/model/frame.js';
import { BLACK } from '../../src-core/model/colour.js';
import { parseSizePt } from '../../src-core/model/units.js';
import { COMPOUND_LINE_STYLES, DECORATIVE_LINE_STYLES, LINE_STYLES, MAX_CORNER_RADIUS_PT, MIN_COMPOUND_STROKE_PT, MIN_DECORATIVE_STROKE_PT, minStrokePtOf, type LineStyle } from '../../src-core/model/line-style.js';
import { UiMessageError } from './ui-message.js';

/**
 * Replaces one story's ProseMirror JSON.
 * @throws RangeError when the story does not exist
 */
export function replaceStoryDoc(doc: FolioDocument, storyId: string, storyDoc: PmNodeJson): FolioDocument {
  const story = doc.stories[storyId];
  if (!story) throw new UiMessageError('edits.noStory', { story: storyId });
  return { ...doc, stories: { ...doc.stories, [storyId]: { ...story, doc: storyDoc } } };
}

/** Longest story name, characters: a slug or a headline, not a paragraph. */
export const MAX_STORY_NAME_CHARS = 100;

/** Fewest columns a text frame has. */
const MIN_FRAME_COLUMNS = 1;

/**
 * Renames a story (the name the Stories list, the story panel and `folio text` show). Spaces at the ends
 * are dropped; an unchanged name returns `doc` itself.
 * @throws RangeError for an unknown story, an empty name or one over `MAX_STORY_NAME_CHARS`
 */
export function renameStory(doc: FolioDocument, storyId: string, name: string): FolioDocument {
  const story = doc.stories[storyId];
  if (!story) throw new UiMessageError('edits.noStory', { story: storyId });
  const trimmed = name.trim();
  if (trimmed === '') throw new UiMessageError('edits.storyNameEmpty');
  if ([...trimmed].length > MAX_STORY_NAME_CHARS) throw new UiMessageError('edits.storyNameTooLong', { max: MAX_STORY_NAME_CHARS });
  if (trimmed === story.name) return doc;
  return { ...doc, stories: { ...doc.stories, [storyId]: { ...story, name: trimmed } } };
}

/** A frame with its page, as found by `findFrame`. */
export interface FrameLocation {
  pageIndex: number;
  frame: Frame;
}

/** Finds a frame by id on any page. */
export function findFrame(doc: FolioDocument, frameId: string): FrameLocation | undefined {
  for (let pageIndex = 0; pageIndex < doc.pages.length; pageIndex++) {
    const frame = doc.pages[pageIndex].frames.find((f) => f.id === frameId);
    if (frame) return { pageIndex, frame };
  }
  return undefined;
}

/** New geometry for a frame, points (any subset). */
export interface FrameGeometry {
  xPt?: number;
  yPt?: number;
  widthPt?: number;
  heightPt?: number;
}

/**
 * Sets a frame's position and/or size (points). Locked frames are not changed.
 * @throws RangeError when the frame does not exist or the size is not positive
 */
export function setFrameGeometry(doc: FolioDocument, frameId: string, geometry: FrameGeometry): FolioDocument {
  const found = findFrame(doc, frameId);
  if (!found) throw new UiMessageError('edits.noFrame', { frame: frameId });
  if (found.frame.locked) return doc;
  const next = { ...found.frame, ...geometry } as Frame;
  if (!(next.widthPt > 0) || !(next.heightPt > 0)) throw new UiMessageError('edits.frameSizePositive', { frame: frameId });
  const page = doc.pages[found.pageIndex];
  const pages = doc.pages.slice();
  pages[found.pageIndex] = { ...page, frames: page.frames.map((f) => (f.id === frameId ? next : f)) };
  return { ...doc, pages };
}

/** Ids of the text frames showing a story, in page and paint order. */
export function framesOfStory(doc: FolioDocument, storyId: string): string[] {
  const ids: string[] = [];
  for (const page of doc.pages) for (const f of page.frames) if (f.kind === 'text' && f.storyId === storyId) ids.push(f.id);
  return ids;
}

/** Body grid columns a new text frame spans (a typical two-column story). */
const NEW_FRAME_GRID_COLUMNS = 2;
/** Body lines a new text frame is tall. */
const NEW_FRAME_LINES = 30;

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Adds a new story (headline + body) and a text frame showing it on page `pageIndex`: two grid columns wide,
 * 30 body lines tall, in the page's first empty grid area (`newFramePlace`), laid out in the frame's own two
 * columns.
 * @throws RangeError when the page does not exist
 */
export function addTextFrame(doc: FolioDocument, pageIndex: number): { doc: FolioDocument; frameId: string; storyId: string } {
  const page = doc.pages[pageIndex];
  if (!page) throw new UiMessageError('edits.noPage', { page: pageIndex + 1 });
  const grid = createPageGrid(doc.template);
  const frameIds = new Set(doc.pages.flatMap((p) => p.frames.map((f) => f.id)));
  const storyId = uniqueId('story', (id) => id in doc.stories);
  const frameId = uniqueId(`${storyId}-frame`, (id) => frameIds.has(id));
  const { charsPerColumn, gutterChars } = doc.template.grid;
  const widthPt = (NEW_FRAME_GRID_COLUMNS * charsPerColumn + (NEW_FRAME_GRID_COLUMNS - 1) * gutterChars) * grid.bodySizePt;
  const at = newFramePlace(doc, page, widthPt, NEW_FRAME_LINES * grid.pitchPt);
  const frame: TextFrame = {
    kind: 'text',
    id: frameId,
    ...at,
    locked: false,
    storyId,
    columns: NEW_FRAME_GRID_COLUMNS,
    gutterChars,
    columnRule: false,
  };
  const pages = doc.pages.slice();
  pages[pageIndex] = { ...page, frames: [...page.frames, frame] };
  return { doc: { ...doc, pages, stories: { ...doc.stories, [storyId]: { id: storyId, name: `新稿件 ${storyId}`, doc: NEW_STORY_DOC } } }, frameId, storyId };
}

/** What a new story (+ Text) holds until someone writes in it: placeholder headline and body text. */
const NEW_STORY_DOC: PmNodeJson = {
  type: 'doc',
  content: [
    { type: 'headline', content: [{ type: 'text', text: '标题' }] },
    { type: 'columns', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] },
  ],
};

/** Textblocks of a story as `type:text` lines (attributes and marks left out), for comparing what it says. */
function blockTexts(node: PmNodeJson): string[] {
  if (node.type === 'text') return [node.text ?? ''];
  const children = (node.content ?? []).flatMap(blockTexts);
  if (node.type === 'doc' || node.type === 'columns') return children;
  return [`${node.type}:${children.join('')}`];
}

/** Whether any leaf of a story is a field (page number, date …): content even without text. */
function hasField(node: PmNodeJson): boolean {
  return node.type === 'field' || (node.content ?? []).some(hasField);
}

/**
 * Whether a story holds nothing anyone wrote: no text but white space and no fields, or still the placeholder
 * text of + Text. Such a story left without frames is removed rather than kept as an orphan in the list.
 */
export function isBlankStory(storyDoc: PmNodeJson): boolean {
  if (hasField(storyDoc)) return false;
  const texts = blockTexts(storyDoc);
  if (texts.every((t) => t.slice(t.indexOf(':') + 1).trim() === '')) return true;
  return texts.join('\n') === blockTexts(NEW_STORY_DOC).join('\n');
}

/**
 * Where a new frame of `widthPt` × `heightPt` goes on `page`: the first empty grid area (free-area.ts), so it
 * never lands on the masthead or a page header; on a full page, the type area's top-left, selected, for the
 * user to move.
 */
function newFramePlace(doc: FolioDocument, page: Page, widthPt: number, heightPt: number): RectPt {
  const grid = createPageGrid(doc.template);
  const occupied = page.frames.map(({ xPt, yPt, widthPt: w, heightPt: h }) => ({ xPt, yPt, widthPt: w, heightPt: h }));
  return findFreeGridArea(grid, gridColumnsOf(doc.template), occupied, widthPt, heightPt) ?? { xPt: grid.typeArea.xPt, yPt: grid.typeArea.yPt, widthPt, heightPt };
}

/** Kinds of frame `addFrame` draws (text frames come with a story: `addTextFrame`). */
export type DrawnFrameKind = 'image' | 'box' | 'rule';

/** Body lines a new picture frame or box is tall: a two-column news photo's usual depth. */
const NEW_PICTURE_LINES = 15;
/** Stroke of a new box or rule, points: the hairline newspapers separate stories with. */
const NEW_STROKE_PT = 0.5;

/**
 * Adds an empty frame of `kind` on page `pageIndex`, in its first empty grid area, two grid columns wide:
 * a picture frame (fill, nothing placed yet) or a box 15 body lines tall, or a horizontal rule one grid
 * line tall (drawn through its middle). Ids are `picture`, `box`, `rule` (numbered when taken).
 * @throws RangeError when the page does not exist
 */
export function addFrame(doc: FolioDocument, pageIndex: number, kind: DrawnFrameKind): { doc: FolioDocument; frameId: string } {
  const page = doc.pages[pageIndex];
  if (!page) throw new UiMessageError('edits.noPage', { page: pageIndex + 1 });
  const grid = createPageGrid(doc.template);
  const frameIds = new Set(doc.pages.flatMap((p) => p.frames.map((f) => f.id)));
  const { charsPerColumn, gutterChars } = doc.template.grid;
  const widthPt = (NEW_FRAME_GRID_COLUMNS * charsPerColumn + (NEW_FRAME_GRID_COLUMNS - 1) * gutterChars) * grid.bodySizePt;
  const base = { ...newFramePlace(doc, page, widthPt, (kind === 'rule' ? 1 : NEW_PICTURE_LINES) * grid.pitchPt), locked: false };
  let frame: ImageFrame | BoxFrame | RuleFrame;
  if (kind === 'image') {
    frame = { ...base, kind, id: uniqueId('picture', (id) => frameIds.has(id)), fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 };
  } else if (kind === 'box') {
    frame = { ...base, kind, id: uniqueId('box', (id) => frameIds.has(id)), strokePt: NEW_STROKE_PT, stroke: BLACK };
  } else {
    frame = { ...base, kind, id: uniqueId('rule', (id) => frameIds.has(id)), heightPt: grid.pitchPt, strokePt: NEW_STROKE_PT, colour: BLACK };
  }
  const pages = doc.pages.slice();
  pages[pageIndex] = { ...page, frames: [...page.frames, frame] };
  return { doc: { ...doc, pages }, frameId: frame.id };
}

/** Box and rule settings the Inspector edits (any subset). */
export interface StrokeSettings {
  /** Line width, points (a box may have 0: fill or label only). */
  strokePt?: number;
  /** A box's label, e.g. 广告 (empty: none). */
  label?: string;
  /** Line style (花线); a two-line style raises a lighter stroke to `MIN_COMPOUND_STROKE_PT`. */
  lineStyle?: LineStyle;
  /** A box's corner radius, points (0: square corners). */
  cornerRadiusPt?: number;
}

/** Thickest stroke a box or rule takes, points: heavier lines are shapes, not rules. */
export const MAX_STROKE_PT = 12;

/**
 * Sets a box's or rule's stroke width and line style, and a box's label and corner radius. Locked frames are
 * not changed. A two-line style (双线, 文武线) is at least `MIN_COMPOUND_STROKE_PT` heavy: choosing one raises a
 * lighter stroke to it, and a lighter weight is refused while one is chosen.
 * @throws RangeError for a missing frame, another kind of frame, a stroke out of range (a rule needs a
 *   positive one), an unknown line style, a label or corner radius on a rule, or a radius out of range
 */
export function setStrokeSettings(doc: FolioDocument, frameId: string, settings: StrokeSettings): FolioDocument {
  const found = findFrame(doc, frameId);
  if (!found) throw new UiMessageError('edits.noFrame', { frame: frameId });
  const frame = found.frame;
  if (frame.kind !== 'box' && frame.kind !== 'rule') throw new UiMessageError('edits.notBoxOrRule', { frame: frameId });
  if (frame.locked) return doc;
  const { strokePt, label } = settings;
  if (strokePt !== undefined) {
    const inRange = strokePt <= MAX_STROKE_PT && (frame.kind === 'rule' ? strokePt > 0 : strokePt >= 0);
    if (!inRange) {
      throw new UiMessageError(frame.kind === 'rule' ? 'edits.ruleStrokeRange' : 'edits.boxStrokeRange', { max: MAX_STROKE_PT });
    }
  }
  if (label !== undefined && frame.kind === 'rule') throw new UiMessageError('edits.ruleNoLabel');
  const { lineStyle, cornerRadiusPt } = settings;
  if (lineStyle !== undefined && !(LINE_STYLES as readonly string[]).includes(lineStyle)) throw new UiMessageError('edits.notLineStyle', { style: String(lineStyle) });
  if (cornerRadiusPt !== undefined) {
    if (frame.kind === 'rule') throw new UiMessageError('edits.ruleNoCorners');
    if (!(cornerRadiusPt >= 0 && cornerRadiusPt <= MAX_CORNER_RADIUS_PT)) throw new UiMessageError('edits.cornerRadiusRange', { max: MAX_CORNER_RADIUS_PT });
  }
  const style = lineStyle ?? frame.lineStyle;
  const compound = style !== undefined && COMPOUND_LINE_STYLES.has(style);
  if (compound && strokePt !== undefined && strokePt > 0 && strokePt < MIN_COMPOUND_STROKE_PT) {
    throw new UiMessageError('edits.compoundStrokeMin', { min: MIN_COMPOUND_STROKE_PT });
  }
  const decorative = style !== undefined && DECORATIVE_LINE_STYLES.has(style);
  if (decorative && strokePt !== undefined && strokePt > 0 && strokePt < MIN_DECORATIVE_STROKE_PT) {
    throw new UiMessageError('edits.decorativeStrokeMin', { min: MIN_DECORATIVE_STROKE_PT });
  }
  let next: BoxFrame | RuleFrame = frame;
  const weightPt = strokePt ?? frame.strokePt;
  // Choosing a two-line or decorative style raises the weight to the lightest that style is drawn at.
  const wantedPt = lineStyle !== undefined && weightPt > 0 ? Math.max(weightPt, minStrokePtOf(lineStyle)) : weightPt;
  if (wantedPt !== frame.strokePt) next = { ...next, strokePt: wantedPt };
  if (lineStyle !== undefined && lineStyle !== (frame.lineStyle ?? 'solid')) {
    if (lineStyle === 'solid') {
      const { lineStyle: _solid, ...rest } = next;
      next = rest;
    } else next = { ...next, lineStyle };
  }
  if (cornerRadiusPt !== undefined && next.kind === 'box' && cornerRadiusPt !== (next.cornerRadiusPt ?? 0)) {
    if (cornerRadiusPt === 0) {
      const { cornerRadiusPt: _square, ...rest } = next;
      next = rest;
    } else next = { ...next, cornerRadiusPt };
  }
  if (label !== undefined && next.kind === 'box') {
    const trimmed = label.trim();
    if (trimmed === '' && next.label !== undefined) {
      const { label: _none, ...rest } = next;
      next = rest;
    } else if (trimmed !== '' && trimmed !== next.label) next = { ...next, label: trimmed };
  }
  if (next === frame) return doc;
  const pages = doc.pages.slice();
  const page = pages[found.pageIndex];
  pages[found.pageIndex] = { ...page, frames: page.frames.map((f) => (f.id === frameId ? next : f)) };
  return { ...doc, pages };
}

/**
 * Removes a frame. Its story stays in the document (it may be placed again); a thread through the frame
 * is rejoined (the frame before it continues in the frame after it).
 * @throws RangeError when the frame does not exist
 */
export function removeFrame(doc: FolioDocument, frameId: string): FolioDocument {
  const found = findFrame(doc, frameId);
  if (!found) throw new UiMessageError('edits.noFrame', { frame: frameId });
  const after = found.frame.kind === 'text' ? found.frame.nextFrameId : undefined;
  const pages = doc.pages.map((page) => {
    if (!page.frames.some((f) => f.id === frameId || (f.kind === 'text' && f.nextFrameId === frameId))) return page;
    const frames = page.frames
      .filter((f) => f.id !== frameId)
      .map((f): Frame => {
        if (f.kind !== 'text' || f.nextFrameId !== frameId) return f;
        const { nextFrameId: _dropped, ...rest } = f;
        return after ? { ...rest, nextFrameId: after } : rest;
      });
    return { ...page, frames };
  });
  return { ...doc, pages };
}

/**
 * Threads text frame `fromId` on into text frame `toId` (any page): the target then shows the same story,
 * continuing where `fromId` ends; `toId` null unthreads. The target's own thread onwards is kept. A thread
 * must not loop back into itself. The story the target showed stays in the document unless it is blank
 * (`isBlankStory`) and no frame shows it any more: then it goes, in the same edit (one undo step).
 * @throws RangeError for missing or non-text frames, a locked target, or a loop
 */
export function threadFrames(doc: FolioDocument, fromId: string, toId: string | null): FolioDocument {
  const from = findFrame(doc, fromId)?.frame;
  if (from?.kind !== 'text') throw new UiMessageError('edits.notTextFrame', { frame: fromId });
  if (toId === null) {
    // The frames after the cut would otherwise still name the story and set it a second time from its start:
    // like InDesign, they stay threaded among themselves but show a new, empty story (the text stays with the
    // frames before the cut, overset if it no longer fits).
    const detached = from.nextFrameId ? chainFrom(doc, from.nextFrameId, from.storyId) : new Set<string>();
    const storyId = uniqueId(`${from.storyId}-continued`, (id) => id in doc.stories);
    const cut = mapFrames(doc, (f) => {
      if (f.kind !== 'text') return f;
      if (f.id === fromId) {
        const { nextFrameId: _dropped, ...rest } = f;
        return rest;
      }
      return detached.has(f.id) ? { ...f, storyId } : f;
    });
    if (detached.size === 0) return cut;
    const emptyStory: PmNodeJson = { type: 'doc', content: [{ type: 'columns', content: [{ type: 'paragraph' }] }] };
    const name = `${doc.stories[from.storyId]?.name ?? from.storyId}（断开的后续框）`;
    return { ...cut, stories: { ...cut.stories, [storyId]: { id: storyId, name, doc: emptyStory } } };
  }
  const to = findFrame(doc, toId)?.frame;
  if (to?.kind !== 'text') throw new UiMessageError('edits.notTextFrame', { frame: toId });
  if (to.locked) throw new UiMessageError('main.frameLocked', { frame: to.label ?? toId });
  // Walk on from the target: reaching the source again would make the story flow in a circle.
  const seen = new Set<string>();
  for (let id: string | undefined = toId; id; id = (findFrame(doc, id)?.frame as TextFrame | undefined)?.nextFrameId) {
    if (id === fromId || seen.has(id)) throw new UiMessageError('edits.threadLoop');
    seen.add(id);
  }
  const pointsHere = doc.pages.some((p) => p.frames.some((f) => f.kind === 'text' && f.nextFrameId === toId && f.id !== fromId));
  if (pointsHere) throw new UiMessageError('edits.alreadyContinues', { frame: to.label ?? toId });
  // The target and the frames threaded after it all show the story from now on.
  const joined = chainFrom(doc, toId, to.storyId);
  const threaded = mapFrames(doc, (f) => {
    if (f.id === fromId && f.kind === 'text') return { ...f, nextFrameId: toId };
    if (joined.has(f.id) && f.kind === 'text') return { ...f, storyId: from.storyId };
    return f;
  });
  const left = threaded.stories[to.storyId];
  if (to.storyId === from.storyId || !left || framesOfStory(threaded, to.storyId).length > 0 || !isBlankStory(left.doc)) return threaded;
  // + Text then threading into its frame would otherwise leave an orphan 新稿件 in the Stories list.
  const { [to.storyId]: _orphan, ...stories } = threaded.stories;
  return { ...threaded, stories };
}

/** Ids of the text frames from `headId` on along `nextFrameId` while they show `storyId` (loop-safe). */
function chainFrom(doc: FolioDocument, headId: string, storyId: string): Set<string> {
  const ids = new Set<string>();
  for (let id: string | undefined = headId; id && !ids.has(id); ) {
    const frame: Frame | undefined = findFrame(doc, id)?.frame;
    if (frame?.kind !== 'text' || frame.storyId !== storyId) break;
    ids.add(id);
    id = frame.nextFrameId;
  }
  return ids;
}

function mapFrames(doc: FolioDocument, map: (frame: Frame) => Frame): FolioDocument {
  let changed = false;
  const pages = doc.pages.map((page) => {
    const frames = page.frames.map((f) => {
      const next = map(f);
      if (next !== f) changed = true;
      return next;
    });
    return frames.some((f, i) => f !== page.frames[i]) ? { ...page, frames } : page;
  });
  return changed ? { ...doc, pages } : doc;
}

/** Text-frame settings the inspector edits. */
export interface TextFrameSettings {
  columns?: number;
  columnRule?: boolean;
  /** Style of the column rules (`solid`: plain hairlines, stored as no style). */
  columnRuleStyle?: LineStyle;
  /** 齐底: balance the columns where the story ends in the frame (false: stored as no setting). */
  balance?: boolean;
  /** Unequal column widths, points (null: equal columns); checked against the grid by `columnWidthsProblem`. */
  columnWidthsPt?: readonly number[] | null;
}

/**
 * Changes a text frame's column count (1–20, whole), column rule and/or column-rule style.
 * @throws RangeError for a missing or non-text frame, a column count outside 1–20 or an unknown line style
 */
export function setTextFrameSettings(doc: FolioDocument, frameId: string, settings: TextFrameSettings): FolioDocument {
  const found = findFrame(doc, frameId);
  if (found?.frame.kind !== 'text') throw new UiMessageError('edits.notTextFrame', { frame: frameId });
  if (settings.columns !== undefined && !(Number.isInteger(settings.columns) && settings.columns >= MIN_FRAME_COLUMNS && settings.columns <= MAX_FRAME_COLUMNS)) {
    throw new UiMessageError('edits.columnsRange', { min: MIN_FRAME_COLUMNS, max: MAX_FRAME_COLUMNS, columns: String(settings.columns) });
  }
  const { columnRuleStyle, balance, columnWidthsPt, ...rest } = settings;
  if (columnRuleStyle !== undefined && !(LINE_STYLES as readonly string[]).includes(columnRuleStyle)) throw new UiMessageError('edits.notLineStyle', { style: String(columnRuleStyle) });
  const columnsPatch = columnSettingsPatch(found.frame, { balance, columnWidthsPt, columns: settings.columns }, parseSizePt(doc.template.grid.bodySize));
  return mapFrames(doc, (f) => {
    if (f.id !== frameId || f.kind !== 'text') return f;
    const next = columnsPatch({ ...f, ...rest });
    if (columnRuleStyle === undefined) return next;
    const { columnRuleStyle: _old, ...plain } = next;
    return columnRuleStyle === 'solid' ? plain : { ...plain, columnRuleStyle };
  });
}

/**
 * Applies the column-variation settings (issue 16) to a text frame: `balance` (false removes it) and unequal
 * `columnWidthsPt` (null removes them), which must fit the frame on the grid; a new column count drops widths
 * given for another count.
 * @throws RangeError when the widths do not make the frame's width with its gutters
 */
function columnSettingsPatch(frame: TextFrame, settings: { balance?: boolean; columnWidthsPt?: readonly number[] | null; columns?: number }, bodySizePt: number): (f: TextFrame) => TextFrame {
  const { balance, columnWidthsPt } = settings;
  if (columnWidthsPt) {
    const columns = settings.columns ?? frame.columns;
    if (columnWidthsProblem(columnWidthsPt, { ...frame, columns }, bodySizePt)) {
      const chars = Math.round((frame.widthPt - (columns - 1) * frame.gutterChars * bodySizePt) / bodySizePt);
      throw new UiMessageError('columns.widthsMismatch', { count: columns, chars });
    }
  }
  return (f) => {
    let next: TextFrame = f;
    if (balance !== undefined) {
      const { balance: _old, ...plain } = next;
      next = balance ? { ...plain, balance: true } : plain;
    }
    const dropWidths = columnWidthsPt === null || (columnWidthsPt === undefined && next.columnWidthsPt !== undefined && next.columnWidthsPt.length !== next.columns);
    if (columnWidthsPt || dropWidths) {
      const { columnWidthsPt: _old, ...plain } = next;
      next = columnWidthsPt ? { ...plain, columnWidthsPt: [...columnWidthsPt] } : plain;
    }
    return next;
  };
}
