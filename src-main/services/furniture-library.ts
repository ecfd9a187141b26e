/**
 * The furniture library on disk: the workspace's own items (`<workspace>/library/<name>.folio-item.json`) and the
 * built-in items shipped with Folio (`templates/library/`, read-only).
 *
 * 1. List: every `*.folio-item.json` directly in each folder, read with a size cap; anything that is not a regular
 *    file (a symbolic link, a FIFO, a device) is refused, and a file that is not a valid item is reported as a
 *    problem (file + first issue), never fatal; so is a library folder that is a link out of the workspace. Built-in items first, then the workspace's, each sorted by name.
 * 2. Save: the name is checked (`furnitureNameProblem`) and becomes the file name, confined to the workspace; the
 *    item is validated and written atomically, refused above MAX_FURNITURE_FILE_BYTES; an existing item is only
 *    replaced when asked. Pictures the item links under `library/pictures/` are copied there from the open
 *    document first (when absent), so the links stay good after the document is gone.
 * 3. Delete: only a workspace item, by name; a built-in item cannot be deleted.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import {
  FURNITURE_FILE_SUFFIX, FURNITURE_LIBRARY_DIR, FURNITURE_PICTURES_DIR, FurnitureItemSchema, MAX_FURNITURE_FILE_BYTES,
  furnitureNameProblem, furnitureFileName, type FurnitureItem,
} from '../../src-core/model/furniture.js';
import type { LibraryEntry, LibraryListing } from '../../src-core/api/host-api.js';
import { DiskError, describeIoError, makeFolders, readFileUpTo, writeFileAtomic, type DiskIo } from './disk.js';
import { documentError } from './documents.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { asServiceMessage, englishLine, serviceMessage, ServiceRangeError } from '../../src-core/i18n/service-message.js';
import type { Workspace } from './workspace.js';

/** Most items listed from one folder: a library of hundreds is already more than a desk browses. */
export const MAX_LIBRARY_ITEMS = 500;

/** Options of `createFurnitureLibrary`. */
export interface FurnitureLibraryOptions {
  workspace: Workspace;
  /** Folder of the built-in items (read-only). */
  builtinDir: string;
  io?: DiskIo;
}

/** The library service. */
export interface FurnitureLibrary {
  list(): Promise<LibraryListing>;
  /**
   * Saves `item` under its name.
   * @param pictureBytes the bytes of a picture by asset id (from the open document), or undefined when unknown
   */
  save(item: FurnitureItem, replace: boolean, pictureBytes: (assetId: string) => Uint8Array | undefined): Promise<{ path: string }>;
  remove(name: string): Promise<void>;
}

/**
 * Parses item JSON text. @throws ServiceRangeError naming the first problem (the parser's or validator's words
 * as its detail)
 */
export function parseFurnitureJson(text: string, file: string): FurnitureItem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ServiceRangeError({ key: 'service.library.itemBadJson', values: { file, detail: (err as Error).message } }, { cause: err });
  }
  const result = FurnitureItemSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ServiceRangeError({ key: 'service.library.itemInvalid', values: { file, where: issue?.path.join('.') || '(root)', detail: issue?.message ?? 'invalid' } });
  }
  return result.data;
}

/** A listing problem: the file, its English line and, when the error has one, its catalogue line. */
function problemOf(file: string, err: unknown): LibraryListing['problems'][number] {
  const uiMessage = asServiceMessage((err as { uiMessage?: unknown } | null)?.uiMessage);
  return { file, message: (err as Error).message, ...(uiMessage ? { uiMessage } : {}) };
}

/** A listing problem said by catalogue key `key`. */
function problemSaid(file: string, key: MessageKey, values: Readonly<Record<string, string>>): LibraryListing['problems'][number] {
  const uiMessage = serviceMessage(key, values);
  return { file, message: englishLine(uiMessage), uiMessage };
}

