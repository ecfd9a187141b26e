import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import type { PmNodeJson } from '../../../src-core/model/document.js';
import { MIN_COMPOUND_STROKE_PT, MIN_DECORATIVE_STROKE_PT } from '../../../src-core/model/line-style.js';
import { addFrame, addTextFrame, findFrame, isBlankStory, setStrokeSettings, framesOfStory, MAX_STORY_NAME_CHARS, removeFrame, renameStory, replaceStoryDoc, setFrameGeometry, setTextFrameSettings, threadFrames } from '../../../src-renderer/state/document-edits.js';

const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;

describe('immutable document edits', () => {
  it('replaces one story and shares everything else', () => {
    const storyDoc = { type: 'doc', content: [{ type: 'headline', content: [{ type: 'text', text: '新标题' }] }] };
    const next = replaceStoryDoc(doc, 'lead', storyDoc);
    expect(next).not.toBe(doc);
    expect(next.stories.lead.doc).toBe(storyDoc);
    expect(doc.stories.lead.doc).not.toBe(storyDoc);
    expect(next.stories.feature).toBe(doc.stories.feature);
    expect(next.pages).toBe(doc.pages);
    expect(() => replaceStoryDoc(doc, 'nope', storyDoc)).toThrow(RangeError);
  });

  it('renames a story, trimmed; the same name changes nothing; empty, too long or unknown is refused', () => {
    const next = renameStory(doc, 'leidian', '  雷甸调研  ');
    expect(next.stories.leidian.name).toBe('雷甸调研');
    expect(next.stories.leidian.doc).toBe(doc.stories.leidian.doc);
    expect(next.stories.lead).toBe(doc.stories.lead);
    expect(renameStory(next, 'leidian', '雷甸调研')).toBe(next);
    expect(() => renameStory(doc, 'leidian', ' \u3000 ')).toThrow('A story needs a name.');
    expect(() => renameStory(doc, 'leidian', '字'.repeat(MAX_STORY_NAME_CHARS + 1))).toThrow(`at most ${MAX_STORY_NAME_CHARS} characters`);
    expect(renameStory(doc, 'leidian', '字'.repeat(MAX_STORY_NAME_CHARS)).stories.leidian.name).toHaveLength(MAX_STORY_NAME_CHARS);
    expect(() => renameStory(doc, 'nope', 'x')).toThrow(RangeError);
  });

  it('moves a frame without touching the original or other frames', () => {
    const before = findFrame(doc, 'bikes')!.frame;
    const next = setFrameGeometry(doc, 'bikes', { xPt: 10 });
    expect(findFrame(next, 'bikes')!.frame.xPt).toBe(10);
    expect(findFrame(doc, 'bikes')!.frame.xPt).toBe(before.xPt);
    expect(findFrame(next, 'lead-1')!.frame).toBe(findFrame(doc, 'lead-1')!.frame);
    expect(next.stories).toBe(doc.stories);
    expect(() => setFrameGeometry(doc, 'bikes', { widthPt: 0 })).toThrow(RangeError);
    expect(() => setFrameGeometry(doc, 'nope', { xPt: 1 })).toThrow(RangeError);
  });

  it('leaves locked frames alone', () => {
    const locked = setFrameGeometry({ ...doc, pages: [{ ...doc.pages[0], frames: doc.pages[0].frames.map((f) => (f.id === 'bikes' ? { ...f, locked: true } : f)) }] }, 'bikes', { xPt: 1 });
    expect(findFrame(locked, 'bikes')!.frame.xPt).not.toBe(1);
  });

  it('lists a story’s frames in page order', () => {
    expect(framesOfStory(doc, 'lead')).toEqual(['lead-head', 'lead-1', 'lead-2']);
  });
});

