/**
 * Advisory lock files: `<name>.folio.lock` beside a document says who has it open for editing.
 *
 * 1. Acquire by creating the lock file exclusively (`wx`) with the owner's pid, host name and time.
 * 2. If it exists, read it: a lock whose lease expired (`leaseExpired`) is taken over — one from this host whose
 *    pid is dead at once; one that cannot be read (empty, half-written, not JSON) or comes from another host
 *    once its file has not been renewed (modification time, `renew`) for LEASE_MS. Any other lock means the
 *    document is in use (the caller may open it read-only instead).
 * 3. Release deletes the lock file only if it still carries our token (never someone else's lock).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import { englishLine, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { readFileUpTo } from './disk.js';

/**
 * How long a window of this Folio keeps its hold on a file without renewing it, in ms (the document store's
 * lease; the host API's LEASE_RENEW_MS is a third of it). 90 s outlasts Chromium's throttling of timers in
 * background tabs (at worst one run a minute), so a tab in the background keeps its file, while a tab closed
 * without a word frees it within 90 s.
 */
export const LEASE_MS = 90_000;

/** Largest lock file read, bytes: a lock is a pid, a host name, a time and a token. */
const MAX_LOCK_FILE_BYTES = 64 * 1024;

/** Contents of a lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Random per-lock token, so release never removes a lock someone else took over. */
  token: string;
}

/**
 * The document is locked by a live owner. `uiMessage` says who holds it as a catalogue message
 * (`service.inUse.*`), for the interface language; `message` is its English. The lock's time stays an ISO
 * timestamp in both: the window shows it in local time (`localiseTimestamps`).
 */
export class DocumentInUseError extends Error {
  /** HostError code this maps to. */
  readonly code = 'in-use' as const;
  readonly uiMessage: ServiceMessage;
  /**
   * @param heldHere the holder is another window of this same services instance (it may be taken over)
   */
  constructor(readonly documentPath: string, readonly owner: LockOwner | undefined, readonly heldHere = false) {
    // The pid as plain digits: the catalogues' number format would group it (12,345).
    const uiMessage: ServiceMessage = !owner
      ? { key: 'service.inUse.unreadable', values: { path: documentPath } }
      : owner.pid === process.pid && owner.host === os.hostname()
        ? { key: 'service.inUse.here', values: { path: documentPath, pid: String(owner.pid), since: owner.since, leaseS: String(LEASE_MS / 1000) } }
        : { key: 'service.inUse.elsewhere', values: { path: documentPath, pid: String(owner.pid), host: owner.host, since: owner.since } };
    super(englishLine(uiMessage));
    this.uiMessage = uiMessage;
    this.name = 'DocumentInUseError';
  }
}

/** A lock we hold. */
export interface HeldLock {
  readonly lockPath: string;
  readonly owner: LockOwner;
  /**
   * Renews the lease: stamps the lock file's modification time with `now`, if the lock is still ours (what other
   * hosts, which cannot see our pid, go by). Never throws.
   */
  renew(now: Date): Promise<void>;
  /** Removes the lock file if it is still ours. Never throws. */
  release(): Promise<void>;
}

/** The lock file path for a document path. */
export function lockPathFor(documentPath: string): string {
  return `${documentPath}.lock`;
}

/** True when a process with this pid exists on this machine. */
function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user — alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The owner a lock (or session) file names, or undefined when it cannot be read or is not one (empty,
 * half-written, not JSON, not an ordinary file).
 */
export async function readLockOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const bytes = await readFileUpTo(lockPath, MAX_LOCK_FILE_BYTES, () => new Error('not a lock file'));
    const json = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LockOwner>;
    if (typeof json.pid === 'number' && typeof json.host === 'string' && typeof json.since === 'string') {
      return { pid: json.pid, host: json.host, since: json.since, token: String(json.token ?? '') };
    }
  } catch {
    // Unreadable or half-written lock: treated as held by an unknown owner below.
  }
  return undefined;
}

/**
 * Whether the lease a lock or session file grants has expired, as of `nowMs` (ms since 1970). An owner on this
 * host holds it exactly as long as its process lives. Anyone else — a file that names no readable owner, or an
 * owner on another host whose pid means nothing here — holds it while the file's modification time (the heartbeat,
 * `HeldLock.renew`) is within LEASE_MS; a file that is gone has no holder.
 */
export async function leaseExpired(filePath: string, owner: LockOwner | undefined, nowMs: number): Promise<boolean> {
  if (owner && owner.host === os.hostname()) return !isProcessAlive(owner.pid);
  const stat = await fsp.lstat(filePath).catch(() => undefined);
  return !stat || nowMs - stat.mtimeMs > LEASE_MS;
}

/** Stamps a lease file's modification time (its heartbeat) with `now`. Never throws. */
export async function touchLease(filePath: string, now: Date): Promise<void> {
  await fsp.utimes(filePath, now, now).catch(() => undefined);
}

/** Tries to take a stale lock over at most this many times (another process may race us for it). */
const MAX_TAKEOVER_ATTEMPTS = 3;

/**
 * Takes the lock for `documentPath`.
 * @param now the clock, for the `since` stamp
 * @throws DocumentInUseError when a live owner holds it; a Node error when the lock cannot be written
 */
export async function acquireLock(documentPath: string, now: () => Date): Promise<HeldLock> {
  const lockPath = lockPathFor(documentPath);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: now().toISOString(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < MAX_TAKEOVER_ATTEMPTS; attempt++) {
    try {
      await fsp.writeFile(lockPath, JSON.stringify(owner), { flag: 'wx' });
      await touchLease(lockPath, now()); // the heartbeat runs on the same clock that judges it
      return {
        lockPath,
        owner,
        async renew(at) {
          if ((await readLockOwner(lockPath))?.token === owner.token) await touchLease(lockPath, at);
        },
        async release() {
          const current = await readLockOwner(lockPath);
          if (current?.token === owner.token) await fsp.unlink(lockPath).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const existing = await readLockOwner(lockPath);
    if (!(await leaseExpired(lockPath, existing, now().getTime()))) throw new DocumentInUseError(documentPath, existing);
    await fsp.unlink(lockPath).catch(() => undefined);
  }
  throw new DocumentInUseError(documentPath, await readLockOwner(lockPath));
}
