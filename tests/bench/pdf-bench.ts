/**
 * PDF export bench over layouts the caller passes (the bench runner passes the composed sample front page):
 *
 * 1. pdf_export_page_ms: median over N warm runs of `exportPdf` (print preset) divided by the page count.
 *    Fonts are loaded before timing; each run starts a fresh PDF (subsetting, compression and writing
 *    are all inside the timing).
 * 2. pdf_bytes: size of the print PDF (one subset per used font).
 * 3. pdf_bytes_with_photo (`runPhotoPdfBench`): the sample page with a real photograph (an RGB JPEG) placed in
 *    its photo frame, against the same page with the frame left without a picture; the target is 1.5× the
 *    photo's own size plus that page (a photo re-encoded as Flate made it 16×).
 * `runPdfBench(pages, fonts)` returns `{metric, value}` rows; run directly to compose the sample front
 * page and print them: `node --import tsx tests/bench/pdf-bench.ts [file.folio] [out.pdf]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src-core/layout/compose.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import type { FolioDocument } from '../../src-core/model/document.js';
import { unpackFolio } from '../../src-core/model/folio-file.js';
import { mmToPt } from '../../src-core/model/units.js';
import { exportPdf, type PdfExportInput } from '../../src-core/pdf/export.js';
import { readImageInfo } from '../../src-core/pdf/image-info.js';
import { createFontProvider, DEFAULT_FONTS, loadFont, type FontProvider } from '../../src-core/text/font.js';

/** One bench result row. */
export interface PdfBenchMetric {
  metric: 'pdf_export_page_ms' | 'pdf_bytes' | 'pdf_bytes_with_photo';
  value: number;
  unit?: string;
  note?: string;
  /** A target that depends on what was measured (the others are in bench.ts). */
  target?: string;
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
/** A real photograph (RGB JPEG, 720 × 477, 259 KB; see tests/fixtures/photo/NOTICE.md). */
export const BENCH_PHOTO = path.join(ROOT, 'tests/fixtures/photo/stm32f3-discovery.jpg');
/** The sample's picture frame the photo is placed in. */
const PHOTO_FRAME_ID = 'photo';
/** The issue's bound: the page with the photo under this many times the photo's size plus the page without it. */
const PHOTO_BYTES_FACTOR = 1.5;
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

/**
 * Places `photo` (JPEG bytes) in the sample's photo frame and exports the page in the print preset, with the
 * picture and with the frame left without one (its crossed marker), on the same layout.
 * @returns pdf_bytes_with_photo, with the target `PHOTO_BYTES_FACTOR` × photo + the page without it
 */
export async function runPhotoPdfBench(document: FolioDocument, fonts: FontProvider, photo: Uint8Array): Promise<PdfBenchMetric[]> {
  const info = readImageInfo(photo);
  if (info.format !== 'jpeg' || !info.widthPx || !info.heightPx) throw new RangeError('The photo bench needs a readable JPEG');
  const assetId = 'bench-photo';
  const withPhoto: FolioDocument = {
    ...document,
    assets: { ...document.assets, [assetId]: { id: assetId, path: `assets/${assetId}.jpg`, mime: 'image/jpeg', widthPx: info.widthPx, heightPx: info.heightPx } },
    pages: document.pages.map((page) => ({ ...page, frames: page.frames.map((f) => (f.id === PHOTO_FRAME_ID && f.kind === 'image' ? { ...f, assetId } : f)) })),
  };
  const pages = createComposer(fonts).compose(withPhoto).pages;
  const input = (assets: PdfExportInput['assets']): PdfExportInput => ({
    pages, fonts, preset: 'print', assets,
    meta: { title: 'PDF bench', paper: '德清新闻', issueDate: '2023-07-20', edition: '', documentName: 'bench.folio' },
    output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'Newsprint, coldset offset (IFRA26)' },
    bleedPt: pages[0]!.bleedPt, slugPt: SLUG_PT, createdAt: new Date('2023-07-20T18:00:00Z'),
  });
  const bytes = await exportPdf(input(async (id) => (id === assetId ? { bytes: photo, mime: 'image/jpeg' } : undefined)));
  const without = await exportPdf(input(async () => undefined));
  const bound = Math.round(PHOTO_BYTES_FACTOR * photo.length + without.length);
  return [{
    metric: 'pdf_bytes_with_photo', value: bytes.length, unit: 'bytes', target: `< ${bound}`,
    note: `photo ${photo.length} B (${info.widthPx} × ${info.heightPx} ${info.colour} JPEG), page without it ${without.length} B: the photo adds ${((bytes.length - without.length) / photo.length).toFixed(2)}× its size`,
  }];
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
  const rows = [
    ...await runPdfBench(layout.pages, fonts, { assets, outPath: process.argv[3], runs: Number(process.env.PDF_BENCH_RUNS ?? 7) }),
    ...await runPhotoPdfBench(doc, fonts, new Uint8Array(fs.readFileSync(BENCH_PHOTO))),
  ];
  console.log(JSON.stringify({ pages: layout.pages.length, glyphs, rows }, null, 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
