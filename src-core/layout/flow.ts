/**
 * Story flow: places one story's blocks into its thread of frames, column by column, on the page grid.
 *
 * 1. Headline group: the blocks before the `columns` block span the first frame's full width (a story
 *    without one spans every frame); the body follows in the frame's columns below it. When the frame is
 *    threaded on and the room left below the group is shorter than a minimum leg (about an inch), the
 *    frame is a headline frame and the body starts in the next frame instead (the 飞腾 practice of a
 *    title area plus body blocks, and no column legs of a line or two under a headline). The headline
 *    frame still ends its part: crossing a page, 下转 goes below the group (step 5).
 * 2. Body: blocks flow top to bottom, left to right, frame to frame. Each line takes whole grid cells
 *    (or its exact leading when the style does not snap), so baselines line up across columns. Space
 *    before/after is in grid lines, rounded up to whole lines, and space before is dropped at a column top.
 * 3. keepWithNext blocks (subheads) move to the next column rather than end one.
 * 4. A paragraph that crosses into a column of another width is re-composed from its first unset
 *    character at the new width (no line is ever stretched into a width it was not broken for).
 * 5. Jump lines: every exit from a frame onto another page (a full column, a kept subhead, a headline
 *    frame) ends the part with 下转第N版 (space reserved at the foot of the part's last column) and starts
 *    the continuation with 上接第N版, however little of the story the part holds. A jump line takes its line
 *    from the frame's room; where the frame has none left, it is set below the frame all the same and
 *    copyfit reports the shortfall as lines over.
 * 6. What does not fit the last frame is overset (position, lines at body pitch, characters) — never
 *    dropped silently; otherwise copyfit reports the empty grid lines left (or the shortfall of step 5).
 * 7. Text wrap (wrap.ts): a line that would overlap a band of grid lines another frame's wrap blocks in its
 *    column moves below the band; blocked lines are not counted as room for copyfit; column rules and
 *    block boxes stop at the band. Lines beside an `around` wrap are set in the narrower measure it leaves:
 *    a piece is composed with the measures its lines are expected to get from the cursor down (one
 *    Knuth–Plass pass over the varying widths), and a line that lands on another measure than it was
 *    composed for re-composes the rest of the piece from there, as at a column of another width (step 4).
 * 8. 变栏 (column variations): a body block with `spanColumns` is set across that many of the frame's columns
 *    (from its `spanFromColumn`, 0 at the left, or the full width), below the deepest column of the text above
 *    it in the frame; the text then continues in a new section whose spanned columns start under it and whose
 *    other columns start beside it, read left to right. Each frame's body is a run of such sections.
 *    A 变栏 section (consecutive blocks with the same `sectionColumns` k and span) is set as one block in k
 *    columns of its room — the columns it spans (as a straddle head is), or the column it stands in at the
 *    cursor (a listing split in two inside a column): its lines, composed once at the sub-column measure, are
 *    dealt into the k sub-columns at the shallowest depth that holds them (balanced, within one line), on the
 *    grid and clear of wrap bands (an `around` wrap's narrower measure is not applied inside a section); what
 *    the room cannot hold fills it and continues in the next column or frame. A ruled frame rules its gutters.
 * 9. 齐底 (balance, balance.ts): the section above a straddle head, and in a `balance` frame the section the
 *    story ends in, are set again with per-column end cells whose depths differ by at most one grid line,
 *    the earlier columns the deeper, the shallowest such ends that hold the section's text.
 * 10. Tables (table-layout.ts): a table is placed band of rows by band of rows at its slot's full measure; a
 *     band never splits — one that does not fit moves to the next column or frame, which starts with the
 *     table's header rows again; a band deeper than an empty column is overset. Cell tints go under the text,
 *     cell rules over it, and each cell line gets its LineBox (the text layer reads cells in row order).
 */
import { usesDisplayPunctuation, type TypographyOptions } from '../model/template.js';
import type { ParagraphShading } from '../model/text-effects.js';
import type { LoadedFont } from '../text/font.js';
import { BLACK } from '../model/colour.js';
import { DECORATIVE_LINE_STYLES, minStrokePtOf } from '../model/line-style.js';
import type { ComposedLine, ComposedParagraph, InlineRun, ParagraphInput } from './line.js';
import type { BoxItem, CopyfitEntry, GlyphRunItem, JumpDirection, LayoutItem, LayoutWarning, LineBox, OversetEntry, PositionedGlyph, RuleItem } from './page-layout.js';
import { composeParagraph } from './paragraph.js';
import { pmPosAt, runScale, virtualPosAt, type InlinePiece, type StoryBlock, type StoryContent } from './blocks.js';
import { frameGeometry, type FrameGeometry } from './columns.js';
import type { PageGrid } from './grid.js';
import { ruleItemsOf } from './styled-lines.js';
import { paragraphShadingBoxes } from './paragraph-shading.js';
import { paragraphKey, type ParagraphCache } from './cache.js';
import { lineCells, styleEmXPt, styleHeightPt, type ResolvedStyle } from './styles.js';
import { pageNumberOf, type StoryThread } from './thread.js';
import { balanceStory, type SectionRecord } from './balance.js';
import { layoutTable, type CellComposer, type CellGeometry, type TableGeometry } from './table-layout.js';
import type { TableBlock } from './blocks.js';
import { blockedCells, clearOfBands, collectWrapObstacles, columnWrap, measureAt, NO_WRAP, ruleSegmentsClear, type ColumnWrap, type LineMeasure, type WrapObstacle } from './wrap.js';

/** Slack when comparing grid cells (frames placed in millimetres carry rounding noise). */
const CELL_EPSILON = 1e-6;
/** Column widths closer than this (points) count as equal: a paragraph continues without re-composing. */
const SAME_WIDTH_EPSILON_PT = 0.01;
/**
 * Shortest column leg the body may start with below a headline group in a threaded frame, points:
 * newspaper practice avoids legs under about an inch; shorter room sends the body on to the next frame.
 */
export const MIN_LEG_PT = 72;
/** Column rules are hairlines (TYPOGRAPHY.md §6: rules separate, they do not decorate). */
export const COLUMN_RULE_STROKE_PT = 0.5;

/** What a story put into one of its frames. */
export interface FrameOutput {
  /** Paint order: the frame's tint, paragraph shadings and block boxes (under the text), then glyph runs, then column rules. */
  readonly items: LayoutItem[];
  readonly lines: LineBox[];
  readonly warnings: LayoutWarning[];
}

/** A story's placed result over its thread. */
export interface StoryLayout {
  readonly storyId: string;
  /** Output per frame id, for every frame of the thread (empty frames included). */
  readonly byFrame: ReadonlyMap<string, FrameOutput>;
  readonly overset: OversetEntry | null;
  readonly copyfit: CopyfitEntry;
  /** Paragraph cache keys used (kept alive while the story is reused). */
  readonly paragraphKeys: readonly string[];
}

/** Everything the flow needs besides the story. */
export interface FlowEnv {
  readonly grid: PageGrid;
  readonly paragraphs: ParagraphCache;
  readonly options: TypographyOptions;
  readonly optionsKey: string;
  /** Style of jump lines (下转/上接). */
  readonly jumpStyle: ResolvedStyle;
  /** Told of every paragraph composed afresh (not of cache hits); see `ComposerOptions.onParagraph`. */
  readonly onParagraph?: (input: ParagraphInput, result: ComposedParagraph) => void;
}

/**
 * Column end cells of balanced sections (`${frame index}:${section index}` → one exclusive end cell per
 * column), from the balancing pass (balance.ts); sections absent fill their columns to the frame's foot.
 */
export type SectionLimits = ReadonlyMap<string, readonly number[]>;

/** A straddle head's place in a frame, grid cells, for cutting column rules under it. */
interface StraddleBand {
  topCell: number;
  endCell: number;
  /** The first column spanned (0 at the left) and how many. */
  fromColumn: number;
  columns: number;
}

/** A line of a 变栏 section (step 8), with the space its paragraph asks before it (first lines only). */
interface SplitUnit {
  bi: number;
  pi: number;
  comp: Composition;
  li: number;
  cells: number;
  /** Grid lines of space before this line when it is not at a sub-column top. */
  beforeCells: number;
}

/** Where a `SplitUnit` goes: its sub-column and its depth below the section's top, grid lines. */
interface SplitPlacement {
  unit: SplitUnit;
  sub: number;
  offsetCells: number;
}

