import { readFileSync } from 'node:fs';
import type { EditorState} from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { storySchema } from '../../../src-core/model/story-schema.js';
import { createStoryEditorState } from '../../../src-renderer/editor/story-editor.js';
import {
  applyParagraphStyle, characterStyleUsage, formatSize, haoNameOf, paragraphStyleUsage, parseSizeInput, setCharacterStyle, setParagraphStyle, toggleCharacterStyle,
} from '../../../src-renderer/state/style-edits.js';
import { UiMessageError } from '../../../src-renderer/state/ui-message.js';
import { testFonts } from '../layout/fixtures.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;

describe('paragraph style edits', () => {
  it('changes one style in a new template and shares everything else', () => {
    const next = setParagraphStyle(doc, 'paragraph', { size: '五号', indentEm: 1 });
    expect(next.template).not.toBe(doc.template);
    expect(next.template.paragraphStyles.paragraph.size).toBe('五号');
    expect(next.template.paragraphStyles.paragraph.indentEm).toBe(1);
    expect(doc.template.paragraphStyles.paragraph.size).toBe('小五');
    expect(next.template.paragraphStyles.headline).toBe(doc.template.paragraphStyles.headline);
    expect(next.stories).toBe(doc.stories);
    expect(next.pages).toBe(doc.pages);
  });

  it('returns the same document when nothing changes, and clears leading with null', () => {
    expect(setParagraphStyle(doc, 'paragraph', { size: '小五' })).toBe(doc);
    const withLeading = setParagraphStyle(doc, 'headline', { leadingPt: 40 });
    expect(withLeading.template.paragraphStyles.headline.leadingPt).toBe(40);
    const cleared = setParagraphStyle(withLeading, 'headline', { leadingPt: null });
    expect('leadingPt' in cleared.template.paragraphStyles.headline).toBe(doc.template.paragraphStyles.headline.leadingPt !== undefined);
  });

  it('rejects unknown styles, bad sizes and invalid values with RangeErrors', () => {
    expect(() => setParagraphStyle(doc, 'nope', { size: 9 })).toThrow(RangeError);
    expect(() => setParagraphStyle(doc, 'paragraph', { size: '大五' })).toThrow(/Unknown type size/);
    expect(() => setParagraphStyle(doc, 'paragraph', { indentEm: -1 })).toThrow(/indentEm/);
    expect(() => setParagraphStyle(doc, 'paragraph', { leadingPt: 0 })).toThrow(RangeError);
  });

  it('a larger body size re-sets every story using it: copyfit grows, other stories unchanged', () => {
    const composer = createComposer(testFonts());
    const fit = (d: typeof doc) => new Map(composer.compose(d).pages[0].copyfit.map((c) => [c.storyId, c.lineDelta]));
    const before = fit(doc);
    const after = fit(setParagraphStyle(doc, 'paragraph', { size: 9.5 }));
    const body = ['lead', 'bikes', 'leidian', 'livelihood', 'feature'];
    for (const id of body) expect(after.get(id)).toBeGreaterThanOrEqual(before.get(id)!);
    const sum = (fit: Map<string, number>) => body.reduce((n, id) => n + fit.get(id)!, 0);
    expect(sum(after)).toBeGreaterThan(sum(before) + body.length);
    // The masthead, slogan and ad are set in their own styles.
    for (const id of ['masthead', 'slogan', 'ad']) expect(after.get(id)).toBe(before.get(id));
  });
});

describe('style usage', () => {
  it('counts blocks by their style attr when the template has it, else by block type', () => {
    const body = paragraphStyleUsage(doc, 'paragraph');
    expect(body.storyIds).toEqual(expect.arrayContaining(['lead', 'feature', 'livelihood']));
    expect(body.storyIds).not.toContain('masthead');
    expect(paragraphStyleUsage(doc, 'mastheadTitle').storyIds).toEqual(['masthead']);
    expect(paragraphStyleUsage(doc, 'headline').count).toBeGreaterThan(0);
  });

  it('counts character style runs', () => {
    const marked = { ...doc, stories: { ...doc.stories, x: { id: 'x', name: 'x', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '红', marks: [{ type: 'charStyle', attrs: { name: 'red' } }] }] }] } } } };
    expect(characterStyleUsage(marked, 'red')).toEqual({ storyIds: ['x'], count: 1 });
  });

  it('edits a character style font and clears it', () => {
    const next = setCharacterStyle(doc, 'bold', { font: { family: 'Noto Serif SC', weight: 900 } });
    expect(next.template.characterStyles.bold.font).toEqual({ family: 'Noto Serif SC', weight: 900 });
    expect(setCharacterStyle(next, 'bold', { font: null }).template.characterStyles.bold.font).toBeUndefined();
    expect(() => setCharacterStyle(doc, 'nope', { font: null })).toThrow(RangeError);
  });
});

