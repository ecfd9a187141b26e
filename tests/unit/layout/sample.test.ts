import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { testFonts } from './fixtures.js';

describe('sample front page', () => {
  it('composes', () => {
    const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
    const c = createComposer(testFonts());
    c.compose(document);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) { const t0 = performance.now(); createComposer(testFonts()).compose(document); times.push(performance.now() - t0); }
    const out = c.compose(document);
    const page = out.pages[0]!;
    console.log(times.map((t) => t.toFixed(1)).join(' '), page.items.length, page.lines.length);
    console.log(JSON.stringify(page.overset), JSON.stringify(page.copyfit));
    console.log(page.warnings.map((w) => w.code + ' ' + w.message).slice(0, 20), out.notices);
    expect(page.lines.length).toBeGreaterThan(100);
  });
});