/** A place lines go: the frame's full width (headline group), a straddle head's columns, or one column. */
interface Slot {
  xPt: number;
  widthPt: number;
  column: number;
  topCell: number;
}

/** A composition of (the rest of) a piece. */
interface Composition {
  lines: readonly ComposedLine[];
  warnings: readonly LayoutWarning[];
  /** Measure of each line, points: `measuresPt[i]` for the first lines, `widthPt` for the rest. */
  widthPt: number;
  measuresPt: readonly number[];
  /** True for the piece's first composition (warnings without a position are reported from it only). */
  first: boolean;
}

/** The part of a table set in one slot: its top grid cell and the bands set there, each with its top. */
interface TablePiece {
  topCell: number;
  rows: { band: number; topCell: number }[];
}

/** A placed line's horizontal extent and vertical box, for drawing block boxes. */
interface PlacedExtent {
  frameId: string;
  column: number;
  leftPt: number;
  rightPt: number;
  topPt: number;
  bottomPt: number;
  /** The line's measure (for a column-wide paragraph shading). */
  measureLeftPt: number;
  measureRightPt: number;
}

/** Runs of a piece from virtual position `fromV` on (positions unchanged). */
function sliceRuns(runs: readonly InlineRun[], fromV: number): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    const end = run.fromPos + run.text.length;
    if (end <= fromV) continue;
    out.push(run.fromPos >= fromV ? run : { ...run, text: run.text.slice(fromV - run.fromPos), fromPos: fromV });
  }
  return out;
}

/** Number of code points of a piece's text from virtual position `fromV` on. */
function countChars(piece: InlinePiece, fromV: number): number {
  let n = 0;
  for (const run of sliceRuns(piece.runs, fromV)) for (const _ of run.text) n++;
  return n;
}

/** The one line an empty paragraph still occupies (so its caret has a place). */
function emptyLine(style: ResolvedStyle, widthPt: number, indentPt: number): ComposedLine {
  const { align } = style.style;
  const caretPt = align === 'center' ? widthPt / 2 : align === 'right' ? widthPt : indentPt;
  return { runs: [], widthPt, maxSizePt: styleHeightPt(style), fromPos: 0, toPos: 0, caretXPt: [caretPt], isLast: true, loose: false };
}

/**
 * Places a story into its thread of frames.
 * @param content the story's collected blocks
 * @param thread the frames showing it, in order (at least one)
 */
export function flowStory(content: StoryContent, thread: StoryThread, env: FlowEnv): StoryLayout {
  return balanceStory((limits) => {
    const flow = new StoryFlow(content, thread, env, limits);
    return { layout: flow.run(), sections: flow.sections };
  });
}

class StoryFlow {
  private readonly geoms: FrameGeometry[];
  /** Per frame of the thread: the other frames on its page that text wraps around. */
  private readonly obstacles: WrapObstacle[][];
  /** Wrap per slot (`frame index:column`, column -1 for the full width), computed when first needed. */
  private readonly wrapBySlot = new Map<string, ColumnWrap>();
  private readonly outputs = new Map<string, { under: BoxItem[]; items: LayoutItem[]; lines: LineBox[]; warnings: LayoutWarning[] }>();
  private readonly keys: string[] = [];
  private readonly bodyTops: (number | null)[];
  private readonly jumpCells: number;
  private fi = 0;
  private mode: 'span' | 'body' | 'straddle' = 'body';
  /** Per column: the top cell of the current section in the current frame. */
  private tops: number[] = [];
  /** The current section (body mode), and how many sections the current frame has opened. */
  private section: SectionRecord | null = null;
  private sectionCount = 0;
  /** Every body section, in flow order (read by the balancing pass). */
  readonly sections: SectionRecord[] = [];
  /** The straddle head being set: its first column, its column count and its top cell. */
  private straddleFrom = 0;
  private straddleColumns = 1;
  private straddleTop = 0;
  /** Straddle heads placed, per frame index. */
  private readonly straddles = new Map<number, StraddleBand[]>();
  private col = 0;
  private cell = 0;
  private overset: OversetEntry | null = null;
  /** The cell below the last line set in the current slot (space after a block not included). */
  private inkEndCell = 0;
  /** Cells jump lines ran past the foot of their frames (no room left for them), for copyfit. */
  private jumpShortfallCells = 0;
  /** Frames entered while setting the headline group. */
  private readonly spanFrames = new Set<number>();

  constructor(
    private readonly content: StoryContent,
    private readonly thread: StoryThread,
    private readonly env: FlowEnv,
    private readonly limits: SectionLimits = new Map(),
  ) {
    this.geoms = thread.frames.map((tf) => frameGeometry(tf.frame, content.columns, env.grid));
    this.obstacles = thread.frames.map((tf) => collectWrapObstacles(tf.page, tf.frame.id));
    this.bodyTops = this.geoms.map(() => null);
    for (const tf of thread.frames) this.outputs.set(tf.frame.id, { under: [], items: [], lines: [], warnings: [] });
    this.jumpCells = lineCells(env.jumpStyle.style, styleHeightPt(env.jumpStyle), env.grid);
  }

  private get storyId(): string {
    return this.thread.storyId;
  }

  private get geom(): FrameGeometry {
    return this.geoms[this.fi]!;
  }

  private slot(): Slot {
    const g = this.geom;
    if (this.mode === 'span') return { xPt: g.frame.xPt, widthPt: g.frame.widthPt, column: 0, topCell: g.topCell };
    if (this.mode === 'straddle') {
      const { first, last } = this.straddleRange();
      // Space before a straddle head counts below text above it, so only the frame's own top drops it.
      return { xPt: g.columnXPt[first]!, widthPt: g.columnXPt[last]! + g.columnWidthsPt[last]! - g.columnXPt[first]!, column: first, topCell: g.topCell };
    }
    return { xPt: g.columnXPt[this.col]!, widthPt: g.columnWidthsPt[this.col]!, column: this.col, topCell: this.tops[this.col] ?? g.topCell };
  }

  /** The current straddle head's columns in the current frame, clamped to it: first and last, inclusive. */
  private straddleRange(): { first: number; last: number } {
    const n = this.geom.columnXPt.length;
    const count = Math.min(this.straddleColumns, n);
    const first = Math.max(0, Math.min(this.straddleFrom, n - count));
    return { first, last: first + count - 1 };
  }

  /** Wrap of frame `fi`'s column `column` (-1: the frame's full width, where a headline group goes). */
  private wrapOf(fi: number, column: number): ColumnWrap {
    const g = this.geoms[fi]!;
    if (column === -1) return this.wrapBetween(fi, g.frame.xPt, g.frame.xPt + g.frame.widthPt);
    return this.wrapBetween(fi, g.columnXPt[column]!, g.columnXPt[column]! + g.columnWidthsPt[column]!);
  }

  /** Wrap of frame `fi` across x ∈ [leftPt, rightPt] (a column, the full width or a straddle head's columns). */
  private wrapBetween(fi: number, leftPt: number, rightPt: number): ColumnWrap {
    if (this.obstacles[fi]!.length === 0) return NO_WRAP;
    const key = `${fi}:${leftPt.toFixed(3)}:${rightPt.toFixed(3)}`;
    let wrap = this.wrapBySlot.get(key);
    if (!wrap) {
      wrap = columnWrap(this.obstacles[fi]!, leftPt, rightPt, this.env.grid);
      this.wrapBySlot.set(key, wrap);
    }
    return wrap;
  }

  /** Wrap of the current slot. */
  private wrap(): ColumnWrap {
    const slot = this.slot();
    return this.wrapBetween(this.fi, slot.xPt, slot.xPt + slot.widthPt);
  }

  /**
   * The first cell at or after `cell` where a line `need` cells tall in the current slot is clear of wrap
   * bands and has at least the minimum measure, with that measure. May lie beyond the slot's end.
   */
  private clearAt(cell: number, need: number): { cell: number; measure: LineMeasure } {
    const wrap = this.wrap();
    const slot = this.slot();
    let at = cell;
    for (;;) {
      at = clearOfBands(wrap.bands, at, need);
      const measure = measureAt(wrap.narrowings, slot.xPt, slot.widthPt, at, need, this.env.grid);
      if (measure) return { cell: at, measure };
      // Past every narrowing the measure is the slot's own, so this ends.
      at = Math.floor(at + CELL_EPSILON) + 1;
    }
  }