describe('adding and removing frames', () => {
  it('adds a two-column text frame with a new story at the type area’s top-left', () => {
    const added = addTextFrame(doc, 0);
    const frame = findFrame(added.doc, added.frameId)!.frame;
    expect(frame.kind).toBe('text');
    if (frame.kind !== 'text') return;
    expect(frame.storyId).toBe(added.storyId);
    expect(frame.columns).toBe(2);
    // Two 13-character columns and one gutter at 9 pt.
    expect(frame.widthPt).toBeCloseTo(27 * 9);
    expect(frame.heightPt).toBeCloseTo(30 * 11.55);
    expect(added.doc.stories[added.storyId].doc.content?.map((n) => n.type)).toEqual(['headline', 'columns']);
    expect(doc.stories[added.storyId]).toBeUndefined();
    const again = addTextFrame(added.doc, 0);
    expect(again.storyId).not.toBe(added.storyId);
    expect(again.frameId).not.toBe(added.frameId);
    expect(() => addTextFrame(doc, 5)).toThrow(RangeError);
  });

  it('removes a frame, keeps its story and rejoins the thread around it', () => {
    const next = removeFrame(doc, 'lead-1');
    expect(findFrame(next, 'lead-1')).toBeUndefined();
    const head = findFrame(next, 'lead-head')!.frame;
    expect(head.kind === 'text' && head.nextFrameId).toBe('lead-2');
    expect(next.stories.lead).toBe(doc.stories.lead);
    const last = removeFrame(doc, 'lead-2');
    const lead1 = findFrame(last, 'lead-1')!.frame;
    expect(lead1.kind === 'text' && lead1.nextFrameId).toBeUndefined();
    expect(() => removeFrame(doc, 'nope')).toThrow(RangeError);
  });
});

