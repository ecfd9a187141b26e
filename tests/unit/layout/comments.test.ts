/**
 * Proofreaders' comments: anchored by the story `comment` mark, read back in order, never changing how a page is
 * set, highlighted where their text lies, reported by preflight for print and written into proof PDFs only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFHexString} from 'pdf-lib';
import { PDFDocument, PDFName, type PDFArray, type PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { commentMark, commentRects, STRUCK_COMMENT_MARK_WIDTH_SHARE } from '../../../src-core/layout/comment-rects.js';
import { collectComments } from '../../../src-core/model/comments.js';
import type { PmNodeJson } from '../../../src-core/model/document.js';
import { exportPdf, type PdfExportInput } from '../../../src-core/pdf/export.js';
import { preflight } from '../../../src-core/preflight/preflight.js';
import { cols, documentOf, p, story, t, testFonts, textFrame } from './fixtures.js';

/** Renders looked at by hand. */
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts/pdf');
mkdirSync(ARTIFACTS, { recursive: true });

const BODY = '德清县今年推进城乡一体化建设，全县新建农村公路一百二十公里，群众出行更加便捷。记者走访了多个乡镇，听取村民的意见建议。';

function comment(id: string, text: string, extra: Record<string, unknown> = {}): NonNullable<PmNodeJson['marks']>[number] {
  return { type: 'comment', attrs: { id, author: '王校对', text, createdAt: '2023-07-19T14:30:00.000Z', resolved: false, ...extra } };
}

/**
 * A one-frame page whose body paragraph has comments on 城乡一体化 (c1) and on 农村公路…便捷 (c2, spanning lines);
 * `c1Struck`: a tracked deletion then struck c1's text.
 */
function commentedDocument(marks: { c1?: Record<string, unknown>; withComments?: boolean; c1Struck?: boolean } = {}) {
  const withComments = marks.withComments ?? true;
  const struck = marks.c1Struck ? [{ type: 'deletion', attrs: { id: 'd1', author: '李编辑', createdAt: '2023-07-19T15:00:00.000Z' } }] : [];
  const a = BODY.indexOf('城乡一体化');
  const b = BODY.indexOf('农村公路');
  const e = BODY.indexOf('。记者');
  const content = withComments
    ? [t(BODY.slice(0, a)), t('城乡一体化', [comment('c1', '应为“城乡融合”', marks.c1), ...struck]), t(BODY.slice(a + 5, b)), t(BODY.slice(b, e), [comment('c2', '数字请核实')]), t(BODY.slice(e))]
    : [t(BODY)];
  const doc = documentOf([story('s1', cols(p(...content)))], []);
  const template = doc.template;
  return { ...doc, pages: [{ id: 'p1', name: 'A01', section: '', frames: [textFrame(template, 'f1', 's1', [0, 1, 0, 40])] }] };
}

describe('collectComments', () => {
  it('reads each comment with its author, time, ranges and quote, in text order', () => {
    const comments = collectComments(commentedDocument());
    expect(comments.map((c) => [c.id, c.quote, c.author, c.text, c.resolved])).toEqual([
      ['c1', '城乡一体化', '王校对', '应为“城乡融合”', false],
      ['c2', BODY.slice(BODY.indexOf('农村公路'), BODY.indexOf('。记者')), '王校对', '数字请核实', false],
    ]);
    // Positions: the doc opens columns (1) and the paragraph (1) before the text.
    expect(comments[0]!.ranges).toEqual([{ fromPos: 2 + BODY.indexOf('城乡一体化'), toPos: 2 + BODY.indexOf('城乡一体化') + 5 }]);
  });

  it('merges the pieces of one comment split by other marks, and keeps overlapping comments apart', () => {
    const doc = documentOf([story('s1', p(t('甲乙', [comment('x', 'one')]), t('丙', [{ type: 'bold' }, comment('x', 'one'), comment('y', 'two')]), t('丁')))], []);
    const comments = collectComments(doc);
    expect(comments.map((c) => [c.id, c.quote, c.ranges])).toEqual([
      ['x', '甲乙丙', [{ fromPos: 1, toPos: 4 }]],
      ['y', '丙', [{ fromPos: 3, toPos: 4 }]],
    ]);
  });
});

