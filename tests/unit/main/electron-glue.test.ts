/**
 * The Electron glue (src-main/index.ts, ipc/handle.ts, preload/index.ts) driven against a recording fake of
 * the `electron` module: the real package is never loaded (it may try to download its binary), so these run
 * in plain Node and check what the app asks Electron to do.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  const appListeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const windows: { options: Record<string, unknown>; events: Map<string, (...args: unknown[]) => unknown>; loaded: string[]; sent: unknown[][]; closed: number; webContents: unknown }[] = [];
  const exposed: Record<string, unknown> = {};
  const rendererListeners = new Map<string, (...args: unknown[]) => unknown>();
  const invoked: unknown[][] = [];
  const sentFromRenderer: unknown[][] = [];
  const sessionHooks: Record<string, (...args: unknown[]) => unknown> = {};
  const dialogCalls: unknown[][] = [];
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  return { handlers, listeners, appListeners, windows, exposed, rendererListeners, invoked, sentFromRenderer, sessionHooks, dialogCalls, ready, readyResolve: () => readyResolve(), sandboxed: { value: false }, menu: { template: undefined as unknown }, systemLocale: { value: 'en-US' } };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    readonly webContents: Record<string, unknown>;
    readonly record;
    constructor(options: Record<string, unknown>) {
      const events = new Map<string, Listener>();
      const sent: unknown[][] = [];
      const mainFrame = { url: '' };
      this.webContents = { send: (...args: unknown[]) => sent.push(args), mainFrame };
      this.record = { options, events, loaded: [] as string[], sent, closed: 0, webContents: this.webContents };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    static getAllWindows() {
      return BrowserWindow.all;
    }
    static getFocusedWindow() {
      return BrowserWindow.all[0];
    }
    static fromWebContents(contents: unknown) {
      return BrowserWindow.all.find((w) => w.webContents === contents);
    }
    once(event: string, fn: Listener) {
      this.record.events.set(`once:${event}`, fn);
    }
    on(event: string, fn: Listener) {
      this.record.events.set(event, fn);
    }
    loadFile(file: string) {
      this.record.loaded.push(file);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    close() {
      this.record.closed++;
    }
  }
  const app = {
    isPackaged: false,
    getLocale: () => fake.systemLocale.value,
    getAppPath: () => REPO_ROOT,
    getPath: () => '/nonexistent-user-data',
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {
      fake.sandboxed.value = true;
    },
    on: (event: string, fn: Listener) => fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), fn]),
    once: (event: string, fn: Listener) => fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), fn]),
    whenReady: () => fake.ready,
    quit: () => undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (fake.sessionHooks.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (fake.sessionHooks.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (fn: Listener) => (fake.sessionHooks.beforeRequest = fn),
        onHeadersReceived: (fn: Listener) => (fake.sessionHooks.headersReceived = fn),
      },
    },
  };
  return {
    app,
    BrowserWindow,
    session,
    dialog: {
      showErrorBox: (...args: unknown[]) => fake.dialogCalls.push(['error', ...args]),
      showMessageBox: (...args: unknown[]) => {
        fake.dialogCalls.push(['message', ...args]);
        return Promise.resolve({ response: 2 });
      },
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (t: unknown) => (fake.menu.template = t) },
    ipcMain: {
      handle: (channel: string, fn: Listener) => fake.handlers.set(channel, fn),
      on: (channel: string, fn: Listener) => fake.listeners.set(channel, fn),
      removeHandler: (channel: string) => fake.handlers.delete(channel),
      removeListener: (channel: string) => fake.listeners.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (fake.exposed[key] = value) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        fake.invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      send: (...args: unknown[]) => fake.sentFromRenderer.push(args),
      on: (channel: string, fn: Listener) => fake.rendererListeners.set(channel, fn),
      removeListener: (channel: string) => fake.rendererListeners.delete(channel),
    },
  };
});

// index.ts computes its paths from its own location (src-main/ when run from source).
const RENDERER_URL = pathToFileURL(path.join(REPO_ROOT, 'renderer', 'index.html')).href;
let ws: { dir: string; cleanup: () => void };

beforeAll(async () => {
  ws = tempDir('folio-electron-');
  process.env.FOLIO_WORKSPACE = ws.dir;
  await import('../../../src-main/index.js');
  fake.readyResolve();
  await fake.ready;
  await new Promise((r) => setTimeout(r, 50));
});
afterAll(() => {
  delete process.env.FOLIO_WORKSPACE;
  ws.cleanup();
});

function eventFrom(url: string, opts: { subFrame?: boolean } = {}) {
  const win = fake.windows[0];
  const contents = win.webContents as { mainFrame: { url: string } };
  contents.mainFrame.url = url;
  const senderFrame = opts.subFrame ? { url } : contents.mainFrame;
  return { sender: contents, senderFrame };
}

describe('Electron main process (against a fake electron module)', () => {
  it('sandboxes renderers and opens one window with locked-down webPreferences', () => {
    expect(fake.sandboxed.value).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.windows[0].options.title).toBe('Folio');
    expect(fake.windows[0].loaded[0]).toMatch(/renderer[\\/]index\.html$/);
  });

  it('registers exactly the host and shell channels and the setDirty and setUiLocale listeners', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(
      ['autosave', 'cancelExport', 'chooseOpenPath', 'chooseSavePath', 'closeDocument', 'deleteLibraryItem', 'exportPdf', 'exportStatus', 'importAsset', 'listFiles', 'listFonts', 'listLibrary', 'listRecent', 'listTemplates', 'loadAsset', 'loadExportedFile', 'loadFont', 'newFromTemplate', 'openDocument', 'openSample', 'readManuscript', 'releaseDocument', 'renewLease', 'saveDocument', 'saveLibraryItem', 'startExport'].map((n) => `folio:${n}`),
    );
    expect([...fake.listeners.keys()].sort()).toEqual(['folio:setDirty', 'folio:setUiLocale']);
  });

  it('answers our renderer, and refuses sub-frames, foreign pages and invalid payloads as data', async () => {
    const listTemplates = fake.handlers.get('folio:listTemplates')!;
    const good = (await listTemplates(eventFrom(RENDERER_URL), {})) as { ok: boolean; value: { id: string }[] };
    expect(good.ok).toBe(true);
    expect(good.value.map((t) => t.id)).toContain('broadsheet-front');
    expect(await listTemplates(eventFrom(RENDERER_URL, { subFrame: true }), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await listTemplates(eventFrom('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const open = fake.handlers.get('folio:openDocument')!;
    expect(await open(eventFrom(RENDERER_URL), { path: 42 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await open(eventFrom(RENDERER_URL), { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('asks before closing a window with unsaved changes, and only then', async () => {
    const win = fake.windows[0];
    const close = win.events.get('close')!;
    let prevented = 0;
    close({ preventDefault: () => prevented++ });
    expect(prevented).toBe(0);
    fake.listeners.get('folio:setDirty')!(eventFrom(RENDERER_URL), { dirty: true });
    close({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    expect(fake.dialogCalls.some((c) => c[0] === 'message')).toBe(true);
    // A foreign page cannot mark the window clean.
    fake.listeners.get('folio:setDirty')!(eventFrom('https://evil.example/'), { dirty: false });
    close({ preventDefault: () => prevented++ });
    expect(prevented).toBe(2);
  });

  it('denies new windows, foreign navigation, webviews, permissions and remote requests; sets the CSP', () => {
    const created = fake.appListeners.get('web-contents-created')![0];
    const events = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    created({}, { setWindowOpenHandler: (fn: Listener) => (openHandler = fn), on: (e: string, fn: Listener) => events.set(e, fn) });
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let blocked = 0;
    events.get('will-navigate')!({ preventDefault: () => blocked++ }, 'https://evil.example/');
    events.get('will-navigate')!({ preventDefault: () => blocked++ }, RENDERER_URL);
    events.get('will-redirect')!({ preventDefault: () => blocked++ }, 'file:///etc/passwd');
    events.get('will-attach-webview')!({ preventDefault: () => blocked++ });
    expect(blocked).toBe(3);
    let granted: unknown;
    fake.sessionHooks.permissionRequest({}, 'media', (g: unknown) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.sessionHooks.permissionCheck()).toBe(false);
    const decide = (url: string) => {
      let cancel: unknown;
      fake.sessionHooks.beforeRequest({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.example.com/x.js')).toBe(true);
    expect(decide(RENDERER_URL)).toBe(false);
    let headers: Record<string, string[]> = {};
    fake.sessionHooks.headersReceived({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });

  it('sends menu commands to the renderer', () => {
    const template = fake.menu.template as { label?: string; submenu: { label?: string; click?: () => void }[] }[];
    const file = template.find((m) => m.label === '&File')!;
    file.submenu.find((i) => i.label === 'Export PDF…')!.click!();
    expect(fake.windows[0].sent.at(-1)).toEqual(['menu:command', 'export-pdf']);
    const view = template.find((m) => m.label === '&View')!;
    expect(view.submenu.map((i) => i.label).filter(Boolean)).toEqual(['Zoom In', 'Zoom Out', 'Fit Page', 'Go to Page…', 'Show Grid', 'Toggle Developer Tools']);
    // Go to page (Ctrl+G) is in the menu too, not only on the keyboard.
    const goTo = view.submenu.find((i) => i.label === 'Go to Page…') as { accelerator?: string; click?: () => void };
    expect(goTo.accelerator).toBe('CmdOrCtrl+G');
    goTo.click!();
    expect(fake.windows[0].sent.at(-1)).toEqual(['menu:command', 'go-to-page']);
  });

  it('speaks the system’s language: Chinese on a Chinese system, and whatever language it is told', async () => {
    const { installApplicationMenu } = await import('../../../src-main/ipc/menu.js');
    type Template = { label?: string; submenu: { label?: string; role?: string; click?: () => void }[] }[];
    const sent: string[] = [];
    fake.systemLocale.value = 'zh-CN';
    installApplicationMenu((command) => sent.push(command), { devTools: false });
    const chinese = fake.menu.template as Template;
    expect(chinese.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    chinese[0].submenu.find((i) => i.label === '导出 PDF…')!.click!();
    expect(sent).toEqual(['export-pdf']);
    expect(chinese[1].submenu.find((i) => i.role === 'paste')?.label).toBe('粘贴');
    chinese[2].submenu.find((i) => i.label === '转到版面…')!.click!();
    expect(sent).toEqual(['export-pdf', 'go-to-page']);
    installApplicationMenu(() => undefined, { devTools: false, locale: 'en' });
    expect((fake.menu.template as Template).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    fake.systemLocale.value = 'en-US';
  });

  it('rebuilds the menu in the language the window switches to, and refuses anything but a known language from our page', () => {
    type Template = { label?: string }[];
    const labels = () => (fake.menu.template as Template).map((m) => m.label);
    installEnglish();
    const setUiLocale = fake.listeners.get('folio:setUiLocale')!;
    setUiLocale(eventFrom(RENDERER_URL), { locale: 'zh-CN' });
    expect(labels()).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    // Refused: a language Folio does not speak, a wrong shape, a foreign page. The menu stays Chinese.
    for (const payload of [{ locale: 'fr' }, { locale: 42 }, {}, { locale: 'en', extra: 1 }, 'en']) {
      setUiLocale(eventFrom(RENDERER_URL), payload);
      expect(labels()).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    }
    setUiLocale(eventFrom('https://evil.example/'), { locale: 'en' });
    setUiLocale(eventFrom(RENDERER_URL, { subFrame: true }), { locale: 'en' });
    expect(labels()[0]).toBe('文件(&F)');
    setUiLocale(eventFrom(RENDERER_URL), { locale: 'en' });
    expect(labels()).toEqual(['&File', '&Edit', '&View', '&Help']);
    // Its commands still reach the window.
    const file = (fake.menu.template as { label?: string; submenu: { label?: string; click?: () => void }[] }[])[0];
    file.submenu.find((i) => i.label === 'Save')!.click!();
    expect(fake.windows[0].sent.at(-1)).toEqual(['menu:command', 'save']);
  });
});

/** Puts the menu back to English through the channel's own path (an earlier test may have left it Chinese). */
function installEnglish(): void {
  fake.listeners.get('folio:setUiLocale')!(eventFrom(RENDERER_URL), { locale: 'en' });
}

