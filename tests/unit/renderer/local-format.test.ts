/**
 * Local formatting in the story editor (issue 15 item 2): the bar's commands change only `local` marks, as one
 * undoable transaction, keep each character's other overrides, survive a paragraph-style change and leave
 * tracked changes alone; find by format lists the runs.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { LOCAL_MARK, localMarkAttrs } from '../../../src-core/model/local-format.js';
import { clearLocalFormat, hasLocalFormat, MIXED, selectionLocalFormat, setLocalFormat } from '../../../src-renderer/editor/local-format.js';
import { formatSizePt, parseLocalSizePt } from '../../../src-renderer/editor/local-format-choices.js';
import { findLocalFormat } from '../../../src-renderer/editor/find-replace.js';
import { setBlock, setBlockStyle } from '../../../src-renderer/editor/commands.js';
import { trackTransaction } from '../../../src-renderer/editor/track-changes.js';
import { folioKeymap } from '../../../src-renderer/editor/story-editor.js';
import type { Command } from 'prosemirror-state';

const RED = { c: 0, m: 1, y: 1, k: 0 };
const localMark = (attrs: Record<string, unknown>) => s.marks[LOCAL_MARK]!.create(localMarkAttrs(attrs));

function stateOf(...content: Parameters<typeof s.text>[]): EditorState {
  const doc = s.node('doc', null, [s.node('paragraph', null, content.map(([text, marks]) => s.text(text, marks)))]);
  return EditorState.create({ schema: s, doc, plugins: [history()] });
}
const select = (state: EditorState, from: number, to: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}
/** Each text node as text and its local attrs (non-null ones). */
function locals(state: EditorState): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  state.doc.descendants((node) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === LOCAL_MARK);
    out.push([node.text!, mark ? Object.fromEntries(Object.entries(mark.attrs).filter(([, v]) => v !== null)) : {}]);
    return false;
  });
  return out;
}

