import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { storySchema as s } from '../../../src-core/model/story-schema.js';
import { BLOCK_TYPE_CHOICES, currentBlockStyle, currentBlockType, setBlock, setBlockStyle } from '../../../src-renderer/editor/commands.js';

const doc = s.node('doc', null, [s.node('headline', null, [s.text('标题')]), s.node('columns', null, [s.node('paragraph', null, [s.text('正文')])])]);
const at = (pos: number) => EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
const run = (state: EditorState, command: ReturnType<typeof setBlock>) => {
  let next = state;
  const ok = command(state, (tr) => (next = state.apply(tr)));
  return { ok, next };
};

describe('block commands', () => {
  it('sets a template style on the block and clears it again', () => {
    const { ok, next } = run(at(2), setBlockStyle('headline2'));
    expect(ok).toBe(true);
    expect(currentBlockStyle(next)).toBe('headline2');
    expect(next.doc.firstChild!.type.name).toBe('headline');
    expect(run(next, setBlockStyle(null)).next.doc.firstChild!.attrs.style).toBeNull();
    expect(setBlockStyle(null)(at(2))).toBe(false);
  });

  it('changes block types only where the schema allows them', () => {
    expect(currentBlockType(run(at(2), setBlock('kicker')).next)).toBe('kicker');
    // Inside the flowed body (columns) a headline is not allowed: the command declines.
    expect(setBlock('headline')(at(7))).toBe(false);
    expect(currentBlockType(run(at(7), setBlock('subhead')).next)).toBe('subhead');
    expect(() => setBlock('nonsense')).toThrow(RangeError);
  });

  it('offers every newsroom block type the issue names: caption, column tag, pull quote and ad text too', () => {
    expect(BLOCK_TYPE_CHOICES.map((c) => c.name)).toEqual(expect.arrayContaining(['kicker', 'headline', 'subtitle', 'byline', 'subhead', 'paragraph', 'caption', 'columnTag', 'pullQuote', 'adText']));
    expect(new Set(BLOCK_TYPE_CHOICES.map((c) => c.key)).size).toBe(BLOCK_TYPE_CHOICES.length);
    expect(currentBlockType(run(at(2), setBlock('caption')).next)).toBe('caption');
    expect(currentBlockType(run(at(7), setBlock('pullQuote')).next)).toBe('pullQuote');
    // A caption is a display block: not inside the flowed body.
    expect(setBlock('caption')(at(7))).toBe(false);
  });
});
