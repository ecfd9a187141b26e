/**
 * The preflight list's findings, kept current off the keystroke's path (issue 14 item 6): preflight reads every
 * page of the issue, so on 32 pages running it inside each keystroke's update would cost more than composing
 * the page typed on.
 *
 * 1. An effect reads what findings depend on (document, layouts, asset facts, fonts, preset) without running
 *    preflight, and schedules a run in a later task.
 * 2. Runs are at most one per `PREFLIGHT_REFRESH_MS`: fast typing refreshes the list a few times a second, and
 *    the last change is always followed by a run.
 * Must be created while a component initialises (it owns an effect).
 */
import type { FolioSession } from './session.svelte.js';
import { collectFindings, type Finding } from './findings.js';

/** Fastest refresh of the preflight list while the document changes, ms. */
export const PREFLIGHT_REFRESH_MS = 300;

/** Findings of the session's document, refreshed after changes (see the module summary). */
export class LiveFindings {
  /** The latest findings (empty before the first run and without a document). */
  findings = $state.raw<Finding[]>([]);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRunMs = -Infinity;

  /** @param sessionOf the session (a getter: a component's props may be replaced) */
  constructor(private readonly sessionOf: () => FolioSession) {
    $effect(() => {
      const session = sessionOf();
      void session.doc;
      void session.layouts;
      void session.assetInfo;
      void session.fonts;
      void session.exportPreset;
      this.schedule();
    });
    $effect(() => () => {
      if (this.timer !== null) clearTimeout(this.timer);
    });
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const waitMs = Math.max(0, this.lastRunMs + PREFLIGHT_REFRESH_MS - performance.now());
    this.timer = setTimeout(() => this.run(), waitMs);
  }

  private run(): void {
    this.timer = null;
    this.lastRunMs = performance.now();
    const s = this.sessionOf();
    this.findings = s.doc ? collectFindings(s.doc, s.layouts, s.assetInfo, s.fonts ?? undefined, s.exportPreset) : [];
  }
}
