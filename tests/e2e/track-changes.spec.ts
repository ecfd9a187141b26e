/**
 * Tracked changes (修改留痕): with Track changes on, a proofreader's typing (keyboard and IME) is marked
 * inserted and Backspace strikes text instead of removing it; the page shows the text as it will read once
 * accepted; the Changes panel lists each change with its author; preflight warns before print; Reject
 * restores struck text, Accept all settles the rest, and Ctrl+Z takes that back; the proof PDF carries the
 * change as an annotation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, type PDFDict, type PDFHexString } from 'pdf-lib';
import { expect, test } from '@playwright/test';
import { useSharedWindow } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { StoryEditor } from './pages/editor.js';
import { ARTIFACTS_DIR, renderPng } from './pages/pdf.js';
import { loadSample, trimSizePt } from './pages/sample.js';

const trim = trimSizePt(loadSample());

const win = useSharedWindow();

test('track changes: typed and IME text is inserted, Backspace strikes; the page reads as accepted; reject, accept all, undo', async () => {
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  const lastParagraph = editor.textbox.locator('p').last();
  const original = (await lastParagraph.textContent()) ?? '';
  expect(original.length).toBeGreaterThan(6);

  await editor.button('Track changes').click();
  await expect(editor.button('Track changes')).toHaveAttribute('aria-pressed', 'true');
  await editor.panel.getByRole('textbox', { name: 'Reviewer name' }).fill('王校对');

  // Type at the end of the story: the text is inserted and marked.
  await editor.caretToEnd();
  await editor.type('（完）');
  await expect(editor.textbox.locator('ins.pm-insertion')).toHaveText('（完）');

  // Back over the insertion, then Backspace twice: the story's last two characters are struck, not removed.
  // (Arrow keys move the browser's caret; Backspace acts on ProseMirror's, so wait until it has followed.)
  const end = await editor.caret();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await editor.expectCaret(end - 3);
  await page.keyboard.press('Backspace');
  await editor.expectCaret(end - 4);
  await page.keyboard.press('Backspace');
  const struck = original.slice(-2);
  await expect(editor.textbox.locator('del.pm-deletion')).toHaveText(struck);
  await expect(lastParagraph).toHaveText(`${original}（完）`);
  // The page sets the text as it will read once accepted: the struck characters are gone from it.
  await expect(canvas.textLayer).toContainText(`${original.slice(-6, -2)}（完）`);

  // An input method's text is tracked too, once the composition ends.
  await page.keyboard.press('Control+End');
  await editor.typeWithIme('gaige', '改革');
  await expect(editor.textbox.locator('ins.pm-insertion')).toHaveText('（完）改革');
  await expect(canvas.textLayer).toContainText(`${original.slice(-6, -2)}（完）改革`);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-track-changes.png') });

  // The Changes panel lists both, signed; preflight warns before print.
  const changes = page.getByRole('region', { name: 'Tracked changes' });
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Deleted' })).toContainText(struck);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Inserted' })).toContainText('（完）改革');
  await expect(changes).toContainText('王校对');
  await expect(page.getByRole('region', { name: 'Preflight' })).toContainText('2 tracked changes in');

  // Reject the deletion: the characters are back on the page.
  await changes.getByRole('listitem').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Reject' }).click();
  await expect(editor.textbox.locator('del.pm-deletion')).toHaveCount(0);
  await expect(canvas.textLayer).toContainText(`${original.slice(-4)}（完）改革`);

  // Accept all: the insertion is plain text; the panel and the warning go. One Ctrl+Z on the page brings them back.
  await changes.getByRole('button', { name: 'Accept all' }).click();
  await expect(changes).toBeHidden();
  await expect(editor.textbox.locator('ins.pm-insertion')).toHaveCount(0);
  await expect(lastParagraph).toHaveText(`${original}（完）改革`);
  await expect(page.getByRole('region', { name: 'Preflight' })).not.toContainText('tracked change');
  await canvas.clickAt(5, 5);
  await canvas.surface.press('Control+z');
  await expect(editor.textbox.locator('ins.pm-insertion')).toHaveText('（完）改革');

  // The proof PDF carries the insertion as an underline annotation, signed.
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('proof');
  const [proof] = await app.exportPdf();
  const pdf = await PDFDocument.load(readFileSync(proof!));
  const annots = pdf.getPage(0).node.Annots();
  const read = (annots?.asArray() ?? []).map((ref) => {
    const a = pdf.context.lookup(ref) as PDFDict;
    return `${a.get(PDFName.of('Subtype'))?.toString()} ${(a.get(PDFName.of('Contents')) as PDFHexString).decodeText()} ${(a.get(PDFName.of('T')) as PDFHexString).decodeText()}`;
  });
  expect(read).toEqual(['/Underline 插入 Inserted：「（完）改革」 王校对']);
  renderPng(proof!, 'e2e-track-changes-proof', 60);
  await page.getByRole('combobox', { name: 'PDF preset' }).selectOption('print');

  // With tracking off (Ctrl+Shift+E in the story), typing is plain again.
  await editor.textbox.click();
  await page.keyboard.press('Control+Shift+e');
  await expect(editor.button('Track changes')).toHaveAttribute('aria-pressed', 'false');
  await editor.textbox.click();
  await page.keyboard.press('Control+End');
  await editor.type('。');
  await expect(editor.textbox.locator('ins.pm-insertion')).toHaveText('（完）改革');
  await expect(lastParagraph).toHaveText(`${original}（完）改革。`);
});

test('track changes: Enter and Backspace at a paragraph start are tracked as paragraph breaks; reject and accept them', async () => {
  const page = win.page();
  const app = win.app();
  await app.reopenSample();
  const editor = new StoryEditor(page);
  await editor.openFromList(/停不下来/);
  const paragraphs = editor.textbox.locator('p.pm-paragraph');
  const before = await paragraphs.count();
  await editor.button('Track changes').click();
  await expect(editor.button('Track changes')).toHaveAttribute('aria-pressed', 'true');
  await editor.panel.getByRole('textbox', { name: 'Reviewer name' }).fill('王校对');
  const changes = page.getByRole('region', { name: 'Tracked changes' });

  // Enter at the end of the story and a new paragraph: the break and the text are both inserted.
  await editor.caretToEnd();
  await page.keyboard.press('Enter');
  await editor.type('新段');
  await expect(paragraphs).toHaveCount(before + 1);
  await expect(editor.textbox.locator('[data-break-change="insertion"]')).toHaveCount(1);
  await expect(changes.getByRole('listitem').filter({ hasText: '¶ paragraph break' })).toContainText('Inserted');
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-track-changes-break.png') });

  // Reject all: the story is as it was.
  await changes.getByRole('button', { name: 'Reject all' }).click();
  await expect(paragraphs).toHaveCount(before);
  await expect(editor.textbox.locator('[data-break-change]')).toHaveCount(0);

  // Again, accepted this time: a paragraph of its own.
  await editor.caretToEnd();
  await page.keyboard.press('Enter');
  await editor.type('新段');
  await changes.getByRole('button', { name: 'Accept all' }).click();
  await expect(paragraphs).toHaveCount(before + 1);
  await expect(paragraphs.last()).toHaveText('新段');

  // Backspace at the start of that paragraph strikes the break instead of joining: the galley keeps both
  // paragraphs and marks the break; accepting joins them.
  await editor.caretToEnd();
  const end = await editor.caret();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  // (Backspace acts on ProseMirror's caret: wait until it has followed the browser's to the paragraph start.)
  await editor.expectCaret(end - 2);
  await page.keyboard.press('Backspace');
  await expect(editor.textbox.locator('[data-break-change="deletion"]')).toHaveCount(1);
  await expect(paragraphs).toHaveCount(before + 1);
  await expect(changes.getByRole('listitem').filter({ hasText: '¶ paragraph break' })).toContainText('Deleted');
  await changes.getByRole('button', { name: 'Accept all' }).click();
  await expect(paragraphs).toHaveCount(before);
  await expect(paragraphs.last()).toContainText('新段');
  // Ctrl+Z brings the struck break back.
  await page.keyboard.press('Control+z');
  await expect(editor.textbox.locator('[data-break-change="deletion"]')).toHaveCount(1);
});

test('regression: an IME composition begun with focus on the Track changes button ends as exactly the committed text', async () => {
  // Chrome aims compositionstart at the focused button, then composes into the galley's selection: ProseMirror
  // used to read the first preedit letters as typing, and the pinyin stayed: [-迹。-][+c城北+].
  const page = win.page();
  const app = win.app();
  const editor = new StoryEditor(page);
  const trackButton = editor.button('Track changes');
  const cases = [
    { name: 'tracked, over a selection', tracked: true, select: 2 },
    { name: 'tracked, at a bare caret', tracked: true, select: 0 },
    { name: 'not tracked, over a selection', tracked: false, select: 2 },
  ];
  for (const c of cases) {
    await test.step(c.name, async () => {
      await app.reopenSample();
      await editor.openFromList(/停不下来/);
      const lastParagraph = editor.textbox.locator('p').last();
      const original = (await lastParagraph.textContent()) ?? '';
      await editor.caretToEnd();
      for (let i = 0; i < c.select; i++) await page.keyboard.press('Shift+ArrowLeft');
      if (c.select > 0) await editor.expectSelected(c.select);
      // End with tracking as the case wants and focus on the button (clicked once or twice).
      if ((await trackButton.getAttribute('aria-pressed')) === String(c.tracked)) await trackButton.click();
      await trackButton.click();
      await expect(trackButton).toHaveAttribute('aria-pressed', String(c.tracked));
      await expect(trackButton).toBeFocused();

      await editor.typeWithIme('chengbei', '城北');

      const kept = original.slice(0, original.length - c.select);
      const struck = original.slice(original.length - c.select);
      if (c.tracked) {
        await expect(editor.textbox.locator('ins.pm-insertion')).toHaveText('城北');
        await expect(editor.textbox.locator('del.pm-deletion')).toHaveText(struck === '' ? [] : [struck]);
        await expect(lastParagraph).toHaveText(`${original}城北`);
        const changes = page.getByRole('region', { name: 'Tracked changes' });
        await expect(changes.getByRole('listitem')).toHaveCount(c.select > 0 ? 2 : 1);
        if (c.select > 0) await lastParagraph.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-track-changes-ime-from-button.png') });
      } else {
        await expect(lastParagraph).toHaveText(`${kept}城北`);
        await expect(editor.textbox.locator('ins.pm-insertion, del.pm-deletion')).toHaveCount(0);
      }
      await expect(editor.textbox).not.toContainText('cheng');
    });
  }
  if ((await trackButton.getAttribute('aria-pressed')) === 'true') await trackButton.click();
});