describe('the local-formatting commands', () => {
  it('set a size on a selection as one undo step, keeping each character’s other overrides', () => {
    // 正文红字正文: 红字 already red.
    let state = select(stateOf(['正文'], ['红字', [localMark({ colour: RED })]], ['正文']), 2, 5);
    state = run(state, setLocalFormat({ sizePt: 22 }));
    expect(locals(state)).toEqual([['正', {}], ['文', { sizePt: 22 }], ['红字', { sizePt: 22, colour: RED }], ['正文', {}]]);
    expect(selectionLocalFormat(state)).toMatchObject({ sizePt: 22, colour: MIXED, font: null });
    state = run(state, undo);
    expect(locals(state)).toEqual([['正文', {}], ['红字', { colour: RED }], ['正文', {}]]);
  });

  it('null returns a field to inheriting; a character with no override left loses the mark; clear removes all', () => {
    let state = select(stateOf(['大红字', [localMark({ colour: RED, sizePt: 22 })]]), 1, 4);
    state = run(state, setLocalFormat({ sizePt: null }));
    expect(locals(state)).toEqual([['大红字', { colour: RED }]]);
    state = run(state, setLocalFormat({ colour: null }));
    expect(locals(state)).toEqual([['大红字', {}]]);
    expect(state.doc.firstChild!.firstChild!.marks).toEqual([]);
    state = run(select(run(state, setLocalFormat({ trackingEm: 0.1, baselineShiftPt: 2 })), 1, 4), clearLocalFormat);
    expect(locals(state)).toEqual([['大红字', {}]]);
    expect(hasLocalFormat(state)).toBe(false);
  });

  it('refuses values out of bounds without changing anything', () => {
    const state = select(stateOf(['正文']), 1, 3);
    expect(setLocalFormat({ sizePt: 0 })(state)).toBe(false);
    expect(setLocalFormat({ scaleXPct: 300 })(state)).toBe(false);
  });

  it('with no selection, the override goes to the typing marks', () => {
    const state = run(select(stateOf(['正文']), 2, 2), setLocalFormat({ sizePt: 16 }));
    expect(selectionLocalFormat(state).sizePt).toBe(16);
    const typed = state.apply(state.tr.insertText('新'));
    expect(locals(typed)).toEqual([['正', {}], ['新', { sizePt: 16 }], ['文', {}]]);
  });

  it('a paragraph-style or block-type change keeps the overrides', () => {
    let state = select(stateOf(['正文'], ['红字', [localMark({ colour: RED, sizePt: 22 })]]), 1, 1);
    state = run(state, setBlockStyle('headline2'));
    state = run(state, setBlock('headline'));
    expect(state.doc.firstChild!.type.name).toBe('headline');
    expect(locals(state)).toEqual([['正文', {}], ['红字', { colour: RED, sizePt: 22 }]]);
  });

  it('formatting tracked text keeps its change marks, and tracking records no text change for it', () => {
    const insertion = s.marks.insertion!.create({ id: 'c1', author: '甲', createdAt: '2026-11-26T08:00:00.000Z' });
    const state = select(stateOf(['正文'], ['新增', [insertion]]), 1, 5);
    const tr = trackTransaction(state, (() => {
      let made = state.tr;
      setLocalFormat({ colour: RED })(state, (t) => (made = t));
      return made;
    })(), { author: '乙', now: () => '2026-11-26T09:00:00.000Z', newId: () => 'c2' });
    const next = state.apply(tr);
    expect(next.doc.textContent).toBe('正文新增');
    const added = next.doc.firstChild!.child(1);
    expect(added.text).toBe('新增');
    expect(added.marks.map((m) => m.type.name).sort()).toEqual(['insertion', LOCAL_MARK]);
    expect(next.doc.firstChild!.child(0).marks.map((m) => m.type.name)).toEqual([LOCAL_MARK]);
    let deletions = 0;
    next.doc.descendants((n) => void (deletions += n.marks.some((m) => m.type.name === 'deletion') ? 1 : 0));
    expect(deletions).toBe(0);
  });

  it('the clear shortcut is in the editor keymap', () => {
    const keymap = folioKeymap();
    expect(keymap['Mod-\\']).toBe(clearLocalFormat);
  });

  it('sizes are typed in points or 号 and shown as 号 where they are one', () => {
    expect(parseLocalSizePt('二号')).toBe(22);
    expect(parseLocalSizePt('小五')).toBe(9);
    expect(parseLocalSizePt('13.5')).toBe(13.5);
    expect(parseLocalSizePt('13.5pt')).toBe(13.5);
    expect(parseLocalSizePt('九号')).toBeNull();
    expect(parseLocalSizePt('1')).toBeNull();
    expect(formatSizePt(22)).toBe('二号');
    expect(formatSizePt(13.5)).toBe('13.5');
  });
});

describe('find by format', () => {
  const deletion = s.marks.deletion!.create({ id: 'd1', author: '甲', createdAt: '' });
  const state = stateOf(
    ['正文'], ['大', [localMark({ sizePt: 22 })]], ['红', [localMark({ sizePt: 22, colour: RED })]], ['正文'],
    ['删', [localMark({ colour: RED }), deletion]], ['白', [localMark({ colour: { c: 0, m: 0, y: 0, k: 0 } })]],
  );
  const texts = (ms: { from: number; to: number }[]) => ms.map((m) => state.doc.textBetween(m.from, m.to));

  it('lists runs with any local formatting, joining neighbours and skipping struck text', () => {
    expect(texts(findLocalFormat(state.doc, { kind: 'any' }))).toEqual(['大红', '白']);
  });

  it('finds a given size or colour', () => {
    expect(texts(findLocalFormat(state.doc, { kind: 'size', sizePt: 22 }))).toEqual(['大红']);
    expect(texts(findLocalFormat(state.doc, { kind: 'colour', colour: RED }))).toEqual(['红']);
    expect(texts(findLocalFormat(state.doc, { kind: 'colour', colour: { c: 0, m: 0, y: 0, k: 0 } }))).toEqual(['白']);
    expect(findLocalFormat(state.doc, { kind: 'size', sizePt: 9 })).toEqual([]);
  });
});
