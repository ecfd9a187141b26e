/**
 * The desktop app itself, driven through Playwright's Electron support. Runs only where Electron's binary is
 * installed (detected like scripts/start.mjs: node_modules/electron/path.txt → dist/<binary>, never by
 * require('electron'), which may try to download it) and a display exists.
 */
import { test, expect, _electron as electron } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function electronBinary(): { binary?: string; reason?: string } {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return { reason: "Electron's binary is not installed (node_modules/electron/path.txt is missing)" };
  const binary = path.join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary)) return { reason: `Electron's binary is not installed (${path.relative(ROOT, binary)} is missing)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display for Electron (DISPLAY/WAYLAND_DISPLAY unset)' };
  return { binary };
}

const found = electronBinary();

test.describe('Electron app', () => {
  test.skip(!found.binary, `Skipped: ${found.reason}.`);

  test('opens one locked-down window titled Folio with the window.folio bridge', async () => {
    if (!existsSync(path.join(ROOT, 'out', 'main', 'index.js')) || !existsSync(path.join(ROOT, 'out', 'preload', 'index.cjs'))) {
      const build = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
      expect(build.status).toBe(0);
    }
    const app = await electron.launch({ executablePath: found.binary!, args: [ROOT], cwd: ROOT, env: { ...process.env, FOLIO_WORKSPACE: ROOT } });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      await expect.poll(() => win.title()).toBe('Folio');
      expect(app.windows()).toHaveLength(1);
      const bridge = await win.evaluate(() => ({
        folio: Object.keys((window as unknown as { folio: Record<string, unknown> }).folio ?? {}).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(bridge.folio).toEqual(expect.arrayContaining(['listTemplates', 'openDocument', 'saveDocument', 'exportPdf', 'onMenuCommand', 'setDirty']));
      expect(bridge.require).toBe('undefined');
      expect(bridge.process).toBe('undefined');
      const templates = await win.evaluate(() => (window as unknown as { folio: { listTemplates(p: object): Promise<{ ok: boolean }> } }).folio.listTemplates({}));
      expect(templates.ok).toBe(true);
      // New windows are denied.
      expect(await win.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      // webPreferences themselves are asserted in tests/unit/main/electron-glue.test.ts.
    } finally {
      await app.close();
    }
  });
});
