#!/usr/bin/env node
// `npm run test:security`: Electronegativity over src-main, offline, failing on any unjustified finding.
//
// 1. Run @doyensec/electronegativity on src-main for Electron 45.5.0, CSV output into a temp folder.
//    It is made offline by construction: a preloaded stub answers its two network look-ups (translations,
//    Electron release list) with an immediate failure, so the run takes seconds and never waits on a network.
// 2. Parse the findings and match each against build/electronegativity.json: a justification names the check,
//    the file and (optionally) a snippet of the flagged code, and must give a reason.
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

/** Parses the tool's CSV: quoted fields may hold commas and line breaks; whitespace inside fields is collapsed. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let current = '';
  let quoted = false;
  const endField = () => {
    row.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else {
      current += ch;
    }
  }
  endField();
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
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
    const csv = path.join(tmp, 'results.csv');
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--require', stub, TOOL, '-i', path.join(ROOT, 'src-main'), '-e', config.electronVersion, '-r', '-o', csv], {
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
    const findings = parseCsv(readFileSync(csv, 'utf8'))
      .slice(1)
      .map(([check, severity, confidence, file, location, sample, description]) => ({ check, severity, confidence, file, location, sample, description }));
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
      for (const f of unjustified) console.error(`  ${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.location}  ${f.sample}\n    ${f.description}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
