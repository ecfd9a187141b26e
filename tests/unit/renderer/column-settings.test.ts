/**
 * Column variations as edits (issue 16): the frame's balance and unequal widths through `setTextFrameSettings`,
 * and a paragraph's column span through a ProseMirror command (so undo takes it back).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { closeHistory, history, undo } from 'prosemirror-history';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { TextFrameSchema } from '../../../src-core/model/document.js';
import { findFrame, setTextFrameSettings } from '../../../src-renderer/state/document-edits.js';
import { currentSectionColumns, currentSpanColumns, currentSpanFromColumn, setSectionColumns, setSpanColumns, setSpanFromColumn } from '../../../src-renderer/editor/column-span.js';
import { columnsAtPasteStart, plainParagraphsSlice } from '../../../src-renderer/editor/paste.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;
const BODY_PT = 9;

describe('frame column settings', () => {
  const frame = findFrame(doc, 'bikes')!.frame;
  if (frame.kind !== 'text') throw new Error('bikes is a text frame in the sample');
  const chars = Math.round(frame.widthPt / BODY_PT) - (frame.columns - 1) * frame.gutterChars;

  it('switches balance on and off (off is stored as no setting)', () => {
    const on = setTextFrameSettings(doc, 'bikes', { balance: true });
    expect(findFrame(on, 'bikes')!.frame).toMatchObject({ balance: true });
    const off = setTextFrameSettings(on, 'bikes', { balance: false });
    expect('balance' in findFrame(off, 'bikes')!.frame).toBe(false);
  });

  it('sets unequal widths that fit the frame on the grid, refuses others, and drops them for a new column count', () => {
    const two = setTextFrameSettings(doc, 'bikes', { columns: 2 });
    const twoChars = Math.round(frame.widthPt / BODY_PT) - frame.gutterChars;
    const widths = [10 * BODY_PT, (twoChars - 10) * BODY_PT];
    const set = setTextFrameSettings(two, 'bikes', { columnWidthsPt: widths });
    const f = findFrame(set, 'bikes')!.frame;
    expect(f).toMatchObject({ columnWidthsPt: widths });
    expect(TextFrameSchema.safeParse(f).success).toBe(true);
    expect(() => setTextFrameSettings(two, 'bikes', { columnWidthsPt: [10 * BODY_PT, 10 * BODY_PT] })).toThrow(/add up to/);
    expect(() => setTextFrameSettings(two, 'bikes', { columnWidthsPt: [chars * BODY_PT] })).toThrow(/Give 2 whole widths/);
    expect('columnWidthsPt' in findFrame(setTextFrameSettings(set, 'bikes', { columnWidthsPt: null }), 'bikes')!.frame).toBe(false);
    expect('columnWidthsPt' in findFrame(setTextFrameSettings(set, 'bikes', { columns: 3 }), 'bikes')!.frame).toBe(false);
  });
});

describe('paragraph column span (变栏)', () => {
  const storyDoc = s.node('doc', null, [s.node('headline', null, [s.text('标题')]), s.node('columns', null, [s.node('paragraph', null, [s.text('导语')]), s.node('paragraph', null, [s.text('正文')])])]);
  const at = (pos: number) => EditorState.create({ doc: storyDoc, selection: TextSelection.create(storyDoc, pos), plugins: [history()] });

  it('spans the paragraph across all or N columns, leaves the headline group alone, and undoes', () => {
    const state = at(7);
    let next = state;
    expect(setSpanColumns('all')(state, (tr) => (next = state.apply(tr)))).toBe(true);
    expect(currentSpanColumns(next)).toBe('all');
    expect(next.doc.child(1).child(1).attrs.spanColumns).toBeNull();
    let three = next;
    // A separate undo step (typing pauses between the two choices).
    setSpanColumns(3)(next, (tr) => (three = next.apply(closeHistory(tr))));
    expect(currentSpanColumns(three)).toBe(3);
    let undone = three;
    undo(three, (tr) => (undone = three.apply(tr)));
    expect(currentSpanColumns(undone)).toBe('all');
    expect(setSpanColumns('all')(at(2))).toBe(false);
    expect(() => setSpanColumns(1)).toThrow(RangeError);
  });
});

describe('straddle start and 变栏 sections in the editor', () => {
  const storyDoc = s.node('doc', null, [s.node('headline', null, [s.text('标题')]), s.node('columns', null, [s.node('paragraph', null, [s.text('导语')]), s.node('paragraph', null, [s.text('正文')])])]);
  const state = EditorState.create({ doc: storyDoc, selection: TextSelection.create(storyDoc, 7, 12), plugins: [history()] });
  const apply = (command: (st: EditorState, d?: (tr: Transaction) => void) => boolean, from: EditorState) => {
    let next = from;
    expect(command(from, (tr) => (next = from.apply(tr)))).toBe(true);
    return next;
  };

  it('starts a span at another column and makes a section of the selected paragraphs; 0 and 1 store nothing; undo', () => {
    const spanned = apply(setSpanColumns(2), state);
    const from2 = apply(setSpanFromColumn(2), spanned);
    expect(currentSpanFromColumn(from2)).toBe(2);
    expect(from2.doc.child(1).child(0).attrs.spanFromColumn).toBe(2);
    expect(from2.doc.child(1).child(1).attrs.spanFromColumn).toBe(2);
    const sectioned = apply(setSectionColumns(3), from2);
    expect(currentSectionColumns(sectioned)).toBe(3);
    expect(sectioned.doc.child(1).child(1).attrs.sectionColumns).toBe(3);
    expect(apply(setSectionColumns(1), sectioned).doc.child(1).child(0).attrs.sectionColumns).toBeNull();
    expect(apply(setSpanFromColumn(0), sectioned).doc.child(1).child(0).attrs.spanFromColumn).toBeNull();
    // The headline is left alone.
    expect(sectioned.doc.child(0).attrs.sectionColumns).toBeNull();
    let undone = sectioned;
    undo(sectioned, (tr) => (undone = sectioned.apply(tr)));
    expect(currentSectionColumns(undone)).toBeNull();
    expect(() => setSectionColumns(9)).toThrow(RangeError);
    expect(() => setSpanFromColumn(-1)).toThrow(RangeError);
  });
});

describe('column variations through the clipboard', () => {
  const head = s.node('paragraph', { spanColumns: 2, spanFromColumn: 1, sectionColumns: null }, [s.text('跨栏标题')]);
  const listing = s.node('paragraph', { sectionColumns: 2 }, [s.text('城关晴')]);
  const storyDoc = s.node('doc', null, [s.node('columns', null, [s.node('paragraph', null, [s.text('正文一')]), head, listing, s.node('paragraph', null, [s.text('正文二')])])]);

  it('renders the attrs as data attributes and reads them back from pasted DOM (bad values dropped)', () => {
    const dom = s.nodes.paragraph.spec.toDOM!(head) as [string, Record<string, string>, number];
    expect(dom[1]).toMatchObject({ 'data-span-columns': '2', 'data-span-from': '1' });
    const attrsOf = (data: Record<string, string>) => {
      const rule = s.nodes.paragraph.spec.parseDOM![0]!;
      return rule.getAttrs!({ getAttribute: (n: string) => data[n] ?? null } as unknown as HTMLElement);
    };
    expect(attrsOf(dom[1])).toMatchObject({ spanColumns: 2, spanFromColumn: 1, sectionColumns: null });
    expect(attrsOf({ 'data-span-columns': 'all', 'data-section-columns': '4' })).toMatchObject({ spanColumns: 'all', sectionColumns: 4 });
    expect(attrsOf({ 'data-span-columns': '1', 'data-section-columns': '12' })).toMatchObject({ spanColumns: null, sectionColumns: null });
    // A subhead copied from the editor (class pm-subhead) comes back as a subhead with its span.
    const sub = s.node('subhead', { spanColumns: 'all' }, [s.text('小标题')]);
    const subDom = s.nodes.subhead.spec.toDOM!(sub) as [string, Record<string, string>, number];
    expect(subDom[1].class).toBe('pm-subhead');
    expect(s.nodes.subhead.spec.parseDOM!.some((r) => r.tag === `h3.${subDom[1].class}`)).toBe(true);
  });

  it('the plain-paste filter keeps each paragraph’s columns, and a paste at a paragraph start gives it the first one’s', () => {
    // Copy the head and the listing whole (as ProseMirror does: a slice open at both ends).
    const start = 1 + storyDoc.child(0).child(0).nodeSize;
    const slice = storyDoc.slice(start + 1, start + head.nodeSize + listing.nodeSize - 1);
    const plain = plainParagraphsSlice(slice, s);
    expect(plain.content.childCount).toBe(2);
    expect(plain.content.child(0).attrs).toMatchObject({ spanColumns: 2, spanFromColumn: 1 });
    expect(plain.content.child(1).attrs).toMatchObject({ sectionColumns: 2 });
    // Paste into an empty paragraph in another story: it becomes the straddle head, the listing follows.
    const other = s.node('doc', null, [s.node('columns', null, [s.node('paragraph', null, [s.text('别的稿件')]), s.node('paragraph', null, [])])]);
    const at = EditorState.create({ doc: other, selection: TextSelection.create(other, 2 + 4 + 2) });
    const tr = columnsAtPasteStart(at, plain)!;
    expect(tr).not.toBeNull();
    const pasted = tr.doc.child(0);
    expect(pasted.child(1).textContent).toBe('跨栏标题');
    expect(pasted.child(1).attrs).toMatchObject({ spanColumns: 2, spanFromColumn: 1 });
    expect(pasted.child(2).textContent).toBe('城关晴');
    expect(pasted.child(2).attrs.sectionColumns).toBe(2);
    // Pasted mid-paragraph, ProseMirror's own paste runs (the text lands in that paragraph, which keeps its columns).
    const mid = EditorState.create({ doc: other, selection: TextSelection.create(other, 4) });
    expect(columnsAtPasteStart(mid, plain)).toBeNull();
  });
});
