/**
 * Balanced columns (齐底): sets a section's columns to equal depth instead of filling them one by one.
 *
 * 1. The flow (flow.ts) records every body section of a frame: its columns' top cells, how deep its text went
 *    in each column, and how the section ended — the story ended in it, a straddle head (变栏) followed it
 *    in the same frame, or its text continued into the next frame.
 * 2. A section is balanced when a straddle head follows it (the head needs one depth to sit under), or when
 *    the story ends in it and its frame has `balance` set; a section whose text continues on fills its frame.
 * 3. Sections are balanced in flow order (a balanced section moves everything after it). For one section,
 *    candidate end cells are tried from the shallowest up: level L with the first r columns one line deeper
 *    (the earlier columns are the longer ones, as a reader expects), so every candidate's column ends differ
 *    by at most one grid line; no column ends above its top. The story is flowed again with each candidate;
 *    the first whose section holds its text is kept. A candidate below the frame's foot means the text cannot
 *    balance there, and the section fills as before.
 * 4. Copyfit reports what balancing the story's last section costs: per column, the grid lines between its
 *    balanced end and the frame's foot.
 */
import type { StoryLayout } from './flow.js';

/** How a body section of a frame ended. */
export type SectionEnd = 'end' | 'straddle' | 'continues';

/** One body section of a frame as the flow set it (cells are grid cells of the frame's page). */
export interface SectionRecord {
  /** `${frame index}:${section index in the frame}`: stable while the sections before it are unchanged. */
  readonly key: string;
  readonly frameIndex: number;
  /** Per column: the section's first cell. */
  readonly topsCell: readonly number[];
  /** Per column: the cell below the section's last line there (its top where it holds none). */
  readonly inkEndCell: number[];
  reason: SectionEnd;
  /** The frame's `balance` setting. */
  readonly balance: boolean;
  /** The frame's exclusive last grid cell. */
  readonly frameEndCell: number;
}

/** One flow of a story with given section limits, and the sections it set. */
export interface BalanceRun {
  readonly layout: StoryLayout;
  readonly sections: readonly SectionRecord[];
}

/**
 * Lines of slack below the unbalanced text's cell count where the search for a section's ends starts: a
 * balanced section may drop a space-before at each column top the filled one did not, so it can need a line
 * fewer per column.
 */
const START_SLACK_PER_COLUMN = 1;

/** Flows a story, balancing the sections that ask for it (steps 2–4). `flow` sets the story with `limits`. */
export function balanceStory(flow: (limits: ReadonlyMap<string, readonly number[]>) => BalanceRun): StoryLayout {
  const limits = new Map<string, readonly number[]>();
  let current = flow(limits);
  const settled = new Set<string>();
  for (;;) {
    const section = current.sections.find((s) => !settled.has(s.key) && wantsBalance(s));
    if (!section) break;
    settled.add(section.key);
    const balanced = balanceSection(section, limits, flow);
    if (balanced) current = balanced;
  }
  return withBalanceCost(current, limits);
}

function usedCells(s: SectionRecord): number {
  let used = 0;
  s.topsCell.forEach((top, c) => (used += Math.max(0, s.inkEndCell[c]! - top)));
  return used;
}

function wantsBalance(s: SectionRecord): boolean {
  if (s.topsCell.length < 2 || usedCells(s) <= 0) return false;
  return s.reason === 'straddle' || (s.reason === 'end' && s.balance);
}

/** Candidate ends: level `level`, the first `deeper` columns one cell deeper; never above a column's top. */
function endsAt(s: SectionRecord, level: number, deeper: number): number[] {
  return s.topsCell.map((top, c) => Math.max(top, level + (c < deeper ? 1 : 0)));
}

function capacity(s: SectionRecord, ends: readonly number[]): number {
  let cells = 0;
  s.topsCell.forEach((top, c) => (cells += ends[c]! - top));
  return cells;
}

/** Step 3: the shallowest balanced ends that hold the section's text, with the flow they give; null if none. */
function balanceSection(s: SectionRecord, limits: Map<string, readonly number[]>, flow: (limits: ReadonlyMap<string, readonly number[]>) => BalanceRun): BalanceRun | null {
  const columns = s.topsCell.length;
  const start = usedCells(s) - START_SLACK_PER_COLUMN * columns;
  let level = Math.min(...s.topsCell);
  let deeper = 0;
  while (capacity(s, endsAt(s, level, deeper)) < start) [level, deeper] = deeper + 1 >= columns ? [level + 1, 0] : [level, deeper + 1];
  for (;;) {
    const ends = endsAt(s, level, deeper);
    if (Math.max(...ends) > s.frameEndCell) break;
    limits.set(s.key, ends);
    const run = flow(limits);
    const record = run.sections.find((r) => r.key === s.key);
    if (record && record.reason !== 'continues') return run;
    [level, deeper] = deeper + 1 >= columns ? [level + 1, 0] : [level, deeper + 1];
  }
  limits.delete(s.key);
  return null;
}

/** Step 4: the story's copyfit with the cost of balancing its last section, when it was balanced. */
function withBalanceCost(run: BalanceRun, limits: ReadonlyMap<string, readonly number[]>): StoryLayout {
  const last = run.sections[run.sections.length - 1];
  const ends = last && last.reason === 'end' ? limits.get(last.key) : undefined;
  if (!last || !ends) return run.layout;
  const balanceShortLines = ends.map((end) => last.frameEndCell - end);
  return { ...run.layout, copyfit: { ...run.layout.copyfit, balanceShortLines } };
}
