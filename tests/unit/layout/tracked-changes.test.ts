/**
 * Tracked changes on the page: deleted text is left out, inserted text is set; the page equals the page of
 * the text with every change accepted, and the story's positions still map onto it.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { GlyphRunItem } from '../../../src-core/layout/page-layout.js';
import { collectChanges } from '../../../src-core/model/tracked-change.js';
import { preflight } from '../../../src-core/preflight/preflight.js';
import { changeMarks } from '../../../src-core/layout/change-rects.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { PDFDocument, PDFName, type PDFDict, type PDFHexString } from 'pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cols, documentOf, p, story, t, testFonts, textFrame, broadsheet } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();
const change = (type: 'insertion' | 'deletion', id: string) => [{ type, attrs: { id, author: '校对甲', createdAt: '2026-11-26T08:00:00Z' } }];
const glyphText = (items: readonly { kind: string }[]) => items.filter((i): i is GlyphRunItem => i.kind === 'glyphs').map((i) => i.glyphs.map((g) => g.text).join('')).join('');

describe('tracked changes on the page', () => {
  const frame = textFrame(tpl, 'f', 's', [0, 2, 0, 20]);
  const tracked = story('s', cols(p(t('德清'), t('改革', change('deletion', 'd1')), t('创新', change('insertion', 'i1')), t('高地'))));
  const accepted = story('s', cols(p(t('德清创新高地'))));

  it('leaves deleted text out and sets inserted text, exactly as the accepted text would be set', () => {
    const page = createComposer(fonts).compose(documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const plain = createComposer(fonts).compose(documentOf([accepted], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(glyphText(page.items)).toBe('德清创新高地');
    expect(glyphText(page.items)).toBe(glyphText(plain.items));
    expect(JSON.stringify(page.items)).toBe(JSON.stringify(plain.items));
  });

  it('keeps every story position on the line: the struck positions share the caret where the cut is', () => {
    const page = createComposer(fonts).compose(documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const line = page.lines[0]!;
    // Positions 2..10 (columns block at 0, paragraph at 1, text from 2): 德清 2–4, 改革 4–6 (deleted), 创新 6–8, 高地 8–10.
    expect(line.fromPos).toBe(2);
    expect(line.toPos).toBe(10);
    const x = (pos: number) => line.caretXPt[pos - line.fromPos]!;
    expect(x(5)).toBe(x(4));
    expect(x(6)).toBe(x(4));
    expect(x(7)).toBeGreaterThan(x(6));
  });

  it('sets two paragraphs whose break is deleted as one, in the first one’s style; an inserted break splits', () => {
    const breakChange = (kind: 'insertion' | 'deletion') => ({ kind, id: `b-${kind}`, author: '校对甲', createdAt: '2026-11-26T08:00:00Z' });
    const para = (text: string, change?: ReturnType<typeof breakChange>) => ({ type: 'paragraph', ...(change ? { attrs: { style: null, change } } : {}), content: [t(text)] });
    const joined = story('s', cols(para('德清', breakChange('deletion')), para('创新高地')));
    const one = story('s', cols(p(t('德清创新高地'))));
    const page = createComposer(fonts).compose(documentOf([joined], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    const plain = createComposer(fonts).compose(documentOf([one], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(JSON.stringify(page.items)).toBe(JSON.stringify(plain.items));
    // One line, covering both paragraphs' positions: 德清 2–4, the break 4–6, 创新高地 6–10.
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0]).toMatchObject({ fromPos: 2, toPos: 10 });
    const x = (pos: number) => page.lines[0]!.caretXPt[pos - 2]!;
    expect(x(5)).toBe(x(4));
    expect(x(6)).toBe(x(4));
    expect(x(7)).toBeGreaterThan(x(6));
    // The break is a change of its own, marked at the cut.
    const doc = documentOf([joined], [{ id: 'A01', frames: [frame] }], tpl);
    const changes = collectChanges(doc);
    expect(changes.map((c) => [c.kind, c.text, c.paragraphBreak, c.ranges])).toEqual([['deletion', '¶', true, [{ fromPos: 4, toPos: 6 }]]]);
    expect(changeMarks(page, changes)[0]!.rects).toEqual([{ xPt: x(4), yPt: page.lines[0]!.rect.yPt, widthPt: 0, heightPt: page.lines[0]!.rect.heightPt }]);
    // An inserted break is set as the split it is, and marked after the first paragraph's last line.
    const split = story('s', cols(para('德清', breakChange('insertion')), para('创新高地')));
    const splitPage = createComposer(fonts).compose(documentOf([split], [{ id: 'A01', frames: [frame] }], tpl)).pages[0]!;
    expect(splitPage.lines).toHaveLength(2);
    const splitChanges = collectChanges(documentOf([split], [{ id: 'A01', frames: [frame] }], tpl));
    const [mark] = changeMarks(splitPage, splitChanges);
    expect(mark!.rects[0]!.yPt).toBe(splitPage.lines[0]!.rect.yPt);
    expect(mark!.rects[0]!.widthPt).toBeGreaterThan(0);
  });

  it('are read back per story, with their text', () => {
    const doc = documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl);
    expect(collectChanges(doc).map((c) => `${c.kind}:${c.text}:${c.ranges.map((r) => `${r.fromPos}-${r.toPos}`).join(',')}`)).toEqual(['deletion:改革:4-6', 'insertion:创新:6-8']);
  });

  it('preflight warns once per story before print, naming how many and by whom; not for proofs', () => {
    const doc = { ...documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl), stories: { s: { ...tracked, name: '德清改革' } } };
    const layouts = createComposer(fonts).compose(doc).pages;
    const print = preflight(doc, layouts, { preset: 'print', assetInfo: new Map() }).filter((f) => f.code === 'tracked-change');
    expect(print).toEqual([{
      severity: 'warning', code: 'tracked-change', pageId: 'A01', storyId: 's',
      key: 'preflight.finding.trackedChanges', values: { count: 2, story: '德清改革', authors: '校对甲' },
      message: '2 tracked changes in 「德清改革」 not accepted or rejected yet (校对甲)',
    }]);
    expect(preflight(doc, layouts, { preset: 'proof', assetInfo: new Map() }).some((f) => f.code === 'tracked-change')).toBe(false);
  });

  it('are marked where they are: inserted text covered, a deletion at the cut between the text around it', () => {
    const doc = documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl);
    const page = createComposer(fonts).compose(doc).pages[0]!;
    const [deletion, insertion] = changeMarks(page, collectChanges(doc));
    const line = page.lines[0]!;
    expect(deletion!.change.kind).toBe('deletion');
    expect(deletion!.rects).toEqual([{ xPt: line.caretXPt[4 - line.fromPos], yPt: line.rect.yPt, widthPt: 0, heightPt: line.rect.heightPt }]);
    expect(insertion!.rects).toHaveLength(1);
    expect(insertion!.rects[0]!.xPt).toBe(deletion!.rects[0]!.xPt);
    expect(insertion!.rects[0]!.widthPt).toBeCloseTo(2 * 9, 6);
  });

  it('proof PDFs carry them as underline and caret annotations with what changed and who changed it', async () => {
    const doc = documentOf([tracked], [{ id: 'A01', frames: [frame] }], tpl);
    const layouts = createComposer(fonts).compose(doc).pages;
    const bytes = await exportPdf({
      pages: [...layouts], fonts, assets: async () => undefined, preset: 'proof',
      meta: { title: 't', paper: '德清新闻', issueDate: '2023-07-20', edition: '', documentName: 'changes.folio' },
      output: { outputConditionIdentifier: 'IFRA26', outputCondition: 'newsprint', totalInkLimitPct: 240 },
      bleedPt: 0, slugPt: 20, createdAt: new Date('2023-07-20T00:00:00Z'), changes: collectChanges(doc),
    });
    const pdf = await PDFDocument.load(bytes);
    const annots = pdf.getPage(0).node.Annots()!;
    const read = annots.asArray().map((ref) => {
      const a = pdf.context.lookup(ref) as PDFDict;
      return `${a.get(PDFName.of('Subtype'))?.toString()} ${(a.get(PDFName.of('Contents')) as PDFHexString).decodeText()} ${(a.get(PDFName.of('T')) as PDFHexString).decodeText()}`;
    });
    expect(read).toEqual(['/Caret 删除 Deleted：「改革」 校对甲', '/Underline 插入 Inserted：「创新」 校对甲']);
    const dir = mkdtempSync(join(tmpdir(), 'folio-changes-'));
    writeFileSync(join(dir, 'proof.pdf'), bytes);
    expect(() => execFileSync('qpdf', ['--check', join(dir, 'proof.pdf')], { stdio: 'pipe' })).not.toThrow();
  });
});
