/** A core stand-in for the Electron-side tests: records how it was made and when it was closed. */
import { vi } from 'vitest';
import type { Core, CoreOptions } from '../../src-main/core';
import type { Handlers } from '../../src-main/ipc/handlers';
import { createEventBus } from '../../src-main/services/eventBus';

export type FakeCore = {
  core: Core;
  options: () => CoreOptions;
  close: ReturnType<typeof vi.fn>;
  importFile: ReturnType<typeof vi.fn>;
  createCore: (options: CoreOptions) => Core;
};

export function fakeCore(onClose: () => void = () => undefined): FakeCore {
  let made: CoreOptions | undefined;
  const close = vi.fn(onClose);
  const importFile = vi.fn();
  const handlers = { 'portable:import': importFile } as Partial<Handlers>;
  const core = {
    handlers: handlers as Handlers,
    events: createEventBus(),
    close,
  } as Partial<Core> as Core;
  return {
    core,
    close,
    importFile,
    options: () => {
      if (!made) throw new Error('the core was never created');
      return made;
    },
    createCore: (options) => {
      made = options;
      return core;
    },
  };
}
