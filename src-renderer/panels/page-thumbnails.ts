/**
 * Page thumbnails for the Pages panel, drawn "greeked" (text lines as grey bars, pictures as grey blocks, rules
 * and boxes as lines) and kept off the keystroke's path (issue 14 item 6).
 *
 * 1. Each thumbnail canvas remembers the PageLayout object it shows. The composer returns the same object for a
 *    page nothing changed on (src-core/layout/cache.ts, page cache), so a keystroke on page 20 of 32 marks one
 *    thumbnail (or the few a threaded story reflows onto) stale, not all of them.
 * 2. Stale thumbnails are redrawn together in a timer task at most `THUMBNAIL_REDRAWS_PER_S` times a second, never
 *    inside the task that composed the page: typing fast redraws a thumbnail a few times a second.
 * 3. A size change (the panel's zoom) redraws every thumbnail in the next such task.
 */
import type { PageLayout } from '../../src-core/layout/page-layout.js';

/** Redraws a second at most: often enough to follow typing, rare enough to cost nothing noticeable. */
export const THUMBNAIL_REDRAWS_PER_S = 4;
const REDRAW_INTERVAL_MS = 1000 / THUMBNAIL_REDRAWS_PER_S;
/** Height of a greeked text bar, as a share of its line box (about the x-height band of CJK text). */
const INK_SHARE = 0.55;

/** What a thumbnail canvas should show: a layout at a width in CSS pixels. */
export interface ThumbnailRequest {
  layout: PageLayout | undefined;
  widthPx: number;
}

interface Entry {
  want: ThumbnailRequest;
  drawn: ThumbnailRequest | null;
}

/** Paints thumbnails in throttled batches (see the module summary). One per panel. */
export class ThumbnailPainter {
  private readonly entries = new Map<HTMLCanvasElement, Entry>();
  private readonly stale = new Set<HTMLCanvasElement>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushMs = -Infinity;
  /** Thumbnails drawn since creation (tests and the status of the panel read it). */
  redraws = 0;

  /**
   * @param draw draws one thumbnail (tests pass a recorder)
   * @param now a clock in milliseconds
   */
  constructor(
    private readonly draw: (canvas: HTMLCanvasElement, request: ThumbnailRequest) => void = drawThumbnail,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks `canvas` to show `want`; drawn in the next batch unless it shows that already. */
  request(canvas: HTMLCanvasElement, want: ThumbnailRequest): void {
    const entry = this.entries.get(canvas);
    if (entry) {
      entry.want = want;
      if (entry.drawn && entry.drawn.layout === want.layout && entry.drawn.widthPx === want.widthPx) {
        this.stale.delete(canvas);
        return;
      }
    } else {
      this.entries.set(canvas, { want, drawn: null });
    }
    this.stale.add(canvas);
    this.schedule();
  }

  /** Forgets a canvas that left the panel. */
  forget(canvas: HTMLCanvasElement): void {
    this.entries.delete(canvas);
    this.stale.delete(canvas);
  }

  /** Stops the pending batch (the panel is going away). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.entries.clear();
    this.stale.clear();
  }

  /** Draws every stale thumbnail now (the timer calls this). */
  flush(): void {
    this.timer = null;
    this.lastFlushMs = this.now();
    for (const canvas of this.stale) {
      const entry = this.entries.get(canvas);
      if (!entry) continue;
      this.draw(canvas, entry.want);
      entry.drawn = entry.want;
      this.redraws++;
    }
    this.stale.clear();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const waitMs = Math.max(0, this.lastFlushMs + REDRAW_INTERVAL_MS - this.now());
    this.timer = setTimeout(() => this.flush(), waitMs);
  }
}

/** Draws `request.layout` greeked into `canvas` at `request.widthPx` CSS pixels wide. */
export function drawThumbnail(canvas: HTMLCanvasElement, request: ThumbnailRequest): void {
  const { layout, widthPx } = request;
  if (!layout) return;
  const dpr = window.devicePixelRatio || 1;
  const k = widthPx / layout.trimWidthPt;
  const heightPx = layout.trimHeightPt * k;
  canvas.style.width = `${widthPx}px`;
  canvas.style.height = `${heightPx}px`;
  canvas.width = Math.round(widthPx * dpr);
  canvas.height = Math.round(heightPx * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(k * dpr, 0, 0, k * dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, layout.trimWidthPt, layout.trimHeightPt);
  ctx.fillStyle = '#c9cdd2';
  ctx.strokeStyle = '#8d939a';
  ctx.lineWidth = 1 / k;
  for (const item of layout.items) {
    if (item.kind === 'image') ctx.fillRect(item.clip.xPt, item.clip.yPt, item.clip.widthPt, item.clip.heightPt);
    else if (item.kind === 'box') ctx.strokeRect(item.rect.xPt, item.rect.yPt, item.rect.widthPt, item.rect.heightPt);
    else if (item.kind === 'rule') {
      ctx.beginPath();
      ctx.moveTo(item.x1Pt, item.y1Pt);
      ctx.lineTo(item.x2Pt, item.y2Pt);
      ctx.stroke();
    }
  }
  ctx.fillStyle = '#7d838a';
  for (const line of layout.lines) {
    const xs = line.caretXPt;
    if (xs.length < 2) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const x of xs) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
    }
    const inkPt = line.rect.heightPt * INK_SHARE;
    ctx.fillRect(x0, line.baselineYPt - inkPt, x1 - x0, inkPt);
  }
}
