/**
 * The preload: exposes exactly one object, `window.folio`, with one function per host channel plus the
 * desktop-only functions. The renderer never sees ipcRenderer, events or senders. Bundled as CommonJS
 * (a sandboxed preload cannot load ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  HOST_CHANNEL_NAMES,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  SET_DIRTY_CHANNEL,
  SET_UI_LOCALE_CHANNEL,
  SHELL_CHANNEL_NAMES,
  ipcChannel,
  type MenuCommand,
} from '../ipc/channels.js';

const menuCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);
const bridge: Record<string, unknown> = {};

for (const name of [...HOST_CHANNEL_NAMES, ...SHELL_CHANNEL_NAMES]) {
  bridge[name] = (payload: unknown) => ipcRenderer.invoke(ipcChannel(name), payload ?? {});
}

bridge.setDirty = (dirty: unknown) => {
  ipcRenderer.send(SET_DIRTY_CHANNEL, { dirty: dirty === true });
};

bridge.setUiLocale = (locale: unknown) => {
  // Passed on as given: the main process validates it (one of the interface languages) before it rebuilds the menu.
  ipcRenderer.send(SET_UI_LOCALE_CHANNEL, { locale: typeof locale === 'string' ? locale : null });
};

bridge.onMenuCommand = (callback: (command: MenuCommand) => void) => {
  if (typeof callback !== 'function') throw new TypeError('onMenuCommand needs a function.');
  const listener = (_event: unknown, command: unknown) => {
    // Only the command name crosses into the page: never the event (it carries the sender).
    if (typeof command === 'string' && menuCommands.has(command)) callback(command as MenuCommand);
  };
  ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
  };
};

contextBridge.exposeInMainWorld('folio', Object.freeze(bridge));
