/**
 * Builds the sample document templates/samples/deqing-front-2023-07-20.folio from the seed text
 * (tests/fixtures/seed/deqing-front-page-2023-07.txt) on the broadsheet front-page template.
 *
 * 1. Read the seed: one non-empty line per block. A blank line inside a sentence marks where the
 *    original print page ended a column (TYPOGRAPHY.md §7): those lines are joined back into one paragraph.
 * 2. Cut the blocks into stories by their roles (kicker, headline, byline, subheads, body …).
 * 3. Place frames on the 8 × 13 character grid (positions in grid columns and body lines; some frames
 *    re-divide their grid columns, 破栏, so that columns end where the original's did: see PAGE_PLAN), thread
 *    the body frames, add the photo (a generated placeholder, marked as such), the boxed advert and the
 *    hairlines between stories. The masthead's invented issue number is marked （示例数据）.
 * 4. Pack everything into a .folio zip.
 *
 * Run: `node --import tsx scripts/build-sample.ts` (deterministic: the same seed and template give the same bytes).
 * `npx vitest run tests/unit/layout/sample-fidelity.test.ts` prints which of the original's column ends match.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { zlibSync } from 'fflate';
import { TemplateSchema, type Template } from '../src-core/model/template.js';
import { parseSizePt } from '../src-core/model/units.js';
import { DOCUMENT_SCHEMA_VERSION, type FolioDocument, type Frame, type PmNodeJson, type Story } from '../src-core/model/document.js';
import { packFolio } from '../src-core/model/folio-file.js';

/** Where the seed's blank-line column ends fall (TYPOGRAPHY.md §7): the text before each break. */
export const SEED_COLUMN_ENDS = ['创建的', '团队', '其实,', '蒸养窑', '更重要的是,', '场地', '节点', '目前'] as const;

const SEED_PATH = 'tests/fixtures/seed/deqing-front-page-2023-07.txt';
const OUT_PATH = 'templates/samples/deqing-front-2023-07-20.folio';

/** Reads the seed into blocks, joining the lines the original page split at column ends. */
export function readSeedBlocks(seed: string): string[] {
  const lines = seed.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const blocks: string[] = [];
  for (const line of lines) {
    const prev = blocks[blocks.length - 1];
    if (prev !== undefined && SEED_COLUMN_ENDS.some((end) => prev.endsWith(end))) {
      blocks[blocks.length - 1] = prev + line;
    } else {
      blocks.push(line);
    }
  }
  return blocks;
}

const text = (t: string): PmNodeJson[] => (t ? [{ type: 'text', text: t }] : []);
const block = (type: string, t: string, style?: string): PmNodeJson =>
  style ? { type, attrs: { style }, content: text(t) } : { type, content: text(t) };
/** A two-line subhead (paired 小标题): one block with a hard break. */
const subhead2 = (a: string, b: string): PmNodeJson => ({ type: 'subhead', content: [...text(a), { type: 'hard_break' }, ...text(b)] });
const columns = (content: PmNodeJson[]): PmNodeJson => ({ type: 'columns', attrs: { count: null, gutterChars: null, rule: false }, content });
const story = (id: string, name: string, content: PmNodeJson[]): Story => ({ id, name, doc: { type: 'doc', content } });
/** A body block set across `span.count` of its frame's columns from column `span.from` (a straddle head, 变栏). */
const straddle = (t: string, style: string, span: { readonly from: number; readonly count: number }): PmNodeJson =>
  ({ type: 'paragraph', attrs: { style, spanColumns: span.count, spanFromColumn: span.from }, content: text(t) });
/** The feature's straddle head stands over its third and fourth columns (the 27- and 26-character ones, PAGE_PLAN). */
const FEATURE_HEAD_COLUMNS = { from: 2, count: 2 } as const;

