/**
 * The page canvas: frame selection and the inspector, moving a frame with the keyboard and the mouse (with
 * column snapping) and undoing it, zoom controls, and the guides overlay.
 */
import { expect, test, type Page } from '@playwright/test';
import { createPageGrid } from '../../src-core/layout/grid.js';
import { ptToMm } from '../../src-core/model/units.js';
import { columnEdgesPt } from '../../src-renderer/page/snap.js';
import { openSharedWindow, type FolioApp } from './pages/app.js';
import { PageCanvas } from './pages/canvas.js';
import { loadSample, sampleFrame, trimSizePt } from './pages/sample.js';

const sample = loadSample();
const trim = trimSizePt(sample);
const bikes = sampleFrame(sample, 'bikes');

// One window for the file; each test reopens the sample (fonts stay loaded).
test.describe.configure({ mode: 'serial' });
let shared: Page;
let app: FolioApp;
test.beforeAll(async ({ browser }) => {
  ({ page: shared, app } = await openSharedWindow(browser));
});
test.afterAll(async () => {
  await shared.close();
});

test('click selects a frame; arrows and drags move it (snapped to columns); Ctrl+Z undoes', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const x = inspector.getByRole('spinbutton', { name: 'X (mm)' });

  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(inspector).toContainText('Text frame bikes');
  await expect(x).toHaveValue(ptToMm(bikes.xPt).toFixed(1));
  await expect(inspector.getByLabel('Copyfit')).toHaveText(/^(fits|[+−]\d+ lines?)$/);

  await canvas.surface.press('Shift+ArrowRight');
  await expect(x).toHaveValue(ptToMm(bikes.xPt + sample.template.grid.linePitchPt).toFixed(1));
  await canvas.surface.press('Control+z');
  await expect(x).toHaveValue(ptToMm(bikes.xPt).toFixed(1));

  // Drag right by one grid column step less a few points: the frame's left edge snaps to a grid column edge.
  // (The sample's bikes frame starts at the type area's left edge, so there is no edge to its left.)
  const edgesPt = columnEdgesPt(sample.template, createPageGrid(sample.template));
  const columnStepPt = edgesPt[2]! - edgesPt[0]!;
  const from = await canvas.clientPoint(bikes.xPt + 40, bikes.yPt + 60);
  const to = await canvas.clientPoint(bikes.xPt + 40 + columnStepPt - 4, bikes.yPt + 60);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  const edges = edgesPt.map((e) => ptToMm(e).toFixed(1));
  const moved = await x.inputValue();
  expect(moved).not.toBe(ptToMm(bikes.xPt).toFixed(1));
  expect(edges).toContain(moved);
  await canvas.surface.press('Control+z');
  await expect(x).toHaveValue(ptToMm(bikes.xPt).toFixed(1));

  // Typing a value in the inspector moves the frame too.
  await x.fill('100');
  await x.press('Enter');
  await expect(x).toHaveValue('100.0');
});

