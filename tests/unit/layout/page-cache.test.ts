/**
 * The composer's page cache (issue 14 item 6): an edit re-assembles only the pages whose content changed, and
 * every other page is the previous PageLayout object, so views that compare by identity redraw only those.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import type { FolioDocument, Story } from '../../../src-core/model/document.js';
import { bodyText, broadsheet, cols, documentOf, p, story, testFonts, textFrame } from './fixtures.js';

const tpl = broadsheet();
const fonts = testFonts();

/** Three pages: a story on each, and a story threaded from page 2 onto page 3. */
function issue(): FolioDocument {
  const stories = [story('a', cols(p(bodyText(200, 1)))), story('b', cols(p(bodyText(200, 2)))), story('c', cols(p(bodyText(200, 3)))), story('jump', cols(p(bodyText(900, 4))))];
  return documentOf(stories, [
    { id: 'p1', name: 'A01', frames: [textFrame(tpl, 'fa', 'a', [0, 2, 0, 20])] },
    { id: 'p2', name: 'A02', frames: [textFrame(tpl, 'fb', 'b', [0, 2, 0, 20]), textFrame(tpl, 'fj1', 'jump', [2, 2, 0, 10], { nextFrameId: 'fj2' })] },
    { id: 'p3', name: 'A03', frames: [textFrame(tpl, 'fc', 'c', [0, 2, 0, 20]), textFrame(tpl, 'fj2', 'jump', [2, 2, 0, 40])] },
  ], tpl);
}

/** The document with one character typed at the start of story `id`'s first paragraph. */
function typed(doc: FolioDocument, id: string): FolioDocument {
  const s = doc.stories[id]!;
  const columns = s.doc.content![0]!;
  const para = columns.content![0]!;
  const text = para.content![0]!;
  const next: Story = { ...s, doc: { ...s.doc, content: [{ ...columns, content: [{ ...para, content: [{ ...text, text: `新${text.text}` }] }] }] } };
  return { ...doc, stories: { ...doc.stories, [id]: next } };
}

describe('page cache', () => {
  it('a keystroke in a one-page story re-assembles that page only; the others are the same objects', () => {
    const composer = createComposer(fonts);
    const doc = issue();
    const before = composer.compose(doc).pages;
    composer.resetStats();
    const after = composer.compose(typed(doc, 'b')).pages;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(composer.stats).toMatchObject({ pageHits: 2, pageMisses: 1, storyMisses: 1 });
  });

  it('a keystroke in a threaded story re-assembles the pages of its thread, and warm equals cold', () => {
    const composer = createComposer(fonts);
    const doc = issue();
    const before = composer.compose(doc).pages;
    const edited = typed(doc, 'jump');
    const after = composer.compose(edited).pages;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(JSON.stringify(after)).toBe(JSON.stringify(createComposer(fonts).compose(edited).pages));
  });

  it('an unchanged document returns every page object again; a moved page is re-assembled (its jump lines renumber)', () => {
    const composer = createComposer(fonts);
    const doc = issue();
    const first = composer.compose(doc).pages;
    const again = composer.compose(doc).pages;
    for (let i = 0; i < first.length; i++) expect(again[i]).toBe(first[i]);
    const moved: FolioDocument = { ...doc, pages: [doc.pages[1]!, doc.pages[0]!, doc.pages[2]!] };
    composer.resetStats();
    const after = composer.compose(moved).pages;
    expect(after[0]).not.toBe(first[1]);
    expect(after[1]).not.toBe(first[0]);
    expect(JSON.stringify(after)).toBe(JSON.stringify(createComposer(fonts).compose(moved).pages));
  });
});