/** Splits a story's blocks into body nodes: lines in `subheads` become subheads, consecutive pairs in `pairs` become two-line subheads. */
function body(blocks: string[], subheads: ReadonlySet<string>, pairs: ReadonlyMap<string, string> = new Map()): PmNodeJson[] {
  const out: PmNodeJson[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const second = pairs.get(b);
    if (second !== undefined && blocks[i + 1] === second) {
      out.push(subhead2(b, second));
      i++;
    } else if (subheads.has(b)) {
      out.push(block('subhead', b));
    } else {
      out.push(block('paragraph', b));
    }
  }
  return out;
}

/** Cuts the seed into the page's stories. Throws if the seed is not the expected page. */
export function buildStories(blocks: string[]): Story[] {
  const at = (startsWith: string): number => {
    const i = blocks.findIndex((b) => b.startsWith(startsWith));
    if (i < 0) throw new RangeError(`Seed block starting "${startsWith}" not found`);
    return i;
  };
  const slogan = blocks[0]!.replace(/^\|\s*|\s*\|$/g, '');
  const lead = at('“停不下来”');
  const feature = at('脚踩50℃');
  const livelihood = at('“民生账单”');
  const bikes = at('“绿色亚运 乐在骑行”暨');
  const leidian = at('县领导调研雷甸镇');
  const photo = at('战高温');
  const ad = at('浙里办 伴你');

  const [bikeKicker, bikeHead] = splitAtLastSpace(blocks[bikes]!);
  return [
    story('slogan', '口号 Slogan', [block('paragraph', slogan, 'slogan')]),
    story('lead', '“停不下来”的改革创造了奇迹', [
      block('kicker', blocks[lead + 1]!),
      block('headline', blocks[lead]!),
      block('byline', blocks[lead + 2]!),
      columns(body(blocks.slice(lead + 3, feature), new Set(['以改革促创新发展', '以改革优化营商环境', '以改革彰显干部敢为']))),
    ]),
    // The feature's headline is a straddle head over its two wide columns and its byline opens the first
    // column (PAGE_PLAN): both are blocks of the columns, in the template's straddleHead and byline styles.
    story('feature', '脚踩50℃的模具', [
      block('columnTag', blocks[feature + 1]!),
      columns([
        straddle(blocks[feature]!, 'straddleHead', FEATURE_HEAD_COLUMNS),
        block('paragraph', blocks[feature + 2]!, 'byline'),
        ...body(blocks.slice(feature + 3, livelihood), new Set()),
      ]),
    ]),
    story('livelihood', '“民生账单”更有质感和温度', [
      block('headline', blocks[livelihood]!, 'headline2'),
      block('subtitle', blocks[livelihood + 1]!),
      block('columnTag', blocks[livelihood + 2]!),
      block('byline', blocks[livelihood + 3]!),
      columns(body(blocks.slice(livelihood + 4, bikes), new Set(), new Map([
        ['关注身心健康', '美好生活底色更足'],
        ['聚焦城乡短板', '品质生活成色更亮'],
        ['迭代民生服务', '便利生活特色更多'],
      ]))),
    ]),
    story('bikes', '我县新增公共自行车1800辆', [
      block('kicker', bikeKicker),
      block('headline', bikeHead, 'headline2'),
      block('byline', blocks[bikes + 1]!),
      columns(body(blocks.slice(bikes + 2, leidian), new Set())),
    ]),
    story('leidian', '县领导调研雷甸镇(临杭产业新区)工作', [
      block('headline', blocks[leidian]!, 'headline3'),
      block('byline', blocks[leidian + 1]!),
      columns(body(blocks.slice(leidian + 2, photo), new Set())),
    ]),
    story('photo-caption', '图片说明 战高温 养护忙', [
      block('captionTitle', blocks[photo]!),
      block('caption', blocks[photo + 1]!),
      block('credit', blocks[photo + 2]!),
    ]),
    story('ad', '广告 浙里办', [block('adTitle', blocks[ad]!), block('adText', blocks[ad + 1]!)]),
  ];
}

function splitAtLastSpace(s: string): [string, string] {
  const i = s.lastIndexOf(' ');
  return i < 0 ? ['', s] : [s.slice(0, i), s.slice(i + 1)];
}

