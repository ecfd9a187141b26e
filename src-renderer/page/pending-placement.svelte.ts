/**
 * A picture that is imported but not yet on the page because the page has no empty area for it: the page
 * canvas shows a crosshair (a "loaded cursor", as layout tools have) and the next click says where it goes;
 * Escape cancels. Interface state only — nothing here is part of the document until the click places it.
 */
import type { Asset } from '../../src-core/model/document.js';

/** What waits to be placed, and where it was asked for. */
export interface PendingPlacement {
  /** The document it was imported into (a placement never crosses documents). */
  readonly handle: string;
  /** The imported asset. */
  readonly asset: Asset;
  /** The workspace file it came from, for the notice. */
  readonly path: string;
  /** Pages of a PDF asset, for the notice. */
  readonly pageCount?: number;
}

let pending = $state.raw<PendingPlacement | null>(null);

/** The picture waiting for a click, or null. */
export function pendingPlacement(): PendingPlacement | null {
  return pending;
}

/** Starts (a placement) or ends (null) waiting for a click. */
export function setPendingPlacement(next: PendingPlacement | null): void {
  pending = next;
}
