/**
 * The page's text layer (for screen readers, under the canvas) reads exactly as the exported PDF's text: the
 * sample page is exported, its text taken with `pdftotext -raw` inside the trim box and compared with the
 * layer's, white space aside; the layer keeps headlines, subheads and paragraphs apart, each starting where a
 * line of the PDF starts (issue 12: opening quotes were dropped and subheads ran into the next paragraph).
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { pdfTrimText } from './pages/pdf.js';
import { loadSample, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());
const noSpace = (s: string) => s.replace(/\s+/g, '');

test('the text layer reads as the PDF’s text: every character in order, paragraphs and subheads apart', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  await app.open();
  await expect(canvas.frameText('lead-1')).toContainText('以改革促创新发展');
  const frames = await canvas.paragraphs();

  const files = await app.exportPdf('button', SAMPLE_PRINT_ERRORS);
  const workspace = process.env.FOLIO_E2E_WORKSPACE ?? '';
  const pdf = path.isAbsolute(files[0]!) ? files[0]! : path.join(workspace, files[0]!);
  const pdfText = pdfTrimText(pdf);

  const paragraphs = frames.flatMap((f) => f.paragraphs.map(noSpace)).filter((p) => p !== '');
  expect(paragraphs.join('')).toBe(noSpace(pdfText));

  // Each paragraph of the layer starts where one of the PDF's lines starts (never inside a line).
  const lineStarts = new Set<number>();
  let at = 0;
  for (const line of pdfText.split('\n')) {
    lineStarts.add(at);
    at += noSpace(line).length;
  }
  let offset = 0;
  for (const p of paragraphs) {
    expect(lineStarts.has(offset), `paragraph “${p.slice(0, 12)}…” starts inside a line of the PDF`).toBe(true);
    offset += p.length;
  }

  const byFrame = new Map(frames.map((f) => [f.frameId, f.paragraphs.map(noSpace)]));
  expect(byFrame.get('lead-head')).toEqual(['“八八战略”在德清', '“停不下来”的改革创造了奇迹', '记者董华']);
  const lead1 = byFrame.get('lead-1') ?? [];
  const subhead = lead1.indexOf('以改革促创新发展');
  expect(subhead).toBeGreaterThan(0);
  expect(lead1[subhead + 1]).toMatch(/^从2015年/);
});
