/**
 * Open documents: `.folio` files on disk, their assets in memory, locks, atomic saves and autosave recovery.
 *
 * 1. Open: read the file, unpack (specific FolioFileError on damage), take its lock (or open read-only),
 *    remember its assets under a fresh random handle. If an autosave of that path exists in the recovery
 *    folder, open the autosaved document instead and say so (`recoveredFrom`).
 * 2. Save: pack the document with the handle's assets and write atomically (temp + fsync + rename), keeping the
 *    previous version as `<name>.folio.bak`; a successful save discards the handle's recovery file.
 * 3. Autosave: write the document to a fresh `<recoveryDir>/<handle>.<12 hex>.folio`, then (atomically) the record
 *    `<handle>.json` naming that data file, the original path and the SHA-256 of the saved file the edits were made
 *    on; the previous data file goes last. Record and data change as one: a crash leaves the old pair or the new.
 *    Recovery offers an autosave over its file only while the file still has that content (a save that overtook
 *    the autosave marks the record first, so a crash before the discard drops it); a file changed otherwise gets
 *    the autosave back as an unsaved copy. Records are checked like any file from disk (schema, confined path).
 * 4. Close: release the lock and discard the recovery file (closing is the user's decision about unsaved work).
 * 5. Leases: an editing handle holds its lock only while its window renews a lease (`renewLease`, every
 *    few seconds). A window that goes away releases at once (`release`, like close: the user saved, or
 *    confirmed leaving unsaved changes); one that vanishes without a word (a crash) lets its lease lapse,
 *    and its autosave is recovered by whoever takes the file over. Opening or saving to a file whose
 *    lock this store holds under a lapsed lease takes it over (the opener is told, `tookOver`); a live lease
 *    still means "in use" (`heldHere`), unless the opener asks to take it over (`takeOver`: the user chose to
 *    edit in this window instead). A lock of another process is never taken here (see document-lock.ts).
 * 6. Sessions: each store is a session with a lease file `<id>.session` in the recovery folder (stamped by autosave
 *    and renewLease), and its records name it. A live session's autosaves are its own — a second Folio on the same
 *    folder leaves them alone; those of a session whose lease expired (document-lock.ts `leaseExpired`: its
 *    process dead, or on another host or unreadable and not stamped for LEASE_MS) are anyone's to recover.
 * 7. Temp files a crash left (older than a minute, Folio's own names only) are swept from a folder the first time
 *    the store reads or writes in it: the recovery folder and the folders of documents opened for editing or saved.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { OpenedDocument } from '../../src-core/api/host-api.js';
import type { Asset, FolioDocument } from '../../src-core/model/document.js';
import { MAX_DOCUMENT_JSON_BYTES, MAX_TOTAL_ASSET_BYTES, packFolio, unpackFolio, type FolioContents } from '../../src-core/model/folio-file.js';
import os from 'node:os';
import { DocumentInUseError, LEASE_MS, acquireLock, leaseExpired, readLockOwner, touchLease, type HeldLock, type LockOwner } from './document-lock.js';
import { englishLine, serviceMessage, type ServiceMessage, type ServiceMessageValue } from '../../src-core/i18n/service-message.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { DiskError, describeIoError, makeFolders, nodeDiskIo, readFileUpTo, sweepStaleTemps, writeFileAtomic, type DiskIo } from './disk.js';

/**
 * A request the document store refuses (unknown handle, read-only, wrong extension). `message` is English;
 * `uiMessage`, where given, says it as a catalogue message for the interface language.
 */