test('zoom: 100 %, fit page, zoom in, Ctrl+wheel; guides draw on the overlay only', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const zoom = app.status.getByLabel('Zoom');
  await app.button('100 %').click();
  await expect(zoom).toHaveText('100 %');
  const box = await canvas.surface.boundingBox();
  expect(box?.width).toBeCloseTo(trim.widthPt * (96 / 72), 0);
  await app.button('Fit page').click();
  const fit = Number((await zoom.textContent())?.replace(/\D/g, ''));
  expect(fit).toBeLessThan(100);
  await app.button('Zoom in').click();
  const zoomPercent = async () => Number((await zoom.textContent())?.replace(/\D/g, ''));
  await expect.poll(zoomPercent).toBeGreaterThanOrEqual(Math.floor(fit * 1.2) - 1);
  expect(await zoomPercent()).toBeLessThanOrEqual(Math.ceil(fit * 1.2) + 1);
  const zoomedIn = await zoomPercent();
  const centre = await canvas.clientPoint(trim.widthPt / 2, trim.heightPt / 3);
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(zoomPercent).toBeGreaterThan(zoomedIn);

  // Guides: the overlay gains baseline-grid pixels; the content layer is unchanged. At a fixed zoom: the
  // rulers that come with the guides take room, which would change a fitted zoom.
  await app.button('100 %').click();
  const overlay = page.getByTestId('page-overlay');
  const painted = () =>
    overlay.evaluate((c) => {
      const el = c as HTMLCanvasElement;
      const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  const contentBefore = await canvas.inkFraction({ xPt: 0, yPt: 0, widthPt: trim.widthPt, heightPt: trim.heightPt });
  const without = await painted();
  await app.button('Guides').click();
  await expect.poll(painted).toBeGreaterThan(without * 2);
  expect(await canvas.inkFraction({ xPt: 0, yPt: 0, widthPt: trim.widthPt, heightPt: trim.heightPt })).toBeCloseTo(contentBefore, 6);
  // Leave the window as the next test expects it: guides off, whole page in view.
  await app.button('Guides').click();
  await app.button('Fit page').click();
});

test('a frame made too short shows overset: red marker, copyfit +lines, a preflight error', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const preflight = page.getByRole('region', { name: 'Preflight' });
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(inspector).toContainText('Text frame bikes');
  await expect(preflight.getByRole('button', { name: /overset/i })).toHaveCount(0);

  const height = inspector.getByRole('spinbutton', { name: 'Height (mm)' });
  await height.fill('40');
  await height.press('Enter');
  await expect(inspector.getByLabel('Copyfit')).toHaveText(/^\+\d+ lines?$/);
  await expect(app.status.getByLabel('Copyfit of open story')).toHaveText(/^Copyfit \+\d+ lines?$/);
  await expect(preflight.getByRole('button', { name: /error: Overset text/ })).toHaveCount(1);

  // The overset marker: red pixels by the frame's new bottom-right corner, on its out-port (overlay only, never the content).
  const newBottomPt = bikes.yPt + (40 * 72) / 25.4;
  const red = await page.getByTestId('page-overlay').evaluate(
    (c, { xPt, yPt, trimWidthPt }) => {
      const el = c as HTMLCanvasElement;
      const k = el.width / trimWidthPt;
      const size = 30;
      const d = el.getContext('2d')!.getImageData(Math.round(xPt * k) - size, Math.round(yPt * k) - size, size, size).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 60 && d[i + 2] < 60 && d[i + 3] > 200) n++;
      return n;
    },
    { xPt: bikes.xPt + bikes.widthPt, yPt: newBottomPt, trimWidthPt: trim.widthPt },
  );
  expect(red).toBeGreaterThan(5);
});

test('keyboard only: ] selects frames in paint order, Enter edits the frame’s story', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await canvas.surface.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  const [first, second] = sample.pages[0].frames;
  await expect(inspector).toContainText(`Text frame ${first.label ?? first.id}`);
  await page.keyboard.press(']');
  await expect(inspector).toContainText(`frame ${second.label ?? second.id}`);
  await page.keyboard.press('[');
  await page.keyboard.press('Enter');
  const textbox = page.getByRole('textbox', { name: 'Story text' });
  await expect(textbox).toBeFocused();
  await expect(page.getByRole('region', { name: 'Story editor' }).getByRole('heading', { level: 2 })).toHaveText(sample.stories.masthead.name);
});

test('one document history: Ctrl+Z on the page takes back a frame move, then the text typed before it', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const y = inspector.getByRole('spinbutton', { name: 'Y (mm)' });
  const textbox = page.getByRole('textbox', { name: 'Story text' });

  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await textbox.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('历史');
  await expect(canvas.frameText('bikes')).toContainText('历史');

  await canvas.surface.focus();
  await page.keyboard.press('ArrowDown');
  await expect(y).toHaveValue(ptToMm(bikes.yPt + 1).toFixed(1));
  await page.keyboard.press('Control+z');
  await expect(y).toHaveValue(ptToMm(bikes.yPt).toFixed(1));
  await expect(canvas.frameText('bikes')).toContainText('历史');
  await page.keyboard.press('Control+z');
  await expect(canvas.frameText('bikes')).not.toContainText('历史');
  await expect(textbox).not.toContainText('历史');
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.frameText('bikes')).toContainText('历史');
});

