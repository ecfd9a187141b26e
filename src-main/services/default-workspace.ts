/**
 * The default workspace: a documents folder in the user's home (`~/Folio`), never the app's own checkout.
 *
 * 1. Make `<home>/Folio` (and nothing above it) when it is missing.
 * 2. Copy each shipped sample document (`templates/samples/*.folio`) into it, unless a file of that name is already
 *    there: the user's copy, however edited, is never overwritten.
 * 3. Return the folder; `folio serve` and the desktop app use it when no `--root` / `FOLIO_WORKSPACE` is given.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describeIoError, makeFolders, tempPathFor } from './disk.js';

/** The default workspace's folder name in the home folder: the app's name, as users look for it. */
export const DEFAULT_WORKSPACE_DIR_NAME = 'Folio';

/** What `ensureDefaultWorkspace` needs: the home folder and the shipped samples. */
export interface DefaultWorkspaceOptions {
  /** The user's home folder (absolute; `os.homedir()`, which follows $HOME). */
  homeDir: string;
  /** Folder of the shipped sample documents (`<templates>/samples`); may be missing. */
  samplesDir: string;
}

/**
 * Copies `from` to `to` unless `to` exists, atomically: a hard link of a complete temp copy either takes the name
 * or fails because the name is taken, so a concurrent start or a crash never leaves a half copy under the name.
 * @returns whether the file was copied
 */
async function copyIfAbsent(from: string, to: string): Promise<boolean> {
  const temp = tempPathFor(to);
  try {
    await fsp.copyFile(from, temp);
    await fsp.link(temp, to);
    return true;
  } catch (err) {
    const errno = (err as NodeJS.ErrnoException).code;
    if (errno === 'EEXIST') return false;
    // Some file systems (FAT, exFAT, some network shares) have no hard links: an exclusive copy still never overwrites.
    if (errno === 'EPERM' || errno === 'ENOTSUP' || errno === 'ENOSYS') {
      try {
        await fsp.copyFile(from, to, fsp.constants.COPYFILE_EXCL);
        return true;
      } catch (copyErr) {
        if ((copyErr as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw describeIoError(copyErr, 'copy the sample to', to);
      }
    }
    throw describeIoError(err, 'copy the sample to', to);
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
}

/**
 * Makes sure the default workspace exists and holds the samples.
 * @returns the absolute workspace folder (`<homeDir>/Folio`) and the sample files copied this time (absolute paths)
 * @throws DiskError when the folder cannot be made or a sample cannot be copied
 */
export async function ensureDefaultWorkspace(options: DefaultWorkspaceOptions): Promise<{ root: string; copied: string[] }> {
  const root = path.join(path.resolve(options.homeDir), DEFAULT_WORKSPACE_DIR_NAME);
  await makeFolders(root, 'create the workspace folder');
  let samples: string[];
  try {
    samples = (await fsp.readdir(options.samplesDir)).filter((n) => n.toLowerCase().endsWith('.folio')).sort();
  } catch (err) {
    // No samples shipped (a trimmed install): an empty workspace is still a workspace.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { root, copied: [] };
    throw describeIoError(err, 'list', options.samplesDir);
  }
  const copied: string[] = [];
  for (const name of samples) {
    const target = path.join(root, name);
    if (await copyIfAbsent(path.join(options.samplesDir, name), target)) copied.push(target);
  }
  return { root, copied };
}