describe('character style size, tracking and baseline shift', () => {
  it('stores a size typed in points or as a 号 name in points, and clears it with null', () => {
    const inPt = setCharacterStyle(doc, 'red', { sizePt: '22pt' });
    expect(inPt.template.characterStyles.red.sizePt).toBe(22);
    const hao = setCharacterStyle(doc, 'red', { sizePt: '二号' });
    expect(hao.template.characterStyles.red.sizePt).toBe(22);
    expect(setCharacterStyle(doc, 'red', { sizePt: 10.5 }).template.characterStyles.red.sizePt).toBe(10.5);
    expect(setCharacterStyle(doc, 'red', { sizePt: '小五' }).template.characterStyles.red.sizePt).toBe(9);
    const cleared = setCharacterStyle(hao, 'red', { sizePt: null });
    expect('sizePt' in cleared.template.characterStyles.red).toBe(false);
    expect(cleared.template.characterStyles.red).toEqual(doc.template.characterStyles.red);
    // Setting the same value again is no edit (no undo step).
    expect(setCharacterStyle(hao, 'red', { sizePt: 22 })).toBe(hao);
  });

  it('sets and clears tracking and baseline shift, leaving the other styles shared', () => {
    const next = setCharacterStyle(doc, 'outlined', { trackingEm: -0.1, baselineShiftPt: 3 });
    expect(next.template.characterStyles.outlined).toMatchObject({ trackingEm: -0.1, baselineShiftPt: 3 });
    expect(next.template.characterStyles.bold).toBe(doc.template.characterStyles.bold);
    const back = setCharacterStyle(next, 'outlined', { trackingEm: null, baselineShiftPt: null });
    expect(back.template.characterStyles.outlined).toEqual(doc.template.characterStyles.outlined);
  });

  it('refuses sizes that are not type sizes or lie outside the local bounds, naming them', () => {
    const refusal = (patch: Parameters<typeof setCharacterStyle>[2]) => {
      try {
        setCharacterStyle(doc, 'red', patch);
      } catch (err) {
        expect(err).toBeInstanceOf(UiMessageError);
        return (err as UiMessageError).uiMessage;
      }
      throw new Error('not refused');
    };
    expect(refusal({ sizePt: 'big' })).toEqual({ key: 'styles.refused.charSize', values: { style: '套红 Red', value: 'big', min: 2, max: 400 } });
    expect(refusal({ sizePt: 1 }).key).toBe('styles.refused.charSize');
    expect(refusal({ sizePt: '500' }).key).toBe('styles.refused.charSize');
    expect(refusal({ trackingEm: 3 })).toEqual({ key: 'styles.refused.charNumber', values: { style: '套红 Red', field: 'trackingEm', value: 3, min: -0.5, max: 2 } });
    expect(refusal({ baselineShiftPt: -100 })).toEqual({ key: 'styles.refused.charNumber', values: { style: '套红 Red', field: 'baselineShiftPt', value: -100, min: -72, max: 72 } });
    expect(refusal({ baselineShiftPt: Number.NaN }).key).toBe('styles.refused.charNumber');
  });

  it('the composer sets a run in the style at its size and shift', () => {
    const marked = {
      ...doc,
      stories: {
        ...doc.stories,
        lead: { ...doc.stories.lead, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }, { type: 'text', text: '套红', marks: [{ type: 'charStyle', attrs: { name: 'red' } }] }] }] } },
      },
    };
    const composer = createComposer(testFonts());
    const runSizes = (d: typeof doc) => {
      const out: { sizePt: number; baselineYPt: number }[] = [];
      for (const item of composer.compose(d).pages[0].items) if (item.kind === 'glyphs' && item.storyId === 'lead') out.push({ sizePt: item.sizePt, baselineYPt: item.baselineYPt });
      return out;
    };
    const styled = runSizes(setCharacterStyle(marked, 'red', { sizePt: '小四', baselineShiftPt: 2 }));
    const plain = runSizes(marked);
    expect(plain.map((r) => r.sizePt)).not.toContain(12);
    const big = styled.find((r) => r.sizePt === 12);
    expect(big).toBeDefined();
    const body = styled.find((r) => r.sizePt !== 12)!;
    expect(body.baselineYPt - big!.baselineYPt).toBeCloseTo(2, 5);
  });
});

describe('sizes in pt or 号', () => {
  it('reads points and 号 names', () => {
    expect(parseSizeInput('10.5')).toBe(10.5);
    expect(parseSizeInput('12pt')).toBe(12);
    expect(parseSizeInput('小五')).toBe('小五');
    expect(parseSizeInput('五')).toBe('五号');
    expect(() => parseSizeInput('big')).toThrow(RangeError);
  });
  it('shows both', () => {
    expect(formatSize('小五')).toBe('9 pt (小五)');
    expect(formatSize(11)).toBe('11 pt');
    expect(haoNameOf(10.5)).toBe('五号');
  });
});

describe('applying styles in the editor', () => {
  const storyDoc = { type: 'doc', content: [{ type: 'headline', content: [{ type: 'text', text: '标题' }] }, { type: 'columns', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] }] };
  const at = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

  it('a block-type style changes the block type; another style sets the style attr', () => {
    let state = at(createStoryEditorState(storyDoc), 2);
    const run = (cmd: ReturnType<typeof applyParagraphStyle>) => cmd(state, (tr) => (state = state.apply(tr)));
    expect(run(applyParagraphStyle('headline2'))).toBe(true);
    expect(state.doc.firstChild!.attrs.style).toBe('headline2');
    expect(run(applyParagraphStyle('kicker'))).toBe(true);
    expect(state.doc.firstChild!.type.name).toBe('kicker');
    expect(state.doc.firstChild!.attrs.style).toBeNull();
  });

  it('toggles a template character style as a charStyle mark', () => {
    let state = createStoryEditorState(storyDoc);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
    expect(toggleCharacterStyle('red')(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(state.doc.firstChild!.firstChild!.marks.map((m) => [m.type.name, m.attrs.name])).toEqual([['charStyle', 'red']]);
    expect(toggleCharacterStyle('bold')(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(state.doc.firstChild!.firstChild!.marks.some((m) => m.type === storySchema.marks.bold)).toBe(true);
  });
});
