/**
 * Typing latency in the real renderer (browser mode, Debian Chromium), on the sample front page:
 *
 * 1. Build the renderer if stale, start `folio serve` over a temporary copy of the sample, open it in Chromium.
 * 2. Open the lead story in the story editor and put the caret in its body.
 * 3. For each of N keystrokes, inside the page: note the time, insert one character the way the keyboard
 *    does (`insertText` into ProseMirror), count animation frames until the page's layout version moves, and
 *    take the time at the end of that task (composed and drawn). Report the median and worst time from
 *    keystroke to updated page, and the share of keystrokes whose update ran in the very next frame.
 * 4. The app's own status figures (compose and draw time of the last update) are reported beside them.
 * 5. Issue scale (issue 14 item 6): in the same window, open the generated 32-page issue (issue-file.ts), show
 *    page A20, open its lead story by double-clicking its frame, and time keystrokes the same way:
 *    `ui_keystroke_to_page_ms_32p` median and p90, beside the one-page p90 and their ratio.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mmToPt } from '../../src-core/model/units.js';
import type { FolioDocument } from '../../src-core/model/document.js';
import { buildRendererIfStale, startServer } from '../e2e/global-setup.js';
import { ISSUE_FILE_NAME, writeIssueFile } from './issue-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Keystrokes measured (after WARMUP untimed ones: the first edits JIT-compile the edit path). */
const KEYSTROKES = 40;
const WARMUP = 5;
/** Frames a keystroke may take before the bench gives up on it (a broken update path, not a slow one). */
const MAX_FRAMES = 120;
/** The page typed on in the issue: deep in the issue, so a compose that redoes every page would show. */
const ISSUE_PAGE = 'A20';
/** How long opening the 32-page issue may take on a loaded 2-core machine. */
const ISSUE_OPEN_TIMEOUT_MS = 120_000;

/** One bench figure. */
export interface BrowserBenchRow {
  metric: string;
  value: number;
  unit?: string;
  note?: string;
}

interface KeystrokeSample {
  ms: number;
  frames: number;
}