describe('comments on the page', () => {
  it('do not change how the page is set', () => {
    const fonts = testFonts();
    const plain = createComposer(fonts).compose(commentedDocument({ withComments: false })).pages[0]!;
    const commented = createComposer(fonts).compose(commentedDocument()).pages[0]!;
    expect(commented.items).toEqual(plain.items);
    expect(commented.lines).toEqual(plain.lines);
  });

  it('are highlighted line by line over exactly their text', () => {
    const layout = createComposer(testFonts()).compose(commentedDocument()).pages[0]!;
    const [c1, c2] = collectComments(commentedDocument());
    const r1 = commentRects(layout, 's1', c1!.ranges);
    expect(r1.length).toBeGreaterThan(0);
    // Five ideographs at 9 pt, on one line or broken over two.
    expect(r1.reduce((sum, r) => sum + r.widthPt, 0)).toBeCloseTo(5 * 9, 0);
    const r2 = commentRects(layout, 's1', c2!.ranges);
    expect(r2.length).toBeGreaterThan(1); // 农村公路一百二十公里，群众出行更加便捷 runs over more than one 13-character line
    for (let i = 1; i < r2.length; i++) expect(r2[i]!.yPt).toBeGreaterThan(r2[i - 1]!.yPt);
    expect(commentRects(layout, 'elsewhere', c1!.ranges)).toEqual([]);
    expect(commentMark(layout, 's1', c1!.ranges)).toEqual({ rects: r1, struck: false });
    expect(commentMark(layout, 'elsewhere', c1!.ranges)).toBeUndefined();
  });

  it('regression: a comment whose text a tracked deletion struck is marked by a caret-sized note at the cut, not a zero-width highlight', () => {
    const doc = commentedDocument({ c1Struck: true });
    const layout = createComposer(testFonts()).compose(doc).pages[0]!;
    const [c1] = collectComments(doc);
    // The struck text is not set: its highlight would have no width at all.
    const rects = commentRects(layout, 's1', c1!.ranges);
    expect(rects.length).toBeGreaterThan(0);
    expect(rects.every((r) => r.widthPt === 0)).toBe(true);
    const mark = commentMark(layout, 's1', c1!.ranges)!;
    expect(mark.struck).toBe(true);
    expect(mark.rects).toHaveLength(1);
    const [r] = mark.rects;
    expect(r!.heightPt).toBe(rects[0]!.heightPt);
    expect(r!.widthPt).toBeCloseTo(rects[0]!.heightPt * STRUCK_COMMENT_MARK_WIDTH_SHARE, 6);
    // Centred on the cut, between 德清县今年推进 and 建设.
    expect(r!.xPt + r!.widthPt / 2).toBeCloseTo(rects[0]!.xPt, 6);
  });
});

describe('preflight', () => {
  it('warns about open comments before print, not about resolved ones, and not for proofs', () => {
    const doc = commentedDocument({ c1: { resolved: true } });
    const layouts = createComposer(testFonts()).compose(doc).pages;
    const print = preflight(doc, layouts, { preset: 'print', assetInfo: new Map() }).filter((f) => f.code === 'open-comment');
    expect(print).toHaveLength(1);
    expect(print[0]).toMatchObject({ severity: 'warning', pageId: 'p1', storyId: 's1' });
    expect(print[0]!.message).toMatch(/农村公路.*still open \(王校对\): 数字请核实$/);
    expect(preflight(doc, layouts, { preset: 'proof', assetInfo: new Map() }).some((f) => f.code === 'open-comment')).toBe(false);
  });
});

