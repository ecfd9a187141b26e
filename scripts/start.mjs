#!/usr/bin/env node
// `npm start`: build, then run Folio in Electron when its binary is installed, else in the browser.
//
// 1. `electron-vite build` (main, preload, renderer → out/).
// 2. Detect Electron's binary WITHOUT require('electron') (requiring it may try to download the binary):
//    node_modules/electron/path.txt names the executable under node_modules/electron/dist/.
// 3. Binary present and a display available → launch it on this app. Otherwise print one line saying why and
//    start browser mode (`folio serve`), print its URL and open it in the default browser when there is one.
// Extra arguments go to `folio serve` (e.g. `npm start -- --root ~/paper --port 8080`); without --root the
// workspace is ~/Folio, never this checkout (see src-main/services/default-workspace.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

/** Absolute path of the installed Electron executable, or a reason why there is none. */
function findElectronBinary() {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return { reason: 'node_modules/electron/path.txt is missing' };
  const relative = readFileSync(pathTxt, 'utf8').trim();
  const binary = path.join(pkgDir, 'dist', relative);
  if (!relative || !existsSync(binary)) return { reason: `${path.relative(ROOT, binary)} is missing` };
  return { binary };
}

/** Electron needs a display on Linux; elsewhere there always is one. */
function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build() {
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status === 0) return;
  if (existsSync(path.join(ROOT, 'out', 'renderer', 'index.html')) && existsSync(path.join(ROOT, 'out', 'main', 'index.js'))) {
    console.error('The build failed (see above); starting the previous build in out/ instead.');
    return;
  }
  console.error('The build failed (see above) and there is no previous build to start.');
  process.exit(result.status ?? 1);
}

function openInBrowser(url) {
  const command =
    process.platform === 'darwin' ? ['open', [url]] :
    // rundll32 hands the URL to the default browser without cmd.exe's quoting rules.
    process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] :
    hasDisplay() ? ['xdg-open', [url]] : null;
  if (!command) return;
  try {
    const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // No browser opener installed: the printed URL is enough.
    child.unref();
  } catch {
    // Same: opening a browser is a convenience, never a reason to fail.
  }
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

function startElectron(binary) {
  const child = spawn(binary, [ROOT], { cwd: ROOT, stdio: 'inherit' });
  forwardSignals(child);
}

function startBrowserMode() {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'folio.cjs'), 'serve', ...extraArgs], { cwd: process.cwd(), stdio: ['inherit', 'pipe', 'inherit'] });
  let pending = '';
  let opened = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    pending += chunk.toString();
    const match = /Folio browser mode: (http:\/\/\S+)/.exec(pending);
    if (match) {
      opened = true;
      openInBrowser(match[1]);
    }
  });
  forwardSignals(child);
}

build();
const electron = findElectronBinary();
if (electron.binary && hasDisplay()) {
  startElectron(electron.binary);
} else {
  // Electron 45 fetches its binary only when asked (`install-electron`), and its installer wants Node 22.12+.
  const why = electron.binary ? 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' : `Electron's binary is not installed (${electron.reason}; \`npx install-electron\` on Node 22.12+ fetches it)`;
  console.log(`${why[0].toUpperCase()}${why.slice(1)}, so Folio opens in browser mode instead.`);
  startBrowserMode();
}
