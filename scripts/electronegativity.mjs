#!/usr/bin/env node
// `npm run test:security`: Electronegativity over src-main, offline, failing on any unjustified finding.
//
// 1. Run @doyensec/electronegativity on src-main for Electron 45.5.0, SARIF output into a temp folder. (Its CSV
//    writer races its own header write against the rows, and now and then garbles the first finding.)
//    It is made offline by construction: a preloaded stub answers its two network look-ups (translations,
//    Electron release list) with an immediate failure, so the run takes seconds and never waits on a network.
// 2. Read the findings, with each one's flagged code taken from the source at its location, and match each
//    against build/electronegativity.json: a justification names the check, the file and (optionally) a snippet
//    of the flagged code, and must give a reason.
// 3. Exit 1 when any finding is unjustified (or the tool fails); list stale justifications as warnings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_PATH = path.join(ROOT, 'build', 'electronegativity.json');
const TOOL = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/** A CommonJS preload that makes `got` (the tool's only HTTP client) fail at once instead of going online. */
const OFFLINE_STUB = `
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: network disabled by scripts/electronegativity.mjs'));
    offline.head = offline;
    offline.get = offline;
    return offline;
  }
  return load.apply(this, arguments);
};
`;

/** One finding, from the tool's SARIF report. */
function findingsFromSarif(report) {
  const sources = new Map();
  const lineOf = (file, line) => {
    if (!sources.has(file)) {
      let text;
      try {
        text = readFileSync(path.join(ROOT, 'src-main', file), 'utf8');
      } catch {
        text = ''; // A location outside src-main: matched by check and file only.
      }
      sources.set(file, text.split(/\r?\n/));
    }
    return sources.get(file)[line - 1] ?? '';
  };
  return (report.runs?.[0]?.results ?? []).map((r) => {
    const where = r.locations?.[0]?.physicalLocation ?? {};
    const file = where.artifactLocation?.uri ?? 'N/A';
    const { startLine = 1, startColumn = 1, charLength = 0 } = where.region ?? {};
    const sample = charLength > 0 ? lineOf(file, startLine).slice(startColumn - 1, startColumn - 1 + charLength) : 'N/A';
    return { check: r.ruleId, level: r.level, file, location: `${startLine}:${startColumn}`, sample, description: r.message?.text ?? '' };
  });
}

function loadConfig() {
  const config = JSON.parse(readFileSync(CONFIG_PATH, 'utf8'));
  if (typeof config.electronVersion !== 'string') throw new Error(`${CONFIG_PATH}: "electronVersion" is missing.`);
  for (const [i, j] of (config.justifications ?? []).entries()) {
    if (!j.check || !j.file || typeof j.reason !== 'string' || j.reason.trim().length < 20) {
      throw new Error(`${CONFIG_PATH}: justification #${i + 1} needs "check", "file" and a real "reason" (20+ characters).`);
    }
  }
  return config;
}

function main() {
  const config = loadConfig();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-electronegativity-'));
  try {
    const stub = path.join(tmp, 'offline.cjs');
    writeFileSync(stub, OFFLINE_STUB);
    const report = path.join(tmp, 'results.sarif');
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--require', stub, TOOL, '-i', path.join(ROOT, 'src-main'), '-e', config.electronVersion, '-r', '-o', report], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en-US' },
      timeout: 120_000,
    });
    if (run.status !== 0) {
      process.stderr.write(run.stdout + run.stderr);
      console.error(`electronegativity failed (exit ${run.status ?? run.signal}).`);
      return 1;
    }
    const findings = findingsFromSarif(JSON.parse(readFileSync(report, 'utf8')));
    const used = new Set();
    const unjustified = [];
    for (const f of findings) {
      const index = (config.justifications ?? []).findIndex(
        (j) => j.check === f.check && j.file === f.file && (j.sample === undefined || f.sample.includes(j.sample)),
      );
      if (index === -1) unjustified.push(f);
      else used.add(index);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`electronegativity: ${findings.length} finding(s) in src-main (Electron ${config.electronVersion}, ${seconds} s), ${findings.length - unjustified.length} justified.`);
    for (const [i, j] of (config.justifications ?? []).entries()) {
      if (!used.has(i)) console.warn(`warning: stale justification for ${j.check} in ${j.file} (nothing matched it; remove it).`);
    }
    if (unjustified.length > 0) {
      console.error('\nUnjustified findings (fix them, or justify them in build/electronegativity.json with a reason):');
      for (const f of unjustified) console.error(`  ${f.check} [${f.level}] ${f.file}:${f.location}  ${f.sample}\n    ${f.description}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