/** Reads the items of one folder (see the module summary, 1). A missing folder has none. */
async function readFolder(dir: string, source: LibraryEntry['source']): Promise<LibraryListing> {
  let dirents;
  try {
    dirents = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { items: [], problems: [] };
    throw describeIoError(err, 'list the library', dir);
  }
  const items: LibraryEntry[] = [];
  const problems: LibraryListing['problems'] = [];
  const names = dirents.filter((d) => d.name.endsWith(FURNITURE_FILE_SUFFIX) && !d.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  for (const dirent of names.slice(0, MAX_LIBRARY_ITEMS)) {
    const file = path.join(dir, dirent.name);
    // Only what lies in the library itself: a link may lead anywhere, even out of the workspace.
    if (!dirent.isFile()) {
      problems.push(problemSaid(dirent.name, 'service.library.itemNotOrdinary', { file: dirent.name }));
      continue;
    }
    try {
      // Byte counts as plain digits, as the English always wrote them.
      const bytes = await readFileUpTo(file, MAX_FURNITURE_FILE_BYTES, (why) => new ServiceRangeError(why.kind === 'too-large'
        ? { key: 'service.library.itemTooBig', values: { file: dirent.name, sizeBytes: String(why.sizeBytes), maxBytes: String(MAX_FURNITURE_FILE_BYTES) } }
        : { key: 'service.library.itemNotFile', values: { file: dirent.name } }));
      const item = parseFurnitureJson(new TextDecoder().decode(bytes), dirent.name);
      const expected = `${item.name}${FURNITURE_FILE_SUFFIX}`;
      // The name is the file's identity (save and delete go by it): a copied file renamed keeps an old name inside.
      items.push({ name: dirent.name === expected ? item.name : dirent.name.slice(0, -FURNITURE_FILE_SUFFIX.length), source, item });
    } catch (err) {
      problems.push(problemOf(dirent.name, err));
    }
  }
  if (names.length > MAX_LIBRARY_ITEMS) {
    problems.push(problemSaid(dir, 'service.library.tooMany', { count: String(names.length), max: String(MAX_LIBRARY_ITEMS) }));
  }
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { items, problems };
}

/** Creates the library service over a workspace. */
export function createFurnitureLibrary(options: FurnitureLibraryOptions): FurnitureLibrary {
  const { workspace } = options;
  /** The confined path of a workspace item's file. @throws DocumentError for a name that cannot be a file name */
  const itemPath = (name: string): string => {
    const problem = furnitureNameProblem(name);
    if (problem) throw documentError('bad-request', 'service.library.badName', { name: name.slice(0, 80), problem });
    return workspace.confine(`${FURNITURE_LIBRARY_DIR}/${furnitureFileName(name)}`);
  };
  return {
    async list() {
      const builtin = await readFolder(options.builtinDir, 'builtin');
      let own: LibraryListing;
      try {
        own = await readFolder(workspace.confine(FURNITURE_LIBRARY_DIR), 'workspace');
      } catch (err) {
        // A library folder that leads out of the workspace (or cannot be listed) hides only the workspace's items.
        own = { items: [], problems: [problemOf(FURNITURE_LIBRARY_DIR, err)] };
      }
      return { items: [...builtin.items, ...own.items], problems: [...builtin.problems, ...own.problems] };
    },

    async save(item, replace, pictureBytes) {
      const target = itemPath(item.name);
      const bytes = new TextEncoder().encode(`${JSON.stringify(item, null, 2)}\n`);
      if (bytes.byteLength > MAX_FURNITURE_FILE_BYTES) {
        throw documentError('bad-request', 'service.library.itemTooLarge', { name: item.name, sizeKb: String(Math.ceil(bytes.byteLength / 1024)), maxKb: String(MAX_FURNITURE_FILE_BYTES / 1024) });
      }
      const existing = await fsp.lstat(target).catch(() => undefined);
      if (existing && !replace) throw documentError('bad-request', 'service.library.exists', { name: item.name });
      if (existing && !existing.isFile()) throw documentError('bad-request', 'service.library.notOrdinary', { file: `library/${path.basename(target)}` });
      await makeFolders(path.dirname(target), 'create the library folder');
      for (const picture of item.pictures) {
        if (path.posix.dirname(picture.path) !== FURNITURE_PICTURES_DIR) continue; // a link elsewhere is the user's own file
        const picturePath = workspace.confine(picture.path);
        if (await fsp.lstat(picturePath).catch(() => undefined)) continue; // same name, same content (a content hash)
        const pictureData = pictureBytes(picture.assetId);
        if (!pictureData) throw documentError('not-found', 'service.library.pictureMissing', { asset: picture.assetId, name: item.name });
        await makeFolders(path.dirname(picturePath), 'create the library folder');
        await writeFileAtomic(picturePath, pictureData, { io: options.io, action: 'save the picture' });
      }
      await writeFileAtomic(target, bytes, { io: options.io, action: 'save the library item' });
      return { path: workspace.relative(target) };
    },

    async remove(name) {
      const target = itemPath(name);
      const stat = await fsp.lstat(target).catch(() => undefined);
      if (!stat) throw documentError('not-found', 'service.library.noItem', { name });
      try {
        await (options.io?.unlink ?? fsp.unlink)(target);
      } catch (err) {
        throw err instanceof DiskError ? err : describeIoError(err, 'delete', target);
      }
    },
  };
}