export class DocumentError extends Error {
  constructor(readonly code: 'not-found' | 'forbidden' | 'bad-request', message: string, readonly uiMessage?: ServiceMessage) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** A `DocumentError` whose English `message` is the catalogue line `key` says with `values`. */
export function documentError(code: DocumentError['code'], key: MessageKey, values?: Readonly<Record<string, ServiceMessageValue>>): DocumentError {
  const uiMessage = serviceMessage(key, values);
  return new DocumentError(code, englishLine(uiMessage), uiMessage);
}

/**
 * Largest `.folio` file read, bytes: all the assets and the document text a file may hold when unpacked
 * (`unpackFolio`'s caps), plus 1 MB for the archive's own headers and stored (incompressible) blocks. A larger
 * file could only be refused after reading it whole.
 */
export const MAX_FOLIO_FILE_BYTES = MAX_TOTAL_ASSET_BYTES + MAX_DOCUMENT_JSON_BYTES + 1024 * 1024;

/** What the recovery folder knows about one autosave. */
export interface RecoveryMeta {
  handle: string;
  /** The saved file this autosave belongs to, or null for a never-saved document. */
  originalPath: string | null;
  /** ISO time of the autosave. */
  savedAt: string;
  /** Title of the autosaved document, for a "recover?" list. */
  title: string;
  /**
   * The autosave's data file in the recovery folder, named after the handle (`<handle>.<12 hex>.folio`): a fresh
   * name at every autosave, written before the record that names it, so record and data change as one.
   */
  dataFile: string;
  /**
   * SHA-256 (hex) of the saved file the autosaved edits were made on, or null when there is none (never saved,
   * read-only). The autosave is newer than the file on disk only while the file still has this content.
   */
  baseSha256: string | null;
  /** SHA-256 of the file a save of these edits was writing: once the file has it, the autosave is older. */
  supersededBySha256?: string;
  /**
   * The store (session) that wrote the autosave: it belongs to that session while the session's lease
   * (`<session>.session` in the recovery folder) lives, and only then is it anyone else's to recover.
   * Absent in records of Folio before issue 13 (recovered as before).
   */
  session?: string;
}

/** Handles are 16 URL-safe characters (96 random bits), matching the host API's handle schema. */
const HANDLE_BYTES = 12;
/** A handle as `newHandle` makes it: also what a recovery file may be named after. */
const HANDLE_PATTERN = /^[A-Za-z0-9_-]{16}$/;
/** Largest recovery record read, bytes: a record is a handle, a path, a time and a title — a few hundred bytes. */
const MAX_RECOVERY_RECORD_BYTES = 64 * 1024;
/** Longest title kept from a recovery record (it is only shown in a list). */
const MAX_RECOVERY_TITLE_CHARS = 1000;
/** Longest original path accepted in a recovery record (Linux's PATH_MAX). */
const MAX_RECOVERY_PATH_CHARS = 4096;
/** Random bytes in an autosave data file's name: 12 hex digits, fresh at every autosave. */
const DATA_NAME_RANDOM_BYTES = 6;
/** A SHA-256 in hex. */
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Random bytes of a session id: 16 hex digits. */
const SESSION_ID_BYTES = 8;
/** A session id as `createDocumentStore` makes it. */
const SESSION_ID = /^[0-9a-f]{16}$/;
/** Extension of a session's lease file in the recovery folder. */
const SESSION_EXTENSION = '.session';
/**
 * How often a session stamps its lease file at most, ms: a third of LEASE_MS, so two missed heartbeats (a
 * throttled background tab) still leave it alive, as with the document leases.
 */
const SESSION_RENEW_MS = LEASE_MS / 3;

/**
 * A recovery record as read from disk: data like any other file, so checked field by field before it is believed.
 * The original path is checked again against the workspace (`DocumentStoreOptions.confine`).
 */
const RecoveryMetaSchema = z.object({
  handle: z.string().regex(HANDLE_PATTERN),
  originalPath: z.string().min(1).max(MAX_RECOVERY_PATH_CHARS)
    .refine((p) => !p.includes('\0') && path.isAbsolute(p) && path.extname(p).toLowerCase() === '.folio').nullable(),
  savedAt: z.string().datetime(),
  title: z.string().max(MAX_RECOVERY_TITLE_CHARS),
  // Absent in records of Folio before issue 13: then the data file is `<handle>.folio` and the base unknown.
  dataFile: z.string().max(64).optional(),
  baseSha256: z.string().regex(SHA256_HEX).nullable().optional(),
  supersededBySha256: z.string().regex(SHA256_HEX).optional(),
  session: z.string().regex(SESSION_ID).optional(),
});

/** SHA-256 of bytes, hex. */
function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * How an orphaned autosave stands to its file on disk (`fileSha256`, undefined when the file is gone):
 * 'newer' — the file is still what the edits were made on, so the autosave holds the newer work;
 * 'saved' — a save of these edits reached the file (a crash came before the autosave was discarded): it is older;
 * 'diverged' — the file changed otherwise (saved elsewhere, replaced, deleted): the autosave may hold work, but
 * must never be pinned over the file, so it is offered as an unsaved copy.
 */
function standingOf(recovery: RecoveryMeta, fileSha256: string | undefined): 'newer' | 'saved' | 'diverged' {
  if (fileSha256 !== undefined && recovery.supersededBySha256 === fileSha256) return 'saved';
  if (recovery.baseSha256 === null) return 'diverged'; // a record with a path always has a base (see autosave)
  return fileSha256 !== undefined && recovery.baseSha256 === fileSha256 ? 'newer' : 'diverged';
}

/** An autosave found in the recovery folder. */
export interface RecoveryEntry extends RecoveryMeta {
  recoveryPath: string;
}

interface OpenEntry {
  path: string | null;
  readOnly: boolean;
  lock: HeldLock | undefined;
  /** Clock time (ms) of the last open, save or renewal: the lease runs LEASE_MS from it. */
  renewedAtMs: number;
  assets: Map<string, Uint8Array>;
  /** The latest document the client handed us (open, save or autosave): asset ids resolve through it. */
  document: FolioDocument;
  /** SHA-256 of the file as opened or last saved (null: none), the base of the edits autosaved. */
  baseSha256: string | null;
  /** The handle's recovery record on disk, when it has autosaved (or claimed a crashed session's autosave). */
  recovery?: RecoveryMeta;
  /** Clock time (ms) the lock file's heartbeat was last stamped by `renewLease`. */
  lockStampedAtMs?: number;
}

/** Options of `createDocumentStore`. */
export interface DocumentStoreOptions {
  /** Folder for autosave recovery files (created on first autosave). */
  recoveryDir: string;
  clock: () => Date;
  io?: DiskIo;
  /**
   * Confines a path from disk to the workspace, as client paths are (`Workspace.confine`); throws for a path
   * outside it. A recovery record naming a file elsewhere is ignored. Default: every path is accepted.
   */
  confine?: (absolutePath: string) => string;
}

/** The open documents of one services instance. */
export interface DocumentStore {
  /**
   * Opens a `.folio` file (absolute path). `readOnly` skips the lock; `takeOver` takes the hold of another handle
   * of this store on the file even while its lease runs (the user chose to edit here instead).
   * @throws FolioFileError, DiskError, DocumentInUseError (`heldHere` when a handle of this store holds it)
   */
  open(filePath: string, readOnly: boolean, takeOver?: boolean): Promise<OpenedDocument>;
  /** Registers an unsaved document (new from template, sample copy) under a fresh handle. */
  adopt(document: FolioDocument, assets: ReadonlyMap<string, Uint8Array>): OpenedDocument;
  /**
   * Saves the handle's document to its path, or to `targetPath` (absolute, Save As: the lock moves there).
   * @throws DocumentError, DiskError, FolioFileError, DocumentInUseError
   */
  save(handle: string, document: FolioDocument, targetPath?: string): Promise<{ path: string }>;
  /** Writes a recovery copy of the handle's document. @throws DocumentError, DiskError, FolioFileError */
  autosave(handle: string, document: FolioDocument): Promise<{ savedAt: string }>;
  /** Releases the lock and discards the recovery copy. @throws DocumentError for an unknown handle */
  close(handle: string): Promise<void>;
  /** Extends the handle's lease by LEASE_MS from now. @throws DocumentError for an unknown (or taken over) handle */
  renewLease(handle: string): { leaseMs: number };
  /**
   * Forgets a handle whose window is going away (tab closed or reloaded): as `close` (lock released, autosave
   * discarded: the browser asked before leaving unsaved changes), but an unknown handle is already released.
   * Kept out of the autosave recovery on purpose: a closed tab's leftovers must not turn up in the next window.
   */
  release(handle: string): Promise<void>;
  /** The handle's document and assets (for export). @throws DocumentError */
  contents(handle: string): { path: string | null; assets: ReadonlyMap<string, Uint8Array>; document: FolioDocument };
  /** The bytes and type of one asset by asset id. @throws DocumentError */
  asset(handle: string, assetId: string): { bytes: Uint8Array; mime: string };
  /**
   * Adds an asset (placed image or PDF) to the handle's assets; the entry is known to `asset()` at once and is
   * written with the next save/autosave of a document that lists it. Re-adding the same id is a no-op.
   * @throws DocumentError for an unknown handle or a read-only document
   */
  addAsset(handle: string, asset: Asset, bytes: Uint8Array): void;
  /** Autosaves left behind (by a crash) that belong to no open handle, newest first. */
  listRecoveries(): Promise<RecoveryEntry[]>;
  /** Opens an autosave by its handle name as an unsaved document bound to its original path. @throws FolioFileError, DiskError */
  openRecovery(recoveryHandle: string): Promise<OpenedDocument>;
  /** Releases every lock (shutdown). Recovery files stay: they are exactly what a crash leaves. */
  dispose(): Promise<void>;
}

function newHandle(): string {
  return randomBytes(HANDLE_BYTES).toString('base64url');
}

/** Creates the document store. */
export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const io = options.io ?? nodeDiskIo;
  const open = new Map<string, OpenEntry>();
  const dataPath = (dataFile: string): string => path.join(options.recoveryDir, dataFile);
  const newDataFile = (handle: string): string => `${handle}.${randomBytes(DATA_NAME_RANDOM_BYTES).toString('hex')}.folio`;
  const recoveryMetaFile = (handle: string): string => path.join(options.recoveryDir, `${handle}.json`);

