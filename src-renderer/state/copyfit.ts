/**
 * Copyfit as a newsroom reads it: per story, lines over (+) or short (−) summed over the pages where it runs,
 * formatted in the interface language like `+3 lines` / `−2 lines` / `fits` (`+3 行` / `正好`).
 */
import type { Translator } from '../../src-core/i18n/translator.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';

/** Line delta per story id over all pages (positive = overset, negative = space left). */
export function copyfitByStory(layouts: readonly PageLayout[]): Map<string, number> {
  const byStory = new Map<string, number>();
  for (const layout of layouts) for (const entry of layout.copyfit) byStory.set(entry.storyId, (byStory.get(entry.storyId) ?? 0) + entry.lineDelta);
  return byStory;
}

/** `+3 lines`, `−1 line` (with a real minus sign), or `fits` for zero, in the language of `translator`. */
export function formatCopyfit(lineDelta: number, translator: Pick<Translator, 't'>): string {
  if (lineDelta === 0) return translator.t('copyfit.fits');
  return translator.t(lineDelta > 0 ? 'copyfit.over' : 'copyfit.under', { lines: Math.abs(lineDelta) });
}