  /**
   * Measures (less the block inset) that lines of `style` set from the cursor down get in the current slot,
   * up to its end, wherever an `around` wrap narrows them; empty when every line gets the slot's own.
   */
  private plannedMeasures(style: ResolvedStyle, inset: number): number[] {
    if (this.wrap().narrowings.length === 0) return [];
    const need = lineCells(style.style, styleHeightPt(style), this.env.grid);
    const end = this.endCell(false);
    const fullPt = this.slot().widthPt - 2 * inset;
    const out: number[] = [];
    for (let cell = this.cell; ;) {
      const at = this.clearAt(cell, need);
      if (at.cell + need > end + CELL_EPSILON) break;
      out.push(at.measure.widthPt - 2 * inset);
      cell = at.cell + need;
    }
    // The slot's own measure is implied after the last narrowed line.
    while (out.length > 0 && Math.abs(out[out.length - 1]! - fullPt) <= SAME_WIDTH_EPSILON_PT) out.pop();
    return out;
  }

  private crossesPage(fromIndex: number): boolean {
    const next = this.thread.frames[fromIndex + 1];
    return next !== undefined && next.pageIndex !== this.thread.frames[fromIndex]!.pageIndex;
  }

  /** Bottom of the current slot, less the jump line's reserved cells at the foot of a part's last column. */
  private endCell(reserveJump: boolean): number {
    const end = this.geom.endCell;
    const lastColumn = this.mode !== 'body' || this.col === this.geom.columnXPt.length - 1;
    const footCell = reserveJump && lastColumn && this.crossesPage(this.fi) ? end - this.jumpCells : end;
    // A balanced section's columns end where the balancing pass put them (never below the frame's foot).
    const limit = this.mode === 'body' && this.section ? this.limits.get(this.section.key)?.[this.col] : undefined;
    return limit === undefined ? footCell : Math.min(footCell, limit);
  }

  private atSlotTop(): boolean {
    return this.cell <= this.slot().topCell + CELL_EPSILON;
  }

  run(): StoryLayout {
    const blocks = this.content.blocks;
    const hasSpan = blocks.some((b) => b.region === 'span');
    this.mode = hasSpan ? 'span' : 'body';
    this.enterFrame(0, false);
    for (let bi = 0; bi < blocks.length && !this.overset; ) {
      const block = blocks[bi]!;
      if (block.region === 'flow' && this.mode === 'span') this.startBody();
      const spanned = block.spanColumns === undefined ? 1 : block.spanColumns === 'all' ? Infinity : block.spanColumns;
      const end = this.sectionEnd(bi);
      const at = bi;
      const place = end > bi + 1 || block.sectionColumns ? () => this.placeSplit(at, end, block.sectionColumns!) : () => this.placeBlock(at);
      if (Math.min(spanned, this.geom.columnXPt.length) > 1) this.placeStraddle(spanned, block.spanFromColumn ?? 0, place);
      else place();
      bi = end;
    }
    if (!this.overset && this.section) this.section.reason = 'end';
    return this.finish();
  }

  /** Starts a body section in the current frame with per-column top cells `tops`, at its first column. */
  private openSection(tops: number[]): void {
    this.tops = tops;
    this.section = { key: `${this.fi}:${this.sectionCount++}`, frameIndex: this.fi, topsCell: tops.slice(), inkEndCell: tops.slice(), reason: 'continues', balance: this.geom.frame.balance === true, frameEndCell: this.geom.endCell };
    this.sections.push(this.section);
    this.col = 0;
    this.cell = tops[0]!;
    this.inkEndCell = this.cell;
  }

  /** Exclusive end of the block run from `bi` set as one: a 变栏 section's blocks (step 8), else `bi + 1`. */
  private sectionEnd(bi: number): number {
    const blocks = this.content.blocks;
    const first = blocks[bi]!;
    if (!first.sectionColumns || first.table) return bi + 1;
    let end = bi + 1;
    while (end < blocks.length) {
      const b = blocks[end]!;
      if (b.table || b.region !== first.region || b.sectionColumns !== first.sectionColumns || b.spanColumns !== first.spanColumns || (b.spanFromColumn ?? 0) !== (first.spanFromColumn ?? 0)) break;
      end++;
    }
    return end;
  }

  /**
   * Sets what `place` places across `spanned` columns of the frame from column `from` (step 8), below the
   * deepest column of the text above it, then opens the section below it.
   */
  private placeStraddle(spanned: number, from: number, place: () => void): void {
    const above = this.section;
    if (above) above.reason = 'straddle';
    const deepest = above ? Math.max(...above.inkEndCell) : this.cell;
    this.mode = 'straddle';
    this.straddleColumns = Math.min(spanned, this.geom.columnXPt.length);
    this.straddleFrom = from;
    this.section = null;
    this.col = 0;
    this.cell = Math.ceil(Math.max(deepest, this.cell) - CELL_EPSILON);
    this.straddleTop = this.cell;
    place();
    if (this.overset) return;
    // The head may have moved on to the next frame (no room below the text above): it spans that frame's columns.
    const { first, last } = this.straddleRange();
    const below = Math.ceil(this.cell - CELL_EPSILON);
    const bands = this.straddles.get(this.fi) ?? [];
    bands.push({ topCell: this.straddleTop, endCell: below, fromColumn: first, columns: last - first + 1 });
    this.straddles.set(this.fi, bands);
    const top = this.straddleTop;
    this.mode = 'body';
    this.openSection(this.geom.columnXPt.map((_, c) => (c >= first && c <= last ? below : top)));
  }

  /**
   * Leaves the headline group: the body starts below it, or — when the frame is threaded on and the room
   * left below the group is shorter than a minimum leg — in the next frame (the frame is a headline frame).
   */
  private startBody(): void {
    const top = Math.ceil(this.cell - CELL_EPSILON);
    const minLegCells = Math.ceil(MIN_LEG_PT / this.env.grid.pitchPt - CELL_EPSILON);
    if (this.fi + 1 < this.geoms.length && this.geom.endCell - top < minLegCells) {
      // Still spanning: the part this frame holds ends with the group, so its 下转 goes below it, full width.
      const cross = this.endPart();
      this.mode = 'body';
      this.enterFrame(this.fi + 1, cross);
      return;
    }
    this.mode = 'body';
    this.bodyTops[this.fi] = top;
    this.openSection(this.geom.columnXPt.map(() => top));
  }

  private enterFrame(index: number, jumpFromPage: boolean): void {
    this.fi = index;
    this.col = 0;
    this.cell = this.geom.topCell;
    this.inkEndCell = this.cell;
    this.sectionCount = 0;
    this.section = null;
    if (this.mode === 'body') {
      this.bodyTops[index] = this.geom.topCell;
      this.openSection(this.geom.columnXPt.map(() => this.geom.topCell));
    } else if (this.mode === 'straddle') {
      this.straddleTop = this.geom.topCell;
    } else this.spanFrames.add(index);
    if (jumpFromPage) {
      const prev = this.thread.frames[index - 1]!;
      this.cell = this.clearAt(this.cell, this.jumpCells).cell;
      this.placeJumpLine(`上接第${pageNumberOf(prev.page, prev.pageIndex)}版`, 'in');
    }
  }

  /** Moves to the next column or frame. False when the thread has no room left. */
  private advance(): boolean {
    if (this.mode === 'body' && this.col + 1 < this.geom.columnXPt.length) {
      this.col++;
      this.cell = this.slot().topCell;
      this.inkEndCell = this.cell;
      return true;
    }
    if (this.fi + 1 >= this.geoms.length) return false;
    this.enterFrame(this.fi + 1, this.endPart());
    return true;
  }

  /**
   * Ends the part of the story the current frame holds, before the flow moves on to the next frame (every
   * exit goes through here): when the next frame is on another page, sets 下转第N版 at the cursor. True
   * when it did, so the next frame starts with 上接.
   */
  private endPart(): boolean {
    if (!this.crossesPage(this.fi)) return false;
    const next = this.thread.frames[this.fi + 1]!;
    // Space after the last block is no content: at the foot it gives way to the jump line's reserved cells.
    const footCell = Math.max(this.inkEndCell, this.geom.endCell - this.jumpCells);
    this.cell = Math.min(Math.ceil(this.cell - CELL_EPSILON), Math.ceil(footCell - CELL_EPSILON));
    this.placeJumpLine(`下转第${pageNumberOf(next.page, next.pageIndex)}版`, 'out');
    return true;
  }

