// End-to-end tests in browser mode with Debian's Chromium. The global setup (re)builds the renderer when its
// sources are newer than out/renderer, starts `folio serve` on a temporary workspace holding a copy of the
// sample, and hands the tests the URL with the session token (FOLIO_E2E_URL).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  // Electron's own spec runs only where the Electron binary exists; it manages itself.
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    // The interface follows the browser's languages (Chinese by default); the suite addresses controls by their
    // English names, so it runs in English. i18n.spec.ts opens the app in zh-CN.
    locale: 'en-US',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
