/** The application menu. Commands that act on the page are sent to the renderer's command registry. */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS } from '@shared/app/contract';
import type { MenuCommand } from '@shared/app/contract';

export type MenuActions = {
  sendCommand: (command: MenuCommand) => void;
  showDataFolder: () => void;
  isDev: boolean;
  /** Edit > Check Spelling, a checkbox; left out where the host has no spell-checker to switch. */
  spellcheck?: { enabled: boolean; set: (enabled: boolean) => void };
};

export function buildMenuTemplate(
  { sendCommand, showDataFolder, isDev, spellcheck }: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const item = (command: MenuCommand): MenuItemConstructorOptions => {
    const spec: { label: string; accelerator?: string } = COMMANDS[command];
    return {
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      click: () => sendCommand(command),
    };
  };
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('session.new'),
        item('session.find'),
        { type: 'separator' },
        item('session.duplicate'),
        item('session.delete'),
        { type: 'separator' },
        { label: 'Show Data Folder', click: showDataFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      // Undo and redo go to the page: text undo in a text field, workshop undo elsewhere.
      label: '&Edit',
      submenu: [
        item('edit.undo'),
        item('edit.redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        ...(spellcheck
          ? [
              { type: 'separator' as const },
              {
                label: 'Check Spelling',
                type: 'checkbox' as const,
                checked: spellcheck.enabled,
                click: (menuItem: { checked: boolean }) => spellcheck.set(menuItem.checked),
              },
            ]
          : []),
      ],
    },
    {
      // Their keys are handled by the page (so a presentation clicker's Page Down works too); the
      // shortcuts overlay lists them.
      label: '&Workshop',
      submenu: [
        ...(
          [
            'workshop.previous',
            'workshop.next',
            'workshop.reveal',
            'workshop.anonymous',
            'workshop.present',
          ] as const
        ).map(item),
        // Apart from the others: it opens a listener on the room's network.
        { type: 'separator' },
        item('room.open'),
      ],
    },
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
    { role: 'help', submenu: [item('help.shortcuts')] },
  ];
}