  /**
   * Composes (the rest of) a piece from virtual position `fromV`: line i at `measuresPt[i]`, lines after
   * those at `widthPt` (points).
   */
  private compose(piece: InlinePiece, style: ResolvedStyle, widthPt: number, fromV: number, measuresPt: readonly number[] = []): Composition {
    const first = fromV === 0;
    if (piece.virtualLength === 0) {
      const emptyWidthPt = measuresPt[0] ?? widthPt;
      return { lines: [emptyLine(style, emptyWidthPt, piece.firstLineIndentPt)], warnings: [], widthPt, measuresPt, first };
    }
    const runs = first ? piece.runs : sliceRuns(piece.runs, fromV);
    // A frame dragged narrower than a character (or than the indent) still gets its text set, overfull
    // and reported by the paragraph composer, rather than failing the whole page.
    const emXPt = styleEmXPt(style);
    const setWidthPt = Math.max(widthPt, emXPt);
    const setMeasuresPt = measuresPt.map((m) => Math.max(m, emXPt));
    const indentPt = Math.max(0, Math.min(first ? piece.firstLineIndentPt : 0, (setMeasuresPt[0] ?? setWidthPt) - emXPt));
    const align = style.style.align;
    const displayPunctuation = usesDisplayPunctuation(style.name, style.style);
    // Display punctuation changes every mark's width, so it is part of what the cached paragraph was set with.
    const optsKey = displayPunctuation ? `${this.env.optionsKey},display` : this.env.optionsKey;
    const key = paragraphKey(runs, setWidthPt, indentPt, align, optsKey, setMeasuresPt);
    this.keys.push(key);
    const result: ComposedParagraph = this.env.paragraphs.getOrCompose(key, () => {
      const lineWidthPt = setMeasuresPt.length === 0 ? () => setWidthPt : (i: number) => setMeasuresPt[i] ?? setWidthPt;
      const input: ParagraphInput = { runs, lineWidthPt, firstLineIndentPt: indentPt, align, options: this.env.options, displayPunctuation };
      const composed = composeParagraph(input);
      this.env.onParagraph?.(input, composed);
      return composed;
    });
    return { lines: result.lines, warnings: result.warnings, widthPt, measuresPt, first };
  }

  /** Composes (the rest of) a piece for the cursor's slot: its width, narrowed where a wrap narrows it. */
  private composeAtCursor(piece: InlinePiece, style: ResolvedStyle, inset: number, fromV: number): Composition {
    return this.compose(piece, style, this.slot().widthPt - 2 * inset, fromV, this.plannedMeasures(style, inset));
  }

  private insetOf(style: ResolvedStyle): number {
    return style.style.box?.insetPt ?? 0;
  }

  private cellsOf(style: ResolvedStyle, line: ComposedLine): number {
    return lineCells(style.style, Math.max(styleHeightPt(style), line.maxSizePt), this.env.grid);
  }

  /**
   * The size whose em box is centred in the line: the line's own, except that type smaller than the body
   * on a snapped line sits on the body's baseline (credits and jump lines share the grid's baselines).
   */
  private baselineSizePt(style: ResolvedStyle, line: ComposedLine): number {
    const sizePt = Math.max(styleHeightPt(style), line.maxSizePt);
    return style.style.snapToGrid ? Math.max(sizePt, this.env.grid.bodySizePt) : sizePt;
  }

  private placeBlock(bi: number): void {
    const block = this.content.blocks[bi]!;
    if (block.table) {
      this.placeTable(bi, block.table);
      return;
    }
    const style = block.style;
    if (!this.atSlotTop() && style.style.spaceBeforeLines > 0) {
      this.cell = Math.ceil(this.cell + style.style.spaceBeforeLines - CELL_EPSILON);
    }
    const next = this.content.blocks[bi + 1];
    if (style.style.keepWithNext && next && next.region === block.region && !this.atSlotTop()) {
      if (this.cell + this.keepCells(block, next) > this.endCell(true) + CELL_EPSILON && !this.advance()) {
        this.setOverset(bi, 0, null);
        return;
      }
    }
    const extents: PlacedExtent[] = [];
    for (let pi = 0; pi < block.pieces.length; pi++) {
      if (!this.placePiece(bi, pi, extents)) {
        // The lines that were set before the thread ran out keep their tint.
        if (style.style.shading) this.drawBlockShading(style.style.shading, extents);
        return;
      }
    }
    if (style.style.spaceAfterLines > 0) this.cell += style.style.spaceAfterLines;
    this.cell = Math.ceil(this.cell - CELL_EPSILON);
    // The shading goes under the block's box (if any) and its text: both are pushed after it.
    if (style.style.shading) this.drawBlockShading(style.style.shading, extents);
    if (style.style.box) this.drawBlockBoxes(style, extents);
  }

  // ── 变栏 sections (step 8) ──

  /**
   * Sets blocks [from, to) as one 变栏 section in `columns` balanced sub-columns of the current slot (step 8);
   * the cursor ends below its deepest sub-column.
   */
  private placeSplit(from: number, to: number, columns: number): void {
    const blocks = this.content.blocks;
    const first = blocks[from]!.style.style;
    if (!this.atSlotTop() && first.spaceBeforeLines > 0) this.cell = Math.ceil(this.cell + first.spaceBeforeLines - CELL_EPSILON);
    this.cell = Math.ceil(this.cell - CELL_EPSILON);
    const extents = new Map<number, PlacedExtent[]>();
    let composedFor = NaN;
    let units: SplitUnit[] = [];
    let u = 0;
    const isFinal = to === blocks.length;
    for (;;) {
      const { subWidthPt, count } = this.splitColumns(columns);
      // A column of another width (the next frame's) sets the rest again at its measure, from the first unset line.
      if (!(Math.abs(subWidthPt - composedFor) <= SAME_WIDTH_EPSILON_PT)) {
        units = this.splitUnits(from, to, subWidthPt, units[u]);
        u = 0;
        composedFor = subWidthPt;
      }
      const room = this.splitRoom(isFinal);
      let cells = 0;
      for (let i = u; i < units.length; i++) cells += units[i]!.cells;
      // Balanced depths from the shallowest that could hold the lines, one sub-column a line deeper at a time,
      // until the lines fit; past the room the section fills it (every sub-column `room` deep).
      let level = Math.floor(cells / count + CELL_EPSILON);
      let deeper = 0;
      let deal = dealSplit(units, u, splitDepths(count, level, deeper));
      while (deal.next < units.length && level + (deeper > 0 ? 1 : 0) <= room) {
        [level, deeper] = deeper + 1 >= count ? [level + 1, 0] : [level, deeper + 1];
        deal = dealSplit(units, u, splitDepths(count, level, deeper));
      }
      if (level + (deeper > 0 ? 1 : 0) > room) deal = dealSplit(units, u, splitDepths(count, room, 0));
      const placedNone = deal.next === u;
      if (!placedNone) {
        this.emitSplit(deal.placements, subWidthPt, extents);
        u = deal.next;
      }
      if (u >= units.length) break;
      // The room is full (or holds none of the rest): the section goes on in the next column or frame.
      const empty = placedNone && this.atSlotTop();
      if (empty || !this.advance()) {
        const rest = units[u]!;
        this.setOverset(rest.bi, rest.pi, { comp: rest.comp, li: rest.li });
        break;
      }
      this.cell = Math.ceil(this.cell - CELL_EPSILON);
    }
    for (const [bi, list] of extents) {
      const style = blocks[bi]!.style;
      if (style.style.shading) this.drawBlockShading(style.style.shading, list);
      if (style.style.box) this.drawBlockBoxes(style, list);
    }
    if (this.overset) return;
    const after = blocks[to - 1]!.style.style.spaceAfterLines;
    if (after > 0) this.cell += after;
    this.cell = Math.ceil(this.cell - CELL_EPSILON);
  }

  /** The sub-columns of a 变栏 section in the current slot: their width (points) and count (fewer when too narrow). */
  private splitColumns(columns: number): { subWidthPt: number; count: number } {
    const { widthPt } = this.slot();
    const gutterPt = this.geom.gutterPt;
    let count = columns;
    const widthFor = (n: number) => (widthPt - (n - 1) * gutterPt) / n;
    while (count > 1 && widthFor(count) < this.env.grid.bodySizePt) count--;
    return { subWidthPt: widthFor(count), count };
  }