  const nowMs = (): number => options.clock().getTime();

  // This store's session: its autosaves are its own while it lives (see RecoveryMeta.session).
  const sessionOwner: LockOwner = { pid: process.pid, host: os.hostname(), since: options.clock().toISOString(), token: randomBytes(SESSION_ID_BYTES).toString('hex') };
  const sessionId = sessionOwner.token;
  const sessionPath = (id: string): string => path.join(options.recoveryDir, `${id}${SESSION_EXTENSION}`);
  let sessionStampedAtMs: number | undefined;
  /**
   * Writes (first time, or when it went missing) or stamps this session's lease file; at most every
   * SESSION_RENEW_MS unless `force`. Called by autosave (forced: a record is about to name the session) and renewLease.
   */
  const heartbeat = async (force: boolean): Promise<void> => {
    if (!force && sessionStampedAtMs !== undefined && nowMs() - sessionStampedAtMs < SESSION_RENEW_MS) return;
    const exists = await fsp.lstat(sessionPath(sessionId)).then((st) => st.isFile(), () => false);
    if (exists) await touchLease(sessionPath(sessionId), options.clock());
    else if (force) {
      await writeFileAtomic(sessionPath(sessionId), new TextEncoder().encode(JSON.stringify(sessionOwner)), { io, action: 'autosave' });
      await touchLease(sessionPath(sessionId), options.clock());
    } else return;
    sessionStampedAtMs = nowMs();
  };
  /** Whether another session's autosaves are free to recover: its lease file is gone, unreadable and old, or its owner dead. */
  const sessionExpired = async (id: string): Promise<boolean> => {
    const file = sessionPath(id);
    return leaseExpired(file, await readLockOwner(file), nowMs());
  };