/** Grid geometry of the template: converts grid columns/lines to points. */
export function gridGeometry(template: Template) {
  const ptPerMm = 72 / 25.4;
  const emPt = parseSizePt(template.grid.bodySize);
  const left = template.page.typeAreaLeftMm * ptPerMm;
  const top = template.page.typeAreaTopMm * ptPerMm;
  const colStepPt = (template.grid.charsPerColumn + template.grid.gutterChars) * emPt;
  return {
    /** Body size, points: one character of a measure. */
    emPt,
    /** Rectangle for `span` grid columns from column `col`, `lines` body lines from line `line`. */
    rect(col: number, span: number, line: number, lines: number) {
      return {
        xPt: left + col * colStepPt,
        yPt: top + line * template.grid.linePitchPt,
        widthPt: (span * template.grid.charsPerColumn + (span - 1) * template.grid.gutterChars) * emPt,
        heightPt: lines * template.grid.linePitchPt,
      };
    },
  };
}

/** Story-separating rules are hairlines (TYPOGRAPHY.md §6: rules separate stories). */
const RULE_STROKE_PT = 0.5;
/** Resolution of the generated photo placeholder at its placed size: the print preflight minimum. */
const PLACEHOLDER_PPI = 200;

/**
 * What a frame may add to plain equal columns: unequal column widths in whole body characters (破栏 into
 * measures the grid does not offer; with the gutters they make the frame's width) and balanced columns (齐底).
 */
interface CellOptions { readonly widthsChars?: readonly number[]; readonly balance?: boolean }
/**
 * A frame on the grid: [col, span, line, lines] in grid columns and body lines, optionally followed by the
 * number of text columns, the gutter in characters when the frame is set 破栏 (its grid columns re-divided,
 * e.g. four 13-character grid columns as three columns of 17 with 2-character gutters), whether the gutters
 * carry a column rule, and CellOptions (unequal widths, balance).
 */
type Cell = readonly [col: number, span: number, line: number, lines: number, columns?: number, gutterChars?: number, columnRule?: boolean, options?: CellOptions];

/** Where every frame of the sample page goes (see PAGE_PLAN); search-sample-geometry.ts tries others. */
export interface PagePlan {
  readonly slogan: Cell; readonly leadHead: Cell; readonly lead: readonly Cell[];
  readonly photo: readonly [number, number, number, number]; readonly caption: Cell;
  readonly bikes: Cell; readonly leidian: Cell; readonly livelihoodHead: Cell; readonly livelihood: readonly Cell[];
  readonly featureHead: Cell; readonly feature: readonly Cell[];
  readonly ad: readonly [number, number, number, number]; readonly rules: readonly (readonly [number, number, number, number])[];
}

/**
 * The page plan. Body frames of one story thread in order; a head frame holds the story's headline group.
 *
 * Why these measures and depths: the original page ended its columns at eight places inside sentences
 * (SEED_COLUMN_ENDS). Where our composer breaks lines depends only on the measure and on where a column starts
 * (a paragraph that crosses into a column of another width is set again from there), so the geometry was recovered
 * from the anchors with scripts/search-sample-geometry.ts: for each break, the measures (whole characters, any
 * width, not only the grid's) and depths at which a column starting where the previous one ended ends a line
 * exactly there; then frames that give those columns, re-divided 破栏 with unequal widths inside whole grid columns:
 * - the lead: 12 + 13 characters in its first two grid columns, 33 lines deep, so 创建的 ends the first column;
 *   18 + 20 in the other three, where 团队 ends the 18-character column;
 * - 「“民生账单”…」 in two tiers across the page: 35 / 30 / 14 / 26 characters, 17 lines, where 场地 ends the first
 *   column and 节点 the third (the 14-character one starts where the 30-character one left off); below a rule,
 *   33 / 37 / 37 characters, 8 lines, where 目前 ends the first column and the rest fills the other two;
 * - the feature 「脚踩50℃…」 as one six-grid-column frame of 10 / 17 / 27 / 26 characters, 10 lines, under its
 *   column tag: its headline is a straddle head over the two wide columns (one line of space under it) and its
 *   byline opens the 10-character column, so 其实， ends that column (byline and 9 lines), 蒸养窑 the 17-character
 *   one (10 lines), 更重要的是， the 27-character one (6 lines under the head) and the rest fills the fourth.
 * The page's foot is then cut around the feature: the bikes story in the 27-character column beside it, its
 * headline in 主题·二 (nine characters a line, a narrow column's head), as deep as the feature and 雷甸 under it
 * together; 雷甸 under the feature in four balanced columns; the advert a box across the page's foot (通栏).
 * tests/unit/layout/sample-fidelity.test.ts and sample-pdf-columns.test.ts check that all eight ends match.
 */