/** Runs the browser bench; needs /usr/bin/chromium. */
export async function runBrowserBench(): Promise<BrowserBenchRow[]> {
  buildRendererIfStale();
  const workspace = mkdtempSync(path.join(tmpdir(), 'folio-bench-ui-'));
  cpSync(path.join(ROOT, 'templates/samples/deqing-front-2023-07-20.folio'), path.join(workspace, 'sample.folio'));
  const issue = writeIssueFile(workspace);
  const server = await startServer(workspace);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const t0 = Date.now();
    await page.goto(server.url);
    const content = page.getByTestId('page-content');
    await content.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="page-content"]')?.getAttribute('data-layout-version')) > 0, undefined, { timeout: 120_000 });
    const openMs = Date.now() - t0;

    await page.getByRole('navigation', { name: 'Pages and stories' }).getByRole('button', { name: /停不下来/ }).click();
    const textbox = page.getByRole('textbox', { name: 'Story text' });
    await textbox.getByText(/成立/).first().click();

    // A string, not a function: the TypeScript loader decorates functions with helpers the page lacks.
    const samples = (await page.evaluate(typingScript(KEYSTROKES, WARMUP, MAX_FRAMES))) as KeystrokeSample[];
    const status = (await page.getByLabel('Compose and draw time').textContent()) ?? '';
    const rows = summarise(samples, openMs, status);

    await openIssueStory(page, issue);
    const issueSamples = (await page.evaluate(typingScript(KEYSTROKES, WARMUP, MAX_FRAMES))) as KeystrokeSample[];
    const issueStatus = (await page.getByLabel('Compose and draw time').textContent()) ?? '';
    return [...rows, ...summariseIssue(issueSamples, samples, issueStatus)];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * Opens the issue through the Open dialog, shows page {@link ISSUE_PAGE} and puts the caret in the body of its
 * lead story (double-click on the frame, then a click in the story editor's second block).
 */
export async function openIssueStory(page: Page, issue: FolioDocument): Promise<void> {
  const content = page.getByTestId('page-content');
  const generation = Number(await content.getAttribute('data-document-generation'));
  await page.keyboard.press('Control+o');
  await page.getByRole('dialog', { name: 'Open or create' }).getByRole('button', { name: `Open ${ISSUE_FILE_NAME}` }).click();
  await page.waitForFunction((g) => Number(document.querySelector('[data-testid="page-content"]')?.getAttribute('data-document-generation')) > g, generation, { timeout: ISSUE_OPEN_TIMEOUT_MS });
  await page.getByRole('region', { name: 'Pages' }).getByRole('button', { name: new RegExp(`^Page ${ISSUE_PAGE}\\b`) }).click();
  const overlay = page.getByRole('application', { name: new RegExp(`^Page ${ISSUE_PAGE}\\b`) });
  await overlay.waitFor();
  const pageData = issue.pages.find((p) => p.name === ISSUE_PAGE);
  const frame = pageData?.frames.find((f) => f.id === `${ISSUE_PAGE}-lead-body`);
  if (!frame) throw new RangeError(`The generated issue has no frame ${ISSUE_PAGE}-lead-body`);
  const box = await overlay.boundingBox();
  if (!box) throw new RangeError(`Page ${ISSUE_PAGE} is not on screen`);
  const pxPerPt = box.width / mmToPt(issue.template.page.trimWidthMm);
  // Near the frame's top-left corner: on the page whatever the zoom (the frame may reach below the viewport).
  await overlay.dblclick({ position: { x: (frame.xPt + 20) * pxPerPt, y: (frame.yPt + 20) * pxPerPt } });
  const textbox = page.getByRole('textbox', { name: 'Story text' });
  await textbox.locator('p').nth(1).click();
}

/** The in-page measuring loop (see step 3 of the summary). */
export function typingScript(n: number, warmup: number, maxFrames: number): string {
  return `(async () => {
    const content = document.querySelector('[data-testid="page-content"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // The end of the task that changed the layout version (compose and the draw effects it triggers).
    const afterTask = () => new Promise((resolve) => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(0); });
    let changed = null;
    let framesSeen = 0;
    new MutationObserver(() => { if (!changed) changed = { frames: framesSeen, done: afterTask() }; })
      .observe(content, { attributes: true, attributeFilter: ['data-layout-version'] });
    const out = [];
    for (let i = 0; i < ${n + warmup}; i++) {
      await frame();
      await frame();
      changed = null;
      framesSeen = 0;
      const start = performance.now();
      document.execCommand('insertText', false, '字');
      while (!changed && framesSeen < ${maxFrames}) {
        await frame();
        framesSeen++;
      }
      if (i < ${warmup}) continue;
      out.push(changed ? { ms: (await changed.done) - start, frames: changed.frames } : { ms: NaN, frames: -1 });
    }
    return out;
  })()`;
}

function summarise(samples: readonly KeystrokeSample[], openMs: number, status: string): BrowserBenchRow[] {
  const lost = samples.filter((s) => s.frames < 0).length;
  if (lost > 0) throw new RangeError(`${lost} of ${samples.length} keystrokes never reached the page (layout version unchanged after ${MAX_FRAMES} frames)`);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const nextFrame = samples.filter((s) => s.frames <= 1).length;
  return [
    { metric: 'ui_open_sample_ms', value: openMs, unit: 'ms', note: 'page load to first composed page, fonts included' },
    { metric: 'ui_keystroke_to_page_ms', value: ms[ms.length >> 1]!, unit: 'ms', note: `median of ${samples.length}: insertText to page re-composed and drawn (includes the wait for the next frame)` },
    { metric: 'ui_keystroke_to_page_max_ms', value: ms[ms.length - 1]!, unit: 'ms' },
    { metric: 'ui_keystrokes_in_next_frame', value: nextFrame / samples.length, unit: 'fraction', note: `last update: ${status}` },
    { metric: 'ui_keystroke_to_page_p90_ms', value: percentile(ms, 0.9), unit: 'ms', note: 'one page, p90' },
  ];
}

/** The `p` quantile (0…1) of ascending `sorted` values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function summariseIssue(samples: readonly KeystrokeSample[], onePage: readonly KeystrokeSample[], status: string): BrowserBenchRow[] {
  const lost = samples.filter((s) => s.frames < 0).length;
  if (lost > 0) throw new RangeError(`${lost} of ${samples.length} keystrokes on the 32-page issue never reached the page`);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const one = onePage.map((s) => s.ms).sort((a, b) => a - b);
  const p90 = percentile(ms, 0.9);
  return [
    { metric: 'ui_keystroke_to_page_ms_32p', value: ms[ms.length >> 1]!, unit: 'ms', note: `median of ${samples.length} on page ${ISSUE_PAGE} of the 32-page issue` },
    { metric: 'ui_keystroke_to_page_ms_32p_p90', value: p90, unit: 'ms', note: `last update: ${status}` },
    { metric: 'ui_keystroke_32p_over_1p_p90', value: p90 / percentile(one, 0.9), unit: 'ratio', note: '32-page p90 over one-page p90' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of await runBrowserBench()) console.log(JSON.stringify(row));
}