describe('proof PDFs', () => {
  async function exportWith(preset: 'proof' | 'print', doc = commentedDocument({ c1: { resolved: true } })) {
    const fonts = testFonts();
    const layouts = createComposer(fonts).compose(doc).pages;
    const input: PdfExportInput = {
      pages: [...layouts], fonts, assets: async () => undefined, preset,
      meta: { title: 't', paper: '德清新闻', issueDate: '2023-07-20', edition: '', documentName: 'comments.folio' },
      output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'newsprint', totalInkLimitPct: 240 },
      bleedPt: 0, slugPt: 20, createdAt: new Date('2023-07-20T00:00:00Z'), comments: collectComments(doc),
    };
    return { bytes: await exportPdf(input), layout: layouts[0]! };
  }

  it('carry each open comment as a highlight annotation over its text, with the text and author in UTF-16', async () => {
    const { bytes, layout } = await exportWith('proof');
    const pdf = await PDFDocument.load(bytes);
    const page = pdf.getPage(0);
    const annots = page.node.Annots();
    expect(annots?.size()).toBe(1); // c1 is resolved
    const annot = pdf.context.lookup(annots!.get(0)) as PDFDict;
    expect(annot.get(PDFName.of('Subtype'))).toBe(PDFName.of('Highlight'));
    expect((annot.get(PDFName.of('Contents')) as PDFHexString).decodeText()).toBe('数字请核实');
    expect((annot.get(PDFName.of('T')) as PDFHexString).decodeText()).toBe('王校对');
    const quads = (annot.get(PDFName.of('QuadPoints')) as PDFArray).asArray().map((n) => Number(n.toString()));
    const rects = commentRects(layout, 's1', collectComments(commentedDocument())[1]!.ranges);
    expect(quads).toHaveLength(8 * rects.length);
    // First quad's upper-left corner is the first rectangle's top-left, in PDF space (y up from the page bottom).
    expect(quads[0]).toBeCloseTo(rects[0]!.xPt, 3);
    expect(quads[1]).toBeCloseTo(layout.trimHeightPt - rects[0]!.yPt, 3);

    const dir = mkdtempSync(join(tmpdir(), 'folio-comments-'));
    writeFileSync(join(dir, 'proof.pdf'), bytes);
    expect(() => execFileSync('qpdf', ['--check', join(dir, 'proof.pdf')], { stdio: 'pipe' })).not.toThrow();
  });

  it('regression: a comment on text a tracked deletion struck becomes a visible note at the cut, not a zero-width highlight', async () => {
    const { bytes, layout } = await exportWith('proof', commentedDocument({ c1Struck: true }));
    const pdf = await PDFDocument.load(bytes);
    const annots = (pdf.getPage(0).node.Annots()?.asArray() ?? []).map((ref) => pdf.context.lookup(ref) as PDFDict);
    const note = annots.find((a) => (a.get(PDFName.of('NM')) as PDFHexString | undefined)?.decodeText() === 'c1');
    expect(note).toBeDefined();
    expect(note!.get(PDFName.of('Subtype'))).toBe(PDFName.of('Text'));
    expect((note!.get(PDFName.of('Contents')) as PDFHexString).decodeText()).toBe('应为“城乡融合”');
    const [x1, y1, x2, y2] = (note!.get(PDFName.of('Rect')) as PDFArray).asArray().map((n) => Number(n.toString()));
    const mark = commentMark(layout, 's1', collectComments(commentedDocument({ c1Struck: true }))[0]!.ranges)!;
    expect(x2! - x1!).toBeCloseTo(mark.rects[0]!.widthPt, 3);
    expect(y2! - y1!).toBeCloseTo(mark.rects[0]!.heightPt, 3);
    expect(x1).toBeCloseTo(mark.rects[0]!.xPt, 3);
    expect(y2).toBeCloseTo(layout.trimHeightPt - mark.rects[0]!.yPt, 3);
    // Its own appearance, so every viewer (and pdftoppm) draws it.
    expect(note!.get(PDFName.of('AP'))).toBeDefined();

    // Drawn: at 300 dpi the note's box differs from the same page rendered without annotations.
    const dir = mkdtempSync(join(tmpdir(), 'folio-comments-'));
    const file = join(dir, 'struck.pdf');
    writeFileSync(file, bytes);
    const grey = (extra: string[]) => {
      const base = join(dir, extra.length ? 'hidden' : 'shown');
      execFileSync('pdftoppm', ['-r', '300', '-gray', '-singlefile', ...extra, file, base]);
      return readFileSync(`${base}.pgm`);
    };
    const shown = grey([]);
    const hidden = grey(['-hide-annotations']);
    expect(shown.length).toBe(hidden.length);
    let differing = 0;
    for (let i = 0; i < shown.length; i++) if (Math.abs(shown[i]! - hidden[i]!) > 40) differing++;
    // The note covers about 4.5 × 9 pt = 19 × 38 px at 300 dpi; most of it is painted.
    expect(differing).toBeGreaterThan(300);
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(ARTIFACTS, 'comment-on-struck-text')]);
  });

  it('print PDFs never carry comments', async () => {
    const { bytes } = await exportWith('print');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPage(0).node.Annots()?.size() ?? 0).toBe(0);
  });
});