describe('drawing pictures, boxes and rules', () => {
  it('adds an empty picture frame, a box and a horizontal rule at the type area, two columns wide, with fresh ids', () => {
    const withPicture = addFrame(doc, 0, 'image');
    const picture = findFrame(withPicture.doc, withPicture.frameId)!.frame;
    expect(picture).toMatchObject({ kind: 'image', id: 'picture', fit: 'fill', locked: false });
    expect('assetId' in picture).toBe(false);
    const box = addFrame(withPicture.doc, 0, 'box');
    expect(findFrame(box.doc, box.frameId)!.frame).toMatchObject({ kind: 'box', id: 'box', strokePt: 0.5, stroke: { c: 0, m: 0, y: 0, k: 1 } });
    const rule = addFrame(box.doc, 0, 'rule');
    const ruleFrame = findFrame(rule.doc, rule.frameId)!.frame;
    expect(ruleFrame).toMatchObject({ kind: 'rule', id: 'rule', heightPt: doc.template.grid.linePitchPt });
    expect(ruleFrame.widthPt).toBeGreaterThan(ruleFrame.heightPt);
    expect(ruleFrame.widthPt).toBe(picture.widthPt);
    // Ids stay unique; the page's other frames are shared, untouched.
    expect(addFrame(rule.doc, 0, 'image').frameId).toBe('picture-2');
    expect(rule.doc.pages[0]!.frames.slice(0, doc.pages[0]!.frames.length)).toEqual(doc.pages[0]!.frames);
    expect(() => addFrame(doc, 5, 'box')).toThrow(/no page 6/);
  });

  it('sets a box’s stroke and label and a rule’s stroke; refuses what does not fit', () => {
    const { doc: drawn, frameId } = addFrame(doc, 0, 'box');
    const labelled = setStrokeSettings(drawn, frameId, { strokePt: 1, label: ' 广告 ' });
    expect(findFrame(labelled, frameId)!.frame).toMatchObject({ strokePt: 1, label: '广告' });
    expect(setStrokeSettings(labelled, frameId, { strokePt: 1, label: '广告' })).toBe(labelled);
    const unlabelled = setStrokeSettings(labelled, frameId, { label: '' });
    expect('label' in findFrame(unlabelled, frameId)!.frame).toBe(false);
    expect(findFrame(setStrokeSettings(unlabelled, frameId, { strokePt: 0 }), frameId)!.frame).toMatchObject({ strokePt: 0 });
    expect(() => setStrokeSettings(drawn, frameId, { strokePt: -1 })).toThrow(/box's stroke must be between 0 and 12 pt/);
    expect(() => setStrokeSettings(drawn, frameId, { strokePt: Number.NaN })).toThrow(RangeError);
    const { doc: ruled, frameId: ruleId } = addFrame(doc, 0, 'rule');
    expect(() => setStrokeSettings(ruled, ruleId, { strokePt: 0 })).toThrow(/rule's stroke must be more than 0/);
    expect(() => setStrokeSettings(ruled, ruleId, { label: 'x' })).toThrow(/no label/);
    expect(() => setStrokeSettings(doc, 'photo', { strokePt: 1 })).toThrow(/not a box or a rule/);
  });
});

describe('threading frames', () => {
  it('threads a frame on into another, which then shows the same story', () => {
    const next = threadFrames(doc, 'lead-2', 'bikes');
    const lead2 = findFrame(next, 'lead-2')!.frame;
    const bikes = findFrame(next, 'bikes')!.frame;
    expect(lead2.kind === 'text' && lead2.nextFrameId).toBe('bikes');
    expect(bikes.kind === 'text' && bikes.storyId).toBe('lead');
    expect(findFrame(doc, 'bikes')!.frame.kind === 'text' && (findFrame(doc, 'bikes')!.frame as { storyId: string }).storyId).toBe('bikes');
  });

  it('unthreads, and refuses loops, non-text frames and targets already continuing another frame', () => {
    const cut = threadFrames(doc, 'lead-1', null);
    const lead1 = findFrame(cut, 'lead-1')!.frame;
    expect(lead1.kind === 'text' && lead1.nextFrameId).toBeUndefined();
    // Regression: the frames after the cut no longer set the story again from its start; they show a new,
    // empty story and stay threaded among themselves.
    const lead2 = findFrame(cut, 'lead-2')!.frame;
    expect(lead2.kind === 'text' && lead2.storyId).not.toBe('lead');
    const continued = lead2.kind === 'text' ? cut.stories[lead2.storyId]! : undefined;
    expect(continued?.name).toMatch(/断开的后续框/);
    expect(JSON.stringify(continued?.doc)).not.toMatch(/"text"/);
    expect(framesOfStory(cut, 'lead')).toEqual(['lead-head', 'lead-1']);
    expect(() => threadFrames(doc, 'lead-2', 'lead-head')).toThrow(/circle/);
    expect(() => threadFrames(doc, 'lead-2', 'lead-2')).toThrow(/circle/);
    expect(() => threadFrames(doc, 'feature-1', 'lead-2')).toThrow(/already continues/);
    expect(() => threadFrames(doc, 'photo', 'bikes')).toThrow(RangeError);
    expect(() => threadFrames(doc, 'lead-2', 'ad-box')).toThrow(RangeError);
  });

  it('regression (issue 12): threading into the frame of a new, untouched story removes that story, not a written one', () => {
    const added = addTextFrame(doc, 0);
    const next = threadFrames(added.doc, 'bikes', added.frameId);
    expect(findFrame(next, added.frameId)!.frame).toMatchObject({ storyId: 'bikes' });
    // No orphan 新稿件 left in the Stories list: the stories are the sample's again.
    expect(Object.keys(next.stories).sort()).toEqual(Object.keys(doc.stories).sort());
    // Written text stays in the document (unplaced) when its frame is given to another story.
    const written = replaceStoryDoc(added.doc, added.storyId, { type: 'doc', content: [{ type: 'columns', content: [{ type: 'paragraph', content: [{ type: 'text', text: '记者稿件' }] }] }] });
    expect(threadFrames(written, 'bikes', added.frameId).stories[added.storyId]).toBeDefined();
    // The (empty) story of frames cut off a thread goes too once threaded into, and the sample's stories stay.
    const cut = threadFrames(doc, 'lead-1', null);
    const detached = (findFrame(cut, 'lead-2')!.frame as { storyId: string }).storyId;
    const rejoined = threadFrames(cut, 'lead-1', 'lead-2');
    expect(rejoined.stories[detached]).toBeUndefined();
    expect(Object.keys(rejoined.stories).sort()).toEqual(Object.keys(doc.stories).sort());
    // Two new frames threaded: the second's story goes, the first (blank, but shown) stays.
    const second = addTextFrame(added.doc, 0);
    const chained = threadFrames(second.doc, added.frameId, second.frameId);
    expect(chained.stories[second.storyId]).toBeUndefined();
    expect(framesOfStory(chained, added.storyId)).toEqual([added.frameId, second.frameId]);
  });

  it('tells blank stories: white space only or the + Text placeholder; fields and written text are content', () => {
    const para = (...content: PmNodeJson[]): PmNodeJson => ({ type: 'doc', content: [{ type: 'columns', content: [{ type: 'paragraph', content }] }] });
    expect(isBlankStory(addTextFrame(doc, 0).doc.stories.story!.doc)).toBe(true);
    expect(isBlankStory(para())).toBe(true);
    expect(isBlankStory(para({ type: 'text', text: '\u3000 ' }))).toBe(true);
    expect(isBlankStory(para({ type: 'text', text: '正文' }))).toBe(false);
    expect(isBlankStory(para({ type: 'field', attrs: { name: 'date' } }))).toBe(false);
    expect(isBlankStory(doc.stories.bikes!.doc)).toBe(false);
  });
});

describe('text frame settings', () => {
  it('changes columns and the column rule of one frame only', () => {
    const next = setTextFrameSettings(doc, 'bikes', { columns: 3, columnRule: true });
    const bikes = findFrame(next, 'bikes')!.frame;
    expect(bikes.kind === 'text' && [bikes.columns, bikes.columnRule]).toEqual([3, true]);
    expect(findFrame(next, 'leidian')!.frame).toBe(findFrame(doc, 'leidian')!.frame);
    expect(() => setTextFrameSettings(doc, 'bikes', { columns: 0 })).toThrow(RangeError);
    expect(() => setTextFrameSettings(doc, 'bikes', { columns: 2.5 })).toThrow(RangeError);
    expect(() => setTextFrameSettings(doc, 'photo', { columns: 2 })).toThrow(RangeError);
  });
});

describe('line styles and corners (花线)', () => {
  const withRule = addFrame(doc, 0, 'rule');
  const withBox = addFrame(doc, 0, 'box');

  it('sets a rule’s style and raises a hairline to the lightest weight a two-line style takes', () => {
    const next = setStrokeSettings(withRule.doc, withRule.frameId, { lineStyle: 'thick-thin' });
    const rule = findFrame(next, withRule.frameId)!.frame;
    expect(rule).toMatchObject({ lineStyle: 'thick-thin', strokePt: MIN_COMPOUND_STROKE_PT });
    expect(() => setStrokeSettings(next, withRule.frameId, { strokePt: 0.5 })).toThrow(/at least 1.5 pt/);
    const solid = setStrokeSettings(next, withRule.frameId, { lineStyle: 'solid' });
    expect('lineStyle' in findFrame(solid, withRule.frameId)!.frame).toBe(false);
  });

  it('raises a box to the band a decorative border (花边) needs and refuses a finer one', () => {
    const wave = setStrokeSettings(withBox.doc, withBox.frameId, { lineStyle: 'wave' });
    expect(findFrame(wave, withBox.frameId)!.frame).toMatchObject({ lineStyle: 'wave', strokePt: MIN_DECORATIVE_STROKE_PT });
    expect(() => setStrokeSettings(wave, withBox.frameId, { strokePt: 2 })).toThrow(/decorative border needs a weight of at least 3 pt/);
    const heavier = setStrokeSettings(wave, withBox.frameId, { strokePt: 4.5 });
    expect(findFrame(heavier, withBox.frameId)!.frame).toMatchObject({ strokePt: 4.5 });
    // Going back to a plain style keeps the weight the border had.
    expect(findFrame(setStrokeSettings(heavier, withBox.frameId, { lineStyle: 'solid' }), withBox.frameId)!.frame).toMatchObject({ strokePt: 4.5 });
  });

  it('rounds a box’s corners and squares them again; refuses corners on a rule and unknown styles', () => {
    const rounded = setStrokeSettings(withBox.doc, withBox.frameId, { cornerRadiusPt: 8, lineStyle: 'dashed' });
    expect(findFrame(rounded, withBox.frameId)!.frame).toMatchObject({ cornerRadiusPt: 8, lineStyle: 'dashed', strokePt: 0.5 });
    const square = setStrokeSettings(rounded, withBox.frameId, { cornerRadiusPt: 0 });
    expect('cornerRadiusPt' in findFrame(square, withBox.frameId)!.frame).toBe(false);
    expect(() => setStrokeSettings(withRule.doc, withRule.frameId, { cornerRadiusPt: 4 })).toThrow(/no corners/);
    expect(() => setStrokeSettings(withBox.doc, withBox.frameId, { cornerRadiusPt: 400 })).toThrow(/corner radius/);
    expect(() => setStrokeSettings(withBox.doc, withBox.frameId, { lineStyle: 'wavy' as never })).toThrow(/not a line style/);
  });

  it('sets a text frame’s column-rule style (solid is stored as none)', () => {
    const styled = setTextFrameSettings(doc, 'lead-1', { columnRule: true, columnRuleStyle: 'dotted' });
    expect(findFrame(styled, 'lead-1')!.frame).toMatchObject({ columnRule: true, columnRuleStyle: 'dotted' });
    const plain = setTextFrameSettings(styled, 'lead-1', { columnRuleStyle: 'solid' });
    expect('columnRuleStyle' in findFrame(plain, 'lead-1')!.frame).toBe(false);
  });
});
