/**
 * The application menu. Document commands are sent to the renderer as `menu:command` events (the renderer owns
 * the document and its one undo history); clipboard items use Chromium's native roles. Its labels come from the
 * message catalogues, in the interface language of the system (`app.getLocale()`, as the renderer's
 * `navigator.languages` do) unless one is passed in.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { pickLocale, type UiLocale } from '../../src-core/i18n/locale.js';
import { createTranslator } from '../../src-core/i18n/translator.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { MenuCommand } from './channels.js';

/** How the menu is built: with the developer tools item or not, and in which language (default: the system's). */
export interface ApplicationMenuOptions {
  readonly devTools: boolean;
  readonly locale?: UiLocale;
}

/** Builds and installs the application menu; `send` delivers a command to the focused window's renderer. */
export function installApplicationMenu(send: (command: MenuCommand) => void, options: ApplicationMenuOptions): void {
  const { t } = createTranslator(options.locale ?? pickLocale([app.getLocale()]));
  const item = (label: MessageKey, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    accelerator,
    click: () => send(command),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        item('menu.newFromTemplate', 'new', 'CmdOrCtrl+N'),
        item('menu.open', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('menu.save', 'save', 'CmdOrCtrl+S'),
        item('menu.saveAs', 'save-as', 'Shift+CmdOrCtrl+S'),
        { type: 'separator' },
        item('menu.exportPdf', 'export-pdf', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        // Undo/redo go to the document's own history (ProseMirror + page commands), not Chromium's.
        item('menu.undo', 'undo', 'CmdOrCtrl+Z'),
        item('menu.redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
        { type: 'separator' },
        item('menu.find', 'find', 'CmdOrCtrl+F'),
        item('menu.replace', 'replace', 'CmdOrCtrl+H'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        item('menu.zoomIn', 'zoom-in', 'CmdOrCtrl+='),
        item('menu.zoomOut', 'zoom-out', 'CmdOrCtrl+-'),
        item('menu.fitPage', 'zoom-fit', 'CmdOrCtrl+0'),
        { type: 'separator' },
        item('menu.goToPage', 'go-to-page', 'CmdOrCtrl+G'),
        { type: 'separator' },
        item('menu.showGrid', 'toggle-grid', "CmdOrCtrl+'"),
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const, label: t('menu.devTools') }] : []),
      ],
    },
    {
      label: t('menu.help'),
      role: 'help',
      submenu: [item('menu.shortcuts', 'shortcuts', 'F1')],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
