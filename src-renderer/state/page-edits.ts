/**
 * Page edits for the Pages panel: add a page from a template, reorder and delete pages — immutable, each
 * returning a new document — and the jump lines a composed page carries.
 *
 * 1. `addPageFromTemplate` checks the template sets pages of the document's size and grid, then inserts a page
 *    holding the template's starter frames (page furniture) and fresh copies of their stories, every id made
 *    unique in the document; paragraph and character styles the starter text needs but the document's
 *    template lacks are copied into it.
 * 2. `movePage` / `removePage` change the page order; a removed page's frames go (threads through them are
 *    rejoined, as when deleting a frame) while its stories stay in the document.
 * 3. After every change `renumberPages` names pages by position within their section letter (A01, A02, …):
 *    page names are what the composer prints in jump lines (下转第N版) and the page-header field, so a
 *    reordered page set renumbers them.
 * 4. `jumpLinesOf` reads the jump lines off a PageLayout: the runs the composer marked as jump lines.
 */
import type { JumpDirection, PageLayout } from '../../src-core/layout/page-layout.js';
import type { FolioDocument, Frame, Page, Story } from '../../src-core/model/document.js';
import type { Template } from '../../src-core/model/template.js';
import { removeFrame } from './document-edits.js';
import { UiMessageError, type UiMessage } from './ui-message.js';

/** Difference in page size or grid below which two templates count as the same, mm / pt. */
const SAME_SIZE_EPSILON = 1e-6;

/** A page name made of a section prefix and a number (A01, B3, 12). */
const NUMBERED_PAGE = /^(\D*)(\d+)$/;

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Why a template cannot add pages to this document (different trim size or grid), as a message to show, or
 * undefined when it can. Pages of one document share the document's template snapshot, so page size and grid
 * must match.
 */
export function templateMismatch(doc: FolioDocument, template: Template): UiMessage | undefined {
  const a = doc.template;
  const near = (x: number, y: number) => Math.abs(x - y) < SAME_SIZE_EPSILON;
  if (!near(a.page.trimWidthMm, template.page.trimWidthMm) || !near(a.page.trimHeightMm, template.page.trimHeightMm)) {
    return { key: 'edits.templateSize', values: { template: template.name, widthMm: template.page.trimWidthMm, heightMm: template.page.trimHeightMm, docWidthMm: a.page.trimWidthMm, docHeightMm: a.page.trimHeightMm } };
  }
  if (JSON.stringify(a.grid) !== JSON.stringify(template.grid) || !near(a.page.typeAreaLeftMm, template.page.typeAreaLeftMm) || !near(a.page.typeAreaTopMm, template.page.typeAreaTopMm)) {
    return { key: 'edits.templateGrid', values: { template: template.name } };
  }
  return undefined;
}

/**
 * Names pages by their position within their section prefix (A01, A02 … B01), keeping the number of digits.
 * Pages whose names are not prefix + number are left alone. Unchanged pages keep their identity.
 */
export function renumberPages(pages: readonly Page[]): Page[] {
  const counts = new Map<string, number>();
  return pages.map((page) => {
    const m = NUMBERED_PAGE.exec(page.name);
    if (!m) return page;
    const n = (counts.get(m[1]) ?? 0) + 1;
    counts.set(m[1], n);
    const name = `${m[1]}${String(n).padStart(m[2].length, '0')}`;
    return name === page.name ? page : { ...page, name };
  });
}

/** Result of `addPageFromTemplate`: the new document and the index of the page added. */
export interface AddedPage {
  doc: FolioDocument;
  pageIndex: number;
}

/**
 * Inserts a page made from `template`'s starter (frames and their stories, with fresh ids) at `atIndex`
 * (default: the end). The new page takes the section of the page before it and is numbered by position.
 * @throws RangeError when the template's page size or grid differs from the document's, or `atIndex` is out of range
 */
