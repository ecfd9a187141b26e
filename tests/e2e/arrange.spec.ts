/**
 * Arranging frames on the canvas: shift-click and marquee multi-selection, moving all selected frames with the
 * arrow keys (one undo step), lock (no move, padlock, inspector), paint order with Ctrl+[ / Ctrl+] (a picture
 * sent behind the masthead lets its type show through), and threading a story by clicking a text frame's
 * out-port and then the target frame (Esc cancels; double-clicking the out-port unthreads).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ptToMm } from '../../src-core/model/units.js';
import { framePorts } from '../../src-renderer/page/overlay.js';
import { framesInMarquee, rectFromCorners } from '../../src-renderer/state/selection.js';
import { twoColourRgbPng } from '../unit/pdf/test-assets.js';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas, type RectPt } from './pages/canvas.js';
import { inspector, placeFile } from './pages/canvas-images.js';
import { ARTIFACTS_DIR } from './pages/pdf.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bikes = sampleFrame(sample, 'bikes');
const leidian = sampleFrame(sample, 'leidian');
const masthead = sampleFrame(sample, 'masthead');
const pitch = sample.template.grid.linePitchPt;
const mm = (pt: number) => ptToMm(pt).toFixed(1);

test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
let canvas: PageCanvas;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
  canvas = new PageCanvas(shared, trim.widthPt);
  const dir = process.env.FOLIO_E2E_WORKSPACE;
  if (!dir) throw new RangeError('FOLIO_E2E_WORKSPACE is not set (run through playwright.config.ts).');
  writeFileSync(path.join(dir, 'arrange-red-blue.png'), twoColourRgbPng(300, 200, [255, 0, 0], [0, 0, 255]));
});
test.afterAll(async () => {
  await shared.close();
});

const xField = (panel: Locator) => panel.getByRole('spinbutton', { name: 'X (mm)', exact: true });

/** Selects one frame by clicking inside it and returns its X as the inspector shows it. */
async function xOf(frame: RectPt): Promise<string> {
  await canvas.clickAt(frame.xPt + 30, frame.yPt + 30);
  return xField(inspector(shared)).inputValue();
}

test('shift-click selects two frames; arrows move both as one undo step', async () => {
  await app.reopenSample();
  await app.button('Fit page').click();
  const panel = inspector(shared);
  await canvas.clickAt(bikes.xPt + 30, bikes.yPt + 30);
  await canvas.shiftClickAt(leidian.xPt + 30, leidian.yPt + 30);
  await expect(panel).toContainText('2 frames selected');
  await canvas.surface.press('Shift+ArrowRight');
  await canvas.surface.press('Shift+ArrowRight');
  await expect.poll(() => xOf(bikes)).toBe(mm(bikes.xPt + 2 * pitch));
  await expect.poll(() => xOf(leidian)).toBe(mm(leidian.xPt + 2 * pitch));
  // leidian alone is selected now: shift-click adds bikes, shift-click on leidian takes it out again.
  await canvas.shiftClickAt(bikes.xPt + 30, bikes.yPt + 30);
  await expect(panel).toContainText('2 frames selected');
  await canvas.shiftClickAt(leidian.xPt + 30, leidian.yPt + 30);
  await expect(panel).toContainText('Text frame bikes');
  await canvas.surface.press('Control+z');
  await expect.poll(() => xOf(bikes)).toBe(mm(bikes.xPt + pitch));
  await expect.poll(() => xOf(leidian)).toBe(mm(leidian.xPt + pitch));
  await canvas.surface.press('Control+z');
  await expect.poll(() => xOf(bikes)).toBe(mm(bikes.xPt));
  await expect.poll(() => xOf(leidian)).toBe(mm(leidian.xPt));

  // Delete removes both selected frames at once (their stories stay); one Ctrl+Z brings both back.
  await canvas.shiftClickAt(bikes.xPt + 30, bikes.yPt + 30);
  await expect(panel).toContainText('2 frames selected');
  await canvas.surface.press('Delete');
  await expect(canvas.frameText('bikes')).toHaveCount(0);
  await expect(canvas.frameText('leidian')).toHaveCount(0);
  await canvas.surface.press('Control+z');
  await expect(canvas.frameText('bikes')).toHaveCount(1);
  await expect(canvas.frameText('leidian')).toHaveCount(1);
});

