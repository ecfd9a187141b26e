import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { measureDocumentQuality } from '../../../src-core/layout/document-quality.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { testFonts } from './fixtures.js';

const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));

describe('page-level quality counters (measureDocumentQuality)', () => {
  const fonts = testFonts();

  it('the composed sample front page breaks no rule: no kinsoku, loose, 孤字, split number or ragged line', () => {
    const q = measureDocumentQuality(document, fonts);
    expect(q).toMatchObject({ kinsoku_violations: 0, loose_lines: 0, single_char_last_lines: 0, number_unit_splits: 0, unjustified_lines: 0 });
    // Every line on the page was measured (continuations re-set at a new width may add a few).
    const pageLines = createComposer(fonts).compose(document).pages[0]!.lines.length;
    expect(q.lines).toBeGreaterThanOrEqual(pageLines);
    expect(q.paragraphs).toBeGreaterThan(50);
  });

  it('reports only fresh compositions: a warm composer tells its observer nothing', () => {
    let told = 0;
    const composer = createComposer(fonts, { onParagraph: () => told++ });
    composer.compose(document);
    const first = told;
    composer.compose(document);
    expect(first).toBeGreaterThan(0);
    expect(told).toBe(first);
  });
});
