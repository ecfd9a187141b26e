/**
 * The workspace: the one directory tree a client (renderer, browser page) may read and write.
 * Every path that arrives from a client goes through `confine` before it touches the disk.
 *
 * 1. Refuse NUL bytes and `..` segments outright (never "normalise them away": a path that tries to climb is hostile).
 * 2. Resolve relative paths against the root; accept absolute paths only when they lie inside the root.
 * 3. Resolve symlinks along the deepest existing ancestor and refuse the path when its real location
 *    leaves the root's real location (a symlink inside the workspace pointing at /etc).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import { englishLine, serviceMessage, type ServiceMessage } from '../../src-core/i18n/service-message.js';

/**
 * A client path was refused because it leaves (or tries to leave) the workspace. `uiMessage` is the line as a
 * catalogue message (`service.workspace.*`), for the interface language; `message` is its English.
 */
export class WorkspaceError extends Error {
  /** Always 'forbidden': the HostError code this maps to. */
  readonly code = 'forbidden' as const;
  readonly uiMessage: ServiceMessage;
  constructor(key: MessageKey, values?: Readonly<Record<string, string>>) {
    const uiMessage = serviceMessage(key, values);
    super(englishLine(uiMessage));
    this.uiMessage = uiMessage;
    this.name = 'WorkspaceError';
  }
}

/** A workspace root and the confinement check for client paths. */
export interface Workspace {
  /** Absolute, symlink-free root directory. */
  readonly root: string;
  /**
   * Resolves a client path (relative to the root, or absolute inside it) to an absolute path inside the root.
   * @throws WorkspaceError when the path is empty, contains NUL or `..`, or resolves outside the root
   */
  confine(clientPath: string): string;
  /** The path relative to the root, with `/` separators ('.' for the root itself). */
  relative(absolutePath: string): string;
}

/**
 * Folders a workspace may hold that are never a newsroom's files: installed packages (when a developer's
 * checkout is the workspace). Dot-names are hidden too (see `isShownInPickers`).
 */
const PICKER_HIDDEN_NAMES: ReadonlySet<string> = new Set(['node_modules']);

/**
 * Whether a directory entry is offered in the file pickers: not hidden (dot-names: locks, temp files, the
 * recovery and settings folders, `.git`) and not a tooling folder such as `node_modules`.
 */
export function isShownInPickers(name: string): boolean {
  return !name.startsWith('.') && !PICKER_HIDDEN_NAMES.has(name);
}

/** Real path of the deepest existing ancestor of `p`, re-joined with the not-yet-existing tail. */
function realpathOfExisting(p: string): string {
  const tail: string[] = [];
  let current = p;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...tail.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      tail.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  // A first segment of exactly `..` climbs out; a name that merely starts with dots (`..draft.folio`) does not.
  const first = rel.split(path.sep, 1)[0];
  return rel === '' || (first !== '..' && !path.isAbsolute(rel));
}

/**
 * Creates the workspace confinement for a root directory (which must exist).
 * @throws RangeError when the root does not exist
 */
export function createWorkspace(rootDir: string): Workspace {
  let root: string;
  try {
    root = realpathSync(path.resolve(rootDir));
  } catch {
    throw new RangeError(`The workspace folder ${rootDir} does not exist.`);
  }
  return {
    root,
    confine(clientPath) {
      if (typeof clientPath !== 'string' || clientPath.length === 0) {
        throw new WorkspaceError('service.workspace.noPath');
      }
      if (clientPath.includes('\0')) {
        throw new WorkspaceError('service.workspace.nul');
      }
      if (clientPath.split(/[\\/]+/).some((segment) => segment === '..')) {
        throw new WorkspaceError('service.workspace.climbs', { path: clientPath });
      }
      const absolute = path.isAbsolute(clientPath) ? path.resolve(clientPath) : path.resolve(root, clientPath);
      if (!isInside(root, absolute)) {
        throw new WorkspaceError('service.workspace.outside', { path: clientPath, root });
      }
      const real = realpathOfExisting(absolute);
      if (!isInside(root, real)) {
        throw new WorkspaceError('service.workspace.symlink', { path: clientPath });
      }
      return absolute;
    },
    relative(absolutePath) {
      const rel = path.relative(root, absolutePath);
      return rel === '' ? '.' : rel.split(path.sep).join('/');
    },
  };
}