  /** Grid lines a 变栏 section may take from the cursor down: to the slot's end or the next wrap band. */
  private splitRoom(isFinal: boolean): number {
    this.cell = this.clearAt(this.cell, 1).cell;
    const end = this.endCell(!isFinal);
    const bands = this.wrap().bands;
    let room = 0;
    while (this.cell + room + 1 <= end + CELL_EPSILON && clearOfBands(bands, this.cell, room + 1) <= this.cell + CELL_EPSILON) room++;
    return room;
  }

  /**
   * The lines of blocks [from, to) composed at `subWidthPt`, from `resume` on (a unit of an earlier
   * composition: its block and piece are set again from its line's first character).
   */
  private splitUnits(from: number, to: number, subWidthPt: number, resume?: SplitUnit): SplitUnit[] {
    const units: SplitUnit[] = [];
    for (let bi = resume?.bi ?? from; bi < to; bi++) {
      const block = this.content.blocks[bi]!;
      const style = block.style;
      const inset = this.insetOf(style);
      const startPiece = resume && bi === resume.bi ? resume.pi : 0;
      for (let pi = startPiece; pi < block.pieces.length; pi++) {
        const piece = block.pieces[pi]!;
        const fromV = resume && bi === resume.bi && pi === resume.pi ? (resume.comp.lines[resume.li]?.fromPos ?? 0) : 0;
        const comp = this.compose(piece, style, subWidthPt - 2 * inset, fromV);
        comp.lines.forEach((line, li) => {
          const blockStart = pi === 0 && li === 0 && fromV === 0 && bi > from;
          const beforeCells = blockStart ? this.content.blocks[bi - 1]!.style.style.spaceAfterLines + style.style.spaceBeforeLines : 0;
          units.push({ bi, pi, comp, li, cells: this.cellsOf(style, line), beforeCells });
        });
      }
    }
    return units;
  }

  /** Emits placed lines of a 变栏 section below the cursor, sub-column by sub-column, and moves the cursor below them. */
  private emitSplit(placements: readonly SplitPlacement[], subWidthPt: number, extents: Map<number, PlacedExtent[]>): void {
    const slot = this.slot();
    const top = this.cell;
    let bottom = top;
    for (const { unit, sub, offsetCells } of placements) {
      const block = this.content.blocks[unit.bi]!;
      this.cell = top + offsetCells;
      const measure: LineMeasure = { xPt: slot.xPt + sub * (subWidthPt + this.geom.gutterPt), widthPt: subWidthPt };
      const list = extents.get(unit.bi) ?? [];
      extents.set(unit.bi, list);
      this.emitLine(block.pieces[unit.pi]!, block.style, unit.comp, unit.li, unit.cells, list, measure, unit.pi === 0);
      bottom = Math.max(bottom, this.cell + unit.cells);
    }
    this.cell = bottom;
    this.inkEndCell = bottom;
    if (this.mode === 'body' && this.section) this.section.inkEndCell[this.col] = bottom;
    // A ruled frame rules its section's gutters too, between sub-columns that hold text, down the part set here.
    const g = this.geom;
    const used = placements.length === 0 ? 0 : placements[placements.length - 1]!.sub + 1;
    if (!g.columnRule || used < 2 || bottom <= top) return;
    const weightPt = Math.max(COLUMN_RULE_STROKE_PT, minStrokePtOf(g.frame.columnRuleStyle));
    const grid = this.env.grid;
    for (let sub = 0; sub + 1 < used; sub++) {
      const xPt = slot.xPt + (sub + 1) * (subWidthPt + g.gutterPt) - g.gutterPt / 2;
      const rule = { x1Pt: xPt, y1Pt: grid.cellTopPt(top), x2Pt: xPt, y2Pt: grid.cellTopPt(bottom) };
      this.outputs.get(g.frame.id)!.items.push(...ruleItemsOf(rule, weightPt, g.frame.columnRuleStyle, BLACK, g.frame.id));
    }
  }

  /** 底纹: the paragraph's tint boxes (paragraph-shading.ts), each in the frame its part was set in. */
  private drawBlockShading(shading: ParagraphShading, extents: readonly PlacedExtent[]): void {
    for (const box of paragraphShadingBoxes(shading, extents)) this.outputs.get(box.frameId!)!.under.push(box);
  }

  // ── Tables (step 8) ──

  /** The table laid out at the current slot's measure (cached per measure: columns of frames may differ). */
  private tableAt(table: TableBlock, cache: Map<number, TableGeometry<Composition>>): TableGeometry<Composition> {
    const widthPt = this.slot().widthPt;
    const key = Math.round(widthPt / SAME_WIDTH_EPSILON_PT);
    let geometry = cache.get(key);
    if (!geometry) {
      const composer: CellComposer<Composition> = {
        compose: (piece, style, w) => this.compose(piece, style, w, 0),
        lines: (comp) => comp.lines,
        cellsOf: (style, line) => this.cellsOf(style, line),
      };
      geometry = layoutTable(table, widthPt, this.env.grid.bodySizePt, composer);
      cache.set(key, geometry);
    }
    return geometry;
  }

  /** Places a table block band by band; false when the thread ran out of room (overset recorded). */
  private placeTable(bi: number, table: TableBlock): boolean {
    const cache = new Map<number, TableGeometry<Composition>>();
    this.cell = Math.ceil(this.cell - CELL_EPSILON);
    const bandCells = (g: TableGeometry<Composition>, k: number) => {
      let cells = 0;
      for (let r = g.bands[k]![0]; r < g.bands[k]![1]; r++) cells += g.rowCells[r]!;
      return cells;
    };
    const headerCells = (g: TableGeometry<Composition>) => {
      let cells = 0;
      for (let k = 0; k < g.headerBands; k++) cells += bandCells(g, k);
      return cells;
    };
    /** The piece of the table in the current slot: its top cell and the rows set in it (with their tops). */
    let piece: TablePiece | null = null;
    let started = false;
    const isFinalBlock = bi === this.content.blocks.length - 1;
    let g = this.tableAt(table, cache);
    for (let k = 0; k < g.bands.length;) {
      g = this.tableAt(table, cache);
      const repeat = started && piece === null && k >= g.headerBands && g.headerBands > 0;
      const need = bandCells(g, k) + (repeat ? headerCells(g) : 0);
      // The header rows keep with the first band after them.
      const keep = k === g.headerBands - 1 && k + 1 < g.bands.length ? need + bandCells(g, k + 1) : need;
      this.cell = this.clearAt(this.cell, keep).cell;
      const rest = isFinalBlock && k === g.bands.length - 1 ? need : Infinity;
      if (!this.fits(keep, rest)) {
        const empty = this.atSlotTop();
        if (piece) this.finishTablePiece(table, g, piece);
        piece = null;
        if (empty || !this.advance()) {
          this.setTableOverset(bi, table, g, k);
          return false;
        }
        continue;
      }
      if (!piece) piece = { topCell: this.cell, rows: [] };
      if (repeat) {
        for (let h = 0; h < g.headerBands; h++) this.emitTableBand(table, g, h, piece);
      }
      this.emitTableBand(table, g, k, piece);
      started = true;
      k++;
    }
    if (piece) this.finishTablePiece(table, g, piece);
    return true;
  }

  /** Emits band `k` of a table at the cursor: tints under the text, then each cell's lines. */
  private emitTableBand(table: TableBlock, g: TableGeometry<Composition>, k: number, piece: TablePiece): void {
    const [fromRow, toRow] = g.bands[k]!;
    const slot = this.slot();
    const frameId = this.geom.frame.id;
    const out = this.outputs.get(frameId)!;
    const grid = this.env.grid;
    const rowTop: number[] = [];
    let at = this.cell;
    for (let r = fromRow; r < toRow; r++) {
      rowTop[r] = at;
      at += g.rowCells[r]!;
    }
    const bottomCell = at;
    piece.rows.push({ band: k, topCell: this.cell });
    for (let r = fromRow; r < toRow; r++) {
      for (const ci of g.cellsByRow[r]!) {
        const cg = g.cells[ci]!;
        const top = rowTop[r]!;
        const last = r + cg.cell.rowspan;
        const bottom = last >= toRow ? bottomCell : rowTop[last]!;
        if (cg.cell.tint) {
          const yPt = grid.cellTopPt(top);
          out.under.push({ kind: 'box', rect: { xPt: slot.xPt + cg.xPt, yPt, widthPt: cg.widthPt, heightPt: grid.cellTopPt(bottom) - yPt }, strokePt: 0, fill: cg.cell.tint, frameId });
        }
        this.emitCellLines(table, cg, top, slot.xPt);
      }
    }
    this.cell = bottomCell;
    this.inkEndCell = this.cell;
  }

