/**
 * The typed shape of `window.folio`, the one object the Electron preload exposes (contextBridge).
 * It carries one function per Host channel plus two shell-only functions. Browser mode has no
 * `window.folio`; the renderer then talks HTTP (http-host.ts).
 */
import type { Host, HostResult } from '../../src-core/api/host-api.js';
import type { UiLocale } from '../../src-core/i18n/locale.js';

/** A menu command sent by the Electron application menu (File/Edit/View/Help items). */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'export-pdf'
  | 'undo'
  | 'redo'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'toggle-grid'
  | 'find'
  | 'replace'
  | 'shortcuts'
  | 'go-to-page'
  | (string & {});

/** `window.folio`: the Host functions plus menu commands and dirty-state reporting. */
export interface FolioBridge extends Host {
  /** Subscribes to application-menu commands; returns an unsubscribe function when the preload provides one. */
  onMenuCommand(callback: (command: MenuCommand) => void): (() => void) | void;
  /** Tells the main process whether there are unsaved changes (it asks before closing the window). */
  setDirty(dirty: boolean): void;
  /** Tells the main process the interface language, so the application menu speaks it too (older preloads lack it). */
  setUiLocale?(locale: UiLocale): void;
  /** Native "Open" dialog (desktop only); `path` null when cancelled. */
  chooseOpenPath?(payload: Record<string, never>): Promise<HostResult<{ path: string | null }>>;
  /** Native "Save" dialog (desktop only) for a document, a PDF or an export folder; `path` null when cancelled. */
  chooseSavePath?(payload: { kind?: 'folio' | 'pdf' | 'dir'; defaultName?: string }): Promise<HostResult<{ path: string | null }>>;
}

declare global {
  interface Window {
    /** Present only inside the Electron app (preload bridge). */
    folio?: FolioBridge;
  }
}
