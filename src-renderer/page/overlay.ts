/**
 * The page canvas's overlay layer: everything that helps editing but never prints — frame outlines and the
 * selection handles, the template's margins, columns and baseline grid, the text selection and caret mirrored
 * from the story editor, overset markers and thread arrows. Drawn on its own canvas above the content layer;
 * the content layer (draw-page.ts) and the PDF exporter never import this module.
 *
 * 1. Guides (optional): type area, grid columns, baseline grid lines.
 * 2. Frame outlines and text frames' column edges; the selected frame's story thread as arrows from frame to frame; a padlock on locked frames.
 * 3. Open proofreaders' comments (yellow), tracked changes (inserted text underlined green, a red caret where
 *    text was deleted), then text selection rectangles and the caret.
 * 4. Overset markers (red ⊞) at the last frame of every story with text left over, drawn as that frame's
 *    out-port (as InDesign does): clicking it starts threading the rest on.
 * 5. Thread ports on text frames: the in-port (top-left edge) and out-port (bottom-right edge), filled when the
 *    story flows in or on (an overset frame's out-port is its marker); while threading, a line from the
 *    out-port to the pointer.
 * 6. Every selected frame's outline; the primary frame's resize handles (unless locked); the marquee, on top. A
 *    rotated frame's outline and handles follow its turned rectangle (frame-resize.ts resizes it in its own axes).
 * Line widths and marker sizes are given in CSS pixels and divided by the zoom so they stay crisp at any zoom.
 */
import type { ChangeMark } from '../../src-core/layout/change-rects.js';
import type { CommentMark } from '../../src-core/layout/comment-rects.js';
import type { PageGrid } from '../../src-core/layout/grid.js';
import type { ItemRotation, PageLayout, RectPt } from '../../src-core/layout/page-layout.js';
import { frameRotation, rotatePoint, rotatedCorners } from '../../src-core/layout/rotation.js';
import { wrapRectOf } from '../../src-core/layout/wrap.js';
import type { Frame, Page } from '../../src-core/model/document.js';
import type { Template } from '../../src-core/model/template.js';
import { columnEdgesPt } from './snap.js';
import { frameGeometry } from '../../src-core/layout/columns.js';

/** Overlay colours (screen only): guides magenta/cyan as in most layout tools, selection blue, overset red. */
const GUIDE_MARGIN = 'rgba(200, 0, 200, 0.55)';
const GUIDE_COLUMN = 'rgba(120, 0, 220, 0.1)';
const GUIDE_BASELINE = 'rgba(0, 150, 220, 0.22)';
const FRAME_OUTLINE = 'rgba(60, 110, 200, 0.35)';
const FRAME_SELECTED = 'rgb(25, 100, 230)';
/** A text frame's column edges: the frame outline's blue, fainter, dashed (screen only). */
const FRAME_COLUMN_GUIDE = 'rgba(60, 110, 200, 0.45)';
const TEXT_SELECTION = 'rgba(40, 120, 240, 0.28)';
/** Open proofreaders' comments: the yellow of the story editor's comment marks (and the proof PDF's highlights). */
const COMMENT_HIGHLIGHT = 'rgba(255, 200, 40, 0.35)';
/** Outline and stem of a note marking a comment whose text was struck: the proof PDF's dark amber. */
const COMMENT_NOTE_OUTLINE = 'rgb(158, 102, 0)';
const CARET = 'rgb(20, 90, 230)';
const OVERSET = 'rgb(220, 0, 0)';
const THREAD = 'rgba(25, 100, 230, 0.8)';
const PORT_FILL = 'rgb(25, 100, 230)';
const LOCK = 'rgb(90, 96, 104)';
const MARQUEE_FILL = 'rgba(40, 120, 240, 0.08)';
/** Tracked changes: the story panel's insertion green and deletion red. */
const CHANGE_INSERTED = 'rgb(42, 160, 82)';
const CHANGE_DELETED = 'rgb(179, 38, 30)';
/** Underline under inserted text and the cut mark of a deletion, CSS pixels. */
const CHANGE_LINE_PX = 1.5;
const CUT_WEDGE_PX = 4;
/** Smallest side of a struck comment's note, CSS pixels: at fit-page zoom its caret-sized box is a few pixels. */
const COMMENT_NOTE_PX = 9;
/** Text-wrap boundaries: dashed, in the guides' family but distinct from frame outlines. */
const WRAP_BOUNDARY = 'rgba(0, 150, 140, 0.8)';
/** Sizes in CSS pixels (kept constant on screen). */
const HAIRLINE_PX = 1;
const SELECTED_LINE_PX = 1.5;
const HANDLE_PX = 7;
const OVERSET_MARKER_PX = 11;
const CARET_WIDTH_PX = 1.5;
/** Thread port square, CSS pixels: big enough to hit, small enough not to hide text. */
const PORT_PX = 9;
/** Ports sit this far from the frame's corner along its edge, CSS pixels (clear of the corner resize handle). */
const PORT_INSET_PX = 16;
/** Padlock badge, CSS pixels. */
const LOCK_PX = 10;

