/**
 * Spacing bench: how evenly the composer spaces, read back from its output (`para-spacing.ts`), on the
 * sample page and on other texts: the seed's paragraphs and each file of the test corpus, set at
 * 13 characters × 9 pt in Noto Serif SC with a 2-em indent (TYPOGRAPHY.md §6 body setting).
 *
 * Per text: `han_latin_gap_range_em` (widest − narrowest Han–Latin gap), `midline_stops_squeezed`
 * (mid-line 。？！ set below full width), `fractional_squeezes` (squeezes not in whole half ems) and a
 * histogram of mark widths (`mark_widths_em`, the count of marks, the histogram in its note).
 * `runSpacingBench(doc)` returns rows; run directly to print them for the sample:
 * `node --import tsx tests/bench/spacing-bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolioDocument } from '../../src-core/model/document.js';
import { TypographyOptionsSchema } from '../../src-core/model/template.js';
import { BLACK } from '../../src-core/model/colour.js';
import type { FontProvider } from '../../src-core/text/font.js';
import { unpackFolio } from '../../src-core/model/folio-file.js';
import { composeParagraph } from '../../src-core/layout/paragraph.js';
import { measureDocumentSpacing } from '../../src-core/layout/document-quality.js';
import { addSpacing, emptySpacing, measureSpacing, type SpacingSummary } from '../../src-core/layout/para-spacing.js';
import { loadDefaultFonts } from './layout-bench.js';
import { parseCorpus } from '../unit/paragraph/corpus.js';

/** One bench result row. */
export interface BenchMetric { metric: string; value: number; unit?: string; note?: string }

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'templates/samples/deqing-front-2023-07-20.folio');
const SEED = '/work/shared/seed/deqing-front-page-2023-07.txt';
const CORPUS_DIR = path.join(ROOT, 'tests/fixtures/corpus');
/** Body setting of the other texts: 小五 in a 13-character column, 2-em indent. */
const SIZE_PT = 9;
const COLUMN_CHARS = 13;
const INDENT_EM = 2;

/** The spacing of paragraphs composed alone at the body setting. */
function textSpacing(paragraphs: readonly string[], fonts: FontProvider): SpacingSummary {
  const font = fonts.byId('noto-serif-sc-400');
  if (!font) throw new RangeError('Noto Serif SC 400 is not loaded');
  const total = emptySpacing();
  for (const text of paragraphs) {
    const input = {
      runs: [{ text, fromPos: 1, font, sizePt: SIZE_PT, colour: BLACK, trackingEm: 0 }],
      lineWidthPt: () => COLUMN_CHARS * SIZE_PT,
      firstLineIndentPt: INDENT_EM * SIZE_PT,
      align: 'justify' as const,
      options: TypographyOptionsSchema.parse({}),
    };
    addSpacing(total, measureSpacing(composeParagraph(input).lines, input));
  }
  return total;
}

function rows(text: string, s: SpacingSummary): BenchMetric[] {
  const suffix = text === 'sample' ? '' : `_${text}`;
  const histogram = Object.entries(s.markWidthsEm).sort((x, y) => Number(x[0]) - Number(y[0])).map(([w, c]) => `${w} em: ${c}`).join(', ');
  return [
    {
      metric: `han_latin_gap_range_em${suffix}`, value: s.hanLatinGaps ? s.hanLatinGapMaxEm - s.hanLatinGapMinEm : 0, unit: 'em',
      note: `${s.hanLatinGaps} gaps, ${s.hanLatinGaps ? `${s.hanLatinGapMinEm.toFixed(3)}–${s.hanLatinGapMaxEm.toFixed(3)} em` : 'none'} (${text})`,
    },
    { metric: `midline_stops_squeezed${suffix}`, value: s.midlineStopsSqueezed, note: text },
    { metric: `fractional_squeezes${suffix}`, value: s.fractionalSqueezes, note: text },
    { metric: `mark_widths_em${suffix}`, value: s.marks, unit: 'marks', note: `${text}: ${histogram}` },
  ];
}

/** Runs the bench on `doc` (the sample page) and the other texts. */
export function runSpacingBench(doc: FolioDocument, fonts: FontProvider = loadDefaultFonts()): BenchMetric[] {
  const out = rows('sample', measureDocumentSpacing(doc, fonts));
  const seed = fs.readFileSync(SEED, 'utf8').split(/\n\s*\n/).map((b) => b.replace(/\n/g, '').trim()).filter((b) => b.length > 0);
  out.push(...rows('seed', textSpacing(seed, fonts)));
  for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const paragraphs = parseCorpus(file, fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')).map((p) => p.text);
    out.push(...rows(`corpus_${file.replace(/\.txt$/, '')}`, textSpacing(paragraphs, fonts)));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { document } = unpackFolio(new Uint8Array(fs.readFileSync(process.argv[2] ?? SAMPLE)));
  for (const row of runSpacingBench(document)) console.log(JSON.stringify(row));
}