export function addPageFromTemplate(doc: FolioDocument, template: Template, atIndex: number = doc.pages.length): AddedPage {
  const mismatch = templateMismatch(doc, template);
  if (mismatch) throw new UiMessageError(mismatch.key, mismatch.values);
  if (!(Number.isInteger(atIndex) && atIndex >= 0 && atIndex <= doc.pages.length)) {
    throw new UiMessageError('edits.insertPageAt', { max: doc.pages.length + 1, at: String(atIndex + 1) });
  }
  const frameIds = new Set(doc.pages.flatMap((p) => p.frames.map((f) => f.id)));
  const pageIds = new Set(doc.pages.map((p) => p.id));
  const storyIds = new Set(Object.keys(doc.stories));
  const pageId = uniqueId(`page-${doc.pages.length + 1}`, (id) => pageIds.has(id));

  const storyIdMap = new Map<string, string>();
  for (const story of template.starter.stories) {
    const id = uniqueId(story.id, (candidate) => storyIds.has(candidate));
    storyIds.add(id);
    storyIdMap.set(story.id, id);
  }
  const frameIdMap = new Map<string, string>();
  for (const frame of template.starter.frames) {
    const id = uniqueId(frame.id, (candidate) => frameIds.has(candidate));
    frameIds.add(id);
    frameIdMap.set(frame.id, id);
  }
  const frames = template.starter.frames.map((frame): Frame => {
    const id = frameIdMap.get(frame.id)!;
    if (frame.kind !== 'text') return { ...frame, id };
    const { nextFrameId, ...rest } = frame;
    const next = nextFrameId ? frameIdMap.get(nextFrameId) : undefined;
    return { ...rest, id, storyId: storyIdMap.get(frame.storyId) ?? frame.storyId, ...(next ? { nextFrameId: next } : {}) };
  });

  const previous = doc.pages[Math.max(0, atIndex - 1)];
  const prefix = previous ? (NUMBERED_PAGE.exec(previous.name)?.[1] ?? '') : '';
  const page: Page = { id: pageId, name: `${prefix}${String(atIndex + 1).padStart(2, '0')}`, section: '', frames };
  const pages = doc.pages.slice();
  pages.splice(atIndex, 0, page);
  const renumbered = renumberPages(pages);

  // Story names stay the template's (报眉 Page header): page names change on reorder, so naming a story after
  // its page would go stale; the header's own {page} field shows the current name.
  const stories: Record<string, Story> = { ...doc.stories };
  for (const story of template.starter.stories) {
    const id = storyIdMap.get(story.id)!;
    stories[id] = { id, name: story.name, doc: story.doc };
  }

  // Starter text may name styles (pageHeader, …) this document's template lacks: bring them along.
  const missingParagraph = Object.entries(template.paragraphStyles).filter(([key]) => !(key in doc.template.paragraphStyles));
  const missingCharacter = Object.entries(template.characterStyles).filter(([key]) => !(key in doc.template.characterStyles));
  const docTemplate = missingParagraph.length + missingCharacter.length === 0 ? doc.template : {
    ...doc.template,
    paragraphStyles: { ...doc.template.paragraphStyles, ...Object.fromEntries(missingParagraph) },
    characterStyles: { ...doc.template.characterStyles, ...Object.fromEntries(missingCharacter) },
  };
  return { doc: { ...doc, template: docTemplate, pages: renumbered, stories }, pageIndex: atIndex };
}

/**
 * Moves the page at `from` to position `to` (both 0-based) and renumbers the pages.
 * @throws RangeError for positions outside the document
 */
export function movePage(doc: FolioDocument, from: number, to: number): FolioDocument {
  const n = doc.pages.length;
  const ok = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  if (!ok(from) || !ok(to)) throw new UiMessageError('edits.movePageRange', { count: n, from: String(from + 1), to: String(to + 1) });
  if (from === to) return doc;
  const pages = doc.pages.slice();
  const [page] = pages.splice(from, 1);
  pages.splice(to, 0, page);
  return { ...doc, pages: renumberPages(pages) };
}

/**
 * Removes the page at `index`: its frames go (a story threaded through them continues from the frame before
 * to the frame after), its stories stay in the document, and the pages are renumbered.
 * @throws RangeError for the last remaining page or an index outside the document
 */
export function removePage(doc: FolioDocument, index: number): FolioDocument {
  if (!(Number.isInteger(index) && index >= 0 && index < doc.pages.length)) throw new UiMessageError('edits.noPage', { page: index + 1 });
  if (doc.pages.length === 1) throw new UiMessageError('edits.lastPage');
  let next = doc;
  for (const frame of doc.pages[index].frames) next = removeFrame(next, frame.id);
  const pages = next.pages.filter((_, i) => i !== index);
  return { ...next, pages: renumberPages(pages) };
}

/** A jump line on a page: its text (e.g. 下转第2版), which way it points and the frame it is set in. */
export interface JumpLine {
  frameId: string;
  direction: JumpDirection;
  text: string;
}

/**
 * The jump lines (下转第N版 / 上接第N版) the composer set on a page, in layout order: the runs it marked
 * `jump`, one entry per frame, direction and baseline (a line set in several runs is joined).
 */
export function jumpLinesOf(layout: PageLayout): JumpLine[] {
  const jumps = new Map<string, JumpLine>();
  for (const item of layout.items) {
    if (item.kind !== 'glyphs' || !item.jump || !item.frameId) continue;
    const key = `${item.frameId}|${item.jump}|${item.baselineYPt}`;
    const text = item.glyphs.map((g) => g.text).join('');
    const entry = jumps.get(key);
    if (entry) entry.text += text;
    else jumps.set(key, { frameId: item.frameId, direction: item.jump, text });
  }
  return [...jumps.values()];
}
