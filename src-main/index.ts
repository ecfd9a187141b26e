/**
 * The Electron main process: one locked-down window over the built renderer, the application menu, native
 * dialogs, and the host API over IPC backed by the same services as browser mode and the CLI.
 *
 * 1. Before ready: sandbox every renderer, hold the single-instance lock.
 * 2. On ready: deny all permission requests, cancel remote requests, add the CSP to every response, create
 *    the services (workspace = $FOLIO_WORKSPACE, else ~/Folio made with the samples) and register the IPC handlers through the
 *    one validating wrapper (ipc/handle.ts).
 * 3. Every web contents: no new windows, no navigation away from the renderer, no <webview>.
 * 4. Closing a window with unsaved changes (reported by the renderer via setDirty) asks first.
 */
import { BrowserWindow, app, dialog, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HostPayloadSchemas, type HostResult } from '../src-core/api/host-api.js';
import { HOST_CHANNEL_NAMES, MENU_COMMAND_CHANNEL, SET_DIRTY_CHANNEL, SET_UI_LOCALE_CHANNEL, type MenuCommand } from './ipc/channels.js';
import { createRendererTrust } from './ipc/guard.js';
import { createIpcRegistry } from './ipc/handle.js';
import { installApplicationMenu } from './ipc/menu.js';
import { createMenuLanguage } from './ipc/menu-language.js';
import { SetDirtySchema, SetUiLocaleSchema, ShellPayloadSchemas } from './ipc/shell-schemas.js';
import { CONTENT_SECURITY_POLICY } from './server/csp.js';
import { ensureDefaultWorkspace } from './services/default-workspace.js';
import { createServices, type HostHandlers } from './services/services.js';

/** Window title (the renderer's <title> replaces it once loaded; the e2e test checks it). */
const WINDOW_TITLE = 'Folio';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Built preload (electron-vite bundles it as CommonJS next to the main bundle). */
const PRELOAD_PATH = path.join(here, '../preload/index.cjs');
/** Built renderer entry. */
const RENDERER_INDEX = path.join(here, '../renderer/index.html');
/** electron-vite's dev server, set only by `electron-vite dev`. */
const DEV_SERVER_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

const isTrustedUrl = createRendererTrust({ indexHtmlPath: RENDERER_INDEX, devServerUrl: DEV_SERVER_URL });

/** True for requests to the dev server, including its hot-reload WebSocket (development only). */
function isDevServerUrl(url: string): boolean {
  if (DEV_SERVER_URL === undefined) return false;
  const dev = new URL(DEV_SERVER_URL);
  return url.startsWith(dev.origin) || url.startsWith(`ws://${dev.host}`);
}

/** Folder holding templates/ (the app root in development; resources when packaged). */
function resourcesRoot(): string {
  return app.isPackaged ? process.resourcesPath : app.getAppPath();
}

/** Unsaved-changes state per window, as last reported by its renderer. */
const dirtyWindows = new WeakMap<WebContents, boolean>();
/** Windows whose close the user already confirmed (or whose renderer is clean after "Save"). */
const closeConfirmed = new WeakSet<BrowserWindow>();
/** Windows waiting for a save to finish before closing. */
const closeAfterSave = new WeakSet<BrowserWindow>();

function sendMenuCommand(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function lockDownWebContents(contents: WebContents): void {
  // Folio never opens windows or follows links: the editor has no reason to show anything but itself.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // No remote content: only our files, the dev server, and in-page data/blob URLs.
    const url = details.url;
    const local = url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:') || url.startsWith('chrome-extension:');
    callback({ cancel: !(local || isDevServerUrl(url)) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1440,
    height: 960,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f3f1ec',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (closeConfirmed.has(win) || !dirtyWindows.get(win.webContents)) return;
    event.preventDefault();
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        message: 'Save changes to this document before closing?',
        detail: 'Your changes will be lost if you don’t save them. (An autosave copy is kept until you close.)',
      })
      .then(({ response }) => {
        if (response === 0) {
          closeAfterSave.add(win);
          win.webContents.send(MENU_COMMAND_CHANNEL, 'save' satisfies MenuCommand);
        } else if (response === 1) {
          closeConfirmed.add(win);
          win.close();
        }
      });
  });
  if (DEV_SERVER_URL) {
    void win.loadURL(DEV_SERVER_URL);
  } else {
    void win.loadFile(RENDERER_INDEX);
  }
  return win;
}

