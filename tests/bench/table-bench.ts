/**
 * Table bench: `layout_table_300_rows_ms` — median over N fresh composers of composing the 300-row results
 * table (three columns, header row repeated) through six columns on two pages (fonts preloaded; every cell
 * composed from scratch). Run directly: `node --import tsx tests/bench/table-bench.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src-core/layout/compose.js';
import type { FontProvider } from '../../src-core/text/font.js';
import { resultsDocument } from '../unit/layout/table-fixtures.js';
import { loadDefaultFonts, type BenchMetric } from './layout-bench.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Measures composing the 300-row table; `runs` timed composes after `warmup` untimed ones. */
export function runTableBench(fonts: FontProvider = loadDefaultFonts(), runs = 15, warmup = 3): BenchMetric[] {
  const { doc } = resultsDocument(300);
  for (let i = 0; i < warmup; i++) createComposer(fonts).compose(doc);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const composer = createComposer(fonts);
    const t0 = performance.now();
    composer.compose(doc);
    times.push(performance.now() - t0);
  }
  return [{ metric: 'layout_table_300_rows_ms', value: median(times), unit: 'ms' }];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of runTableBench()) console.log(`${row.metric}\t${row.value.toFixed(2)}\t${row.unit ?? ''}`);
}