/** Everything the overlay shows for one page. */
export interface OverlayInput {
  layout: PageLayout;
  page: Page;
  template: Template;
  grid: PageGrid;
  /** CSS pixels per point at the current zoom. */
  pxPerPt: number;
  showGuides: boolean;
  selectedFrameId: string | null;
  /** Every selected frame (the primary included). */
  selectedFrameIds?: readonly string[];
  /** The marquee being dragged, points. */
  marquee?: RectPt | null;
  /** Threading in progress: from this frame's out-port to the pointer (points). */
  threading?: { fromFrameId: string; toXPt: number; toYPt: number } | null;
  /** Story whose thread arrows are shown (the selected frame's story). */
  threadStoryId: string | null;
  selectionRects: readonly RectPt[];
  caret: RectPt | null;
  /** How open comments are marked on this page (`commentMark`): their text highlighted, or a note at the cut. */
  commentMarks?: readonly CommentMark[];
  /** Tracked changes on this page (`changeMarks`): insertions underlined, deletions marked at the cut. */
  changeMarks?: readonly ChangeMark[];
}

/**
 * The eight resize handles of a frame: name and centre point, points — on the turned rectangle's corners and edge
 * middles when the frame has a `rotationDeg`.
 */
export function frameHandles(frame: RectPt & { rotationDeg?: number | undefined }): { name: HandleName; xPt: number; yPt: number }[] {
  const { xPt: x, yPt: y, widthPt: w, heightPt: h } = frame;
  const unturned: { name: HandleName; xPt: number; yPt: number }[] = [
    { name: 'nw', xPt: x, yPt: y }, { name: 'n', xPt: x + w / 2, yPt: y }, { name: 'ne', xPt: x + w, yPt: y },
    { name: 'e', xPt: x + w, yPt: y + h / 2 }, { name: 'se', xPt: x + w, yPt: y + h }, { name: 's', xPt: x + w / 2, yPt: y + h },
    { name: 'sw', xPt: x, yPt: y + h }, { name: 'w', xPt: x, yPt: y + h / 2 },
  ];
  const turn = frameRotation(frame);
  return turn ? unturned.map((hd) => ({ name: hd.name, ...rotatePoint(hd.xPt, hd.yPt, turn) })) : unturned;
}
/** A resize handle: compass direction of the edge or corner it moves. */
export type HandleName = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';

/**
 * The handle of `frame` under a point (points), given the zoom, or null. A rotated frame's handles are squares
 * turned with it, so the point is turned back about the frame's centre and tested against the unturned ones.
 */
export function handleAtPoint(frame: RectPt & { rotationDeg?: number | undefined }, xPt: number, yPt: number, pxPerPt: number): HandleName | null {
  const turn = frameRotation(frame);
  const p = turn ? rotatePoint(xPt, yPt, { ...turn, deg: -turn.deg }) : { xPt, yPt };
  const reachPt = HANDLE_PX / pxPerPt;
  const unturned = { xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt };
  for (const h of frameHandles(unturned)) if (Math.abs(h.xPt - p.xPt) <= reachPt && Math.abs(h.yPt - p.yPt) <= reachPt) return h.name;
  return null;
}

