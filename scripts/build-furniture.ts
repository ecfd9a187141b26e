/**
 * Builds Folio's built-in furniture library (`templates/library/*.folio-item.json`): three originals made for the
 * sample county daily on the broadsheet grid, captured with the same `captureFurniture` the app uses.
 *
 * 1. 天气预报 — a two-column weather box: a light grey box with a 文武线 border, the day's date field and the
 *    forecast, temperatures in 套红, in two styles of its own.
 * 2. 栏目标签·反白 — a one-column column tag (栏目标签): a black box with the tag reversed out (反白) in its own
 *    paragraph style, which a document without it gains on placing.
 * 3. 标题组 — a four-column headline treatment: kicker (引题), headline (主题), subtitle (副题) over a 文武线 rule.
 *
 * Run: `node --import tsx scripts/build-furniture.ts` (rewrites the files; commit them when they change).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_SCHEMA_VERSION, type FolioDocument, type Frame, type PmNodeJson, type Story } from '../src-core/model/document.js';
import { captureFurniture, furnitureFileName } from '../src-core/model/furniture.js';
import { TemplateSchema } from '../src-core/model/template.js';

const template = TemplateSchema.parse(JSON.parse(readFileSync('templates/broadsheet-front.json', 'utf8')));
/** One grid column and the gutter after it, points (13 characters + 1 at 小五 9 pt). */
const COLUMN_STEP_PT = (template.grid.charsPerColumn + template.grid.gutterChars) * 9;
/** Width of `n` grid columns, points. */
const columnsWide = (n: number) => n * COLUMN_STEP_PT - template.grid.gutterChars * 9;
/** Height of `n` grid lines, points. */
const linesHigh = (n: number) => n * template.grid.linePitchPt;
/** Inset of text inside a box, points (about 1.5 mm, the usual 报花 margin). */
const BOX_INSET_PT = 4;

const text = (value: string, marks?: PmNodeJson['marks']): PmNodeJson => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const block = (type: string, content: PmNodeJson[], style?: string): PmNodeJson => ({ type, ...(style ? { attrs: { style } } : {}), content });
const red: PmNodeJson['marks'] = [{ type: 'charStyle', attrs: { name: 'red' } }];
const K = (k: number) => ({ c: 0, m: 0, y: 0, k });

// The reversed column tag's own style: the template's column tag in paper white, without its ruled box.
const { box: _box, ...columnTag } = template.paragraphStyles.columnTag!;
template.paragraphStyles.columnTagReverse = { ...columnTag, label: '栏目题·反白 Column tag, reversed', colour: K(0) };
// The weather box's own styles: a sans heading at 小四 and unindented ranged-left lines at body size.
template.paragraphStyles.weatherHead = { ...template.paragraphStyles.captionTitle!, label: '天气标题 Weather heading', size: '小四' };
template.paragraphStyles.weatherText = { ...template.paragraphStyles.paragraph!, label: '天气正文 Weather text', indentEm: 0, align: 'left' };

const stories: Story[] = [
  {
    id: 'weather', name: '天气预报', doc: {
      type: 'doc', content: [
        block('captionTitle', [text('天气预报　'), { type: 'field', attrs: { name: 'dateLong' } }], 'weatherHead'),
        block('paragraph', [text('今天：晴转多云，'), text('26～34℃', red), text('，东南风3级。')], 'weatherText'),
        block('paragraph', [text('明天：多云有阵雨，'), text('25～32℃', red), text('，东风2级。')], 'weatherText'),
        block('paragraph', [text('空气质量：良　紫外线：强')], 'weatherText'),
      ],
    },
  },
  { id: 'tag', name: '栏目标签', doc: { type: 'doc', content: [block('columnTag', [text('德清观察')], 'columnTagReverse')] } },
  {
    id: 'headline', name: '标题组', doc: {
      type: 'doc', content: [
        block('kicker', [text('引题：写明新闻的背景或意义')]),
        block('headline', [text('主题写在这里')]),
        block('subtitle', [text('副题补充主题，说明要点')]),
      ],
    },
  },
];

const frames: Frame[] = [
  // 1. Weather box, two columns by nine lines.
  { kind: 'box', id: 'weather-box', xPt: 0, yPt: 0, widthPt: columnsWide(2), heightPt: linesHigh(9), locked: false, strokePt: 1.5, stroke: K(1), fill: K(0.1), lineStyle: 'thick-thin' },
  {
    kind: 'text', id: 'weather-text', storyId: 'weather', xPt: BOX_INSET_PT, yPt: BOX_INSET_PT, widthPt: columnsWide(2) - 2 * BOX_INSET_PT,
    heightPt: linesHigh(9) - 2 * BOX_INSET_PT, locked: false, columns: 1, gutterChars: 1, columnRule: false,
  },
  // 2. Column tag, one column by two lines, on another page of the scratch document.
  { kind: 'box', id: 'tag-box', xPt: 0, yPt: 0, widthPt: columnsWide(1), heightPt: linesHigh(2), locked: false, strokePt: 0, stroke: K(1), fill: K(1) },
  {
    kind: 'text', id: 'tag-text', storyId: 'tag', xPt: 0, yPt: 0, widthPt: columnsWide(1), heightPt: linesHigh(2), locked: false,
    columns: 1, gutterChars: 1, columnRule: false,
  },
  // 3. Headline treatment, four columns by eight lines and a rule.
  {
    kind: 'text', id: 'headline-text', storyId: 'headline', xPt: 0, yPt: 0, widthPt: columnsWide(4), heightPt: linesHigh(9), locked: false,
    columns: 1, gutterChars: 1, columnRule: false,
  },
  { kind: 'rule', id: 'headline-rule', xPt: 0, yPt: linesHigh(9) + 2, widthPt: columnsWide(4), heightPt: 3, locked: false, strokePt: 3, colour: K(1), lineStyle: 'thick-thin' },
];

const doc: FolioDocument = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'furniture', title: 'furniture',
  issue: { paper: '德清新闻', date: '2023-07-20', edition: '', number: '', sampleData: true },
  template,
  stories: Object.fromEntries(stories.map((s) => [s.id, s])),
  pages: [{ id: 'scratch', name: 'A01', section: '', frames }],
  assets: {},
};

const items = [
  captureFurniture(doc, 'scratch', ['weather-box', 'weather-text'], '天气预报'),
  captureFurniture(doc, 'scratch', ['tag-box', 'tag-text'], '栏目标签·反白'),
  captureFurniture(doc, 'scratch', ['headline-text', 'headline-rule'], '标题组'),
];
const outDir = path.join('templates', 'library');
mkdirSync(outDir, { recursive: true });
for (const item of items) {
  const file = path.join(outDir, furnitureFileName(item.name));
  writeFileSync(file, `${JSON.stringify(item, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
