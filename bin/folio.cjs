#!/usr/bin/env node
// The `folio` command: runs src-main/cli.ts without a build step, quickly.
//
// 1. Fast path: a single-file CommonJS bundle of the CLI cached in node_modules/.cache/folio-cli/, keyed by the
//    paths, sizes and mtimes of the sources it is built from (src-main, src-core, bin, package manifests), run with
//    a V8 code cache beside it. One file parses far faster than hundreds of modules through a TypeScript
//    loader, and the code cache spares most of the compiling.
// 2. Cache miss: bundle with esbuild (already installed as tsx's compiler), write it atomically, import it.
// 3. No esbuild, an unwritable cache or a failed bundle: run the TypeScript sources through tsx's loader.
'use strict';
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'src-main', 'cli.ts');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'folio-cli');
// Tells the CLI where templates/ and out/ are, wherever its code was loaded from.
process.env.FOLIO_APP_ROOT ??= ROOT;

/**
 * Two FNV-1a 32-bit hashes with different offsets, as 16 hex digits: a cache key, not a security measure
 * (loading Node's crypto for a SHA-256 cost more at every start than everything else the key takes).
 */
function keyHash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function sourceKey() {
  let key = '';
  // The sources, and this launcher with its bundle stand-ins (they shape the bundle too).
  for (const dir of ['src-main', 'src-core', 'bin']) {
    const base = path.join(ROOT, dir);
    for (const rel of readdirSync(base, { recursive: true }).map(String).sort()) {
      if (!/\.(ts|mjs|cjs)$/.test(rel)) continue;
      const st = statSync(path.join(base, rel));
      key += `${dir}/${rel}:${st.size}:${st.mtimeMs}\n`;
    }
  }
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) {
      const st = statSync(full);
      key += `${file}:${st.size}:${st.mtimeMs}\n`;
    }
  }
  return keyHash(key);
}

/**
 * Runs a CommonJS bundle through V8 with a code cache beside it (what Node 22's compile cache does; Node 20
 * has none). The cache is written after the first run, so it holds every function that run compiled, not
 * only the top level: later runs skip parsing and compiling most of the 4 MB bundle. Each command keeps a
 * cache of its own: one written by `serve` holds none of the composer and PDF code `export` runs (an export
 * then ran about 100 ms slower, whichever command had happened to run first).
 */
function runWithCodeCache(file) {
  const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const cacheFile = `${file}.${command}.v8cache`;
  // The bundle is ASCII (charset 'ascii' below): read as Latin-1, a plain copy, instead of decoding UTF-8.
  const source = readFileSync(file, 'latin1');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // First run of this bundle: compile, and leave a cache for the next.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // On exit (also process.exit), when everything the command needed has been compiled.
    process.once('exit', () => {
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A read-only install simply runs without a cache.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/**
 * An esbuild plugin that resolves the given import paths, exactly (not their subpaths, which the stand-ins
 * use to reach the real package), to files in bin/bundle/.
 */
function standIns(files) {
  return {
    name: 'folio-stand-ins',
    setup(build) {
      const exact = new RegExp(`^(${Object.keys(files).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter: exact }, (args) => ({ path: path.join(ROOT, 'bin', 'bundle', files[args.path]) }));
    },
  };
}

async function bundled() {
  if (!existsSync(path.join(ROOT, 'node_modules'))) return undefined;
  const outfile = path.join(CACHE_DIR, `cli-${sourceKey()}.cjs`);
  if (!existsSync(outfile)) {
    const { build } = require('esbuild');
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      charset: 'ascii',
      // Half the bytes to read and a smaller code cache to load at every start; messages are unaffected.
      minify: true,
      // Packages that ship both (pdf-lib) are bundled from their ES modules: bound directly instead of through
      // CommonJS interop, which copied every export onto a namespace of getters at start-up.
      mainFields: ['module', 'main'],
      // The sources are ES modules; in the CommonJS bundle their file URL comes from __filename.
      define: { 'import.meta.url': '__folioModuleUrl' },
      // A script run through vm has no module loader: what bundled code still import()s (Node built-ins,
      // e.g. lcms-wasm's `import("module")`) becomes require().
      supported: { 'dynamic-import': false },
      // Dependencies swapped for the CLI, matched by exact import path: see the files in bin/bundle/ for why.
      plugins: [standIns({
        'tiny-inflate': 'node-inflate.cjs',
        'brotli/decompress.js': 'no-woff2.cjs',
        '@pdf-lib/standard-fonts': 'lazy-standard-fonts.cjs',
        '@pdf-lib/upng': 'lazy-upng.cjs',
      })],
      banner: { js: "const __folioModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
      // Word manuscripts are read only by the app's "Place text…": loaded from node_modules if ever needed,
      // rather than adding its 300 KB to what every command parses at start.
      external: ['mammoth'],
    });
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0].contents);
    renameSync(temp, outfile);
    // Older bundles (and their code caches) are dead weight; removing them is housekeeping, never a reason to fail.
    for (const name of readdirSync(CACHE_DIR)) {
      // Only finished bundles of other source states: temp files may belong to a concurrent build.
      const finished = name.endsWith('.cjs') || name.endsWith('.v8cache') || name.endsWith('.mjs');
      if (name.startsWith('cli-') && finished && !name.startsWith(path.basename(outfile))) {
        try {
          unlinkSync(path.join(CACHE_DIR, name));
        } catch {
          // Another folio process may be tidying (or still writing) at the same time.
        }
      }
    }
  }
  return runWithCodeCache(outfile);
}

async function main() {
  let cli;
  try {
    cli = await bundled();
  } catch {
    cli = undefined;
  }
  if (!cli) {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import(pathToFileURL(ENTRY).href);
  }
  await cli.runFromProcess();
}

main().catch((err) => {
  process.stderr.write(`folio: could not start: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
