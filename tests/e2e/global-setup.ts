/**
 * Playwright global setup for browser-mode e2e tests.
 *
 * 1. Rebuild the renderer (Vite, renderer only) when any file under src-renderer/ or src-core/ is newer than
 *    out/renderer/index.html — the server serves that folder.
 * 2. Copy the sample document into a fresh temporary workspace (tests save and export there), and a user font
 *    into its fonts folder.
 * 3. Spawn `node bin/folio.cjs serve --port 0 --root <workspace>` and wait for its one URL line.
 * 4. Publish the URL and workspace to the tests (environment) and return the teardown that stops the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** How long the server may take to print its URL (tsx compiles the CLI on first start). */
const SERVER_START_TIMEOUT_MS = 30_000;
/** A Latin-only TrueType font the tests install as a user font (Debian fonts-liberation, installed by .ci/run). */
export const USER_FONT_FILE = '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds the renderer when its sources are newer than out/renderer (also used by the browser bench). */
export function buildRendererIfStale(): void {
  const index = path.join(ROOT, 'out', 'renderer', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtimeMs(path.join(ROOT, 'src-renderer')), newestMtimeMs(path.join(ROOT, 'src-core')));
  if (built >= sources) return;
  const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'tests/e2e/renderer.vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('Building the renderer for the e2e tests failed (see above).');
}

/** A running `folio serve`. */
export interface ServerProcess {
  url: string;
  /** Asks it to stop (SIGTERM) and waits for it to exit. */
  stop: () => Promise<void>;
  /** Kills it the way a crash or power cut does (SIGKILL: no shutdown code runs) and waits for the exit. */
  crash: () => Promise<void>;
}

/**
 * Spawns `folio serve` on a free port over `workspace`; resolves once it prints its tokened URL. Its autosaves go
 * to `<workspace>/.folio-recovery` (`--recovery-dir`), not the user's data folder: the tests leave nothing behind
 * and recovery.spec.ts watches that folder.
 */
export function startServer(workspace: string): Promise<ServerProcess> {
  const args = ['serve', '--port', '0', '--root', workspace, '--recovery-dir', path.join(workspace, '.folio-recovery')];
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'folio.cjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`folio serve printed no URL within ${SERVER_START_TIMEOUT_MS} ms. Output:\n${output}`));
    }, SERVER_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      const end = (signal: NodeJS.Signals) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill(signal);
        });
      resolve({ url: m[1]!, stop: () => end('SIGTERM'), crash: () => end('SIGKILL') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`folio serve exited with code ${code} before printing its URL. Output:\n${output}`));
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildRendererIfStale();
  // Specs write screenshots, renders and SVGs there; a fresh clone has no such folder (it is not committed).
  mkdirSync(path.join(ROOT, 'tests', 'artifacts'), { recursive: true });
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-e2e-'));
  cpSync(path.join(ROOT, 'templates', 'samples', 'deqing-front-2023-07-20.folio'), path.join(workspace, 'deqing-front-2023-07-20.folio'));
  // A user font in the workspace's fonts folder, as a newsroom adds its licensed faces (Debian fonts-liberation).
  mkdirSync(path.join(workspace, 'fonts'));
  cpSync(USER_FONT_FILE, path.join(workspace, 'fonts', path.basename(USER_FONT_FILE)));
  const server = await startServer(workspace);
  process.env.FOLIO_E2E_URL = server.url;
  process.env.FOLIO_E2E_WORKSPACE = workspace;
  return async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  };
}