test('a marquee from empty page selects every frame it touches; dragging one moves them all', async () => {
  await app.reopenSample();
  await app.button('Fit page').click();
  const panel = inspector(shared);
  // From the page's top-left margin (no frame there) into the bikes frame.
  const start = { xPt: 8, yPt: 8 };
  const end = { xPt: bikes.xPt + 20, yPt: bikes.yPt + 20 };
  const expected = framesInMarquee(sample.pages[0], rectFromCorners(start, end));
  expect(expected.length).toBeGreaterThan(3);
  const a = await canvas.clientPoint(start.xPt, start.yPt);
  const b = await canvas.clientPoint(end.xPt, end.yPt);
  await shared.mouse.move(a.x, a.y);
  await shared.mouse.down();
  await shared.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
  await shared.mouse.move(b.x, b.y, { steps: 3 });
  await shared.screenshot({ path: path.join(ARTIFACTS_DIR, 'arrange-marquee.png') });
  await shared.mouse.up();
  await expect(panel).toContainText(`${expected.length} frames selected`);

  // Drag bikes (in the selection) down by about 60 pt: every unlocked selected frame moves, the locked
  // masthead stays; one Ctrl+Z puts them all back.
  const from = await canvas.clientPoint(bikes.xPt + 100, bikes.yPt + 60);
  const to = await canvas.clientPoint(bikes.xPt + 100, bikes.yPt + 120);
  await shared.mouse.move(from.x, from.y);
  await shared.mouse.down();
  await shared.mouse.move(to.x, (from.y + to.y) / 2, { steps: 3 });
  await shared.mouse.move(to.x, to.y, { steps: 3 });
  await shared.mouse.up();
  const yField = panel.getByRole('spinbutton', { name: 'Y (mm)', exact: true });
  await canvas.clickAt(bikes.xPt + 100, bikes.yPt + 150);
  await expect(panel).toContainText('Text frame bikes');
  const movedBy = Number(await yField.inputValue()) - Number(mm(bikes.yPt));
  expect(movedBy).toBeGreaterThan(ptToMm(40));
  await canvas.clickAt(masthead.xPt + 30, masthead.yPt + 30);
  await expect(yField).toHaveValue(mm(masthead.yPt));
  await canvas.surface.press('Control+z');
  await canvas.clickAt(bikes.xPt + 100, bikes.yPt + 30);
  await expect(yField).toHaveValue(mm(bikes.yPt));
});

test('a locked frame cannot be moved; the inspector and the overlay show the lock; unlock is undoable', async () => {
  await app.reopenSample();
  await app.button('Fit page').click();
  const panel = inspector(shared);
  await canvas.clickAt(bikes.xPt + 30, bikes.yPt + 30);
  const locked = panel.getByRole('checkbox', { name: 'Locked' });
  await expect(locked).not.toBeChecked();
  await locked.check();
  await expect(panel).toContainText('(locked)');
  await expect(xField(panel)).toBeDisabled();
  await canvas.surface.press('ArrowRight');
  await expect(app.message).toContainText('is locked');
  const from = await canvas.clientPoint(bikes.xPt + 100, bikes.yPt + 60);
  await shared.mouse.move(from.x, from.y);
  await shared.mouse.down();
  await shared.mouse.move(from.x + 80, from.y, { steps: 4 });
  await shared.mouse.up();
  await expect(xField(panel)).toHaveValue(mm(bikes.xPt));
  await shared.screenshot({ path: path.join(ARTIFACTS_DIR, 'arrange-locked.png') });
  await canvas.surface.press('Control+z');
  await expect(locked).not.toBeChecked();
  await canvas.surface.press('ArrowRight');
  await expect(xField(panel)).toHaveValue(mm(bikes.xPt + 1));
});

/** Pixels of a page rectangle that are near black (type), on the content canvas. */
async function blackPixels(rect: RectPt): Promise<number> {
  return canvas.content.evaluate((el, r) => {
    const c = el as HTMLCanvasElement;
    const k = c.width / r.trimWidthPt;
    const d = c.getContext('2d')!.getImageData(Math.round(r.xPt * k), Math.round(r.yPt * k), Math.round(r.widthPt * k), Math.round(r.heightPt * k)).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 70 && d[i + 1] < 70 && d[i + 2] < 70) n++;
    return n;
  }, { ...rect, trimWidthPt: trim.widthPt });
}

