/**
 * The furniture library (报花/题花, 标题库): a named group of frames saved once and placed on any page — a
 * headline treatment, a column-tag box (栏目标签), a weather box. An item is plain data, stored as one JSON file.
 *
 * 1. `captureFurniture` takes frames of one page: their geometry made relative to the group's top-left corner,
 *    their properties, copies of the stories they show (ProseMirror JSON), the definitions of the paragraph and
 *    character styles those stories use, and a link (workspace-relative path) for each picture.
 * 2. `FurnitureItemSchema` validates an item read from disk or the network, with caps on everything that grows.
 * 3. `placeFurniture` puts an item on a page at a point: fresh frame and story ids (never colliding with the
 *    document's), threads inside the group kept and threads out of it cut, styles the document lacks copied from
 *    the item (styles it has keep the document's definition), pictures resolved through the document's assets or
 *    the assets the caller imported from the links; a picture found nowhere leaves an empty picture frame and is
 *    reported.
 * 4. `furnitureFileName` / `checkFurnitureName`: the one rule for item names, shared by the store and the UI.
 */
import { z } from 'zod';
import type { Asset, FolioDocument } from './document.js';
import { FrameSchema, StorySchema, type Frame, type PmNodeJson, type Story } from './frame.js';
import { CharacterStyleSchema, ParagraphStyleSchema, type CharacterStyle, type ParagraphStyle } from './template.js';
import { englishLine, serviceMessage, ServiceRangeError, type ServiceMessage } from '../i18n/service-message.js';

/** Version of the item format; a reader refuses versions it does not know. */
export const FURNITURE_FORMAT_VERSION = 1;
/** The `format` tag every item file carries, so a stray JSON file is never taken for one. */
export const FURNITURE_FORMAT = 'folio-furniture';
/** File name ending of a library item in a library folder. */
export const FURNITURE_FILE_SUFFIX = '.folio-item.json';
/** Longest item name, characters: a name is a label in a list ("天气预报框"), not a description. */
export const MAX_FURNITURE_NAME_CHARS = 80;
/**
 * Most frames in one item: a headline treatment or a weather box has a handful; a whole page saved as furniture
 * (a few dozen frames) is the most the library is for.
 */
export const MAX_FURNITURE_FRAMES = 64;
/** Most stories in one item (each text frame shows at most one). */
export const MAX_FURNITURE_STORIES = MAX_FURNITURE_FRAMES;
/** Most styles of each kind an item carries (a template has about thirty). */
export const MAX_FURNITURE_STYLES = 100;
/**
 * Largest item file, bytes: a few frames and short stories are a few kilobytes; a megabyte leaves room for a
 * long boxed text without letting a file of any size be read.
 */
export const MAX_FURNITURE_FILE_BYTES = 1024 * 1024;
/** Folder of the workspace library (workspace-relative). */
export const FURNITURE_LIBRARY_DIR = 'library';
/** Folder (workspace-relative) where saving an item keeps copies of its pictures, so its links stay good. */
export const FURNITURE_PICTURES_DIR = `${FURNITURE_LIBRARY_DIR}/pictures`;

/** Characters no item name may hold: path separators, characters Windows refuses in file names, controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * Why `name` cannot name a library item, or undefined when it can: not empty, at most MAX_FURNITURE_NAME_CHARS,
 * no path separators or characters file systems refuse, not starting with a dot (hidden files, `..`), not
 * ending in a space or dot (Windows drops them, so two names would be one file).
 */
export function checkFurnitureName(name: string): string | undefined {
  const problem = furnitureNameProblem(name);
  return problem && englishLine(problem);
}

/** Why `name` cannot name a library item, as a catalogue message (`service.library.name*`); see `checkFurnitureName`. */
export function furnitureNameProblem(name: string): ServiceMessage | undefined {
  if (name.trim().length === 0) return { key: 'service.library.nameEmpty' };
  if ([...name].length > MAX_FURNITURE_NAME_CHARS) return { key: 'service.library.nameTooLong', values: { max: MAX_FURNITURE_NAME_CHARS } };
  if (FORBIDDEN_NAME_CHARS.test(name)) return { key: 'service.library.nameForbiddenChars' };
  if (name.startsWith('.')) return { key: 'service.library.nameLeadingDot' };
  if (/[ .]$/.test(name) || name !== name.trim()) return { key: 'service.library.nameEdges' };
  return undefined;
}

