/**
 * The walking skeleton, end to end in browser mode: open the sample → the canvas shows the headline's ink →
 * edit a story from the page → the page is re-composed with the new text → Save → Export PDF → the PDF shows
 * the same page (rendered with pdftoppm and measured).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, pdfInkFraction, renderGrey, renderPng, trimOffsetPt } from './pages/pdf.js';
import { loadSample, sampleFrame, SAMPLE_PRINT_ERRORS, trimSizePt } from './pages/sample.js';
import { META_CONTENT_SECURITY_POLICY } from '../../src-main/server/csp.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const leadHead = sampleFrame(sample, 'lead-head');
const leadHeadRect = { xPt: leadHead.xPt, yPt: leadHead.yPt, widthPt: leadHead.widthPt, heightPt: leadHead.heightPt };
/** A strip of the left margin, outside every frame: must stay paper-white. */
const marginStrip = { xPt: 4, yPt: 300, widthPt: 30, heightPt: 400 };
/** Display type covers well over this share of a headline group's frame; empty paper has none. */
const MIN_HEADLINE_INK = 0.03;
/** Typed text (not in the sample). */
const TYPED = '测试新字';

test('open → draw → edit from the page → re-compose → save → export PDF', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await app.open();
  // The built page carries its Content-Security-Policy itself (for Electron's file:// loads), as the header says.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY);

  // The layout set the lead story's headline group in its frame, and the canvas drew it as ink.
  await expect(canvas.frameText('lead-head')).toContainText('停不下来');
  const screenInk = await canvas.inkFraction(leadHeadRect);
  expect(screenInk).toBeGreaterThan(MIN_HEADLINE_INK);
  expect(await canvas.inkFraction(marginStrip)).toBe(0);
  await expect(canvas.content).not.toHaveAttribute('data-glyphs', '0');

  // Double-click into the headline group: the story opens with the caret there; typing re-composes the page.
  await canvas.doubleClickAt(leadHead.xPt + 120, leadHead.yPt + 45);
  await expect(editor.textbox).toBeFocused();
  // The editor's caret is mirrored on the page: caret-blue pixels on the overlay near the click.
  const caretPixels = await page.getByTestId('page-overlay').evaluate(
    (c, { xPt, yPt, trimWidthPt }) => {
      const el = c as HTMLCanvasElement;
      const k = el.width / trimWidthPt;
      const d = el.getContext('2d')!.getImageData(Math.round((xPt - 60) * k), Math.round((yPt - 30) * k), Math.round(120 * k), Math.round(60 * k)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 180 && d[i] < 80 && d[i + 3] > 200) n++;
      return n;
    },
    { xPt: leadHead.xPt + 120, yPt: leadHead.yPt + 45, trimWidthPt: trim.widthPt },
  );
  expect(caretPixels).toBeGreaterThan(3);
  await expect(app.status.getByLabel('Selection')).toContainText(/caret \d+/);
  await expect(editor.panel.getByRole('heading', { level: 2 })).toContainText('停不下来');
  const before = await canvas.layoutVersion();
  await editor.type(TYPED);
  await canvas.waitForComposeAfter(before);
  await expect(editor.textbox).toContainText(TYPED);
  await expect(canvas.frameText('lead-head')).toContainText(TYPED);
  await expect(app.documentState).toHaveText('● Unsaved changes');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-app-after-edit.png') });

  // Save (the sample opens unsaved, so Save asks for a name), then export.
  await app.saveAs('e2e-saved.folio');
  const workspace = process.env.FOLIO_E2E_WORKSPACE ?? '';
  expect(statSync(path.join(workspace, 'e2e-saved.folio')).size).toBeGreaterThan(1000);

  const files = await app.exportPdf('shortcut', SAMPLE_PRINT_ERRORS);
  expect(files).toHaveLength(1);
  const pdf = path.isAbsolute(files[0]) ? files[0] : path.join(workspace, files[0]);
  expect(existsSync(pdf)).toBe(true);

  // The PDF draws the same layout: ink in the headline frame, none in the margin.
  const png = renderPng(pdf, 'e2e-export-A01', 50);
  expect(statSync(png).size).toBeGreaterThan(10_000);
  const grey = renderGrey(pdf, 50);
  const offset = trimOffsetPt(pdf);
  const pdfInk = pdfInkFraction(grey, offset, leadHeadRect);
  expect(pdfInk).toBeGreaterThan(MIN_HEADLINE_INK);
  expect(pdfInkFraction(grey, offset, marginStrip)).toBe(0);
  test.info().annotations.push({ type: 'ink', description: `headline frame ink: screen ${screenInk.toFixed(3)}, PDF ${pdfInk.toFixed(3)}` });
});

test('the token leaves the address bar but survives a reload; the proof preset exports a proof PDF', async ({ page }) => {
  const app = new FolioApp(page);
  await app.open();
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByTestId('page-content')).toHaveAttribute('data-layout-version', /^[1-9]\d*$/, { timeout: 60_000 });
  await app.toolbar.getByRole('combobox', { name: 'PDF preset' }).selectOption('proof');
  const files = await app.exportPdf();
  const workspace = process.env.FOLIO_E2E_WORKSPACE ?? '';
  const pdf = path.isAbsolute(files[0]) ? files[0] : path.join(workspace, files[0]);
  const png = renderPng(pdf, 'e2e-export-proof-A01', 50);
  expect(statSync(png).size).toBeGreaterThan(10_000);
  // The proof carries the 校样 PROOF watermark as text.
  expect(execFileSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' })).toMatch(/PROOF|校样/);
});
