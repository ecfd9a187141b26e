/**
 * What changed between two layouts of the same page, so the content layer repaints only that after an edit
 * (a keystroke changes a few lines; repainting ≈ 6,000 glyph outlines costs far more than a frame).
 *
 * 1. Items present in both layouts (the same object, or equal drawing data) in the same paint order are unchanged;
 *    a change of paint order (z-order) repaints everything. The same objects leading and trailing both lists are
 *    skipped first, so only the middle, where the edit is, is matched item by item.
 * 2. Every other item, from the old layout (to erase) and the new one (to paint), contributes its ink
 *    bounds, padded for antialiasing.
 * 3. The result is those rectangles, or `'all'` when the page geometry changed or the region is most of
 *    the page anyway (one full repaint is then cheaper than many clipped ones).
 */
import type { LayoutItem, PageLayout, RectPt } from '../../src-core/layout/page-layout.js';
import { textEffectsKey, textEffectsPadPt } from '../../src-core/layout/text-effects.js';
import { rotatedBounds } from '../../src-core/layout/rotation.js';

/** Ink may reach this far beyond a glyph's em box (accents, swashes), in ems. */
const GLYPH_OVERHANG_EM = 0.5;
/** Padding around every changed rectangle for antialiased edges, points. */
const AA_PAD_PT = 1;
/** Above this share of the page area, repaint everything. */
const FULL_REPAINT_SHARE = 0.5;

/** Conservative ink bounds of one item, in page points. */
export function itemBoundsPt(item: LayoutItem): RectPt {
  // A rotated frame's item covers the box around its turned bounds.
  return rotatedBounds(unturnedBoundsPt(item), item.rotation);
}

function unturnedBoundsPt(item: LayoutItem): RectPt {
  switch (item.kind) {
    case 'glyphs': {
      let minX = Infinity;
      let maxX = -Infinity;
      const emXPt = item.sizePt * (item.scaleX ?? 1);
      for (const g of item.glyphs) {
        minX = Math.min(minX, g.xPt);
        maxX = Math.max(maxX, g.xPt + emXPt * (g.scaleX ?? 1));
      }
      if (!Number.isFinite(minX)) return { xPt: 0, yPt: item.baselineYPt, widthPt: 0, heightPt: 0 };
      // Overhang in the larger em, so a 长体 or 扁体 run's ink is never under-counted.
      const heightPt = item.sizePt * (item.scaleY ?? 1);
      // Display effects (勾边, 阴影) reach further than the glyph: their own pad is added.
      const over = Math.max(emXPt, heightPt) * GLYPH_OVERHANG_EM + textEffectsPadPt(item.effects);
      return { xPt: minX - over, yPt: item.baselineYPt - heightPt - over, widthPt: maxX - minX + 2 * over, heightPt: heightPt + 2 * over };
    }
    case 'rule': {
      const half = item.strokePt / 2;
      const x = Math.min(item.x1Pt, item.x2Pt) - half;
      const y = Math.min(item.y1Pt, item.y2Pt) - half;
      return { xPt: x, yPt: y, widthPt: Math.abs(item.x2Pt - item.x1Pt) + item.strokePt, heightPt: Math.abs(item.y2Pt - item.y1Pt) + item.strokePt };
    }
    case 'box': {
      const half = item.strokePt / 2;
      return { xPt: item.rect.xPt - half, yPt: item.rect.yPt - half, widthPt: item.rect.widthPt + item.strokePt, heightPt: item.rect.heightPt + item.strokePt };
    }
    case 'image':
      return item.clip;
  }
}

/**
 * Keys of items already seen: the composer hands the same item objects to the next layout for whatever an edit
 * did not touch, and an edit's new items are the next edit's old ones, so each key is built once.
 */
const itemKeys = new WeakMap<LayoutItem, string>();

/** A key equal for items that draw identically (cached per item object). */
function itemKey(item: LayoutItem): string {
  let key = itemKeys.get(item);
  if (key === undefined) {
    key = buildItemKey(item);
    itemKeys.set(item, key);
  }
  return key;
}

function buildItemKey(item: LayoutItem): string {
  if (item.kind !== 'glyphs') return JSON.stringify(item);
  const { c, m, y, k } = item.colour;
  let key = `${item.fontId}|${item.sizePt}|${item.scaleX ?? 1}x${item.scaleY ?? 1}|${item.baselineYPt}|${c},${m},${y},${k}|`;
  if (item.effects) key += `${textEffectsKey(item.effects)}|`;
  for (const g of item.glyphs) key += `${g.glyphId}@${g.xPt}x${g.scaleX ?? 1};`;
  return key;
}

/** True when two rectangles overlap (touching edges do not count). */
export function rectsIntersect(a: RectPt, b: RectPt): boolean {
  return a.xPt < b.xPt + b.widthPt && b.xPt < a.xPt + a.widthPt && a.yPt < b.yPt + b.heightPt && b.yPt < a.yPt + a.heightPt;
}

function pad(r: RectPt): RectPt {
  return { xPt: r.xPt - AA_PAD_PT, yPt: r.yPt - AA_PAD_PT, widthPt: r.widthPt + 2 * AA_PAD_PT, heightPt: r.heightPt + 2 * AA_PAD_PT };
}

/**
 * The region to repaint when `after` replaces `before` on screen: padded rectangles in page points (possibly
 * empty: nothing changed), or `'all'`.
 */
export function changedRegionPt(before: PageLayout, after: PageLayout): RectPt[] | 'all' {
  if (before.trimWidthPt !== after.trimWidthPt || before.trimHeightPt !== after.trimHeightPt) return 'all';
  // The same objects at the start and the end of both lists are unchanged and in order (an edit re-sets one story,
  // whose items lie together): only the middle is matched item by item, so a keystroke costs what it changed.
  let head = 0;
  while (head < before.items.length && head < after.items.length && before.items[head] === after.items[head]) head++;
  let beforeEnd = before.items.length;
  let afterEnd = after.items.length;
  while (beforeEnd > head && afterEnd > head && before.items[beforeEnd - 1] === after.items[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  const beforeItems = before.items.slice(head, beforeEnd);
  const afterItems = after.items.slice(head, afterEnd);
  const beforeIndex = new Map<LayoutItem, number>(beforeItems.map((item, i) => [item, i]));
  const afterSet = new Set<LayoutItem>(afterItems);
  // Old items not reused as objects, by drawing key, earliest first: new items with an equal key match them.
  const unmatched = new Map<string, number[]>();
  beforeItems.forEach((item, i) => {
    if (afterSet.has(item)) return;
    const key = itemKey(item);
    const list = unmatched.get(key);
    if (list) list.push(i);
    else unmatched.set(key, [i]);
  });
  const rects: RectPt[] = [];
  let lastIndex = -1;
  let reordered = false;
  for (const item of afterItems) {
    const at = beforeIndex.get(item) ?? unmatched.get(itemKey(item))?.shift();
    if (at === undefined) {
      rects.push(pad(itemBoundsPt(item)));
      continue;
    }
    // Unchanged items must also keep their paint order (bring forward / send backward changes only that).
    if (at < lastIndex) reordered = true;
    lastIndex = Math.max(lastIndex, at);
  }
  if (reordered) return 'all';
  // Keys left over are old items with no equal in the new layout: erase them.
  for (const list of unmatched.values()) for (const i of list) rects.push(pad(itemBoundsPt(beforeItems[i]!)));
  const area = rects.reduce((sum, r) => sum + r.widthPt * r.heightPt, 0);
  return area > FULL_REPAINT_SHARE * after.trimWidthPt * after.trimHeightPt ? 'all' : rects;
}
