/**
 * The view state of issue-scale navigation (issue 14 item 7), one instance on the session: how many spreads a
 * row of the Pages panel shows, the story list's filter, whether Go to page (Ctrl+G) is open, and the page
 * deletion the undo notice offers to take back. Document changes still go through the session's commands.
 */
import type { FolioDocument } from '../../src-core/model/document.js';
import { MAX_SPREADS_PER_ROW, MIN_SPREADS_PER_ROW } from './page-navigation.js';

/** A page deletion that can still be undone from the notice: the page's name and the document it left. */
export interface DeletedPage {
  name: string;
  /** The document right after the deletion: the notice goes once the document is anything else. */
  after: FolioDocument;
}

/** See the module summary. */
export class IssueNavigation {
  #spreadsPerRow = $state(MIN_SPREADS_PER_ROW);
  /** Text the story list is filtered by (story names containing it). */
  storyFilter = $state('');
  /** Go to page dialog open. */
  goToOpen = $state(false);
  /** The latest page deletion, while it is the latest change. */
  deletedPage = $state.raw<DeletedPage | null>(null);

  /** Spreads to a row of the Pages panel, kept within MIN_SPREADS_PER_ROW…MAX_SPREADS_PER_ROW. */
  get spreadsPerRow(): number {
    return this.#spreadsPerRow;
  }
  set spreadsPerRow(n: number) {
    this.#spreadsPerRow = Math.max(MIN_SPREADS_PER_ROW, Math.min(MAX_SPREADS_PER_ROW, Math.round(n) || MIN_SPREADS_PER_ROW));
  }
}
