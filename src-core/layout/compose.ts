/**
 * The page composer: a whole document to one PageLayout per page, incrementally.
 *
 * 1. Prepare: the page grid, style resolver and typography options from the document's template.
 * 2. Thread: find every story's frames in reading order (thread.ts).
 * 3. Flow: for each thread, reuse the cached placement when the story, its frames, their pages, the
 *    template and the issue are unchanged; otherwise collect its blocks (blocks.ts) and flow them
 *    (flow.ts), composing paragraphs through the paragraph cache (cache.ts).
 * 4. Assemble: per page, frames in paint order — text frames take their story's items, image, box and rule
 *    frames their own (frames.ts); overset goes to the page of a thread's last frame, copyfit and
 *    story-level warnings to the page of its first.
 *    A page assembled from the same values as last time is the previous PageLayout object (cache.ts, page cache).
 * 5. Sweep: cache entries the compose did not use are dropped.
 * Output is deterministic: the same document gives the same JSON, warm or cold.
 */
import type { FolioDocument, Page, PmNodeJson } from '../model/document.js';
import { mmToPt } from '../model/units.js';
import type { FontProvider } from '../text/font.js';
import { collectBlocks } from './blocks.js';
import { emptyStats, optionsKey, PageCache, ParagraphCache, type ComposerStats } from './cache.js';
import { flowStory, type StoryLayout } from './flow.js';
import { layoutBoxFrame, layoutImageFrame, layoutRuleFrame } from './frames.js';
import { createPageGrid } from './grid.js';
import type { ComposeNotice } from './notice.js';
import type { CopyfitEntry, LayoutItem, LayoutWarning, LineBox, OversetEntry, PageLayout } from './page-layout.js';
import type { ComposedParagraph, ParagraphInput } from './line.js';
import { StyleResolver } from './styles.js';
import { collectThreads, type StoryThread } from './thread.js';
import { collectWrapObstacles } from './wrap.js';

export type { ComposerStats } from './cache.js';
export type { ComposeNotice, ComposeNoticeCode } from './notice.js';

/** The composed document: one PageLayout per page, in `doc.pages` order, plus data notices. */
export interface DocumentLayout {
  pages: PageLayout[];
  /** Problems with the document's data (missing styles, fields, stories; broken threads). */
  notices: readonly ComposeNotice[];
}

/** Composes documents, keeping caches between calls so an edit re-composes only what changed. */
export interface Composer {
  /**
   * Lays out every page. Deterministic; never mutates `doc`. Documents are immutable values: a changed
   * story or template must be a new object (as transactions and commands produce), not edited in place.
   */
  compose(doc: FolioDocument): DocumentLayout;
  /** Cumulative cache counters since creation or the last `resetStats()`. */
  readonly stats: Readonly<ComposerStats>;
  /** Zeroes the counters (caches are kept). */
  resetStats(): void;
}

/** Options of a composer. */
export interface ComposerOptions {
  /**
   * Told of every paragraph (or paragraph continuation re-set at a new width) composed afresh, with
   * its input and result; cache hits are not reported. For quality reports and preflight: a fresh
   * composer reports every paragraph of the document. Must not mutate what it is given.
   */
  onParagraph?: (input: ParagraphInput, result: ComposedParagraph) => void;
}

/** A cached story placement and the side effects to replay on reuse. */
interface StoryEntry {
  /** The story document the entry was placed from (identity: documents are immutable values). */
  storyDoc: PmNodeJson;
  /** JSON of that story document. */
  docJson: string;
  /**
   * JSON of the template (the one string `jsonOf` keeps per template object, so an unchanged template compares
   * by identity, not by its tens of kilobytes) and of the issue.
   */
  templateJson: string;
  issueJson: string;
  /** Key of the thread's frames and pages. */
  key: string;
  layout: StoryLayout;
  warnings: readonly LayoutWarning[];
  notices: readonly ComposeNotice[];
}

/** JSON of immutable values, computed once per object (templates are shared by every compose of a document). */
const jsonCache = new WeakMap<object, string>();
function jsonOf(value: object): string {
  let json = jsonCache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonCache.set(value, json);
  }
  return json;
}

/**
 * Per page value, the key part of each of its text frames (the frame, the page's names, the wrap obstacles on
 * it): pages are immutable values, so an unchanged page's keys are not serialised again on every compose.
 */
const frameKeyCache = new WeakMap<object, Map<string, string>>();
function frameKeyOf(tf: StoryThread['frames'][number]): string {
  let byFrame = frameKeyCache.get(tf.page);
  if (!byFrame) {
    byFrame = new Map();
    frameKeyCache.set(tf.page, byFrame);
  }
  let key = byFrame.get(tf.frame.id);
  if (key === undefined) {
    key = `${JSON.stringify(tf.frame)}:${tf.page.id}:${tf.page.name}:${tf.page.section}:${JSON.stringify(collectWrapObstacles(tf.page, tf.frame.id))}`;
    byFrame.set(tf.frame.id, key);
  }
  return key;
}

/** Key of everything about a thread's frames and pages that its placement depends on. */
function threadKey(thread: StoryThread): string {
  return thread.frames.map((tf) => `${tf.pageIndex}@${frameKeyOf(tf)}`).join('\u0001');
}

/**
 * Creates a composer over a font provider (fonts must be loaded before composing).
 */