describe('preload bridge (against a fake electron module)', () => {
  it('exposes one frozen window.folio with one function per channel and no ipcRenderer', async () => {
    await import('../../../src-main/preload/index.js');
    const folio = fake.exposed.folio as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(fake.exposed)).toEqual(['folio']);
    expect(Object.isFrozen(folio)).toBe(true);
    expect(Object.keys(folio)).toContain('exportPdf');
    expect(Object.keys(folio)).not.toContain('ipcRenderer');
    for (const value of Object.values(folio)) expect(typeof value).toBe('function');
    await folio.openDocument({ path: 'a.folio' });
    expect(fake.invoked.at(-1)).toEqual(['folio:openDocument', { path: 'a.folio' }]);
    folio.setDirty('yes');
    expect(fake.sentFromRenderer.at(-1)).toEqual(['folio:setDirty', { dirty: false }]);
    folio.setUiLocale('zh-CN');
    expect(fake.sentFromRenderer.at(-1)).toEqual(['folio:setUiLocale', { locale: 'zh-CN' }]);
    folio.setUiLocale({ toString: () => 'en' });
    expect(fake.sentFromRenderer.at(-1)).toEqual(['folio:setUiLocale', { locale: null }]);
    const seen: unknown[] = [];
    const off = folio.onMenuCommand((...args: unknown[]) => seen.push(args)) as () => void;
    const deliver = fake.rendererListeners.get('menu:command')!;
    deliver({ sender: 'secret' }, 'save');
    deliver({ sender: 'secret' }, 'rm -rf');
    expect(seen).toEqual([['save']]);
    off();
    expect(fake.rendererListeners.has('menu:command')).toBe(false);
  });
});
