/**
 * The presenter view: full screen on the second display when one is attached, a normal window on
 * the laptop's screen when not; one window reused; reload keys stopped before the room sees them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { createPresenter, isReloadKey } from '../../src-main/app/presenter';
import { fakeEvent, FakeBrowserWindow, LAPTOP, PROJECTOR, resetFakeElectron, screen } from './fakeElectron';

const setup = { preloadPath: '/p.cjs', rendererUrl: 'app://stackwise/index.html' };

function onlyWindow(): FakeBrowserWindow {
  const [window] = FakeBrowserWindow.all;
  if (!window || FakeBrowserWindow.all.length !== 1) throw new Error('expected exactly one window');
  return window;
}

beforeEach(resetFakeElectron);

describe('where the presenter window opens', () => {
  it('full screen on the second display when one is attached', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    expect(createPresenter(setup).open('s 1')).toBe(true);
    const window = onlyWindow();
    expect(window.options).toMatchObject({ fullscreen: true, x: 1480, y: 40, width: 1840, height: 1000 });
    expect(window.loaded).toEqual(['app://stackwise/index.html#/present/s%201']);
  });

  it('a normal window on the only display when there is no second one', () => {
    screen.displays = [LAPTOP];
    createPresenter(setup).open('s1');
    expect(onlyWindow().options).toMatchObject({ fullscreen: false, x: 40, y: 40, width: 1360, height: 820 });
  });

  it('asking again moves the open window to the new session instead of opening another', () => {
    const presenter = createPresenter(setup);
    presenter.open('s1');
    presenter.open('s2');
    const window = onlyWindow();
    expect(window.loaded).toEqual([
      'app://stackwise/index.html#/present/s1',
      'app://stackwise/index.html#/present/s2',
    ]);
    expect(window.focusCount).toBe(1);
  });

  it('a closed presenter window is made again next time', () => {
    const presenter = createPresenter(setup);
    presenter.open('s1');
    onlyWindow().close();
    expect(presenter.window()).toBeUndefined();
    presenter.open('s1');
    expect(FakeBrowserWindow.all).toHaveLength(2);
  });

  it('gives its page the focus when it is shown, so the clicker’s first key lands', () => {
    createPresenter(setup).open('s1');
    const window = onlyWindow();
    window.emit('ready-to-show');
    expect(window.webContents.focusCount).toBe(1);
  });
});

describe('reload keys on the shared screen', () => {
  const key = (key: string, modifiers: { control?: boolean; meta?: boolean } = {}) => ({
    type: 'keyDown',
    key,
    control: modifiers.control ?? false,
    meta: modifiers.meta ?? false,
  });

  it.each([
    ['F5', key('F5')],
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('R', { meta: true })],
  ])('%s is stopped', (_label, input) => {
    createPresenter(setup).open('s1');
    const event = fakeEvent();
    onlyWindow().webContents.emit('before-input-event', event, input);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    ['R alone', key('r')],
    ['Page Down', key('PageDown')],
    ['the key being let go', { ...key('F5'), type: 'keyUp' }],
  ])('%s goes through', (_label, input) => {
    expect(isReloadKey(input)).toBe(false);
  });
});
