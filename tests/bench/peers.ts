/**
 * CLI export wall-clock time against the two peers a user could pick instead, on the same text and page
 * geometry (the sample front page's seed text, 390 × 545 mm, 8 columns of 13 characters at 9 pt):
 *
 * 1. Folio: `folio export` of the sample as a fresh process.
 * 2. Chromium print-to-PDF (what Electron's printToPDF gives): Debian `chromium --headless --print-to-pdf`
 *    on an HTML page with the same text in CSS columns and the same fonts.
 * 3. Typst (npm @myriaddreamin/typst-ts-node-compiler) compiling the same text in a fresh Node process.
 *
 * Each is run several times; the median wall time is reported, with ratios, and the start-up of an empty Node
 * process that Folio and the Typst run both include.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { DEFAULT_FONTS } from '../../src-core/text/font.js';
import { readSeedBlocks } from '../../scripts/build-sample.js';

/** A benchmark figure. */
export interface BenchRow {
  metric: string;
  value: number;
  unit?: string;
  note?: string;
}

const RUNS = 5;
const require = createRequire(import.meta.url);
const fontFile = (id: string) => require.resolve(DEFAULT_FONTS.find((f) => f.id === id)!.file);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; ok: boolean; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { ms: performance.now() - t0, ok: r.status === 0, stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function seedParagraphs(): string[] {
  return readSeedBlocks(readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8'));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeTypst = (s: string) => s.replace(/([\\#*_`$<>@[\]])/g, '\\$1');

/** Runs the three exports and returns the figures. */
export function benchPeers(): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-'));
  const rows: BenchRow[] = [];
  const paragraphs = seedParagraphs();

  // 0. The floor every Node-based command shares (Folio and the Typst run alike): an empty Node process.
  const nodeTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) nodeTimes.push(timeCommand(process.execPath, ['-e', '0']).ms);
  rows.push({ metric: 'node_start_wall_ms', value: Math.round(median(nodeTimes)), unit: 'ms', note: '`node -e 0`: start-up both Folio and Typst pay' });

  // 1. Folio CLI.
  const folioOut = join(dir, 'folio.pdf');
  const folioTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timeCommand(process.execPath, ['bin/folio.cjs', 'export', 'templates/samples/deqing-front-2023-07-20.folio', '-o', folioOut, '--force'], { ...process.env, SOURCE_DATE_EPOCH: '1689811200' });
    if (!r.ok) {
      rows.push({ metric: 'cli_export_wall_ms', value: NaN, note: `folio export failed: ${r.stderr.slice(0, 300)}` });
      break;
    }
    folioTimes.push(r.ms);
  }
  const folioMs = folioTimes.length === RUNS ? median(folioTimes) : NaN;
  if (!Number.isNaN(folioMs)) {
    rows.push({ metric: 'cli_export_wall_ms', value: Math.round(folioMs), unit: 'ms', note: `median of ${RUNS} fresh processes` });
    rows.push({ metric: 'cli_export_pdf_bytes', value: statSync(folioOut).size, unit: 'bytes' });
  }

  // 2. Chromium print-to-PDF of the same text, same page geometry and fonts.
  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const html = `<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: body; src: url("file://${fontFile('noto-serif-sc-400')}"); }
@page { size: 390mm 545mm; margin: 28mm 18.79mm; }
body { margin: 0; font: 9pt/11.55pt body; }
.cols { column-count: 8; column-gap: 9pt; column-fill: auto; height: 489mm; text-align: justify; }
p { margin: 0; text-indent: 2em; }
</style><div class="cols">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`;
    const htmlPath = join(dir, 'page.html');
    writeFileSync(htmlPath, html);
    const chromeOut = join(dir, 'chromium.pdf');
    const times: number[] = [];
    let failed = '';
    for (let i = 0; i < RUNS; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'folio-chrome-'));
      const r = timeCommand(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${chromeOut}`, `file://${htmlPath}`]);
      if (!r.ok || !existsSync(chromeOut)) { failed = r.stderr.slice(0, 300); break; }
      times.push(r.ms);
    }
    if (times.length) {
      const ms = median(times);
      rows.push({ metric: 'chromium_print_to_pdf_wall_ms', value: Math.round(ms), unit: 'ms' });
      rows.push({ metric: 'chromium_pdf_bytes', value: statSync(chromeOut).size, unit: 'bytes' });
      rows.push({ metric: 'ratio_chromium_over_folio', value: +(ms / folioMs).toFixed(2), note: 'target ≥ 3' });
    } else {
      rows.push({ metric: 'chromium_print_to_pdf_wall_ms', value: NaN, note: `chromium failed: ${failed}` });
    }
  }

  // 3. Typst in a fresh Node process, same text and geometry.
  const typ = `#set page(width: 390mm, height: 545mm, margin: (x: 18.79mm, top: 28mm, bottom: 28mm), columns: 8)
#set columns(gutter: 9pt)
#set text(font: "Noto Serif SC", size: 9pt, lang: "zh")
#set par(justify: true, leading: 2.55pt, first-line-indent: (amount: 2em, all: true), spacing: 2.55pt)
${paragraphs.map((p) => escapeTypst(p)).join('\n\n')}
`;
  const typPath = join(dir, 'page.typ');
  writeFileSync(typPath, typ);
  const typstOut = join(dir, 'typst.pdf');
  const script = join(dir, 'typst-run.cjs');
  writeFileSync(script, `const { NodeCompiler } = require(${JSON.stringify(require.resolve('@myriaddreamin/typst-ts-node-compiler'))});
const fs = require('fs');
const c = NodeCompiler.create({ workspace: ${JSON.stringify(dir)}, fontArgs: [{ fontPaths: [${JSON.stringify(fontFile('noto-serif-sc-400'))}] }] });
const pdf = c.pdf({ mainFileContent: fs.readFileSync(${JSON.stringify(typPath)}, 'utf8') });
fs.writeFileSync(${JSON.stringify(typstOut)}, pdf);
`);
  const typTimes: number[] = [];
  let typFail = '';
  for (let i = 0; i < RUNS; i++) {
    const r = timeCommand(process.execPath, [script]);
    if (!r.ok) { typFail = r.stderr.slice(0, 300); break; }
    typTimes.push(r.ms);
  }
  if (typTimes.length) {
    const ms = median(typTimes);
    rows.push({ metric: 'typst_compile_wall_ms', value: Math.round(ms), unit: 'ms' });
    rows.push({ metric: 'typst_pdf_bytes', value: statSync(typstOut).size, unit: 'bytes' });
    rows.push({ metric: 'ratio_folio_over_typst', value: +(folioMs / ms).toFixed(2), note: 'target ≤ 1.5' });
  } else {
    rows.push({ metric: 'typst_compile_wall_ms', value: NaN, note: `typst failed: ${typFail}` });
  }
  rows.push({ metric: 'peer_outputs_dir', value: 0, note: resolve(dir) });
  return rows;
}
