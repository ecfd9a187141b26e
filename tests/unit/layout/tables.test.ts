/**
 * Tables in stories (issue 16): cells set by the one composer, rows on the grid, bands flowing across columns
 * and frames with repeated header rows, tints and rules as page items.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { BoxItem, GlyphRunItem, LineBox, PageLayout, RuleItem } from '../../../src-core/layout/page-layout.js';
import type { Frame, PmNodeJson, Story } from '../../../src-core/model/document.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { readTableAttrs } from '../../../src-core/model/table.js';
import { columnWidthsPt } from '../../../src-core/layout/table-layout.js';
import { pageTextParagraphs } from '../../../src-renderer/page/text-layer.js';
import { broadsheet, cols, documentOf, p, PITCH_PT, story, testFonts, textFrame } from './fixtures.js';
import { caretRect, positionAtPoint } from '../../../src-core/layout/hit-test.js';
import { changeMarks } from '../../../src-core/layout/change-rects.js';
import { collectChanges } from '../../../src-core/model/tracked-change.js';
import type { Template } from '../../../src-core/model/template.js';
import { resultsDocument, resultsRows, tableJson } from './table-fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();

const compose = (stories: Story[], pages: { id: string; frames: Frame[] }[]) => createComposer(fonts).compose(documentOf(stories, pages, tpl));
const runText = (r: GlyphRunItem) => r.glyphs.map((g) => g.text).join('');
const storyRuns = (page: PageLayout, storyId = 's') => page.items.filter((i): i is GlyphRunItem => i.kind === 'glyphs' && i.storyId === storyId);
const storyLines = (page: PageLayout, storyId = 's') => page.lines.filter((l): l is LineBox => l.storyId === storyId);

const WEATHER = [
  ['城市', '天气', '气温'],
  ['德清', '多云', '26~33℃'],
  ['杭州', '晴', '27~35℃'],
  ['湖州', '雷阵雨', '25~31℃'],
];

describe('table layout', () => {
  it('sets a 4×3 weather box: every cell on the grid, in row order, with rules round every cell', () => {
    const s = story('s', cols(p('天气预报'), tableJson(WEATHER, { headerRows: 1 }), p('完')));
    const page = compose([s], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }]).pages[0]!;
    const texts = storyRuns(page).map(runText);
    expect(texts).toEqual(['天气预报', ...WEATHER.flat(), '完']);
    // One body line per row: cell lines of a row share its baseline, rows follow a grid line apart.
    const cellLines = storyLines(page).slice(1, 13);
    const baselines = [...new Set(cellLines.map((l) => l.baselineYPt.toFixed(3)))].map(Number);
    expect(baselines).toHaveLength(4);
    for (let i = 1; i < 4; i++) expect(baselines[i]! - baselines[i - 1]!).toBeCloseTo(PITCH_PT, 3);
    // The paragraph after the table comes on the line below its last row.
    expect(storyLines(page).at(-1)!.baselineYPt - baselines[3]!).toBeCloseTo(PITCH_PT, 3);
    // Three equal columns across the frame's measure, each cell's text inside its cell.
    const xs = [...new Set(cellLines.map((l) => l.rect.xPt.toFixed(3)))].map(Number);
    expect(xs).toHaveLength(3);
    expect(xs[2]! - xs[1]!).toBeCloseTo(xs[1]! - xs[0]!, 6);
    // Rules, edges on one line joined: a rule over each of the 4 rows and under the table, one down the left of
    // each of the 3 columns and one down the right side; hairlines, 100 % K.
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule' && i.frameId === 'f');
    expect(rules.filter((r) => r.y1Pt === r.y2Pt)).toHaveLength(5);
    expect(rules.filter((r) => r.x1Pt === r.x2Pt)).toHaveLength(4);
    const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 20]);
    for (const r of rules.filter((r) => r.y1Pt === r.y2Pt)) expect([r.x1Pt - frame.xPt, r.x2Pt - r.x1Pt].map((v) => v.toFixed(3))).toEqual(['0.000', frame.widthPt.toFixed(3)]);
    expect(rules.every((r) => r.strokePt === 0.5 && r.colour.k === 1)).toBe(true);
    // The text layer reads the cells in row order, each cell its own paragraph.
    const text = pageTextParagraphs(page).find((f) => f.frameId === 'f')!.paragraphs;
    expect(text).toEqual(['天气预报', ...WEATHER.flat(), '完']);
    // LineBoxes map back to the story: positions increase through the cells.
    for (let i = 1; i < cellLines.length; i++) expect(cellLines[i]!.fromPos).toBeGreaterThan(cellLines[i - 1]!.toPos);
  });

  it('paints row and cell tints under the text, and draws rules in the table\'s line style', () => {
    const tint = { c: 0, m: 0, y: 0, k: 0.15 };
    const table = tableJson(WEATHER, { rule: { style: 'dashed', weightPt: 1, colour: { c: 1, m: 0, y: 0, k: 0 } } }, { 0: { tint } });
    const page = compose([story('s', cols(table))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }]).pages[0]!;
    const boxes = page.items.filter((i): i is BoxItem => i.kind === 'box' && i.fill !== undefined);
    expect(boxes).toHaveLength(3);
    expect(boxes.every((b) => b.fill!.k === 0.15 && Math.abs(b.rect.heightPt - PITCH_PT) < 1e-6)).toBe(true);
    const firstBox = page.items.indexOf(boxes[0]!);
    const firstGlyphs = page.items.findIndex((i) => i.kind === 'glyphs');
    expect(firstBox).toBeLessThan(firstGlyphs);
    const rules = page.items.filter((i): i is RuleItem => i.kind === 'rule');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.strokePt === 1 && r.colour.c === 1 && r.dashPt !== undefined)).toBe(true);
  });

  it('a cell too long for its width wraps through the composer, and the row deepens to its tallest cell', () => {
    const long = '德清县气象台今天下午发布雷电黄色预警信号，请注意防范。';
    const page = compose([story('s', cols(tableJson([['预警', long], ['风力', '3级']])))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 1, 0, 30], { columns: 1 })] }]).pages[0]!;
    const lines = storyLines(page);
    const longLines = lines.filter((l) => l.rect.xPt > lines[0]!.rect.xPt + 1 && l.baselineYPt < lines.at(-1)!.baselineYPt - 1);
    expect(longLines.length).toBeGreaterThan(2);
    // The second row starts below the long cell's last line.
    const secondRow = lines.filter((l) => Math.abs(l.baselineYPt - lines.at(-1)!.baselineYPt) < 0.01);
    expect(secondRow).toHaveLength(2);
    expect(secondRow[0]!.baselineYPt - longLines.at(-1)!.baselineYPt).toBeCloseTo(PITCH_PT, 3);
    // No character is lost: the long cell's text is all set.
    expect(storyRuns(page).map(runText).join('')).toBe(`预警${long}风力3级`);
  });

  it('aligns a column right, and a decimal column on its decimal points', () => {
    const rows = [['100米', '10.5'], ['200米', '21.25'], ['1500米', '248.1'], ['跳高', '2']];
    const table = tableJson(rows, { columnAligns: ['right', 'decimal'] });
    const page = compose([story('s', cols(table))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }]).pages[0]!;
    const runs = storyRuns(page);
    const byText = (t: string) => runs.find((r) => runText(r) === t)!;
    // Right: every first-column text ends at the same x (the cell's right padding).
    const starts = rows.map(([name]) => byText(name!).glyphs[0]!.xPt);
    expect(starts[2]!).toBeLessThan(starts[0]! - 1); // 1500米 is longer than 100米, so it starts further left …
    const lineEnds = storyLines(page).filter((_, i) => i % 2 === 0).map((l) => l.caretXPt.at(-1)!);
    for (const x of lineEnds) expect(x).toBeCloseTo(lineEnds[0]!, 6); // … and every line ends flush right
    // Decimal: the '.' glyphs share one x; '2' (no point) ends where the points are.
    const points = ['10.5', '21.25', '248.1'].map((t) => byText(t).glyphs.find((g) => g.text === '.')!.xPt);
    for (const x of points) expect(x).toBeCloseTo(points[0]!, 6);
    const two = byText('2');
    const twoLine = storyLines(page).find((l) => Math.abs(l.baselineYPt - two.baselineYPt) < 0.01 && l.rect.xPt <= two.glyphs[0]!.xPt + 0.01 && l.rect.xPt + l.rect.widthPt >= two.glyphs[0]!.xPt)!;
    expect(twoLine.caretXPt.at(-1)!).toBeCloseTo(points[0]!, 6);
    // The longest fraction (21.25) ends flush right in its cell.
    const col2 = storyLines(page).filter((l) => l.rect.xPt > lineEnds[0]!);
    expect(Math.max(...col2.map((l) => l.caretXPt.at(-1)!))).toBeCloseTo(Math.max(...col2.map((l) => l.rect.xPt + l.rect.widthPt)), 6);
  });

  it('repeats the header row at the top of the next column', () => {
    const rows = [['姓名', '成绩'], ...Array.from({ length: 30 }, (_, i) => [`考生${i + 1}`, String(600 - i)])];
    const page = compose([story('s', cols(tableJson(rows, { headerRows: 1 })))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20])] }]).pages[0]!;
    const texts = storyRuns(page).map(runText);
    expect(texts.filter((t) => t === '姓名')).toHaveLength(2);
    // Column 1 starts with the header, then the row after the last one column 0 holds.
    const col1 = storyLines(page).filter((l) => l.column === 1);
    const col0Rows = storyLines(page).filter((l) => l.column === 0).length / 2;
    expect(col0Rows).toBe(20);
    const col1Texts = storyRuns(page).filter((r) => col1.some((l) => Math.abs(l.baselineYPt - r.baselineYPt) < 0.01 && r.glyphs[0]!.xPt >= l.rect.xPt - 1 && r.glyphs[0]!.xPt <= l.rect.xPt + l.rect.widthPt)).map(runText);
    expect(col1Texts.slice(0, 4)).toEqual(['姓名', '成绩', '考生20', '581']);
    // Every row is set once (the repeated header aside) and nothing is overset.
    expect(page.overset).toEqual([]);
    expect(texts.filter((t) => t.startsWith('考生'))).toHaveLength(30);
  });

  it('flows a 300-row results table through six columns and two pages, the header at every column top', () => {
    const rows = resultsRows(300);
    const { doc, a, b } = resultsDocument(300);
    const layout = createComposer(fonts).compose(doc);
    const all = layout.pages.flatMap((pg) => storyRuns(pg).map(runText));
    // Every result set exactly once, in order.
    const ids = all.filter((t) => /^2026\d{4}$/.test(t));
    expect(ids).toEqual(rows.slice(1).map((r) => r[0]));
    expect(layout.pages.flatMap((pg) => pg.overset)).toEqual([]);
    // Six column pieces (three per page), each opening with the header row.
    const pieces = layout.pages.flatMap((pg) => [0, 1, 2].map((column) => storyLines(pg).filter((l) => l.column === column)));
    const used = pieces.filter((ls) => ls.length > 0);
    expect(used).toHaveLength(6);
    const headers = all.filter((t) => t === '准考证号');
    expect(headers).toHaveLength(6);
    // No band crosses a column: every column's rows end within the frame.
    for (const pg of layout.pages) {
      const frame = pg.pageId === 'A01' ? a : b;
      for (const l of storyLines(pg)) expect(l.rect.yPt + l.rect.heightPt).toBeLessThanOrEqual(frame.yPt + frame.heightPt + 1e-6);
    }
    // 下转/上接 jump lines link the two pages.
    expect(layout.pages[0]!.items.some((i) => i.kind === 'glyphs' && i.jump === 'out')).toBe(true);
  });

  it('reports a row deeper than a column as overset, never dropping it silently', () => {
    const long = '德清'.repeat(200);
    const page = compose([story('s', cols(tableJson([['a', 'b'], [long, 'c']])))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 1, 0, 6], { columns: 1 })] }]).pages[0]!;
    expect(page.overset).toHaveLength(1);
    expect(page.overset[0]!.chars).toBe(long.length + 1);
    expect(page.overset[0]!.lines).toBeGreaterThan(6);
  });

  it('a table after the first overset text counts in the overset whole (regression: tables had no pieces to count)', () => {
    const frame = textFrame(tpl, 'f', 's', [0, 1, 0, 3], { columns: 1 });
    const long = '德清'.repeat(40);
    const withTable = compose([story('s', cols(p(long), tableJson(WEATHER)))], [{ id: 'A01', frames: [frame] }]).pages[0]!;
    const without = compose([story('s', cols(p(long)))], [{ id: 'A01', frames: [frame] }]).pages[0]!;
    expect(withTable.overset[0]!.chars - without.overset[0]!.chars).toBe(WEATHER.flat().join('').length);
    expect(withTable.overset[0]!.lines - without.overset[0]!.lines).toBe(4);
  });

  it('spans merged cells across columns and rows', () => {
    const table: PmNodeJson = {
      type: 'table',
      content: [
        { type: 'table_row', content: [{ type: 'table_cell', attrs: { colspan: 2 }, content: [p('今明两天天气')] }, { type: 'table_cell', content: [p('风')] }] },
        { type: 'table_row', content: [{ type: 'table_cell', attrs: { rowspan: 2 }, content: [p('德清')] }, { type: 'table_cell', content: [p('晴')] }, { type: 'table_cell', content: [p('2级')] }] },
        { type: 'table_row', content: [{ type: 'table_cell', content: [p('多云')] }, { type: 'table_cell', content: [p('3级')] }] },
      ],
    };
    expect(() => storySchema.nodeFromJSON({ type: 'doc', content: [cols(table)] }).check()).not.toThrow();
    const page = compose([story('s', cols(table))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }]).pages[0]!;
    const lines = storyLines(page);
    const [merged, wind, city, sunny, , cloudy, force3] = lines;
    expect(merged!.rect.widthPt).toBeCloseTo(2 * wind!.rect.widthPt + 2 * 2, 6);
    // 多云 sits in the second column (the rowspan of 德清 takes the first), a row below 晴.
    expect(cloudy!.rect.xPt).toBeCloseTo(sunny!.rect.xPt, 6);
    expect(cloudy!.baselineYPt - sunny!.baselineYPt).toBeCloseTo(PITCH_PT, 3);
    expect(city!.rect.xPt).toBeLessThan(sunny!.rect.xPt);
    expect(force3!.rect.xPt).toBeCloseTo(wind!.rect.xPt, 6);
  });
});

describe('table column widths', () => {
  const attrs = (columnWidths: unknown[]) => readTableAttrs({ columnWidths }).attrs;
  it('gives widths in characters of the body size or in millimetres; the rest share what is left', () => {
    // 9 pt body: 4 characters = 36 pt; 10 mm = 28.35 pt; two free columns share the remaining 200 − 64.35.
    const widths = columnWidthsPt(attrs([{ chars: 4 }, { mm: 10 }, null]), 4, 200, 9);
    expect(widths[0]).toBeCloseTo(36, 6);
    expect(widths[1]).toBeCloseTo(28.3465, 3);
    expect(widths[2]).toBeCloseTo((200 - 36 - 28.3465) / 2, 3);
    expect(widths[3]).toBeCloseTo(widths[2]!, 6);
  });

  it('scales widths that do not add up to the measure, so the table always spans it', () => {
    const widths = columnWidthsPt(attrs([{ chars: 10 }, { chars: 30 }]), 2, 200, 9);
    expect(widths[0]! + widths[1]!).toBeCloseTo(200, 6);
    expect(widths[1]! / widths[0]!).toBeCloseTo(3, 6);
    // Too wide for the measure: the free column still gets an em before scaling.
    const tight = columnWidthsPt(attrs([{ chars: 30 }, null]), 2, 200, 9);
    expect(tight[0]! + tight[1]!).toBeCloseTo(200, 6);
    expect(tight[0]! / tight[1]!).toBeCloseTo(30, 6);
  });
});

describe('table header style and what happens inside cells', () => {
  const box = (tableNode: PmNodeJson, template: Template = tpl) =>
    createComposer(fonts).compose(documentOf([story('s', cols(tableNode))], [{ id: 'A01', frames: [textFrame(template, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }], template)).pages[0]!;

  it('sets header cells in the template\'s table-head style (bold sans) and body cells in the body face', () => {
    const rows = [['姓名', '成绩'], ...Array.from({ length: 30 }, (_, i) => [`考生${i + 1}`, String(600 - i)])];
    const page = compose([story('s', cols(tableJson(rows, { headerRows: 1 })))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20])] }]).pages[0]!;
    const runs = storyRuns(page);
    const heads = runs.filter((r) => runText(r) === '姓名' || runText(r) === '成绩');
    // The header row and its repeat at the next column's top.
    expect(heads).toHaveLength(4);
    expect(new Set(heads.map((r) => r.fontId))).toEqual(new Set(['noto-sans-sc-700']));
    expect(new Set(runs.filter((r) => runText(r).startsWith('考生')).map((r) => r.fontId))).toEqual(new Set(['noto-serif-sc-400']));
  });

  it('a template without a table-head style sets header cells in the body style; a cell\'s own style wins', () => {
    const { tableHead: _dropped, ...others } = tpl.paragraphStyles;
    const plain: Template = { ...tpl, paragraphStyles: others };
    const heads = storyRuns(box(tableJson(WEATHER, { headerRows: 1 }), plain)).slice(0, 3);
    expect(heads.map(runText)).toEqual(WEATHER[0]);
    expect(new Set(heads.map((r) => r.fontId))).toEqual(new Set(['noto-serif-sc-400']));
    // A header paragraph naming a style keeps it (the subhead is the bold sans too, at 五号).
    const named = tableJson(WEATHER, { headerRows: 1 }) as { content: { content: { content: PmNodeJson[] }[] }[] };
    named.content[0]!.content[0]!.content[0] = { type: 'paragraph', attrs: { style: 'subhead' }, content: [{ type: 'text', text: '城市' }] };
    const city = storyRuns(box(named as PmNodeJson)).find((r) => runText(r) === '城市')!;
    expect(city.sizePt).toBeGreaterThan(9);
  });

  it('a point on a cell\'s text maps to a position in that cell, and the caret there is drawn inside the cell', () => {
    const page = box(tableJson(WEATHER, { headerRows: 1 }));
    const lines = storyLines(page);
    const huzhou = lines[9]!; // row 4, column 1
    const run = storyRuns(page).find((r) => runText(r) === '湖州')!;
    expect(Math.abs(run.baselineYPt - huzhou.baselineYPt)).toBeLessThan(0.01);
    // Between 湖 and 州.
    const x = (huzhou.caretXPt[1]! + huzhou.caretXPt[0]!) / 2 + 0.3 * (huzhou.caretXPt[1]! - huzhou.caretXPt[0]!);
    const hit = positionAtPoint(page, x, huzhou.rect.yPt + huzhou.rect.heightPt / 2)!;
    expect(hit).toEqual({ storyId: 's', pos: huzhou.fromPos + 1 });
    const caret = caretRect(page, 's', hit.pos)!;
    expect(caret.xPt).toBeGreaterThan(huzhou.rect.xPt);
    expect(caret.xPt).toBeLessThan(huzhou.rect.xPt + huzhou.rect.widthPt);
    expect(caret.yPt).toBeCloseTo(huzhou.rect.yPt, 6);
    // A point in the next cell of the row maps there, not here.
    const next = lines[10]!;
    expect(positionAtPoint(page, next.caretXPt[0]! + 0.1, next.rect.yPt + 1)!.pos).toBe(next.fromPos);
  });

  it('tracked changes inside a cell: an insertion is set and marked, a deletion is left out and marked at its cut', () => {
    const change = (kind: 'insertion' | 'deletion', id: string) => ({ type: kind, attrs: { id, author: '王校对', createdAt: '2026-12-07T05:00:00Z' } });
    const table = tableJson(WEATHER, { headerRows: 1 }) as { content: { content: { content: PmNodeJson[] }[] }[] };
    // 湖州 → 湖州市 (inserted); 阵雨 → 雨 (阵 deleted).
    table.content[3]!.content[0]!.content[0] = { type: 'paragraph', content: [{ type: 'text', text: '湖州' }, { type: 'text', text: '市', marks: [change('insertion', 'i1')] }] };
    table.content[3]!.content[1]!.content[0] = { type: 'paragraph', content: [{ type: 'text', text: '阵', marks: [change('deletion', 'd1')] }, { type: 'text', text: '雨' }] };
    const doc = documentOf([story('s', cols(table as PmNodeJson))], [{ id: 'A01', frames: [textFrame(tpl, 'f', 's', [0, 2, 0, 20], { columns: 1 })] }], tpl);
    const page = createComposer(fonts).compose(doc).pages[0]!;
    const texts = storyRuns(page).map(runText);
    expect(texts.slice(-3)).toEqual(['湖州市', '雨', '25~31℃']);
    expect(pageTextParagraphs(page).find((f) => f.frameId === 'f')!.paragraphs.slice(-3)).toEqual(['湖州市', '雨', '25~31℃']);
    const marks = changeMarks(page, collectChanges(doc));
    expect(marks.map((m) => m.change.kind)).toEqual(['insertion', 'deletion']);
    const cityLine = storyLines(page)[9]!;
    const weatherLine = storyLines(page)[10]!;
    // The insertion covers 市 in the city cell; the deletion's cut is at the start of the weather cell's text.
    expect(marks[0]!.rects).toHaveLength(1);
    expect(marks[0]!.rects[0]!.xPt).toBeCloseTo(cityLine.caretXPt[2]!, 6);
    expect(marks[1]!.rects[0]!.xPt).toBeCloseTo(weatherLine.caretXPt[0]!, 6);
    expect(marks[1]!.rects[0]!.yPt).toBeCloseTo(weatherLine.rect.yPt, 6);
  });
});
