/**
 * Where Folio keeps what is the user's and not the workspace's: the autosave recovery folder of browser mode
 * (`folio serve`). The desktop app uses Electron's own user-data folder instead.
 *
 * 1. The user's data folder for Folio, by platform: `$XDG_DATA_HOME/folio` (default `~/.local/share/folio`) on
 *    Linux and other Unixes, `~/Library/Application Support/Folio` on macOS, `%LOCALAPPDATA%\Folio` on Windows.
 * 2. Recovery files go to `recovery/<hash of the workspace root>` in it: one folder per workspace, outside it, so a
 *    colleague with write access to a shared workspace can neither plant nor read autosaves there.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Hex digits of the workspace root's SHA-256 in its recovery folder's name: 64 bits, one folder per workspace. */
const ROOT_HASH_CHARS = 16;

/** The environment `userDataDir` reads (injected: tests pass their own). */
export interface AppDataEnv {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
}

/** Folio's folder for the user's own data (see the module summary); not created here. */
export function userDataDir({ env, homeDir, platform }: AppDataEnv): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(homeDir, 'AppData', 'Local'), 'Folio');
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'Folio');
  // The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(homeDir, '.local', 'share');
  return path.join(xdg, 'folio');
}

/**
 * The autosave recovery folder of one workspace: `<userDataDir>/recovery/<first 16 hex of SHA-256(root)>`.
 * @param workspaceRoot the workspace's absolute, symlink-free root (`Workspace.root`), so one folder reached by two
 *   paths shares its recovery folder
 */
export function recoveryDirFor(workspaceRoot: string, appData: AppDataEnv): string {
  const hash = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, ROOT_HASH_CHARS);
  return path.join(userDataDir(appData), 'recovery', hash);
}
