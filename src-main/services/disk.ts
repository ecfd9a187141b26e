/**
 * Disk writes that never leave a half-written file at the target, and I/O errors a user can act on.
 *
 * 1. Write the bytes to a fresh temp file in the target's own directory (same file system, so rename is atomic),
 *    flush it (fsync) and close it.
 * 2. Optionally copy the current target to `<target>.bak` (the previous version survives a bad save), itself via a
 *    temp file and rename: a `.bak` that is a symbolic link is replaced, never written through.
 * 3. Rename the temp file over the target, then fsync the directory so the rename itself is durable.
 * 4. On any failure remove the temp file and report a specific `DiskError`; the target is untouched.
 * Folders are made one level at a time (`makeFolders`), so a folder that cannot be made fails at once.
 */
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { ServiceMessage } from '../../src-core/i18n/service-message.js';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fsp, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** The file operations the services use; tests replace single functions (e.g. to simulate a full disk). */
export interface DiskIo {
  /**
   * Reads a whole regular file of at most `maxBytes` (`readFileUpTo`).
   * @throws DiskError for a folder, a FIFO or device, an oversize file, or when it cannot be read
   */
  readFile(filePath: string, maxBytes: number): Promise<Uint8Array>;
  /** Creates `filePath` (failing if it exists), writes all of `bytes`, fsyncs and closes it. */
  writeNewFile(filePath: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  /** Flushes a directory entry table to disk; best effort (not every platform can open a directory). */
  syncDir(dirPath: string): Promise<void>;
}

/** The real disk. */
export const nodeDiskIo: DiskIo = {
  readFile: (filePath, maxBytes) => readFileUpTo(filePath, maxBytes, (why) => diskRefusal(why, 'read', filePath, maxBytes)),
  async writeNewFile(filePath, bytes) {
    const handle = await fsp.open(filePath, 'wx', 0o644);
    try {
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  // EXCL: the copy only ever makes a fresh temp file; a name that exists already (a planted link) is refused.
  copyFile: (from, to) => fsp.copyFile(from, to, fsp.constants.COPYFILE_EXCL),
  unlink: (filePath) => fsp.unlink(filePath),
  async syncDir(dirPath) {
    let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
    try {
      handle = await fsp.open(dirPath, 'r');
      await handle.sync();
    } catch {
      // Windows cannot open directories; the rename is still atomic there, only its durability is weaker.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
};

/** HostError codes a disk failure maps to. */
export type DiskErrorCode = 'not-found' | 'io' | 'forbidden';

/**
 * A disk operation failed; `message` says what happened and what was (not) changed, in English (logs, tests);
 * `uiMessage` says the same as a catalogue message, for the renderer and the CLI to say in the user's language.
 */
export class DiskError extends Error {
  constructor(readonly code: DiskErrorCode, message: string, readonly errno?: string, readonly uiMessage?: ServiceMessage) {
    super(message);
    this.name = 'DiskError';
  }
}

/** The catalogue's codes (`service.action`) of the actions services name in "Could not … <file>". */
const ACTION_CODES: Readonly<Record<string, string>> = {
  save: 'save', create: 'create', open: 'open', read: 'read', delete: 'delete', list: 'list', lock: 'lock',
  'copy the sample to': 'copySample', 'open the sample': 'openSample', 'list the library': 'listLibrary',
  'create the output folder': 'createOutputFolder', 'create the library folder': 'createLibraryFolder',
  'create the workspace folder': 'createWorkspaceFolder', 'save the picture': 'savePicture',
  'save the library item': 'saveLibraryItem', 'remember recent files in': 'rememberRecent', 'autosave in': 'autosaveIn', export: 'export',
};

/** A disk failure's line as a catalogue message: `action` (English, as callers give it) becomes its code. */
function diskMessage(key: MessageKey, action: string, values: Record<string, string | number>): ServiceMessage {
  return { key, values: { action: { key: 'service.action', values: { action: ACTION_CODES[action] ?? 'other' } }, ...values } };
}

/**
 * Turns a Node system error into a DiskError with a message naming the file and the remedy.
 * `action` completes "Could not … <file>", e.g. "save".
 */
export function describeIoError(err: unknown, action: string, filePath: string): DiskError {
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(filePath);
  const say = (key: MessageKey, values: Record<string, string | number>) => diskMessage(key, action, { name, code: errno ?? '', ...values });
  switch (errno) {
    case 'ENOENT': {
      const missingFolder = topMissingFolder(filePath);
      if (missingFolder) return new DiskError('not-found', `Could not ${action} ${name}: the folder ${missingFolder} does not exist.`, errno, say('service.disk.folderMissing', { folder: missingFolder }));
      return new DiskError('not-found', `Could not ${action} ${name}: ${filePath} does not exist.`, errno, say('service.disk.fileMissing', { path: filePath }));
    }
    case 'ENOTDIR':
      return new DiskError('not-found', `Could not ${action} ${name}: a folder in ${filePath} is a file.`, errno, say('service.disk.folderIsFile', { path: filePath }));
    case 'EISDIR':
      return new DiskError('io', `Could not ${action} ${name}: ${filePath} is a folder, not a file.`, errno, say('service.disk.isFolder', { path: filePath }));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DiskError('io', `Could not ${action} ${name}: no write permission for ${path.dirname(filePath)}. Choose another folder or ask for access.`, errno, say('service.disk.noPermission', { folder: path.dirname(filePath) }));
    case 'ENOSPC':
    case 'EDQUOT':
      return new DiskError('io', `Could not ${action} ${name}: the disk is full. Nothing was written over ${filePath}; free some space and try again.`, errno, say('service.disk.full', { path: filePath }));
    case 'EMFILE':
    case 'ENFILE':
      return new DiskError('io', `Could not ${action} ${name}: too many files are open. Close some documents and try again.`, errno, say('service.disk.tooManyFiles', {}));
    default: {
      // The system's own words stay as they are, in parentheses: they are the detail, not the sentence.
      const detail = (err as Error)?.message ?? String(err);
      return new DiskError('io', `Could not ${action} ${name}: ${detail}`, errno, say('service.disk.other', { detail }));
    }
  }
}

/**
 * The outermost folder on the way to `filePath` that does not exist (so "sub/dir/x.folio" with no "sub" names
 * "sub", not the file), or undefined when the file's own folder exists (then the file itself is missing).
 */
function topMissingFolder(filePath: string): string | undefined {
  let missing: string | undefined;
  for (let dir = path.dirname(path.resolve(filePath)); ; dir = path.dirname(dir)) {
    try {
      statSync(dir);
      return missing;
    } catch {
      missing = dir;
    }
    if (path.dirname(dir) === dir) return missing;
  }
}

/**
 * Creates `dirPath` and any missing parents, one level at a time from the deepest folder that exists.
 * Node's `mkdir(…, { recursive: true })` is not used: on Linux it retries for ever where the kernel says
 * ENOENT under a folder that exists (e.g. `/proc/nope`), at full CPU.
 * @param action completes "Could not … <folder>", e.g. "create the output folder"
 * @throws DiskError with the operating system's reason, naming the folder that could not be made
 */
export async function makeFolders(dirPath: string, action = 'create the folder'): Promise<void> {
  const target = path.resolve(dirPath);
  const missing: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    let stat;
    try {
      stat = await fsp.stat(dir);
    } catch (err) {
      const errno = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: a file on the way; walking up finds it and names it.
      if (errno !== 'ENOENT' && errno !== 'ENOTDIR') throw folderError(err, action, dir);
      missing.push(dir);
      if (path.dirname(dir) === dir) throw folderError(err, action, dir);
      continue;
    }
    if (!stat.isDirectory()) throw new DiskError('io', `Could not ${action} ${target}: ${dir} is a file, not a folder.`, 'ENOTDIR', diskMessage('service.disk.pathIsFile', action, { name: target, folder: dir }));
    break;
  }
  for (const dir of missing.reverse()) {
    try {
      await fsp.mkdir(dir);
    } catch (err) {
      // Someone else made it meanwhile: as good as making it.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await fsp.stat(dir).catch(() => undefined))?.isDirectory()) continue;
      throw folderError(err, action, dir);
    }
  }
}

/** A folder could not be made: the OS's own reason (e.g. "no such file or directory"), not a guess. */
function folderError(err: unknown, action: string, dir: string): DiskError {
  const e = err as NodeJS.ErrnoException;
  // Node words it "ENOENT: no such file or directory, mkdir '/proc/nope'": keep the OS's reason only.
  const reason = /^[A-Z0-9]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
  return new DiskError('io', `Could not ${action} ${dir}: ${reason}${e.code ? ` (${e.code})` : ''}.`, e.code, diskMessage('service.disk.folderNotMade', action, { folder: dir, detail: `${reason}${e.code ? ` (${e.code})` : ''}` }));
}

/** Why `readFileUpTo` refused a file before reading it. */
export type ReadRefusal = { kind: 'folder' } | { kind: 'not-a-file' } | { kind: 'too-large'; sizeBytes: number };

/**
 * Flags every read opens a file with. O_NONBLOCK: a named pipe (FIFO) opened for reading otherwise blocks in
 * open() until a writer comes, which may be never, holding one of libuv's four worker threads for good (four such
 * files stop every file operation of the process). On a regular file O_NONBLOCK changes nothing. Windows has no
 * such flag and no such files.
 */
export const READ_OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * What a read makes of an opened file's status: undefined for a regular file within `maxBytes`, else why it is
 * refused (a folder; a FIFO, device or socket, whose "size" says nothing of what a read returns — /dev/zero never
 * ends; a file over the cap). Shared by `readFileUpTo` and the font reader's synchronous open.
 */
export function refusalFor(stat: Stats, maxBytes: number): ReadRefusal | undefined {
  if (stat.isDirectory()) return { kind: 'folder' };
  if (!stat.isFile()) return { kind: 'not-a-file' };
  if (stat.size > maxBytes) return { kind: 'too-large', sizeBytes: stat.size };
  return undefined;
}

/**
 * Reads a whole regular file of at most `maxBytes`: every file Folio reads goes through here (documents, fonts,
 * pictures, profiles, manuscripts, settings). The file is opened without waiting (`READ_OPEN_FLAGS`) and its
 * opened descriptor checked (`refusalFor`), so a name swapped between a check and the read changes nothing; then
 * at most the size it had is read, so a file growing meanwhile cannot make the read unbounded either.
 * @param refuse makes the error for a refusal (each kind of file words it for itself)
 * @throws what `refuse` returns; DiskError when the file cannot be opened or read
 */
export async function readFileUpTo(filePath: string, maxBytes: number, refuse: (why: ReadRefusal) => Error): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof fsp.open>>;
  try {
    handle = await fsp.open(filePath, READ_OPEN_FLAGS);
  } catch (err) {
    throw describeIoError(err, 'read', filePath);
  }
  try {
    let stat: Stats;
    try {
      stat = await handle.stat();
    } catch (err) {
      throw describeIoError(err, 'read', filePath);
    }
    const refusal = refusalFor(stat, maxBytes);
    if (refusal) throw refuse(refusal);
    const bytes = new Uint8Array(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(bytes, offset, bytes.length - offset, offset));
      } catch (err) {
        throw describeIoError(err, 'read', filePath);
      }
      if (bytesRead === 0) break; // the file shrank meanwhile: what is there is the file
      offset += bytesRead;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The refusal of `readFileUpTo` as a DiskError, for reads without words of their own (`DiskIo.readFile`).
 * `action` completes "Could not … <file>", e.g. "open".
 */
export function diskRefusal(why: ReadRefusal, action: string, filePath: string, maxBytes: number): DiskError {
  const name = path.basename(filePath);
  switch (why.kind) {
    case 'folder':
      return new DiskError('io', `Could not ${action} ${name}: ${filePath} is a folder, not a file.`, 'EISDIR', diskMessage('service.disk.isFolder', action, { name, path: filePath }));
    case 'not-a-file':
      return new DiskError('io', `Could not ${action} ${name}: ${filePath} is not an ordinary file (a named pipe, a device or a socket), so Folio does not read it.`, undefined, diskMessage('service.disk.notOrdinary', action, { name, path: filePath }));
    case 'too-large':
      return new DiskError('io', `Could not ${action} ${name}: it is ${formatMegabytes(why.sizeBytes)}, more than the ${formatMegabytes(maxBytes)} such a file can be.`, undefined, diskMessage('service.disk.tooLarge', action, { name, size: formatMegabytes(why.sizeBytes), max: formatMegabytes(maxBytes) }));
  }
}

/** Bytes as megabytes for a message ("12.3 MB"). */
function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Options of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  io?: DiskIo;
  /** Keep the previous target as `<target>.bak` (default false). */
  keepBackup?: boolean;
  /** Verb for error messages ("save", "export"). */
  action?: string;
}

/** The temp file name used for `target`: hidden, in the same directory, unique per write. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(TEMP_RANDOM_BYTES).toString('hex')}.tmp`);
}

/** Random bytes in a temp file's name (`tempPathFor`): 12 hex digits. */
const TEMP_RANDOM_BYTES = 6;
/** A name `tempPathFor` makes: `.<file name>.<12 hex digits>.tmp`. Nothing else is ever swept. */
const TEMP_NAME_PATTERN = new RegExp(`^\\..+\\.[0-9a-f]{${TEMP_RANDOM_BYTES * 2}}\\.tmp$`);
/**
 * Age after which a temp file is a crash's leftover, ms. A write renames its temp file within the time it takes
 * to write the bytes (seconds for the largest document); a minute leaves a slow disk ample room, so a write in
 * progress in another Folio is never swept.
 */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes Folio's own temp files (`tempPathFor` names) older than STALE_TEMP_MS from one folder: what a crash
 * or a kill -9 during a write leaves behind. Only regular files are removed; anything unreadable is left alone.
 * @param nowMs the clock, in ms since 1970 (compared with the files' modification times)
 * @returns the paths removed
 */
export async function sweepStaleTemps(dirPath: string, nowMs: number, io: DiskIo = nodeDiskIo): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dirPath);
  } catch {
    return []; // no folder (yet), or not ours to list: nothing to sweep
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_NAME_PATTERN.test(name)) continue;
    const filePath = path.join(dirPath, name);
    const stat = await fsp.lstat(filePath).catch(() => undefined);
    if (!stat?.isFile() || nowMs - stat.mtimeMs <= STALE_TEMP_MS) continue;
    try {
      await io.unlink(filePath);
      removed.push(filePath);
    } catch {
      // Someone else swept it, or it is not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

/**
 * Copies the current `target` to `<target>.bak` the way documents are written: into a fresh temp file in the same
 * folder, then renamed over the `.bak`. So a `.bak` that is a symbolic link is replaced, never written through (it
 * could point outside the workspace), and a crash mid-copy leaves the old `.bak` or the new one, never half of one.
 * Only a regular file is backed up: a target that is missing (first save) or a link has no previous version here.
 * @throws the file system's error; the temp copy is removed
 */
async function keepBackupOf(target: string, io: DiskIo): Promise<void> {
  let stat;
  try {
    stat = await fsp.lstat(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!stat.isFile()) return;
  const backup = `${target}.bak`;
  const temp = tempPathFor(backup);
  try {
    await io.copyFile(target, temp);
    await io.rename(temp, backup);
  } catch (err) {
    await io.unlink(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * Writes `bytes` to `target` atomically: readers see the old file or the new one, never a mix.
 * @throws DiskError (target untouched, temp file removed)
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const io = options.io ?? nodeDiskIo;
  const action = options.action ?? 'save';
  const temp = tempPathFor(target);
  try {
    await io.writeNewFile(temp, bytes);
  } catch (err) {
    await io.unlink(temp).catch(() => undefined);
    throw describeIoError(err, action, target);
  }
  try {
    if (options.keepBackup) await keepBackupOf(target, io);
    await io.rename(temp, target);
  } catch (err) {
    await io.unlink(temp).catch(() => undefined);
    throw describeIoError(err, action, target);
  }
  await io.syncDir(path.dirname(target));
}