  /** Emits a cell's lines from grid cell `topCell`, the table's left edge at `tableXPt`. */
  private emitCellLines(table: TableBlock, cg: CellGeometry<Composition>, topCell: number, tableXPt: number): void {
    const padPt = table.attrs.cellPaddingPt;
    const saved = this.cell;
    for (const l of cg.lines) {
      this.cell = topCell + l.offsetCells;
      const measure: LineMeasure = { xPt: tableXPt + cg.xPt + padPt + l.shiftPt, widthPt: Math.max(0, cg.widthPt - 2 * padPt - l.shiftPt) };
      this.emitLine(l.piece, l.style, l.comp, l.lineIndex, l.cells, [], measure, l.firstOfParagraph);
    }
    this.cell = saved;
  }

  /**
   * Draws the rules of a table's piece in the current slot: each cell's top and left edge, the piece's right
   * side and foot. Edges on one line are joined into one rule (a dashed rule then runs on unbroken).
   */
  private finishTablePiece(table: TableBlock, g: TableGeometry<Composition>, piece: TablePiece): void {
    const { rule } = table.attrs;
    if (rule.weightPt <= 0 || piece.rows.length === 0) return;
    const grid = this.env.grid;
    const slot = this.slot();
    const frameId = this.geom.frame.id;
    const out = this.outputs.get(frameId)!;
    // A decorative (花边) cell rule is drawn at least at the weight its motif survives at, as a column rule is.
    const weightPt = DECORATIVE_LINE_STYLES.has(rule.style) ? Math.max(rule.weightPt, minStrokePtOf(rule.style)) : rule.weightPt;
    const line = (x1Pt: number, y1Pt: number, x2Pt: number, y2Pt: number) => out.items.push(...ruleItemsOf({ x1Pt, y1Pt, x2Pt, y2Pt }, weightPt, rule.style, rule.colour, frameId));
    /** Vertical edges per x (rounded key): [top, bottom] spans, in order. */
    const verticals = new Map<number, { xPt: number; spans: [number, number][] }>();
    let footCell = piece.topCell;
    for (const { band, topCell } of piece.rows) {
      const [fromRow, toRow] = g.bands[band]!;
      const rowTop: number[] = [];
      let at = topCell;
      for (let r = fromRow; r <= toRow; r++) {
        rowTop[r] = at;
        at += g.rowCells[r] ?? 0;
      }
      footCell = Math.max(footCell, rowTop[toRow]!);
      for (let r = fromRow; r < toRow; r++) {
        const yPt = grid.cellTopPt(rowTop[r]!);
        let run: [number, number] | null = null;
        for (const ci of g.cellsByRow[r]!) {
          const cg = g.cells[ci]!;
          const x = slot.xPt + cg.xPt;
          if (run && Math.abs(run[1] - x) < SAME_WIDTH_EPSILON_PT) run[1] = x + cg.widthPt;
          else {
            if (run) line(run[0], yPt, run[1], yPt);
            run = [x, x + cg.widthPt];
          }
          const y2Pt = grid.cellTopPt(rowTop[Math.min(toRow, r + cg.cell.rowspan)]!);
          const key = Math.round(x / SAME_WIDTH_EPSILON_PT);
          const edge = verticals.get(key) ?? { xPt: x, spans: [] };
          verticals.set(key, edge);
          const lastSpan = edge.spans[edge.spans.length - 1];
          if (lastSpan && Math.abs(lastSpan[1] - yPt) < SAME_WIDTH_EPSILON_PT) lastSpan[1] = y2Pt;
          else edge.spans.push([yPt, y2Pt]);
        }
        if (run) line(run[0], yPt, run[1], yPt);
      }
    }
    for (const { xPt, spans } of verticals.values()) for (const [y1, y2] of spans) line(xPt, y1, xPt, y2);
    const top = grid.cellTopPt(piece.topCell);
    const foot = grid.cellTopPt(footCell);
    const right = slot.xPt + g.widthPt;
    line(right, top, right, foot);
    line(slot.xPt, foot, right, foot);
  }

  /** What of a table is unset from band `k` on: its first position, grid lines and characters. */
  private tableRest(table: TableBlock, g: TableGeometry<Composition>, k: number): { fromPos: number | null; lines: number; chars: number } {
    const fromRow = g.bands[k]?.[0] ?? table.rows;
    let lines = 0;
    for (let r = fromRow; r < g.rowCells.length; r++) lines += g.rowCells[r]!;
    let chars = 0;
    let fromPos: number | null = null;
    for (const cg of g.cells) {
      if (cg.cell.row < fromRow) continue;
      for (const para of cg.cell.paragraphs) {
        for (const p of para.pieces) {
          fromPos ??= p.pmFrom;
          chars += countChars(p, 0);
        }
      }
    }
    return { fromPos, lines, chars };
  }

  /** Records overset from band `k` of a table on (and every block after it). */
  private setTableOverset(bi: number, table: TableBlock, g: TableGeometry<Composition>, k: number): void {
    this.setOverset(bi + 1, 0, null);
    const rest = this.tableRest(table, g, k);
    const after = this.overset!;
    const later = bi + 1 < this.content.blocks.length;
    this.overset = {
      ...after,
      fromPos: rest.fromPos ?? after.fromPos,
      lines: Math.ceil(rest.lines + (later ? after.lines : 0) - CELL_EPSILON),
      chars: rest.chars + (later ? after.chars : 0),
    };
  }

  /** Cells a keepWithNext block needs with the first line of the block after it. */
  private keepCells(block: StoryBlock, next: StoryBlock): number {
    let cells = block.style.style.spaceAfterLines;
    const widthPt = this.slot().widthPt;
    for (const piece of block.pieces) {
      for (const line of this.compose(piece, block.style, widthPt - 2 * this.insetOf(block.style), 0).lines) cells += this.cellsOf(block.style, line);
    }
    const firstPiece = next.pieces[0];
    if (firstPiece) {
      const firstLine = this.compose(firstPiece, next.style, widthPt - 2 * this.insetOf(next.style), 0).lines[0];
      if (firstLine) cells += this.cellsOf(next.style, firstLine) + next.style.style.spaceBeforeLines;
    }
    return cells;
  }

  /** Places one piece; false when the thread ran out of room (overset recorded). */
  private placePiece(bi: number, pi: number, extents: PlacedExtent[]): boolean {
    const block = this.content.blocks[bi]!;
    const piece = block.pieces[pi]!;
    const style = block.style;
    const inset = this.insetOf(style);
    const isFinal = bi === this.content.blocks.length - 1 && pi === block.pieces.length - 1;
    let comp = this.composeAtCursor(piece, style, inset, 0);
    let li = 0;
    // Where the rest was last re-composed: a line whose height differs from the planned one may land on
    // another measure again; it is then set as composed rather than re-composed for ever.
    let recomposedAt = '';
    while (li < comp.lines.length) {
      const line = comp.lines[li]!;
      const need = this.cellsOf(style, line);
      const at = this.clearAt(this.cell, need);
      this.cell = at.cell;
      if (!this.fits(need, isFinal ? this.restCells(style, comp.lines, li) : Infinity)) {
        if (!this.advance()) {
          this.setOverset(bi, pi, { comp, li });
          return false;
        }
        continue;
      }
      const measurePt = at.measure.widthPt - 2 * inset;
      const here = `${this.fi}:${this.mode}:${this.col}:${this.cell}:${line.fromPos}`;
      if (Math.abs(measurePt - (comp.measuresPt[li] ?? comp.widthPt)) > SAME_WIDTH_EPSILON_PT && here !== recomposedAt) {
        recomposedAt = here;
        comp = this.composeAtCursor(piece, style, inset, line.fromPos);
        li = 0;
        continue;
      }
      this.emitLine(piece, style, comp, li, need, extents, at.measure, pi === 0);
      this.cell += need;
      this.inkEndCell = this.cell;
      if (this.mode === 'body' && this.section) this.section.inkEndCell[this.col] = this.cell;
      li++;
    }
    return true;
  }