export const PAGE_PLAN = {
  slogan: [3, 5, 0, 2],
  leadHead: [3, 5, 2, 9],
  lead: [[3, 2, 11, 33, 2, 2, false, { widthsChars: [12, 13] }], [5, 3, 11, 33, 2, 3, false, { widthsChars: [18, 20] }]],
  photo: [0, 3, 13, 23],
  caption: [0, 3, 36, 8],
  livelihoodHead: [0, 8, 45, 10],
  // Two tiers (双层) under a rule: 场地 and 节点 end upper-tier columns, 目前 the lower tier's first column.
  livelihood: [[0, 8, 55, 17, 4, 2, true, { widthsChars: [35, 30, 14, 26] }], [0, 8, 73, 8, 3, 2, true, { widthsChars: [33, 37, 37] }]],
  // The column tag above the feature; the feature's headline is a straddle head inside its frame (FEATURE_HEAD_COLUMNS).
  featureHead: [0, 6, 82, 2],
  feature: [[0, 6, 84, 10, 4, 1, true, { widthsChars: [10, 17, 27, 26] }]],
  bikes: [6, 2, 82, 24],
  leidian: [0, 6, 95, 11, 4, 1, false, { balance: true }],
  ad: [0, 8, 107, 13],
  /** Hairlines between stories (and between the livelihood story's tiers), each through the middle of one grid line. */
  rules: [[0, 8, 44, 1], [0, 8, 72, 1], [0, 8, 81, 1], [0, 6, 94, 1]],
} satisfies PagePlan;

