/**
 * Svelte action for the app's dialogs: `<dialog use:modal={{ open, onopen }}>` shows the dialog modally while
 * `open` is true (calling `onopen` once each time it opens, e.g. to list files) and closes it otherwise.
 */

/** Parameters of `modal`. */
export interface ModalOptions {
  open: boolean;
  /** Called right after the dialog opens. */
  onopen?: () => void;
}

/** The action: idempotent on every update, so it may run whenever the parameters are re-created. */
export function modal(dialog: HTMLDialogElement, options: ModalOptions): { update(options: ModalOptions): void } {
  const apply = ({ open, onopen }: ModalOptions) => {
    if (open && !dialog.open) {
      dialog.showModal();
      onopen?.();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  };
  apply(options);
  return { update: apply };
}