export function createComposer(fonts: FontProvider, options: ComposerOptions = {}): Composer {
  const stats = emptyStats();
  const paragraphs = new ParagraphCache(stats);
  const pageCache = new PageCache(stats);
  let stories = new Map<string, StoryEntry>();

  const compose = (doc: FolioDocument): DocumentLayout => {
    stats.composes++;
    const template = doc.template;
    const notices: ComposeNotice[] = [];
    const furnitureWarnings: LayoutWarning[] = [];
    const resolver = new StyleResolver(template, fonts, (w) => furnitureWarnings.push(w), (n) => notices.push(n));
    const grid = createPageGrid(template);
    const env = {
      grid, paragraphs, options: template.typography, optionsKey: optionsKey(template.typography),
      jumpStyle: resolver.resolveJumpLine('jump'), onParagraph: options.onParagraph,
    };
    const templateJson = jsonOf(template);
    const issueJson = JSON.stringify(doc.issue);

    const pageWarnings: LayoutWarning[][] = doc.pages.map(() => []);
    const pageOverset: OversetEntry[][] = doc.pages.map(() => []);
    const pageCopyfit: CopyfitEntry[][] = doc.pages.map(() => []);
    // Warnings about page furniture (jump-line style, box label font) belong to the first page.
    pageWarnings[0]!.push(...furnitureWarnings);

    const byFrame = new Map<string, StoryLayout>();
    const nextStories = new Map<string, StoryEntry>();
    for (const thread of collectThreads(doc, (n) => notices.push(n))) {
      const head = thread.frames[0]!;
      const story = doc.stories[thread.storyId];
      if (!story) {
        notices.push({ code: 'missing-story', message: `Frame "${head.frame.id}" on page ${head.page.name} shows story "${thread.storyId}", which the document lacks`, storyId: thread.storyId, frameId: head.frame.id, pageId: head.page.id });
        continue;
      }
      const cacheId = `${thread.storyId}\u0000${head.frame.id}`;
      const key = threadKey(thread);
      let entry = stories.get(cacheId);
      // Same document object: unchanged (immutable state). Otherwise compare JSON, so an equal copy still hits.
      const docJson = entry && entry.storyDoc === story.doc ? entry.docJson : JSON.stringify(story.doc);
      if (entry && entry.templateJson === templateJson && entry.issueJson === issueJson && entry.key === key && entry.docJson === docJson) {
        stats.storyHits++;
        paragraphs.touch(entry.layout.paragraphKeys);
      } else {
        stats.storyMisses++;
        const storyWarnings: LayoutWarning[] = [];
        const storyNotices: ComposeNotice[] = [];
        const storyResolver = new StyleResolver(template, fonts, (w) => storyWarnings.push(w), (n) => storyNotices.push(n));
        const content = collectBlocks(story.doc, story.id, storyResolver, { issue: doc.issue, page: head.page, pageIndex: head.pageIndex }, (n) => storyNotices.push(n));
        const layout = flowStory(content, thread, env);
        entry = { storyDoc: story.doc, docJson, templateJson, issueJson, key, layout, warnings: storyWarnings.map((w) => ({ ...w, frameId: head.frame.id })), notices: storyNotices.map((n) => ({ ...n, pageId: head.page.id })) };
      }
      nextStories.set(cacheId, entry);
      const last = thread.frames[thread.frames.length - 1]!;
      pageWarnings[head.pageIndex]!.push(...entry.warnings);
      notices.push(...entry.notices);
      pageCopyfit[head.pageIndex]!.push(entry.layout.copyfit);
      if (entry.layout.overset) pageOverset[last.pageIndex]!.push(entry.layout.overset);
      for (const tf of thread.frames) byFrame.set(tf.frame.id, entry.layout);
    }
    stories = nextStories;

    const trimWidthPt = mmToPt(template.page.trimWidthMm);
    const trimHeightPt = mmToPt(template.page.trimHeightMm);
    const bleedPt = mmToPt(template.page.bleedMm);
    const assemblePage = (page: Page, pageIndex: number): PageLayout => {
      const items: LayoutItem[] = [];
      const lines: LineBox[] = [];
      const warnings = pageWarnings[pageIndex]!;
      for (const frame of page.frames) {
        switch (frame.kind) {
          case 'text': {
            const out = byFrame.get(frame.id)?.byFrame.get(frame.id);
            if (!out) break;
            items.push(...out.items);
            lines.push(...out.lines);
            warnings.push(...out.warnings);
            break;
          }
          case 'image':
            items.push(...layoutImageFrame(frame, doc, page.name, warnings, page.mono === true));
            break;
          case 'box':
            items.push(...layoutBoxFrame(frame, resolver.bodyFont, warnings));
            break;
          case 'rule':
            items.push(...layoutRuleFrame(frame));
            break;
        }
      }
      return {
        pageId: page.id, pageName: page.name, trimWidthPt, trimHeightPt, bleedPt, typeArea: grid.typeArea,
        items, lines, overset: pageOverset[pageIndex]!, copyfit: pageCopyfit[pageIndex]!, warnings,
      };
    };
    const furnitureKey = JSON.stringify(furnitureWarnings);
    const pages: PageLayout[] = doc.pages.map((page, pageIndex) => {
      // Everything the page is assembled from below; warnings on page 0 include fresh furniture warnings, so
      // those count by value.
      const deps: unknown[] = [page, pageIndex, template, doc.assets, pageIndex === 0 ? furnitureKey : '', ...pageOverset[pageIndex]!, '|', ...pageCopyfit[pageIndex]!, '|'];
      for (const w of pageWarnings[pageIndex]!) if (!furnitureWarnings.includes(w)) deps.push(w);
      deps.push('|');
      for (const frame of page.frames) if (frame.kind === 'text') deps.push(byFrame.get(frame.id)?.byFrame.get(frame.id));
      return pageCache.getOrBuild(page.id, deps, () => assemblePage(page, pageIndex));
    });
    pageCache.sweep();
    paragraphs.sweep();
    return { pages, notices };
  };

  return {
    compose,
    get stats() {
      return stats;
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
  };
}