/** A thread port: where a story comes into a text frame ('in') or flows on out of it ('out'). */
export interface ThreadPort {
  frameId: string;
  kind: 'in' | 'out';
  xPt: number;
  yPt: number;
}

/** Centres of a text frame's in-port (left edge, near the top) and out-port (right edge, near the bottom), points. */
export function framePorts(frame: RectPt & { id: string }, pxPerPt: number): ThreadPort[] {
  const inset = Math.min(PORT_INSET_PX / pxPerPt, frame.heightPt / 2);
  return [
    { frameId: frame.id, kind: 'in', xPt: frame.xPt, yPt: frame.yPt + inset },
    { frameId: frame.id, kind: 'out', xPt: frame.xPt + frame.widthPt, yPt: frame.yPt + frame.heightPt - inset },
  ];
}

/**
 * The overset marker of `frame`, points: a square centred on its out-port, which it stands for (an overset
 * frame's out-port is where the rest of the story goes on, so the marker is hit as that port: `portAtPoint`).
 */
export function oversetMarkerRect(frame: RectPt & { id: string }, pxPerPt: number): RectPt {
  const out = framePorts(frame, pxPerPt)[1];
  const sizePt = OVERSET_MARKER_PX / pxPerPt;
  return { xPt: out.xPt - sizePt / 2, yPt: out.yPt - sizePt / 2, widthPt: sizePt, heightPt: sizePt };
}

/** The thread port under a point (points) on `page`, topmost frame first, or null. */
export function portAtPoint(page: Page, xPt: number, yPt: number, pxPerPt: number): ThreadPort | null {
  const reachPt = PORT_PX / pxPerPt;
  for (let i = page.frames.length - 1; i >= 0; i--) {
    const f = page.frames[i];
    if (f.kind !== 'text') continue;
    for (const port of framePorts(f, pxPerPt)) if (Math.abs(port.xPt - xPt) <= reachPt && Math.abs(port.yPt - yPt) <= reachPt) return port;
  }
  return null;
}

function drawPorts(ctx: CanvasRenderingContext2D, input: OverlayInput, px: number): void {
  const s = PORT_PX * px;
  const continued = new Set(input.page.frames.flatMap((f) => (f.kind === 'text' && f.nextFrameId ? [f.nextFrameId] : [])));
  const overset = new Set(input.layout.overset.map((o) => o.frameId));
  ctx.lineWidth = HAIRLINE_PX * px;
  for (const f of input.page.frames) {
    if (f.kind !== 'text') continue;
    for (const port of framePorts(f, input.pxPerPt)) {
      if (port.kind === 'out' && overset.has(f.id)) continue;
      const linked = port.kind === 'out' ? Boolean(f.nextFrameId) : continued.has(f.id);
      ctx.fillStyle = linked ? PORT_FILL : '#ffffff';
      ctx.strokeStyle = PORT_FILL;
      ctx.fillRect(port.xPt - s / 2, port.yPt - s / 2, s, s);
      ctx.strokeRect(port.xPt - s / 2, port.yPt - s / 2, s, s);
      if (linked) {
        // A small white arrowhead: the story flows this way.
        ctx.fillStyle = '#ffffff';
        ctx.beginPath();
        ctx.moveTo(port.xPt - s / 4, port.yPt - s / 4);
        ctx.lineTo(port.xPt + s / 4, port.yPt);
        ctx.lineTo(port.xPt - s / 4, port.yPt + s / 4);
        ctx.closePath();
        ctx.fill();
      }
    }
  }
  const threading = input.threading;
  const from = threading ? input.page.frames.find((f) => f.id === threading.fromFrameId) : undefined;
  if (threading && from) {
    const out = framePorts(from, input.pxPerPt)[1];
    ctx.strokeStyle = THREAD;
    ctx.fillStyle = THREAD;
    ctx.lineWidth = SELECTED_LINE_PX * px;
    ctx.setLineDash([4 * px, 3 * px]);
    drawArrow(ctx, out.xPt, out.yPt, threading.toXPt, threading.toYPt, px);
    ctx.setLineDash([]);
  }
}

