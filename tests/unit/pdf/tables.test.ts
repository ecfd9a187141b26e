/**
 * A story table in the print PDF (issue 16): the weather box's cells, tints and rules drawn from the same layout
 * items the canvas draws, checked on pdftotext's reading and on pdftoppm's render (written beside the PDF as a
 * PNG, to look at).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { PageLayout, RuleItem } from '../../../src-core/layout/page-layout.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { broadsheet, cols, documentOf, p, story, testFonts, textFrame } from '../layout/fixtures.js';
import { tableJson } from '../layout/table-fixtures.js';
import { countDark, fixtureInput, renderGrey, tool, writeArtifact, type GreyImage } from './fixtures.js';

const DPI = 72;
const tpl = broadsheet();
const fonts = testFonts();
const WEATHER = [['城市', '天气', '气温'], ['德清', '多云', '26~33℃'], ['杭州', '晴', '27~35℃'], ['湖州', '雷阵雨', '25~31℃']];
const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 12], { columns: 1 });

let page: PageLayout;
let pdfPath = '';
let img: GreyImage;
/** Layout points to pixels: the trim sits centred in the rendered media box. */
let px: (xPt: number, yPt: number) => [number, number];

beforeAll(async () => {
  const table = tableJson(WEATHER, { headerRows: 1, columnAligns: ['left', 'center', 'right'] }, { 0: { tint: { c: 0, m: 0, y: 0, k: 0.3 } } });
  page = createComposer(fonts).compose(documentOf([story('s', cols(p('天气预报'), table))], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
  pdfPath = writeArtifact('table-weather-box.pdf', await exportPdf(fixtureInput(fonts, 'print', [page])));
  img = renderGrey(pdfPath, DPI);
  const offX = (img.width - (page.trimWidthPt * DPI) / 72) / 2;
  const offY = (img.height - (page.trimHeightPt * DPI) / 72) / 2;
  px = (x, y) => [offX + (x * DPI) / 72, offY + (y * DPI) / 72];
});

describe('a weather box in the PDF', () => {
  it('reads cell by cell, row by row (content stream order)', () => {
    const text = tool('pdftotext', ['-raw', '-f', '1', '-l', '1', pdfPath, '-']).replace(/\s+/g, '');
    expect(text).toContain(`天气预报${WEATHER.flat().join('')}`);
  });

  it('draws the header tint under the text and the rules as ink', () => {
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && i.frameId === 'f');
    const top = rules.find((r) => r.y1Pt === r.y2Pt)!;
    // Along the table's top rule: ink nearly all the way across.
    const [x0, y] = px(top.x1Pt, top.y1Pt);
    const [x1] = px(top.x2Pt, top.y2Pt);
    expect(countDark(img, x0 + 2, y - 1, x1 - 2, y + 1, 200)).toBeGreaterThan((x1 - x0 - 4) * 0.9);
    // Inside the tinted header row, clear of text: 30 % K reads as mid grey, not paper and not black.
    const box = page.items.find((i) => i.kind === 'box' && i.fill !== undefined)!;
    if (box.kind !== 'box') throw new Error('no tint');
    const [bx, by] = px(box.rect.xPt + box.rect.widthPt - 3, box.rect.yPt + 2);
    const grey = img.pixels[Math.round(by) * img.width + Math.round(bx)]!;
    expect(grey).toBeGreaterThan(120);
    expect(grey).toBeLessThan(235);
  });
});