test('dragging the bottom-right handle resizes the frame', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  await expect(inspector).toContainText('Text frame bikes');
  const from = await canvas.clientPoint(bikes.xPt + bikes.widthPt, bikes.yPt + bikes.heightPt);
  const to = await canvas.clientPoint(bikes.xPt + bikes.widthPt + 30, bikes.yPt + bikes.heightPt + 40);
  await page.mouse.move(from.x, from.y);
  await expect(canvas.surface).toHaveCSS('cursor', 'nwse-resize');
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  const width = Number(await inspector.getByRole('spinbutton', { name: 'Width (mm)' }).inputValue());
  const height = Number(await inspector.getByRole('spinbutton', { name: 'Height (mm)' }).inputValue());
  // The pointer lands on whole screen pixels: allow a pixel's worth (≈ 2 pt at fit-page zoom).
  expect(Math.abs(width - ptToMm(bikes.widthPt + 30))).toBeLessThan(1);
  expect(Math.abs(height - ptToMm(bikes.heightPt + 40))).toBeLessThan(1);
  expect(Number(await inspector.getByRole('spinbutton', { name: 'X (mm)' }).inputValue())).toBeCloseTo(ptToMm(bikes.xPt), 1);
});

test('Add text frame places a new story on the page; Delete removes the frame; Ctrl+Z brings it back', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const textbox = page.getByRole('textbox', { name: 'Story text' });
  await app.button('Add text frame').click();
  await expect(inspector).toContainText('Text frame story-frame');
  await expect(textbox).toContainText('标题');
  await textbox.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('新稿正文');
  await expect(canvas.frameText('story-frame')).toContainText('新稿正文');

  await canvas.surface.focus();
  await page.keyboard.press('Delete');
  await expect(canvas.frameText('story-frame')).toHaveCount(0);
  await expect(inspector).toContainText('Select a frame');
  await page.keyboard.press('Control+z');
  await expect(canvas.frameText('story-frame')).toContainText('新稿正文');
  await expect(inspector).toContainText('Text frame story-frame');
});

test('the inspector threads and unthreads frames; the story reflows', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const preflight = page.getByRole('region', { name: 'Preflight' });
  // The lead runs on from its first frame into its second (lead-1 → lead-2).
  const lead1 = sampleFrame(sample, 'lead-1');
  await canvas.clickAt(lead1.xPt + 20, lead1.yPt + 40);
  await expect(inspector).toContainText('Text frame lead-1');
  const thread = inspector.getByRole('combobox', { name: 'Continues in frame' });
  await expect(thread).toHaveValue('lead-2');
  const lead2Text = await canvas.frameText('lead-2').textContent();
  expect(lead2Text?.length).toBeGreaterThan(20);

  // Unthreaded, lead-2 no longer continues the story from lead-1 (the text that flowed there is overset).
  // One read that never waits: counting and then reading raced the re-render that removes the emptied frame's
  // text, and textContent() then waited for an element that was gone.
  const lead2Now = async () => (await canvas.frameText('lead-2').allTextContents())[0] ?? null;
  await thread.selectOption('');
  await expect.poll(lead2Now).not.toBe(lead2Text);
  await expect(preflight.getByRole('button', { name: /error: Overset text/ })).not.toHaveCount(0);

  await thread.selectOption('lead-2');
  await expect(canvas.frameText('lead-2')).toHaveText(lead2Text ?? '');
  await expect(preflight.getByRole('button', { name: /error: Overset text/ })).toHaveCount(0);
  await canvas.surface.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(lead2Now).not.toBe(lead2Text);
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.frameText('lead-2')).toHaveText(lead2Text ?? '');
});

test('the inspector changes a frame’s columns; the story reflows and Ctrl+Z restores it', async () => {
  const page = shared;
  await app.reopenSample();
  const canvas = new PageCanvas(page, trim.widthPt);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await canvas.clickAt(bikes.xPt + 40, bikes.yPt + 60);
  const columns = inspector.getByRole('spinbutton', { name: 'Columns' });
  await expect(columns).toHaveValue('1');
  const textBefore = await canvas.frameText('bikes').textContent();
  const copyfitBefore = (await inspector.getByLabel('Copyfit').textContent()) ?? '';
  await columns.fill('3');
  await columns.press('Enter');
  await expect(columns).toHaveValue('3');
  // Narrower columns set the same text on more lines: the copyfit changes.
  await expect(inspector.getByLabel('Copyfit')).not.toHaveText(copyfitBefore);
  await canvas.surface.focus();
  await page.keyboard.press('Control+z');
  await expect(columns).toHaveValue('1');
  await expect(canvas.frameText('bikes')).toHaveText(textBefore ?? '');
  await expect(inspector.getByLabel('Copyfit')).toHaveText(copyfitBefore);
});
