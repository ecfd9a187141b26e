/**
 * Work that must happen soon but not inside the task that shows a keystroke (the text layer, thumbnails): run in
 * the browser's next idle period, or after `maxWaitMs` at the latest when the page never idles.
 */

/**
 * Runs `work` when the main thread is next idle (`requestIdleCallback`), within `maxWaitMs` milliseconds;
 * a plain timer where the browser has no idle callbacks.
 */
export function whenIdle(work: () => void, maxWaitMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: maxWaitMs });
  else setTimeout(work, 0);
}
