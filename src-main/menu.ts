/** The application menu. Commands that act on the page are sent to the renderer's command registry. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/app/contract';

export type MenuActions = {
  sendCommand: (command: MenuCommand) => void;
  showDataFolder: () => void;
  isDev: boolean;
};

export function buildMenuTemplate(
  { sendCommand, showDataFolder, isDev }: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Session', accelerator: 'CmdOrCtrl+N', click: () => sendCommand('session.new') },
        { label: 'Find Session…', accelerator: 'CmdOrCtrl+F', click: () => sendCommand('session.find') },
        { type: 'separator' },
        {
          label: 'Duplicate Session',
          accelerator: 'CmdOrCtrl+D',
          click: () => sendCommand('session.duplicate'),
        },
        { label: 'Delete Session…', click: () => sendCommand('session.delete') },
        { type: 'separator' },
        { label: 'Show Data Folder', click: showDataFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(isDev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