  private restCells(style: ResolvedStyle, lines: readonly ComposedLine[], from: number): number {
    let cells = 0;
    for (let i = from; i < lines.length; i++) cells += this.cellsOf(style, lines[i]!);
    return cells;
  }

  /**
   * Whether a line of `need` cells fits at the cursor. The jump-line reservation is waived when the story's
   * remaining `finalCells` all fit without it (no continuation, so no jump line).
   */
  private fits(need: number, finalCells: number): boolean {
    if (this.cell + need <= this.endCell(true) + CELL_EPSILON) return true;
    return this.cell + finalCells <= this.endCell(false) + CELL_EPSILON;
  }

  /**
   * Emits line `li` of `comp` at the cursor, in the horizontal extent `measure` (points); `firstPiece` when
   * the piece is its block's first (its first line then starts the block).
   */
  private emitLine(piece: InlinePiece, style: ResolvedStyle, comp: Composition, li: number, need: number, extents: PlacedExtent[], measure: LineMeasure, firstPiece: boolean): void {
    const line = comp.lines[li]!;
    const grid = this.env.grid;
    const slot = this.slot();
    const frameId = this.geom.frame.id;
    const out = this.outputs.get(frameId)!;
    const inset = this.insetOf(style);
    const topPt = grid.cellTopPt(this.cell);
    const leadingPt = need * grid.pitchPt;
    const baselineYPt = grid.baselinePt(topPt, leadingPt, this.baselineSizePt(style, line));
    const x0 = measure.xPt + inset;
    this.emitRuns(line, x0, baselineYPt, out.items, frameId);

    const fromPos = line.fromPos <= 0 ? piece.pmFrom : pmPosAt(piece, line.fromPos);
    const toPos = line.toPos >= piece.virtualLength ? piece.pmTo : pmPosAt(piece, line.toPos);
    const caretXPt: number[] = [];
    const lastIndex = line.caretXPt.length - 1;
    for (let q = fromPos; q <= toPos; q++) {
      const idx = Math.min(lastIndex, Math.max(0, virtualPosAt(piece, q) - line.fromPos));
      caretXPt.push(x0 + line.caretXPt[idx]!);
    }
    out.lines.push({
      storyId: this.storyId, frameId, column: slot.column,
      rect: { xPt: measure.xPt, yPt: topPt, widthPt: measure.widthPt, heightPt: leadingPt },
      baselineYPt, fromPos, toPos, caretXPt,
      ...(firstPiece && line.fromPos <= 0 ? { blockStart: true as const } : {}),
    });
    extents.push({ frameId, column: slot.column, leftPt: x0 + line.caretXPt[0]!, rightPt: x0 + line.caretXPt[lastIndex]!, topPt, bottomPt: topPt + leadingPt, measureLeftPt: measure.xPt, measureRightPt: measure.xPt + measure.widthPt });

    for (const w of comp.warnings) {
      const inLine = w.pos === undefined ? comp.first && li === 0 : w.pos >= line.fromPos && (w.pos < line.toPos || (li === comp.lines.length - 1 && w.pos <= line.toPos));
      if (!inLine) continue;
      out.warnings.push({ ...w, storyId: this.storyId, frameId, ...(w.pos === undefined ? {} : { pos: pmPosAt(piece, w.pos) }) });
    }
  }

  private emitRuns(line: ComposedLine, x0: number, baselineYPt: number, items: LayoutItem[], frameId: string, jump?: JumpDirection): void {
    for (const run of line.runs) {
      if (run.glyphs.length === 0) continue;
      // Literal objects of one shape, not `{ ...g, xPt }`: spreading thousands of glyphs ran slowly in a fresh
      // process (the CLI composes each page once, cold).
      const glyphs: PositionedGlyph[] = new Array(run.glyphs.length);
      for (let i = 0; i < run.glyphs.length; i++) {
        const g = run.glyphs[i]!;
        glyphs[i] = g.scaleX === undefined ? { glyphId: g.glyphId, xPt: g.xPt + x0, text: g.text } : { glyphId: g.glyphId, xPt: g.xPt + x0, text: g.text, scaleX: g.scaleX };
      }
      // A baseline shift (local formatting, positive = up) moves the run's glyphs only; the line stays where it is.
      const runBaselineYPt = run.baselineShiftPt ? baselineYPt - run.baselineShiftPt : baselineYPt;
      const item: GlyphRunItem = { kind: 'glyphs', fontId: run.fontId, sizePt: run.sizePt, colour: run.colour, baselineYPt: runBaselineYPt, glyphs, storyId: this.storyId, frameId, ...(jump ? { jump } : {}) };
      if (run.scaleX !== undefined) item.scaleX = run.scaleX;
      if (run.scaleY !== undefined) item.scaleY = run.scaleY;
      if (run.effects) item.effects = run.effects;
      items.push(item);
    }
  }

  /** Sets a jump line (下转/上接) at the cursor in the current slot; it is page furniture, not story text. */
  private placeJumpLine(text: string, jump: JumpDirection): void {
    const style = this.env.jumpStyle;
    const slot = this.slot();
    // Beside an `around` wrap the jump line takes the narrower measure, like the text it belongs to (it is
    // never moved: 下转 has its reserved cells at the column foot, 上接 was cleared of bands on entry).
    const measure = measureAt(this.wrap().narrowings, slot.xPt, slot.widthPt, this.cell, this.jumpCells, this.env.grid) ?? slot;
    const piece = jumpPiece(text, style.font, style);
    const comp = this.compose(piece, style, measure.widthPt, 0);
    const grid = this.env.grid;
    const frameId = this.geom.frame.id;
    for (const line of comp.lines) {
      const need = this.cellsOf(style, line);
      const topPt = grid.cellTopPt(this.cell);
      const baselineYPt = grid.baselinePt(topPt, need * grid.pitchPt, this.baselineSizePt(style, line));
      this.emitRuns(line, measure.xPt, baselineYPt, this.outputs.get(frameId)!.items, frameId, jump);
      this.cell += need;
    }
    this.inkEndCell = this.cell;
    // Set all the same (a continuation must be signposted), but the frame lacks these lines: say so.
    const pastFootCells = this.cell - this.geom.endCell;
    if (pastFootCells > CELL_EPSILON) this.jumpShortfallCells += pastFootCells;
  }

  private drawBlockBoxes(style: ResolvedStyle, extents: readonly PlacedExtent[]): void {
    const box = style.style.box!;
    // One box per column part: lines of a column separated by a wrap's band get a box each.
    const groups = new Map<string, PlacedExtent[]>();
    let part = 0;
    let previous: PlacedExtent | undefined;
    for (const e of extents) {
      if (previous && (previous.frameId !== e.frameId || previous.column !== e.column || e.topPt > previous.bottomPt + CELL_EPSILON)) part++;
      previous = e;
      const k = `${e.frameId}\u0000${e.column}\u0000${part}`;
      const list = groups.get(k);
      if (list) list.push(e);
      else groups.set(k, [e]);
    }
    for (const list of groups.values()) {
      const left = Math.min(...list.map((e) => e.leftPt)) - box.insetPt;
      const right = Math.max(...list.map((e) => e.rightPt)) + box.insetPt;
      const top = Math.min(...list.map((e) => e.topPt));
      const bottom = Math.max(...list.map((e) => e.bottomPt));
      this.outputs.get(list[0]!.frameId)!.under.push({
        kind: 'box', rect: { xPt: left, yPt: top, widthPt: right - left, heightPt: bottom - top },
        strokePt: box.strokePt, stroke: style.style.colour, ...(box.fill ? { fill: box.fill } : {}), frameId: list[0]!.frameId,
      });
    }
  }

