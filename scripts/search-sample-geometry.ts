/**
 * Recovers the sample page's frame geometry from the original's column ends (issue 17 item 6): the seed's blank
 * lines inside sentences (SEED_COLUMN_ENDS) are where the print page ended its columns, and where our composer
 * breaks lines depends only on a column's measure and where the column starts. Page data, not a composer rule:
 * nothing here changes how text is set, it only tries frames.
 *
 * 1. `chain`: a story's body in a thread of single-column frames, each `w` characters wide; a column given
 *    `until` is made exactly as deep as the line that ends with that text (a break, or a paragraph's last words),
 *    or fails when no line ends there — a column of another width than the one before sets the paragraph again
 *    from where that one stopped, so each column's result depends only on its start and measure.
 * 2. `scan`: for one column after a chain, every measure from 6 to 45 characters at which it ends at a break,
 *    and how deep it is then.
 * 3. `tiers`: a story's body in frames of unequal columns (the shapes PAGE_PLAN uses), with the breaks matched,
 *    overset and the last column's fill, to check a candidate before it goes into the plan.
 *    A straddle head (a block set across several columns, e.g. the feature's headline over its two wide columns)
 *    stands over other columns than the ones a chain tries, so chains and tiers leave it out of the story.
 *
 * Run: `node --import tsx scripts/search-sample-geometry.ts` prints the scans behind PAGE_PLAN and its report.
 */
import { readFileSync } from 'node:fs';
import { Node } from 'prosemirror-model';
import { createComposer } from '../src-core/layout/compose.js';
import type { FolioDocument, PmNodeJson, TextFrame } from '../src-core/model/document.js';
import { storySchema } from '../src-core/model/story-schema.js';
import { TemplateSchema } from '../src-core/model/template.js';
import { createFontProvider, DEFAULT_FONTS, loadFont } from '../src-core/text/font.js';
import { columnEndReport } from '../tests/unit/layout/sample-column-ends.js';
import { buildSampleDocument, PAGE_PLAN, type PagePlan } from './build-sample.js';

const SEED = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8');
const template = TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8')));
const composer = createComposer(createFontProvider(DEFAULT_FONTS.map((d) => loadFont(d, new Uint8Array(readFileSync(`node_modules/${d.file}`))))));
const base = buildSampleDocument(SEED, template, PAGE_PLAN).document;
const emPt = 9;
const pitchPt = template.grid.linePitchPt;
/** Deep enough for any column of the page: a column tried without a depth runs this many lines. */
const TALL_LINES = 100;

/** The stories whose bodies carry the original's breaks. */
export type BrokenStory = 'lead' | 'feature' | 'livelihood';

/** Composes the sample page of `plan`: the column-end report and the page. */
export function evaluate(plan: PagePlan) {
  const { document } = buildSampleDocument(SEED, template, plan);
  const page = composer.compose(document).pages[0]!;
  return { report: columnEndReport(document, page, SEED), page, document };
}

/** ProseMirror position just after `needle` in a story; throws unless it occurs exactly once. */
function posAfter(document: FolioDocument, storyId: string, needle: string): number {
  const hits: number[] = [];
  Node.fromJSON(storySchema, document.stories[storyId]!.doc).descendants((node, at) => {
    if (node.isText) for (let i = node.text!.indexOf(needle); i >= 0; i = node.text!.indexOf(needle, i + 1)) hits.push(at + i + needle.length);
    return true;
  });
  if (hits.length !== 1) throw new RangeError(`"${needle}" occurs ${hits.length} times in story ${storyId} (give more of its words)`);
  return hits[0]!;
}

/** A story's document without its straddle heads (blocks with `spanColumns`), anywhere in it. */
function withoutStraddles(doc: PmNodeJson): PmNodeJson {
  const content = (doc.content ?? []).filter((n) => n.attrs?.spanColumns == null).map(withoutStraddles);
  return doc.content ? { ...doc, content } : doc;
}

/**
 * The story's head frame from the sample, threaded on into `bodies` (frames placed below it, left to right); the
 * story without its straddle heads (step 3).
 */
function threadOf(storyId: BrokenStory, bodies: (Omit<TextFrame, 'id' | 'kind' | 'storyId' | 'xPt' | 'yPt' | 'locked'> & { stacked?: boolean })[]): FolioDocument {
  const head = base.pages[0]!.frames.find((f): f is TextFrame => f.kind === 'text' && f.id === `${storyId}-head`)!;
  const story = base.stories[storyId]!;
  const ids = bodies.map((_, i) => `${storyId}-${i + 1}`);
  let xPt = 20;
  let yPt = head.yPt + head.heightPt;
  const frames: TextFrame[] = bodies.map(({ stacked, ...b }, i) => {
    const f: TextFrame = { ...b, id: ids[i]!, kind: 'text', storyId, xPt, yPt, locked: false, ...(ids[i + 1] ? { nextFrameId: ids[i + 1] } : {}) };
    if (stacked) yPt += b.heightPt;
    else xPt += b.widthPt + emPt;
    return f;
  });
  return { ...base, stories: { ...base.stories, [storyId]: { ...story, doc: withoutStraddles(story.doc) } }, pages: [{ ...base.pages[0]!, frames: [{ ...head, nextFrameId: ids[0] }, ...frames] }] };
}

