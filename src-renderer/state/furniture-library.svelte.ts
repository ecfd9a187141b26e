/**
 * Interface state of the furniture library: the listing the host last gave (built-in and workspace items) and the
 * item waiting for a click on the page (a "loaded cursor", like a picture with no empty area). Nothing here is
 * document state: an item becomes part of the document only when it is placed, through the session's edit path.
 */
import type { LibraryEntry, LibraryListing } from '../../src-core/api/host-api.js';

/** An item waiting to be placed where the user clicks. */
export interface PendingFurniture {
  /** The document it is to be placed in (a placement never crosses documents). */
  readonly handle: string;
  readonly entry: LibraryEntry;
}

let listing = $state.raw<LibraryListing | null>(null);
let pending = $state.raw<PendingFurniture | null>(null);

/** The library as last listed, or null before the first listing. */
export function libraryListing(): LibraryListing | null {
  return listing;
}

/** Replaces the listing (after the host listed the library). */
export function setLibraryListing(next: LibraryListing | null): void {
  listing = next;
}

/** The item waiting for a click, or null. */
export function pendingFurniture(): PendingFurniture | null {
  return pending;
}

/** Starts (an item) or ends (null) waiting for a click. */
export function setPendingFurniture(next: PendingFurniture | null): void {
  pending = next;
}