/** Builds the sample document. */
export function buildSampleDocument(seed: string, template: Template, plan: PagePlan = PAGE_PLAN): { document: FolioDocument; assets: Map<string, Uint8Array> } {
  const stories = buildStories(readSeedBlocks(seed));
  const geo = gridGeometry(template);
  const frames: Frame[] = [...template.starter.frames];
  const textFrame = (id: string, storyId: string, cell: Cell, nextFrameId?: string): Frame => ({
    id, kind: 'text', storyId, ...geo.rect(cell[0], cell[1], cell[2], cell[3]), locked: false,
    columns: cell[4] ?? 1, gutterChars: cell[5] ?? template.grid.gutterChars, columnRule: cell[6] ?? false,
    ...(cell[7]?.widthsChars ? { columnWidthsPt: cell[7].widthsChars.map((chars) => chars * geo.emPt) } : {}),
    ...(cell[7]?.balance ? { balance: true } : {}),
    ...(nextFrameId ? { nextFrameId } : {}),
  });
  const thread = (storyId: string, head: Cell | undefined, cells: readonly Cell[]) => {
    const ids = cells.map((_, i) => `${storyId}-${i + 1}`);
    if (head) frames.push(textFrame(`${storyId}-head`, storyId, head, ids[0]));
    cells.forEach((cell, i) => frames.push(textFrame(ids[i]!, storyId, cell, ids[i + 1])));
  };
  frames.push(textFrame('slogan', 'slogan', plan.slogan));
  thread('lead', plan.leadHead, plan.lead);
  frames.push({ id: 'photo', kind: 'image', ...geo.rect(...plan.photo), locked: false, assetId: 'photo-placeholder', fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1 });
  frames.push(textFrame('photo-caption', 'photo-caption', plan.caption));
  frames.push(textFrame('bikes', 'bikes', plan.bikes));
  frames.push(textFrame('leidian', 'leidian', plan.leidian));
  thread('livelihood', plan.livelihoodHead, plan.livelihood);
  thread('feature', plan.featureHead, plan.feature);
  plan.rules.forEach((cell, i) => frames.push({ id: `rule-${i + 1}`, kind: 'rule', ...geo.rect(...cell), locked: false, strokePt: RULE_STROKE_PT, colour: { c: 0, m: 0, y: 0, k: 1 } }));
  const adRect = geo.rect(...plan.ad);
  frames.push({ id: 'ad-box', kind: 'box', ...adRect, locked: false, strokePt: 1, stroke: { c: 0, m: 0, y: 0, k: 1 }, label: '广告' });
  const insetPt = 6;
  frames.push({ id: 'ad-text', kind: 'text', storyId: 'ad', xPt: adRect.xPt + insetPt, yPt: adRect.yPt + insetPt, widthPt: adRect.widthPt - 2 * insetPt, heightPt: adRect.heightPt - 2 * insetPt, locked: false, columns: 1, gutterChars: 1, columnRule: false });

  const photoRect = geo.rect(...plan.photo);
  // Rounded up so the placed image never falls below the 200 ppi preflight asks for.
  const png = placeholderPng(Math.ceil((photoRect.widthPt / 72) * PLACEHOLDER_PPI), Math.ceil((photoRect.heightPt / 72) * PLACEHOLDER_PPI));
  const document: FolioDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: 'deqing-front-2023-07-20',
    title: '德清新闻 2023年7月20日 A01 头版',
    issue: { paper: '德清新闻', date: '2023-07-20', edition: '头版', number: '5678', sampleData: true },
    template,
    stories: Object.fromEntries([...template.starter.stories.map(markSampleIssueNumber), ...stories].map((s) => [s.id, s])),
    pages: [{ id: 'A01', name: 'A01', section: '要闻', frames }],
    assets: {
      'photo-placeholder': {
        id: 'photo-placeholder', path: 'assets/photo-placeholder.png', mime: 'image/png',
        widthPx: png.width, heightPx: png.height, placeholder: true,
        note: 'Placeholder image generated for the sample (the original photo is not part of the seed).',
      },
    },
  };
  return { document, assets: new Map([['assets/photo-placeholder.png', png.bytes]]) };
}

/** Said after the invented issue number on the page, so nobody takes it for the paper's real one. */
export const SAMPLE_DATA_NOTE = '（示例数据）';

/** The template's masthead with SAMPLE_DATA_NOTE after the paragraph that shows the issue number. */
function markSampleIssueNumber(story: Story): Story {
  const showsIssueNumber = (n: PmNodeJson) => (n.content ?? []).some((c) => c.type === 'field' && c.attrs?.name === 'issueNumber');
  const content = (story.doc.content ?? []).map((n) => (showsIssueNumber(n) ? { ...n, content: [...(n.content ?? []), ...text(SAMPLE_DATA_NOTE)] } : n));
  return { ...story, doc: { ...story.doc, content } };
}

/** A greyscale PNG placeholder: a soft diagonal gradient with a frame cross, clearly not a photo. */
function placeholderPng(width: number, height: number): { width: number; height: number; bytes: Uint8Array } {
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const onCross = Math.abs(x / width - y / height) < 0.002 || Math.abs(x / width - (1 - y / height)) < 0.002;
      const v = onCross ? 90 : 170 + Math.round(50 * ((x / width + y / height) / 2));
      raw[y * (width + 1) + 1 + x] = v;
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { bytes.set(p, o); o += p.length; }
  return { width, height, bytes };
}

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const template = TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8')));
  const { document, assets } = buildSampleDocument(readFileSync(SEED_PATH, 'utf8'), template);
  mkdirSync('templates/samples', { recursive: true });
  writeFileSync(OUT_PATH, packFolio(document, assets));
  console.log(`wrote ${OUT_PATH}`);
}