/** A padlock badge inside a locked frame's top-right corner. */
function drawLock(ctx: CanvasRenderingContext2D, frame: Frame, px: number): void {
  const s = LOCK_PX * px;
  const x = frame.xPt + frame.widthPt - s - 2 * px;
  const y = frame.yPt + 2 * px;
  ctx.fillStyle = LOCK;
  ctx.fillRect(x, y + s * 0.45, s, s * 0.55);
  ctx.strokeStyle = LOCK;
  ctx.lineWidth = 1.5 * px;
  ctx.beginPath();
  ctx.arc(x + s / 2, y + s * 0.45, s * 0.3, Math.PI, 0);
  ctx.stroke();
}

function rectOf(frame: Frame): RectPt {
  return { xPt: frame.xPt, yPt: frame.yPt, widthPt: frame.widthPt, heightPt: frame.heightPt };
}

/** The turn of a rotated picture or box, else undefined. */
function turnOf(frame: Frame): ItemRotation | undefined {
  return frame.kind === 'image' || frame.kind === 'box' ? frameRotation(frame) : undefined;
}

/** Strokes a frame's outline: its rectangle, turned with it when it is rotated. */
function strokeFrame(ctx: CanvasRenderingContext2D, frame: Frame): void {
  const turn = turnOf(frame);
  if (!turn) {
    ctx.strokeRect(frame.xPt, frame.yPt, frame.widthPt, frame.heightPt);
    return;
  }
  ctx.beginPath();
  for (const [i, c] of rotatedCorners(rectOf(frame), turn).entries()) {
    if (i === 0) ctx.moveTo(c.xPt, c.yPt);
    else ctx.lineTo(c.xPt, c.yPt);
  }
  ctx.closePath();
  ctx.stroke();
}

function drawGuides(ctx: CanvasRenderingContext2D, input: OverlayInput, px: number): void {
  const { grid, template, layout } = input;
  const area = grid.typeArea;
  ctx.lineWidth = HAIRLINE_PX * px;
  ctx.strokeStyle = GUIDE_BASELINE;
  ctx.beginPath();
  for (let cell = 0; cell <= template.grid.linesPerColumn; cell++) {
    const y = grid.cellTopPt(cell);
    ctx.moveTo(area.xPt, y);
    ctx.lineTo(area.xPt + area.widthPt, y);
  }
  ctx.stroke();
  ctx.fillStyle = GUIDE_COLUMN;
  const edges = columnEdgesPt(template, grid);
  for (let i = 1; i + 1 < edges.length; i += 2) ctx.fillRect(edges[i], area.yPt, edges[i + 1] - edges[i], area.heightPt);
  ctx.strokeStyle = GUIDE_MARGIN;
  ctx.strokeRect(layout.typeArea.xPt, layout.typeArea.yPt, layout.typeArea.widthPt, layout.typeArea.heightPt);
}

/**
 * Column guides of text frames (issue 16: unequal columns show where each one runs): the inner edges of every
 * column, for the selected frame always, for every text frame when guides are on.
 */
