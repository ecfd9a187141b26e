/**
 * The application menu. Document commands are sent to the renderer as `menu:command` events (the renderer owns
 * the document and its one undo history); clipboard items use Chromium's native roles.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './channels.js';

/** Builds and installs the application menu; `send` delivers a command to the focused window's renderer. */
export function installApplicationMenu(send: (command: MenuCommand) => void, options: { devTools: boolean }): void {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New from Template…', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
        { type: 'separator' },
        item('Export PDF…', 'export-pdf', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo go to the document's own history (ProseMirror + page commands), not Chromium's.
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find…', 'find', 'CmdOrCtrl+F'),
        item('Find and Replace…', 'replace', 'CmdOrCtrl+H'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Fit Page', 'zoom-fit', 'CmdOrCtrl+0'),
        { type: 'separator' },
        item('Show Grid', 'toggle-grid', "CmdOrCtrl+'"),
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [item('Keyboard Shortcuts', 'shortcuts', 'F1')],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
