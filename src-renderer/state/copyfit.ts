/**
 * Copyfit as a newsroom reads it: per story, lines over (+) or short (−) summed over the pages where it runs,
 * formatted like `+3 lines` / `−2 lines` / `fits`.
 */
import type { PageLayout } from '../../src-core/layout/page-layout.js';

/** Line delta per story id over all pages (positive = overset, negative = space left). */
export function copyfitByStory(layouts: readonly PageLayout[]): Map<string, number> {
  const byStory = new Map<string, number>();
  for (const layout of layouts) for (const entry of layout.copyfit) byStory.set(entry.storyId, (byStory.get(entry.storyId) ?? 0) + entry.lineDelta);
  return byStory;
}

/** `+3 lines`, `−1 line` (with a real minus sign), or `fits` for zero. */
export function formatCopyfit(lineDelta: number): string {
  if (lineDelta === 0) return 'fits';
  const n = Math.abs(lineDelta);
  const sign = lineDelta > 0 ? '+' : '\u2212';
  return `${sign}${n} line${n === 1 ? '' : 's'}`;
}
