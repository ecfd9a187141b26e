/**
 * IPC names shared by the main process and the preload. Names only (no zod, no electron), so the sandboxed
 * preload bundle stays small and tests can load this file.
 */
import type { HostChannel } from '../../src-core/api/host-api.js';

/** Prefix of every invoke channel: `folio:<name>`. */
export const IPC_PREFIX = 'folio:';

/** The host channels, as the preload exposes them (checked against HostChannel below and in tests). */
export const HOST_CHANNEL_NAMES = [
  'listTemplates',
  'newFromTemplate',
  'openSample',
  'openDocument',
  'saveDocument',
  'autosave',
  'closeDocument',
  'renewLease',
  'releaseDocument',
  'listFonts',
  'loadFont',
  'loadAsset',
  'exportPdf',
  'startExport',
  'exportStatus',
  'cancelExport',
  'loadExportedFile',
  'listFiles',
  'importAsset',
  'listRecent',
  'readManuscript',
  'listLibrary',
  'saveLibraryItem',
  'deleteLibraryItem',
] as const satisfies readonly HostChannel[];

// Compile-time exhaustiveness: adding a channel to host-api.ts without listing it here fails type checking.
type MissingHostChannel = Exclude<HostChannel, (typeof HOST_CHANNEL_NAMES)[number]>;
/** Always true; exists so the compiler checks `MissingHostChannel` is empty. */
export const HOST_CHANNELS_COMPLETE: [MissingHostChannel] extends [never] ? true : never = true;

/** Desktop-only invoke channels (native dialogs), beside the host channels. */
export const SHELL_CHANNEL_NAMES = ['chooseOpenPath', 'chooseSavePath'] as const;
/** A desktop-only invoke channel. */
export type ShellChannel = (typeof SHELL_CHANNEL_NAMES)[number];

/** One-way message: the renderer reports unsaved changes (main asks before closing). */
export const SET_DIRTY_CHANNEL = 'folio:setDirty';
/** One-way message: the renderer switched its interface language (main rebuilds the menu in it). */
export const SET_UI_LOCALE_CHANNEL = 'folio:setUiLocale';
/** Main → renderer: an application-menu command. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** Commands the application menu sends (names match src-renderer/host/folio-bridge.ts `MenuCommand`). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export-pdf',
  'undo',
  'redo',
  'zoom-in',
  'zoom-out',
  'zoom-fit',
  'toggle-grid',
  'find',
  'replace',
  'shortcuts',
  'go-to-page',
] as const;
/** An application-menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The full IPC channel name of a host or shell channel. */
export function ipcChannel(name: string): string {
  return `${IPC_PREFIX}${name}`;
}