  const swept = new Set<string>();
  /** Sweeps a crash's leftover temp files from a folder this store writes in, the first time it touches it. */
  const sweepOnce = async (dirPath: string): Promise<void> => {
    if (swept.has(dirPath)) return;
    swept.add(dirPath);
    await sweepStaleTemps(dirPath, nowMs(), io);
  };

  const entryFor = (handle: string): OpenEntry => {
    const entry = open.get(handle);
    if (!entry) throw documentError('not-found', 'service.document.unknownHandle');
    return entry;
  };

  const readBytes = async (filePath: string): Promise<Uint8Array> => {
    try {
      return await io.readFile(filePath, MAX_FOLIO_FILE_BYTES);
    } catch (err) {
      if (err instanceof DiskError) throw err;
      throw describeIoError(err, 'open', filePath);
    }
  };
  const readContents = async (filePath: string): Promise<FolioContents & { sha256: string }> => {
    const bytes = await readBytes(filePath);
    return { ...unpackFolio(bytes), sha256: sha256Of(bytes) };
  };
  /** SHA-256 of a saved file now, or undefined when it cannot be read (gone, replaced by a folder…). */
  const currentSha256 = async (filePath: string): Promise<string | undefined> => {
    try {
      return sha256Of(await readBytes(filePath));
    } catch {
      return undefined;
    }
  };

