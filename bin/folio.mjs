#!/usr/bin/env node
// The `folio` command: runs src-main/cli.ts without a build step, quickly.
//
// 1. Fast path: a single-file bundle of the CLI cached in node_modules/.cache/folio-cli/, keyed by the paths,
//    sizes and mtimes of the sources it is built from (src-main, src-core, package manifests). One file parses
//    far faster than hundreds of modules resolved through a TypeScript loader.
// 2. Cache miss: bundle with esbuild (already installed as tsx's compiler), write it atomically, import it.
// 3. No esbuild, an unwritable cache or a failed bundle: run the TypeScript sources through tsx's loader.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'src-main', 'cli.ts');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'folio-cli');
// Tells the CLI where templates/ and out/ are, wherever its code was loaded from.
process.env.FOLIO_APP_ROOT ??= ROOT;

function sourceKey() {
  const hash = createHash('sha256');
  for (const dir of ['src-main', 'src-core']) {
    const base = path.join(ROOT, dir);
    for (const rel of readdirSync(base, { recursive: true }).map(String).sort()) {
      if (!rel.endsWith('.ts')) continue;
      const st = statSync(path.join(base, rel));
      hash.update(`${dir}/${rel}:${st.size}:${st.mtimeMs}\n`);
    }
  }
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) {
      const st = statSync(full);
      hash.update(`${file}:${st.size}:${st.mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundled() {
  if (!existsSync(path.join(ROOT, 'node_modules'))) return undefined;
  const outfile = path.join(CACHE_DIR, `cli-${sourceKey()}.mjs`);
  if (!existsSync(outfile)) {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
      banner: { js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);" },
    });
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0].contents);
    renameSync(temp, outfile);
    // Older bundles are dead weight; removing them is housekeeping, never a reason to fail.
    for (const name of readdirSync(CACHE_DIR)) {
      // Only finished bundles of other source states: temp files may belong to a concurrent build.
      if (name.startsWith('cli-') && name.endsWith('.mjs') && name !== path.basename(outfile)) {
        try {
          unlinkSync(path.join(CACHE_DIR, name));
        } catch {
          // Another folio process may be tidying (or still writing) at the same time.
        }
      }
    }
  }
  return import(pathToFileURL(outfile).href);
}

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
