/**
 * One folder of the workspace as the Open and Place image dialogs show it: the entries a dialog accepts
 * (folders always), the folder shown, its parent, and why listing failed. The host confines paths to the
 * workspace; browser mode has no native file dialog, so both dialogs browse through this.
 */
import type { FileEntry, Host } from '../../src-core/api/host-api.js';
import { currentTranslator } from '../state/i18n.svelte.js';
import { hostErrorText } from '../state/ui-message.js';

/** A browsable listing of workspace folders, filtered to the files one dialog can use. */
export class WorkspaceListing {
  entries = $state.raw<FileEntry[]>([]);
  /** The folder shown, as the host names it ('.' is the workspace root). */
  dir = $state('.');
  /** Why the last listing failed, in the interface language when it was listed, or null. */
  problem = $state<string | null>(null);
  /** The folder above `dir`, or null at the workspace root. */
  readonly parent = $derived(this.dir === '.' || this.dir === '' ? null : this.dir.split('/').slice(0, -1).join('/') || '.');

  private readonly host: Pick<Host, 'listFiles'>;
  private readonly accepts: (fileName: string) => boolean;

  constructor(host: Pick<Host, 'listFiles'>, accepts: (fileName: string) => boolean) {
    this.host = host;
    this.accepts = accepts;
  }

  /** Lists `where` (default: the folder shown); on failure keeps the old listing and sets `problem`. */
  async list(where: string = this.dir): Promise<void> {
    const res = await this.host.listFiles({ dir: where });
    if (!res.ok) {
      this.problem = hostErrorText(res.error, currentTranslator());
      return;
    }
    this.problem = null;
    this.dir = res.value.dir;
    this.entries = res.value.entries.filter((e) => e.kind === 'dir' || this.accepts(e.name));
  }
}