/** One column of a chain: `w` characters wide, `depth` lines deep or as deep as the line ending with `until`. */
export interface ChainColumn { w: number; until?: string; depth?: number }

/** Step 1: the depth of each column of a chain, or where it failed. */
export function chain(storyId: BrokenStory, columns: readonly ChainColumn[]): { depths: number[]; fail?: string } {
  const depths: number[] = [];
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    if (c.depth !== undefined) {
      depths.push(c.depth);
      continue;
    }
    const document = threadOf(storyId, columns.slice(0, k + 1).map((s, i) => ({ widthPt: s.w * emPt, heightPt: (i < k ? depths[i]! : TALL_LINES) * pitchPt, columns: 1, gutterChars: 1, columnRule: false })));
    const page = composer.compose(document).pages[0]!;
    const pos = posAfter(document, storyId, c.until!);
    const frame = document.pages[0]!.frames.find((f) => f.id === `${storyId}-${k + 1}`)!;
    const lines = page.lines.filter((l) => l.frameId === frame.id).sort((a, b) => a.baselineYPt - b.baselineYPt);
    const i = lines.findIndex((l) => l.fromPos < pos && pos <= l.toPos);
    if (i < 0 || lines[i]!.toPos !== pos) return { depths, fail: `column ${k + 1} (${c.w}): ${c.until} ${i < 0 ? 'is not in it' : `falls ${lines[i]!.toPos - pos} position(s) before the end of its line ${i + 1}`}` };
    // Depth in grid lines, not text lines: subheads take more than one.
    depths.push(Math.round((lines[i]!.rect.yPt + lines[i]!.rect.heightPt - frame.yPt) / pitchPt));
  }
  return { depths };
}

/** Step 2: the measures (6–45 characters) at which a column after `before` ends at `until`, with its depth. */
export function scan(storyId: BrokenStory, before: readonly ChainColumn[], until: string): { w: number; depth: number }[] {
  const out: { w: number; depth: number }[] = [];
  for (let w = 6; w <= 45; w++) {
    const r = chain(storyId, [...before, { w, until }]);
    if (!r.fail) out.push({ w, depth: r.depths[before.length]! });
  }
  return out;
}

/** A frame of a trial: `widths` columns (characters) with `gutter`-character gutters, `depth` grid lines deep. */
export interface Tier { widths: readonly number[]; gutter: number; depth: number }

/** Step 3: a story's body in a thread of tiers, one below the other. */
export function tiers(storyId: BrokenStory, ts: readonly Tier[]) {
  const document = threadOf(storyId, ts.map((t) => ({
    widthPt: (t.widths.reduce((a, b) => a + b, 0) + (t.widths.length - 1) * t.gutter) * emPt, heightPt: t.depth * pitchPt,
    columns: t.widths.length, gutterChars: t.gutter, columnRule: false, stacked: true,
    ...(t.widths.length > 1 ? { columnWidthsPt: t.widths.map((w) => w * emPt) } : {}),
  })));
  const page = composer.compose(document).pages[0]!;
  const report = columnEndReport(document, page, SEED).filter((r) => r.storyId === storyId);
  const last = page.lines.filter((l) => l.frameId === `${storyId}-${ts.length}`);
  const lastColumn = Math.max(...last.map((l) => l.column));
  return { matched: report.filter((r) => r.matched).map((r) => r.end), report, overset: page.overset.filter((o) => o.storyId === storyId), lastColumnLines: last.filter((l) => l.column === lastColumn).length };
}

if (process.argv[1]?.endsWith('search-sample-geometry.ts')) {
  const show = (label: string, hits: { w: number; depth: number }[]) => console.log(`${label}: ${hits.map((h) => `${h.w} chars → ${h.depth} lines`).join(', ') || 'no measure'}`);
  show('lead, 创建的 from the body start', scan('lead', [], '为主体创建的'));
  show('lead, 团队 after 12 + 13 characters, 33 lines', scan('lead', [{ w: 12, depth: 33 }, { w: 13, depth: 33 }], '汤群晓及其团队'));
  show('feature, 其实， from the body start (its byline first)', scan('feature', [], '对他们来说,其实,'));
  show('feature, 蒸养窑 after 其实， at 10', scan('feature', [{ w: 10, until: '对他们来说,其实,' }], '管片从蒸养窑'));
  show('feature, 更重要的是， after 蒸养窑 at 17', scan('feature', [{ w: 17, until: '管片从蒸养窑' }], '更重要的是,'));
  show('livelihood, 场地 from the body start', scan('livelihood', [], '提升场地'));
  show('livelihood, 节点 after 场地 at 35 and 17 lines of 30', scan('livelihood', [{ w: 35, until: '提升场地' }, { w: 30, depth: 17 }], '亲水节点'));
  show('livelihood, 目前 after 节点 at 14 and 17 lines of 26', scan('livelihood', [{ w: 35, until: '提升场地' }, { w: 30, depth: 17 }, { w: 14, until: '亲水节点' }, { w: 26, depth: 17 }], '快速共享,目前'));
  const { report, page } = evaluate(PAGE_PLAN);
  for (const r of report) console.log(`${r.matched ? 'match   ' : 'no match'} ${r.end} ${r.where}`);
  console.log(`overset: ${page.overset.length === 0 ? 'none' : JSON.stringify(page.overset)}`);
}
