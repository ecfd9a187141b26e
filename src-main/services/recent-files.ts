/**
 * Recent files: the documents a user opened or saved lately, most recent first, kept in the services' config
 * folder so the list survives a restart.
 *
 * 1. `record(path)` puts an absolute path first (dropping an older entry of the same file), keeps at most
 *    MAX_RECENT_FILES and writes the list atomically as JSON (`recent-files.json`).
 * 2. `list()` reads the list back and drops files that no longer exist; the shortened list is written back
 *    so they stay gone.
 * 3. Each entry may also remember the folder the user chose for that document's PDF exports (`setExportDir`):
 *    a folder on this machine is per-user, per-machine knowledge, so it lives here, not in the `.folio` file that
 *    travels to other desks (where that folder may not exist).
 * 4. A missing or unreadable list file counts as an empty list: the recent list is a convenience and must
 *    never stop a document from opening or saving (a damaged file is replaced on the next record).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeFolders, nodeDiskIo, sweepStaleTemps, writeFileAtomic, type DiskIo } from './disk.js';

/** How many files the list keeps (the open dialog shows them all). */
export const MAX_RECENT_FILES = 10;
/** File name of the list inside the config folder. */
export const RECENT_FILES_NAME = 'recent-files.json';
/**
 * Largest list file read, bytes: ten paths with their times and export folders are a few kilobytes; anything
 * much larger is not a list Folio wrote.
 */
const MAX_RECENT_LIST_BYTES = 1024 * 1024;
/** Version of the list file's format. */
const RECENT_FILES_VERSION = 1;

/** One remembered file: absolute path and when it was last opened or saved (ISO 8601). */
export interface RecentFileRecord {
  path: string;
  openedAt: string;
  /** The folder (absolute) the user chose for this document's PDF exports, if any. */
  exportDir?: string;
}

const RecentFilesSchema = z.object({
  version: z.literal(RECENT_FILES_VERSION),
  // exportDir is optional, so lists written before it read unchanged (same version).
  files: z.array(z.object({ path: z.string().min(1), openedAt: z.string(), exportDir: z.string().min(1).optional() })),
});

/** Options of `createRecentFiles`. */
export interface RecentFilesOptions {
  /** Folder the list file lives in (created on the first record). */
  configDir: string;
  clock: () => Date;
  io?: DiskIo;
  /** Whether a file still exists; default: the real disk. */
  exists?: (filePath: string) => Promise<boolean>;
}

/** The recent-files list of one config folder. */
export interface RecentFiles {
  /** Puts `absolutePath` at the top of the list (now). */
  record(absolutePath: string): Promise<void>;
  /** The files, most recent first, without those that no longer exist. */
  list(): Promise<RecentFileRecord[]>;
  /**
   * Remembers `exportDir` (absolute) as the export folder of the document at `documentPath` (recorded now if
   * absent); undefined forgets it (exports go beside the document again).
   */
  setExportDir(documentPath: string, exportDir: string | undefined): Promise<void>;
  /** The export folder remembered for the document at `documentPath`, if any. */
  exportDirFor(documentPath: string): Promise<string | undefined>;
}

async function fileExists(filePath: string): Promise<boolean> {
  try {
    return (await fsp.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** Creates the recent-files list stored in `options.configDir`. */
export function createRecentFiles(options: RecentFilesOptions): RecentFiles {
  const io = options.io ?? nodeDiskIo;
  const exists = options.exists ?? fileExists;
  const listPath = path.join(options.configDir, RECENT_FILES_NAME);
  // Records and listings run one after another, so two quick saves never lose an entry to interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  let swept = false;
  const read = async (): Promise<RecentFileRecord[]> => {
    if (!swept) {
      // The list is rewritten on every open and save: a crash mid-write leaves its temp file here.
      swept = true;
      await sweepStaleTemps(options.configDir, options.clock().getTime(), io);
    }
    try {
      const parsed = RecentFilesSchema.safeParse(JSON.parse(new TextDecoder().decode(await io.readFile(listPath, MAX_RECENT_LIST_BYTES))));
      return parsed.success ? parsed.data.files : [];
    } catch {
      return []; // no list yet, or an unreadable one: start afresh (see the module summary)
    }
  };
  const write = async (files: readonly RecentFileRecord[]): Promise<void> => {
    await makeFolders(options.configDir, 'remember recent files in');
    const json = JSON.stringify({ version: RECENT_FILES_VERSION, files }, null, 1);
    await writeFileAtomic(listPath, new TextEncoder().encode(json), { io, action: 'remember recent files in' });
  };

  return {
    record: (absolutePath) =>
      serial(async () => {
        const target = path.resolve(absolutePath);
        const previous = await read();
        const exportDir = previous.find((f) => f.path === target)?.exportDir;
        const files = previous.filter((f) => f.path !== target);
        files.unshift({ path: target, openedAt: options.clock().toISOString(), ...(exportDir ? { exportDir } : {}) });
        await write(files.slice(0, MAX_RECENT_FILES));
      }),
    setExportDir: (documentPath, exportDir) =>
      serial(async () => {
        const target = path.resolve(documentPath);
        const files = await read();
        const entry = files.find((f) => f.path === target);
        const dir = exportDir === undefined ? undefined : path.resolve(exportDir);
        if (entry) {
          if (dir) entry.exportDir = dir;
          else delete entry.exportDir;
        } else if (dir) {
          files.unshift({ path: target, openedAt: options.clock().toISOString(), exportDir: dir });
        }
        await write(files.slice(0, MAX_RECENT_FILES));
      }),
    exportDirFor: (documentPath) =>
      serial(async () => (await read()).find((f) => f.path === path.resolve(documentPath))?.exportDir),
    list: () =>
      serial(async () => {
        const files = await read();
        const present: RecentFileRecord[] = [];
        for (const f of files) if (await exists(f.path)) present.push(f);
        if (present.length !== files.length) await write(present).catch(() => undefined);
        return present;
      }),
  };
}
