/**
 * Finding one's way in an issue of many pages (issue 14 item 7), as pure functions over the document.
 *
 * 1. `resolvePageQuery`: what the Go to page field (Ctrl+G) accepts — a page name as printed (A05, a5, A5 for
 *    A05) or a page number counted from the first page (5) — to a page index, or a one-line reason why not.
 * 2. `spreadTemplate` / `spreadColumns`: the Pages panel's grid of spreads. The front page stands alone on the
 *    right, as printed; then facing pages pair up (2|3, 4|5 …), `spreadsPerRow` spreads to a row.
 * 3. `storyGroups`: the story list grouped by the page each story starts on, in page order, filtered by name;
 *    running heads (page headers 报眉, folios: stories set only in template furniture frames in the margins,
 *    outside the type area) are left out — a masthead, furniture inside the type area, stays — and stories set
 *    in no frame come last.
 */
import { createPageGrid } from '../../src-core/layout/grid.js';
import type { RectPt } from '../../src-core/layout/page-layout.js';
import type { FolioDocument, Frame, Page, Story } from '../../src-core/model/document.js';

/** Spreads to a row of the Pages panel: the range its zoom control offers. */
export const MIN_SPREADS_PER_ROW = 2;
export const MAX_SPREADS_PER_ROW = 4;

/** A page name split into its section prefix and number (A05 → A, 5). */
const PAGE_NAME = /^(\D*?)0*(\d+)$/;

/** Why a page query found no page. */
export type PageQueryError = { kind: 'empty' } | { kind: 'unknown'; query: string; first: string; last: string };

/**
 * The index of the page `query` names: an exact page name (any case), the same prefix and number however the
 * number is padded (A5 = A05), or a bare number counted from 1 in document order.
 */
export function resolvePageQuery(pages: readonly Pick<Page, 'name'>[], query: string): { ok: true; index: number } | { ok: false; error: PageQueryError } {
  const q = query.trim();
  if (q === '') return { ok: false, error: { kind: 'empty' } };
  const lower = q.toLowerCase();
  const exact = pages.findIndex((p) => p.name.toLowerCase() === lower);
  if (exact >= 0) return { ok: true, index: exact };
  const m = PAGE_NAME.exec(q);
  if (m) {
    const [, prefix, digits] = m;
    const byName = pages.findIndex((p) => {
      const pm = PAGE_NAME.exec(p.name);
      return pm !== null && pm[1]!.toLowerCase() === prefix!.toLowerCase() && Number(pm[2]) === Number(digits);
    });
    if (byName >= 0) return { ok: true, index: byName };
    if (prefix === '') {
      const n = Number(digits);
      if (n >= 1 && n <= pages.length) return { ok: true, index: n - 1 };
    }
  }
  return { ok: false, error: { kind: 'unknown', query: q, first: pages[0]?.name ?? '', last: pages[pages.length - 1]?.name ?? '' } };
}

/**
 * Grid columns of the spread grid, as CSS `grid-template-columns`: two page columns per spread, with a
 * `spreadGapPx` gutter column between spreads.
 */
export function spreadTemplate(spreadsPerRow: number, spreadGapPx: number): string {
  return Array.from({ length: spreadsPerRow }, () => 'minmax(0, 1fr) minmax(0, 1fr)').join(` ${spreadGapPx}px `);
}

/**
 * The 1-based grid column (in `spreadTemplate`'s columns) of each of `pageCount` pages at `spreadsPerRow`
 * spreads to a row: the front page in the first spread's right-hand column, then pages left and right in turn.
 */
export function spreadColumns(pageCount: number, spreadsPerRow: number): number[] {
  const slots = 2 * spreadsPerRow;
  const columns: number[] = [];
  for (let i = 0; i < pageCount; i++) {
    const slot = (i + 1) % slots;
    // Each spread before this slot's spread adds its gutter column.
    columns.push(slot + Math.floor(slot / 2) + 1);
  }
  return columns;
}

/** How far a frame may reach past the type area and still count as inside it, pt (rounding of mm geometry). */
const TYPE_AREA_TOLERANCE_PT = 0.5;

/** A furniture frame in the margins: where running heads and folios sit (a masthead sits inside the type area). */
function isRunningHeadFrame(frame: Frame, typeArea: RectPt): boolean {
  if (frame.furniture !== true) return false;
  const t = TYPE_AREA_TOLERANCE_PT;
  const inside = frame.xPt >= typeArea.xPt - t && frame.yPt >= typeArea.yPt - t &&
    frame.xPt + frame.widthPt <= typeArea.xPt + typeArea.widthPt + t && frame.yPt + frame.heightPt <= typeArea.yPt + typeArea.heightPt + t;
  return !inside;
}

/** Stories starting on one page (or on none: `page` undefined), in the order of their first frames. */
export interface StoryGroup {
  page: Page | undefined;
  pageIndex: number;
  stories: Story[];
}

/**
 * Stories grouped by the page of their first frame, in page order, then unplaced stories; running heads left
 * out (stories set only in furniture frames in the margins). `filter` keeps stories whose name contains it (case-insensitive, surrounding spaces ignored); groups left
 * empty by it are dropped.
 */
export function storyGroups(doc: FolioDocument, filter = ''): StoryGroup[] {
  const needle = filter.trim().toLowerCase();
  const firstPage = new Map<string, number>();
  const runningHead = new Map<string, boolean>();
  const typeArea = createPageGrid(doc.template).typeArea;
  const order: string[][] = doc.pages.map(() => []);
  doc.pages.forEach((page, pageIndex) => {
    for (const frame of page.frames) {
      if (frame.kind !== 'text') continue;
      runningHead.set(frame.storyId, (runningHead.get(frame.storyId) ?? true) && isRunningHeadFrame(frame, typeArea));
      if (!firstPage.has(frame.storyId)) {
        firstPage.set(frame.storyId, pageIndex);
        order[pageIndex]!.push(frame.storyId);
      }
    }
  });
  const keep = (story: Story | undefined): story is Story => story !== undefined && !runningHead.get(story.id) && (needle === '' || story.name.toLowerCase().includes(needle));
  const groups: StoryGroup[] = [];
  doc.pages.forEach((page, pageIndex) => {
    const stories = order[pageIndex]!.map((id) => doc.stories[id]).filter(keep);
    if (stories.length > 0) groups.push({ page, pageIndex, stories });
  });
  const unplaced = Object.values(doc.stories).filter((s) => !firstPage.has(s.id)).filter(keep);
  if (unplaced.length > 0) groups.push({ page: undefined, pageIndex: -1, stories: unplaced });
  return groups;
}
