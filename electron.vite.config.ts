import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cspMetaPlugin } from './src-main/server/csp.js';

// One build for three targets. The renderer bundle is also what browser mode serves (out/renderer).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules: bundle it as CommonJS.
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte(), cspMetaPlugin()],
    // fontkit's brotli decoder (WOFF2 only: Folio's fonts are .ttf/.otf) decompresses a 120 KB dictionary when
    // the page loads; the stand-in the CLI uses too says what to install instead.
    resolve: { alias: { 'brotli/decompress.js': resolve('bin/bundle/no-woff2.cjs') } },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
