/**
 * The window's panel sizes: the left column (pages, stories, styles), the right column (inspector, review
 * panels, story editor) and, in the right column, the height of the review area above the story editor. Each
 * may be collapsed. Pure data and functions: App holds the state, the splitters change it, and the choice is
 * kept between sessions (localStorage) — read back only as far as it is still sensible.
 *
 * 1. Widths and the review height are clamped to their ranges (`clampPanelLayout`), and so that the page in the
 *    centre keeps `MIN_CENTRE_PX` at the current window width: a layout made on a wide screen still fits a laptop.
 * 2. The story editor's minimum height is not stored: it is CSS (ten lines of its text), and the review area
 *    gives way to it.
 */

/** Sizes and collapsed states of the panels, CSS pixels. */
export interface PanelLayout {
  readonly leftPx: number;
  readonly rightPx: number;
  /** Height of the review area above the story editor; null: as tall as its content, giving way to the editor. */
  readonly reviewPx: number | null;
  readonly leftCollapsed: boolean;
  readonly rightCollapsed: boolean;
  readonly reviewCollapsed: boolean;
}

/** Where the layout is kept between sessions. */
export const PANEL_LAYOUT_STORAGE_KEY = 'folio.panelLayout';

/** The layout of a first start: what fits a 1366 px laptop with the page at a readable size. */
export const DEFAULT_PANEL_LAYOUT: PanelLayout = { leftPx: 250, rightPx: 380, reviewPx: null, leftCollapsed: false, rightCollapsed: false, reviewCollapsed: false };

/** Left column width range, px: the stories' names stay readable; wider only wastes page room. */
export const LEFT_RANGE_PX = { min: 170, max: 480 } as const;
/** Right column width range, px: the inspector's fields and the editor's toolbar need 300 px. */
export const RIGHT_RANGE_PX = { min: 300, max: 720 } as const;
/** Review area height range, px (the story editor keeps its own minimum below it). */
export const REVIEW_RANGE_PX = { min: 60, max: 2000 } as const;
/** The page in the centre always keeps this width, px (a page thumbnail's worth at fit-page). */
export const MIN_CENTRE_PX = 360;
/** What the two splitters between the columns take, px. */
export const SPLITTERS_PX = 2 * 6;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * `layout` with every size in its range and the columns narrowed (right first, the editor's side keeps
 * more) so that the centre keeps `MIN_CENTRE_PX` in a window `windowPx` wide.
 */
export function clampPanelLayout(layout: PanelLayout, windowPx: number): PanelLayout {
  let leftPx = clamp(Math.round(layout.leftPx), LEFT_RANGE_PX.min, LEFT_RANGE_PX.max);
  let rightPx = clamp(Math.round(layout.rightPx), RIGHT_RANGE_PX.min, RIGHT_RANGE_PX.max);
  const room = windowPx - SPLITTERS_PX - MIN_CENTRE_PX;
  const used = () => (layout.leftCollapsed ? 0 : leftPx) + (layout.rightCollapsed ? 0 : rightPx);
  if (used() > room && !layout.rightCollapsed) rightPx = Math.max(RIGHT_RANGE_PX.min, rightPx - (used() - room));
  if (used() > room && !layout.leftCollapsed) leftPx = Math.max(LEFT_RANGE_PX.min, leftPx - (used() - room));
  const reviewPx = layout.reviewPx === null ? null : clamp(Math.round(layout.reviewPx), REVIEW_RANGE_PX.min, REVIEW_RANGE_PX.max);
  return { ...layout, leftPx, rightPx, reviewPx };
}

/** A stored layout read back: its known, well-typed fields over the defaults; anything else is ignored. */
export function parsePanelLayout(stored: string | null): PanelLayout {
  if (!stored) return DEFAULT_PANEL_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_PANEL_LAYOUT;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_PANEL_LAYOUT;
  const v = value as Record<string, unknown>;
  const num = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
  const bool = (x: unknown, fallback: boolean) => (typeof x === 'boolean' ? x : fallback);
  return {
    leftPx: num(v.leftPx, DEFAULT_PANEL_LAYOUT.leftPx),
    rightPx: num(v.rightPx, DEFAULT_PANEL_LAYOUT.rightPx),
    reviewPx: v.reviewPx === null ? null : typeof v.reviewPx === 'number' && Number.isFinite(v.reviewPx) ? v.reviewPx : DEFAULT_PANEL_LAYOUT.reviewPx,
    leftCollapsed: bool(v.leftCollapsed, false),
    rightCollapsed: bool(v.rightCollapsed, false),
    reviewCollapsed: bool(v.reviewCollapsed, false),
  };
}
