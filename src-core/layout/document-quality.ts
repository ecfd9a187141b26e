/**
 * Quality counters over a whole composed document (the bench's and tests' page-level report):
 *
 * 1. Compose the document with a fresh composer, so every paragraph is composed afresh and reported.
 * 2. Measure each reported paragraph with `measureQuality` (read back from the output, not the composer).
 * 3. Sum the counters. A paragraph that continues in a frame of another width is set again from its
 *    break point and counted again; on a page whose continuations share one width, nothing is counted twice.
 * 4. `measureDocumentSpacing` does the same for spacing: punctuation widths and Han–Latin gaps.
 */
import type { FolioDocument } from '../model/document.js';
import type { FontProvider } from '../text/font.js';
import { createComposer } from './compose.js';
import { addQuality, emptyQuality, measureQuality, type ParagraphQuality } from './para-quality.js';
import { addSpacing, emptySpacing, measureSpacing, type SpacingSummary } from './para-spacing.js';

/** Quality counters of a document plus how much was measured. */
export interface DocumentQuality extends ParagraphQuality {
  /** Paragraph compositions measured. */
  paragraphs: number;
  /** Lines in them. */
  lines: number;
}

/** Composes `doc` afresh and returns the summed quality counters of every paragraph on its pages. */
export function measureDocumentQuality(doc: FolioDocument, fonts: FontProvider): DocumentQuality {
  const total = emptyQuality();
  let paragraphs = 0;
  let lines = 0;
  createComposer(fonts, {
    onParagraph: (input, result) => {
      paragraphs++;
      lines += result.lines.length;
      addQuality(total, measureQuality(result.lines, input));
    },
  }).compose(doc);
  return { ...total, paragraphs, lines };
}

/** Composes `doc` afresh and summarises the spacing (mark widths, Han–Latin gaps) of every paragraph on its pages. */
export function measureDocumentSpacing(doc: FolioDocument, fonts: FontProvider): SpacingSummary {
  const total = emptySpacing();
  createComposer(fonts, { onParagraph: (input, result) => addSpacing(total, measureSpacing(result.lines, input)) }).compose(doc);
  return total;
}