/** The application menu speaks the renderer's interface language once the renderer says which (its switcher). */
const menuLanguage = createMenuLanguage((locale) => installApplicationMenu(sendMenuCommand, { devTools: !app.isPackaged, locale }));

function registerIpc(services: HostHandlers, workspaceRoot: string): void {
  const ipc = createIpcRegistry(isTrustedUrl);
  for (const name of HOST_CHANNEL_NAMES) {
    const handler = services[name] as (payload: unknown) => Promise<HostResult<unknown>>;
    ipc.handle(name, HostPayloadSchemas[name], (payload) => handler(payload));
  }
  ipc.handle('chooseOpenPath', ShellPayloadSchemas.chooseOpenPath, async (_payload, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: 'Open Folio document',
      defaultPath: workspaceRoot,
      properties: ['openFile'],
      filters: [{ name: 'Folio documents', extensions: ['folio'] }],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return { ok: true, value: { path: picked.canceled ? null : (picked.filePaths[0] ?? null) } };
  });
  ipc.handle('chooseSavePath', ShellPayloadSchemas.chooseSavePath, async ({ kind, defaultName }, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (kind === 'dir') {
      const options: Electron.OpenDialogOptions = { title: 'Export PDF to folder', defaultPath: workspaceRoot, properties: ['openDirectory', 'createDirectory'] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return { ok: true, value: { path: picked.canceled ? null : (picked.filePaths[0] ?? null) } };
    }
    const extension = kind === 'pdf' ? 'pdf' : 'folio';
    const options: Electron.SaveDialogOptions = {
      title: kind === 'pdf' ? 'Export PDF' : 'Save Folio document',
      // Only the file name is taken from the page; the folder is always the workspace.
      defaultPath: path.join(workspaceRoot, path.basename(defaultName ?? `untitled.${extension}`)),
      filters: [{ name: kind === 'pdf' ? 'PDF' : 'Folio documents', extensions: [extension] }],
    };
    const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return { ok: true, value: { path: picked.canceled || !picked.filePath ? null : picked.filePath } };
  });
  ipc.on(SET_DIRTY_CHANNEL, SetDirtySchema, ({ dirty }, event) => {
    dirtyWindows.set(event.sender, dirty);
    const win = BrowserWindow.fromWebContents(event.sender);
    if (win && !dirty && closeAfterSave.has(win)) {
      closeConfirmed.add(win);
      win.close();
    }
  });
  ipc.on(SET_UI_LOCALE_CHANNEL, SetUiLocaleSchema, ({ locale }) => menuLanguage.set(locale));
  app.once('will-quit', () => ipc.dispose());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));

  void app.whenReady().then(async () => {
    lockDownSession();
    let workspaceRoot: string;
    if (process.env.FOLIO_WORKSPACE) {
      workspaceRoot = path.resolve(process.env.FOLIO_WORKSPACE);
    } else {
      try {
        workspaceRoot = (await ensureDefaultWorkspace({ homeDir: os.homedir(), samplesDir: path.join(resourcesRoot(), 'templates', 'samples') })).root;
      } catch (err) {
        dialog.showErrorBox('Folio cannot start', `${(err as Error).message} Set FOLIO_WORKSPACE to a folder you can write.`);
        app.quit();
        return;
      }
    }
    const services = createServices({
      workspaceRoot,
      templatesDir: path.join(resourcesRoot(), 'templates'),
      fontsDirs: [path.join(app.getPath('userData'), 'fonts'), path.join(workspaceRoot, 'fonts')],
      clock: () => new Date(),
      // Autosaves belong to the app, not to the user's home folder.
      recoveryDir: path.join(app.getPath('userData'), 'recovery'),
    });
    registerIpc(services, workspaceRoot);
    installApplicationMenu(sendMenuCommand, { devTools: !app.isPackaged });
    if (!existsSync(RENDERER_INDEX) && !DEV_SERVER_URL) {
      dialog.showErrorBox('Folio is not built', `The editor files are missing (${RENDERER_INDEX}). Run "npm run build".`);
    }
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    app.on('before-quit', () => {
      void services.dispose();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