/** The item's file name in a library folder (`<name>.folio-item.json`). @throws RangeError for a name `checkFurnitureName` refuses */
export function furnitureFileName(name: string): string {
  const problem = furnitureNameProblem(name);
  if (problem) throw new ServiceRangeError(serviceMessage('service.library.badName', { name: name.slice(0, MAX_FURNITURE_NAME_CHARS), problem }));
  return `${name}${FURNITURE_FILE_SUFFIX}`;
}

/** A workspace-relative path with `/` separators that never climbs (`..`), never absolute. */
const WorkspacePathSchema = z.string().min(1).max(1024).refine(
  (p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\') && !p.includes('\0') && !p.split('/').some((s) => s === '..' || s === ''),
  { message: 'not a plain workspace-relative path' },
);

/** A picture an item's image frame shows: where its file is in the workspace, and its asset id (content hash). */
export const FurniturePictureSchema = z.object({
  /** The picture file, relative to the workspace (`library/pictures/img-….jpg` for items saved by Folio). */
  path: WorkspacePathSchema,
  /** The asset id the document gave the picture (the same bytes always get the same id). */
  assetId: z.string().min(1).max(200),
});
/** A picture link of an item. */
export type FurniturePicture = z.infer<typeof FurniturePictureSchema>;

/** A library item (see the module summary). Geometry in points, relative to the group's top-left corner. */
export const FurnitureItemSchema = z.object({
  format: z.literal(FURNITURE_FORMAT),
  version: z.literal(FURNITURE_FORMAT_VERSION),
  name: z.string().refine((n) => checkFurnitureName(n) === undefined, { message: 'not a usable item name' }),
  /** Size of the group (the union of its frames), points. */
  widthPt: z.number().positive(),
  heightPt: z.number().positive(),
  /** The frames in paint order; `xPt`/`yPt` relative to the group's top-left. */
  frames: z.array(FrameSchema).min(1).max(MAX_FURNITURE_FRAMES),
  /** The stories the text frames show, by the ids the frames use. */
  stories: z.array(StorySchema).max(MAX_FURNITURE_STORIES),
  /** Definitions of the paragraph styles the stories use, by style key. */
  paragraphStyles: z.record(z.string(), ParagraphStyleSchema).refine((s) => Object.keys(s).length <= MAX_FURNITURE_STYLES, { message: 'too many paragraph styles' }).default({}),
  /** Definitions of the character styles the stories use, by mark or style name. */
  characterStyles: z.record(z.string(), CharacterStyleSchema).refine((s) => Object.keys(s).length <= MAX_FURNITURE_STYLES, { message: 'too many character styles' }).default({}),
  /** The pictures the image frames show, by asset id. */
  pictures: z.array(FurniturePictureSchema).max(MAX_FURNITURE_FRAMES).default([]),
}).superRefine((item, ctx) => {
  const storyIds = new Set(item.stories.map((s) => s.id));
  const assetIds = new Set(item.pictures.map((p) => p.assetId));
  item.frames.forEach((frame, i) => {
    if (frame.kind === 'text' && !storyIds.has(frame.storyId)) ctx.addIssue({ code: 'custom', path: ['frames', i, 'storyId'], message: `names story "${frame.storyId}", which the item does not hold` });
    if (frame.kind === 'image' && frame.assetId && !assetIds.has(frame.assetId)) ctx.addIssue({ code: 'custom', path: ['frames', i, 'assetId'], message: `shows picture "${frame.assetId}", which the item has no link for` });
  });
});
/** A library item. Treat as immutable. */
export type FurnitureItem = z.infer<typeof FurnitureItemSchema>;

/** Paragraph style keys and character style names a story uses (block types, `style` attrs, marks). */
function stylesUsedBy(node: PmNodeJson, paragraph: Set<string>, character: Set<string>): void {
  if (node.content) {
    // A textblock: a node whose children are inline (or that has none and is not the doc or a container).
    const isTextblock = node.type !== 'doc' && node.type !== 'columns' && node.content.every((c) => c.type === 'text' || c.type === 'hard_break' || c.type === 'field');
    if (isTextblock) paragraph.add(typeof node.attrs?.style === 'string' && node.attrs.style ? node.attrs.style : node.type);
    for (const child of node.content) stylesUsedBy(child, paragraph, character);
  } else if (node.type !== 'text' && node.type !== 'hard_break' && node.type !== 'field' && node.type !== 'doc' && node.type !== 'columns') {
    paragraph.add(typeof node.attrs?.style === 'string' && node.attrs.style ? node.attrs.style : node.type); // an empty textblock
  }
  for (const mark of node.marks ?? []) character.add(mark.type === 'charStyle' && typeof mark.attrs?.name === 'string' ? mark.attrs.name : mark.type);
}

/** Options of `captureFurniture`. */
export interface CaptureOptions {
  /**
   * The workspace-relative path an item links a picture by; default `library/pictures/<file name in the .folio>`,
   * where the store keeps a copy of the picture when the item is saved.
   */
  picturePathFor?: (asset: Asset) => string;
}

/**
 * A library item from frames of one page (see the module summary).
 * @param frameIds the frames, in any order; they keep the page's paint order
 * @throws RangeError for a missing page or frame, no frames, too many, or a name `checkFurnitureName` refuses
 */
export function captureFurniture(doc: FolioDocument, pageId: string, frameIds: readonly string[], name: string, options: CaptureOptions = {}): FurnitureItem {
  const page = doc.pages.find((p) => p.id === pageId);
  if (!page) throw new ServiceRangeError(serviceMessage('service.library.noPage', { page: pageId }));
  furnitureFileName(name);
  const wanted = new Set(frameIds);
  for (const id of wanted) if (!page.frames.some((f) => f.id === id)) throw new ServiceRangeError(serviceMessage('service.library.noFrame', { frame: id, page: page.name }));
  const frames = page.frames.filter((f) => wanted.has(f.id));
  if (frames.length === 0) throw new ServiceRangeError(serviceMessage('service.library.noFrames'));
  if (frames.length > MAX_FURNITURE_FRAMES) throw new ServiceRangeError(serviceMessage('service.library.tooManyFrames', { max: MAX_FURNITURE_FRAMES, count: frames.length }));
  const left = Math.min(...frames.map((f) => f.xPt));
  const top = Math.min(...frames.map((f) => f.yPt));
  const right = Math.max(...frames.map((f) => f.xPt + f.widthPt));
  const bottom = Math.max(...frames.map((f) => f.yPt + f.heightPt));

  const stories: Story[] = [];
  const paragraph = new Set<string>();
  const character = new Set<string>();
  const pictures = new Map<string, FurniturePicture>();
  const picturePathFor = options.picturePathFor ?? ((asset: Asset) => `${FURNITURE_PICTURES_DIR}/${asset.path.slice(asset.path.lastIndexOf('/') + 1)}`);
  const captured: Frame[] = frames.map((frame) => {
    const moved = { ...frame, xPt: frame.xPt - left, yPt: frame.yPt - top, locked: false };
    if (moved.kind === 'text') {
      const story = doc.stories[moved.storyId];
      if (!story) throw new ServiceRangeError(serviceMessage('service.library.storyMissing', { frame: frame.label ?? frame.id, story: moved.storyId }));
      if (!stories.some((s) => s.id === story.id)) {
        stories.push(structuredClone(story));
        stylesUsedBy(story.doc, paragraph, character);
      }
      // A thread leading out of the group has nowhere to go once the group is placed elsewhere.
      if (moved.nextFrameId && !wanted.has(moved.nextFrameId)) {
        const { nextFrameId: _cut, ...unthreaded } = moved;
        return unthreaded;
      }
    }
    if (moved.kind === 'image' && moved.assetId) {
      const asset = doc.assets[moved.assetId];
      if (!asset) {
        const { assetId: _missing, ...empty } = moved;
        return empty;
      }
      pictures.set(asset.id, { path: picturePathFor(asset), assetId: asset.id });
    }
    return moved;
  });

  const paragraphStyles: Record<string, ParagraphStyle> = {};
  for (const key of paragraph) {
    const style = doc.template.paragraphStyles[key];
    if (style) paragraphStyles[key] = structuredClone(style);
  }
  const characterStyles: Record<string, CharacterStyle> = {};
  for (const key of character) {
    const style = doc.template.characterStyles[key];
    if (style) characterStyles[key] = structuredClone(style);
  }
  return FurnitureItemSchema.parse({
    format: FURNITURE_FORMAT,
    version: FURNITURE_FORMAT_VERSION,
    name,
    widthPt: right - left,
    heightPt: bottom - top,
    frames: captured,
    stories,
    paragraphStyles,
    characterStyles,
    pictures: [...pictures.values()],
  });
}

/** Options of `placeFurniture`. */
export interface PlaceOptions {
  /**
   * Pictures the caller imported from the item's links, by workspace-relative path (the asset id of a file is its
   * content hash, so it may differ from the id the item recorded when the file changed since).
   */
  importedPictures?: Readonly<Record<string, Asset>>;
}

/** What `placeFurniture` did. */
export interface PlacedFurniture {
  doc: FolioDocument;
  /** Ids of the new frames, in paint order. */
  frameIds: string[];
  /** Styles the document lacked, copied from the item (paragraph style keys, then character style names). */
  addedStyles: string[];
  /** Styles the item's stories use that neither the document nor the item defines: the text falls back to the body style. */
  missingStyles: string[];
  /** Picture links that could not be resolved (workspace paths): their frames are placed empty. */
  missingPictures: string[];
}

function freshId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Places `item` on page `pageId` with the group's top-left corner at (`atPt.xPt`, `atPt.yPt`), painted above the
 * page's frames (see the module summary). The document is not changed; the new one is returned.
 * @throws RangeError for a missing page
 */
export function placeFurniture(doc: FolioDocument, item: FurnitureItem, pageId: string, atPt: { xPt: number; yPt: number }, options: PlaceOptions = {}): PlacedFurniture {
  const pageIndex = doc.pages.findIndex((p) => p.id === pageId);
  const page = doc.pages[pageIndex];
  if (!page) throw new ServiceRangeError(serviceMessage('service.library.noPage', { page: pageId }));
  const takenFrames = new Set(doc.pages.flatMap((p) => p.frames.map((f) => f.id)));
  const takenStories = new Set(Object.keys(doc.stories));
  const frameIdMap = new Map(item.frames.map((f) => [f.id, freshId(f.id, takenFrames)]));
  const storyIdMap = new Map(item.stories.map((s) => [s.id, freshId(s.id, takenStories)]));

  const stories = { ...doc.stories };
  for (const story of item.stories) {
    const id = storyIdMap.get(story.id) as string;
    stories[id] = { ...structuredClone(story), id };
  }

  const assets = { ...doc.assets };
  const missingPictures: string[] = [];
  const assetIdFor = new Map<string, string | undefined>();
  for (const picture of item.pictures) {
    const imported = options.importedPictures?.[picture.path];
    if (imported) {
      assets[imported.id] = imported;
      assetIdFor.set(picture.assetId, imported.id);
    } else if (doc.assets[picture.assetId]) {
      assetIdFor.set(picture.assetId, picture.assetId);
    } else {
      missingPictures.push(picture.path);
      assetIdFor.set(picture.assetId, undefined);
    }
  }

  const frames: Frame[] = item.frames.map((frame) => {
    const placed = { ...structuredClone(frame), id: frameIdMap.get(frame.id) as string, xPt: frame.xPt + atPt.xPt, yPt: frame.yPt + atPt.yPt };
    if (placed.kind === 'text') {
      placed.storyId = storyIdMap.get(placed.storyId) as string;
      if (placed.nextFrameId !== undefined) {
        const next = frameIdMap.get(placed.nextFrameId);
        if (next) placed.nextFrameId = next;
        else delete placed.nextFrameId;
      }
    }
    if (placed.kind === 'image' && placed.assetId) {
      const assetId = assetIdFor.get(placed.assetId);
      if (assetId) placed.assetId = assetId;
      else delete placed.assetId;
    }
    return placed;
  });

  const paragraph = new Set<string>();
  const character = new Set<string>();
  for (const story of item.stories) stylesUsedBy(story.doc, paragraph, character);
  const paragraphStyles = { ...doc.template.paragraphStyles };
  const characterStyles = { ...doc.template.characterStyles };
  const addedStyles: string[] = [];
  const missingStyles: string[] = [];
  for (const key of paragraph) {
    if (Object.hasOwn(paragraphStyles, key)) continue;
    const style = item.paragraphStyles[key];
    if (style) {
      paragraphStyles[key] = structuredClone(style);
      addedStyles.push(key);
    } else {
      missingStyles.push(key);
    }
  }
  for (const key of character) {
    if (Object.hasOwn(characterStyles, key)) continue;
    const style = item.characterStyles[key];
    if (style) {
      characterStyles[key] = structuredClone(style);
      addedStyles.push(key);
    }
    // Marks without a style (comments, tracked changes, local formatting) need none.
  }
  const template = addedStyles.length > 0 ? { ...doc.template, paragraphStyles, characterStyles } : doc.template;
  const pages = doc.pages.slice();
  pages[pageIndex] = { ...page, frames: [...page.frames, ...frames] };
  return {
    doc: { ...doc, template, stories, assets, pages },
    frameIds: frames.map((f) => f.id),
    addedStyles,
    missingStyles,
    missingPictures,
  };
}
