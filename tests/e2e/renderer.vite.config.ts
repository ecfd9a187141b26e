// The renderer part of electron.vite.config.ts as a plain Vite config, so the e2e setup can rebuild just the
// renderer (out/renderer, which browser mode serves) without building Electron's main and preload.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cspMetaPlugin } from '../../src-main/server/csp.js';

export default defineConfig({
  root: resolve('src-renderer'),
  base: './',
  plugins: [svelte(), cspMetaPlugin()],
  logLevel: 'warn',
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
  },
});
