/**
 * The preflight list's findings, kept current off the keystroke's path (issue 14 item 6): preflight reads every
 * page of the issue, so on 32 pages running it inside each keystroke's update would cost more than composing
 * the page typed on.
 *
 * 1. An effect reads what findings depend on (document, layouts, asset facts, fonts, preset) without running
 *    preflight, and schedules a run in a later task.
 * 2. The run waits for a pause of `PREFLIGHT_QUIET_MS` in the changes (a burst of typing is one run, after it),
 *    but never longer than `PREFLIGHT_MAX_WAIT_MS` after the first change it has not shown: typing without a
 *    pause still refreshes the list every few seconds, and the last change is always followed by a run.
 * Must be created while a component initialises (it owns an effect).
 */
import type { FolioSession } from './session.svelte.js';
import { collectFindings, type Finding } from './findings.js';

/** A pause in the changes this long (ms) runs preflight: longer than the gap between keystrokes of fast typing. */
export const PREFLIGHT_QUIET_MS = 400;
/** Longest a change waits to be shown in the list (ms) while changes keep coming. */
export const PREFLIGHT_MAX_WAIT_MS = 2000;

/** Findings of the session's document, refreshed after changes (see the module summary). */
export class LiveFindings {
  /** The latest findings (empty before the first run and without a document). */
  findings = $state.raw<Finding[]>([]);
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet shown came (ms, performance.now()), or null when all are shown. */
  private pendingSinceMs: number | null = null;
  /** The document generation the latest scheduling was for. */
  private shownGeneration = -1;

  /** @param sessionOf the session (a getter: a component's props may be replaced) */
  constructor(private readonly sessionOf: () => FolioSession) {
    $effect(() => {
      const session = sessionOf();
      void session.doc;
      void session.layouts;
      void session.assetInfo;
      void session.fonts;
      void session.exportPreset;
      this.schedule(session.documentGeneration);
    });
    $effect(() => () => {
      if (this.timer !== null) clearTimeout(this.timer);
    });
  }

  /** @param generation the session's document generation: a newly opened document's findings are wanted at once */
  private schedule(generation: number): void {
    const now = performance.now();
    const first = generation !== this.shownGeneration;
    this.shownGeneration = generation;
    this.pendingSinceMs ??= now;
    if (this.timer !== null) clearTimeout(this.timer);
    const waitMs = first ? 0 : Math.max(0, Math.min(PREFLIGHT_QUIET_MS, this.pendingSinceMs + PREFLIGHT_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.run(), waitMs);
  }

  private run(): void {
    this.timer = null;
    this.pendingSinceMs = null;
    const s = this.sessionOf();
    this.findings = s.doc ? collectFindings(s.doc, s.layouts, s.assetInfo, s.fonts ?? undefined, s.exportPreset, undefined, s.composeNotices) : [];
  }
}