test('paint order: Ctrl+[ sends a picture behind the masthead (its type shows), Ctrl+] brings it back over', async () => {
  await app.reopenSample();
  await app.button('Fit page').click();
  const panel = inspector(shared);
  await canvas.surface.press('Escape');
  await placeFile(shared, 'arrange-red-blue.png');
  // The front page has no empty area: the app asks where, and a click at the masthead's corner puts the picture
  // at the type area's top-left, over the masthead's title.
  await expect(app.message).toContainText('no empty area for the picture');
  await canvas.clickAt(masthead.xPt + 2, masthead.yPt + 2);
  await expect(panel).toContainText('Image frame image-img-');
  const title: RectPt = { xPt: masthead.xPt + 20, yPt: masthead.yPt + 15, widthPt: 150, heightPt: 40 };
  await expect.poll(() => blackPixels(title)).toBe(0);
  const frames = sample.pages[0].frames.length;
  for (let i = 0; i < frames; i++) await canvas.surface.press('Control+BracketLeft');
  await expect.poll(() => blackPixels(title)).toBeGreaterThan(200);
  await shared.screenshot({ path: path.join(ARTIFACTS_DIR, 'arrange-behind-masthead.png') });
  for (let i = 0; i < frames; i++) await canvas.surface.press('Control+BracketRight');
  await expect.poll(() => blackPixels(title)).toBe(0);
  // The inspector's buttons do the same, one step each.
  await panel.getByRole('button', { name: 'Send backward' }).click();
  await panel.getByRole('button', { name: 'Bring forward' }).click();
  await expect.poll(() => blackPixels(title)).toBe(0);
});

test('thread by out-port: click the port, click the target frame; Esc cancels; double-click the port unthreads', async () => {
  await app.reopenSample();
  await app.button('Fit page').click();
  const panel = inspector(shared);
  const box = await canvas.surface.boundingBox();
  const k = box!.width / trim.widthPt;
  const out = framePorts(bikes, k)[1];
  const leidianStory = sampleFrame(sample, 'leidian');
  expect(leidianStory.kind).toBe('text');

  // Out-port, then Esc: nothing is threaded.
  await canvas.clickAt(out.xPt, out.yPt);
  await expect(app.message).toContainText('Click the frame the story continues in');
  await canvas.surface.press('Escape');
  await expect(app.message).toContainText('Threading cancelled');
  await canvas.clickAt(leidian.xPt + 30, leidian.yPt + 30);
  await expect(canvas.frameText('leidian')).toHaveAttribute('data-story-id', 'leidian');

  // Out-port, then the target: the bikes story flows on into leidian.
  await canvas.clickAt(out.xPt, out.yPt);
  const target = await canvas.clientPoint(leidian.xPt + 100, leidian.yPt + 80);
  await shared.mouse.move(target.x, target.y, { steps: 4 });
  await shared.screenshot({ path: path.join(ARTIFACTS_DIR, 'arrange-threading.png') });
  await shared.mouse.click(target.x, target.y);
  await expect(panel).toContainText('Text frame bikes');
  await expect(panel.getByRole('combobox', { name: 'Continues in frame' })).toHaveValue('leidian');
  await expect(app.message).toContainText('The story continues in frame leidian');
  // leidian now continues the bikes story, which ends in bikes: its own story no longer shows there.
  await expect(canvas.frameText('leidian')).toHaveCount(0);
  await shared.screenshot({ path: path.join(ARTIFACTS_DIR, 'arrange-threaded.png') });

  // Double-clicking the (now filled) out-port breaks the thread again; Ctrl+Z takes that back, then the thread.
  const port = await canvas.clientPoint(out.xPt, out.yPt);
  await shared.mouse.dblclick(port.x, port.y);
  await expect(app.message).toContainText('The story now ends in frame bikes');
  await expect(panel.getByRole('combobox', { name: 'Continues in frame' })).toHaveValue('');
  await canvas.surface.press('Control+z');
  await expect(panel.getByRole('combobox', { name: 'Continues in frame' })).toHaveValue('leidian');
  await expect(canvas.frameText('leidian')).toHaveCount(0);
  await canvas.surface.press('Control+z');
  await expect(canvas.frameText('leidian')).toHaveAttribute('data-story-id', 'leidian');
});
