/**
 * PDF export bench over layouts the caller passes (the bench runner passes the composed sample front page):
 *
 * 1. pdf_export_page_ms: median over N warm runs of `exportPdf` (print preset) divided by the page count.
 *    Fonts are loaded before timing; each run starts a fresh PDF (subsetting, compression and writing
 *    are all inside the timing).
 * 2. pdf_bytes: size of the print PDF (one subset per used font).
 * `runPdfBench(pages, fonts)` returns `{metric, value}` rows; run directly to compose the sample front
 * page and print them: `node --import tsx tests/bench/pdf-bench.ts [file.folio] [out.pdf]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src-core/layout/compose.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import { unpackFolio } from '../../src-core/model/folio-file.js';
import { mmToPt } from '../../src-core/model/units.js';
import { exportPdf, type PdfExportInput } from '../../src-core/pdf/export.js';
import { createFontProvider, DEFAULT_FONTS, loadFont, type FontProvider } from '../../src-core/text/font.js';

/** One bench result row. */
export interface PdfBenchMetric {
  metric: 'pdf_export_page_ms' | 'pdf_bytes';
  value: number;
  unit?: string;
}

/** Options of the PDF bench. */
export interface PdfBenchOptions {
  /** Timed runs (default 7). */
  runs?: number;
  /** Untimed warm-up exports (default 2). */
  warmup?: number;
  /** Asset bytes for image items (default: none, pictures show the missing-asset marker). */
  assets?: PdfExportInput['assets'];
  /** Where to write the last PDF, for looking at. */
  outPath?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'templates/samples/deqing-front-2023-07-20.folio');
/** Newspaper-default slug (template default 12 mm) for the bench's print preset. */
const SLUG_PT = mmToPt(12);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Exports `pages` repeatedly and reports per-page time (median of warm runs) and file size. */
export async function runPdfBench(pages: readonly PageLayout[], fonts: FontProvider, options: PdfBenchOptions = {}): Promise<PdfBenchMetric[]> {
  if (pages.length === 0) throw new RangeError('The PDF bench needs at least one page');
  const input: PdfExportInput = {
    pages, fonts, preset: 'print',
    assets: options.assets ?? (async () => undefined),
    meta: { title: 'PDF bench', paper: '德清新闻', issueDate: '2023-07-20', edition: '', documentName: 'bench.folio' },
    output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'Newsprint, coldset offset (IFRA26)' },
    bleedPt: pages[0].bleedPt, slugPt: SLUG_PT, createdAt: new Date('2023-07-20T18:00:00Z'),
  };
  let bytes: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < (options.warmup ?? 2); i++) bytes = await exportPdf(input);
  const times: number[] = [];
  for (let i = 0; i < (options.runs ?? 7); i++) {
    const t0 = performance.now();
    bytes = await exportPdf(input);
    times.push(performance.now() - t0);
  }
  if (options.outPath) fs.writeFileSync(options.outPath, bytes);
  return [
    { metric: 'pdf_export_page_ms', value: Math.round((median(times) / pages.length) * 10) / 10, unit: 'ms' },
    { metric: 'pdf_bytes', value: bytes.length, unit: 'bytes' },
  ];
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? SAMPLE;
  const fonts = createFontProvider(DEFAULT_FONTS.map((d) => loadFont(d, new Uint8Array(fs.readFileSync(path.join(ROOT, 'node_modules', d.file))))));
  const { document: doc, assets: assetBytes } = unpackFolio(new Uint8Array(fs.readFileSync(file)));
  const layout = createComposer(fonts).compose(doc);
  const glyphs = layout.pages.reduce((n, p) => n + p.items.reduce((m, it) => m + (it.kind === 'glyphs' ? it.glyphs.length : 0), 0), 0);
  const assets: PdfExportInput['assets'] = async (id) => {
    const meta = doc.assets[id];
    const bytes = meta ? assetBytes.get(meta.path) : undefined;
    return meta && bytes ? { bytes, mime: meta.mime } : undefined;
  };
  const rows = await runPdfBench(layout.pages, fonts, { assets, outPath: process.argv[3], runs: Number(process.env.PDF_BENCH_RUNS ?? 7) });
  console.log(JSON.stringify({ pages: layout.pages.length, glyphs, rows }, null, 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
