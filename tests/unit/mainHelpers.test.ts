import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '@shared/app/contract';
import type { MenuCommand } from '@shared/app/contract';
import { isSafeExternalUrl } from '../../src-main/externalLinks';
import { buildMenuTemplate } from '../../src-main/menu';
import { defaultDataDir, readFlag, resolveDatabasePath } from '../../src-main/paths';

describe('external links', () => {
  it.each([
    ['https://www.djangoproject.com/', true],
    ['mailto:dana@example.com', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@example.com', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s -> %s', (url, safe) => expect(isSafeExternalUrl(url)).toBe(safe));
});

describe('data paths', () => {
  it('match Electron userData for an app called Stackwise', () => {
    expect(defaultDataDir('linux', {}, '/home/dana')).toBe('/home/dana/.config/Stackwise');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/dana')).toBe('/cfg/Stackwise');
    expect(defaultDataDir('darwin', {}, '/Users/dana')).toBe(
      '/Users/dana/Library/Application Support/Stackwise',
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\dana\\AppData\\Roaming' }, 'C:\\Users\\dana')).toBe(
      join('C:\\Users\\dana\\AppData\\Roaming', 'Stackwise'),
    );
  });

  it('take --db, then STACKWISE_DB, then the data folder', () => {
    expect(resolveDatabasePath(['--db', '/a.sqlite'], { STACKWISE_DB: '/b.sqlite' }, '/data')).toBe(
      '/a.sqlite',
    );
    expect(resolveDatabasePath(['--db=/c.sqlite'], {}, '/data')).toBe('/c.sqlite');
    expect(resolveDatabasePath([], { STACKWISE_DB: '/b.sqlite' }, '/data')).toBe('/b.sqlite');
    expect(resolveDatabasePath([], {}, '/data')).toBe(join('/data', 'stackwise.sqlite'));
    expect(readFlag(['--port', '0'], 'port')).toBe('0');
  });
});

describe('application menu', () => {
  it('offers every renderer command, and developer tools only in development', () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate(
      { sendCommand: (c) => sent.push(c), showDataFolder: () => undefined, isDev: false },
      'linux',
    );
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    for (const item of items) {
      if (typeof item.click === 'function') (item.click as () => void)();
    }
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    const dev = buildMenuTemplate(
      { sendCommand: () => undefined, showDataFolder: () => undefined, isDev: true },
      'linux',
    );
    expect(
      dev
        .flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
        .some((i) => i.role === 'toggleDevTools'),
    ).toBe(true);
  });
});