  /** Records overset from block `bi`, piece `pi` (from line `at.li` of `at.comp` when given). */
  private setOverset(bi: number, pi: number, at: { comp: Composition; li: number } | null): void {
    const blocks = this.content.blocks;
    const widthPt = this.slot().widthPt;
    let lines = 0;
    let chars = 0;
    let fromPos: number | null = null;
    for (let b = bi; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.table) {
        // A table after the first unset text is unset whole.
        const rest = this.tableRest(block.table, this.tableAt(block.table, new Map()), 0);
        fromPos ??= rest.fromPos;
        lines += rest.lines;
        chars += rest.chars;
        continue;
      }
      for (let p = b === bi ? pi : 0; p < block.pieces.length; p++) {
        const piece = block.pieces[p]!;
        const here = b === bi && p === pi && at !== null;
        const comp = here ? at.comp : this.compose(piece, block.style, widthPt - 2 * this.insetOf(block.style), 0);
        const firstLine = here ? at.li : 0;
        const fromV = comp.lines[firstLine]?.fromPos ?? 0;
        if (fromPos === null) fromPos = fromV <= 0 ? piece.pmFrom : pmPosAt(piece, fromV);
        lines += this.restCells(block.style, comp.lines, firstLine);
        chars += countChars(piece, fromV);
      }
    }
    const last = this.thread.frames[this.thread.frames.length - 1]!.frame;
    this.overset = { storyId: this.storyId, frameId: last.id, fromPos: fromPos ?? 0, lines: Math.ceil(lines - CELL_EPSILON), chars };
  }

  /**
   * Empty grid lines left in the thread after the text ended: per column for column text; for a story that
   * ended while spanning (it has no `columns` body), in full-width lines.
   */
  private emptyCells(): number {
    const g = this.geom;
    const spanning = this.mode === 'span';
    const columnsOf = (geom: FrameGeometry) => (spanning ? 1 : geom.columnXPt.length);
    // Lines a wrap blocks are no room for more text.
    const free = (fi: number, column: number, fromCell: number) => {
      const end = this.geoms[fi]!.endCell;
      const slotColumn = spanning ? -1 : column;
      return Math.max(0, end - fromCell) - blockedCells(this.wrapOf(fi, slotColumn).bands, fromCell, end);
    };
    let empty = free(this.fi, this.col, Math.ceil(this.cell - CELL_EPSILON));
    // Below the balanced ends of the columns already set there is room too (more text would balance deeper).
    const limit = !spanning && this.section ? this.limits.get(this.section.key) : undefined;
    if (limit) for (let c = 0; c < this.col; c++) empty += free(this.fi, c, limit[c]!);
    for (let c = this.col + 1; c < columnsOf(g); c++) empty += free(this.fi, c, spanning ? (this.bodyTops[this.fi] ?? g.topCell) : (this.tops[c] ?? g.topCell));
    for (let f = this.fi + 1; f < this.geoms.length; f++) {
      const later = this.geoms[f]!;
      for (let c = 0; c < columnsOf(later); c++) empty += free(f, c, later.topCell);
    }
    return empty;
  }

  private finish(): StoryLayout {
    const overLines = this.overset ? this.overset.lines : 0;
    // Room left further on cannot take a jump line that lacks room in its own frame: any shortfall is lines over.
    const shortLines = Math.ceil(this.jumpShortfallCells - CELL_EPSILON);
    const lineDelta = shortLines > 0 ? overLines + shortLines : this.overset ? overLines : -this.emptyCells();
    const copyfit: CopyfitEntry = { storyId: this.storyId, lineDelta };
    const byFrame = new Map<string, FrameOutput>();
    this.geoms.forEach((g, f) => {
      const out = this.outputs.get(g.frame.id)!;
      const { fill } = g.frame;
      // A tinted frame (底纹) paints its tint first, under everything the story sets in it.
      const tint: BoxItem[] = fill ? [{ kind: 'box', rect: { xPt: g.frame.xPt, yPt: g.frame.yPt, widthPt: g.frame.widthPt, heightPt: g.frame.heightPt }, strokePt: 0, fill, frameId: g.frame.id }] : [];
      const items: LayoutItem[] = [...tint, ...out.under, ...out.items];
      const bodyTop = this.bodyTops[f];
      // A frame the body never reached below its headline group (a headline frame) has no gutters to rule.
      const headlineOnly = bodyTop === null && this.spanFrames.has(f);
      if (g.columnRule && g.columnXPt.length > 1 && !headlineOnly) items.push(...columnRules(g, bodyTop ?? g.topCell, this.env.grid, this.obstacles[f]!, this.straddles.get(f) ?? []));
      byFrame.set(g.frame.id, { items, lines: out.lines, warnings: out.warnings });
    });
    return { storyId: this.storyId, byFrame, overset: this.overset, copyfit, paragraphKeys: this.keys };
  }
}

/**
 * Deals a 变栏 section's lines from `from` into sub-columns `depthsCells` deep (one depth per sub-column), in
 * order: a line that does not fit the rest of a sub-column starts the next (space before it dropped at a
 * sub-column top). `next` is the first line left over.
 */
function dealSplit(units: readonly SplitUnit[], from: number, depthsCells: readonly number[]): { placements: SplitPlacement[]; next: number } {
  const placements: SplitPlacement[] = [];
  let sub = 0;
  let used = 0;
  let u = from;
  while (u < units.length && sub < depthsCells.length) {
    const unit = units[u]!;
    const gap = used > 0 ? unit.beforeCells : 0;
    if (used + gap + unit.cells <= depthsCells[sub]! + CELL_EPSILON) {
      placements.push({ unit, sub, offsetCells: used + gap });
      used += gap + unit.cells;
      u++;
    } else if (used === 0) break;
    else {
      sub++;
      used = 0;
    }
  }
  return { placements, next: u };
}

/**
 * Sub-column depths of a balanced 变栏 section: level `level`, the first `deeper` sub-columns one grid line
 * deeper (the earlier ones the longer, as balance.ts deals a frame's columns).
 */
function splitDepths(columns: number, level: number, deeper: number): number[] {
  return Array.from({ length: columns }, (_, c) => level + (c < deeper ? 1 : 0));
}

/** The parts of segment [y1, y2] (points) outside every interval of `cuts`. */
function cutSegment(seg: readonly [number, number], cuts: readonly (readonly [number, number])[]): [number, number][] {
  let parts: [number, number][] = [[seg[0], seg[1]]];
  for (const [c1, c2] of cuts) {
    parts = parts.flatMap(([a, b]): [number, number][] => {
      if (c2 <= a || c1 >= b) return [[a, b]];
      const out: [number, number][] = [];
      if (c1 > a) out.push([a, c1]);
      if (c2 < b) out.push([c2, b]);
      return out;
    });
  }
  return parts;
}

/** A one-run piece for a jump line (not story text: its positions are never mapped to the story). */
function jumpPiece(text: string, font: LoadedFont, style: ResolvedStyle): InlinePiece {
  return {
    runs: [{ text, fromPos: 0, font, sizePt: style.sizePt, colour: style.style.colour, trackingEm: style.style.trackingEm, ...runScale(style.scaleX, style.scaleY) }],
    virtualLength: text.length, pmFrom: 0, pmTo: 0, posMap: [], firstLineIndentPt: 0,
  };
}

/**
 * Rules down the middle of each gutter (hairlines, or the frame's column-rule style), from the body's top to
 * the frame's last grid line, broken where a wrap obstacle covers the gutter.
 */
function columnRules(g: FrameGeometry, bodyTopCell: number, grid: PageGrid, obstacles: readonly WrapObstacle[], straddles: readonly StraddleBand[]): (RuleItem | BoxItem)[] {
  const rules: (RuleItem | BoxItem)[] = [];
  const topPt = grid.cellTopPt(bodyTopCell);
  const bottomPt = grid.cellTopPt(g.endCell);
  const style = g.frame.columnRuleStyle;
  // A two-line or decorative column rule cannot be a hairline: it takes the lightest weight its style survives at.
  const weightPt = Math.max(COLUMN_RULE_STROKE_PT, minStrokePtOf(style));
  for (let i = 0; i + 1 < g.columnXPt.length; i++) {
    const xPt = g.columnXPt[i]! + g.columnWidthsPt[i]! + g.gutterPt / 2;
    // A straddle head over this gutter cuts the rule (a rule never runs through a head).
    const cuts = straddles.filter((b) => i >= b.fromColumn && i + 1 < b.fromColumn + b.columns).map((b): [number, number] => [grid.cellTopPt(b.topCell), grid.cellTopPt(b.endCell)]);
    for (const [y1Pt, y2Pt] of ruleSegmentsClear(obstacles, xPt, topPt, bottomPt).flatMap((seg) => cutSegment(seg, cuts))) {
      rules.push(...ruleItemsOf({ x1Pt: xPt, y1Pt, x2Pt: xPt, y2Pt }, weightPt, style, BLACK, g.frame.id));
    }
  }
  return rules;
}
