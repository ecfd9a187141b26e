/**
 * Composer caches, kept between composes so an edit re-composes only what changed.
 *
 * 1. Paragraph cache: composed pieces keyed by everything that decides their lines — the runs (text, font
 *    id, size, colour, tracking, virtual position), the width, indent, alignment and typography options.
 *    Positions are virtual (from 0 in each piece), so a paragraph moved by an edit above it still hits.
 * 2. Story cache: a story's placed result keyed by its JSON, its thread's frames and pages, the template
 *    and the issue; an unchanged story is reused whole.
 * 3. Sweeping: an entry not used by the latest compose is dropped after it, so memory follows the document.
 * 4. Page cache: a page's finished PageLayout is reused (the same object) when everything it is assembled from is
 *    the same — the page value, its index, the template, the assets and, by identity, each text frame's output and
 *    the overset, copyfit and warning entries placed on it. Views compare layouts by identity, so a keystroke on
 *    page 20 of 32 redraws page 20 (and the pages a threaded story reflows onto), not every thumbnail.
 * 5. Stats: cumulative hit/miss counters, so tests and benchmarks can see what was reused.
 */
import type { TypographyOptions } from '../model/template.js';
import type { ComposedParagraph, InlineRun } from './line.js';
import type { PageLayout } from './page-layout.js';
import { textEffectsKey } from './text-effects.js';

/** Cumulative cache counters of a composer. */
export interface ComposerStats {
  /** Pieces (paragraphs or hard-break parts) taken from the cache. */
  paragraphHits: number;
  /** Pieces composed afresh. */
  paragraphMisses: number;
  /** Stories whose placed result was reused whole. */
  storyHits: number;
  /** Stories placed afresh. */
  storyMisses: number;
  /** Pages whose previous PageLayout object was returned unchanged. */
  pageHits: number;
  /** Pages assembled afresh. */
  pageMisses: number;
  /** Number of `compose` calls. */
  composes: number;
}

/** Creates zeroed stats. */
export function emptyStats(): ComposerStats {
  return { paragraphHits: 0, paragraphMisses: 0, storyHits: 0, storyMisses: 0, pageHits: 0, pageMisses: 0, composes: 0 };
}

/**
 * A map whose entries survive only while used: `sweep()` drops every entry not read or written since the
 * previous sweep. Iteration order is irrelevant; lookups only.
 */
export class SweptCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  /** The value for `key`, promoting it into the current generation. */
  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.current.set(key, old);
    return old;
  }

  /** Stores a value in the current generation. */
  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  /** Ends a generation: entries not touched since the last sweep are dropped. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Number of live entries (both generations, a key counted once). */
  get size(): number {
    let n = this.current.size;
    for (const key of this.previous.keys()) if (!this.current.has(key)) n++;
    return n;
  }
}

/** Compact key of a CMYK colour. */
function colourKey(c: { c: number; m: number; y: number; k: number }): string {
  return `${c.c},${c.m},${c.y},${c.k}`;
}

/** Key of typography options (stable field order). */
export function optionsKey(o: TypographyOptions): string {
  return `${o.hangingPunctuation ? 1 : 0},${o.adjacentPunctuationEm},${o.trimLineStartBracket ? 1 : 0},${o.combineQuestionExclamation ? 1 : 0},${o.hanLatinGapEm},${o.punctuationStyle}`;
}

/**
 * Cache key of one paragraph composition. Everything `composeParagraph` reads is in it: the line-width
 * function gives `measuresPt[i]` for the first lines (where a text wrap narrows them) and `widthPt` after,
 * so those values are.
 */
export function paragraphKey(
  runs: readonly InlineRun[],
  widthPt: number,
  firstLineIndentPt: number,
  align: string,
  optsKey: string,
  measuresPt: readonly number[] = [],
): string {
  let key = `${widthPt.toFixed(4)}|${firstLineIndentPt.toFixed(4)}|${align}|${optsKey}`;
  if (measuresPt.length > 0) key += `|${measuresPt.map((m) => m.toFixed(4)).join(',')}`;
  for (const r of runs) {
    key += `\u0001${r.font.id}/${r.sizePt}/${r.scaleX ?? 1}x${r.scaleY ?? 1}/${colourKey(r.colour)}/${r.trackingEm}/${r.baselineShiftPt ?? 0}/${r.fromPos}\u0002${r.text}`;
    if (r.effects) key += `\u0003${textEffectsKey(r.effects)}`;
  }
  return key;
}

/** A cache of composed paragraphs with hit/miss counting. */
export class ParagraphCache {
  private readonly entries = new SweptCache<ComposedParagraph>();

  constructor(private readonly stats: ComposerStats) {}

  /** The cached result for `key`, or the result of `compose()` (then cached). */
  getOrCompose(key: string, compose: () => ComposedParagraph): ComposedParagraph {
    const hit = this.entries.get(key);
    if (hit) {
      this.stats.paragraphHits++;
      return hit;
    }
    this.stats.paragraphMisses++;
    const result = compose();
    this.entries.set(key, result);
    return result;
  }

  /** Marks entries as used without counting a hit (a reused story keeps its paragraphs alive). */
  touch(keys: readonly string[]): void {
    for (const key of keys) this.entries.get(key);
  }

  /** Ends a compose: drops paragraphs the latest compose did not use. */
  sweep(): void {
    this.entries.sweep();
  }

  /** Live entry count. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * Finished pages of the previous compose, keyed by page id, each with the values it was assembled from.
 * Dependencies are compared by identity (`===`, in order): the composer's inputs are immutable values and its
 * story cache hands back the same objects for an unchanged story, so equal identities mean an equal page.
 */
export class PageCache {
  private previous = new Map<string, { deps: readonly unknown[]; layout: PageLayout }>();
  private current = new Map<string, { deps: readonly unknown[]; layout: PageLayout }>();

  constructor(private readonly stats: ComposerStats) {}

  /** The previous layout of `pageId` when `deps` are the same values as then, else `build()`'s (then cached). */
  getOrBuild(pageId: string, deps: readonly unknown[], build: () => PageLayout): PageLayout {
    const old = this.previous.get(pageId);
    if (old && sameDeps(old.deps, deps)) {
      this.stats.pageHits++;
      this.current.set(pageId, old);
      return old.layout;
    }
    this.stats.pageMisses++;
    const layout = build();
    this.current.set(pageId, { deps, layout });
    return layout;
  }

  /** Ends a compose: only the pages it produced stay. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
