/**
 * Column variations as edits (issue 16): the frame's balance and unequal widths through `setTextFrameSettings`,
 * and a paragraph's column span through a ProseMirror command (so undo takes it back).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { closeHistory, history, undo } from 'prosemirror-history';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { TextFrameSchema } from '../../../src-core/model/document.js';
import { findFrame, setTextFrameSettings } from '../../../src-renderer/state/document-edits.js';
import { currentSpanColumns, setSpanColumns } from '../../../src-renderer/editor/column-span.js';

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