function drawFrameColumns(ctx: CanvasRenderingContext2D, input: OverlayInput, px: number): void {
  ctx.strokeStyle = FRAME_COLUMN_GUIDE;
  ctx.lineWidth = HAIRLINE_PX * px;
  ctx.setLineDash([2 * px, 2 * px]);
  ctx.beginPath();
  for (const f of input.page.frames) {
    if (f.kind !== 'text' || f.columns < 2 || !(input.showGuides || f.id === input.selectedFrameId)) continue;
    const g = frameGeometry(f, null, input.grid);
    for (let c = 0; c < g.columnXPt.length; c++) {
      const left = g.columnXPt[c]!;
      const right = left + g.columnWidthsPt[c]!;
      if (c > 0) {
        ctx.moveTo(left, f.yPt);
        ctx.lineTo(left, f.yPt + f.heightPt);
      }
      if (c + 1 < g.columnXPt.length) {
        ctx.moveTo(right, f.yPt);
        ctx.lineTo(right, f.yPt + f.heightPt);
      }
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawArrow(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number, px: number): void {
  const head = 8 * px;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

function drawThreads(ctx: CanvasRenderingContext2D, input: OverlayInput, px: number): void {
  if (!input.threadStoryId) return;
  ctx.strokeStyle = THREAD;
  ctx.fillStyle = THREAD;
  ctx.lineWidth = SELECTED_LINE_PX * px;
  for (const f of input.page.frames) {
    if (f.kind !== 'text' || f.storyId !== input.threadStoryId || !f.nextFrameId) continue;
    const next = input.page.frames.find((n) => n.id === f.nextFrameId);
    if (!next) continue;
    // From this frame's out-port to the next frame's in-port: the ports the user threads with.
    const out = framePorts(f, input.pxPerPt)[1];
    const into = framePorts(next, input.pxPerPt)[0];
    drawArrow(ctx, out.xPt, out.yPt, into.xPt, into.yPt, px);
  }
}

function drawOversetMarkers(ctx: CanvasRenderingContext2D, input: OverlayInput, px: number): void {
  for (const entry of input.layout.overset) {
    const frame = input.page.frames.find((f) => f.id === entry.frameId);
    if (!frame) continue;
    const { xPt: x, yPt: y, widthPt: size } = oversetMarkerRect(frame, input.pxPerPt);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, y, size, size);
    ctx.strokeStyle = OVERSET;
    ctx.lineWidth = SELECTED_LINE_PX * px;
    ctx.strokeRect(x, y, size, size);
    ctx.beginPath();
    ctx.moveTo(x + size / 2, y + 2 * px);
    ctx.lineTo(x + size / 2, y + size - 2 * px);
    ctx.moveTo(x + 2 * px, y + size / 2);
    ctx.lineTo(x + size - 2 * px, y + size / 2);
    ctx.stroke();
  }
}

/** Insertions underlined along the foot of their lines; deletions as a caret (a bar with a wedge) at the cut. */
function drawChangeMarks(ctx: CanvasRenderingContext2D, marks: readonly ChangeMark[], px: number): void {
  const line = CHANGE_LINE_PX * px;
  const wedge = CUT_WEDGE_PX * px;
  for (const { change, rects } of marks) {
    for (const r of rects) {
      if (change.kind === 'insertion') {
        ctx.fillStyle = CHANGE_INSERTED;
        ctx.fillRect(r.xPt, r.yPt + r.heightPt - 2 * line, r.widthPt, line);
      } else {
        ctx.fillStyle = CHANGE_DELETED;
        ctx.fillRect(r.xPt - line / 2, r.yPt, line, r.heightPt);
        ctx.beginPath();
        ctx.moveTo(r.xPt - wedge, r.yPt + r.heightPt);
        ctx.lineTo(r.xPt + wedge, r.yPt + r.heightPt);
        ctx.lineTo(r.xPt, r.yPt + r.heightPt - wedge);
        ctx.closePath();
        ctx.fill();
      }
    }
  }
}

/**
 * Open comments: their text highlighted; a comment whose text a tracked deletion struck (nothing of it is set)
 * as a small note on a stem standing on the line at the cut, the way the proof PDF draws it in the same
 * caret-sized rectangle, but never smaller than `COMMENT_NOTE_PX` on screen.
 */
function drawCommentMarks(ctx: CanvasRenderingContext2D, marks: readonly CommentMark[], px: number): void {
  ctx.save();
  ctx.fillStyle = COMMENT_HIGHLIGHT;
  ctx.strokeStyle = COMMENT_NOTE_OUTLINE;
  ctx.lineWidth = HAIRLINE_PX * px;
  for (const { rects, struck } of marks) {
    for (const r of rects) {
      if (!struck) {
        ctx.fillRect(r.xPt, r.yPt, r.widthPt, r.heightPt);
        continue;
      }
      const cx = r.xPt + r.widthPt / 2;
      const bottom = r.yPt + r.heightPt;
      const side = Math.max(r.widthPt, COMMENT_NOTE_PX * px);
      const top = bottom - Math.max(r.heightPt - r.widthPt, side / 2) - side;
      ctx.fillRect(cx - side / 2, top, side, side);
      ctx.strokeRect(cx - side / 2, top, side, side);
      ctx.beginPath();
      ctx.moveTo(cx, top + side);
      ctx.lineTo(cx, bottom);
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** The boundary text keeps out of around each frame with text wrap (`wrapRectOf`: a rotated frame's bounding box), dashed. */
function drawWrapBoundaries(ctx: CanvasRenderingContext2D, page: Page, px: number): void {
  ctx.save();
  ctx.strokeStyle = WRAP_BOUNDARY;
  ctx.lineWidth = HAIRLINE_PX * px;
  ctx.setLineDash([2 * px, 2 * px]);
  for (const f of page.frames) {
    if (!f.wrap) continue;
    const r = wrapRectOf(f, f.wrap.gapPt);
    ctx.strokeRect(r.xPt, r.yPt, r.widthPt, r.heightPt);
  }
  ctx.restore();
}

/** Draws the overlay for one page; the context's transform maps points to pixels. */
export function drawOverlay(ctx: CanvasRenderingContext2D, input: OverlayInput): void {
  const px = 1 / input.pxPerPt;
  if (input.showGuides) drawGuides(ctx, input, px);
  ctx.lineWidth = HAIRLINE_PX * px;
  ctx.strokeStyle = FRAME_OUTLINE;
  const selectedIds = new Set(input.selectedFrameIds ?? []);
  if (input.selectedFrameId) selectedIds.add(input.selectedFrameId);
  for (const f of input.page.frames) if (!selectedIds.has(f.id)) strokeFrame(ctx, f);
  for (const f of input.page.frames) if (f.locked) drawLock(ctx, f, px);
  drawWrapBoundaries(ctx, input.page, px);
  drawFrameColumns(ctx, input, px);
  drawThreads(ctx, input, px);
  drawCommentMarks(ctx, input.commentMarks ?? [], px);
  drawChangeMarks(ctx, input.changeMarks ?? [], px);
  ctx.fillStyle = TEXT_SELECTION;
  for (const r of input.selectionRects) ctx.fillRect(r.xPt, r.yPt, r.widthPt, r.heightPt);
  if (input.caret) {
    ctx.fillStyle = CARET;
    ctx.fillRect(input.caret.xPt - (CARET_WIDTH_PX * px) / 2, input.caret.yPt, CARET_WIDTH_PX * px, input.caret.heightPt);
  }
  drawOversetMarkers(ctx, input, px);
  drawPorts(ctx, input, px);
  ctx.strokeStyle = FRAME_SELECTED;
  ctx.lineWidth = SELECTED_LINE_PX * px;
  for (const f of input.page.frames) if (selectedIds.has(f.id) && f.id !== input.selectedFrameId) strokeFrame(ctx, f);
  if (input.marquee) {
    const m = input.marquee;
    ctx.fillStyle = MARQUEE_FILL;
    ctx.fillRect(m.xPt, m.yPt, m.widthPt, m.heightPt);
    ctx.lineWidth = HAIRLINE_PX * px;
    ctx.setLineDash([4 * px, 3 * px]);
    ctx.strokeRect(m.xPt, m.yPt, m.widthPt, m.heightPt);
    ctx.setLineDash([]);
  }
  const selected = input.page.frames.find((f) => f.id === input.selectedFrameId);
  if (selected) {
    ctx.strokeStyle = FRAME_SELECTED;
    ctx.lineWidth = SELECTED_LINE_PX * px;
    strokeFrame(ctx, selected);
    if (!selected.locked) {
      const s = HANDLE_PX * px;
      const turn = turnOf(selected);
      // A turned frame's handles sit on its turned corners and edges, as squares turned with it.
      const rad = turn ? (turn.deg * Math.PI) / 180 : 0;
      for (const h of frameHandles({ ...rectOf(selected), rotationDeg: turn?.deg })) {
        ctx.save();
        ctx.translate(h.xPt, h.yPt);
        if (rad) ctx.rotate(rad);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(-s / 2, -s / 2, s, s);
        ctx.strokeRect(-s / 2, -s / 2, s, s);
        ctx.restore();
      }
    }
  }
}
