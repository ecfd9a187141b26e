/**
 * Page composer bench over a document the caller passes (the bench runner passes the sample front page):
 *
 * 1. layout_full_page_ms: median over N fresh composers of composing the whole document (fonts preloaded,
 *    so font parsing is excluded; every paragraph is composed from scratch).
 * 2. layout_keystroke_ms: with a warm composer, insert one character into the lead story (the story with
 *    the most text) and re-compose; median over N keystrokes, each inserting one more character. The edited
 *    documents are prepared before timing: building them is the editor's work, not layout's.
 * 3. layout_place_warm_paragraphs_ms: every story re-placed with all paragraphs cached — the page
 *    composer's own share, without line breaking.
 * Also reports the cache counters of the keystroke runs, so the figures can be read against reuse.
 * `runLayoutBench(doc)` returns `{metric, value}` rows; run directly to print them for the sample:
 * `node --import tsx tests/bench/layout-bench.ts [file.folio]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src-core/layout/compose.js';
import type { FolioDocument, PmNodeJson } from '../../src-core/model/document.js';
import { unpackFolio } from '../../src-core/model/folio-file.js';
import { createFontProvider, DEFAULT_FONTS, loadFont, type FontProvider } from '../../src-core/text/font.js';

/** One bench result row. */
export interface BenchMetric {
  metric: string;
  value: number;
  unit?: string;
}

/** Options of the layout bench. */
export interface LayoutBenchOptions {
  /** Fonts, already loaded (default: the six DEFAULT_FONTS from node_modules, loaded before timing). */
  fonts?: FontProvider;
  /** Timed repetitions per metric (default 15). */
  runs?: number;
  /** Untimed warm-up composes (JIT) before measuring (default 3). */
  warmup?: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'templates/samples/deqing-front-2023-07-20.folio');

/** Loads the default fonts from node_modules. */
export function loadDefaultFonts(): FontProvider {
  return createFontProvider(DEFAULT_FONTS.map((d) => {
    const bytes = fs.readFileSync(path.join(ROOT, 'node_modules', d.file));
    return loadFont(d, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function textLength(node: PmNodeJson): number {
  return (node.text?.length ?? 0) + (node.content ?? []).reduce((n, c) => n + textLength(c), 0);
}

/** Path (child indices) to the first text node inside the story's first body paragraph, or any text node. */
function firstBodyTextPath(node: PmNodeJson, inBody = false, pathSoFar: number[] = []): number[] | null {
  const children = node.content ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const body = inBody || child.type === 'columns';
    if (child.type === 'text' && inBody) return [...pathSoFar, i];
    const found = firstBodyTextPath(child, body || child.type === 'paragraph', [...pathSoFar, i]);
    if (found) return found;
  }
  return null;
}

/** The document with `inserted` prepended to the first body text of story `storyId` (a typed character). */
function withInsertion(doc: FolioDocument, storyId: string, inserted: string): FolioDocument {
  const story = doc.stories[storyId]!;
  const storyDoc = structuredClone(story.doc);
  const where = firstBodyTextPath(storyDoc);
  if (!where) throw new RangeError(`Story "${storyId}" has no body text to type into`);
  let node = storyDoc;
  for (const i of where) node = node.content![i]!;
  node.text = inserted + (node.text ?? '');
  return { ...doc, stories: { ...doc.stories, [storyId]: { ...story, doc: storyDoc } } };
}

/**
 * Measures the composer on `doc`.
 * @throws RangeError when the document has no placed story with body text
 */
export async function runLayoutBench(doc: FolioDocument, options: LayoutBenchOptions = {}): Promise<BenchMetric[]> {
  const fonts = options.fonts ?? loadDefaultFonts();
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  for (let i = 0; i < warmup; i++) createComposer(fonts).compose(doc);

  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    const composer = createComposer(fonts);
    const t0 = performance.now();
    composer.compose(doc);
    full.push(performance.now() - t0);
  }

  const placed = new Set(doc.pages.flatMap((p) => p.frames.flatMap((f) => (f.kind === 'text' ? [f.storyId] : []))));
  const lead = Object.values(doc.stories)
    .filter((s) => placed.has(s.id) && firstBodyTextPath(s.doc))
    .sort((a, b) => textLength(b.doc) - textLength(a.doc) || a.id.localeCompare(b.id))[0];
  if (!lead) throw new RangeError('The document has no placed story with body text to type into');
  const composer = createComposer(fonts);
  composer.compose(doc);
  const edits = Array.from({ length: runs + warmup }, (_, i) => withInsertion(doc, lead.id, '改'.repeat(i + 1)));
  for (let i = 0; i < warmup; i++) composer.compose(edits[i]!);
  composer.resetStats();
  const keystroke: number[] = [];
  for (let i = warmup; i < edits.length; i++) {
    const t0 = performance.now();
    composer.compose(edits[i]!);
    keystroke.push(performance.now() - t0);
  }
  const stats = composer.stats;

  // Placement alone: every story re-placed (an issue field changes every story's key) while every
  // paragraph comes from the warm cache — the page composer's own share of a full compose.
  const placer = createComposer(fonts);
  placer.compose(doc);
  const place: number[] = [];
  for (let i = 0; i < runs; i++) {
    const variant = { ...doc, issue: { ...doc.issue, sampleData: i % 2 === 0 ? !doc.issue.sampleData : doc.issue.sampleData } };
    const t0 = performance.now();
    placer.compose(variant);
    place.push(performance.now() - t0);
  }
  const chars = Object.values(doc.stories).filter((s) => placed.has(s.id)).reduce((n, s) => n + textLength(s.doc), 0);
  return [
    { metric: 'layout_full_page_ms', value: median(full), unit: 'ms' },
    { metric: 'layout_keystroke_ms', value: median(keystroke), unit: 'ms' },
    { metric: 'layout_place_warm_paragraphs_ms', value: median(place), unit: 'ms' },
    { metric: 'layout_document_chars', value: chars, unit: 'chars' },
    { metric: 'layout_keystroke_paragraph_misses_per_edit', value: stats.paragraphMisses / runs, unit: 'paragraphs' },
    { metric: 'layout_keystroke_story_hits_per_edit', value: stats.storyHits / runs, unit: 'stories' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.argv[2] ?? SAMPLE;
  const { document } = unpackFolio(new Uint8Array(fs.readFileSync(file)));
  // No top-level await: the bench runner may load this module from a CommonJS context.
  void runLayoutBench(document).then((rows) => {
    for (const row of rows) console.log(`${row.metric}\t${row.value.toFixed(2)}\t${row.unit ?? ''}`);
  });
}
