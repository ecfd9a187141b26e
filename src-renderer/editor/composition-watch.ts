/**
 * Input-method compositions aimed at the story text, wherever focus was when they began.
 *
 * With the galley's selection still in place but focus on a toolbar button (Track changes, say), Chrome fires
 * compositionstart at the button, then moves focus into the editable text holding the selection and changes
 * it. ProseMirror listens on its own element only: it misses the start and reads the first composed text as
 * typing, so tracking marked the preedit (the pinyin) as an insertion and redrew the text under the IME, which
 * then left the pinyin behind: 城山 became [-城山-][+chengshan城北+]. This watch listens on the whole document
 * and says whether a composition whose selection lies in the editor is under way, so the editor can leave it
 * alone until it ends.
 */

/** Whether a composition aimed at the editor's text is under way; `destroy` stops listening. */
export interface CompositionWatch {
  readonly active: boolean;
  destroy(): void;
}

/**
 * Watches compositions that begin while the document's selection lies inside `editorDom` (focused or not).
 * @param onEnd called once such a composition, or any composition ending inside `editorDom`, has ended
 */
export function watchCompositions(editorDom: HTMLElement, onEnd: () => void): CompositionWatch {
  const doc = editorDom.ownerDocument;
  let active = false;
  const start = (): void => {
    const anchor = doc.getSelection()?.anchorNode;
    active = anchor != null && editorDom.contains(anchor);
  };
  const end = (event: Event): void => {
    const aimed = active || (event.target instanceof Node && editorDom.contains(event.target));
    active = false;
    if (aimed) onEnd();
  };
  // Capture phase: seen first, whichever element the browser aims the event at.
  doc.addEventListener('compositionstart', start, true);
  doc.addEventListener('compositionend', end, true);
  return {
    get active() {
      return active;
    },
    destroy() {
      doc.removeEventListener('compositionstart', start, true);
      doc.removeEventListener('compositionend', end, true);
    },
  };
}
