/**
 * A proofreader marks up the draft: selects text in a story, writes a comment (Ctrl+Alt+M or Comment…), sees it
 * highlighted on the page and listed under Comments; preflight warns before print while it is open; the proof PDF
 * carries it as a highlight annotation over the same text; resolving it is one undoable step.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, PDFName, type PDFArray, type PDFDict, type PDFHexString } from 'pdf-lib';
import path from 'node:path';
import { FolioApp } from './pages/app.js';
import { ARTIFACTS_DIR, renderPng } from './pages/pdf.js';
import { StoryEditor } from './pages/editor.js';

/** Overlay pixels in the comment highlight's yellow (rgba(255, 200, 40, 0.35) on a cleared canvas). */
async function highlightedPixels(page: Page): Promise<number> {
  return page.getByTestId('page-overlay').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return -1;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 40 && data[i]! > 200 && data[i + 1]! > 150 && data[i + 1]! < 230 && data[i + 2]! < 120) n++;
    }
    return n;
  });
}

/** The Highlight annotations of a PDF's first page: their comment text and author. */
async function highlightAnnotations(file: string): Promise<{ contents: string; author: string }[]> {
  const pdf = await PDFDocument.load(readFileSync(file));
  const annots = pdf.getPage(0).node.Annots();
  const out: { contents: string; author: string }[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = pdf.context.lookup(annots!.get(i)) as PDFDict;
    if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Highlight')) continue;
    out.push({
      contents: (annot.get(PDFName.of('Contents')) as PDFHexString).decodeText(),
      author: (annot.get(PDFName.of('T')) as PDFHexString).decodeText(),
    });
  }
  return out;
}

test('comment on selected text: highlighted, listed, warned before print, annotated in the proof PDF, resolved with undo', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  await app.open();
  const editor = new StoryEditor(page);
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments).toBeHidden(); // the sample has none
  const before = await highlightedPixels(page);

  // 1. Select six characters of the lead story and comment on them with Ctrl+Alt+M.
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect([...selected]).toHaveLength(6);
  await editor.expectSelected(6);
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment' }).fill('此处数据请与统计局核实');
  await form.getByRole('textbox', { name: 'Your name' }).fill('王校对');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
  await expect(app.message).toContainText('Comment added.');

  // 2. Listed with its quote, text and author; highlighted on the page (overlay only) once the selection is gone.
  await page.keyboard.press('End');
  await expect(comments).toContainText('1 open');
  await expect(comments).toContainText(`「${selected}」`);
  await expect(comments).toContainText('此处数据请与统计局核实');
  await expect(comments).toContainText('王校对');
  await expect.poll(() => highlightedPixels(page)).toBeGreaterThan(before + 50);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-comment-open.png') });

  // 3. Before print, preflight warns that a comment is still open.
  const preflight = page.getByRole('region', { name: 'Preflight' });
  await expect(preflight).toContainText('is still open (王校对): 此处数据请与统计局核实');

  // 4. The proof PDF carries it as a highlight annotation; the print PDF does not.
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('proof');
  const [proof] = await app.exportPdf();
  expect(await highlightAnnotations(proof!)).toEqual([{ contents: '此处数据请与统计局核实', author: '王校对' }]);
  renderPng(proof!, 'e2e-comment-proof', 60);

  // 5. Resolve: no longer open, highlighted or warned about; Ctrl+Z opens it again.
  await comments.getByRole('button', { name: 'Resolve' }).click();
  await expect(comments).toContainText('0 open');
  await expect(preflight).not.toContainText('is still open');
  await expect.poll(() => highlightedPixels(page)).toBeLessThanOrEqual(before);
  await page.keyboard.press('Control+z');
  await expect(comments).toContainText('1 open');
  await expect.poll(() => highlightedPixels(page)).toBeGreaterThan(before + 50);

  // 6. Clicking the quote selects its text again in the story editor.
  await page.keyboard.press('Control+Home');
  await comments.getByRole('button', { name: `「${selected}」` }).click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(selected);
});

test('regression: a comment on text a tracked change then deletes stays visible, on the page and in the proof PDF', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new FolioApp(page);
  await app.open();
  const editor = new StoryEditor(page);
  const before = await highlightedPixels(page);

  // Comment on four characters of the lead story's headline.
  await editor.openFromList(/停不下来/);
  await editor.caretToStart();
  await page.keyboard.press('ArrowDown');
  // Inside the headline, away from the frame's edge (where the selected frame's handles are drawn).
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await editor.expectSelected(4);
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  await page.keyboard.press('Control+Alt+m');
  const form = page.getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment' }).fill('此句删后请补写');
  await form.getByRole('textbox', { name: 'Your name' }).fill('王校对');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();

  // With Track changes on, the same text is deleted: struck in the galley, gone from the page.
  await editor.textbox.click();
  await editor.caretToStart();
  await page.keyboard.press('ArrowDown');
  // Inside the headline, away from the frame's edge (where the selected frame's handles are drawn).
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await editor.expectSelected(4);
  await page.keyboard.press('Control+Shift+e');
  await expect(editor.button('Track changes')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Backspace');
  await expect(editor.textbox.locator('del.pm-deletion')).toHaveText(selected);
  await page.keyboard.press('Control+End');

  // The comment is still open and the overlay marks it with a note at the cut (its highlight had no width).
  await expect(page.getByRole('region', { name: 'Comments' })).toContainText('1 open');
  await expect.poll(() => highlightedPixels(page)).toBeGreaterThan(before + 10);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-comment-on-struck-text.png') });

  // The proof PDF carries it as a note with a box a viewer can show and click, and draws it.
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('proof');
  const [proof] = await app.exportPdf();
  const pdf = await PDFDocument.load(readFileSync(proof!));
  const annots = (pdf.getPage(0).node.Annots()?.asArray() ?? []).map((ref) => pdf.context.lookup(ref) as PDFDict);
  const note = annots.find((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Text'));
  expect((note?.get(PDFName.of('Contents')) as PDFHexString | undefined)?.decodeText()).toBe('此句删后请补写');
  const [x1, y1, x2, y2] = (note!.get(PDFName.of('Rect')) as PDFArray).asArray().map((n) => Number(n.toString()));
  expect(x2! - x1!).toBeGreaterThan(2);
  expect(y2! - y1!).toBeGreaterThan(4);
  expect(note!.get(PDFName.of('AP'))).toBeDefined();
  renderPng(proof!, 'e2e-comment-on-struck-text-proof', 100);
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('print');
});
