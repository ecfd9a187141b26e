/**
 * The page's text layer on the composed sample: it reads every glyph the page draws, in paint order (the order
 * the PDF exporter draws them, so the PDF's text reads the same: the e2e test compares with pdftotext), and
 * keeps headlines, subheads and paragraphs apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { pageTextParagraphs } from '../../../src-renderer/page/text-layer.js';
import { broadsheet, cols, documentOf, p, story, testFonts, textFrame } from '../layout/fixtures.js';

const { document } = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
const page = createComposer(testFonts()).compose(document).pages[0]!;
const layer = pageTextParagraphs(page);
const paragraphsOf = (frameId: string) => layer.find((f) => f.frameId === frameId)?.paragraphs ?? [];
const noSpace = (s: string) => s.replace(/\s+/g, '');

describe('text layer of the sample page', () => {
  it('reads every glyph the page draws, in paint order', () => {
    const drawn = page.items.flatMap((i) => (i.kind === 'glyphs' ? i.glyphs.map((g) => g.text) : [])).join('');
    expect(noSpace(layer.flatMap((f) => f.paragraphs).join(''))).toBe(noSpace(drawn));
  });

  it('regression (issue 12): keeps the kicker’s opening quote and sets subheads apart from the paragraph after them', () => {
    expect(paragraphsOf('lead-head').map(noSpace)).toEqual(['“八八战略”在德清', '“停不下来”的改革创造了奇迹', '记者董华']);
    const body = paragraphsOf('lead-1');
    const subhead = body.indexOf('以改革促创新发展');
    expect(subhead).toBeGreaterThan(0);
    expect(body[subhead + 1]).toMatch(/^从2015年的省级城乡体制改革试点起步/);
    // Every story paragraph the frame starts is one element: the first one starts the lead's body.
    expect(body[0]).toMatch(/^改革,一直以来都是德清的一张“金名片”。/);
  });
});

describe('text layer of a 变栏 section (issue 16)', () => {
  it('reads a listing split in two column by column: each item whole, in story order', () => {
    const tpl = broadsheet();
    const items = ['城关晴', '武康多云', '新市阴', '乾元晴', '钟管小雨', '洛舍晴', '禹越多云'];
    const listing = items.map((text) => ({ ...p(text), attrs: { sectionColumns: 2 } }));
    const doc = documentOf([story('s', cols(p('今日天气'), ...listing, p('完')))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 3, 0, 20])] }], tpl);
    const composed = createComposer(testFonts()).compose(doc).pages[0]!;
    // The two halves really sit side by side (else this would read in order trivially).
    const lines = composed.lines.filter((l) => l.storyId === 's');
    expect(new Set(lines.map((l) => l.rect.xPt.toFixed(2))).size).toBe(2);
    expect(pageTextParagraphs(composed).find((f) => f.frameId === 'f')!.paragraphs).toEqual(['今日天气', ...items, '完']);
  });
});
