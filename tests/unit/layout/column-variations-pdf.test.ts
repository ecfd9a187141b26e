/**
 * Column variations read back from the exported PDF (issue 16): a page with a span-all intro over five
 * balanced columns and a frame of unequal columns is composed, exported, and `pdftotext -bbox` gives every set
 * line's box — the PDF must put the intro across the frame, the columns where the layout says, and the
 * balanced columns' last lines within one line of each other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import type { PmNodeJson } from '../../../src-core/model/document.js';
import { BODY_PT, PITCH_PT, blk, broadsheet, cols, documentOf, p, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const BLEED_PT = 8.5;
const SLUG_PT = 34;
/** Layout → PDF page coordinates of the print preset (the trim sits inside bleed and slug). */
const OFF_PT = BLEED_PT + SLUG_PT;
/** Words on one baseline closer than this are one line, points: less than any gutter (one 9-pt character). */
const JOIN_GAP_PT = 3.5;
const han = (n: number) => '德清改革创新发展高地品质生活新城'.repeat(Math.ceil(n / 16)).slice(0, n);

interface PdfLine { text: string; xMinPt: number; xMaxPt: number; yMinPt: number; yMaxPt: number }

function pdfLines(pdfPath: string): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMinPt: Number(m[1]) - OFF_PT, yMinPt: Number(m[2]) - OFF_PT, xMaxPt: Number(m[3]) - OFF_PT, yMaxPt: Number(m[4]) - OFF_PT, text: m[5]! }))
    .sort((a, b) => a.yMinPt - b.yMinPt || a.xMinPt - b.xMinPt);
  const lines: PdfLine[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.yMinPt - w.yMinPt) < 0.5 && w.xMinPt - last.xMaxPt < JOIN_GAP_PT) {
      last.text += w.text;
      last.xMaxPt = w.xMaxPt;
    } else lines.push({ ...w });
  }
  return lines;
}

const INTRO = '本报讯德清全力推进改革创新发展，打造品质生活新城。'.repeat(4);
const intro: PmNodeJson = { ...p(INTRO), attrs: { spanColumns: 'all' } };
/** Five balanced columns under a span-all intro, grid columns 0–4; three unequal columns, grid columns 5–7. */
const balanced = textFrame(tpl, 'a', 'a', [0, 5, 0, 40], { balance: true });
const unequalBase = textFrame(tpl, 'b', 'b', [5, 3, 0, 20]);
const unequal = { ...unequalBase, columnWidthsPt: [10, 10, (unequalBase.widthPt - 2 * BODY_PT) / BODY_PT - 20].map((c) => c * BODY_PT) };

describe('column variations in the exported PDF', () => {
  let dir = '';
  let lines: PdfLine[] = [];
  beforeAll(async () => {
    const doc = documentOf([
      story('a', blk('headline', '德清改革'), cols(intro, p(han(700)))),
      story('b', cols(p(han(900)))),
    ], [{ id: 'A01', frames: [balanced, unequal] }], tpl);
    const layout = createComposer(fonts).compose(doc).pages[0]!;
    const bytes = await exportPdf({
      pages: [layout], fonts, preset: 'print', assets: async () => undefined,
      meta: { title: '德清新闻 A01', paper: '德清新闻', issueDate: '2023-07-20', edition: '头版', documentName: 'columns.folio', version: 'v1' },
      output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'Newsprint, coldset offset (IFRA26)', totalInkLimitPct: 240 },
      bleedPt: BLEED_PT, slugPt: SLUG_PT, createdAt: new Date('2026-12-07T03:00:00Z'), furnitureFontId: 'noto-serif-sc-400',
    });
    dir = mkdtempSync(path.join(tmpdir(), 'folio-columns-'));
    writeFileSync(path.join(dir, 'columns.pdf'), bytes);
    lines = pdfLines(path.join(dir, 'columns.pdf'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const inFrame = (f: { xPt: number; yPt: number; widthPt: number; heightPt: number }) =>
    lines.filter((l) => l.xMinPt >= f.xPt - 1 && l.xMaxPt <= f.xPt + f.widthPt + 1 && l.yMinPt >= f.yPt - PITCH_PT / 2 && l.yMaxPt <= f.yPt + f.heightPt + PITCH_PT / 2);

  it('sets the intro across the frame, and the five columns under it end within one line of each other', () => {
    const set = inFrame(balanced);
    const colWidthPt = (balanced.widthPt - 4 * BODY_PT) / 5;
    // Below the headline, lines wider than a column are the intro's; its first runs (nearly) the frame's width.
    const introLines = set.filter((l) => l.xMaxPt - l.xMinPt > colWidthPt + BODY_PT && l.text.includes('本报讯'));
    expect(introLines.length).toBeGreaterThanOrEqual(1);
    expect(introLines[0]!.xMaxPt - introLines[0]!.xMinPt).toBeGreaterThan(balanced.widthPt - 3 * BODY_PT);
    const introBottom = Math.max(...set.filter((l) => l.yMinPt <= introLines[introLines.length - 1]!.yMinPt + PITCH_PT + 0.5 && l.xMaxPt - l.xMinPt > colWidthPt + BODY_PT).map((l) => l.yMaxPt));
    const bottoms: number[] = [];
    for (let c = 0; c < 5; c++) {
      const left = balanced.xPt + c * (colWidthPt + BODY_PT);
      const col = set.filter((l) => l.yMinPt > introBottom && l.xMinPt >= left - 1 && l.xMaxPt <= left + colWidthPt + 1);
      expect(col.length).toBeGreaterThan(3);
      bottoms.push(Math.max(...col.map((l) => l.yMaxPt)));
    }
    expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(PITCH_PT + 0.5);
    // Balanced, not filled: the columns stop well above the frame's foot.
    expect(Math.max(...bottoms)).toBeLessThan(balanced.yPt + balanced.heightPt - 5 * PITCH_PT);
  });

  it('sets the unequal columns at their own widths', () => {
    const set = inFrame(unequal);
    const widths = unequal.columnWidthsPt;
    let left = unequal.xPt;
    for (const w of widths) {
      const col = set.filter((l) => l.xMinPt >= left - 1 && l.xMaxPt <= left + w + 1);
      expect(col).toHaveLength(20);
      // Justified lines run the column's full measure.
      expect(Math.max(...col.map((l) => l.xMaxPt - l.xMinPt))).toBeGreaterThan(w - BODY_PT);
      left += w + BODY_PT;
    }
  });
});