  /** Writes a recovery record atomically: the last step of an autosave, naming data already on disk. */
  const writeRecord = (meta: RecoveryMeta): Promise<void> =>
    writeFileAtomic(recoveryMetaFile(meta.handle), new TextEncoder().encode(JSON.stringify(meta, null, 1)), { io, action: 'autosave' });

  /**
   * Removes a handle's record, then every data file of that handle (a crash may have left one the record never
   * named). Record first: a crash in between leaves data without a record, which offers nothing.
   */
  const discardRecovery = async (handle: string): Promise<void> => {
    await fsp.unlink(recoveryMetaFile(handle)).catch(() => undefined);
    const names = await fsp.readdir(options.recoveryDir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(`${handle}.`) && name.endsWith('.folio')) await fsp.unlink(dataPath(name)).catch(() => undefined);
    }
  };

  /** A recovery record, or undefined when it is unreadable, malformed or names a file outside the workspace. */
  const readRecoveryMeta = async (metaPath: string): Promise<RecoveryMeta | undefined> => {
    try {
      const bytes = await readFileUpTo(metaPath, MAX_RECOVERY_RECORD_BYTES, () => new Error('not a recovery record'));
      const parsed = RecoveryMetaSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (!parsed.success) return undefined;
      const { dataFile = `${parsed.data.handle}.folio`, baseSha256, ...rest } = parsed.data;
      // The data file must be this handle's own, in the recovery folder (no path, no other handle's autosave).
      if (!new RegExp(`^${rest.handle}(\\.[0-9a-f]{${DATA_NAME_RANDOM_BYTES * 2}})?\\.folio$`).test(dataFile)) return undefined;
      if (rest.originalPath !== null && (options.confine?.(rest.originalPath) ?? rest.originalPath) !== path.resolve(rest.originalPath)) return undefined;
      // An older record has no base: what its edits were made on is unknown, so it is never offered over the file.
      return { ...rest, dataFile, baseSha256: baseSha256 ?? null };
    } catch {
      return undefined; // unreadable, not JSON, or outside the workspace: offers nothing
    }
  };

  const readRecoveryMetas = async (): Promise<RecoveryEntry[]> => {
    await sweepOnce(options.recoveryDir);
    let names: string[];
    try {
      names = await fsp.readdir(options.recoveryDir);
    } catch {
      return [];
    }
    const found: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const meta = await readRecoveryMeta(path.join(options.recoveryDir, name));
      // The record must be named after the handle it claims: no record may speak for another's autosave.
      if (!meta || name !== `${meta.handle}.json`) continue;
      const recoveryPath = dataPath(meta.dataFile);
      if (!(await fsp.lstat(recoveryPath).then((st) => st.isFile(), () => false))) continue; // no autosave: nothing to recover
      found.push({ ...meta, recoveryPath });
    }
    return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  };

  /**
   * Frees `filePath` from a handle of ours whose lease lapsed (its window is gone), or from any handle of ours when
   * `evenLive`: its lock is released and it is forgotten, its autosave kept for recovery.
   * @returns the ISO time the handle was last heard from, or undefined when none was freed
   */
  const takeOverHold = async (filePath: string, evenLive = false): Promise<string | undefined> => {
    for (const [handle, entry] of open) {
      if (entry.path !== filePath || !entry.lock || (!evenLive && nowMs() - entry.renewedAtMs <= LEASE_MS)) continue;
      open.delete(handle);
      await entry.lock.release();
      return new Date(entry.renewedAtMs).toISOString();
    }
    return undefined;
  };

  /** Removes the lease files of other sessions that expired and that no record names any more. */
  const sweepEndedSessions = async (named: ReadonlySet<string | undefined>): Promise<void> => {
    const names = await fsp.readdir(options.recoveryDir).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.slice(0, -SESSION_EXTENSION.length);
      if (!name.endsWith(SESSION_EXTENSION) || !SESSION_ID.test(id) || id === sessionId || named.has(id)) continue;
      if (await sessionExpired(id)) await fsp.unlink(sessionPath(id)).catch(() => undefined);
    }
  };

  /**
   * Autosaves nobody is working on: this session's whose handle is gone (closed over, or taken over), and those of
   * sessions whose lease expired. A live session's autosaves stay its own, even in a second Folio on the folder.
   */
  const orphanRecoveries = async (): Promise<RecoveryEntry[]> => {
    const expired = new Map<string, boolean>();
    const orphans: RecoveryEntry[] = [];
    const recoveries = await readRecoveryMetas();
    await sweepEndedSessions(new Set(recoveries.map((r) => r.session)));
    for (const recovery of recoveries) {
      if (open.has(recovery.handle)) continue;
      const session = recovery.session;
      if (session !== undefined && session !== sessionId) {
        if (!expired.has(session)) expired.set(session, await sessionExpired(session));
        if (!expired.get(session)) continue;
      }
      orphans.push(recovery);
    }
    return orphans;
  };

  /**
   * Moves an orphaned autosave to belong to `handle` (so a second crash keeps it, and close discards it), bound to
   * `originalPath` (null: an unsaved copy). Data moved first, then the new record, then the old record removed: a
   * crash on the way leaves one record naming data that exists, or the old one naming data that is gone (ignored).
   * @returns the new record
   */
  const claimRecovery = async (recovery: RecoveryEntry, handle: string, originalPath: string | null): Promise<RecoveryMeta> => {
    const dataFile = newDataFile(handle);
    await fsp.rename(recovery.recoveryPath, dataPath(dataFile));
    const meta: RecoveryMeta = {
      handle, originalPath, savedAt: recovery.savedAt, title: recovery.title, dataFile,
      baseSha256: originalPath === null ? null : recovery.baseSha256, session: sessionId,
    };
    await heartbeat(true);
    await writeRecord(meta);
    await fsp.unlink(recoveryMetaFile(recovery.handle)).catch(() => undefined);
    return meta;
  };

  const store: DocumentStore = {
    async open(filePath, readOnly, takeOver = false) {
      const contents = await readContents(filePath);
      if (!readOnly) await sweepOnce(path.dirname(filePath));
      let claimed: RecoveryMeta | undefined;
      const tookOver = readOnly ? undefined : await takeOverHold(filePath, takeOver);
      const lock = readOnly ? undefined : await acquireLock(filePath, options.clock).catch((err: unknown) => {
        if (err instanceof DocumentInUseError) {
          // Said so the window may offer to edit here instead: only a hold of this store can be taken over.
          const heldHere = [...open.values()].some((e) => e.path === filePath && e.lock !== undefined);
          throw heldHere ? new DocumentInUseError(filePath, err.owner, true) : err;
        }
        throw describeIoError(err, 'lock', filePath);
      });
      const handle = newHandle();
      let document = contents.document;
      let recoveredFrom: string | undefined;
      let assets = new Map(contents.assets);
      if (!readOnly) {
        // Only the editing opener may take over a crashed session's autosave; a read-only viewer sees the saved file.
        // Only what is newer than the file on disk is offered over it: an autosave a save already overtook is
        // discarded, one whose file changed otherwise stays in the list as an unsaved copy (`openRecovery`).
        const recovery = (await orphanRecoveries()).find((r) => r.originalPath === filePath);
        const standing = recovery && standingOf(recovery, contents.sha256);
        if (recovery && standing === 'saved') await discardRecovery(recovery.handle);
        if (recovery && standing === 'newer') {
          try {
            const recovered = await readContents(recovery.recoveryPath);
            claimed = await claimRecovery(recovery, handle, filePath);
            document = recovered.document;
            assets = new Map([...assets, ...recovered.assets]);
            recoveredFrom = dataPath(claimed.dataFile);
          } catch {
            // A damaged autosave must not stop the saved file from opening.
          }
        }
      }
      open.set(handle, { path: filePath, readOnly, lock, renewedAtMs: nowMs(), assets, document, baseSha256: contents.sha256, ...(claimed ? { recovery: claimed } : {}) });
      const opened: OpenedDocument = { handle, path: filePath, document, readOnly };
      if (recoveredFrom) opened.recoveredFrom = recoveredFrom;
      if (tookOver) opened.tookOver = { lastSeen: tookOver };
      return opened;
    },

    adopt(document, assets) {
      const handle = newHandle();
      open.set(handle, { path: null, readOnly: false, lock: undefined, renewedAtMs: nowMs(), assets: new Map(assets), document, baseSha256: null });
      return { handle, path: null, document, readOnly: false };
    },

    async save(handle, document, targetPath) {
      const entry = entryFor(handle);
      const target = targetPath ?? entry.path;
      if (!target) throw documentError('bad-request', 'service.document.neverSaved');
      if (path.extname(target).toLowerCase() !== '.folio') {
        throw documentError('bad-request', 'service.document.wrongExtension', { name: path.basename(target) });
      }
      if (entry.readOnly && target === entry.path) {
        throw documentError('forbidden', 'service.document.readOnly', { name: path.basename(target) });
      }
      const bytes = packFolio(document, entry.assets);
      await sweepOnce(path.dirname(target));
      let lock = entry.lock;
      const moving = target !== entry.path || !lock;
      if (moving) {
        await takeOverHold(target);
        lock = await acquireLock(target, options.clock).catch((err: unknown) => {
          if (err instanceof DocumentInUseError) throw err;
          throw describeIoError(err, 'save', target);
        });
      }
      const savedSha256 = sha256Of(bytes);
      if (entry.recovery) {
        // Said before the file changes: should the process die between the save and discarding the autosave, the
        // next open sees the file already holds these edits and drops the older autosave (best effort: without
        // the mark the autosave is only offered as an unsaved copy, never over the file).
        const marked: RecoveryMeta = { ...entry.recovery, supersededBySha256: savedSha256 };
        await writeRecord(marked).then(() => (entry.recovery = marked), () => undefined);
      }
      try {
        await writeFileAtomic(target, bytes, { io, keepBackup: true, action: 'save' });
      } catch (err) {
        if (moving) await lock?.release();
        throw err;
      }
      if (moving) {
        await entry.lock?.release();
        entry.lock = lock;
      }
      entry.path = target;
      entry.readOnly = false;
      entry.document = document;
      entry.renewedAtMs = nowMs();
      entry.baseSha256 = savedSha256;
      entry.recovery = undefined;
      await discardRecovery(handle);
      return { path: target };
    },

    async autosave(handle, document) {
      const entry = entryFor(handle);
      const bytes = packFolio(document, entry.assets);
      const savedAt = options.clock().toISOString();
      await makeFolders(options.recoveryDir, 'autosave in');
      // Data first under a fresh name, then the record naming it: a crash between the two leaves the previous
      // record with its previous data, whole; never a record naming data of another moment.
      const dataFile = newDataFile(handle);
      await writeFileAtomic(dataPath(dataFile), bytes, { io, action: 'autosave' });
      // A read-only viewer's edits are recoverable as an unsaved copy, never pinned onto a file it may not write.
      const originalPath = entry.readOnly ? null : entry.path;
      const meta: RecoveryMeta = {
        handle, originalPath, savedAt, title: document.title, dataFile, baseSha256: originalPath === null ? null : entry.baseSha256, session: sessionId,
      };
      try {
        await heartbeat(true);
        await writeRecord(meta);
      } catch (err) {
        await fsp.unlink(dataPath(dataFile)).catch(() => undefined);
        throw err;
      }
      const previous = entry.recovery?.dataFile;
      entry.recovery = meta;
      if (previous && previous !== dataFile) await fsp.unlink(dataPath(previous)).catch(() => undefined);
      entry.document = document;
      return { savedAt };
    },

    async close(handle) {
      const entry = entryFor(handle);
      open.delete(handle);
      await entry.lock?.release();
      await discardRecovery(handle);
    },

    renewLease(handle) {
      const entry = entryFor(handle);
      entry.renewedAtMs = nowMs();
      // The heartbeats other processes see (lock and session files); best effort, a window's renewal never waits.
      if (entry.lock && (entry.lockStampedAtMs === undefined || nowMs() - entry.lockStampedAtMs >= SESSION_RENEW_MS)) {
        entry.lockStampedAtMs = nowMs();
        void entry.lock.renew(options.clock());
      }
      void heartbeat(false).catch(() => undefined);
      return { leaseMs: LEASE_MS };
    },

    async release(handle) {
      if (!open.has(handle)) return;
      await store.close(handle);
    },

    contents(handle) {
      const entry = entryFor(handle);
      return { path: entry.path, assets: entry.assets, document: entry.document };
    },

    asset(handle, assetId) {
      const entry = entryFor(handle);
      const asset = entry.document.assets[assetId] ?? Object.values(entry.document.assets).find((a) => a.id === assetId);
      const bytes = asset ? entry.assets.get(asset.path) : undefined;
      if (!asset || !bytes) throw documentError('not-found', 'service.document.noAsset', { asset: assetId });
      return { bytes, mime: asset.mime };
    },

    addAsset(handle, asset, bytes) {
      const entry = entryFor(handle);
      if (entry.readOnly) throw documentError('forbidden', 'service.document.readOnlyPlace');
      entry.assets.set(asset.path, bytes);
      entry.document = { ...entry.document, assets: { ...entry.document.assets, [asset.id]: asset } };
    },

    listRecoveries: orphanRecoveries,

    async openRecovery(recoveryHandle) {
      const recovery = (await orphanRecoveries()).find((r) => r.handle === recoveryHandle);
      if (!recovery) throw documentError('not-found', 'service.document.noAutosave');
      const contents = await readContents(recovery.recoveryPath);
      let originalPath = recovery.originalPath;
      if (originalPath !== null) {
        const standing = standingOf(recovery, await currentSha256(originalPath));
        if (standing === 'saved') {
          await discardRecovery(recovery.handle);
          throw documentError('not-found', 'service.document.autosaveOlder', { name: path.basename(originalPath) });
        }
        // The file changed since: the recovered text comes back as an unsaved copy, so Save never overwrites it.
        if (standing === 'diverged') originalPath = null;
      }
      const handle = newHandle();
      const claimed = await claimRecovery(recovery, handle, originalPath);
      let lock: HeldLock | undefined;
      let readOnly = false;
      if (originalPath) {
        try {
          lock = await acquireLock(originalPath, options.clock);
        } catch {
          // Someone has the original open again: offer the recovered text read-only, Save As still works.
          readOnly = true;
        }
      }
      open.set(handle, {
        path: originalPath, readOnly, lock, renewedAtMs: nowMs(), assets: new Map(contents.assets), document: contents.document,
        baseSha256: claimed.baseSha256, recovery: claimed,
      });
      return { handle, path: originalPath, document: contents.document, readOnly, recoveredFrom: dataPath(claimed.dataFile) };
    },

    async dispose() {
      for (const entry of open.values()) await entry.lock?.release();
      open.clear();
      // A session that ends leaves its autosaves to the next start, as a crash would.
      await fsp.unlink(sessionPath(sessionId)).catch(() => undefined);
    },
  };
  return store;
}
